import {
  binomial,
  createSeriesRandom,
  exponential,
  gamma,
  logFactorial,
  poisson,
  standardNormal,
} from "../mod.ts";
import { assert, assertClose, assertThrows } from "./assert.ts";

const DRAWS = 200_000;

/** Sample mean and variance of `draws` values of `draw`. */
function sample(draw: () => number, draws = DRAWS) {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < draws; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / draws;
  return { mean, variance: squares / draws - mean * mean };
}

// The sample mean's standard error is sqrt(var / n). The sample variance's is
// sqrt((mu4 - var^2) / n), with mu4 the fourth central moment of each law.
Deno.test("poisson() has the Poisson mean and variance", async (t) => {
  for (const mean of [0.3, 4, 12, 29.5, 31, 250, 1e5]) {
    await t.step(`mean ${mean}`, () => {
      const uniform = createSeriesRandom(1, `poisson ${mean}`);
      const stats = sample(() => poisson(uniform, mean));
      const mu4 = mean * (1 + 3 * mean);
      assertClose(stats.mean, mean, 4 * Math.sqrt(mean / DRAWS), "mean");
      assertClose(
        stats.variance,
        mean,
        4 * Math.sqrt((mu4 - mean * mean) / DRAWS),
        "variance",
      );
    });
  }
});

Deno.test("poisson() puts the right mass on small counts", () => {
  const uniform = createSeriesRandom(2, "pmf");
  const mean = 35;
  let hits = 0;
  for (let i = 0; i < DRAWS; i++) if (poisson(uniform, mean) === 35) hits++;
  const expected = Math.exp(-mean + 35 * Math.log(mean) - logFactorial(35));
  const error = Math.sqrt(expected * (1 - expected) / DRAWS);
  assertClose(hits / DRAWS, expected, 4 * error, "P(N = 35)");
});

Deno.test("gamma() has the gamma mean and variance", async (t) => {
  for (const shape of [1, 2, 5, 40, 1e4]) {
    await t.step(`shape ${shape}`, () => {
      const uniform = createSeriesRandom(3, `gamma ${shape}`);
      const stats = sample(() => gamma(uniform, shape, 2));
      const variance = 4 * shape;
      const mu4 = 16 * 3 * shape * (shape + 2);
      assertClose(
        stats.mean,
        2 * shape,
        4 * Math.sqrt(variance / DRAWS),
        "mean",
      );
      assertClose(
        stats.variance,
        variance,
        4 * Math.sqrt((mu4 - variance * variance) / DRAWS),
        "variance",
      );
    });
  }
});

/**
 * Draws Gamma(shape, 1) by Marsaglia and Tsang's method with the logarithm
 * test alone, no squeeze. It reads the same uniforms in the same order as
 * `gamma()`: the proposal's normal first, then the acceptance uniform. It
 * counts the rejected tries in `rejected`.
 */
function gammaByLogTest(
  uniform: () => number,
  shape: number,
  rejected: { tries: number },
): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(uniform);
    const root = 1 + c * x;
    if (root > 0) {
      const cube = root * root * root;
      const accept = 1 - uniform();
      const g = 0.5 * x * x + d * (1 - cube + Math.log(cube));
      if (Math.log(accept) < g) return d * cube;
    }
    rejected.tries++;
  }
}

Deno.test("gamma() squeezes change no draw", async (t) => {
  // Each squeeze must accept only tries that the logarithms accept. One that
  // accepted more would give other draws from the first extra try on.
  for (const shape of [1, 1.5, 2.5, 5, 17, 40, 300]) {
    await t.step(`shape ${shape}`, () => {
      const key = `squeeze ${shape}`;
      const uniform = createSeriesRandom(5, key);
      const reference = createSeriesRandom(5, key);
      const rejected = { tries: 0 };
      for (let i = 0; i < DRAWS; i++) {
        const draw = gamma(uniform, shape, 1);
        const expected = gammaByLogTest(reference, shape, rejected);
        if (!Object.is(draw, expected)) {
          throw new Error(
            `Draw ${i} at shape ${shape}: ${draw}, the logarithm test alone gives ${expected}`,
          );
        }
      }
      // The comparison has power only if some tries were rejected.
      assert(rejected.tries > 0, `no try rejected at shape ${shape}`);
    });
  }
});

/** Returns a uniform source that returns `values` in order, then fails. */
function scriptedSource(values: number[]): () => number {
  let next = 0;
  return () => {
    if (next === values.length) throw new Error("scripted source ran out");
    return values[next++];
  };
}

/**
 * Returns `log(1 + y) - y + y^2 / 2 - y^3 / 3` from its series, accurate
 * for |y| <= 0.5 where the closed form cancels.
 */
function logRemainder(y: number): number {
  let sum = 0;
  let power = y * y * y;
  for (let k = 4; k < 80; k++) {
    power *= y;
    sum += (k % 2 === 0 ? -power : power) / k;
  }
  return sum;
}

Deno.test("gamma() decides tries at their boundary", async (t) => {
  // A try with normal x and acceptance uniform w is accepted exactly when
  // w > 1 - exp(g(x)). Each try is fed a w just above and just below that
  // boundary. A squeeze that accepted too much would accept the second. A
  // rejected try is followed by a try with x = 0, always accepted, whose
  // draw is `shape - 1/3`.
  const random = createSeriesRandom(6, "boundary");
  for (const shape of [1, 1.5, 2, 5, 17, 100, 1e4]) {
    await t.step(`shape ${shape}`, () => {
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      let checked = 0;
      while (checked < 40) {
        const u = random();
        let x: number;
        try {
          x = standardNormal(scriptedSource([u]));
        } catch {
          continue; // This u needs more than one uniform.
        }
        if (!(Math.abs(x) >= 0.3 && Math.abs(x) <= 3)) continue;
        const root = 1 + c * x;
        const y = root - 1;
        if (Math.abs(y) > 0.5) continue;
        const g = 3 * d * logRemainder(y) + 0.5 * (x * x - 9 * d * y * y);
        const boundary = -Math.expm1(g);
        const tryWith = (w: number) =>
          gamma(scriptedSource([u, w, 0, 0.5]), shape, 1);
        const accepted = d * root * root * root;
        assertClose(
          tryWith(boundary * (1 + 1e-5)),
          accepted,
          1e-9 * d,
          `x ${x}, w above the boundary`,
        );
        assertClose(
          tryWith(boundary * (1 - 1e-5)),
          d,
          1e-9 * d,
          `x ${x}, w below the boundary`,
        );
        checked++;
      }
    });
  }
});

Deno.test("exponential() has mean 1 and never returns Infinity", () => {
  const uniform = createSeriesRandom(4, "exp");
  const stats = sample(() => exponential(uniform));
  assertClose(stats.mean, 1, 4 * Math.sqrt(1 / DRAWS), "mean");
  assert.ok(Number.isFinite(exponential(() => 0)));
});

/** Asserts that a fraction of `DRAWS` hits matches probability `p` within four standard errors. */
function assertMass(hits: number, p: number, label: string) {
  const error = Math.sqrt(p * (1 - p) / DRAWS);
  assertClose(hits / DRAWS, p, 4 * error, label);
}

// Ziggurat draws land in a layer's rectangle, in a wedge beside it or in
// the tail, which starts at 3.44 for the normal and at 7.70 for the
// exponential. The masses below reach all three; the exact values come from
// the closed-form distribution functions.
Deno.test("standardNormal() has the normal moments and masses", () => {
  const uniform = createSeriesRandom(5, "normal");
  let sum = 0;
  let squares = 0;
  let fourth = 0;
  let beyondThree = 0;
  let beyondTail = 0;
  let nearOne = 0;
  for (let i = 0; i < DRAWS; i++) {
    const x = standardNormal(uniform);
    sum += x;
    squares += x * x;
    fourth += x ** 4;
    if (Math.abs(x) > 3) beyondThree++;
    if (Math.abs(x) > 3.5) beyondTail++;
    if (x > 0.9 && x < 1.1) nearOne++;
  }
  assertClose(sum / DRAWS, 0, 4 * Math.sqrt(1 / DRAWS), "mean");
  assertClose(squares / DRAWS, 1, 4 * Math.sqrt(2 / DRAWS), "variance");
  assertClose(fourth / DRAWS, 3, 4 * Math.sqrt(96 / DRAWS), "fourth moment");
  assertMass(beyondThree, 0.002699796063260207, "P(|X| > 3)");
  assertMass(beyondTail, 0.0004652581580710802, "P(|X| > 3.5)");
  assertMass(nearOne, 0.04839406440037686, "P(0.9 < X < 1.1)");
});

Deno.test("exponential() has the exponential masses", () => {
  const uniform = createSeriesRandom(6, "exponential masses");
  let variance = 0;
  let beyondFive = 0;
  let beyondTail = 0;
  let small = 0;
  for (let i = 0; i < DRAWS; i++) {
    const x = exponential(uniform);
    variance += (x - 1) ** 2;
    if (x > 5) beyondFive++;
    if (x > 7.75) beyondTail++;
    if (x < 0.05) small++;
  }
  assertClose(variance / DRAWS, 1, 4 * Math.sqrt(8 / DRAWS), "variance");
  assertMass(beyondFive, Math.exp(-5), "P(X > 5)");
  assertMass(beyondTail, Math.exp(-7.75), "P(X > 7.75)");
  assertMass(small, 1 - Math.exp(-0.05), "P(X < 0.05)");
});

Deno.test("binomial() has the binomial mean and variance", async (t) => {
  for (const [trials, p] of [[10, 0.3], [700, 0.8]]) {
    await t.step(`${trials} trials, p ${p}`, () => {
      const uniform = createSeriesRandom(7, `binomial ${trials}`);
      const stats = sample(() => binomial(uniform, trials, p));
      const variance = trials * p * (1 - p);
      const mu4 = variance * (1 + 3 * (trials - 2) * p * (1 - p));
      assertClose(
        stats.mean,
        trials * p,
        4 * Math.sqrt(variance / DRAWS),
        "mean",
      );
      assertClose(
        stats.variance,
        variance,
        4 * Math.sqrt((mu4 - variance * variance) / DRAWS),
        "variance",
      );
    });
  }
});

Deno.test("logFactorial() matches summed logs", () => {
  let sum = 0;
  for (let k = 1; k <= 200; k++) {
    sum += Math.log(k);
    assertClose(logFactorial(k), sum, 1e-10 * Math.max(1, sum), `log ${k}!`);
  }
});

Deno.test("poisson(), gamma() and binomial() reject invalid parameters", async (t) => {
  const uniform = createSeriesRandom(1, "invalid");
  const cases: [string, () => number, RegExp][] = [
    ["negative mean", () => poisson(uniform, -1), /Poisson mean -1/],
    ["NaN mean", () => poisson(uniform, NaN), /Poisson mean NaN/],
    ["infinite mean", () => poisson(uniform, Infinity), /Poisson mean/],
    ["zero shape", () => gamma(uniform, 0, 1), /gamma shape 0/],
    ["NaN scale", () => gamma(uniform, 2, NaN), /gamma scale NaN/],
    ["fractional trials", () => binomial(uniform, 2.5, 0.5), /trials 2.5/],
    ["probability above 1", () => binomial(uniform, 3, 1.5), /probability/],
  ];
  for (const [name, draw, message] of cases) {
    await t.step(name, () => {
      assertThrows(draw, RangeError);
      assertThrows(draw, message);
    });
  }
});

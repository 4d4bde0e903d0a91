import {
  drawSplitPoisson,
  drawTabledPoisson,
  SplitMean,
} from "../lib/_poisson_table.ts";
import { UniformStream } from "../lib/_uniform_stream.ts";
import { assert, assertClose, assertStrictEquals } from "./assert.ts";

/** log(k!) summed term by term. */
function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
}

/** Returns the Poisson probability of k, from logs. */
function poissonProbability(mean: number, k: number): number {
  if (mean === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mean) - mean - logFactorial(k));
}

/** Returns the Poisson distribution function on 0..size-1. */
function poissonCdf(mean: number, size: number): number[] {
  const cdf: number[] = [];
  let sum = 0;
  for (let k = 0; k < size; k++) {
    sum += poissonProbability(mean, k);
    cdf.push(sum);
  }
  return cdf;
}

/** A stream that returns `values` in order. */
function streamOfValues(values: number[]): UniformStream {
  let index = 0;
  return new UniformStream(() => values[index++]);
}

/** Returns uniforms on each F(k) and 1e-9 either side, where a count one off would show, and random ones. */
function edgePoints(cdf: number[], seedKey: string): number[] {
  const random = new UniformStream(seedKey);
  const points = [0, 1 - 2 ** -32];
  for (let i = 0; i < 300; i++) points.push(random.next());
  for (let k = 0; cdf[k] < 1 - 1e-8; k++) {
    points.push(cdf[k] - 1e-9, cdf[k], cdf[k] + 1e-9);
  }
  return points.filter((u) => u >= 0 && u < 1);
}

/** Asserts that `count` is the inverse of `cdf` at `u`, allowing rounding of F. */
function assertInverts(count: number, cdf: number[], u: number, what: string) {
  const below = count === 0 ? 0 : cdf[count - 1];
  if (!(below < u + 1e-13 && cdf[count] >= u - 1e-13)) {
    assert.fail(`${what}, u ${u}: got ${count}`);
  }
}

Deno.test("drawSplitPoisson() inverts F", async (t) => {
  // Whole means take one uniform a count, fractions alone take one too, and
  // fractions' counts of 3 and more take the rare tail path.
  for (const mean of [1, 4, 17, 63, 127, 0.05, 0.3, 0.75, 0.999]) {
    await t.step(`mean ${mean}`, () => {
      const cdf = poissonCdf(mean, 400);
      const points = edgePoints(cdf, `split ${mean}`);
      const split = new SplitMean();
      split.set(mean);
      const stream = streamOfValues(points);
      for (const u of points) {
        assertInverts(drawSplitPoisson(stream, split), cdf, u, `mean ${mean}`);
      }
    });
  }
});

Deno.test("SplitMean.set() starts the fraction's F", () => {
  const random = new UniformStream("split");
  const split = new SplitMean();
  for (let i = 0; i < 10_000; i++) {
    const mean = 127.99 * random.next();
    split.set(mean);
    const fraction = mean - Math.floor(mean);
    assertStrictEquals(split.whole, Math.floor(mean));
    assertClose(split.zero, Math.exp(-fraction), 4e-16, `F(0) at ${mean}`);
    const one = Math.exp(-fraction) * (1 + fraction);
    assertClose(split.one, one, 4e-16, `F(1) at ${mean}`);
    const two = one + Math.exp(-fraction) * fraction * fraction / 2;
    assertClose(split.two, two, 4e-16, `F(2) at ${mean}`);
  }
});

Deno.test("drawTabledPoisson() has the Poisson law", async (t) => {
  const draws = 200_000;
  for (const mean of [0.4, 3.2, 17.75, 40.5, 126.9]) {
    await t.step(`mean ${mean}`, () => {
      const stream = new UniformStream(`law ${mean}`);
      const size = Math.ceil(mean + 12 * Math.sqrt(mean) + 20);
      const counts = new Float64Array(size);
      for (let i = 0; i < draws; i++) counts[drawTabledPoisson(stream, mean)]++;

      // Pearson's chi-square over counts expected at least 20 times, the
      // rest pooled in one class.
      let chiSquare = 0;
      let classes = 0;
      let pooledExpected = 0;
      let pooledSeen = 0;
      for (let k = 0; k < size; k++) {
        const expected = draws * poissonProbability(mean, k);
        if (expected >= 20) {
          chiSquare += (counts[k] - expected) ** 2 / expected;
          classes++;
        } else {
          pooledExpected += expected;
          pooledSeen += counts[k];
        }
      }
      if (pooledExpected > 0) {
        chiSquare += (pooledSeen - pooledExpected) ** 2 / pooledExpected;
        classes++;
      }
      // The chi-square has `classes - 1` degrees of freedom, so its mean is
      // df and its standard deviation sqrt(2 df). Six of those above the
      // mean has a chance of 5e-4 at 3 degrees of freedom, the fewest here,
      // and of 1.5e-6 at 60.
      const df = classes - 1;
      const bound = df + 6 * Math.sqrt(2 * df);
      assert(chiSquare < bound, `chi-square ${chiSquare} >= ${bound}`);
    });
  }
});

Deno.test("drawTabledPoisson() takes one uniform per part", () => {
  // 2.5 splits into 2 and 0.5, so it reads two uniforms. u = 0.5 inverts
  // to 2 for the mean 2 (F(1) = 0.406, F(2) = 0.677), and v = 0.1 to 0 for
  // the fraction (F(0) = 0.607).
  const stream = streamOfValues([0.5, 0.1, 0.95]);
  assertStrictEquals(drawTabledPoisson(stream, 2.5), 2);
  // 0.5 has no whole part, so it reads the next uniform alone: 0.95 is
  // above F(1) = 0.910 and below F(2) = 0.986.
  assertStrictEquals(drawTabledPoisson(stream, 0.5), 2);
});

import {
  createSeriesRandom,
  exponential,
  gamma,
  logFactorial,
  poisson,
} from "../mod.ts";
import { assert, assertClose } from "./assert.ts";

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

Deno.test("exponential() has mean 1 and never returns Infinity", () => {
  const uniform = createSeriesRandom(4, "exp");
  const stats = sample(() => exponential(uniform));
  assertClose(stats.mean, 1, 4 * Math.sqrt(1 / DRAWS), "mean");
  assert.ok(Number.isFinite(exponential(() => 0)));
});

Deno.test("logFactorial() matches summed logs", () => {
  let sum = 0;
  for (let k = 1; k <= 200; k++) {
    sum += Math.log(k);
    assertClose(logFactorial(k), sum, 1e-10 * Math.max(1, sum), `log ${k}!`);
  }
});

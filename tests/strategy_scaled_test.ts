import {
  createSeriesRandom,
  DEFAULT_STRATEGY,
  estimateScaledTarget,
  FineSeriesStream,
  generateFineSeriesFromCoarse,
  standardNormal,
  windowVariance,
} from "../mod.ts";
import { resolveVarianceRule } from "../lib/variance_target.ts";
import { assert, assertClose, assertEquals, assertThrows } from "./assert.ts";

/** White noise around 100: its variance falls as 1/m, so beta is 1. */
function whiteCoarse(length: number, seed: number): Float64Array {
  const uniform = createSeriesRandom(seed, "white coarse");
  return Float64Array.from({ length }, () => 100 + 5 * standardNormal(uniform));
}

Deno.test("estimateScaledTarget() finds beta near 1 for white noise", () => {
  const betas = [1, 2, 3, 4, 5, 6].map((seed) =>
    estimateScaledTarget(whiteCoarse(600, seed)).beta
  );
  const mean = betas.reduce((a, b) => a + b) / betas.length;
  const spread = Math.sqrt(
    betas.reduce((sum, beta) => sum + (beta - mean) ** 2, 0) /
      (betas.length - 1),
  );
  assertClose(mean, 1, 4 * spread / Math.sqrt(betas.length) + 0.02, "beta");
});

Deno.test("estimateScaledTarget() falls back to the default beta on a short series", () => {
  const target = estimateScaledTarget([1, 2, 3, 4, 5]);
  assertEquals([target.beta, target.estimated], [
    DEFAULT_STRATEGY.beta,
    false,
  ]);
});

Deno.test("the scaled strategy gives Var(T) (T/dt)^beta at dt", () => {
  const coarse = whiteCoarse(200, 7);
  const strategy = estimateScaledTarget(coarse);
  const rule = resolveVarianceRule(strategy, undefined, 60);
  assertClose(rule.factor, 60 ** strategy.beta, 1e-9 * rule.factor, "factor");
  let expected = 0;
  for (let slot = 0; slot < coarse.length; slot++) {
    const start = Math.max(0, slot - 6);
    expected += windowVariance(coarse, start, Math.min(200, slot + 7)) *
      rule.factor;
  }
  expected /= coarse.length;
  const { fine } = generateFineSeriesFromCoarse(coarse, {
    seed: 4,
    strategy,
    spill: "drop",
    conserve: false,
  });
  let sum = 0;
  for (const value of fine) sum += value;
  const mean = sum / fine.length;
  let squares = 0;
  for (const value of fine) squares += (value - mean) ** 2;
  const measured = squares / (fine.length - 1) -
    windowVariance(coarse, 0, coarse.length);
  // Bins correlate over a few bins at most, so counting one independent bin
  // in 6 overstates the standard error.
  const standardError = expected * Math.sqrt(2 * 6 / fine.length) * 3;
  assertClose(measured, expected, 4 * standardError, "variance at dt");
});

Deno.test("the scaled strategy streams bit-identically", () => {
  const coarse = whiteCoarse(40, 2);
  const strategy = estimateScaledTarget(coarse);
  const whole = generateFineSeriesFromCoarse(coarse, { seed: 5, strategy });
  const stream = new FineSeriesStream({ seed: 5, strategy });
  const parts = [
    stream.push(coarse.slice(0, 3)),
    stream.push(coarse.slice(3, 29)),
    stream.push(coarse.slice(29)),
    stream.finish(),
  ];
  assertEquals(parts.flatMap((part) => [...part]), [...whole.fine]);
});

Deno.test("resolveVarianceRule() rejects bad strategies", async (t) => {
  const cases: [string, () => unknown][] = [
    ["both targetCv and strategy", () => resolveVarianceRule({ cv: 1 }, 1, 60)],
    ["negative cv", () => resolveVarianceRule({ cv: -1 }, undefined, 60)],
    [
      "beta above 2",
      () =>
        resolveVarianceRule(
          {
            kind: "scaled",
            beta: 3,
            maxScale: 2,
            rSquared: 1,
            estimated: true,
          },
          undefined,
          60,
        ),
    ],
  ];
  for (const [name, run] of cases) {
    await t.step(name, () => assertThrows(run, RangeError));
  }
  assert.throws(
    () => resolveVarianceRule({} as { cv: number }, undefined, 60),
    TypeError,
  );
  assert.throws(
    () => resolveVarianceRule("bogus" as "rolling", undefined, 60),
    { name: "TypeError", message: /Invalid option strategy: "bogus"; use/ },
  );
});

Deno.test("the generator's default strategy is the scaled one with beta 0.3", () => {
  // A CV of 0.2 between slots: above the floor once scaled, not before.
  const coarse = whiteCoarse(40, 3).map((value) => 200 + 8 * (value - 100));
  const run = (strategy?: "rolling" | typeof DEFAULT_STRATEGY) =>
    generateFineSeriesFromCoarse(coarse, { seed: 2, strategy }).fine;
  assertEquals(run(), run(DEFAULT_STRATEGY));
  assert.notDeepStrictEqual(run(), run("rolling"));
});

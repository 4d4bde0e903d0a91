import {
  calibrateFromFine,
  estimateScaledTarget,
  generateFineSeriesFromCoarse,
  type VarianceStrategy,
} from "../mod.ts";
import { assert, assertClose, assertThrows } from "./assert.ts";

const COARSE = Array.from({ length: 48 }, (_, i) => 50 + 5 * (i % 3));
/** No clamps and one source, so the engine is exactly the fitted model. */
const PLAIN = { lambdaFixed: 0, maxSources: 1 };
const TRUE = { tau: 0.02, zeta: 0.04, sessionMeanS: 20 };
const TRUE_CV = 1.8;

function meanAndError(values: number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) /
    (values.length - 1);
  return [mean, Math.sqrt(variance / values.length)];
}

Deno.test("calibrateFromFine() recovers the CV and session length of the engine", () => {
  const fits = [1, 2, 3, 4, 5, 6].map((seed) => {
    const reference = generateFineSeriesFromCoarse(COARSE, {
      seed,
      strategy: { cv: TRUE_CV },
      params: { ...PLAIN, ...TRUE },
    }).fine;
    return calibrateFromFine(reference, PLAIN);
  });
  const [cv, cvError] = meanAndError(fits.map((fit) => fit.cv));
  assertClose(cv, TRUE_CV, 4 * cvError + 0.05 * TRUE_CV, "cv");
  const [session, sessionError] = meanAndError(
    fits.map((fit) => fit.params.sessionMeanS),
  );
  // The grid of session lengths has steps of dt / 2 = 2.5 s.
  assertClose(session, TRUE.sessionMeanS, 4 * sessionError + 2.5, "session");
  for (const fit of fits) {
    assertClose(fit.params.tau / fit.params.zeta, 0.5, 1e-12, "ON share");
  }
});

Deno.test("calibrateFromFine() rejects a trace with fewer than two usable slots", () => {
  assertThrows(
    () => calibrateFromFine(new Float64Array(60).fill(1)),
    RangeError,
  );
});

Deno.test("every strategy conserves each slot within 1e-9", async (t) => {
  const reference = generateFineSeriesFromCoarse(COARSE, {
    seed: 9,
    strategy: { cv: 1 },
  }).fine;
  const strategies: [string, VarianceStrategy | undefined][] = [
    ["default", undefined],
    ["rolling", "rolling"],
    ["scaled", estimateScaledTarget(COARSE)],
    ["cv", { cv: 0.8 }],
    ["calibrated", calibrateFromFine(reference)],
  ];
  const coarse = [3, 120, 0.5, 40, NaN, 7, 0, 9000, 11, 12, 13, 14];
  for (const [name, strategy] of strategies) {
    await t.step(name, () => {
      const { fine } = generateFineSeriesFromCoarse(coarse, {
        seed: 3,
        strategy,
      });
      for (let slot = 0; slot < coarse.length; slot++) {
        if (!(coarse[slot] > 0)) continue;
        let sum = 0;
        for (let i = slot * 60; i < (slot + 1) * 60; i++) sum += fine[i];
        const gap = Math.abs(sum / 60 - coarse[slot]) / coarse[slot];
        assert.ok(gap <= 1e-9, `${name} slot ${slot} off by ${gap}`);
      }
    });
  }
});

Deno.test("a calibration applies only at the bin width it was fitted at", () => {
  const reference = generateFineSeriesFromCoarse(COARSE, { seed: 4 }).fine;
  const calibration = calibrateFromFine(reference);
  assert.equal(calibration.dt, 5);
  assertThrows(
    () =>
      generateFineSeriesFromCoarse(COARSE, {
        strategy: calibration,
        params: { dt: 1 },
      }),
    { name: "RangeError", message: /calibrated on 5-s bins, but dt is 1 s/ },
  );
  const { fine } = generateFineSeriesFromCoarse(COARSE, {
    strategy: calibration,
  });
  assert.equal(fine.length, COARSE.length * 60);
});

import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { varianceTimeSlope } from "../lib/stats.ts";

/** Draws iid standard normal values by the Box-Muller transform. */
function normals(seed: string, n: number) {
  const random = seedrandom.alea(seed);
  return Float64Array.from({ length: n }, () => {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    return radius * Math.cos(2 * Math.PI * random());
  });
}

/**
 * Returns the expected beta and a bound on its standard error for unit white
 * noise plus a deterministic part that adds `extra[i]` to the expected
 * Hadamard variance at scale i + 1.
 *
 * With block means of variance v = 1 / m, a second difference of the noise
 * has variance 6v and covariances -4v and v at lags 1 and 2, so for K
 * Gaussian differences Var(sum of squares) = 140 K v^2. A deterministic part
 * s_k adds 4 Var(sum s_k n_k) <= 64 v sum s_k^2 = 384 K v S, where S is its
 * Hadamard variance. Dividing by (6 K (v + S))^2 gives the relative variance.
 * By the delta method this is also the variance of ln of the estimate, and
 * ln is biased by minus half of it. The weighted slope's errors at
 * different m are correlated, so its standard error is bounded by
 * sum |w_i| sd_i (Cauchy-Schwarz).
 */
function expectedBeta(n: number, extra: number[]) {
  const scales = extra.map((_, i) => i + 1);
  const counts = scales.map((m) => Math.floor(n / m) - 2);
  const x = scales.map(Math.log);
  const total = counts.reduce((sum, k) => sum + k, 0);
  const meanX = x.reduce((sum, value, i) => sum + counts[i] * value, 0) / total;
  const sxx = x.reduce((sum, v, i) => sum + counts[i] * (v - meanX) ** 2, 0);
  let slope = 0;
  let seBound = 0;
  scales.forEach((m, i) => {
    const weight = counts[i] * (x[i] - meanX) / sxx;
    const v = 1 / m;
    const s = extra[i];
    const relativeVariance = (140 * v * v + 384 * v * s) /
      (36 * counts[i] * (v + s) ** 2);
    slope += weight * (Math.log(v + s) - relativeVariance / 2);
    seBound += Math.abs(weight) * Math.sqrt(relativeVariance);
  });
  return { beta: -slope, seBound };
}

Deno.test("varianceTimeSlope() gives beta 1 for white noise", () => {
  const n = 1 << 16;
  const result = varianceTimeSlope(normals("slope-white", n), 12);
  const { beta, seBound } = expectedBeta(n, new Array(12).fill(0));
  assert.ok(
    Math.abs(result.beta - beta) < 4 * seBound,
    `beta ${result.beta}, expected ${beta} +- ${4 * seBound}`,
  );
  assert.equal(result.slope, -result.beta);
  assert.ok(Math.abs(result.hurst - 0.5) < 2 * seBound);
  assert.deepEqual(
    Array.from(result.differences),
    Array.from({ length: 12 }, (_, i) => Math.floor(n / (i + 1)) - 2),
  );
});

Deno.test("varianceTimeSlope() sees through a daily cycle", () => {
  // A cycle A sin(w t) with w = 2 pi / 288 (one day of 5-minute slots) has
  // block means of amplitude G = A sin(w m / 2) / (m sin(w / 2)). Their second
  // difference has amplitude 4 G sin^2(w m / 2), so the cycle adds
  // (4 / 3) G^2 sin^4(w m / 2) to the Hadamard variance, averaged over phase.
  const n = 1 << 16;
  const amplitude = 3;
  const w = 2 * Math.PI / 288;
  const noise = normals("slope-cycle", n);
  const series = noise.map((value, t) => value + amplitude * Math.sin(w * t));
  const result = varianceTimeSlope(series, 12);

  const extra = Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const gain = amplitude * Math.sin(w * m / 2) / (m * Math.sin(w / 2));
    return (4 / 3) * gain * gain * Math.sin(w * m / 2) ** 4;
  });
  const { beta, seBound } = expectedBeta(n, extra);
  assert.ok(
    Math.abs(result.beta - beta) < 4 * seBound,
    `beta ${result.beta}, expected ${beta} +- ${4 * seBound}`,
  );
  // The cycle shifts beta by less than a tenth, against about 1 for the
  // plain variance of block means.
  assert.ok(Math.abs(beta - 1) < 0.1, `closed form gives beta = ${beta}`);
});

Deno.test("varianceTimeSlope() removes a linear trend", () => {
  const noise = normals("slope-trend", 10_000);
  const trended = noise.map((value, t) => value + 0.07 * t);
  const plain = varianceTimeSlope(noise, 8);
  const result = varianceTimeSlope(trended, 8);
  // Second differences of a linear trend's block means are 0, and rounding of
  // values up to 700 moves each block mean by about 1e-13 against second
  // differences of about 0.3, so relative changes stay below 1e-9.
  for (let i = 0; i < 8; i++) {
    const change = Math.abs(result.variances[i] / plain.variances[i] - 1);
    assert.ok(change < 1e-9, `m = ${i + 1}: relative change ${change}`);
  }
  assert.ok(Math.abs(result.beta - plain.beta) < 1e-9);
});

Deno.test("varianceTimeSlope() drops differences that touch NaN", () => {
  const series = [0, 0, 0, 0, 0, NaN, 0, 0, 0, 0, 0, 6];
  const result = varianceTimeSlope(series, 2);
  // m = 1: differences k = 3, 4, 5 touch index 5; of the other 7 only
  // k = 9 is non-zero, 0 - 2 * 0 + 6 = 6, so 36 / (6 * 7).
  // m = 2: block means 0, 0, NaN, 0, 0, 3; only k = 3 is valid, 3 - 0 + 0.
  assert.deepEqual(Array.from(result.differences), [7, 1]);
  assert.equal(result.variances[0], 6 / 7);
  assert.equal(result.variances[1], 9 / 6);
  const slope = Math.log(result.variances[1] / result.variances[0]) /
    Math.LN2;
  assert.ok(Math.abs(result.beta + slope) < 1e-14);
});

Deno.test("varianceTimeSlope() gives NaN for a constant", () => {
  const result = varianceTimeSlope(new Float64Array(100).fill(0.4), 5);
  assert.ok(Number.isNaN(result.beta));
});

Deno.test("varianceTimeSlope() rejects invalid maxScale", async (t) => {
  const cases: [string, number, RegExp][] = [
    ["one", 1, /maxScale must be a whole number >= 2, got 1/],
    [
      "above a quarter",
      6,
      /maxScale \(6\) needs at least 24 values, got 20; use a maxScale of at most 5/,
    ],
  ];
  for (const [name, maxScale, message] of cases) {
    await t.step(name, () => {
      assert.throws(
        () => varianceTimeSlope(new Float64Array(20), maxScale),
        (error: Error) => {
          assert.ok(error instanceof RangeError, String(error));
          assert.match(error.message, /^Cannot estimate variance-time slope: /);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { hurstAggregatedVariance } from "../lib/stats.ts";

/** Draws iid standard normal values by the Box-Muller transform. */
function normals(seed: string, n: number) {
  const random = seedrandom.alea(seed);
  return Float64Array.from({ length: n }, () => {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    return radius * Math.cos(2 * Math.PI * random());
  });
}

/** Returns the least-squares weights w with slope = sum w_i y_i. */
function slopeWeights(x: ArrayLike<number>): number[] {
  const mean = Array.from(x).reduce((sum, value) => sum + value, 0) / x.length;
  const sxx = Array.from(x).reduce(
    (sum, value) => sum + (value - mean) ** 2,
    0,
  );
  return Array.from(x, (value) => (value - mean) / sxx);
}

Deno.test("hurstAggregatedVariance() gives 0.5 for white noise", () => {
  const n = 1 << 17;
  const estimate = hurstAggregatedVariance(normals("hurst-white", n));
  const weights = slopeWeights(estimate.scales.map(Math.log));

  // For k iid normal block means, ln s^2 has mean ln(sigma^2 / m) + b and
  // variance psi'((k - 1) / 2), where b = psi((k - 1) / 2) - ln((k - 1) / 2)
  // is about -1/(k - 1) - 1/(3 (k - 1)^2) and psi' is about
  // 2/(k - 1) + 2/(k - 1)^2. The fitted slope is sum w_i ln s_i^2, and its
  // errors at different m are correlated, so its standard error is bounded
  // by sum |w_i| sd_i (Cauchy-Schwarz).
  let expectedSlope = -1;
  let slopeSeBound = 0;
  estimate.scales.forEach((m, i) => {
    const dof = Math.floor(n / m) - 1;
    expectedSlope += weights[i] * (-1 / dof - 1 / (3 * dof * dof));
    slopeSeBound += Math.abs(weights[i]) * Math.sqrt(2 / dof + 2 / dof ** 2);
  });
  const expected = 1 + expectedSlope / 2;
  const seBound = slopeSeBound / 2;
  assert.ok(
    Math.abs(estimate.hurst - expected) < 4 * seBound,
    `H ${estimate.hurst}, expected ${expected} +- ${4 * seBound}`,
  );
  assert.ok(Math.abs(estimate.slope - (2 * estimate.hurst - 2)) < 4e-16);
});

Deno.test("hurstAggregatedVariance() reads the cycle as long memory", () => {
  // A cycle of period P and amplitude A adds the variance of its block means,
  // G^2 / 2 with G = A sin(w m / 2) / (m sin(w / 2)), w = 2 pi / P, which
  // hardly falls with m, so H comes out near 1.
  const n = 1 << 16;
  const amplitude = 3;
  const w = 2 * Math.PI / 288;
  const noise = normals("hurst-cycle", n);
  const series = noise.map((value, t) => value + amplitude * Math.sin(w * t));
  const scales = Array.from({ length: 12 }, (_, i) => i + 1);
  const estimate = hurstAggregatedVariance(series, scales);

  // Sample variance of k block means around v + S, with v = 1 / m the noise
  // part and S the cycle part, has variance about 2 (v^2 + 2 v S) / (k - 1).
  const weights = slopeWeights(scales.map(Math.log));
  let expectedSlope = 0;
  let slopeSeBound = 0;
  scales.forEach((m, i) => {
    const v = 1 / m;
    const gain = amplitude * Math.sin(w * m / 2) / (m * Math.sin(w / 2));
    const cycle = gain * gain / 2;
    const dof = Math.floor(n / m) - 1;
    expectedSlope += weights[i] * Math.log(v + cycle);
    const relativeSd = Math.sqrt(2 * (v * v + 2 * v * cycle) / dof) /
      (v + cycle);
    slopeSeBound += Math.abs(weights[i]) * relativeSd;
  });
  const expected = 1 + expectedSlope / 2;
  assert.ok(expected > 0.9, `closed form gives H = ${expected}`);
  assert.ok(
    Math.abs(estimate.hurst - expected) < 4 * slopeSeBound / 2,
    `H ${estimate.hurst}, expected ${expected} +- ${2 * slopeSeBound}`,
  );
});

Deno.test("hurstAggregatedVariance() spaces default scales in log", () => {
  const n = 10_000;
  const estimate = hurstAggregatedVariance(normals("hurst-scales", n));
  const scales = Array.from(estimate.scales);
  assert.equal(scales[0], 1);
  assert.equal(scales.at(-1), 1000);
  assert.ok(scales.length <= 20);
  assert.deepEqual(scales, [...scales].sort((a, b) => a - b));
  assert.equal(new Set(scales).size, scales.length);
  assert.equal(estimate.variances.length, scales.length);
});

Deno.test("hurstAggregatedVariance() gives NaN for a constant", () => {
  const estimate = hurstAggregatedVariance(new Float64Array(100).fill(2));
  assert.ok(Number.isNaN(estimate.hurst));
});

Deno.test("hurstAggregatedVariance() rejects invalid scales", async (t) => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      "short series",
      () => hurstAggregatedVariance(new Float64Array(19)),
      /default scales need at least 20 values, got 19; pass scales explicitly/,
    ],
    [
      "scale above half",
      () => hurstAggregatedVariance(new Float64Array(10), [1, 6]),
      /scales\[1\] \(6\) leaves fewer than 2 blocks of a series of 10; use a scale of at most 5/,
    ],
    [
      "scale 0",
      () => hurstAggregatedVariance(new Float64Array(10), [0]),
      /scales\[0\] must be a whole number >= 1, got 0/,
    ],
  ];
  for (const [name, run, message] of cases) {
    await t.step(name, () => {
      assert.throws(run, (error: Error) => {
        assert.ok(error instanceof RangeError, String(error));
        assert.match(error.message, /^Cannot estimate Hurst exponent: /);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

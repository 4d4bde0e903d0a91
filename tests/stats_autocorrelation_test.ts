import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { autocorrelation } from "../lib/stats.ts";

/** Draws iid standard normal values by the Box-Muller transform. */
function normals(seed: string, n: number) {
  const random = seedrandom.alea(seed);
  return Float64Array.from({ length: n }, () => {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    return radius * Math.cos(2 * Math.PI * random());
  });
}

/** Simulates a stationary AR(1) x[t] = phi x[t - 1] + e[t], e ~ N(0, 1). */
function ar1(seed: string, n: number, phi: number): Float64Array {
  const series = normals(seed, n);
  series[0] /= Math.sqrt(1 - phi * phi);
  for (let t = 1; t < n; t++) series[t] += phi * series[t - 1];
  return series;
}

Deno.test("autocorrelation() finds no correlation in white noise", () => {
  const n = 100_000;
  const acf = autocorrelation(normals("acf-white", n));
  // Bartlett's formula for iid values: r(k) has standard error 1 / sqrt(n),
  // so 3 / sqrt(n) is the usual 99.7% band.
  assert.equal(acf.length, 13);
  assert.equal(acf[0], 1);
  for (let lag = 1; lag <= 12; lag++) {
    assert.ok(
      Math.abs(acf[lag]) < 3 / Math.sqrt(n),
      `lag ${lag}: r = ${acf[lag]}`,
    );
  }
});

Deno.test("autocorrelation() recovers phi^k of an AR(1)", async (t) => {
  const n = 100_000;
  for (const phi of [0.7, -0.4]) {
    await t.step(`phi ${phi}`, () => {
      const acf = autocorrelation(ar1(`acf-ar1-${phi}`, n, phi), 12);
      for (let lag = 1; lag <= 12; lag++) {
        // Bartlett's formula for an AR(1): n Var(r(k)) =
        // (1 + phi^2)(1 - phi^(2k)) / (1 - phi^2) - 2 k phi^(2k).
        const p2k = phi ** (2 * lag);
        const variance = ((1 + phi * phi) * (1 - p2k) / (1 - phi * phi) -
          2 * lag * p2k) / n;
        const se = Math.sqrt(variance);
        assert.ok(
          Math.abs(acf[lag] - phi ** lag) < 4 * se,
          `lag ${lag}: r = ${acf[lag]}, expected ${phi ** lag} +- ${4 * se}`,
        );
      }
    });
  }
});

Deno.test("autocorrelation() drops pairs with NaN", () => {
  // Non-NaN values 1, 3, 1, 3 have mean 2; deviations -1, NaN, 1, -1, 1.
  // c(0) = 4 / 4; c(1) = (-1 - 1) / 4; c(2) = (-1 + 1) / 4.
  const acf = autocorrelation([1, NaN, 3, 1, 3], 2);
  assert.deepEqual(Array.from(acf), [1, -0.5, 0]);
});

Deno.test("autocorrelation() divides by n, not by the pairs", () => {
  // Mean 2.5, deviations -1.5, -0.5, 0.5, 1.5; c(0) = 5 / 4 and
  // c(3) = -2.25 / 4, so r(3) = -0.45.
  const acf = autocorrelation([1, 2, 3, 4], 3);
  assert.equal(acf[3], -0.45);
});

Deno.test("autocorrelation() gives NaN for a constant", () => {
  const acf = autocorrelation(new Float64Array(20).fill(4), 2);
  assert.ok(acf.every(Number.isNaN));
});

Deno.test("autocorrelation() rejects invalid maxLag", async (t) => {
  const cases: [string, number, RegExp][] = [
    ["zero", 0, /maxLag must be a whole number >= 1, got 0/],
    ["fraction", 1.5, /maxLag must be a whole number >= 1, got 1.5/],
    ["NaN", NaN, /got NaN/],
    ["series length", 3, /maxLag \(3\) must be below the series length 3/],
  ];
  for (const [name, maxLag, message] of cases) {
    await t.step(name, () => {
      assert.throws(
        () => autocorrelation([1, 2, 3], maxLag),
        (error: Error) => {
          assert.ok(error instanceof RangeError, String(error));
          assert.match(error.message, /^Cannot compute autocorrelation: /);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { percentile99, quantile, quantiles } from "../lib/stats.ts";

Deno.test("quantile() interpolates between order statistics", async (t) => {
  // Hyndman and Fan type 7: position (n - 1) p in the sorted sample.
  const cases: [number, number][] = [
    [0, 1],
    [0.25, 1.75],
    [0.5, 2.5],
    [0.875, 3.625],
    [1, 4],
  ];
  for (const [p, expected] of cases) {
    await t.step(`p ${p}`, () => {
      assert.equal(quantile([4, 2, 1, 3], p), expected);
    });
  }
});

Deno.test("quantile() matches uniform quantiles", () => {
  const random = seedrandom.alea("quantile-uniform");
  const n = 100_000;
  const values = Float64Array.from({ length: n }, () => random());
  for (const p of [0.01, 0.5, 0.9, 0.99]) {
    // A sample quantile of U(0, 1) has standard error sqrt(p (1 - p) / n)
    // (asymptotic normality of order statistics, density 1).
    const se = Math.sqrt(p * (1 - p) / n);
    const estimate = quantile(values, p);
    assert.ok(Math.abs(estimate - p) < 4 * se, `p ${p}: ${estimate}`);
  }
  assert.equal(percentile99(values), quantile(values, 0.99));
});

Deno.test("quantiles() equals quantile() at each probability", () => {
  const values = [5, 1, 9, 3, 7, 2];
  const probabilities = [0.1, 0.3, 0.99, 0];
  const result = quantiles(values, probabilities);
  assert.equal(result.length, 4);
  probabilities.forEach((p, i) => {
    assert.equal(result[i], quantile(values, p), `p ${p}`);
  });
});

Deno.test("quantile() drops NaN values", () => {
  assert.equal(quantile([NaN, 3, 1, NaN, 2], 0.5), 2);
  assert.ok(Number.isNaN(quantile([NaN, NaN], 0.5)));
  assert.ok(Number.isNaN(quantile([], 0.5)));
  assert.ok(Number.isNaN(percentile99([])));
});

Deno.test("percentile99() reads the 99th of 101 values", () => {
  const values = Array.from({ length: 101 }, (_, i) => 100 - i);
  assert.equal(percentile99(values), 99);
});

Deno.test("quantile() rejects invalid input", async (t) => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      "p above 1",
      () => quantile([1], 1.5),
      /^Cannot compute quantile: p must be a probability from 0 to 1, got 1.5$/,
    ],
    ["p NaN", () => quantile([1], NaN), /p must be a probability .* got NaN/],
    [
      "probability list",
      () => quantiles([1], [0.5, -0.1]),
      /^Cannot compute quantiles: probabilities\[1\] must be a probability/,
    ],
    [
      "infinite value",
      () => percentile99([0, -Infinity]),
      /^Cannot compute 99th percentile: value at index 1 is -Infinity/,
    ],
  ];
  for (const [name, run, message] of cases) {
    await t.step(name, () => {
      assert.throws(run, (error: Error) => {
        assert.ok(error instanceof RangeError, String(error));
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

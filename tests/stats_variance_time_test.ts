import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { slotScales, varianceTimeCurve } from "../lib/stats.ts";

/** Draws iid normal values by the Box-Muller transform. */
function normals(seed: string, n: number, mean: number, sd: number) {
  const random = seedrandom.alea(seed);
  return Float64Array.from({ length: n }, () => {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    return mean + sd * radius * Math.cos(2 * Math.PI * random());
  });
}

Deno.test("varianceTimeCurve() shrinks white noise as 1 / sqrt(m)", () => {
  const mean = 10;
  const sd = 1;
  const fine = normals("variance-time", 1 << 18, mean, sd);
  const scales = [1, 2, 4, 8, 16, 32, 64];

  for (const point of varianceTimeCurve(fine, 5, scales)) {
    const k = point.blocks;
    // Block means of m iid values have variance sd^2 / m. The sample variance
    // of k normal values has relative standard error sqrt(2 / (k - 1)), and
    // the sample CV has standard error cv * sqrt(1 / (2 (k - 1)) + cv^2 / k)
    // (delta method).
    const variance = sd * sd / point.scale;
    const cv = Math.sqrt(variance) / mean;
    const varianceSe = variance * Math.sqrt(2 / (k - 1));
    const cvSe = cv * Math.sqrt(1 / (2 * (k - 1)) + cv * cv / k);
    assert.equal(k, (1 << 18) / point.scale);
    assert.ok(
      Math.abs(point.variance - variance) < 4 * varianceSe,
      `m = ${point.scale}: variance ${point.variance}, expected ${variance}`,
    );
    assert.ok(
      Math.abs(point.cv - cv) < 4 * cvSe,
      `m = ${point.scale}: CV ${point.cv}, expected ${cv}`,
    );
  }
});

Deno.test("varianceTimeCurve() gives CV 0 for a constant", () => {
  const fine = new Float64Array(600).fill(0.3);
  for (const point of varianceTimeCurve(fine, 5, slotScales(60))) {
    assert.equal(point.variance, 0, `m = ${point.scale}`);
    assert.equal(point.cv, 0, `m = ${point.scale}`);
    assert.equal(point.mean, 0.3, `m = ${point.scale}`);
  }
});

Deno.test("varianceTimeCurve() drops NaN and partial blocks", () => {
  const [point] = varianceTimeCurve([1, 2, 3, NaN, 5, 6, 7], 5, [2]);
  // Blocks [1, 2] and [5, 6] remain, with means 1.5 and 5.5.
  assert.equal(point.blocks, 2);
  assert.equal(point.mean, 3.5);
  assert.equal(point.variance, 8);
  assert.equal(point.cv, Math.sqrt(8) / 3.5);
  assert.equal(point.seconds, 10);
});

Deno.test("varianceTimeCurve() gives NaN CV for a zero mean", () => {
  const [point] = varianceTimeCurve([1, -1, 1, -1], 1, [1]);
  assert.equal(point.mean, 0);
  assert.ok(Number.isNaN(point.cv));
});

Deno.test("varianceTimeCurve() rejects invalid input", async (t) => {
  const cases: [string, () => unknown, ErrorConstructor, RegExp][] = [
    ["dt 0", () => varianceTimeCurve([1, 2], 0, [1]), RangeError, /dt .* 0/],
    [
      "scale 0",
      () => varianceTimeCurve([1, 2], 5, [1, 0]),
      RangeError,
      /scales\[1\] must be a whole number >= 1, got 0/,
    ],
    [
      "scale above length",
      () => varianceTimeCurve([1, 2], 5, [3]),
      RangeError,
      /scales\[0\] \(3\) exceeds the series length 2/,
    ],
    [
      "infinite value",
      () => varianceTimeCurve([1, -Infinity], 5, [1]),
      RangeError,
      /index 1 is -Infinity/,
    ],
    [
      "string value",
      () => varianceTimeCurve(["1"] as unknown as number[], 5, [1]),
      TypeError,
      /index 0 is not a number/,
    ],
  ];
  for (const [name, run, errorClass, message] of cases) {
    await t.step(name, () => {
      assert.throws(run, (error: Error) => {
        assert.ok(error instanceof errorClass, String(error));
        assert.match(error.message, /^Cannot compute variance-time curve: /);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

Deno.test("slotScales() lists the divisors of a slot", () => {
  assert.deepEqual(
    slotScales(60),
    [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60],
  );
  assert.deepEqual(slotScales(1), [1]);
  assert.throws(() => slotScales(2.5), RangeError);
});

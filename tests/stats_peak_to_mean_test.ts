import assert from "node:assert/strict";
import { peakToMean } from "../lib/stats.ts";

Deno.test("peakToMean() gives 1 for a constant", () => {
  const result = peakToMean(new Float64Array(180).fill(0.3), 60);
  assert.deepEqual(Array.from(result.perSlot), [1, 1, 1]);
  assert.equal(result.mean, 1);
  assert.equal(result.median, 1);
  assert.equal(result.max, 1);
});

Deno.test("peakToMean() computes a hand example", () => {
  // Slot 0 has all its volume in one bin: peak 4, mean 1, so the ratio is
  // binsPerSlot, the largest possible. Slot 1: peak 3, mean 2. Slot 2 has a
  // NaN bin and slot 3 a zero mean, so both are dropped.
  const fine = [0, 0, 0, 4, 1, 2, 3, 2, 1, NaN, 1, 1, 0, 0, 0, 0];
  const result = peakToMean(fine, 4);
  assert.equal(result.perSlot.length, 4);
  assert.equal(result.perSlot[0], 4);
  assert.equal(result.perSlot[1], 1.5);
  assert.ok(Number.isNaN(result.perSlot[2]));
  assert.ok(Number.isNaN(result.perSlot[3]));
  assert.equal(result.mean, 2.75);
  assert.equal(result.median, 2.75);
  assert.equal(result.max, 4);
  assert.equal(result.slots, 2);
  assert.equal(result.skippedSlots, 2);
});

Deno.test("peakToMean() takes the middle ratio as median", () => {
  const result = peakToMean([1, 3, 1, 1, 0, 4], 2);
  // Ratios 1.5, 1 and 2.
  assert.equal(result.median, 1.5);
  assert.equal(result.mean, 1.5);
});

Deno.test("peakToMean() gives NaN summaries when no slot is used", () => {
  const result = peakToMean([NaN, 1, 0, 0], 2);
  assert.equal(result.slots, 0);
  assert.ok(Number.isNaN(result.mean));
  assert.ok(Number.isNaN(result.median));
  assert.ok(Number.isNaN(result.max));
});

Deno.test("peakToMean() rejects invalid input", async (t) => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      "partial slot",
      () => peakToMean([1, 2, 3], 2),
      /series length 3 is not a whole number of slots of 2 bins; trim it to a multiple of 2/,
    ],
    [
      "binsPerSlot fraction",
      () => peakToMean([1, 2], 0.5),
      /binsPerSlot must be a whole number >= 1, got 0.5/,
    ],
    [
      "infinite value",
      () => peakToMean([1, Infinity], 2),
      /value at index 1 is Infinity/,
    ],
  ];
  for (const [name, run, message] of cases) {
    await t.step(name, () => {
      assert.throws(run, (error: Error) => {
        assert.ok(error instanceof RangeError, String(error));
        assert.match(error.message, /^Cannot compute peak-to-mean ratio: /);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

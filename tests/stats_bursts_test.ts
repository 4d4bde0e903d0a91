import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { burstStatistics } from "../lib/stats.ts";

Deno.test("burstStatistics() computes a hand example", () => {
  const fine = [
    ...[1, 1, 1, 9], // mean 3, threshold 6: bin 3 is above (height 3)
    ...[8, 1, 1, 2], // mean 3: bin 4 is above (8/3) and joins bin 3
    ...[2, 0, 0, 2], // mean 1, threshold 2: equal is not above
    ...[0, 7, 0, 1], // mean 2, threshold 4: bin 13 is above (height 3.5)
    ...[NaN, 9, 9, 9], // dropped: no time, no bursts
  ];
  const result = burstStatistics(fine, 4, 5);
  // Bursts: bins 3-4 (10 s, volume (9 + 8) * 5 = 85, mean height 17/6,
  // peak 3) and bin 13 (5 s, volume 35, height 3.5), in 4 slots of 20 s.
  assert.equal(result.count, 2);
  assert.equal(result.slots, 4);
  assert.equal(result.skippedSlots, 1);
  assert.equal(result.perHour, 2 / (80 / 3600));
  assert.equal(result.meanDurationS, 7.5);
  assert.equal(result.meanVolume, 60);
  assert.ok(Math.abs(result.meanHeight - 19 / 6) < 4 * Number.EPSILON);
  assert.equal(result.meanPeakHeight, 3.25);
});

Deno.test("burstStatistics() finds no burst in a constant", () => {
  const result = burstStatistics(new Float64Array(600).fill(0.3), 60, 5);
  assert.equal(result.count, 0);
  assert.equal(result.perHour, 0);
  assert.ok(Number.isNaN(result.meanHeight));
  assert.ok(Number.isNaN(result.meanDurationS));
  assert.ok(Number.isNaN(result.meanVolume));
});

Deno.test("burstStatistics() splits a run at a dropped slot", () => {
  // Slot 1 has a NaN bin, so the bursts at the end of slot 0 and the start
  // of slot 2 stay apart and slot 1 adds none.
  const result = burstStatistics([0, 0, 0, 4, NaN, 9, 9, 9, 4, 0, 0, 0], 4, 1);
  assert.equal(result.count, 2);
  assert.equal(result.skippedSlots, 1);
  assert.equal(result.meanDurationS, 1);
});

Deno.test("burstStatistics() applies the threshold", () => {
  // Mean 1: the bin at 2 is above 1.5 times the mean but not above 2 times.
  assert.equal(burstStatistics([0, 2], 2, 1, 1.5).count, 1);
  assert.equal(burstStatistics([0, 2], 2, 1).count, 0);
});

Deno.test("burstStatistics() matches iid exponential bins", () => {
  // For iid Exponential(1) bins and long slots, a bin is above 2 x mean
  // with probability q = e^-2. Runs start with probability p = q (1 - q) per
  // bin. Start indicators at neighbouring bins exclude each other, so the
  // count has variance N (p - 3 p^2). Run lengths are geometric with mean
  // 1 / (1 - q) and variance q / (1 - q)^2. By memorylessness each burst bin
  // has height 2 + Exponential(1), so a burst's mean height is 3 on average
  // with variance at most 1. The slot mean of 10^4 bins moves q by a
  // relative 2e-4, far below these errors.
  const random = seedrandom.alea("bursts-exponential");
  const binsPerSlot = 10_000;
  const n = 100 * binsPerSlot;
  const fine = Float64Array.from({ length: n }, () => -Math.log(1 - random()));
  const dt = 5;
  const result = burstStatistics(fine, binsPerSlot, dt);

  const q = Math.exp(-2);
  const p = q * (1 - q);
  const countSe = Math.sqrt(n * (p - 3 * p * p));
  assert.ok(
    Math.abs(result.count - n * p) < 4 * countSe,
    `count ${result.count}, expected ${n * p} +- ${4 * countSe}`,
  );
  const hours = n * dt / 3600;
  assert.ok(Math.abs(result.perHour - n * p / hours) < 4 * countSe / hours);

  const meanBins = 1 / (1 - q);
  const binsSe = Math.sqrt(q) / (1 - q) / Math.sqrt(result.count);
  assert.ok(
    Math.abs(result.meanDurationS / dt - meanBins) < 4 * binsSe,
    `duration ${result.meanDurationS / dt} bins, expected ${meanBins}`,
  );
  const heightSe = 1 / Math.sqrt(result.count);
  assert.ok(
    Math.abs(result.meanHeight - 3) < 4 * heightSe,
    `height ${result.meanHeight}`,
  );
});

Deno.test("burstStatistics() rejects invalid input", async (t) => {
  const cases: [string, () => unknown, RegExp][] = [
    ["dt 0", () => burstStatistics([1, 2], 2, 0), /dt must be .* > 0, got 0/],
    [
      "threshold NaN",
      () => burstStatistics([1, 2], 2, 5, NaN),
      /threshold must be a finite number > 0, got NaN/,
    ],
    [
      "partial slot",
      () => burstStatistics([1, 2, 3], 2, 5),
      /series length 3 is not a whole number of slots of 2 bins/,
    ],
  ];
  for (const [name, run, message] of cases) {
    await t.step(name, () => {
      assert.throws(run, (error: Error) => {
        assert.ok(error instanceof RangeError, String(error));
        assert.match(error.message, /^Cannot compute burst statistics: /);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

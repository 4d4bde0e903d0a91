import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { withinSlotCv } from "../lib/stats.ts";

/** Draws iid normal values by the Box-Muller transform. */
function normals(seed: string, n: number, mean: number, sd: number) {
  const random = seedrandom.alea(seed);
  return Float64Array.from({ length: n }, () => {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    return mean + sd * radius * Math.cos(2 * Math.PI * random());
  });
}

/**
 * Returns c4(n) = E[s] / sigma for n normal values, from
 * c4(n) = sqrt(2 / (n - 1)) Gamma(n / 2) / Gamma((n - 1) / 2), with the gamma
 * ratio built by the recurrence r(n + 2) = r(n) n / (n - 1).
 */
function c4(n: number): number {
  let ratio = n % 2 === 0 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
  for (let k = n % 2 === 0 ? 2 : 3; k < n; k += 2) ratio *= k / (k - 1);
  return Math.sqrt(2 / (n - 1)) * ratio;
}

Deno.test("c4() matches its closed forms", () => {
  // c4(2) = sqrt(2 / pi) and c4(3) = sqrt(pi) / 2, from the gamma formula.
  assert.ok(Math.abs(c4(2) - Math.sqrt(2 / Math.PI)) < 1e-15);
  assert.ok(Math.abs(c4(3) - Math.sqrt(Math.PI) / 2) < 1e-15);
  assert.ok(Math.abs(c4(4) - Math.sqrt(2 / (3 * Math.PI)) * 2) < 1e-15);
});

Deno.test("withinSlotCv() matches white noise", async (t) => {
  const mean = 10;
  const sd = 1;
  const binsPerSlot = 60;
  const slots = 4096;
  const fine = normals("within-slot", slots * binsPerSlot, mean, sd);

  for (const scale of [1, 6]) {
    await t.step(`scale ${scale}`, () => {
      const n = binsPerSlot / scale;
      const blockSd = sd / Math.sqrt(scale);
      // For normal samples s and the slot mean are independent (Cochran), so
      // E[s / mean] = c4(n) blockSd E[1 / mean], and by the delta method
      // E[1 / mean] = (1 + sd^2 / (binsPerSlot mean^2)) / mean. One slot's s
      // has standard deviation blockSd sqrt(1 - c4(n)^2).
      const inverseMean = (1 + sd * sd / (binsPerSlot * mean * mean)) / mean;
      const expected = c4(n) * blockSd * inverseMean;
      const slotSd = blockSd * Math.sqrt(1 - c4(n) ** 2) / mean;
      const se = slotSd / Math.sqrt(slots);

      const result = withinSlotCv(fine, binsPerSlot, scale);
      assert.equal(result.slots, slots);
      assert.equal(result.skippedSlots, 0);
      assert.ok(
        Math.abs(result.mean - expected) < 4 * se,
        `mean CV ${result.mean}, expected ${expected} +- ${4 * se}`,
      );
    });
  }
});

Deno.test("withinSlotCv() gives 0 for a constant", () => {
  const result = withinSlotCv(new Float64Array(120).fill(0.7), 60);
  assert.deepEqual(Array.from(result.perSlot), [0, 0]);
  assert.equal(result.mean, 0);
});

Deno.test("withinSlotCv() computes a hand example", () => {
  // Slot [1, 3]: mean 2, sample sd sqrt(2). Slot [2, 6, 4, 4] at scale 2:
  // block means 4 and 4, so sd 0.
  const pair = withinSlotCv([1, 3], 2);
  assert.equal(pair.perSlot[0], Math.SQRT2 / 2);
  const blocks = withinSlotCv([2, 6, 4, 4], 4, 2);
  assert.equal(blocks.perSlot[0], 0);
});

Deno.test("withinSlotCv() drops NaN and zero-mean slots", () => {
  const result = withinSlotCv([1, 3, NaN, 2, 0, 0, 2, 2], 2);
  assert.equal(result.perSlot[0], Math.SQRT2 / 2);
  assert.ok(Number.isNaN(result.perSlot[1]));
  assert.ok(Number.isNaN(result.perSlot[2]));
  assert.equal(result.perSlot[3], 0);
  assert.equal(result.mean, Math.SQRT2 / 4);
  assert.equal(result.slots, 2);
  assert.equal(result.skippedSlots, 2);
});

Deno.test("withinSlotCv() rejects invalid input", async (t) => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      "partial slot",
      () => withinSlotCv([1, 2, 3], 2),
      /series length 3 is not a whole number of slots of 2 bins/,
    ],
    [
      "scale not a divisor",
      () => withinSlotCv([1, 2, 3, 4, 5, 6], 6, 4),
      /scale 4 must divide binsPerSlot \(6\) into at least 2 blocks; pick one of 1, 2, 3$/,
    ],
    [
      "scale of a whole slot",
      () => withinSlotCv([1, 2], 2, 2),
      /scale 2 must divide/,
    ],
    [
      "binsPerSlot 0",
      () => withinSlotCv([1, 2], 0),
      /binsPerSlot must be a whole number >= 1, got 0/,
    ],
  ];
  for (const [name, run, message] of cases) {
    await t.step(name, () => {
      assert.throws(run, (error: Error) => {
        assert.ok(error instanceof RangeError, String(error));
        assert.match(error.message, /^Cannot compute within-slot CV: /);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

/**
 * The peak-to-mean ratio of each slot: how far the busiest bin rises above
 * the slot's mean.
 *
 * @module
 */

import { positiveSlotMeans } from "./_blocks.ts";
import { quantileOfSorted, sortedValues } from "./_sorted.ts";
import { assertSeries, assertWholeSlots } from "./_validate.ts";

/** Per-slot peak-to-mean ratios and their summary. */
export interface PeakToMean {
  /** Max over mean of each slot, NaN where the slot was dropped. */
  perSlot: Float64Array;
  /** Mean ratio over the slots used. */
  mean: number;
  /** Median ratio over the slots used (mean of the middle two when even). */
  median: number;
  /** Largest ratio. */
  max: number;
  /** Slots used. */
  slots: number;
  /** Slots dropped: a NaN bin, or a mean not above 0. */
  skippedSlots: number;
}

/**
 * Computes the ratio of the largest bin to the mean bin in each slot, and the
 * mean, median and maximum of those ratios.
 *
 * A flat slot gives 1, and a slot of non-negative rates gives at most
 * `binsPerSlot`. Slots with a NaN bin or a mean not above 0 are dropped.
 *
 * @param fine Fine series, a whole number of slots long.
 * @param binsPerSlot Bins in one slot (T / dt).
 * @returns Per-slot ratios and their summary (NaN summaries when no slot is
 *   used).
 * @throws {RangeError} When the length is not a whole number of slots or a
 *   value is infinite.
 *
 * @example
 * ```ts
 * import { peakToMean } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const result = peakToMean([1, 3, 2, 2], 2);
 * assert.deepEqual(Array.from(result.perSlot), [1.5, 1]);
 * assert.equal(result.median, 1.25);
 * ```
 */
export function peakToMean(
  fine: ArrayLike<number>,
  binsPerSlot: number,
): PeakToMean {
  const action = "compute peak-to-mean ratio";
  assertSeries(fine, action);
  assertWholeSlots(fine, binsPerSlot, action);

  const means = positiveSlotMeans(fine, binsPerSlot);
  const perSlot = new Float64Array(means.length);
  for (let slot = 0; slot < means.length; slot++) {
    let peak = -Infinity;
    const start = slot * binsPerSlot;
    for (let i = start; i < start + binsPerSlot; i++) {
      if (fine[i] > peak) peak = fine[i];
    }
    perSlot[slot] = peak / means[slot];
  }

  const used = sortedValues(perSlot);
  const slots = used.length;
  let sum = 0;
  for (const ratio of used) sum += ratio;
  return {
    perSlot,
    mean: slots > 0 ? sum / slots : NaN,
    median: quantileOfSorted(used, 0.5),
    max: slots > 0 ? used[slots - 1] : NaN,
    slots,
    skippedSlots: means.length - slots,
  };
}

/**
 * The within-slot coefficient of variation: variability inside a coarse slot,
 * which the coarse series cannot show.
 *
 * @module
 */

import { blockMeans, moments, positiveSlotMeans } from "./_blocks.ts";
import { assertInteger, assertSeries, assertWholeSlots } from "./_validate.ts";
import { slotScales } from "./variance_time.ts";

/** The coefficient of variation inside slots. */
export interface WithinSlotCv {
  /** CV of each slot, NaN where the slot was dropped. */
  perSlot: Float64Array;
  /** Mean of the per-slot CVs over the slots used. */
  mean: number;
  /** Slots used. */
  slots: number;
  /** Slots dropped: a NaN bin, or a mean not above 0. */
  skippedSlots: number;
}

/**
 * Computes the within-slot coefficient of variation: for each slot, the
 * standard deviation of its block means of `scale` bins divided by the slot
 * mean, and the average over slots.
 *
 * This measures variability inside a coarse slot, which the coarse series
 * cannot show. The standard deviation uses divisor (blocks - 1), so iid bins
 * give an unbiased variance. Slots with a NaN bin or a mean not above 0 are
 * dropped.
 *
 * @param fine Fine series, a whole number of slots long.
 * @param binsPerSlot Bins in one slot (T / dt).
 * @param scale Bins per block inside the slot. It must divide `binsPerSlot` and
 *   leave at least two blocks. Defaults to 1 (the bins themselves).
 * @returns Per-slot CVs, their mean and the slot counts.
 * @throws {RangeError} When the length is not a whole number of slots, the
 *   scale does not fit, or a value is infinite.
 *
 * @example
 * ```ts
 * import { withinSlotCv } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const result = withinSlotCv([1, 3, 5, 5, NaN, 1], 2);
 * assert.equal(result.perSlot[1], 0);
 * assert.equal(result.slots, 2);
 * assert.equal(result.skippedSlots, 1);
 * ```
 */
export function withinSlotCv(
  fine: ArrayLike<number>,
  binsPerSlot: number,
  scale = 1,
): WithinSlotCv {
  const action = "compute within-slot CV";
  assertSeries(fine, action);
  assertWholeSlots(fine, binsPerSlot, action);
  assertInteger(scale, "scale", 1, action);
  if (binsPerSlot % scale !== 0 || binsPerSlot / scale < 2) {
    throw new RangeError(
      `Cannot ${action}: scale ${scale} must divide binsPerSlot (${binsPerSlot}) into at least 2 blocks; pick one of ${
        slotScales(binsPerSlot).slice(0, -1).join(", ")
      }`,
    );
  }

  const slotMeans = positiveSlotMeans(fine, binsPerSlot);
  const blocks = blockMeans(fine, scale);
  const blocksPerSlot = binsPerSlot / scale;
  const perSlot = new Float64Array(slotMeans.length);
  let sum = 0;
  let slots = 0;
  for (let slot = 0; slot < slotMeans.length; slot++) {
    const start = slot * blocksPerSlot;
    const { variance } = moments(blocks, start, start + blocksPerSlot);
    perSlot[slot] = Math.sqrt(variance) / slotMeans[slot];
    if (perSlot[slot] === perSlot[slot]) {
      sum += perSlot[slot];
      slots++;
    }
  }
  const mean = slots > 0 ? sum / slots : NaN;
  return { perSlot, mean, slots, skippedSlots: slotMeans.length - slots };
}

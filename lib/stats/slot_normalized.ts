/**
 * Fine values relative to their slot mean: the shape of the variability
 * inside slots, with the level of each slot divided out.
 *
 * @module
 */

import { positiveSlotMeans } from "./_blocks.ts";
import { assertSeries, assertWholeSlots } from "./_validate.ts";

/**
 * Divides each fine value by the mean of its slot, giving a sample whose mean
 * is 1 in every slot.
 *
 * Compare the distributions of two series with {@linkcode quantile} or
 * {@linkcode wasserstein1}. Slots with a NaN bin or a mean not above 0 are
 * dropped, so the result contains `binsPerSlot` values per slot used, in slot
 * order.
 *
 * @param fine Fine series, a whole number of slots long.
 * @param binsPerSlot Bins in one slot (T / dt).
 * @returns The normalized values of the slots used.
 * @throws {RangeError} When the length is not a whole number of slots or a
 *   value is infinite.
 *
 * @example
 * ```ts
 * import { slotNormalizedValues } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const values = slotNormalizedValues([1, 3, NaN, 1, 0, 0], 2);
 * assert.deepEqual(Array.from(values), [0.5, 1.5]);
 * ```
 */
export function slotNormalizedValues(
  fine: ArrayLike<number>,
  binsPerSlot: number,
): Float64Array {
  const action = "normalize by slot mean";
  assertSeries(fine, action);
  assertWholeSlots(fine, binsPerSlot, action);

  const means = positiveSlotMeans(fine, binsPerSlot);
  let slots = 0;
  for (const mean of means) if (mean === mean) slots++;
  const normalized = new Float64Array(slots * binsPerSlot);
  let next = 0;
  for (let slot = 0; slot < means.length; slot++) {
    const mean = means[slot];
    if (mean !== mean) continue;
    const start = slot * binsPerSlot;
    for (let i = start; i < start + binsPerSlot; i++) {
      normalized[next++] = fine[i] / mean;
    }
  }
  return normalized;
}

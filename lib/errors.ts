/**
 * Coarsening fine series back to slots, and the summary errors between two
 * series (MAE, RMSE, MAPE).
 *
 * @module
 */

/**
 * Averages every run of `binsPerSlot` fine bins into one slot value.
 *
 * A slot with a NaN bin is NaN. A trailing partial slot is an error, since
 * its mean would not be comparable with whole slots.
 *
 * @param fine The fine series.
 * @param binsPerSlot Bins per slot, a whole number >= 1.
 * @returns One mean per slot.
 * @throws {RangeError} When binsPerSlot is invalid or does not divide the length.
 *
 * @example
 * ```ts
 * import { coarsenFineToSlots } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([...coarsenFineToSlots([1, 3, 5, 7], 2)], [2, 6]);
 * ```
 */
export function coarsenFineToSlots(
  fine: ArrayLike<number>,
  binsPerSlot: number,
): Float64Array {
  if (!(Number.isInteger(binsPerSlot) && binsPerSlot >= 1)) {
    throw new RangeError(
      `Cannot coarsen: binsPerSlot must be a whole number >= 1, got ${binsPerSlot}`,
    );
  }
  if (fine.length % binsPerSlot !== 0) {
    throw new RangeError(
      `Cannot coarsen: ${fine.length} bins is not a whole number of slots of ${binsPerSlot} bins`,
    );
  }
  const slots = new Float64Array(fine.length / binsPerSlot);
  for (let slot = 0; slot < slots.length; slot++) {
    let sum = 0;
    for (let i = slot * binsPerSlot; i < (slot + 1) * binsPerSlot; i++) {
      sum += fine[i];
    }
    slots[slot] = sum / binsPerSlot;
  }
  return slots;
}

/** Summary errors between an actual and a predicted series. */
export interface SummaryErrors {
  /** Mean absolute error, in the series' units. */
  mae: number;
  /** Root mean square error, in the series' units. */
  rmse: number;
  /** Mean absolute percentage error, in percent, over nonzero actual values. */
  mape: number;
  /** Pairs compared: both values finite. */
  count: number;
  /** Pairs left out of MAPE because the actual value was 0. */
  mapeSkipped: number;
}

/**
 * Computes MAE, RMSE and MAPE between two series of equal length.
 *
 * Pairs where either value is NaN are skipped. MAPE also skips pairs whose
 * actual value is 0 and reports how many in `mapeSkipped`; it is NaN when no
 * pair is left. With no comparable pair at all, every error is NaN.
 *
 * @param actual The reference series.
 * @param predicted The series to judge.
 * @returns The errors and the counts behind them.
 * @throws {RangeError} When the lengths differ.
 *
 * @example
 * ```ts
 * import { summaryErrors } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const errors = summaryErrors([0, 2, 4], [1, 2, 5]);
 * assert.equal(errors.mae, 2 / 3);
 * assert.equal(errors.mape, 12.5);
 * assert.equal(errors.mapeSkipped, 1);
 * ```
 */
export function summaryErrors(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): SummaryErrors {
  if (actual.length !== predicted.length) {
    throw new RangeError(
      `Cannot compare series: lengths differ (${actual.length} actual, ${predicted.length} predicted)`,
    );
  }
  let count = 0;
  let absolute = 0;
  let squared = 0;
  let percent = 0;
  let percentCount = 0;
  let mapeSkipped = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const p = predicted[i];
    if (!(Number.isFinite(a) && Number.isFinite(p))) continue;
    const error = Math.abs(p - a);
    count++;
    absolute += error;
    squared += error * error;
    if (a === 0) {
      mapeSkipped++;
    } else {
      percent += error / Math.abs(a);
      percentCount++;
    }
  }
  return {
    mae: count > 0 ? absolute / count : NaN,
    rmse: count > 0 ? Math.sqrt(squared / count) : NaN,
    mape: percentCount > 0 ? 100 * percent / percentCount : NaN,
    count,
    mapeSkipped,
  };
}

/**
 * Bursts: runs of bins well above the mean of their slot.
 *
 * @module
 */

import { positiveSlotMeans } from "./_blocks.ts";
import { assertPositive, assertSeries, assertWholeSlots } from "./_validate.ts";

/** Counts and mean sizes of the bursts of a fine series. */
export interface BurstStatistics {
  /** Number of bursts. */
  count: number;
  /** Bursts per hour of observed time (the slots used). */
  perHour: number;
  /** Mean over bursts of the burst's mean height, value over slot mean. */
  meanHeight: number;
  /** Mean over bursts of the burst's peak height, max of value over slot mean. */
  meanPeakHeight: number;
  /** Mean burst duration in seconds. */
  meanDurationS: number;
  /** Mean burst volume, the sum of value * dt over its bins, in rate-seconds. */
  meanVolume: number;
  /** Slots used. */
  slots: number;
  /** Slots dropped: a NaN bin, or a mean not above 0. */
  skippedSlots: number;
}

/**
 * Finds the bursts of a fine series and summarizes them.
 *
 * A burst is a maximal run of consecutive bins whose value is strictly above
 * `threshold` times the mean of the bin's own slot. A run continues across a
 * slot boundary when the next slot's first bin is also above its threshold,
 * because a burst does not end where a counter period does. A dropped slot
 * (a NaN bin, or a mean not above 0) ends the run and adds no observed time.
 * Height is measured relative to the slot mean, and volume is absolute. The means
 * weigh every burst equally and are NaN when there is no burst.
 *
 * @param fine Fine series, a whole number of slots long, in rate units.
 * @param binsPerSlot Bins in one slot (T / dt).
 * @param dt Bin width in seconds.
 * @param threshold Multiple of the slot mean a bin must exceed. Defaults to 2.
 * @returns Burst count, rate per hour and mean height, duration and volume.
 * @throws {RangeError} When the length is not a whole number of slots, `dt`
 *   or `threshold` is not positive, or a value is infinite.
 *
 * @example One burst of two bins across a slot boundary
 * ```ts
 * import { burstStatistics } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const result = burstStatistics([1, 1, 1, 9, 9, 1, 1, 1], 4, 5);
 * assert.equal(result.count, 1);
 * assert.equal(result.meanDurationS, 10);
 * assert.equal(result.meanVolume, 90);
 * assert.equal(result.meanHeight, 3);
 * ```
 */
export function burstStatistics(
  fine: ArrayLike<number>,
  binsPerSlot: number,
  dt: number,
  threshold = 2,
): BurstStatistics {
  const action = "compute burst statistics";
  assertSeries(fine, action);
  assertWholeSlots(fine, binsPerSlot, action);
  assertPositive(dt, "dt", action);
  assertPositive(threshold, "threshold", action);

  const means = positiveSlotMeans(fine, binsPerSlot);
  const totals = sumBursts(fine, means, binsPerSlot, threshold);
  const { count } = totals;
  const hours = (totals.slots * binsPerSlot * dt) / 3600;
  return {
    count,
    perHour: hours > 0 ? count / hours : NaN,
    meanHeight: totals.heightSum / count,
    meanPeakHeight: totals.peakSum / count,
    meanDurationS: (totals.bins * dt) / count,
    meanVolume: (totals.valueSum * dt) / count,
    slots: totals.slots,
    skippedSlots: means.length - totals.slots,
  };
}

/** Sums over the bursts of a series, before dividing by the count. */
interface BurstTotals {
  count: number;
  /** Bins in all bursts. */
  bins: number;
  /** Sum of the values of all burst bins. */
  valueSum: number;
  /** Sum over bursts of the mean height. */
  heightSum: number;
  /** Sum over bursts of the peak height. */
  peakSum: number;
  /** Slots used. */
  slots: number;
}

/** Walks the bins once, closing a run at each bin not above its threshold. */
function sumBursts(
  fine: ArrayLike<number>,
  means: Float64Array,
  binsPerSlot: number,
  threshold: number,
): BurstTotals {
  const totals = {
    count: 0,
    bins: 0,
    valueSum: 0,
    heightSum: 0,
    peakSum: 0,
    slots: 0,
  };
  let runBins = 0;
  let runHeight = 0;
  let runPeak = 0;
  const endRun = () => {
    if (runBins === 0) return;
    totals.count++;
    totals.bins += runBins;
    totals.heightSum += runHeight / runBins;
    totals.peakSum += runPeak;
    runBins = 0;
    runHeight = 0;
    runPeak = 0;
  };

  for (let slot = 0; slot < means.length; slot++) {
    const mean = means[slot];
    if (mean !== mean) {
      endRun();
      continue;
    }
    totals.slots++;
    const start = slot * binsPerSlot;
    for (let i = start; i < start + binsPerSlot; i++) {
      const height = fine[i] / mean;
      if (!(height > threshold)) {
        endRun();
        continue;
      }
      runBins++;
      runHeight += height;
      runPeak = Math.max(runPeak, height);
      totals.valueSum += fine[i];
    }
  }
  endRun();
  return totals;
}

/**
 * The variance-time curve: how the spread of a fine series shrinks as it is
 * averaged over longer blocks.
 *
 * @module
 */

import { blockMeans, moments } from "./_blocks.ts";
import { assertInteger, assertPositive, assertSeries } from "./_validate.ts";

/** The spread of block means at one aggregation level. */
export interface VarianceTimePoint {
  /** Aggregation level m: bins per block. */
  scale: number;
  /** Block length m * dt, in seconds. */
  seconds: number;
  /** Blocks used: complete blocks without a NaN bin. */
  blocks: number;
  /** Mean of the block means. */
  mean: number;
  /** Sample variance of the block means (divisor blocks - 1). */
  variance: number;
  /** Coefficient of variation, sqrt(variance) / mean (NaN unless mean > 0). */
  cv: number;
}

/**
 * Computes the variance-time curve: the variance and coefficient of variation
 * of the series averaged over non-overlapping blocks of m bins, for each m.
 *
 * Blocks start at index 0 and a trailing partial block is dropped. For
 * uncorrelated bins the CV falls as 1 / sqrt(m), and positive correlation makes it
 * fall more slowly. Blocks that contain a NaN bin are dropped.
 *
 * @param fine Fine series, one value per bin.
 * @param dt Bin width in seconds, used only to label each point.
 * @param scales Aggregation levels m, whole numbers from 1 to `fine.length`,
 *   for example the divisors of the bins per slot from {@linkcode slotScales}.
 * @returns One point per scale, in the order given.
 * @throws {RangeError} When `dt` is not positive, a scale is out of range, or
 *   a value is infinite.
 *
 * @example An alternating series is flat over pairs of bins
 * ```ts
 * import { varianceTimeCurve } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const fine = [1, 3, 1, 3, 1, 3, 1, 3];
 * const [bins, pairs] = varianceTimeCurve(fine, 5, [1, 2]);
 * assert.equal(bins.mean, 2);
 * assert.equal(pairs.seconds, 10);
 * assert.equal(pairs.cv, 0);
 * ```
 */
export function varianceTimeCurve(
  fine: ArrayLike<number>,
  dt: number,
  scales: ArrayLike<number>,
): VarianceTimePoint[] {
  const action = "compute variance-time curve";
  assertSeries(fine, action);
  assertPositive(dt, "dt", action);
  for (let i = 0; i < scales.length; i++) {
    assertInteger(scales[i], `scales[${i}]`, 1, action);
    if (scales[i] > fine.length) {
      throw new RangeError(
        `Cannot ${action}: scales[${i}] (${
          scales[i]
        }) exceeds the series length ${fine.length}; use a smaller scale`,
      );
    }
  }

  return Array.from(scales, (scale) => {
    const { count, mean, variance } = moments(blockMeans(fine, scale));
    const cv = mean > 0 ? Math.sqrt(variance) / mean : NaN;
    return { scale, seconds: scale * dt, blocks: count, mean, variance, cv };
  });
}

/**
 * Lists the aggregation levels whose blocks tile a slot exactly: the divisors
 * of `binsPerSlot`, from 1 (one bin, dt) to `binsPerSlot` (the slot, T).
 *
 * @param binsPerSlot Bins in one slot (T / dt).
 * @returns The divisors in increasing order.
 * @throws {RangeError} When `binsPerSlot` is not a whole number >= 1.
 *
 * @example
 * ```ts
 * import { slotScales } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(slotScales(12), [1, 2, 3, 4, 6, 12]);
 * ```
 */
export function slotScales(binsPerSlot: number): number[] {
  assertInteger(binsPerSlot, "binsPerSlot", 1, "list slot scales");
  const divisors: number[] = [];
  for (let m = 1; m <= binsPerSlot; m++) {
    if (binsPerSlot % m === 0) divisors.push(m);
  }
  return divisors;
}

/**
 * Baselines that fill each slot's bins without the full generator, to compare
 * it against: a flat step, a mean-preserving line, and the generator in its
 * plainest form (one ON/OFF source, sessions cut at slot ends, rolling
 * variance proxy).
 *
 * Every baseline keeps each slot's mean: its bins average to the slot's coarse
 * value, to floating-point rounding. Coarse values follow the generator's
 * policy: a NaN slot gives NaN bins, a zero slot gives zero bins, and a
 * negative, infinite or non-number value is an error.
 *
 * @module
 */

import {
  generateFineSeriesFromCoarse,
  type GenerateOptions,
  type GenerateResult,
  validateCoarseValue,
} from "./generate.ts";

/**
 * Repeats each slot's value over its bins: the fine series with no variation
 * inside slots.
 *
 * @param coarse The coarse series, one mean rate per slot.
 * @param binsPerSlot Bins per slot (`T / dt`), a whole number >= 1.
 * @returns `coarse.length * binsPerSlot` bins.
 * @throws {RangeError} When `binsPerSlot` is not a whole number >= 1, or a
 *   slot is negative or infinite.
 * @throws {TypeError} When a slot is not a number.
 *
 * @example
 * ```ts
 * import { flatBaseline } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([...flatBaseline([2, 5], 3)], [2, 2, 2, 5, 5, 5]);
 * ```
 */
export function flatBaseline(
  coarse: ArrayLike<number>,
  binsPerSlot: number,
): Float64Array {
  checkInput(coarse, binsPerSlot);
  const fine = new Float64Array(coarse.length * binsPerSlot);
  for (let slot = 0; slot < coarse.length; slot++) {
    fine.fill(coarse[slot], slot * binsPerSlot, (slot + 1) * binsPerSlot);
  }
  return fine;
}

/**
 * Fills each slot with a straight line through its value at the slot's
 * centre, sampled at the bin centres. The slope, per slot, is the centred
 * difference of the two neighbouring slots (one-sided at the series' ends,
 * 0 next to a NaN slot). A line is symmetric about the centre, so the bins
 * average to the slot's value. Where the line would go below 0, its slope is
 * shrunk until it does not.
 *
 * The lines of neighbouring slots do not meet, so the series jumps at slot
 * boundaries wherever the slope changes.
 *
 * @param coarse The coarse series, one mean rate per slot.
 * @param binsPerSlot Bins per slot (`T / dt`), a whole number >= 1.
 * @returns `coarse.length * binsPerSlot` bins.
 * @throws {RangeError} When `binsPerSlot` is not a whole number >= 1, or a
 *   slot is negative or infinite.
 * @throws {TypeError} When a slot is not a number.
 *
 * @example A rising series gives rising lines that keep each slot's mean
 * ```ts
 * import { linearBaseline } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const fine = linearBaseline([10, 20, 30], 2);
 * assert.deepEqual([...fine.subarray(2, 4)], [17.5, 22.5]);
 * ```
 */
export function linearBaseline(
  coarse: ArrayLike<number>,
  binsPerSlot: number,
): Float64Array {
  checkInput(coarse, binsPerSlot);
  const fine = new Float64Array(coarse.length * binsPerSlot);
  const last = coarse.length - 1;
  for (let slot = 0; slot <= last; slot++) {
    const value = coarse[slot];
    const before = coarse[Math.max(0, slot - 1)];
    const after = coarse[Math.min(last, slot + 1)];
    const span = Math.min(last, slot + 1) - Math.max(0, slot - 1);
    let slope = span > 0 ? (after - before) / span : 0;
    if (slope !== slope) slope = 0;
    // The line reaches value ± |slope| / 2 at the slot's edges.
    const reach = Math.abs(slope) / 2;
    if (reach > value) slope *= value / reach;
    for (let i = 0; i < binsPerSlot; i++) {
      const position = (i + 0.5) / binsPerSlot - 0.5;
      fine[slot * binsPerSlot + i] = value + slope * position;
    }
  }
  return fine;
}

/** Options of {@linkcode ippBasicBaseline}: those the baseline leaves free. */
export type IppBasicOptions = Pick<
  GenerateOptions,
  "params" | "seed" | "seriesKey"
>;

/**
 * Generates the fine series with the plainest Interrupted Poisson Process:
 * one ON/OFF source per slot (`maxSources: 1`), sessions and ON/OFF state cut
 * at every slot end (`spill: "drop"`), the rolling variance proxy, and
 * per-slot rescaling. One source cannot go below the ON/OFF floor of the
 * squared CV, so smooth slots come out burstier than their target.
 *
 * @param coarse The coarse series, one mean rate per slot.
 * @param options Parameters, seed and series key; `maxSources` is set to 1.
 * @returns The fine series and the generator's report.
 * @throws {RangeError} When a parameter or a slot is invalid (see
 *   `generateFineSeriesFromCoarse`).
 *
 * @example
 * ```ts
 * import { ippBasicBaseline } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { fine, report } = ippBasicBaseline([4, 6], { seed: 1 });
 * assert.equal(fine.length, 2 * 60);
 * assert.equal(report.sourcesMax, 1);
 * ```
 */
export function ippBasicBaseline(
  coarse: ArrayLike<number>,
  options: IppBasicOptions = {},
): GenerateResult {
  return generateFineSeriesFromCoarse(coarse, {
    params: { ...options.params, maxSources: 1 },
    seed: options.seed,
    seriesKey: options.seriesKey,
    spill: "drop",
    strategy: "rolling",
  });
}

function checkInput(coarse: ArrayLike<number>, binsPerSlot: number): void {
  if (!(Number.isInteger(binsPerSlot) && binsPerSlot >= 1)) {
    throw new RangeError(
      `Cannot fill baseline: binsPerSlot must be a whole number >= 1, got ${binsPerSlot}`,
    );
  }
  for (let slot = 0; slot < coarse.length; slot++) {
    validateCoarseValue(coarse[slot], slot);
  }
}

/// <reference lib="dom" />
/**
 * The mean shape of a slot: fine rate by bin position within the slot,
 * divided by the slot's mean. A flat profile at 1 means no position in the
 * slot is favoured; a rise at the edges shows seams between slots.
 *
 * @module
 */

import type { Chart } from "./_chart.ts";
import { checkCount, checkPositive, checkSeries } from "./_data.ts";
import { plotLines } from "./lines.ts";

/**
 * Computes the mean slot profile of a fine series: for each bin position k,
 * the mean over slots of `fine[slot * binsPerSlot + k] / slotMean`. Slots
 * whose mean is not finite and > 0 (NaN, zero or empty slots) are skipped.
 *
 * @param fine The fine series, a whole number of slots long.
 * @param binsPerSlot Fine bins in one slot.
 * @returns `binsPerSlot` ratios; all NaN when every slot was skipped.
 * @throws {RangeError} When `fine.length` is not a multiple of `binsPerSlot`.
 * @throws {TypeError} When `fine` is not an array of numbers.
 *
 * @example
 * ```ts
 * import { meanSlotProfile } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const profile = meanSlotProfile([1, 3, 2, 6], 2);
 * assert.deepEqual(Array.from(profile), [0.5, 1.5]);
 * ```
 */
export function meanSlotProfile(
  fine: ArrayLike<number>,
  binsPerSlot: number,
): Float64Array {
  checkSeries(fine, "fine");
  checkCount(binsPerSlot, "binsPerSlot");
  if (fine.length % binsPerSlot !== 0) {
    throw new RangeError(
      `Invalid fine: its length ${fine.length} is not a multiple of binsPerSlot (${binsPerSlot}); pass whole slots`,
    );
  }
  const sums = new Float64Array(binsPerSlot);
  let slotsUsed = 0;
  for (let start = 0; start < fine.length; start += binsPerSlot) {
    let total = 0;
    for (let k = 0; k < binsPerSlot; k++) total += fine[start + k];
    const mean = total / binsPerSlot;
    if (!(Number.isFinite(mean) && mean > 0)) continue;
    for (let k = 0; k < binsPerSlot; k++) sums[k] += fine[start + k] / mean;
    slotsUsed++;
  }
  return sums.map((sum) => slotsUsed === 0 ? NaN : sum / slotsUsed);
}

/** Options of {@linkcode plotSlotProfile}. */
export interface SlotProfileOptions {
  /** Profiles from {@linkcode meanSlotProfile}, one value per bin position. */
  profiles: readonly { label: string; values: ArrayLike<number> }[];
  /** Bin width in seconds; when given, positions are shown in seconds from the slot start. */
  dt?: number;
  /** Chart title; default `Mean fine rate within a slot`. */
  title?: string;
  /** Value of the `data-chart` attribute; default `slot-profile`. */
  name?: string;
}

/**
 * Charts slot profiles against bin position within the slot, with a dashed
 * reference at 1 (no position favoured).
 *
 * @param options The profiles and the bin width.
 * @returns The chart.
 * @throws {RangeError} When a label is used twice or `dt` is not > 0.
 * @throws {TypeError} When a profile is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, meanSlotProfile, plotSlotProfile } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotSlotProfile({
 *   profiles: [{ label: "generated", values: meanSlotProfile([1, 3, 2, 6], 2) }],
 *   dt: 5,
 * });
 * assert.ok(chartToHtml(chart).includes("Time within the slot (s)"));
 * ```
 */
export function plotSlotProfile(options: SlotProfileOptions): Chart {
  const scale = options.dt === undefined ? 1 : checkPositive(options.dt, "dt");
  return plotLines({
    series: options.profiles.map(({ label, values }) => ({
      label,
      x: Float64Array.from(
        checkSeries(values, `values of profile ${JSON.stringify(label)}`),
        (_, k) => k * scale,
      ),
      y: values,
    })),
    title: options.title ?? "Mean fine rate within a slot",
    xLabel: options.dt === undefined
      ? "Bin position within the slot (index)"
      : "Time within the slot (s)",
    yLabel: "Fine rate / slot mean (ratio)",
    referenceY: [1],
    name: options.name ?? "slot-profile",
  });
}

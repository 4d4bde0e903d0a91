/**
 * The augmentation report: what the generator did to a series, slot by slot,
 * summed so that reports of chunks or shards merge into the report of the
 * whole run.
 *
 * @module
 */

import {
  HISTOGRAM_BINS,
  HISTOGRAM_LOW,
  HISTOGRAM_PER_DECADE,
  rescaleBin,
} from "./_rescale_histogram.ts";

/** Counters and summaries of one generated series. */
export interface AugmentationReport {
  /** Slots processed, NaN slots included. */
  slots: number;
  /** Slots whose coarse value was NaN; their bins are NaN. */
  nanSlots: number;
  /** Slots whose coarse value was 0; their bins are 0. */
  zeroSlots: number;
  /** Slots whose variance target was raised to the generic or the feasibility floor. */
  varianceFloorHits: number;
  /** Slots whose arrival rate was raised to `lambdaFixed` (the variance then differs from the target). */
  lambdaClamps: number;
  /** Slots whose mean session volume was raised to the `psiMeanMin` floor. */
  psiClamps: number;
  /** Slots whose target stayed below the floor even with `maxSources` sources. */
  infeasibleSlots: number;
  /** Slots whose simulation gave no volume after every redraw and were filled flat. */
  fallbackSlots: number;
  /** Redraws of slots whose simulation gave no volume. */
  redraws: number;
  /** Smallest number of superposed sources used in a simulated slot (0 when none). */
  sourcesMin: number;
  /** Largest number of superposed sources used in a simulated slot. */
  sourcesMax: number;
  /** Sum of sources over simulated slots, for the mean. */
  sourcesSum: number;
  /** Slots that were simulated (neither NaN nor zero). */
  simulatedSlots: number;
  /** Smallest per-slot rescale factor, target over simulated mean (NaN when none). */
  rescaleMin: number;
  /** Median per-slot rescale factor, from a fixed-size histogram (NaN when none). */
  rescaleMedian: number;
  /** Largest per-slot rescale factor (NaN when none). */
  rescaleMax: number;
  /** Largest relative gap between a slot's fine mean and its coarse value. */
  maxConservationError: number;
  /** Log-spaced histogram of rescale factors, from which the median is read. */
  rescaleHistogram: number[];
}

/**
 * Creates an empty report.
 *
 * @returns A report with every counter at 0.
 *
 * @example
 * ```ts
 * import { emptyReport } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(emptyReport().slots, 0);
 * ```
 */
export function emptyReport(): AugmentationReport {
  return {
    slots: 0,
    nanSlots: 0,
    zeroSlots: 0,
    varianceFloorHits: 0,
    lambdaClamps: 0,
    psiClamps: 0,
    infeasibleSlots: 0,
    fallbackSlots: 0,
    redraws: 0,
    sourcesMin: 0,
    sourcesMax: 0,
    sourcesSum: 0,
    simulatedSlots: 0,
    rescaleMin: NaN,
    rescaleMedian: NaN,
    rescaleMax: NaN,
    maxConservationError: 0,
    rescaleHistogram: new Array(HISTOGRAM_BINS).fill(0),
  };
}

/**
 * Records one rescale factor in a report.
 *
 * @param report The report to update in place.
 * @param factor Target mean over simulated mean of a slot, > 0.
 */
export function recordRescale(report: AugmentationReport, factor: number) {
  if (!(factor >= report.rescaleMin)) report.rescaleMin = factor;
  if (!(factor <= report.rescaleMax)) report.rescaleMax = factor;
  report.rescaleHistogram[rescaleBin(factor)]++;
}

/**
 * Sets the median rescale factor from the histogram. Call once after the last
 * {@linkcode recordRescale}, since reading the histogram costs 800 steps.
 *
 * @param report The report to update in place.
 */
export function updateRescaleMedian(report: AugmentationReport) {
  report.rescaleMedian = histogramMedian(report.rescaleHistogram);
}

/** Reads the median from the histogram, as the geometric centre of its bin. */
function histogramMedian(histogram: number[]): number {
  let total = 0;
  for (const count of histogram) total += count;
  if (total === 0) return NaN;
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin++) {
    seen += histogram[bin];
    if (seen * 2 >= total) {
      const exponent = HISTOGRAM_LOW + (bin - 0.5) / HISTOGRAM_PER_DECADE;
      return 10 ** exponent;
    }
  }
  return NaN;
}

/**
 * Merges two reports into the report of both runs together.
 *
 * The median is read from the merged histogram, so it has a relative
 * resolution of about 2.3% (100 bins per decade).
 *
 * @param a A report.
 * @param b Another report.
 * @returns A new report; neither input is changed.
 *
 * @example
 * ```ts
 * import { emptyReport, mergeReports } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const a = { ...emptyReport(), slots: 3 };
 * const b = { ...emptyReport(), slots: 4 };
 * assert.equal(mergeReports(a, b).slots, 7);
 * ```
 */
export function mergeReports(
  a: AugmentationReport,
  b: AugmentationReport,
): AugmentationReport {
  const sourcesMin = a.simulatedSlots === 0
    ? b.sourcesMin
    : b.simulatedSlots === 0
    ? a.sourcesMin
    : Math.min(a.sourcesMin, b.sourcesMin);
  const histogram = a.rescaleHistogram.map((count, bin) =>
    count + b.rescaleHistogram[bin]
  );
  return {
    slots: a.slots + b.slots,
    nanSlots: a.nanSlots + b.nanSlots,
    zeroSlots: a.zeroSlots + b.zeroSlots,
    varianceFloorHits: a.varianceFloorHits + b.varianceFloorHits,
    lambdaClamps: a.lambdaClamps + b.lambdaClamps,
    psiClamps: a.psiClamps + b.psiClamps,
    infeasibleSlots: a.infeasibleSlots + b.infeasibleSlots,
    fallbackSlots: a.fallbackSlots + b.fallbackSlots,
    redraws: a.redraws + b.redraws,
    sourcesMin,
    sourcesMax: Math.max(a.sourcesMax, b.sourcesMax),
    sourcesSum: a.sourcesSum + b.sourcesSum,
    simulatedSlots: a.simulatedSlots + b.simulatedSlots,
    rescaleMin: nanMin(a.rescaleMin, b.rescaleMin),
    rescaleMedian: histogramMedian(histogram),
    rescaleMax: nanMax(a.rescaleMax, b.rescaleMax),
    maxConservationError: Math.max(
      a.maxConservationError,
      b.maxConservationError,
    ),
    rescaleHistogram: histogram,
  };
}

function nanMin(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

function nanMax(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}

/**
 * A realism profile of a fine series (the statistics that tell real traffic
 * from synthetic), and the distances between a series' profile and a true
 * series' profile, one number per statistic, lower meaning closer.
 *
 * @module
 */

import { autocorrelation } from "./stats/autocorrelation.ts";
import { type BurstStatistics, burstStatistics } from "./stats/bursts.ts";
import { type PeakToMean, peakToMean } from "./stats/peak_to_mean.ts";
import { slotNormalizedValues } from "./stats/slot_normalized.ts";
import {
  slotScales,
  varianceTimeCurve,
  type VarianceTimePoint,
} from "./stats/variance_time.ts";
import { wasserstein1 } from "./stats/wasserstein.ts";
import { withinSlotCv } from "./stats/within_slot_cv.ts";

/** The realism statistics of one fine series. */
export interface RealismProfile {
  /** Bin width in seconds. */
  dt: number;
  /** Bins per slot. */
  binsPerSlot: number;
  /** Mean over slots of the within-slot coefficient of variation at dt. */
  withinSlotCv: number;
  /** Variance-time curve at the levels that tile a slot, dt to T. */
  varianceTime: VarianceTimePoint[];
  /** Autocorrelation at lags 0 to `maxLag` bins. */
  acf: Float64Array;
  /** Per-slot peak-to-mean ratios and their summary. */
  peakToMean: PeakToMean;
  /** Every bin divided by its slot's mean. */
  slotNormalized: Float64Array;
  /** Runs of bins above `burstThreshold` times their slot's mean. */
  bursts: BurstStatistics;
}

/** Options of {@linkcode realismProfile}. */
export interface RealismOptions {
  /** Largest autocorrelation lag, in bins; default 12, cut to the length - 1. */
  maxLag?: number;
  /** Multiple of the slot mean above which a bin is in a burst; default 2. */
  burstThreshold?: number;
}

/**
 * Computes the realism statistics of a fine series: within-slot CV,
 * variance-time curve over the slot's divisors, autocorrelation,
 * peak-to-mean ratios, slot-normalized values and bursts. NaN bins drop
 * their slot, block or pair, as each statistic documents.
 *
 * @param fine Fine series, a whole number of slots long, at least 2 bins.
 * @param binsPerSlot Bins per slot (`T / dt`).
 * @param dt Bin width in seconds.
 * @param options Autocorrelation lags and burst threshold.
 * @returns The profile.
 * @throws {RangeError} When the length is not a whole number of slots, `dt`
 *   is not positive, or a value is infinite.
 *
 * @example
 * ```ts
 * import { flatBaseline, realismProfile } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const profile = realismProfile(flatBaseline([3, 5], 4), 4, 5);
 * assert.equal(profile.withinSlotCv, 0);
 * assert.equal(profile.peakToMean.mean, 1);
 * ```
 */
export function realismProfile(
  fine: ArrayLike<number>,
  binsPerSlot: number,
  dt: number,
  options: RealismOptions = {},
): RealismProfile {
  const maxLag = Math.min(options.maxLag ?? 12, fine.length - 1);
  return {
    dt,
    binsPerSlot,
    withinSlotCv: withinSlotCv(fine, binsPerSlot).mean,
    varianceTime: varianceTimeCurve(fine, dt, slotScales(binsPerSlot)),
    acf: autocorrelation(fine, maxLag),
    peakToMean: peakToMean(fine, binsPerSlot),
    slotNormalized: slotNormalizedValues(fine, binsPerSlot),
    bursts: burstStatistics(fine, binsPerSlot, dt, options.burstThreshold),
  };
}

/** Distances from a series' profile to the truth's; 0 means equal. */
export interface RealismDistances {
  /** Absolute difference of the mean within-slot CVs. */
  cv: number;
  /** Root mean square of log10 variance ratios over the variance-time levels. */
  varianceTime: number;
  /** Root mean square difference of the autocorrelations at lags 1 to maxLag. */
  acf: number;
  /** Wasserstein-1 distance between the per-slot peak-to-mean ratios. */
  peakToMean: number;
  /** Wasserstein-1 distance between the slot-normalized values. */
  slotNormalized: number;
  /**
   * Mean of the relative differences of bursts per hour and of mean burst
   * duration, each over the truth's value but at least 1 burst per hour and
   * dt seconds, so that a truth without bursts still gives a finite distance.
   * A series without bursts counts a duration of 0.
   */
  bursts: number;
}

/**
 * Measures how far a series' realism profile lies from the true series'
 * profile, one distance per statistic (see {@linkcode RealismDistances}).
 *
 * @param profile The profile of the series to judge.
 * @param truth The profile of the true series, on the same grid.
 * @returns The distances.
 * @throws {RangeError} When the profiles differ in dt, bins per slot or
 *   autocorrelation lags.
 *
 * @example A series is at distance 0 from itself, a flat one is not
 * ```ts
 * import { realismDistances, realismProfile } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const truth = realismProfile([1, 3, 2, 2, 4, 0, 1, 5], 4, 5);
 * const flat = realismProfile([2, 2, 2, 2, 2, 2, 2, 2], 4, 5);
 * assert.equal(realismDistances(truth, truth).acf, 0);
 * assert.ok(realismDistances(flat, truth).cv > 0.5);
 * ```
 */
export function realismDistances(
  profile: RealismProfile,
  truth: RealismProfile,
): RealismDistances {
  checkComparable(profile, truth);
  let varianceTime = 0;
  for (let i = 0; i < truth.varianceTime.length; i++) {
    const ratio = profile.varianceTime[i].variance /
      truth.varianceTime[i].variance;
    varianceTime += Math.log10(ratio) ** 2;
  }
  const maxLag = truth.acf.length - 1;
  let acf = 0;
  for (let lag = 1; lag <= maxLag; lag++) {
    acf += (profile.acf[lag] - truth.acf[lag]) ** 2;
  }
  const relative = (a: number, b: number, unit: number) =>
    Math.abs(a - b) / Math.max(Math.abs(b), unit);
  const duration = (p: RealismProfile) =>
    p.bursts.count > 0 ? p.bursts.meanDurationS : 0;
  return {
    cv: Math.abs(profile.withinSlotCv - truth.withinSlotCv),
    varianceTime: Math.sqrt(varianceTime / truth.varianceTime.length),
    acf: Math.sqrt(acf / maxLag),
    peakToMean: wasserstein1(
      profile.peakToMean.perSlot,
      truth.peakToMean.perSlot,
    ),
    slotNormalized: wasserstein1(profile.slotNormalized, truth.slotNormalized),
    bursts: (relative(profile.bursts.perHour, truth.bursts.perHour, 1) +
      relative(duration(profile), duration(truth), truth.dt)) / 2,
  };
}

function checkComparable(profile: RealismProfile, truth: RealismProfile) {
  const pairs: [string, number, number][] = [
    ["dt", profile.dt, truth.dt],
    ["binsPerSlot", profile.binsPerSlot, truth.binsPerSlot],
    ["autocorrelation lags", profile.acf.length, truth.acf.length],
  ];
  for (const [what, a, b] of pairs) {
    if (a !== b) {
      throw new RangeError(
        `Cannot compare realism profiles: ${what} differs (${a} and ${b}); profile both series on the same grid and lags`,
      );
    }
  }
}

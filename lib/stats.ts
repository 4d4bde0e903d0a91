/**
 * Realism statistics for fine traffic series: variance-time curves,
 * autocorrelation, peak-to-mean ratios, distributions relative to the slot
 * mean, bursts and scaling exponents. All are pure functions of arrays of
 * numbers (plain arrays or typed arrays). Each costs O(n) per aggregation
 * level or lag it computes, or O(n log n) where it sorts (quantiles and the
 * Wasserstein distance).
 *
 * Missing values: NaN marks a missing value, and every statistic drops each
 * unit that contains one, whole, and computes from the rest. The unit is a
 * slot for per-slot statistics, an aggregation block for variance-time and
 * scaling statistics, a pair of values for the autocorrelation and a single
 * value for quantiles and distances. Statistics relative to the slot mean also
 * drop slots whose mean is not above 0. Per-slot arrays keep one entry per
 * slot, NaN where the slot was dropped, and results report how many slots were
 * used and dropped. When nothing is left, a statistic is NaN. Infinite values
 * are errors (RangeError).
 *
 * @module
 */

export * from "./stats/autocorrelation.ts";
export * from "./stats/bursts.ts";
export * from "./stats/hurst.ts";
export * from "./stats/peak_to_mean.ts";
export * from "./stats/quantile.ts";
export * from "./stats/slot_normalized.ts";
export * from "./stats/variance_time.ts";
export * from "./stats/variance_time_slope.ts";
export * from "./stats/wasserstein.ts";
export * from "./stats/within_slot_cv.ts";

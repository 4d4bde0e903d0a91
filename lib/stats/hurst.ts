/**
 * The Hurst exponent by the aggregated-variance method.
 *
 * @module
 */

import { blockMeans, moments } from "./_blocks.ts";
import { fitLine } from "./_fit.ts";
import { assertInteger, assertSeries } from "./_validate.ts";

/** A Hurst estimate and the log-log fit it comes from. */
export interface HurstEstimate {
  /** Hurst exponent H = 1 + slope / 2. */
  hurst: number;
  /** Slope of ln variance against ln m, equal to 2H - 2. */
  slope: number;
  /** Intercept of the fit, the ln variance at m = 1. */
  intercept: number;
  /** Coefficient of determination of the fit. */
  rSquared: number;
  /** Aggregation levels m used. */
  scales: Float64Array;
  /** Sample variance of the block means at each scale. */
  variances: Float64Array;
}

/** Lists up to `count` distinct whole numbers spaced evenly in log from 1 to `max`. */
function logSpacedScales(max: number, count: number): number[] {
  const scales = new Set<number>();
  for (let i = 0; i < count; i++) {
    scales.add(Math.round(Math.pow(max, i / (count - 1))));
  }
  return [...scales];
}

/**
 * Estimates the Hurst exponent H by the aggregated-variance method.
 *
 * The series is averaged over non-overlapping blocks of m values, the sample
 * variance of the block means is taken at each m, and a least-squares line is
 * fitted to ln variance against ln m. For a second-order self-similar process
 * Var(X^(m)) is proportional to m^(2H - 2), so H = 1 + slope / 2: 0.5 for
 * short-range dependence, above 0.5 for long-range dependence (Taqqu,
 * Teverovsky and Willinger, "Estimators for long-range dependence: an
 * empirical study", 1995). Short-range correlation bends the curve at small m,
 * and few blocks make it noisy at large m, so choose the scales to suit the
 * series. A trend or cycle inflates H towards 1, and
 * {@linkcode varianceTimeSlope} is an estimator that removes slow changes.
 * Blocks with a NaN value are dropped. A constant series gives NaN.
 *
 * @param series Values at equal spacing.
 * @param scales Aggregation levels m, whole numbers from 1 to half the series
 *   length. Defaults to 20 log-spaced levels from 1 to a tenth of the length,
 *   which keeps at least 10 blocks at every level.
 * @returns H and the fit.
 * @throws {RangeError} When a scale is out of range, the series is shorter
 *   than 20 values with default scales, or a value is infinite.
 *
 * @example An alternating series is anti-persistent
 * ```ts
 * import { hurstAggregatedVariance } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const series = Array.from({ length: 64 }, (_, i) => (i % 2 ? 1 : -1));
 * const estimate = hurstAggregatedVariance(series, [1, 3, 9]);
 * assert.ok(estimate.hurst < 0.5);
 * ```
 */
export function hurstAggregatedVariance(
  series: ArrayLike<number>,
  scales?: ArrayLike<number>,
): HurstEstimate {
  const action = "estimate Hurst exponent";
  assertSeries(series, action);
  if (scales === undefined) {
    if (series.length < 20) {
      throw new RangeError(
        `Cannot ${action}: default scales need at least 20 values, got ${series.length}; pass scales explicitly`,
      );
    }
    scales = logSpacedScales(Math.floor(series.length / 10), 20);
  }
  for (let i = 0; i < scales.length; i++) {
    assertInteger(scales[i], `scales[${i}]`, 1, action);
    if (scales[i] > series.length / 2) {
      throw new RangeError(
        `Cannot ${action}: scales[${i}] (${
          scales[i]
        }) leaves fewer than 2 blocks of a series of ${series.length}; use a scale of at most ${
          Math.floor(series.length / 2)
        }`,
      );
    }
  }

  const used = Float64Array.from(scales);
  const variances = used.map((m) => moments(blockMeans(series, m)).variance);
  const fit = fitLine(used.map(Math.log), variances.map(Math.log));
  return {
    hurst: 1 + fit.slope / 2,
    ...fit,
    scales: used,
    variances,
  };
}

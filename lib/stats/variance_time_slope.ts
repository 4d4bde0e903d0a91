/**
 * The variance-time slope of a coarse series, robust to slow changes of
 * level such as the daily cycle.
 *
 * @module
 */

import { blockMeans } from "./_blocks.ts";
import { fitLine } from "./_fit.ts";
import { assertInteger, assertSeries } from "./_validate.ts";

/** A variance-time slope and the log-log fit it comes from. */
export interface VarianceTimeSlope {
  /** Decay exponent: variance proportional to m^(-beta); 1 for white noise. */
  beta: number;
  /** Slope of ln Hadamard variance against ln m, equal to -beta. */
  slope: number;
  /** Hurst exponent implied by the slope, 1 - beta / 2. */
  hurst: number;
  /** Intercept of the fit, the ln Hadamard variance at m = 1. */
  intercept: number;
  /** Weighted coefficient of determination of the fit. */
  rSquared: number;
  /** Aggregation levels m used: 1 to maxScale. */
  scales: Float64Array;
  /** Hadamard variance of the block means at each scale. */
  variances: Float64Array;
  /** Second differences used at each scale, which are the fit weights. */
  differences: Float64Array;
}

/**
 * Computes one sixth of the mean squared second difference of adjacent block
 * means, and the number of differences used.
 */
function hadamardVariance(
  series: ArrayLike<number>,
  m: number,
): [number, number] {
  const means = blockMeans(series, m);
  let sum = 0;
  let count = 0;
  for (let k = 0; k + 2 < means.length; k++) {
    const difference = means[k + 2] - 2 * means[k + 1] + means[k];
    if (difference === difference) {
      sum += difference * difference;
      count++;
    }
  }
  return [sum / (6 * count), count];
}

/**
 * Estimates the exponent beta with which the variance of a series falls as it
 * is averaged over m values, Var(X^(m)) ~ m^(-beta), from the series itself at
 * levels m = 1 to `maxScale`. This is the slope of the variance-time plot of
 * Leland, Taqqu, Willinger and Wilson ("On the self-similar nature of Ethernet
 * traffic", 1994), where beta = 2 - 2H.
 *
 * Applied to a coarse series with slot length T, beta extrapolates variance
 * below the slot scale: Var(dt) = Var(T) * (T / dt)^beta. This assumes that
 * the scaling seen from T to maxScale * T continues from dt to T.
 *
 * The plain variance of block means is dominated by the daily cycle of
 * traffic, which no averaging over a few slots removes, so it gives beta near
 * 0. Two simpler detrending choices fail. First differences of the values
 * telescope inside a block (a block sum of differences is its last value minus
 * the value before it), which pushes beta towards 2 whatever the process.
 * Removing a centred rolling mean high-pass filters the series and raises beta
 * at levels near the window length. Instead, the variance at each level is the
 * Hadamard variance of the block means B: one sixth of the mean of
 * (B[k + 2] - 2 B[k + 1] + B[k])^2, a difference taken at the level being
 * measured. It removes a constant level and a linear trend exactly, and keeps
 * about (2 pi m / P)^4 / 6 of the variance of a cycle of period P. For white
 * noise it equals the variance of the block means, sigma^2 / m, and for an
 * exactly self-similar process it scales as m^(2H - 2) like that variance. It
 * is a wavelet estimator with two vanishing moments in the sense of Abry and
 * Veitch ("Wavelet analysis of long-range-dependent traffic", 1998).
 *
 * The line ln variance = intercept - beta ln m is fitted by least squares
 * weighted by the number of second differences at each m, because the
 * variance of ln variance falls roughly as 1 / count. Differences that touch a
 * NaN value are dropped. A constant series gives NaN.
 *
 * @param coarse Coarse series, one value per slot.
 * @param maxScale Largest aggregation level in slots, from 2 to a quarter of
 *   the series length (at least 2 second differences).
 * @returns beta, the implied Hurst exponent and the fit.
 * @throws {RangeError} When `maxScale` is out of range or a value is infinite.
 *
 * @example A linear trend is removed exactly
 * ```ts
 * import { varianceTimeSlope } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const noise = [3, -1, 4, -1, -5, 9, -2, 6, -5, 3, -5, 8, -9, 7, 9, -3];
 * const trended = noise.map((value, t) => value + 10 * t);
 * assert.equal(
 *   varianceTimeSlope(trended, 4).beta.toFixed(9),
 *   varianceTimeSlope(noise, 4).beta.toFixed(9),
 * );
 * ```
 */
export function varianceTimeSlope(
  coarse: ArrayLike<number>,
  maxScale: number,
): VarianceTimeSlope {
  const action = "estimate variance-time slope";
  assertSeries(coarse, action);
  assertInteger(maxScale, "maxScale", 2, action);
  if (4 * maxScale > coarse.length) {
    throw new RangeError(
      `Cannot ${action}: maxScale (${maxScale}) needs at least ${
        4 * maxScale
      } values, got ${coarse.length}; use a maxScale of at most ${
        Math.floor(coarse.length / 4)
      }`,
    );
  }

  const scales = Float64Array.from({ length: maxScale }, (_, i) => i + 1);
  const variances = new Float64Array(maxScale);
  const differences = new Float64Array(maxScale);
  for (let i = 0; i < maxScale; i++) {
    [variances[i], differences[i]] = hadamardVariance(coarse, scales[i]);
  }
  const fit = fitLine(
    scales.map(Math.log),
    variances.map(Math.log),
    differences,
  );
  return {
    beta: -fit.slope,
    slope: fit.slope,
    hurst: 1 + fit.slope / 2,
    intercept: fit.intercept,
    rSquared: fit.rSquared,
    scales,
    variances,
    differences,
  };
}

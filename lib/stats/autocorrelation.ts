/**
 * The sample autocorrelation function of a series.
 *
 * @module
 */

import { moments } from "./_blocks.ts";
import { assertInteger, assertSeries } from "./_validate.ts";

/**
 * Computes the sample autocorrelation at lags 0 to `maxLag` bins.
 *
 * Uses the standard estimator r(k) = c(k) / c(0), where
 * c(k) is the sum of (x[t] - mean)(x[t + k] - mean) over pairs divided by the
 * number of values n, not by the number of pairs. This biases |r(k)| down by
 * a factor (n - k) / n, negligible for k much smaller than n, and keeps the
 * estimate a valid autocorrelation sequence. Pairs with a NaN are dropped, and
 * n and the mean count the non-NaN values only, so gaps bias r(k) towards 0
 * by the share of lag-k pairs they remove. A constant series has c(0) = 0 and
 * gives NaN at every lag.
 *
 * Cost: O(n * maxLag).
 *
 * @param series Values at equal spacing.
 * @param maxLag Largest lag in bins, from 1 to `series.length - 1`.
 *   Defaults to 12 (one minute of 5-second bins).
 * @returns `maxLag + 1` values: index k contains r(k), and r(0) = 1.
 * @throws {RangeError} When `maxLag` is out of range or a value is infinite.
 *
 * @example
 * ```ts
 * import { autocorrelation } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const acf = autocorrelation([1, -1, 1, -1], 1);
 * assert.equal(acf[0], 1);
 * assert.equal(acf[1], -0.75);
 * ```
 */
export function autocorrelation(
  series: ArrayLike<number>,
  maxLag = 12,
): Float64Array {
  const action = "compute autocorrelation";
  assertSeries(series, action);
  assertInteger(maxLag, "maxLag", 1, action);
  if (maxLag >= series.length) {
    throw new RangeError(
      `Cannot ${action}: maxLag (${maxLag}) must be below the series length ${series.length}; use a smaller maxLag`,
    );
  }

  const { count, mean } = moments(series);
  const centred = new Float64Array(series.length);
  for (let t = 0; t < series.length; t++) centred[t] = series[t] - mean;
  const acf = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag; lag++) {
    let sum = 0;
    for (let t = 0; t + lag < centred.length; t++) {
      const product = centred[t] * centred[t + lag];
      if (product === product) sum += product;
    }
    acf[lag] = sum / count;
  }

  const c0 = acf[0];
  for (let lag = 0; lag <= maxLag; lag++) acf[lag] /= c0;
  return acf;
}

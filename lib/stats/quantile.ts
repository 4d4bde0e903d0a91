/**
 * Sample quantiles, by linear interpolation between order statistics.
 *
 * @module
 */

import { quantileOfSorted, sortedValues } from "./_sorted.ts";
import { assertSeries } from "./_validate.ts";

function assertProbability(p: number, name: string, action: string): void {
  if (!(typeof p === "number" && p >= 0 && p <= 1)) {
    throw new RangeError(
      `Cannot ${action}: ${name} must be a probability from 0 to 1, got ${
        String(p)
      }`,
    );
  }
}

/**
 * Computes the sample quantile at probability `p`.
 *
 * Interpolates linearly between order statistics (Hyndman and Fan's type 7,
 * the default of R and NumPy), so `p = 0` is the minimum and `p = 1` the
 * maximum. NaN values are dropped. Sorting a copy costs O(n log n), so use
 * {@linkcode quantiles} for several probabilities of one sample.
 *
 * @param values The sample.
 * @param p Probability from 0 to 1.
 * @returns The quantile, or NaN when no value is left.
 * @throws {RangeError} When `p` is outside [0, 1] or a value is infinite.
 *
 * @example
 * ```ts
 * import { quantile } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(quantile([4, 1, NaN, 3, 2], 0.5), 2.5);
 * ```
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  const action = "compute quantile";
  assertSeries(values, action);
  assertProbability(p, "p", action);
  return quantileOfSorted(sortedValues(values), p);
}

/**
 * Computes sample quantiles at several probabilities, sorting once.
 *
 * Same definition and NaN handling as {@linkcode quantile}.
 *
 * @param values The sample.
 * @param probabilities Probabilities from 0 to 1.
 * @returns One quantile per probability, in the order given.
 * @throws {RangeError} When a probability is outside [0, 1] or a value is
 *   infinite.
 *
 * @example
 * ```ts
 * import { quantiles } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const [low, high] = quantiles([0, 10, 20, 30, 40], [0.25, 0.875]);
 * assert.equal(low, 10);
 * assert.equal(high, 35);
 * ```
 */
export function quantiles(
  values: ArrayLike<number>,
  probabilities: ArrayLike<number>,
): Float64Array {
  const action = "compute quantiles";
  assertSeries(values, action);
  for (let i = 0; i < probabilities.length; i++) {
    assertProbability(probabilities[i], `probabilities[${i}]`, action);
  }
  const sorted = sortedValues(values);
  return Float64Array.from(
    probabilities,
    (p) => quantileOfSorted(sorted, p),
  );
}

/**
 * Computes the 99th percentile, `quantile(values, 0.99)`.
 *
 * @param values The sample. NaN values are dropped.
 * @returns The 99th percentile, or NaN when no value is left.
 * @throws {RangeError} When a value is infinite.
 *
 * @example
 * ```ts
 * import { percentile99 } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const values = Array.from({ length: 101 }, (_, i) => i);
 * assert.equal(percentile99(values), 99);
 * ```
 */
export function percentile99(values: ArrayLike<number>): number {
  const action = "compute 99th percentile";
  assertSeries(values, action);
  return quantileOfSorted(sortedValues(values), 0.99);
}

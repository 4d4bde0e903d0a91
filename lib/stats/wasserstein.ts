/**
 * The Wasserstein-1 (earth mover's) distance between two samples.
 *
 * @module
 */

import { sortedValues } from "./_sorted.ts";
import { assertSeries } from "./_validate.ts";

/**
 * Computes the Wasserstein-1 distance between the empirical distributions of
 * two samples: the integral over x of |F_a(x) - F_b(x)|, where F_a and F_b are
 * the empirical cumulative distribution functions.
 *
 * The integral is exact for any two sample sizes: both samples are sorted and
 * merged, and between consecutive merged values both CDFs are constant, so
 * each interval adds |F_a - F_b| times its width. For equal sizes this equals
 * the mean absolute difference of the sorted samples. Results are in the
 * units of the values. NaN values are dropped. Cost: O(n log n).
 *
 * @param a First sample.
 * @param b Second sample.
 * @returns The distance, or NaN when either sample has no value left.
 * @throws {RangeError} When a value is infinite.
 *
 * @example Point masses, with unequal sample sizes
 * ```ts
 * import { wasserstein1 } from "../../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(wasserstein1([0, 0], [1, 1, 1]), 1);
 * assert.equal(wasserstein1([0, 1], [0, 0, 0, 1]), 0.25);
 * ```
 */
export function wasserstein1(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): number {
  const action = "compute Wasserstein-1 distance";
  assertSeries(a, action);
  assertSeries(b, action);
  const sortedA = sortedValues(a);
  const sortedB = sortedValues(b);
  const sizeA = sortedA.length;
  const sizeB = sortedB.length;
  if (sizeA === 0 || sizeB === 0) return NaN;

  let i = 0;
  let j = 0;
  let x = Math.min(sortedA[0], sortedB[0]);
  let distance = 0;
  while (true) {
    while (i < sizeA && sortedA[i] <= x) i++;
    while (j < sizeB && sortedB[j] <= x) j++;
    const next = Math.min(
      i < sizeA ? sortedA[i] : Infinity,
      j < sizeB ? sortedB[j] : Infinity,
    );
    if (next === Infinity) break;
    distance += Math.abs(i / sizeA - j / sizeB) * (next - x);
    x = next;
  }
  return distance;
}

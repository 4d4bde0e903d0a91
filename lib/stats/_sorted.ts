/**
 * Sorted samples and their quantiles, shared by the distribution statistics.
 *
 * @module
 */

/** Copies the non-NaN values into a new array sorted in increasing order. */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === values[i]) count++;
  }
  const sorted = new Float64Array(count);
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === values[i]) sorted[next++] = values[i];
  }
  return sorted.sort();
}

/**
 * Reads the quantile at probability `p` in [0, 1] from a sorted sample by
 * linear interpolation between order statistics: Hyndman and Fan's type 7,
 * the default of R and NumPy. An empty sample gives NaN.
 */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  if (fraction === 0) return sorted[below];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

/**
 * Block means and moments under the missing-value rule of the statistics:
 * a block, slot or sample that contains a NaN is dropped whole.
 *
 * @module
 */

/**
 * Computes the means of consecutive non-overlapping blocks of `size` values,
 * starting at index 0. A block that contains a NaN gets NaN, and a trailing
 * partial block is dropped.
 *
 * Each mean gets a second-pass correction, the mean of the deviations from
 * the first estimate, which removes most rounding error and makes the mean of
 * a constant block equal that constant exactly.
 */
export function blockMeans(
  values: ArrayLike<number>,
  size: number,
): Float64Array {
  const count = Math.floor(values.length / size);
  const means = new Float64Array(count);
  for (let block = 0; block < count; block++) {
    const start = block * size;
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += values[i];
    const mean = sum / size;
    let correction = 0;
    for (let i = start; i < start + size; i++) correction += values[i] - mean;
    means[block] = mean + correction / size;
  }
  return means;
}

/** Count, mean and unbiased variance of the non-NaN values of a sample. */
export interface Moments {
  /** Number of non-NaN values used. */
  count: number;
  /** Their mean (NaN when there are none). */
  mean: number;
  /** Their sample variance with divisor `count - 1` (NaN below 2 values). */
  variance: number;
}

/**
 * Computes count, mean and variance of the non-NaN values from `start` to
 * `end` by the corrected two-pass algorithm, which stays accurate when the
 * mean is large compared with the spread. The mean gets the same second-pass
 * correction as in {@linkcode blockMeans}.
 */
export function moments(
  values: ArrayLike<number>,
  start = 0,
  end = values.length,
): Moments {
  let count = 0;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const value = values[i];
    if (value === value) {
      count++;
      sum += value;
    }
  }
  if (count === 0) return { count, mean: NaN, variance: NaN };

  const mean = sum / count;
  let sumDeviation = 0;
  let sumSquares = 0;
  for (let i = start; i < end; i++) {
    const deviation = values[i] - mean;
    if (deviation === deviation) {
      sumDeviation += deviation;
      sumSquares += deviation * deviation;
    }
  }
  const variance = count < 2 ? NaN : Math.max(
    0,
    (sumSquares - sumDeviation * sumDeviation / count) / (count - 1),
  );
  return { count, mean: mean + sumDeviation / count, variance };
}

/**
 * Computes the mean of each slot of `binsPerSlot` bins. A slot that contains a
 * NaN, or whose mean is not above 0, gets NaN, because ratios to the slot mean
 * are undefined there.
 */
export function positiveSlotMeans(
  values: ArrayLike<number>,
  binsPerSlot: number,
): Float64Array {
  const means = blockMeans(values, binsPerSlot);
  for (let slot = 0; slot < means.length; slot++) {
    if (!(means[slot] > 0)) means[slot] = NaN;
  }
  return means;
}

/**
 * Estimators the statistical tests share: the mean and variance of a series
 * with batch-means standard errors, for correlated samples.
 *
 * @module
 */

/** Mean and variance of a correlated series, with their standard errors. */
export interface BatchEstimate {
  mean: number;
  variance: number;
  meanError: number;
  varianceError: number;
}

/**
 * Estimates mean and variance of `values` and their standard errors by batch
 * means: the series is cut into `batches` equal runs, each run's mean and
 * variance are computed, and the spread of those across runs gives the
 * standard errors. Runs must be much longer than the correlation time.
 */
export function batchEstimate(
  values: ArrayLike<number>,
  batches = 50,
): BatchEstimate {
  const size = Math.floor(values.length / batches);
  const means: number[] = [];
  const variances: number[] = [];
  let total = 0;
  for (let i = 0; i < size * batches; i++) total += values[i];
  const mean = total / (size * batches);
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    let squares = 0;
    for (let i = b * size; i < (b + 1) * size; i++) {
      sum += values[i];
      squares += (values[i] - mean) ** 2;
    }
    means.push(sum / size);
    variances.push(squares / size);
  }
  const spread = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
    return { mean: m, error: Math.sqrt(v / xs.length) };
  };
  const meanStats = spread(means);
  const varianceStats = spread(variances);
  return {
    mean: meanStats.mean,
    variance: varianceStats.mean,
    meanError: meanStats.error,
    varianceError: varianceStats.error,
  };
}

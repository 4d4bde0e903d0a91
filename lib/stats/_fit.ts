/**
 * Weighted least-squares line, used by the log-log scaling estimators.
 *
 * @module
 */

/** A fitted line `y = intercept + slope * x`. */
export interface LineFit {
  /** Slope of the line. */
  slope: number;
  /** Value of the line at x = 0. */
  intercept: number;
  /** Weighted coefficient of determination (1 for a perfect fit). */
  rSquared: number;
}

/**
 * Fits `y = intercept + slope * x` by weighted least squares over the points
 * whose y is finite. Gives NaN fields when fewer than two distinct x remain.
 */
export function fitLine(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights?: ArrayLike<number>,
): LineFit {
  let sumW = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(y[i])) continue;
    const w = weights ? weights[i] : 1;
    sumW += w;
    sumX += w * x[i];
    sumY += w * y[i];
  }
  const meanX = sumX / sumW;
  const meanY = sumY / sumW;

  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(y[i])) continue;
    const w = weights ? weights[i] : 1;
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxx += w * dx * dx;
    sxy += w * dx * dy;
    syy += w * dy * dy;
  }
  if (!(sxx > 0)) return { slope: NaN, intercept: NaN, rSquared: NaN };

  const slope = sxy / sxx;
  const rSquared = syy > 0 ? (sxy * sxy) / (sxx * syy) : 1;
  return { slope, intercept: meanY - slope * meanX, rSquared };
}

/**
 * The autocovariance of the fine bins of the Interrupted Poisson Process,
 * split into its shot-noise and ON/OFF parts, as seen after each slot's own
 * mean is removed, and a least-squares fit of session length, switching rate
 * and the two variances to a measured within-slot autocovariance.
 *
 * A session spreads its volume over a box of length D and a bin averages over
 * a box of length dt, so the shot-noise autocorrelation of the bins at lag k
 * is `g(k dt) / g(0)`, with g the convolution of triangles of half-widths D
 * and dt. The ON/OFF part modulates the arrival rate with correlation
 * `exp(-s |u|)`, s = tau + zeta, seen through the same two boxes:
 * `(exp_s * g)(k dt)`, normalized. Removing each slot's mean of n bins turns
 * a stationary autocovariance gamma into, on average over the pairs at lag k
 * inside a slot, `gamma(k) - (a_i + a_(i+k)) + b`, with `a_i` the mean of
 * gamma between bin i and the slot's bins and `b` the mean over all pairs.
 *
 * @module
 */

/** Session length, switching rate and variances fitted to a within-slot autocovariance. */
export interface CovarianceFit {
  /** Session length D, in seconds. */
  sessionS: number;
  /** Switching rate s = tau + zeta, per second. */
  switchRate: number;
  /** Stationary shot-noise variance of a bin, relative to the squared mean. */
  shotVariance: number;
  /** Stationary ON/OFF variance of a bin, relative to the squared mean. */
  onOffVariance: number;
  /** Root mean square error of the fit over lags 0 to maxLag. */
  rmse: number;
}

/**
 * Returns the stationary shot-noise and ON/OFF autocorrelations of the bins at
 * lags 0 to `lags - 1`, each 1 at lag 0.
 */
export function modelAcfParts(
  sessionS: number,
  dt: number,
  switchRate: number,
  lags: number,
): { shot: Float64Array; onOff: Float64Array } {
  const h = Math.min(sessionS, dt) / 16;
  const points = Math.ceil((sessionS + dt) / h);
  const g = new Float64Array(2 * points + 1);
  for (let i = -points; i <= points; i++) g[i + points] = boxes(i * h);
  let tail = 0;
  for (let i = -points; i <= points; i++) {
    tail += g[i + points] * Math.exp(switchRate * i * h);
  }
  const shot = new Float64Array(lags);
  const onOff = new Float64Array(lags);
  for (let k = 0; k < lags; k++) {
    const u = k * dt;
    if (u >= sessionS + dt) {
      onOff[k] = tail * Math.exp(-switchRate * u);
      continue;
    }
    shot[k] = boxes(u);
    let sum = 0;
    for (let i = -points; i <= points; i++) {
      sum += g[i + points] * Math.exp(-switchRate * Math.abs(u - i * h));
    }
    onOff[k] = sum;
  }
  const shot0 = shot[0];
  const onOff0 = onOff[0];
  for (let k = 0; k < lags; k++) {
    shot[k] /= shot0;
    onOff[k] /= onOff0;
  }
  return { shot, onOff };

  /** The convolution of triangles of half-widths D and dt at u, by the midpoint rule. */
  function boxes(u: number): number {
    let sum = 0;
    const steps = 64;
    const width = 2 * dt / steps;
    for (let j = 0; j < steps; j++) {
      const v = -dt + (j + 0.5) * width;
      sum += Math.max(0, dt - Math.abs(v)) *
        Math.max(0, sessionS - Math.abs(u - v));
    }
    return sum * width;
  }
}

/**
 * Returns the mean autocovariance at lags 0 to maxLag of a process with
 * autocovariance `gamma` (lags 0 to n - 1) after removing the mean of each
 * block of n values, over the pairs inside a block.
 */
export function demeanedCovariance(
  gamma: Float64Array,
  n: number,
  maxLag: number,
): Float64Array {
  const a = new Float64Array(n);
  let b = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let l = 0; l < n; l++) sum += gamma[Math.abs(i - l)];
    a[i] = sum / n;
    b += a[i] / n;
  }
  const out = new Float64Array(maxLag + 1);
  for (let k = 0; k <= maxLag; k++) {
    let sum = 0;
    for (let i = 0; i + k < n; i++) sum += gamma[k] - a[i] - a[i + k] + b;
    out[k] = sum / (n - k);
  }
  return out;
}

/**
 * Fits session length, switching rate and the two stationary variances to a
 * measured within-slot autocovariance at lags 0 to `covariance.length - 1`,
 * by a grid search over D (multiples of dt / 2 up to 24 dt) and s
 * (log-spaced, from 1 / T or 0.001 if larger, to 2 per second), with the two
 * variances solved by non-negative least squares at each grid point. Slower
 * switching than once a slot looks like a level change within a slot, which
 * the demeaning removes, so the data cannot tell such rates apart.
 *
 * @param covariance Measured autocovariance of bins over their slot mean, minus 1.
 * @param dt Bin width in seconds.
 * @param n Bins per slot.
 * @returns The best fit.
 */
export function fitWithinSlotCovariance(
  covariance: ArrayLike<number>,
  dt: number,
  n: number,
): CovarianceFit {
  const maxLag = covariance.length - 1;
  let best: CovarianceFit = {
    sessionS: NaN,
    switchRate: NaN,
    shotVariance: NaN,
    onOffVariance: NaN,
    rmse: Infinity,
  };
  const slowest = Math.max(0.001, 1 / (n * dt));
  for (let half = 1; half <= 48; half++) {
    const sessionS = half * dt / 2;
    for (let step = 0; step <= 40; step++) {
      const switchRate = slowest * (2 / slowest) ** (step / 40);
      const { shot, onOff } = modelAcfParts(sessionS, dt, switchRate, n);
      const x = demeanedCovariance(shot, n, maxLag);
      const y = demeanedCovariance(onOff, n, maxLag);
      const [shotVariance, onOffVariance] = nonNegativePair(covariance, x, y);
      let error = 0;
      for (let k = 0; k <= maxLag; k++) {
        error += (covariance[k] - shotVariance * x[k] - onOffVariance * y[k]) **
          2;
      }
      const rmse = Math.sqrt(error / (maxLag + 1));
      if (rmse < best.rmse) {
        best = { sessionS, switchRate, shotVariance, onOffVariance, rmse };
      }
    }
  }
  return best;
}

/** Least squares of target on two columns with non-negative coefficients. */
function nonNegativePair(
  target: ArrayLike<number>,
  x: Float64Array,
  y: Float64Array,
): [number, number] {
  let xx = 0, xy = 0, yy = 0, xt = 0, yt = 0;
  for (let k = 0; k < x.length; k++) {
    xx += x[k] * x[k];
    xy += x[k] * y[k];
    yy += y[k] * y[k];
    xt += x[k] * target[k];
    yt += y[k] * target[k];
  }
  const det = xx * yy - xy * xy;
  if (det > 1e-12 * xx * yy) {
    const p = (xt * yy - yt * xy) / det;
    const q = (yt * xx - xt * xy) / det;
    if (p >= 0 && q >= 0) return [p, q];
  }
  const onlyX = Math.max(0, xt / xx);
  const onlyY = Math.max(0, yt / yy);
  const errorX = -2 * onlyX * xt + onlyX * onlyX * xx;
  const errorY = -2 * onlyY * yt + onlyY * onlyY * yy;
  return errorX <= errorY ? [onlyX, 0] : [0, onlyY];
}

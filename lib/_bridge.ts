/**
 * Moments of one ON/OFF source over a cell, given its state at both ends of
 * the cell: the ingredients of the many-source path of the simulator.
 *
 * For a source with rates tau (OFF to ON) and zeta (ON to OFF), s = tau +
 * zeta and p = tau / s, the transition probabilities over t seconds are
 * `P11(t) = p + (1 - p) e^{-st}` and `P01(t) = p (1 - e^{-st})`. Given the
 * states i at 0 and j at h, the chance of being ON at t is
 * `P_i1(t) P_1j(h - t) / P_ij(h)`. Integrating it gives the expected ON time
 * and the expected integral of t over ON time. Double integrals over pairs of
 * times give their variances and covariance. All are ordered integrals of
 * the chain (see `orderedIntegral`), accurate at any switching
 * rate and evaluated once per cell width. tests/bridge_test.ts checks them
 * against direct simulation and against the stationary ON time's closed
 * form.
 *
 * @module
 */

import {
  IDENTITY,
  type Matrix2,
  ON,
  orderedIntegral,
} from "./_ordered_integral.ts";

/** Moments of one source's ON time over a cell, by states at the cell's ends. */
export interface CellBridge {
  /** P(ON at the end | ON at the start). */
  stayOn: number;
  /** P(ON at the end | OFF at the start). */
  turnOn: number;
  /** Expected ON time, seconds, indexed `2 * start + end` (0 OFF, 1 ON). */
  onTime: Float64Array;
  /** Variance of the ON time, seconds squared, same index. */
  onTimeVariance: Float64Array;
  /** Expected integral of t over ON time, seconds squared, same index. */
  onTimeMoment: Float64Array;
  /** Variance of that integral, seconds to the fourth, same index. */
  onTimeMomentVariance: Float64Array;
  /** Covariance of the ON time and that integral, seconds cubed, same index. */
  onTimeCovariance: Float64Array;
}

const cache = new Map<string, CellBridge>();

/**
 * Returns {@linkcode cellBridge} for these rates and width, computed once per
 * process.
 */
export function cachedCellBridge(
  tau: number,
  zeta: number,
  width: number,
): CellBridge {
  const key = `${tau} ${zeta} ${width}`;
  let bridge = cache.get(key);
  if (bridge === undefined) {
    bridge = cellBridge(tau, zeta, width);
    cache.set(key, bridge);
  }
  return bridge;
}

/**
 * Computes the end-conditioned moments of one source's ON time over a cell.
 *
 * @param tau OFF to ON rate, per second.
 * @param zeta ON to OFF rate, per second.
 * @param width Cell width, seconds.
 */
export function cellBridge(
  tau: number,
  zeta: number,
  width: number,
): CellBridge {
  const q: Matrix2 = [-tau, tau, zeta, -zeta];
  const integral = (inserted: Matrix2[]) => orderedIntegral(q, inserted, width);
  const ends = integral([]);
  const onTimes = integral([ON]);
  const moments = integral([IDENTITY, ON]);
  const pairs = integral([ON, ON]);
  // Over t < u, t + u is a clock before t twice, or one between t and u.
  // And t u is two clocks before t (in either order), or one before t and
  // one between t and u.
  const clockBefore = integral([IDENTITY, ON, ON]);
  const sums = add(clockBefore, clockBefore, integral([ON, IDENTITY, ON]));
  const clocksBefore = integral([IDENTITY, IDENTITY, ON, ON]);
  const products = add(
    clocksBefore,
    clocksBefore,
    integral([IDENTITY, ON, IDENTITY, ON]),
  );
  const onTime = new Float64Array(4);
  const onTimeVariance = new Float64Array(4);
  const onTimeMoment = new Float64Array(4);
  const onTimeMomentVariance = new Float64Array(4);
  const onTimeCovariance = new Float64Array(4);
  for (let index = 0; index < 4; index++) {
    // A path from one state to another that the chain cannot take in
    // `width` (its chance below the smallest double) keeps zero moments.
    const chance = ends[index];
    if (!(chance > 0)) continue;
    const mean = onTimes[index] / chance;
    const moment = moments[index] / chance;
    onTime[index] = mean;
    onTimeMoment[index] = moment;
    onTimeVariance[index] = Math.max(0, 2 * pairs[index] / chance - mean ** 2);
    onTimeMomentVariance[index] = Math.max(
      0,
      2 * products[index] / chance - moment ** 2,
    );
    onTimeCovariance[index] = sums[index] / chance - mean * moment;
  }
  // The closed forms keep the two chances exact when the chain switches so
  // often that scaling and squaring loses digits of them. The moments above
  // are ratios of integrals that lose the same digits, so they keep theirs.
  const s = tau + zeta;
  const p = tau / s;
  const decay = Math.exp(-s * width);
  return {
    stayOn: p + (1 - p) * decay,
    turnOn: -p * Math.expm1(-s * width),
    onTime,
    onTimeVariance,
    onTimeMoment,
    onTimeMomentVariance,
    onTimeCovariance,
  };
}

/** Returns the sum of 2 x 2 matrices. */
function add(...terms: Matrix2[]): Matrix2 {
  const sum = [0, 0, 0, 0];
  for (const term of terms) {
    for (let i = 0; i < 4; i++) sum[i] += term[i];
  }
  return [sum[0], sum[1], sum[2], sum[3]];
}

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
 * times give their variances and covariance. All are evaluated once per cell
 * width by Simpson's rule on 128 intervals; tests/bridge_test.ts checks the
 * ON time's mean and variance against direct simulation.
 *
 * @module
 */

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

const INTERVALS = 128;

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
  const s = tau + zeta;
  const p = tau / s;
  const transition = (from: number, to: number, t: number) => {
    const decay = Math.exp(-s * t);
    const on = from === 1 ? p + (1 - p) * decay : p * (1 - decay);
    return to === 1 ? on : 1 - on;
  };
  const onTime = new Float64Array(4);
  const onTimeVariance = new Float64Array(4);
  const onTimeMoment = new Float64Array(4);
  const onTimeMomentVariance = new Float64Array(4);
  const onTimeCovariance = new Float64Array(4);
  const step = width / INTERVALS;
  for (let from = 0; from < 2; from++) {
    for (let to = 0; to < 2; to++) {
      const ends = transition(from, to, width);
      const onAt = (t: number) =>
        transition(from, 1, t) * transition(1, to, width - t) / ends;
      let mean = 0;
      let moment = 0;
      // Integrals over t < u of P(ON at t and at u), times 1, t + u and t u.
      let pairs = 0;
      let pairsSum = 0;
      let pairsProduct = 0;
      for (let a = 0; a <= INTERVALS; a++) {
        const t = a * step;
        const weightT = simpsonWeight(a) * step / 3;
        mean += weightT * onAt(t);
        moment += weightT * t * onAt(t);
        const first = weightT * transition(from, 1, t) / ends;
        for (let b = a; b <= INTERVALS; b++) {
          const u = b * step;
          const weightU = simpsonTailWeight(a, b) * step / 3;
          const both = first * weightU * transition(1, 1, u - t) *
            transition(1, to, width - u);
          pairs += both;
          pairsSum += both * (t + u);
          pairsProduct += both * t * u;
        }
      }
      const index = 2 * from + to;
      onTime[index] = mean;
      onTimeMoment[index] = moment;
      onTimeVariance[index] = Math.max(0, 2 * pairs - mean * mean);
      onTimeMomentVariance[index] = Math.max(
        0,
        2 * pairsProduct - moment * moment,
      );
      onTimeCovariance[index] = pairsSum - mean * moment;
    }
  }
  const stayOn = transition(1, 1, width);
  const turnOn = transition(0, 1, width);
  return {
    stayOn,
    turnOn,
    onTime,
    onTimeVariance,
    onTimeMoment,
    onTimeMomentVariance,
    onTimeCovariance,
  };
}

function simpsonWeight(index: number): number {
  if (index === 0 || index === INTERVALS) return 1;
  return index % 2 === 1 ? 4 : 2;
}

/**
 * Weights of the inner integral over u in [t_a, width]: Simpson's rule when
 * the remaining interval count is even, else the trapezoid rule.
 */
function simpsonTailWeight(start: number, index: number): number {
  const count = INTERVALS - start;
  if (count === 0) return 0;
  if (count % 2 === 1) {
    return index === start || index === INTERVALS ? 1.5 : 3;
  }
  if (index === start || index === INTERVALS) return 1;
  return (index - start) % 2 === 1 ? 4 : 2;
}

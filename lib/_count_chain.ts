/**
 * The number of sources ON from one cell end to the next, for K sources
 * over cells of one width, and the law of a cell's ON time given the counts
 * at both of its ends.
 *
 * Sources are independent, so from n ON the next count is the sum of
 * Binomial(n, P11) sources that stay ON and Binomial(K - n, P01) that turn
 * ON. The count is a Markov chain. Given the counts at every cell end the
 * cells are independent. So drawing each next count from its law, and each
 * cell's ON time with its exact mean and variance given the counts at its
 * ends, keeps the ON times' means, variances and covariances across cells
 * exact. Given both counts, the split into sources that stayed ON and
 * turned ON is summed out: the moments of the ON time and of its integral
 * over time are mixtures over the split of the per-source moments of the
 * bridge.
 *
 * Tabulating both laws once per (K, width) turns a cell's two binomial
 * draws and five sums over classes into one inversion and a few reads.
 *
 * @module
 */

import type { CellBridge } from "./_bridge.ts";
import { logFactorial } from "./_draws.ts";
import { InverseTable } from "./_inverse_table.ts";

/** Largest number of sources with a tabulated chain. More sources draw their splits one by one. */
export const CHAIN_SOURCES = 64;

// Offsets in a cell's ON-time law (see `writeOnTimeLaw`).
/** Mean ON time, sources times seconds. */
export const ON_MEAN = 0;
/** Half-width of the uniform ON time, `sqrt(3 variance)`. */
export const ON_HALF_WIDTH = 1;
/** Mean integral of t over the ON time, seconds squared times sources. */
export const CENTRE_MOMENT = 2;
/** Regression slope of that integral on the ON time. */
export const CENTRE_SLOPE = 3;
/** Half-width of the uniform residual of that integral. */
export const CENTRE_HALF_WIDTH = 4;
/** Gamma shape of the ON time where the uniform would reach below 0, else 0. */
export const GAMMA_SHAPE = 5;
/** Gamma scale of the ON time in that case. */
export const GAMMA_SCALE = 6;
/** Entries per law. */
export const LAW_STRIDE = 8;

/**
 * Writes the law of a cell's ON time and of its integral over time, from
 * their means, variances and covariance, at `out[base]`.
 */
export function writeOnTimeLaw(
  out: Float64Array,
  base: number,
  mean: number,
  variance: number,
  moment: number,
  momentVariance: number,
  covariance: number,
): void {
  const halfWidth = variance > 0 ? Math.sqrt(3 * variance) : 0;
  const slope = variance > 0 ? covariance / variance : 0;
  const residual = Math.max(0, momentVariance - slope * covariance);
  out[base + ON_MEAN] = mean;
  out[base + ON_HALF_WIDTH] = halfWidth;
  out[base + CENTRE_MOMENT] = moment;
  out[base + CENTRE_SLOPE] = slope;
  out[base + CENTRE_HALF_WIDTH] = Math.sqrt(3 * residual);
  const gamma = halfWidth > mean;
  out[base + GAMMA_SHAPE] = gamma ? mean * mean / variance : 0;
  out[base + GAMMA_SCALE] = gamma ? variance / mean : 0;
}

/** The tabulated count chain of K sources over cells of one width. */
export class CountChain {
  /** Number of sources K. */
  readonly sources: number;
  /** Law of the next count, one row per count at the cell's start. */
  readonly transitions: InverseTable;
  /**
   * ON-time laws (see `writeOnTimeLaw`), at
   * `(start * (K + 1) + end) * LAW_STRIDE` for the counts at the cell's ends.
   */
  readonly laws: Float64Array;
  readonly #split = new Float64Array(SPLIT_MOMENTS);

  /**
   * @param bridge One source's moments over the cell width.
   * @param sources Number of sources K, at most CHAIN_SOURCES.
   */
  constructor(bridge: CellBridge, sources: number) {
    const states = sources + 1;
    this.sources = sources;
    this.transitions = new InverseTable(states, states);
    this.laws = new Float64Array(states * states * LAW_STRIDE);
    const masses = new Float64Array(states);
    for (let on = 0; on < states; on++) {
      const stay = binomialMasses(on, bridge.stayOn);
      const turn = binomialMasses(sources - on, bridge.turnOn);
      masses.fill(0);
      for (let stayed = 0; stayed <= on; stayed++) {
        for (let turned = 0; turned <= sources - on; turned++) {
          masses[stayed + turned] += stay[stayed] * turn[turned];
        }
      }
      this.transitions.setRow(on, masses);
      for (let next = 0; next < states; next++) {
        this.#writePair(bridge, on, next, stay, turn);
      }
    }
  }

  /** Returns the count at a cell's end drawn by inverting `u`, from `on` at its start. */
  next(on: number, u: number): number {
    return this.transitions.draw(on, u);
  }

  /**
   * Mixes the ON-time moments of the splits that lead from `on` to `next`.
   * Given both counts, each moment of a split is linear in the number of
   * sources that stayed ON, so the mixture needs only that number's mean and
   * variance over the splits.
   */
  #writePair(
    bridge: CellBridge,
    on: number,
    next: number,
    stay: Float64Array,
    turn: Float64Array,
  ): void {
    const sources = this.sources;
    const low = Math.max(0, next - (sources - on));
    const high = Math.min(on, next);
    let total = 0;
    let first = 0;
    for (let stayed = low; stayed <= high; stayed++) {
      const weight = stay[stayed] * turn[next - stayed];
      total += weight;
      first += weight * stayed;
    }
    // A pair too unlikely to be drawn still gets a finite law: its splits
    // count alike.
    const even = !(total > 0);
    if (even) {
      total = high - low + 1;
      first = (low + high) * total / 2;
    }
    const stayedMean = first / total;
    let spread = 0;
    for (let stayed = low; stayed <= high; stayed++) {
      const weight = even ? 1 : stay[stayed] * turn[next - stayed];
      spread += weight * (stayed - stayedMean) ** 2;
    }
    const stayedVariance = spread / total;
    // Moments at the mean split, and their change per source that stayed ON.
    const split = this.#split;
    splitMoments(bridge, sources, on, next, stayedMean, split);
    const step = (moments: Float64Array) =>
      moments[0] - moments[1] - moments[2] + moments[3];
    const onStep = step(bridge.onTime);
    const momentStep = step(bridge.onTimeMoment);
    writeOnTimeLaw(
      this.laws,
      (on * (sources + 1) + next) * LAW_STRIDE,
      split[0],
      split[1] + onStep ** 2 * stayedVariance,
      split[2],
      split[3] + momentStep ** 2 * stayedVariance,
      split[4] + onStep * momentStep * stayedVariance,
    );
  }
}

/**
 * Chains kept for reuse, the least recently used dropped first, so a sweep
 * over many rates keeps a bounded memory: at most about 28 MB at 64 sources
 * and 9 MB at 32. Building one takes 1 to 2 ms at 64 sources.
 */
export const CACHED_CHAINS = 64;

const cache = new Map<string, CountChain>();
const bridgeIds = new WeakMap<CellBridge, number>();
let nextBridgeId = 0;

/** Returns the count chain of `sources` sources over the bridge's width, built once while it stays in use. */
export function cachedCountChain(
  bridge: CellBridge,
  sources: number,
): CountChain {
  let id = bridgeIds.get(bridge);
  if (id === undefined) {
    id = nextBridgeId++;
    bridgeIds.set(bridge, id);
  }
  const key = `${id} ${sources}`;
  let chain = cache.get(key);
  if (chain === undefined) {
    chain = new CountChain(bridge, sources);
    if (cache.size >= CACHED_CHAINS) {
      cache.delete(cache.keys().next().value!);
    }
  } else {
    cache.delete(key);
  }
  cache.set(key, chain);
  return chain;
}

/** Number of moments that `splitMoments` writes. */
export const SPLIT_MOMENTS = 5;

/**
 * Writes the ON time's mean and variance, its integral's mean and variance,
 * and their covariance, given how many of K sources were ON at the cell's
 * start (`on`) and end (`next`) and how many stayed ON: sums of the
 * bridge's moments by class. `stayed` may be fractional, for the mean over
 * splits.
 */
export function splitMoments(
  bridge: CellBridge,
  sources: number,
  on: number,
  next: number,
  stayed: number,
  out: Float64Array,
): void {
  // Counts by state at the cell's start and end, indexed 2 * start + end.
  const counts = [
    sources - on - next + stayed,
    next - stayed,
    on - stayed,
    stayed,
  ];
  out.fill(0);
  for (let index = 0; index < 4; index++) {
    const count = counts[index];
    out[0] += count * bridge.onTime[index];
    out[1] += count * bridge.onTimeVariance[index];
    out[2] += count * bridge.onTimeMoment[index];
    out[3] += count * bridge.onTimeMomentVariance[index];
    out[4] += count * bridge.onTimeCovariance[index];
  }
}

/** Returns the masses of Binomial(trials, probability). */
function binomialMasses(trials: number, probability: number): Float64Array {
  const masses = new Float64Array(trials + 1);
  if (!(probability > 0 && probability < 1)) {
    masses[probability > 0 ? trials : 0] = 1;
    return masses;
  }
  const logP = Math.log(probability);
  const logQ = Math.log1p(-probability);
  for (let k = 0; k <= trials; k++) {
    masses[k] = Math.exp(
      logFactorial(trials) - logFactorial(k) - logFactorial(trials - k) +
        k * logP + (trials - k) * logQ,
    );
  }
  return masses;
}

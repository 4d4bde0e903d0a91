/**
 * Poisson counts by inversion of a distribution function kept for one mean,
 * for cells that share their expected count: the cells of a slot that its
 * sources keep ON throughout.
 *
 * @module
 */

import type { UniformStream } from "./_uniform_stream.ts";

/**
 * Entries of the distribution function. The engine fills tables for means
 * below 128, where a count of 512 or more has a chance below 1e-140
 * (Chernoff's bound).
 */
const ENTRIES = 512;

/** 1 / k for k below ENTRIES: a multiplication costs less than a division. */
const RECIPROCALS = new Float64Array(ENTRIES);
for (let k = 1; k < ENTRIES; k++) RECIPROCALS[k] = 1 / k;

/**
 * Draws Poisson counts of one mean by inversion: the smallest count whose
 * cumulative chance reaches a uniform number, searched from the mode. The
 * distribution function is filled as far as draws need it, by the running
 * sum of the probabilities, so a count depends on its uniform alone.
 * Against rejection methods a draw costs one uniform and a few comparisons.
 */
export class PoissonTable {
  /** The mean the table is filled for; NaN before the first `reset`. */
  mean = NaN;
  readonly #cdf = new Float64Array(ENTRIES);
  #filled = 0;
  #probability = 0;

  /** Starts the table over for `mean`, a finite number >= 0. */
  reset(mean: number): void {
    this.mean = mean;
    this.#probability = Math.exp(-mean);
    this.#cdf[0] = this.#probability;
    this.#filled = 1;
  }

  /** Draws the next count from `stream`. */
  draw(stream: UniformStream): number {
    const cdf = this.#cdf;
    const u = stream.next();
    let count = Math.min(Math.floor(this.mean), this.#filled - 1);
    if (cdf[count] >= u) {
      while (count > 0 && cdf[count - 1] >= u) count--;
      return count;
    }
    while (cdf[count] < u) {
      count++;
      if (count === this.#filled && !this.#extend()) return count - 1;
    }
    return count;
  }

  /** Adds the next entry; false when the table is full. */
  #extend(): boolean {
    const filled = this.#filled;
    if (filled === ENTRIES) return false;
    this.#probability *= this.mean * RECIPROCALS[filled];
    this.#cdf[filled] = this.#cdf[filled - 1] + this.#probability;
    this.#filled = filled + 1;
    return true;
  }
}

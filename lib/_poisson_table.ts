/**
 * Poisson counts by inversion of a distribution function kept for one mean,
 * for cells that share their expected count: the cells of a slot that its
 * sources keep ON throughout.
 *
 * @module
 */

import type { UniformStream } from "./_uniform_stream.ts";

/** Means below which a PoissonTable serves. */
export const TABLE_MEANS = 128;

/**
 * Entries of the distribution function. Below TABLE_MEANS a count of 512 or
 * more has a chance below 1e-140 (Chernoff's bound).
 */
const ENTRIES = 512;

/** The distribution function of a table not yet reset. */
const EMPTY = new Float64Array(0);

/** 1 / k for k below ENTRIES: a multiplication costs less than a division. */
const RECIPROCALS = new Float64Array(ENTRIES);
for (let k = 1; k < ENTRIES; k++) RECIPROCALS[k] = 1 / k;

/**
 * Draws Poisson counts of one mean by inversion: the smallest count whose
 * cumulative chance reaches a uniform number, searched from the mode. The
 * distribution function is filled as far as draws need it, by the running
 * sum of the probabilities, so a count depends on its uniform alone.
 * Against rejection methods a draw costs one uniform and a few comparisons.
 *
 * NOTE: a uniform above the rounded sum of all ENTRIES probabilities (within
 * about 1e-15 of 1) gets the count ENTRIES - 1. Alea's draws stay below
 * 1 - 2^-32, so only a source with finer uniforms can reach it.
 */
export class PoissonTable {
  #mean = NaN;
  /** Empty until the first `reset`, so tables never used cost no entries. */
  #cdf = EMPTY;
  #filled = 0;
  #probability = 0;

  /** The mean the table is filled for; NaN before the first `reset`. */
  get mean(): number {
    return this.#mean;
  }

  /** Starts the table over for `mean`, a finite number in [0, TABLE_MEANS). */
  reset(mean: number): void {
    if (this.#cdf.length === 0) this.#cdf = new Float64Array(ENTRIES);
    this.#mean = mean;
    this.#probability = Math.exp(-mean);
    this.#cdf[0] = this.#probability;
    this.#filled = 1;
  }

  /** Draws the next count from `stream`. */
  draw(stream: UniformStream): number {
    const cdf = this.#cdf;
    const u = stream.next();
    let count = Math.min(Math.floor(this.#mean), this.#filled - 1);
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
    this.#probability *= this.#mean * RECIPROCALS[filled];
    this.#cdf[filled] = this.#cdf[filled - 1] + this.#probability;
    this.#filled = filled + 1;
    return true;
  }
}

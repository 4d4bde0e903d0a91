/**
 * Binomial draws by inversion of tabulated distribution functions, with a
 * lookup table that skips the search for most uniforms.
 *
 * Inversion returns the smallest k with `u <= F(k)`. The lookup splits
 * [0, 1) into LOOKUP_CELLS equal cells. Where no F(k) falls inside a cell,
 * every u in it gives the same k, which the table stores. Where one does,
 * the table stores the first k the search can return, and the search goes
 * on from there. So the result is the same as a search from 0, and most
 * draws cost one table read instead of a loop with an unpredictable end.
 *
 * @module
 */

import { drawBinomial } from "./_draws.ts";
import type { UniformStream } from "./_uniform_stream.ts";

/** Largest trial count with a tabulated binomial distribution function. */
export const TABLE_TRIALS = 64;

/** Cells of the lookup, a power of 2 so that `u * LOOKUP_CELLS` is exact. */
const LOOKUP_CELLS = 1024;

/** Entries per trial count in `lookup`: one extra cell serves u = 1. */
const LOOKUP_STRIDE = LOOKUP_CELLS + 1;

/** Entries per trial count in `cdf`. */
const CDF_STRIDE = TABLE_TRIALS + 1;

/** The tabulated Binomial(n, p) laws for one p and n = 0..TABLE_TRIALS. */
export interface BinomialTables {
  /** The success probability p. */
  probability: number;
  /** F(k) = P(count <= k) of n trials at `n * CDF_STRIDE + k`. */
  cdf: Float64Array;
  /**
   * At `n * LOOKUP_STRIDE + cell`: k when every u in the cell gives k, else
   * `-(k + 1)` with k the first count to search from.
   */
  lookup: Int8Array;
}

/**
 * Tabulates the distribution functions of Binomial(n, p) for
 * n = 0..TABLE_TRIALS, with their lookups.
 */
export function binomialTables(p: number): BinomialTables {
  const cdf = new Float64Array((TABLE_TRIALS + 1) * CDF_STRIDE);
  const lookup = new Int8Array((TABLE_TRIALS + 1) * LOOKUP_STRIDE);
  for (let n = 0; n <= TABLE_TRIALS; n++) {
    const table = cdf.subarray(n * CDF_STRIDE, n * CDF_STRIDE + n + 1);
    let logMass = n * Math.log1p(-p);
    let cumulative = 0;
    for (let k = 0; k <= n; k++) {
      cumulative += Math.exp(logMass);
      table[k] = cumulative;
      logMass += Math.log((n - k) / (k + 1)) + Math.log(p) - Math.log1p(-p);
    }
    table[n] = 1;
    fillLookup(
      table,
      lookup.subarray(n * LOOKUP_STRIDE, (n + 1) * LOOKUP_STRIDE),
    );
  }
  return { probability: p, cdf, lookup };
}

/** Fills the lookup of one distribution function (see the module notes). */
function fillLookup(cdf: Float64Array, lookup: Int8Array): void {
  let first = 0;
  for (let cell = 0; cell <= LOOKUP_CELLS; cell++) {
    const low = cell / LOOKUP_CELLS;
    const high = (cell + 1) / LOOKUP_CELLS;
    while (cdf[first] < low) first++;
    const inside = cdf[first] < high && cell < LOOKUP_CELLS;
    lookup[cell] = inside ? -(first + 1) : first;
  }
}

/**
 * Draws Binomial(trials, tables.probability) by inverting `u` when trials is
 * at most TABLE_TRIALS, else from the stream.
 *
 * @param tables The tabulated laws.
 * @param trials Number of trials, a whole number >= 0.
 * @param u A uniform number in [0, 1], used when the law is tabulated.
 * @param stream The uniform stream for larger trial counts.
 * @returns A whole number in [0, trials].
 */
export function tabulatedBinomial(
  tables: BinomialTables,
  trials: number,
  u: number,
  stream: UniformStream,
): number {
  if (trials > TABLE_TRIALS) {
    return drawBinomial(stream, trials, tables.probability);
  }
  const guess =
    tables.lookup[trials * LOOKUP_STRIDE + ((u * LOOKUP_CELLS) | 0)];
  if (guess >= 0) return guess;
  const cdf = tables.cdf;
  const base = trials * CDF_STRIDE;
  let count = -guess - 1;
  while (u > cdf[base + count]) count++;
  return count;
}

/**
 * Draws from small discrete laws by inverting tabulated distribution
 * functions, with a lookup that skips the search for most uniforms.
 *
 * Inversion returns the smallest k with `u <= F(k)`. The lookup splits
 * [0, 1) into LOOKUP_CELLS equal cells. Where no F(k) falls inside a cell,
 * every u in it gives the same k, which the lookup stores. Where one does,
 * it stores the first k the search can return, and the search goes on from
 * there. So the result is the same as a search from 0, and most draws cost
 * one read instead of a loop with an unpredictable end.
 *
 * @module
 */

/** Cells of the lookup, a power of 2 so that `u * LOOKUP_CELLS` is exact. */
const LOOKUP_CELLS = 1024;

/** Lookup entries per law: one extra cell serves u = 1. */
const LOOKUP_STRIDE = LOOKUP_CELLS + 1;

/** Several laws on 0..size-1, each one row, tabulated for inversion. */
export class InverseTable {
  /** Number of values each law takes, 0 to size - 1. */
  readonly size: number;
  /** F(k) = P(value <= k) of law `row` at `row * size + k`. */
  readonly cdf: Float64Array;
  /**
   * At `row * LOOKUP_STRIDE + cell`: k when every u in the cell gives k,
   * else `-(k + 1)` with k the first value to search from.
   */
  readonly lookup: Int16Array;

  /**
   * @param rows Number of laws.
   * @param size Number of values each law takes, at most 32,767.
   */
  constructor(rows: number, size: number) {
    this.size = size;
    this.cdf = new Float64Array(rows * size);
    this.lookup = new Int16Array(rows * LOOKUP_STRIDE);
  }

  /**
   * Tabulates law `row` from its probabilities, which need not sum to
   * exactly 1: they are divided by their sum.
   */
  setRow(row: number, masses: ArrayLike<number>): void {
    const size = this.size;
    const cdf = this.cdf.subarray(row * size, (row + 1) * size);
    let total = 0;
    for (let k = 0; k < size; k++) total += masses[k];
    let cumulative = 0;
    for (let k = 0; k < size; k++) {
      cumulative += masses[k];
      cdf[k] = cumulative / total;
    }
    cdf[size - 1] = 1;
    const lookup = this.lookup.subarray(
      row * LOOKUP_STRIDE,
      (row + 1) * LOOKUP_STRIDE,
    );
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
   * Returns the value of law `row` that `u` inverts to.
   *
   * @param row The law.
   * @param u A uniform number in [0, 1].
   * @returns The smallest k with `u <= F(k)`.
   */
  draw(row: number, u: number): number {
    const guess = this.lookup[row * LOOKUP_STRIDE + ((u * LOOKUP_CELLS) | 0)];
    if (guess >= 0) return guess;
    const cdf = this.cdf;
    const base = row * this.size;
    let value = -guess - 1;
    while (u > cdf[base + value]) value++;
    return value;
  }
}

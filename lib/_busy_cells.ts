/**
 * The busy cells of a slot drawn switch by switch, queued until the slot's
 * end. Their volumes then come from one loop, with the first gamma tries
 * from one batch of uniforms. A loop over the slot's busy cells, rather
 * than a gamma call per cell, lets V8 keep every number unboxed.
 *
 * @module
 */

import { isUncounted } from "./_aggregate.ts";
import { gammaFromInto } from "./_draws.ts";
import type { UniformStream } from "./_uniform_stream.ts";

/** A queue of busy cells' aggregate deposits and, after `drawVolumes`, their volumes. */
export class BusyCells {
  /** Number of queued cells. */
  count = 0;
  /** Deposit position of each queued cell, in bins from the slot's start. */
  readonly position: Float64Array;
  /** Total volume of each queued cell's arrivals, once drawn. */
  readonly volume: Float64Array;
  /** Arrivals of each queued cell, or m + 1 for an uncounted cell. */
  readonly #arrivals: Float64Array;
  /** Expected arrivals m of each queued cell. */
  readonly #expected: Float64Array;

  /** @param capacity The most cells a slot can queue: its number of cells. */
  constructor(capacity: number) {
    this.position = new Float64Array(capacity);
    this.volume = new Float64Array(capacity);
    this.#arrivals = new Float64Array(capacity);
    this.#expected = new Float64Array(capacity);
  }

  /**
   * Queues a busy cell's deposit at `position`, with its count `arrivals`
   * (m + 1 for an uncounted cell) and its expected count `expected`.
   */
  add(position: number, arrivals: number, expected: number): void {
    const index = this.count++;
    this.position[index] = position;
    this.#arrivals[index] = arrivals;
    this.#expected[index] = expected;
  }

  /** Empties the queue for the next slot. */
  clear(): void {
    this.count = 0;
  }

  /**
   * Draws the total volume of each queued cell's arrivals: Gamma(n,
   * psiMean), or for an uncounted cell Gamma(m / 2, 2 psiMean) (see
   * UNCOUNTED_ARRIVALS).
   *
   * @param stream The uniform stream.
   * @param psiMean Mean session volume.
   * @param threshold Arrivals in a cell above which they are deposited in aggregate.
   */
  drawVolumes(
    stream: UniformStream,
    psiMean: number,
    threshold: number,
  ): void {
    const count = this.count;
    const first = stream.reserve(2 * count);
    const uniforms = stream.reserved;
    for (let index = 0; index < count; index++) {
      const expected = this.#expected[index];
      const uncounted = isUncounted(expected, threshold);
      gammaFromInto(
        uniforms[first + 2 * index],
        uniforms[first + 2 * index + 1],
        stream,
        uncounted ? expected / 2 : this.#arrivals[index],
        uncounted ? 2 * psiMean : psiMean,
        this.volume,
        index,
      );
    }
  }
}

/**
 * The ON/OFF continuous-time Markov chain that gates session arrivals.
 *
 * A source moves OFF to ON at rate `tau` and ON to OFF at rate `zeta`. With K
 * independent sources, the number of sources ON is a birth-death chain on
 * 0..K: it rises at rate `(K - on) * tau` and falls at rate `on * zeta`.
 *
 * @module
 */

/**
 * Returns the stationary probability that a source is ON, `tau / (tau + zeta)`.
 *
 * @param tau Rate of the OFF to ON transition, per second, > 0.
 * @param zeta Rate of the ON to OFF transition, per second, > 0.
 * @returns The ON probability in (0, 1).
 * @throws {RangeError} When a rate is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { stationaryPOn } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(stationaryPOn(1 / 40, 1 / 20), 1 / 3);
 * ```
 */
export function stationaryPOn(tau: number, zeta: number): number {
  if (!(Number.isFinite(tau) && tau > 0)) {
    throw new RangeError(
      `Cannot compute the ON probability: tau must be a finite rate > 0, got ${tau}`,
    );
  }
  if (!(Number.isFinite(zeta) && zeta > 0)) {
    throw new RangeError(
      `Cannot compute the ON probability: zeta must be a finite rate > 0, got ${zeta}`,
    );
  }
  return tau / (tau + zeta);
}

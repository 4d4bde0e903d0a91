/**
 * The aggregate deposit of a busy cell's arrivals: their total volume at
 * their volume-weighted mean start, both drawn with their exact mean and
 * variance.
 *
 * @module
 */

import { drawGamma, drawPoisson } from "./_draws.ts";
import type { UniformStream } from "./_uniform_stream.ts";
import { normalFrom } from "./_normal_ziggurat.ts";

/**
 * Expected arrivals in a cell above which its count is not drawn: the count
 * is taken as its mean m, and the cell's volume comes from the normal law
 * with the compound-Poisson mean and variance, `m psiMean` and
 * `2 m psiMean^2`. Above 256 arrivals that volume's CV is below 9% (the
 * normal stays positive), the skewness dropped, `2.1 / sqrt(m)`, is below
 * 0.14, and the centre's variance `2 s^2 / (n + 1)` changes by O(1/m^2).
 */
export const NORMAL_VOLUME_ARRIVALS = 256;

/** Draws a cell's number of arrivals, or returns its mean when it is large. */
export function drawArrivals(stream: UniformStream, expected: number): number {
  if (expected > NORMAL_VOLUME_ARRIVALS) return expected;
  return drawPoisson(stream, expected);
}

/**
 * Maps `u` to the volume-weighted mean start of a busy cell's arrivals, an
 * offset in the cell. Exponential volumes make that mean's weights
 * Dirichlet, so its variance is `2 Var(start) / (n + 1)`. It is drawn
 * uniform on the centred interval with that variance, kept inside the cell.
 *
 * @param u A uniform number in [0, 1).
 * @param width Cell width, in bins.
 * @param start Mean start offset in the cell, in bins.
 * @param startVariance Variance of one session's start offset, in bins squared.
 * @param arrivals Number of arrivals n.
 */
export function aggregateOffset(
  u: number,
  width: number,
  start: number,
  startVariance: number,
  arrivals: number,
): number {
  const halfWidth = Math.sqrt(6 * startVariance / (arrivals + 1));
  const offset = start + halfWidth * (2 * u - 1);
  if (offset < 0) return 0;
  if (offset >= width) return width * (1 - 1e-12);
  return offset;
}

/** Draws the total volume of a cell's arrivals (see NORMAL_VOLUME_ARRIVALS). */
export function cellVolume(
  stream: UniformStream,
  arrivals: number,
  expected: number,
  psiMean: number,
): number {
  if (expected > NORMAL_VOLUME_ARRIVALS) {
    return normalVolume(stream.next(), stream, expected, psiMean);
  }
  // The unary plus types the call's result as a number, so V8 can keep the
  // normal branch's result unboxed where the two meet.
  return +drawGamma(stream, arrivals, psiMean);
}

/**
 * Draws the total volume of a cell with more than NORMAL_VOLUME_ARRIVALS
 * expected; the normal draw's first try uses `u`.
 */
export function normalVolume(
  u: number,
  stream: UniformStream,
  expected: number,
  psiMean: number,
): number {
  const volume = expected * psiMean +
    Math.sqrt(2 * expected) * psiMean * normalFrom(u, stream);
  return volume > 0 ? volume : 0;
}

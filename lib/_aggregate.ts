/**
 * The aggregate deposit of a busy cell's arrivals: their total volume at
 * their volume-weighted mean start, both drawn so that every bin keeps its
 * exact mean and variance.
 *
 * Why the bins stay exact: within a cell a session's deposits are linear in
 * its start, so n sessions with volumes V_i and starts s_i reach the bins as
 * one session of volume V = sum V_i starting at their volume-weighted mean
 * start. With exponential volumes the weights are Dirichlet and independent
 * of V, so that start has the sessions' mean start and the variance
 * `2 Var(start) / (n + 1)`. A bin's mean and variance then depend on V and
 * the start only through E[V], E[V^2] and `E[V^2 / (n + 1)] = m psiMean^2`,
 * where m is the cell's expected count.
 *
 * @module
 */

import { drawPoisson } from "./_draws.ts";
import type { UniformStream } from "./_uniform_stream.ts";

/**
 * Expected arrivals in a cell above which its count is not drawn when the
 * cell is deposited in aggregate. Its volume V is then drawn from
 * Gamma(m / 2, 2 psiMean), which has the compound-Poisson mean `m psiMean`
 * and variance `2 m psiMean^2`, stays positive, and has a skewness of
 * `2.83 / sqrt(m)` against the exact `2.12 / sqrt(m)`, so at most 0.5 at
 * this threshold. Its start is drawn as for m + 1 arrivals: then
 * `E[V^2] / (m + 2) = m psiMean^2`, as with the count drawn, so every bin's
 * mean and variance stay exact. Above this count a cell costs one gamma draw
 * and one uniform, whatever the rate.
 */
export const UNCOUNTED_ARRIVALS = 32;

/**
 * Returns whether a cell with `expected` arrivals skips its count (see
 * UNCOUNTED_ARRIVALS): only when it would be deposited in aggregate anyway.
 */
export function isUncounted(expected: number, threshold: number): boolean {
  return expected > UNCOUNTED_ARRIVALS && expected > threshold;
}

/**
 * Draws a cell's number of arrivals. For an uncounted cell it returns
 * m + 1 instead, the count its aggregate start is drawn for.
 */
export function drawArrivals(
  stream: UniformStream,
  expected: number,
  threshold: number,
): number {
  if (isUncounted(expected, threshold)) return expected + 1;
  // The unary plus types the count as a number like `expected + 1`, so V8
  // keeps the result unboxed where the two meet.
  return +drawPoisson(stream, expected);
}

/**
 * Maps `u` to the volume-weighted mean start of a busy cell's arrivals, an
 * offset in the cell: uniform on the centred interval with variance
 * `2 Var(start) / (n + 1)`, kept inside the cell.
 *
 * @param u A uniform number in [0, 1).
 * @param width Cell width, in bins.
 * @param start Mean start offset in the cell, in bins.
 * @param startVariance Variance of one session's start offset, in bins squared.
 * @param arrivals Number of arrivals n, or m + 1 for an uncounted cell.
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

/**
 * Draws the arrivals of `count` cells with `expected[i]` expected arrivals
 * into `arrivals[i]`, as `drawArrivals` does. Writes the gamma law of each
 * busy cell's total volume into `shapes[i]` and `scales[i]`: Gamma(n,
 * psiMean), its exact law given n arrivals, or for an uncounted cell
 * Gamma(m / 2, 2 psiMean) (see UNCOUNTED_ARRIVALS). A cell at or below
 * `threshold` gets shape 0. Loops over the cells, with the rule of
 * `isUncounted` written out, let V8 keep every number unboxed.
 *
 * A first pass writes every cell as uncounted and lists in `countedCells`
 * the cells whose count is drawn. A second pass draws those counts in cell
 * order, so the stream gives the same draws as one pass would. The first
 * pass adds each test's outcome to the list's length instead of branching
 * on it, because a branch on cells whose kind varies at random is often
 * mispredicted. The two passes ran the bench's defaults (up to 32 sources)
 * about 3% faster than one (Deno 2.9, Xeon VM).
 */
export function drawArrivalsInto(
  stream: UniformStream,
  expected: Float64Array,
  threshold: number,
  psiMean: number,
  arrivals: Float64Array,
  shapes: Float64Array,
  scales: Float64Array,
  countedCells: Int32Array,
  count: number,
): void {
  let counted = 0;
  for (let i = 0; i < count; i++) {
    const mean = expected[i];
    arrivals[i] = mean + 1;
    shapes[i] = mean / 2;
    scales[i] = 2 * psiMean;
    countedCells[counted] = i;
    counted += Number(!(mean > UNCOUNTED_ARRIVALS && mean > threshold));
  }
  for (let next = 0; next < counted; next++) {
    const i = countedCells[next];
    const mean = expected[i];
    const drawn = mean > 0 ? +drawPoisson(stream, mean) : 0;
    arrivals[i] = drawn;
    shapes[i] = drawn > threshold ? drawn : 0;
    scales[i] = psiMean;
  }
}

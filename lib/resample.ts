/**
 * Resampling of irregularly timed measurements onto a regular grid, as real
 * fine traces need before they can be averaged to slots: throughput logs
 * step by 1 to 3 s with repeated timestamps, and counters miss samples.
 *
 * @module
 */

/** Options of {@linkcode resampleToGrid}. */
export interface ResampleOptions {
  /**
   * Maximum wait, in seconds from an empty cell's start, for the next sample
   * to fill that cell; default 10. Farther samples leave the cell NaN.
   */
  maxGapS?: number;
}

/**
 * Puts samples on a regular grid of `dt` seconds that starts at the time of
 * the first sample with a value. Cell k covers `[t0 + k dt, t0 + (k + 1) dt)` and takes the
 * mean of the samples in it. An empty cell takes the value of the next
 * sample when that sample comes at most `maxGapS` seconds after the cell's
 * start, since a throughput sample reports the interval that ends at its
 * time, and is NaN otherwise. NaN values are skipped, as if not sampled.
 *
 * @param times Sample times in seconds, non-decreasing and finite.
 * @param values One value per sample.
 * @param dt Cell width in seconds, > 0.
 * @param options The longest gap that is filled.
 * @returns One value per cell, up to the cell of the last sample.
 * @throws {RangeError} When lengths differ, a time is not finite or goes
 *   back, a value is infinite, or `dt` or `maxGapS` is out of range.
 *
 * @example Two samples in the first 5-s cell, a gap filled from the next one
 * ```ts
 * import { resampleToGrid } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const grid = resampleToGrid([0, 2, 11], [4, 6, 9], 5);
 * assert.deepEqual([...grid], [5, 9, 9]);
 * ```
 */
export function resampleToGrid(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  dt: number,
  options: ResampleOptions = {},
): Float64Array {
  const maxGapS = options.maxGapS ?? 10;
  checkInput(times, values, dt, maxGapS);
  const observed: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (values[i] === values[i]) observed.push(i);
  }
  if (observed.length === 0) return new Float64Array(0);

  const start = times[observed[0]];
  const cell = (i: number) => Math.floor((times[i] - start) / dt);
  const cells = cell(observed[observed.length - 1]) + 1;
  const sums = new Float64Array(cells);
  const counts = new Float64Array(cells);
  for (const i of observed) {
    sums[cell(i)] += values[i];
    counts[cell(i)]++;
  }
  const grid = new Float64Array(cells);
  let next = 0;
  for (let k = 0; k < cells; k++) {
    if (counts[k] > 0) {
      grid[k] = sums[k] / counts[k];
      continue;
    }
    const cellStart = start + k * dt;
    while (times[observed[next]] < cellStart) next++;
    grid[k] = times[observed[next]] - cellStart <= maxGapS
      ? values[observed[next]]
      : NaN;
  }
  return grid;
}

function checkInput(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  dt: number,
  maxGapS: number,
): void {
  const action = "Cannot resample to a grid";
  if (times.length !== values.length) {
    throw new RangeError(
      `${action}: times and values differ in length (${times.length} and ${values.length}); pass one time per value`,
    );
  }
  if (!(Number.isFinite(dt) && dt > 0)) {
    throw new RangeError(
      `${action}: dt must be a finite number of seconds > 0, got ${dt}`,
    );
  }
  if (!(maxGapS >= 0)) {
    throw new RangeError(
      `${action}: maxGapS must be a number of seconds >= 0, got ${maxGapS}`,
    );
  }
  for (let i = 0; i < times.length; i++) {
    if (!Number.isFinite(times[i]) || (i > 0 && times[i] < times[i - 1])) {
      throw new RangeError(
        `${action}: time ${i} (${
          times[i]
        }) is not finite or comes before the previous one; sort the samples by time`,
      );
    }
    if (values[i] === Infinity || values[i] === -Infinity) {
      throw new RangeError(
        `${action}: value ${i} is infinite (${
          values[i]
        }); use NaN for a missing value`,
      );
    }
  }
}

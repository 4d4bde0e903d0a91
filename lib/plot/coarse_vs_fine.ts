/// <reference lib="dom" />
/**
 * A chart of a fine series with the coarse values it came from drawn as
 * steps over it.
 *
 * @module
 */

import { type Chart, Plot, renderChart, seriesChannel } from "./_chart.ts";
import {
  checkCount,
  checkPositive,
  checkSeries,
  resolveSlotRange,
} from "./_data.ts";
import { rateLabel } from "./_labels.ts";
import { timeUnitFor } from "./_time_axis.ts";

/** Options of {@linkcode plotCoarseVsFine}. */
export interface CoarseVsFineOptions {
  /** One value per slot. */
  coarse: ArrayLike<number>;
  /** `binsPerSlot` values per slot, `coarse.length * binsPerSlot` in all. */
  fine: ArrayLike<number>;
  /** Fine bins in one slot, `T / dt`. */
  binsPerSlot: number;
  /** Width of one fine bin, in seconds. */
  dt: number;
  /** Slots shown, `[start, end)`; default the first 12 slots (or fewer). */
  slots?: readonly [number, number];
  /** Unit of the values, for the axis label; default the input's units. */
  unit?: string;
  /** Legend label of the coarse steps; default `coarse input`. */
  coarseLabel?: string;
  /** Chart title; default `Fine series and its coarse input`. */
  title?: string;
  /** Value of the `data-chart` attribute; default `coarse-vs-fine`. */
  name?: string;
}

/** Slots shown when no range is given: one hour of 5-minute slots. */
const DEFAULT_SLOTS = 12;

/**
 * Charts a fine series with its coarse values over it, zoomed to a range of
 * slots. Both are drawn as steps: each value lasts from the start of its bin
 * or slot to the next. Time runs from the start of the series, in a
 * unit picked from the span shown. NaN values are drawn as gaps.
 *
 * @param options The series, their resolution and labels.
 * @returns The chart, with a legend of the two series.
 * @throws {RangeError} When `fine.length` is not `coarse.length *
 * binsPerSlot`, `dt` is not > 0, or `slots` falls outside the series.
 * @throws {TypeError} When a series is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotCoarseVsFine } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotCoarseVsFine({
 *   coarse: [2, 4],
 *   fine: [1, 3, 2, 2, 6, 4],
 *   binsPerSlot: 3,
 *   dt: 100,
 *   unit: "Mbit/s",
 * });
 * assert.ok(chartToHtml(chart).includes("Rate (Mbit/s)"));
 * ```
 */
export function plotCoarseVsFine(options: CoarseVsFineOptions): Chart {
  const coarse = checkSeries(options.coarse, "coarse");
  const fine = checkSeries(options.fine, "fine");
  const binsPerSlot = checkCount(options.binsPerSlot, "binsPerSlot");
  const dt = checkPositive(options.dt, "dt");
  if (fine.length !== coarse.length * binsPerSlot) {
    throw new RangeError(
      `Invalid fine: expected coarse.length * binsPerSlot = ${coarse.length} * ${binsPerSlot} = ${
        coarse.length * binsPerSlot
      } values, got ${fine.length}`,
    );
  }
  const [start, end] = resolveSlotRange(
    options.slots,
    coarse.length,
    DEFAULT_SLOTS,
  );

  const slotSeconds = binsPerSlot * dt;
  const time = timeUnitFor((end - start) * slotSeconds);
  const fineLabel = `fine series (${dt} s bins)`;
  const coarseLabel = options.coarseLabel ?? "coarse input";
  return renderChart(options.name ?? "coarse-vs-fine", {
    title: options.title ?? "Fine series and its coarse input",
    x: { label: `Time (${time.symbol})` },
    y: { label: rateLabel(options.unit), grid: true },
    color: {
      legend: true,
      domain: [fineLabel, coarseLabel],
      range: ["#4269d0", "#d03c2f"],
    },
    marks: [
      Plot.line(stepIndices(start * binsPerSlot, end * binsPerSlot), {
        x: (bin: number) => bin * dt / time.seconds,
        y: (bin: number) => fine[Math.min(bin, end * binsPerSlot - 1)],
        stroke: seriesChannel(fineLabel),
        strokeWidth: 1,
        curve: "step-after",
      }),
      Plot.line(stepIndices(start, end), {
        x: (slot: number) => slot * slotSeconds / time.seconds,
        y: (slot: number) => coarse[Math.min(slot, end - 1)],
        stroke: seriesChannel(coarseLabel),
        strokeWidth: 2,
        curve: "step-after",
      }),
    ],
  });
}

/**
 * Returns the indices `from` to `to` inclusive: each value is drawn from its
 * start to the next start, and the extra index closes the last step.
 */
function stepIndices(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/// <reference lib="dom" />
/**
 * Rich notebook views of the generator's results: a report becomes a table,
 * a generated series a table and a chart.
 *
 * @module
 */

import type { AugmentationReport } from "../report.ts";
import type { Chart } from "./_chart.ts";
import { plotCoarseVsFine } from "./coarse_vs_fine.ts";
import {
  chartBundle,
  type MediaBundle,
  withJupyterDisplay,
} from "./jupyter.ts";
import { chartToHtml } from "./output.ts";
import { reportToHtml } from "./report_table.ts";

/** A generated series as the generator returns it. */
export interface GeneratedSeries {
  /** The fine series. */
  fine: ArrayLike<number>;
  /** The generator's augmentation report. */
  report: AugmentationReport;
}

/** Options of the view that {@linkcode displayable} draws for a generated series. */
export interface SeriesViewOptions {
  /** Fine bins in one slot; default 60 (5-minute slots of 5-second bins). */
  binsPerSlot?: number;
  /** Fine bin width in seconds; default 5. */
  dt?: number;
  /** The coarse input; default the slot means of the fine series. */
  coarse?: ArrayLike<number>;
  /** Slots shown, `[start, end)`; default the first 12 slots (or fewer). */
  slots?: readonly [number, number];
  /** Unit of the values, for the axis label. */
  unit?: string;
}

/**
 * Makes a chart, an augmentation report or a generated series
 * `{ fine, report }` show a useful view when it is a notebook cell's value.
 * A chart shows itself and a report shows as a table. A generated series
 * shows its report table above a chart of its first slots, with the coarse
 * values over the fine series. The object is returned unchanged apart from a
 * hidden display method (see `withJupyterDisplay`, and its note on values
 * lost by the kernel).
 *
 * @param value The object to make displayable.
 * @param options For a generated series: resolution, coarse input, slots.
 * @returns The same object.
 * @throws {TypeError} When the value is none of the three kinds.
 * @throws {RangeError} When a generated series is not a whole number of
 * slots of `binsPerSlot` bins, or does not match `coarse`.
 *
 * @example
 * ```ts
 * import { emptyReport } from "../../mod.ts";
 * import { displayable } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const report = displayable({ ...emptyReport(), slots: 2 });
 * assert.equal(report.slots, 2);
 * ```
 */
export function displayable<
  T extends Chart | AugmentationReport | GeneratedSeries,
>(
  value: T,
  options: SeriesViewOptions = {},
): T {
  if (isReport(value)) {
    return withJupyterDisplay(
      value,
      (report) => htmlBundle(reportToHtml(report), "[augmentation report]"),
    );
  }
  if (isGeneratedSeries(value)) {
    checkSeriesView(value, options);
    return withJupyterDisplay(value, (series) => seriesBundle(series, options));
  }
  if (isChart(value)) return withJupyterDisplay(value, chartBundle);
  throw new TypeError(
    "Cannot make value displayable: expected a chart, an augmentation report or a generated series { fine, report }",
  );
}

/** Checks up front what the chart of a generated series needs. */
function checkSeriesView(series: GeneratedSeries, options: SeriesViewOptions) {
  const binsPerSlot = options.binsPerSlot ?? 60;
  const slotCount = options.coarse?.length ??
    Math.floor(series.fine.length / binsPerSlot);
  const expected = slotCount * binsPerSlot;
  if (series.fine.length !== expected) {
    const need = options.coarse === undefined
      ? `a whole number of slots of ${binsPerSlot} bins`
      : `${expected} bins for ${slotCount} coarse values of ${binsPerSlot} bins`;
    throw new RangeError(
      `Cannot display generated series: fine has ${series.fine.length} bins, expected ${need}; pass the binsPerSlot and coarse the series was generated with`,
    );
  }
}

/** Builds the report table and the chart of a generated series. */
function seriesBundle(
  series: GeneratedSeries,
  options: SeriesViewOptions,
): MediaBundle {
  const binsPerSlot = options.binsPerSlot ?? 60;
  const coarse = options.coarse ?? slotMeans(series.fine, binsPerSlot);
  const chart = plotCoarseVsFine({
    coarse,
    fine: series.fine,
    binsPerSlot,
    dt: options.dt ?? 5,
    slots: options.slots,
    unit: options.unit,
    coarseLabel: options.coarse === undefined
      ? "slot mean of the fine series"
      : undefined,
    name: "generated-series",
  });
  const html = `${reportToHtml(series.report)}\n${chartToHtml(chart)}`;
  return htmlBundle(html, `[generated series of ${series.fine.length} bins]`);
}

/** Returns the mean of each whole slot; a partial last slot is left out. */
function slotMeans(fine: ArrayLike<number>, binsPerSlot: number): Float64Array {
  const means = new Float64Array(Math.floor(fine.length / binsPerSlot));
  for (let slot = 0; slot < means.length; slot++) {
    let total = 0;
    for (let k = 0; k < binsPerSlot; k++) total += fine[slot * binsPerSlot + k];
    means[slot] = total / binsPerSlot;
  }
  return means;
}

function htmlBundle(html: string, text: string): MediaBundle {
  return { "text/html": html, "text/plain": text };
}

function isReport(value: unknown): value is AugmentationReport {
  const candidate = value as Partial<AugmentationReport> | null;
  return typeof candidate === "object" && candidate !== null &&
    typeof candidate.slots === "number" &&
    Array.isArray(candidate.rescaleHistogram);
}

function isGeneratedSeries(value: unknown): value is GeneratedSeries {
  const candidate = value as Partial<GeneratedSeries> | null;
  return typeof candidate === "object" && candidate !== null &&
    typeof candidate.fine?.length === "number" && isReport(candidate.report);
}

function isChart(value: unknown): value is Chart {
  const candidate = value as Partial<Chart> | null;
  return typeof candidate === "object" && candidate !== null &&
    typeof candidate.getAttribute === "function" &&
    typeof candidate.outerHTML === "string";
}

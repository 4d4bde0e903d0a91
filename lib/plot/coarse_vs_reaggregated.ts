/// <reference lib="dom" />
/**
 * A chart of a coarse input against fine series averaged back to slots, to
 * show how closely generation conserves each slot's value.
 *
 * @module
 */

import { type Chart, Plot, renderChart, seriesChannel } from "./_chart.ts";
import {
  checkPositive,
  checkSameLength,
  checkSeries,
  resolveSlotRange,
} from "./_data.ts";
import { rateLabel } from "./_labels.ts";
import { timeUnitFor } from "./_time_axis.ts";

/** Options of {@linkcode plotCoarseVsReaggregated}. */
export interface CoarseVsReaggregatedOptions {
  /** One value per slot. */
  coarse: ArrayLike<number>;
  /** Fine series averaged back to slots, each as long as `coarse`. */
  reaggregated: readonly { label: string; values: ArrayLike<number> }[];
  /** Slot length in seconds; default 300. */
  T?: number;
  /** Slots shown, `[start, end)`; default all. */
  slots?: readonly [number, number];
  /** Unit of the values, for the axis label; default the input's units. */
  unit?: string;
  /** Chart title; default `Coarse input and re-aggregated output`. */
  title?: string;
  /** Value of the `data-chart` attribute; default `coarse-vs-reaggregated`. */
  name?: string;
}

/** Observable Plot's default categorical colours, after the grey of the input. */
const COLOURS = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];

/**
 * Charts the coarse input as a wide grey step line and each re-aggregated
 * series as a thin coloured step line over it. The caption gives, for each
 * series, the largest relative difference from the input over the slots
 * shown, so exact conservation reads as 0 or about 1e-16. Slots whose input
 * is 0 or not finite are skipped. The difference is NaN when a series is NaN
 * where the input is not.
 *
 * @param options The input, the re-aggregated series and labels.
 * @returns The chart, with a legend.
 * @throws {RangeError} When a series differs in length from `coarse`, a
 * label is used twice, `T` is not > 0 or `slots` falls outside the series.
 * @throws {TypeError} When a series is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotCoarseVsReaggregated } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotCoarseVsReaggregated({
 *   coarse: [10, 20, 15],
 *   reaggregated: [{ label: "conserved", values: [10, 20, 15] }],
 * });
 * assert.ok(chartToHtml(chart).includes("conserved: 0"));
 * ```
 */
export function plotCoarseVsReaggregated(
  options: CoarseVsReaggregatedOptions,
): Chart {
  const coarse = checkSeries(options.coarse, "coarse");
  const slotSeconds = checkPositive(options.T ?? 300, "T");
  const [start, end] = resolveSlotRange(
    options.slots,
    coarse.length,
    coarse.length,
  );
  const coarseLabel = "coarse input";
  const labels = [coarseLabel];
  const drifts: string[] = [];
  for (const [s, { label, values }] of options.reaggregated.entries()) {
    const where = `reaggregated ${s} (${JSON.stringify(label)})`;
    if (labels.includes(label)) {
      throw new RangeError(
        `Invalid ${where}: the label is used twice; give each series its own label`,
      );
    }
    labels.push(label);
    checkSeries(values, where);
    checkSameLength(coarse, values, `coarse and ${where}`);
    drifts.push(
      `${label}: ${
        formatRatio(maxRelativeDifference(coarse, values, start, end))
      }`,
    );
  }

  const time = timeUnitFor((end - start) * slotSeconds);
  const slots = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const step = (values: ArrayLike<number>, label: string, width: number) =>
    Plot.line(slots, {
      x: (slot: number) => slot * slotSeconds / time.seconds,
      y: (slot: number) => values[Math.min(slot, end - 1)],
      stroke: seriesChannel(label),
      strokeWidth: width,
      curve: "step-after",
    });
  return renderChart(options.name ?? "coarse-vs-reaggregated", {
    title: options.title ?? "Coarse input and re-aggregated output",
    caption: drifts.length > 0
      ? `Largest relative difference from the input: ${drifts.join("; ")}.`
      : undefined,
    x: { label: `Time (${time.symbol})` },
    y: { label: rateLabel(options.unit), grid: true },
    color: {
      legend: true,
      domain: labels,
      range: ["#b0b0b0", ...COLOURS],
    },
    marks: [
      step(coarse, coarseLabel, 5),
      ...options.reaggregated.map(({ label, values }) =>
        step(values, label, 1.5)
      ),
    ],
  });
}

/**
 * Returns max |values - coarse| / |coarse| over slots with a finite non-zero
 * input, or NaN when a series is NaN where the input is finite.
 */
function maxRelativeDifference(
  coarse: ArrayLike<number>,
  values: ArrayLike<number>,
  start: number,
  end: number,
): number {
  let largest = 0;
  for (let slot = start; slot < end; slot++) {
    const input = coarse[slot];
    if (!(Number.isFinite(input) && input !== 0)) continue;
    const difference = Math.abs(values[slot] - input) / Math.abs(input);
    if (Number.isNaN(difference)) return NaN;
    if (difference > largest) largest = difference;
  }
  return largest;
}

/** Formats a relative difference to 2 significant digits; 0 stays "0". */
function formatRatio(ratio: number): string {
  return ratio === 0 ? "0" : ratio.toPrecision(2);
}

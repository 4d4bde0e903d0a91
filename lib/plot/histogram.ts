/// <reference lib="dom" />
/**
 * Histograms of value distributions, several series overlaid on shared bins.
 *
 * @module
 */

import { type Chart, Plot, renderChart } from "./_chart.ts";
import { checkCount, checkSeries } from "./_data.ts";
import { axis } from "./_labels.ts";

/** One distribution of {@linkcode plotHistogram}. */
export interface HistogramSeries {
  /** Legend label; unique within the chart. */
  label: string;
  /** The sample. */
  values: ArrayLike<number>;
}

/** Options of {@linkcode plotHistogram}. */
export interface HistogramOptions {
  /** The samples, overlaid with transparent fills. */
  series: readonly HistogramSeries[];
  /** Chart title. */
  title: string;
  /** X axis label, with its unit, such as `Fine rate (Mbit/s)`. */
  xLabel: string;
  /** Number of bins over the range of all samples; default 40. */
  bins?: number;
  /** Scale of the x axis; `log` bins evenly in log space. Default `linear`. */
  xType?: "linear" | "log";
  /** Value of the `data-chart` attribute; default `histogram`. */
  name?: string;
}

/** One drawn bin: its interval and the share of its series inside it. */
interface BinRow {
  label: string;
  x1: number;
  x2: number;
  share: number;
}

/**
 * Charts the distribution of each sample as the percentage of its values in
 * each of a set of bins shared by all samples, so samples of different sizes
 * compare directly. Non-finite values, and values <= 0 on a log axis, are
 * left out; the caption counts them.
 *
 * @param options The samples, bin count and labels.
 * @returns The chart; colours encode the samples when there are two or more.
 * @throws {RangeError} When no sample has a value that can be drawn, a label
 * is used twice, or `bins` is not a whole number >= 1.
 * @throws {TypeError} When a sample is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotHistogram } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotHistogram({
 *   series: [{ label: "fine", values: [1, 2, 2, 3, NaN] }],
 *   title: "Fine rates",
 *   xLabel: "Rate (Mbit/s)",
 *   bins: 4,
 * });
 * assert.ok(chartToHtml(chart).includes("1 value not shown"));
 * ```
 */
export function plotHistogram(options: HistogramOptions): Chart {
  const log = options.xType === "log";
  const binCount = checkCount(options.bins ?? 40, "bins");
  const labels: string[] = [];
  const samples: number[][] = [];
  let dropped = 0;
  for (const [s, { label, values }] of options.series.entries()) {
    if (labels.includes(label)) {
      throw new RangeError(
        `Invalid series ${s}: label ${
          JSON.stringify(label)
        } is used twice; give each series its own label`,
      );
    }
    labels.push(label);
    checkSeries(values, `values of series ${s} (${JSON.stringify(label)})`);
    const kept = Array.from(values).filter((v) =>
      Number.isFinite(v) && (!log || v > 0)
    );
    dropped += values.length - kept.length;
    samples.push(log ? kept.map(Math.log10) : kept);
  }

  const edges = binEdges(samples, binCount);
  const rows = samples.flatMap((sample, s) => binRows(sample, labels[s], edges))
    .map((row) => log ? { ...row, x1: 10 ** row.x1, x2: 10 ** row.x2 } : row);
  return renderChart(options.name ?? "histogram", {
    title: options.title,
    caption: dropped > 0
      ? `${dropped} value${dropped === 1 ? "" : "s"} not shown: ${
        log ? "not finite or <= 0" : "not finite"
      }.`
      : undefined,
    x: axis(options.xLabel, options.xType),
    y: { label: "Share of values (%)", grid: true },
    color: { legend: labels.length > 1, domain: labels },
    marks: [
      Plot.rectY(rows, {
        x1: "x1",
        x2: "x2",
        y1: 0,
        y2: "share",
        fill: "label",
        fillOpacity: labels.length > 1 ? 0.35 : 0.8,
        stroke: "label",
        strokeOpacity: 0.9,
        insetLeft: 0,
        insetRight: 0,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** Returns `count + 1` evenly spaced edges over the range of all samples. */
function binEdges(samples: number[][], count: number): number[] {
  let low = Infinity;
  let high = -Infinity;
  for (const sample of samples) {
    for (const v of sample) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  if (!(low <= high)) {
    throw new RangeError(
      "Cannot draw histogram: no series has a finite value that fits the x axis; pass at least one",
    );
  }
  if (low === high) {
    low -= 0.5;
    high += 0.5;
  }
  return Array.from(
    { length: count + 1 },
    (_, i) => low + (high - low) * i / count,
  );
}

/** Counts a sample into the bins and returns the non-empty ones in percent. */
function binRows(sample: number[], label: string, edges: number[]): BinRow[] {
  const count = edges.length - 1;
  const counts = new Array(count).fill(0);
  const width = (edges[count] - edges[0]) / count;
  for (const v of sample) {
    counts[Math.min(count - 1, Math.floor((v - edges[0]) / width))]++;
  }
  return counts.flatMap((n, i) =>
    n === 0 ? [] : [{
      label,
      x1: edges[i],
      x2: edges[i + 1],
      share: 100 * n / sample.length,
    }]
  );
}

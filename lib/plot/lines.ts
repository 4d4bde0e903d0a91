/// <reference lib="dom" />
/**
 * A general line chart: several labelled series, optional dots, optional
 * error bars, linear or log axes.
 *
 * @module
 */

import { type Chart, Plot, renderChart, seriesChannel } from "./_chart.ts";
import { checkSameLength, checkSeries } from "./_data.ts";
import { axis } from "./_labels.ts";

/** One series of {@linkcode plotLines}. */
export interface LineSeries {
  /** Legend label; unique within the chart. */
  label: string;
  /** Positions along the x axis. */
  x: ArrayLike<number>;
  /** Values, one per position. */
  y: ArrayLike<number>;
  /** Lower ends of error bars, one per position; NaN leaves a point without a bar. */
  low?: ArrayLike<number>;
  /** Upper ends of error bars, one per position. */
  high?: ArrayLike<number>;
  /** Draws a line through the points; default true. */
  line?: boolean;
  /** Dashes the line, as for a reference such as `y = x`; default false. */
  dashed?: boolean;
  /** Draws a dot on each point; default true when the series has error bars or at most 60 points. */
  dots?: boolean;
}

/** Options of {@linkcode plotLines}. */
export interface LinesOptions {
  /** The series, drawn in order, each in its own colour. */
  series: readonly LineSeries[];
  /** Chart title. */
  title: string;
  /** X axis label, with its unit, such as `Lag (s)`. */
  xLabel: string;
  /** Y axis label, with its unit, such as `Variance (Mbit/s)²`. */
  yLabel: string;
  /** Scale of the x axis; default `linear`. */
  xType?: "linear" | "log";
  /** Scale of the y axis; default `linear`. */
  yType?: "linear" | "log";
  /** Horizontal reference lines drawn under the series, such as 0 or 1. */
  referenceY?: readonly number[];
  /** Line under the title. */
  subtitle?: string;
  /** Note under the chart, such as what the error bars span. */
  caption?: string;
  /** Value of the `data-chart` attribute; default `lines`. */
  name?: string;
}

/** Series with at most this many points get dots by default. */
const DOTS_UP_TO = 60;

/**
 * Charts labelled series as lines, dots and error bars. Colours encode the
 * series; the legend shows when there are two or more. Non-finite values,
 * and values <= 0 on a log axis, are left out of the chart, and a line breaks
 * where they are.
 *
 * @param options The series, axis labels and scales.
 * @returns The chart.
 * @throws {RangeError} When a series' x, y, low or high lengths differ, or
 * two series share a label.
 * @throws {TypeError} When a series is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotLines } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotLines({
 *   series: [
 *     { label: "measured", x: [1, 2, 4], y: [1, 0.6, 0.3], low: [0.9, 0.5, 0.2], high: [1.1, 0.7, 0.4] },
 *     { label: "model", x: [1, 2, 4], y: [1, 0.5, 0.25] },
 *   ],
 *   title: "Variance against aggregation",
 *   xLabel: "Aggregation level (bins)",
 *   yLabel: "Normalised variance (ratio)",
 *   xType: "log",
 *   yType: "log",
 * });
 * assert.ok(chartToHtml(chart).includes("measured"));
 * ```
 */
export function plotLines(options: LinesOptions): Chart {
  const labels = checkLineSeries(options.series);
  const marks: Plot.Markish[] = (options.referenceY ?? []).map((y) =>
    Plot.ruleY([y], { stroke: "#888", strokeDasharray: "4,3" })
  );
  for (const series of options.series) {
    const index = Array.from({ length: series.x.length }, (_, i) => i);
    const channels = {
      x: (i: number) => series.x[i],
      y: (i: number) => series.y[i],
      stroke: seriesChannel(series.label),
    };
    if (series.line ?? true) {
      marks.push(Plot.line(index, {
        ...channels,
        strokeDasharray: series.dashed ? "6,4" : undefined,
      }));
    }
    const { low, high } = series;
    if (low !== undefined && high !== undefined) {
      const withBar = index.filter((i) =>
        Number.isFinite(low[i]) && Number.isFinite(high[i])
      );
      marks.push(Plot.ruleX(withBar, {
        x: channels.x,
        y1: (i: number) => low[i],
        y2: (i: number) => high[i],
        stroke: channels.stroke,
        strokeWidth: 1.5,
      }));
    }
    const hasBars = low !== undefined;
    if (series.dots ?? (hasBars || index.length <= DOTS_UP_TO)) {
      marks.push(
        Plot.dot(index, { ...channels, fill: channels.stroke, r: 2.5 }),
      );
    }
  }
  return renderChart(options.name ?? "lines", {
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
    x: axis(options.xLabel, options.xType),
    y: { ...axis(options.yLabel, options.yType), grid: true },
    color: { legend: labels.length > 1, domain: labels },
    marks,
  });
}

/** Checks every series and returns their labels, which must be unique. */
function checkLineSeries(series: readonly LineSeries[]): string[] {
  const labels: string[] = [];
  for (const [s, { label, x, y, low, high }] of series.entries()) {
    const where = `series ${s} (${JSON.stringify(label)})`;
    if (labels.includes(label)) {
      throw new RangeError(
        `Invalid ${where}: the label is used twice; give each series its own label`,
      );
    }
    labels.push(label);
    checkSeries(x, `x of ${where}`);
    checkSeries(y, `y of ${where}`);
    checkSameLength(x, y, `x and y of ${where}`);
    if ((low === undefined) !== (high === undefined)) {
      throw new RangeError(
        `Invalid ${where}: error bars need both low and high; pass both or neither`,
      );
    }
    if (low !== undefined && high !== undefined) {
      checkSeries(low, `low of ${where}`);
      checkSeries(high, `high of ${where}`);
      checkSameLength(x, low, `x and low of ${where}`);
      checkSameLength(x, high, `x and high of ${where}`);
    }
  }
  return labels;
}

/// <reference lib="dom" />
/**
 * The variance-time plot: variance of the aggregated series against the
 * aggregation level, on log-log axes.
 *
 * @module
 */

import type { Chart } from "./_chart.ts";
import { checkSameLength, checkSeries } from "./_data.ts";
import { type LineSeries, plotLines } from "./lines.ts";

/** One variance-time curve of {@linkcode plotVarianceTime}. */
export interface VarianceTimeCurve {
  /** Legend label; unique within the chart. */
  label: string;
  /** Aggregation levels m, in bins, increasing. */
  m: ArrayLike<number>;
  /** Variance of the series averaged over blocks of m bins, one per level. */
  variance: ArrayLike<number>;
}

/** Options of {@linkcode plotVarianceTime}. */
export interface VarianceTimeOptions {
  /** The curves. */
  curves: readonly VarianceTimeCurve[];
  /** Bin width in seconds; when given, the x axis shows m·dt in seconds. */
  dt?: number;
  /** Chart title; default `Variance-time plot`. */
  title?: string;
  /** Value of the `data-chart` attribute; default `variance-time`. */
  name?: string;
}

/**
 * Charts variance-time curves on log-log axes. Each curve is divided by its
 * variance at its first level, so curves of different scales start at 1, and
 * a reference line of slope -1 starts at 1 at the smallest level: the decay of a series
 * without long-range dependence (Hurst parameter H = 0.5). A curve that
 * flattens above the reference, with slope 2H - 2 > -1, shows long-range
 * dependence.
 *
 * @param options The curves and the bin width.
 * @returns The chart.
 * @throws {RangeError} When `m` and `variance` of a curve differ in length,
 * or a label is used twice.
 * @throws {TypeError} When an array is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotVarianceTime } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotVarianceTime({
 *   curves: [{ label: "fine", m: [1, 2, 4, 8], variance: [4, 2.4, 1.5, 1] }],
 *   dt: 5,
 * });
 * assert.ok(chartToHtml(chart).includes("H = 0.5"));
 * ```
 */
export function plotVarianceTime(options: VarianceTimeOptions): Chart {
  const scale = options.dt ?? 1;
  const series: LineSeries[] = options.curves.map(({ label, m, variance }) => {
    const where = `curve ${JSON.stringify(label)}`;
    checkSeries(m, `m of ${where}`);
    checkSeries(variance, `variance of ${where}`);
    checkSameLength(m, variance, `m and variance of ${where}`);
    return {
      label,
      x: Float64Array.from(m, (level) => level * scale),
      y: Float64Array.from(variance, (v) => v / variance[0]),
    };
  });
  const levels = series.flatMap(({ x }) => Array.from(x)).filter((x) => x > 0);
  if (levels.length > 0) {
    const first = levels.reduce((a, b) => Math.min(a, b));
    const last = levels.reduce((a, b) => Math.max(a, b));
    series.push({
      label: "slope -1 (H = 0.5)",
      x: [first, last],
      y: [1, first / last],
      dots: false,
      dashed: true,
    });
  }
  return plotLines({
    series,
    title: options.title ?? "Variance-time plot",
    xLabel: options.dt === undefined
      ? "Aggregation level m (bins)"
      : "Aggregation time m·dt (s)",
    yLabel: "Variance / variance at the first level (ratio)",
    xType: "log",
    yType: "log",
    name: options.name ?? "variance-time",
  });
}

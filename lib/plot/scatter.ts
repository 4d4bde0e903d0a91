/// <reference lib="dom" />
/**
 * A scatter chart of paired values, with an optional `y = x` line for
 * comparing targets with what was achieved.
 *
 * @module
 */

import type { Chart } from "./_chart.ts";
import { checkSeries } from "./_data.ts";
import { type LineSeries, plotLines } from "./lines.ts";

/** One set of points of {@linkcode plotScatter}. */
export interface ScatterSeries {
  /** Legend label; unique within the chart. */
  label: string;
  /** X coordinates. */
  x: ArrayLike<number>;
  /** Y coordinates, one per x. */
  y: ArrayLike<number>;
}

/** Options of {@linkcode plotScatter}. */
export interface ScatterOptions {
  /** The point sets, each in its own colour. */
  series: readonly ScatterSeries[];
  /** Chart title. */
  title: string;
  /** X axis label, with its unit. */
  xLabel: string;
  /** Y axis label, with its unit. */
  yLabel: string;
  /** Scale of the x axis; default `linear`. */
  xType?: "linear" | "log";
  /** Scale of the y axis; default `linear`. */
  yType?: "linear" | "log";
  /** Draws the line `y = x` over the range of the points; default false. */
  identity?: boolean;
  /** Note under the chart. */
  caption?: string;
  /** Value of the `data-chart` attribute; default `scatter`. */
  name?: string;
}

/**
 * Charts point sets as dots. With `identity`, a dashed `y = x` line spans
 * the range of all coordinates that fit both axes, so points on target sit on
 * it. Non-finite points, and points <= 0 on a log axis, are left out.
 *
 * @param options The points, labels and scales.
 * @returns The chart.
 * @throws {RangeError} When x and y of a series differ in length or a label
 * is used twice.
 * @throws {TypeError} When a series is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotScatter } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotScatter({
 *   series: [{ label: "slots", x: [1, 2, 3], y: [1.1, 1.9, 3.2] }],
 *   title: "Achieved against target variance",
 *   xLabel: "Target variance (Mbit/s)²",
 *   yLabel: "Achieved variance (Mbit/s)²",
 *   identity: true,
 * });
 * assert.ok(chartToHtml(chart).includes("y = x"));
 * ```
 */
export function plotScatter(options: ScatterOptions): Chart {
  const series: LineSeries[] = options.series.map((points) => ({
    ...points,
    line: false,
    dots: true,
  }));
  if (options.identity) {
    const [low, high] = sharedRange(options);
    series.push({
      label: "y = x",
      x: [low, high],
      y: [low, high],
      dots: false,
      dashed: true,
    });
  }
  return plotLines({
    series,
    title: options.title,
    xLabel: options.xLabel,
    yLabel: options.yLabel,
    xType: options.xType,
    yType: options.yType,
    caption: options.caption,
    name: options.name ?? "scatter",
  });
}

/** Returns the range of all coordinates that can be drawn on both axes. */
function sharedRange(options: ScatterOptions): [number, number] {
  const positive = options.xType === "log" || options.yType === "log";
  let low = Infinity;
  let high = -Infinity;
  for (const [s, { label, x, y }] of options.series.entries()) {
    const where = `series ${s} (${JSON.stringify(label)})`;
    for (
      const values of [
        checkSeries(x, `x of ${where}`),
        checkSeries(y, `y of ${where}`),
      ]
    ) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!Number.isFinite(v) || (positive && !(v > 0))) continue;
        if (v < low) low = v;
        if (v > high) high = v;
      }
    }
  }
  return low <= high ? [low, high] : [NaN, NaN];
}

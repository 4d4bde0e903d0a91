/// <reference lib="dom" />
/**
 * A chart comparing a closed-form curve with Monte Carlo estimates and their
 * confidence intervals.
 *
 * @module
 */

import type { Chart } from "./_chart.ts";
import { checkPositive, checkSameLength, checkSeries } from "./_data.ts";
import { plotLines } from "./lines.ts";

/** Options of {@linkcode plotTheoryVsMonteCarlo}. */
export interface TheoryVsMonteCarloOptions {
  /** Positions along the x axis, shared by both series. */
  x: ArrayLike<number>;
  /** Closed-form values, one per position. */
  theory: ArrayLike<number>;
  /** Monte Carlo means and their standard errors, one per position. */
  monteCarlo: { mean: ArrayLike<number>; standardError: ArrayLike<number> };
  /** Half-width of the error bars in standard errors; default 1.96 (95% normal interval). */
  z?: number;
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
  /** Legend label of the closed form; default `theory`. */
  theoryLabel?: string;
  /** Legend label of the estimates; default `Monte Carlo`. */
  monteCarloLabel?: string;
  /** Value of the `data-chart` attribute; default `theory-vs-monte-carlo`. */
  name?: string;
}

/**
 * Charts a closed-form curve as a line and Monte Carlo means as dots with
 * error bars of `mean ± z · standardError`; the caption states `z`.
 *
 * @param options The curve, the estimates and labels.
 * @returns The chart, with a legend of the two series.
 * @throws {RangeError} When the arrays differ in length or `z` is not > 0.
 * @throws {TypeError} When an array is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotTheoryVsMonteCarlo } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotTheoryVsMonteCarlo({
 *   x: [1, 2, 3],
 *   theory: [2, 4, 6],
 *   monteCarlo: { mean: [2.1, 3.9, 6.2], standardError: [0.1, 0.1, 0.2] },
 *   title: "Bin variance",
 *   xLabel: "Arrival rate (1/s)",
 *   yLabel: "Variance (Mbit/s)²",
 * });
 * assert.ok(chartToHtml(chart).includes("1.96 standard errors"));
 * ```
 */
export function plotTheoryVsMonteCarlo(
  options: TheoryVsMonteCarloOptions,
): Chart {
  const { x, theory } = options;
  const { mean, standardError } = options.monteCarlo;
  const z = checkPositive(options.z ?? 1.96, "z");
  checkSeries(mean, "monteCarlo.mean");
  checkSeries(standardError, "monteCarlo.standardError");
  checkSameLength(mean, standardError, "monteCarlo.mean and standardError");
  const low = Float64Array.from(mean, (m, i) => m - z * standardError[i]);
  const high = Float64Array.from(mean, (m, i) => m + z * standardError[i]);
  return plotLines({
    series: [
      { label: options.theoryLabel ?? "theory", x, y: theory, dots: false },
      {
        label: options.monteCarloLabel ?? "Monte Carlo",
        x,
        y: mean,
        low,
        high,
        line: false,
      },
    ],
    title: options.title,
    xLabel: options.xLabel,
    yLabel: options.yLabel,
    xType: options.xType,
    yType: options.yType,
    caption: `Dots: Monte Carlo means; bars: mean ± ${z} standard errors.`,
    name: options.name ?? "theory-vs-monte-carlo",
  });
}

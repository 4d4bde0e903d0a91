/// <reference lib="dom" />
/**
 * Autocorrelation functions against lag, with the white-noise band.
 *
 * @module
 */

import type { Chart } from "./_chart.ts";
import { checkCount, checkSameLength, checkSeries } from "./_data.ts";
import { type LineSeries, plotLines } from "./lines.ts";

/** One autocorrelation function of {@linkcode plotAcf}. */
export interface AcfSeries {
  /** Legend label; unique within the chart. */
  label: string;
  /** Autocorrelation at each lag. */
  acf: ArrayLike<number>;
  /** Lags in bins, one per value; default 0, 1, 2, ... */
  lags?: ArrayLike<number>;
}

/** Options of {@linkcode plotAcf}. */
export interface AcfOptions {
  /** The functions. */
  series: readonly AcfSeries[];
  /** Bin width in seconds; when given, lags are shown in seconds. */
  dt?: number;
  /** Length of the series the functions came from; when given, draws the ±1.96/√n band. */
  sampleSize?: number;
  /** Chart title; default `Autocorrelation`. */
  title?: string;
  /** Value of the `data-chart` attribute; default `acf`. */
  name?: string;
}

/**
 * Charts autocorrelation functions against lag. With `sampleSize` n, dashed
 * lines at ±1.96/√n mark where 95% of the sample autocorrelations of white
 * noise fall.
 *
 * @param options The functions, the bin width and the sample size.
 * @returns The chart.
 * @throws {RangeError} When lags and values differ in length, a label is
 * used twice, or `sampleSize` is not a whole number >= 1.
 * @throws {TypeError} When an array is not an array of numbers.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotAcf } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotAcf({
 *   series: [{ label: "fine", acf: [1, 0.6, 0.3, 0.1] }],
 *   dt: 5,
 *   sampleSize: 400,
 * });
 * assert.ok(chartToHtml(chart).includes("Lag (s)"));
 * ```
 */
export function plotAcf(options: AcfOptions): Chart {
  const scale = options.dt ?? 1;
  const series: LineSeries[] = options.series.map(({ label, acf, lags }) => {
    const where = `series ${JSON.stringify(label)}`;
    checkSeries(acf, `acf of ${where}`);
    const x = lags === undefined
      ? Float64Array.from(acf, (_, i) => i * scale)
      : Float64Array.from(
        checkSeries(lags, `lags of ${where}`),
        (lag) => lag * scale,
      );
    checkSameLength(x, acf, `lags and acf of ${where}`);
    return { label, x, y: acf };
  });
  const referenceY = [0];
  let caption: string | undefined;
  if (options.sampleSize !== undefined) {
    const n = checkCount(options.sampleSize, "sampleSize");
    const band = 1.96 / Math.sqrt(n);
    referenceY.push(-band, band);
    caption = `Dashed lines at ±${
      band.toPrecision(2)
    } (±1.96/√n, n = ${n}): 95% of white-noise autocorrelations fall between them.`;
  }
  return plotLines({
    series,
    title: options.title ?? "Autocorrelation",
    xLabel: options.dt === undefined ? "Lag (bins)" : "Lag (s)",
    yLabel: "Autocorrelation",
    referenceY,
    caption,
    name: options.name ?? "acf",
  });
}

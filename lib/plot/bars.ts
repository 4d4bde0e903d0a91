/// <reference lib="dom" />
/**
 * A bar chart of labelled values, optionally grouped, with error bars.
 *
 * @module
 */

import { type Chart, Plot, renderChart } from "./_chart.ts";

/** One bar of {@linkcode plotBars}. */
export interface Bar {
  /** Bar label; with groups it is the series, shown in colour. */
  label: string;
  /** Height of the bar. */
  value: number;
  /** Lower end of the error bar; needs `high`. */
  low?: number;
  /** Upper end of the error bar; needs `low`. */
  high?: number;
  /** Group the bar sits in, such as a method or a data set. */
  group?: string;
}

/** Options of {@linkcode plotBars}. */
export interface BarsOptions {
  /** The bars, in the order shown. */
  bars: readonly Bar[];
  /** Chart title. */
  title: string;
  /** Y axis label, with its unit, such as `MAE (Mbit/s)`. */
  yLabel: string;
  /** Label under the bars (or the groups); default none. */
  xLabel?: string;
  /** Note under the chart, such as what the error bars span. */
  caption?: string;
  /** Value of the `data-chart` attribute; default `bars`. */
  name?: string;
}

/**
 * Charts labelled values as bars from 0, with error bars where a bar has
 * `low` and `high`. When bars have groups, groups sit side by side and the
 * colours, shown in a legend, encode the labels within each group. A
 * non-finite value draws no bar.
 *
 * @param options The bars and labels.
 * @returns The chart.
 * @throws {RangeError} When a label (within its group) is used twice, or a
 * bar has only one of `low` and `high`.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotBars } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotBars({
 *   bars: [
 *     { group: "Milan", label: "MAE", value: 1.2, low: 1.0, high: 1.4 },
 *     { group: "Milan", label: "RMSE", value: 1.9 },
 *     { group: "KTH", label: "MAE", value: 0.8 },
 *     { group: "KTH", label: "RMSE", value: 1.1 },
 *   ],
 *   title: "Errors by data set",
 *   yLabel: "Error (Mbit/s)",
 * });
 * assert.ok(chartToHtml(chart).includes("Errors by data set"));
 * ```
 */
export function plotBars(options: BarsOptions): Chart {
  const { bars } = options;
  const grouped = bars.some((bar) => bar.group !== undefined);
  const labels = checkBars(bars);
  const withBar = bars.filter((bar) =>
    Number.isFinite(bar.low) && Number.isFinite(bar.high)
  );
  const fx = grouped ? (bar: Bar) => bar.group ?? "" : undefined;
  return renderChart(options.name ?? "bars", {
    title: options.title,
    caption: options.caption,
    marginBottom: grouped ? 30 : 40,
    fx: grouped ? { label: options.xLabel ?? null, padding: 0.15 } : undefined,
    x: grouped
      ? { axis: null, domain: labels, padding: 0.1 }
      : { label: options.xLabel ?? null, domain: labels, padding: 0.2 },
    y: { label: options.yLabel, grid: true },
    color: grouped ? { legend: true, domain: labels } : undefined,
    marks: [
      Plot.barY(bars, {
        fx,
        x: "label",
        y: "value",
        fill: grouped ? "label" : "#4269d0",
      }),
      Plot.ruleX(withBar, {
        fx,
        x: "label",
        y1: "low",
        y2: "high",
        stroke: "currentColor",
        strokeWidth: 1.5,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** Checks the bars and returns their distinct labels in order. */
function checkBars(bars: readonly Bar[]): string[] {
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const [b, bar] of bars.entries()) {
    const key = JSON.stringify([bar.group ?? null, bar.label]);
    if (seen.has(key)) {
      throw new RangeError(
        `Invalid bar ${b}: label ${
          JSON.stringify(bar.label)
        } is used twice in group ${
          JSON.stringify(bar.group ?? null)
        }; give each bar its own label`,
      );
    }
    seen.add(key);
    if ((bar.low === undefined) !== (bar.high === undefined)) {
      throw new RangeError(
        `Invalid bar ${b} (${
          JSON.stringify(bar.label)
        }): error bars need both low and high; pass both or neither`,
      );
    }
    if (!labels.includes(bar.label)) labels.push(bar.label);
  }
  return labels;
}

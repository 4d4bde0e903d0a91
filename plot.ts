/// <reference lib="dom" />
/**
 * Charts and notebook display for fine series generated from coarse ones,
 * built with Observable Plot on a server-side DOM (linkedom), so they render
 * in scripts, tests and Jupyter notebooks alike.
 *
 * Every builder takes plain data (arrays or typed arrays), returns a chart
 * with a title, axis labels with units and a legend where colours encode
 * series, and names it with a `data-chart` attribute on its root element.
 * Output: {@linkcode chartToHtml}, {@linkcode chartToSvg} and
 * {@linkcode saveChart} for pages and scripts; {@linkcode showChart} in a
 * notebook cell; {@linkcode displayable} for rich cell values.
 *
 * In a notebook, give each chart a `name` that is unique in the notebook,
 * show it with `await showChart(chart)`, and list the names in the
 * notebook's `metadata.expected_charts`: `deno task notebooks` fails when a
 * listed chart is missing from the executed notebook.
 *
 * @example
 * ```ts
 * import { generateFineSeriesFromCoarse } from "./mod.ts";
 * import { chartToHtml, plotCoarseVsFine } from "./plot.ts";
 * import assert from "node:assert/strict";
 *
 * const coarse = [3.2, 2.9, 3.5];
 * const { fine } = generateFineSeriesFromCoarse(coarse, { seed: 1 });
 * const chart = plotCoarseVsFine({ coarse, fine, binsPerSlot: 60, dt: 5 });
 * assert.ok(chartToHtml(chart).includes('data-chart="coarse-vs-fine"'));
 * ```
 *
 * @module
 */
export type { Chart } from "./lib/plot/_chart.ts";
// The generator's report, which `reportToHtml` and `displayable` take,
// re-exported so that this entry point's documentation resolves it.
export type { AugmentationReport } from "./mod.ts";
export * from "./lib/plot/coarse_vs_fine.ts";
export * from "./lib/plot/coarse_vs_reaggregated.ts";
export * from "./lib/plot/slot_profile.ts";
export * from "./lib/plot/lines.ts";
export * from "./lib/plot/theory_vs_monte_carlo.ts";
export * from "./lib/plot/bars.ts";
export * from "./lib/plot/histogram.ts";
export * from "./lib/plot/scatter.ts";
export * from "./lib/plot/variance_time.ts";
export * from "./lib/plot/acf.ts";
export * from "./lib/plot/output.ts";
export * from "./lib/plot/report_table.ts";
export * from "./lib/plot/jupyter.ts";
export * from "./lib/plot/displayable.ts";

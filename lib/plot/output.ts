/// <reference lib="dom" />
/**
 * Chart output: HTML markup for notebooks and pages, standalone HTML and SVG
 * files for scripts.
 *
 * @module
 */

import type { Chart } from "./_chart.ts";
import { escapeHtml } from "./_html.ts";
import { composeSvg } from "./_svg_export.ts";

/**
 * Serializes a chart as an HTML fragment: a `<figure>` with title, legend,
 * SVG and caption, whose root carries the `data-chart` attribute.
 *
 * @param chart A chart from one of the plot builders.
 * @returns The HTML markup.
 *
 * @example
 * ```ts
 * import { chartToHtml, plotLines } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotLines({
 *   series: [{ label: "a", x: [1, 2], y: [3, 4] }],
 *   title: "Two points",
 *   xLabel: "Lag (bins)",
 *   yLabel: "Autocorrelation",
 *   name: "two-points",
 * });
 * assert.ok(chartToHtml(chart).includes('data-chart="two-points"'));
 * ```
 */
export function chartToHtml(chart: Chart): string {
  return chart.outerHTML;
}

/**
 * Serializes a chart as a standalone SVG document. The title, subtitle,
 * legend and caption, which Observable Plot writes as HTML, are redrawn in
 * SVG so that the file shows them in any SVG viewer.
 *
 * @param chart A chart from one of the plot builders.
 * @returns SVG markup with its XML namespace, on a white background.
 * @throws {TypeError} When the chart contains no `<svg>` element.
 *
 * @example
 * ```ts
 * import { chartToSvg, plotBars } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotBars({
 *   bars: [{ label: "MAE", value: 1.5 }],
 *   title: "Error",
 *   yLabel: "Error (Mbit/s)",
 * });
 * assert.ok(chartToSvg(chart).startsWith("<svg xmlns="));
 * ```
 */
export function chartToSvg(chart: Chart): string {
  return composeSvg(chart);
}

/**
 * Writes a chart to a file: a standalone HTML page when the path ends in
 * `.html`, an SVG document when it ends in `.svg`. Needs write permission.
 *
 * @param chart A chart from one of the plot builders.
 * @param path Destination file path or `file:` URL; its folder must exist.
 * @returns A promise that resolves once the file is written.
 * @throws {RangeError} When the path ends in neither `.html` nor `.svg`.
 *
 * @example
 * ```ts
 * import { plotBars, saveChart } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const path = await Deno.makeTempFile({ suffix: ".svg" });
 * await saveChart(
 *   plotBars({ bars: [{ label: "a", value: 1 }], title: "t", yLabel: "y" }),
 *   path,
 * );
 * assert.ok((await Deno.readTextFile(path)).includes("</svg>"));
 * await Deno.remove(path);
 * ```
 */
export async function saveChart(
  chart: Chart,
  path: string | URL,
): Promise<void> {
  const lower = (path instanceof URL ? path.pathname : path).toLowerCase();
  if (lower.endsWith(".svg")) {
    await Deno.writeTextFile(path, chartToSvg(chart));
  } else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
    await Deno.writeTextFile(path, chartToPage(chart));
  } else {
    throw new RangeError(
      `Cannot save chart to ${
        JSON.stringify(String(path))
      }: the file name must end in .html or .svg`,
    );
  }
}

/** Wraps a chart in a standalone HTML page titled after the chart. */
function chartToPage(chart: Chart): string {
  const heading = chart.querySelector("h2")?.textContent ??
    chart.getAttribute("data-chart") ?? "Chart";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(heading)}</title>
<style>body { margin: 24px; font-family: system-ui, sans-serif; background: white; color: black; }</style>
</head>
<body>
${chartToHtml(chart)}
</body>
</html>
`;
}

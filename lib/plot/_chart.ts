/// <reference lib="dom" />
/**
 * Renders Observable Plot options into a detached DOM element and stamps it
 * with its chart name. Every chart builder goes through here.
 *
 * @module
 */

import * as Plot from "npm:@observablehq/plot@^0.6.17";
import { parseHTML } from "npm:linkedom@^0.18";

/**
 * A rendered chart: the `<figure>` that Observable Plot returns (title,
 * legend, SVG, caption), or a bare `<svg>` when it has none of these. Its
 * root element carries a `data-chart` attribute with the chart's name.
 */
export type Chart = HTMLElement | SVGSVGElement;

/** Chart names are attribute-safe: a letter or digit, then letters, digits, `-`, `_`, `.`. */
const CHART_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

let sharedDocument: Document | undefined;

/** Returns the linkedom document that charts are created in. */
function chartDocument(): Document {
  if (sharedDocument === undefined) {
    const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
    sharedDocument = document as unknown as Document;
  }
  return sharedDocument;
}

/**
 * Renders a chart with Observable Plot and names it.
 *
 * @param name The value of the root element's `data-chart` attribute.
 * @param options Observable Plot options; `document` is supplied here.
 * @returns The rendered chart.
 * @throws {TypeError} When the name is not attribute-safe.
 */
export function renderChart(name: string, options: Plot.PlotOptions): Chart {
  checkChartName(name);
  const chart = Plot.plot({
    width: 720,
    height: 360,
    ...options,
    document: chartDocument(),
  });
  chart.setAttribute("data-chart", name);
  styleFigureText(chart);
  return chart;
}

/**
 * Inline styles of the text around a chart. Observable Plot writes the title
 * and subtitle as `<h2>` and `<h3>`, which notebook and page style sheets
 * size as section headings. Inline styles win over those sheets.
 */
const FIGURE_TEXT_STYLES: Record<string, string> = {
  h2:
    "font: 600 15px/1.3 system-ui, sans-serif; margin: 0 0 2px; padding: 0; border: 0",
  h3:
    "font: 400 13px/1.3 system-ui, sans-serif; margin: 0 0 8px; padding: 0; border: 0; color: #555",
  figcaption:
    "font: 400 12px/1.4 system-ui, sans-serif; margin: 4px 0 0; color: #555",
};

/** Styles a figure's title, subtitle and caption, and drops its side margins. */
function styleFigureText(chart: Chart): void {
  if (chart.tagName.toLowerCase() !== "figure") return;
  const own = chart.getAttribute("style");
  chart.setAttribute(
    "style",
    `${
      own ? `${own}; ` : ""
    }margin: 8px 0 16px; font-family: system-ui, sans-serif`,
  );
  for (const child of Array.from(chart.children)) {
    const style = FIGURE_TEXT_STYLES[child.tagName.toLowerCase()];
    if (style !== undefined) child.setAttribute("style", style);
  }
}

/**
 * Checks that a chart name can be written into an HTML attribute and found
 * again by a plain text search.
 *
 * @param name The chart name to check.
 * @throws {TypeError} When the name has characters other than letters,
 * digits, `-`, `_` and `.`, or is empty.
 */
export function checkChartName(name: string): void {
  if (!(typeof name === "string" && CHART_NAME.test(name))) {
    throw new TypeError(
      `Invalid chart name ${
        JSON.stringify(name)
      }: use letters, digits, "-", "_" or ".", starting with a letter or digit`,
    );
  }
}

/**
 * Returns a channel function that gives every datum the same series label,
 * so that a constant label goes through the colour scale and its legend.
 *
 * @param label The series label.
 * @returns A function for a `stroke` or `fill` channel.
 */
export function seriesChannel(label: string): () => string {
  return () => label;
}

export { Plot };

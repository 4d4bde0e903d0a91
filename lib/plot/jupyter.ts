/// <reference lib="dom" />
/**
 * Display in Jupyter notebooks run by the Deno kernel. Outside the kernel
 * (scripts, tests) showing does nothing, so the same code runs in both.
 *
 * @module
 */

import type { Chart } from "./_chart.ts";
import { chartToHtml } from "./output.ts";

/** A Jupyter MIME bundle: output data keyed by media type. */
export type MediaBundle = Record<string, string>;

/** The key under which the Deno kernel looks for a rich display method. */
const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

interface JupyterApi {
  display(bundle: MediaBundle, options: { raw: boolean }): Promise<void>;
}

/** Returns the kernel's API, or undefined outside `deno jupyter`. */
function jupyterApi(): JupyterApi | undefined {
  if (typeof Deno === "undefined") return undefined;
  try {
    // Reading Deno.jupyter outside the kernel throws.
    return (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
  } catch {
    return undefined;
  }
}

/**
 * Returns the MIME bundle that shows a chart: `text/html`, which survives
 * export to HTML (`image/svg+xml` outputs are dropped by nbconvert 6), and a
 * one-line `text/plain` fallback naming the chart.
 *
 * @param chart A chart from one of the plot builders.
 * @returns The bundle.
 *
 * @example
 * ```ts
 * import { chartBundle, plotBars } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = plotBars({ bars: [{ label: "a", value: 1 }], title: "t", yLabel: "y" });
 * assert.equal(chartBundle(chart)["text/plain"], "[chart bars]");
 * ```
 */
export function chartBundle(chart: Chart): MediaBundle {
  return {
    "text/html": chartToHtml(chart),
    "text/plain": `[chart ${chart.getAttribute("data-chart")}]`,
  };
}

/**
 * Shows HTML as a display output of the running notebook cell, then yields
 * to the event loop once so that the kernel sends the output before the cell
 * ends (without this, a few percent of outputs are lost). Outside the Deno
 * kernel it does nothing.
 *
 * @param html The markup to show.
 * @param text Plain-text fallback for frontends without HTML.
 * @returns A promise that resolves once the output is sent.
 *
 * @example
 * ```ts
 * import { showHtml } from "../../plot.ts";
 *
 * await showHtml("<b>done</b>"); // a no-op outside Jupyter
 * ```
 */
export async function showHtml(html: string, text = "[html]"): Promise<void> {
  const kernel = jupyterApi();
  if (kernel === undefined) return;
  await kernel.display({ "text/html": html, "text/plain": text }, {
    raw: true,
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Shows a chart as a `text/html` display output of the running notebook
 * cell. Use it, rather than leaving a chart as a cell's value, for every
 * chart that must appear in the executed notebook. Outside the Deno kernel it
 * does nothing: scripts write charts with `saveChart`.
 *
 * @param chart A chart from one of the plot builders.
 * @returns A promise that resolves once the output is sent.
 *
 * @example
 * ```ts
 * import { plotBars, showChart } from "../../plot.ts";
 *
 * await showChart(plotBars({ bars: [{ label: "a", value: 1 }], title: "t", yLabel: "y" }));
 * ```
 */
export async function showChart(chart: Chart): Promise<void> {
  const bundle = chartBundle(chart);
  await showHtml(bundle["text/html"], bundle["text/plain"]);
}

/**
 * Attaches a Jupyter rich display method to an object, in place: when the
 * object is a notebook cell's value, the Deno kernel shows the bundle that
 * `render` returns. The method is a non-enumerable symbol property, so
 * spreading, `JSON.stringify` and `assert.deepEqual` ignore it.
 *
 * NOTE: the Deno kernel sometimes reports a cell idle before it sends the
 * cell's value, so a value's display is occasionally missing from an executed
 * notebook. Outputs that a notebook check expects should go through
 * `showChart` or `showHtml` instead.
 *
 * @param value The object to make displayable.
 * @param render Builds the bundle from the object when it is displayed.
 * @returns The same object.
 *
 * @example
 * ```ts
 * import { withJupyterDisplay } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const value = withJupyterDisplay({ n: 3 }, (v) => ({ "text/html": `<b>${v.n}</b>` }));
 * const display = (value as Record<symbol, () => Record<string, string>>)[
 *   Symbol.for("Jupyter.display")
 * ];
 * assert.equal(display()["text/html"], "<b>3</b>");
 * ```
 */
export function withJupyterDisplay<T extends object>(
  value: T,
  render: (value: T) => MediaBundle,
): T {
  Object.defineProperty(value, JUPYTER_DISPLAY, {
    value: () => render(value),
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return value;
}

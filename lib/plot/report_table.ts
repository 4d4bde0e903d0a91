/**
 * An HTML table of an augmentation report, for notebooks and pages.
 *
 * @module
 */

import type { AugmentationReport } from "../report.ts";
import { escapeHtml } from "./_html.ts";

/**
 * Renders an augmentation report as an HTML table, one row per field in the
 * report's order, plus the mean number of sources. The rescale histogram is
 * summarised by its bin count and total.
 *
 * @param report A report from the generator.
 * @returns A `<table data-report="augmentation">` element as markup.
 *
 * @example
 * ```ts
 * import { emptyReport } from "../../mod.ts";
 * import { reportToHtml } from "../../plot.ts";
 * import assert from "node:assert/strict";
 *
 * const html = reportToHtml({ ...emptyReport(), slots: 288 });
 * assert.ok(html.includes("<td>288</td>"));
 * ```
 */
export function reportToHtml(report: AugmentationReport): string {
  const rows: [string, string][] = [];
  for (const [field, value] of Object.entries(report)) {
    rows.push([field, formatValue(value)]);
    if (field === "sourcesSum") {
      const mean = report.simulatedSlots === 0
        ? NaN
        : report.sourcesSum / report.simulatedSlots;
      rows.push(["sourcesMean", formatValue(mean)]);
    }
  }
  const body = rows.map(([field, value]) =>
    `<tr><th style="text-align:left">${escapeHtml(field)}</th><td>${
      escapeHtml(value)
    }</td></tr>`
  ).join("\n");
  return `<table data-report="augmentation">
<caption style="text-align:left;font-weight:bold">Augmentation report</caption>
${body}
</table>`;
}

/** Formats a report field: whole numbers as they are, others to 4 significant digits. */
function formatValue(value: unknown): string {
  if (Array.isArray(value)) {
    const total = value.reduce((sum: number, n) => sum + Number(n), 0);
    return `${value.length} bins, ${formatValue(total)} in all`;
  }
  if (typeof value !== "number") return String(value);
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/**
 * The JSON report of a run: settings and seed (enough to repeat it), what
 * was read, and per series the generator's report and the checks of the
 * output against the input.
 *
 * @module
 */

import {
  type AugmentationReport,
  emptyReport,
  mergeReports,
} from "../../mod.ts";
import type { RunOptions, RunResult } from "./pipeline.ts";
import { timeWriter } from "./time_format.ts";
import { TimeZone } from "./time_zone.ts";

/** Version of the report's layout; raised when fields change meaning. */
export const REPORT_VERSION = 1;

/**
 * Builds the report of a run as plain JSON data.
 *
 * Per-series reports leave out `rescaleHistogram`; the merged report of all
 * series keeps it. NaN becomes `null` in JSON.
 *
 * @param tool `augment` or `coarsen`.
 * @param options The run's options.
 * @param result The run's result.
 * @param argv The command line, for the record.
 * @returns The report.
 */
export function buildRunReport(
  tool: string,
  options: RunOptions,
  result: RunResult,
  argv: string[],
): Record<string, unknown> {
  const { scan, grid } = result;
  const zone = new TimeZone(options.tz);
  const writeSlotTime = timeWriter(
    result.outputTimeFormat,
    zone,
    grid.slotMs,
    grid.startMs,
  );
  let total: AugmentationReport = emptyReport();
  for (const check of result.checks) {
    if (check.report) total = mergeReports(total, check.report);
  }
  return {
    reportVersion: REPORT_VERSION,
    tool,
    command: argv,
    settings: {
      ...options,
      input: options.input,
      output: options.output,
      slot: grid.slotMs / 1000,
      binsPerSlot: result.binsPerSlot,
    },
    input: {
      delimiter: scan.dialect.delimiter,
      headerLine: scan.dialect.headerLine,
      metadataLines: scan.dialect.metadataLines,
      layout: scan.layout,
      rows: scan.rows,
      timeColumn: scan.time?.name ?? null,
      timeFormat: scan.time?.summary.format ?? null,
      firstSlot: writeSlotTime(grid.startMs),
      lastSlot: writeSlotTime(grid.startMs + (grid.slots - 1) * grid.slotMs),
      slots: grid.slots,
      skippedColumns: scan.skipped,
      numberFormats: Object.fromEntries(
        scan.series.map((column) => [column.name, column.format]),
      ),
    },
    totals: {
      series: result.series.length,
      slots: grid.slots,
      valuesWritten: result.valuesWritten,
      bytesWritten: result.bytesWritten,
      seconds: result.seconds,
      valuesPerSecond: result.valuesWritten / result.seconds,
      maxConservationError: Math.max(
        0,
        ...result.checks.map((c) => c.conservationError),
      ),
      nanMismatches: result.checks.reduce((n, c) => n + c.nanMismatches, 0),
      report: result.checks.some((c) => c.report) ? total : null,
    },
    series: result.checks.map((check) => {
      const { rescaleHistogram: _histogram, ...report } = check.report ??
        emptyReport();
      return {
        key: check.key,
        report: check.report ? report : null,
        conservationError: check.conservationError,
        reaggregationErrors: check.errors,
        nanMismatches: check.nanMismatches,
      };
    }),
  };
}

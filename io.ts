/**
 * Reading and writing traffic series as CSV: delimiter, header, timestamp and
 * number detection from every row, a streaming slot reader, atomic output
 * files, and the `augment` and `coarsen` command-line runs built on the
 * engine in `mod.ts`. This entry point uses Deno APIs (files, workers); the
 * engine does not.
 *
 * How input is read:
 * - Layout: wide (a time column and one column per series) or long
 *   (`item_id,timestamp,target`), detected from the header names.
 * - Dialect: `,`, `;`, tab or `|`, a byte order mark, CRLF, quotes, metadata
 *   lines above the header and a delimiter at the end of every line.
 * - Timestamps: one format per column, decided from all rows (see
 *   `TimeProfile`). Local times are read in `--tz`, so DST changes neither
 *   repeat nor drop slots. A column named like `second` or `time_s` counts
 *   seconds from the start. Each timestamp labels the start of its slot.
 * - Numbers: one style per column (see `NumberProfile`): decimal commas,
 *   thousands separators, scientific notation, and rate units converted to
 *   bit/s with the table in `unitFactor`. Missing values (`''`, `-`, `NaN`,
 *   `nan`, `NA`) and gaps in the timeline become NaN slots. Negative values
 *   are errors. A column counts as text, and is skipped, when fewer than half
 *   of its values read as numbers; a column of numbers with an unreadable
 *   cell is an error naming the line, the column and the cell.
 * - Irregular or repeated samples (fine traces) are averaged into slots with
 *   `--resample`; otherwise a repeated or decreasing timestamp is an error.
 *
 * How output is written: to a temporary file beside the target, renamed at the
 * end and removed on any error, so a failed run leaves nothing; an OUTPUT that
 * is the INPUT file or a folder is refused up front. Comma-separated, timestamps in the input's style
 * (ISO 8601 when the input had none), values as the shortest text that reads
 * back to the same number, NaN as an empty cell. Long output rows are ordered
 * by timestamp, then by series in input order. Each series' random stream is
 * keyed by its column name or item id, so output does not depend on
 * `--workers`, and shards (`--shard K/N`) merge back into the whole.
 *
 * @example
 * ```ts
 * import { guessFormats } from "./io.ts";
 * import assert from "node:assert/strict";
 *
 * const [format] = guessFormats("2004-03-01 00:05");
 * assert.equal(format.kind === "pattern" && format.pattern, "%Y-%m-%d %H:%M");
 * ```
 *
 * @module
 */
export * from "./lib/io/csv.ts";
export * from "./lib/io/csv_write.ts";
export * from "./lib/io/dialect.ts";
export * from "./lib/io/numbers.ts";
export * from "./lib/io/units.ts";
export * from "./lib/io/time_pattern.ts";
export * from "./lib/io/time_format.ts";
export * from "./lib/io/time_zone.ts";
export * from "./lib/io/time_profile.ts";
export * from "./lib/io/time_guess.ts";
export * from "./lib/io/columns.ts";
export * from "./lib/io/records.ts";
export * from "./lib/io/table_scan.ts";
export * from "./lib/io/coarse_source.ts";
export * from "./lib/io/long_source.ts";
export * from "./lib/io/grid.ts";
export * from "./lib/io/series_block.ts";
export * from "./lib/io/block_runner.ts";
export * from "./lib/io/atomic_file.ts";
export * from "./lib/io/progress.ts";
export * from "./lib/io/pipeline.ts";
export * from "./lib/io/run_report.ts";
export * from "./lib/io/cli.ts";
// Engine types that the types above refer to, re-exported so that this entry
// point's documentation resolves them.
export type {
  AugmentationReport,
  Calibration,
  GenerateOptions,
  KthParams,
  ScaledTarget,
  SpillMode,
  VarianceStrategy,
} from "./mod.ts";

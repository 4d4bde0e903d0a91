/**
 * The first pass over an input file: dialect, layout, time column and format,
 * and the number format of every column, all decided from every row before
 * any output is written.
 *
 * @module
 */

import {
  findColumn,
  findLongColumns,
  findTimeColumn,
  type LongColumns,
  shorten,
} from "./columns.ts";
import type { Dialect } from "./dialect.ts";
import {
  type NumberFormat,
  type NumberProblem,
  NumberProfile,
} from "./numbers.ts";
import {
  type DialectOptions,
  readDataRecords,
  readDialect,
  Row,
} from "./records.ts";
import { TimeProfile, type TimeSummary } from "./time_profile.ts";
import { UsageError } from "./usage_error.ts";
import type { TimeZone } from "./time_zone.ts";

/** Options of the first pass. */
export interface ScanOptions extends DialectOptions {
  /** The zone of local times without an offset. */
  zone: TimeZone;
  /** The time column, by name or 1-based position. */
  timeColumn?: string;
  /** A `--time-format` value. */
  timeFormat?: string;
  /** `wide` or `long`; detected from the header when unset. */
  inputFormat?: "wide" | "long";
  /** Value columns (wide) or series ids (long) to keep; default all numeric. */
  columns?: string[];
  /** Accept repeated timestamps, for resampling. */
  allowDuplicates?: boolean;
  /** The input's name in messages; default the path. */
  displayName?: string;
  /** Called with the bytes read so far, for progress reports. */
  onProgress?: (bytesRead: number) => void;
}

/** A value column of wide input and its number format. */
export interface SeriesColumn {
  /** The column's name in the header, which keys the series. */
  name: string;
  /** 0-based column index. */
  index: number;
  /** Number format of the column's cells. */
  format: NumberFormat;
}

/** A column left out of the default selection, and why. */
export interface SkippedColumn {
  /** The column's name in the header. */
  name: string;
  /**
   * Reason for skipping the column, as a phrase that follows its name, such
   * as `has no values`.
   */
  reason: string;
}

/** Result of the first pass: dialect, layout, time column and series. */
export interface TableScan {
  /** The file read. */
  path: string;
  /** The input's name in messages. */
  name: string;
  /** Delimiter, header line and column names of the file. */
  dialect: Dialect;
  /**
   * `wide` (one column per series) or `long` (one row per series and
   * timestamp), as given or detected.
   */
  layout: "wide" | "long";
  /** The time column, or undefined when the file has none. */
  time?: { index: number; name: string; summary: TimeSummary };
  /** Wide input: the selected value columns, in file order. */
  series: SeriesColumn[];
  /** Long input: the id and value columns, value format and series ids. */
  long?: LongColumns & { format: NumberFormat; ids: string[] };
  /** Columns left out of the default selection. */
  skipped: SkippedColumn[];
  /** Data rows read. */
  rows: number;
}

/**
 * Reads a whole file once and decides how to read it.
 *
 * @param path The input file.
 * @param options The scan options.
 * @returns The scan.
 * @throws {RangeError} Naming the file, line, column and value of the first
 * problem: a ragged row, a timestamp that does not parse or repeats, a
 * negative or non-numeric value in a selected column, or no data rows.
 */
export async function scanTable(
  path: string,
  options: ScanOptions,
): Promise<TableScan> {
  const name = options.displayName ?? path;
  const dialect = await readDialect(path, name, options);
  const header = dialect.header;
  const timeIndex = findTimeColumn(header, options.timeColumn);
  const longColumns = options.inputFormat === "wide"
    ? undefined
    : findLongColumns(header);
  if (options.inputFormat === "long" && longColumns === undefined) {
    throw new RangeError(
      `Cannot read ${name} as long input: the header needs an id column (item_id, unique_id, series_id, series or id) and a value column (target, value or y)`,
    );
  }
  const time = timeIndex === -1 ? undefined : new TimeProfile(
    header[timeIndex],
    options.zone,
    {
      timeFormat: options.timeFormat,
      allowDuplicates: options.allowDuplicates,
    },
  );
  const profiled = longColumns !== undefined
    ? [longColumns.value]
    : profiledColumns(header, timeIndex, options.columns);
  const profiles = profiled.map(() => new NumberProfile());
  const ids = new Map<string, number>();
  const observer = { time, timeIndex, profiled, profiles, longColumns, ids };
  const rows = await observeRows(path, name, dialect, observer, options);

  const timeInfo = time && {
    index: timeIndex,
    name: header[timeIndex],
    summary: time.decide(),
  };
  const base = { path, name, dialect, time: timeInfo, rows };
  if (longColumns === undefined) {
    const selected = selectColumns(name, dialect, profiled, profiles, options);
    return { ...base, layout: "wide", ...selected };
  }
  const where = `column '${shorten(header[longColumns.value])}'`;
  const format = requireNumeric(name, profiles[0], where, dialect);
  return {
    ...base,
    layout: "long",
    series: [],
    long: {
      ...longColumns,
      format,
      ids: selectIds([...ids.keys()], options.columns),
    },
    skipped: [],
  };
}

/** The profiles that the rows of the first pass feed. */
interface RowObserver {
  time: TimeProfile | undefined;
  timeIndex: number;
  profiled: number[];
  profiles: NumberProfile[];
  longColumns: LongColumns | undefined;
  ids: Map<string, number>;
}

/** Feeds every data row to the profiles, and returns the row count. */
async function observeRows(
  path: string,
  name: string,
  dialect: Dialect,
  observer: RowObserver,
  options: ScanOptions,
): Promise<number> {
  const { time, timeIndex, profiled, profiles, longColumns, ids } = observer;
  const row = new Row(dialect, name);
  let rows = 0;
  for await (const batch of readDataRecords(path, dialect)) {
    const { texts, lines } = batch;
    for (let r = 0; r < texts.length; r++) {
      row.load(texts[r], lines[r]);
      const seriesKey = longColumns ? row.cell(longColumns.id) : "";
      if (longColumns && !ids.has(seriesKey)) ids.set(seriesKey, ids.size);
      time?.observe(row.cell(timeIndex), lines[r], seriesKey);

      for (let k = 0; k < profiled.length; k++) {
        const column = profiled[k];
        if (row.quoted !== undefined) {
          profiles[k].observe(row.quoted[column], lines[r]);
        } else {
          const { text, starts, ends } = row;
          profiles[k].observeRange(
            text,
            starts[column],
            ends[column],
            lines[r],
          );
        }
      }
    }
    rows += texts.length;
    options.onProgress?.(batch.bytesRead);
  }
  if (rows === 0) {
    throw new RangeError(
      `Cannot read ${name}: the header (line ${dialect.headerLine}) has no data rows below it`,
    );
  }
  return rows;
}

/**
 * Picks the value columns of wide input: the ones named with `--columns`
 * (each must be numeric), or else every column that is not text or empty.
 */
function selectColumns(
  name: string,
  dialect: Dialect,
  profiled: number[],
  profiles: NumberProfile[],
  options: ScanOptions,
): { series: SeriesColumn[]; skipped: SkippedColumn[] } {
  const header = dialect.header;
  const series: SeriesColumn[] = [];
  const skipped: SkippedColumn[] = [];
  profiled.forEach((index, k) => {
    if (options.columns === undefined) {
      const decision = profiles[k].decide(dialect.delimiter);
      const skip = "reason" in decision &&
        (decision.kind === "empty" || decision.kind === "text");
      if (skip) {
        const reason = describe(decision, profiles[k]);
        skipped.push({ name: header[index], reason });
        return;
      }
    }
    const where = `column '${shorten(header[index])}'`;
    const format = requireNumeric(name, profiles[k], where, dialect);
    series.push({ name: header[index], index, format });
  });
  if (series.length === 0) {
    const reasons = skipped.slice(0, 3).map((column) =>
      `'${shorten(column.name)}' ${column.reason}`
    );
    throw new RangeError(
      `Cannot read ${name}: no column contains numbers (${
        reasons.join("; ")
      }); pass --columns to choose one`,
    );
  }
  checkUniqueNames(name, series);
  return { series, skipped };
}

function profiledColumns(
  header: string[],
  timeIndex: number,
  columns: string[] | undefined,
): number[] {
  if (columns === undefined) {
    return header.map((_, i) => i).filter((i) => i !== timeIndex);
  }
  const indices = columns.map((key) => findColumn(header, key, "--columns"));
  return [...new Set(indices)];
}

function requireNumeric(
  name: string,
  profile: NumberProfile,
  where: string,
  dialect: Dialect,
): NumberFormat {
  const decision = profile.decide(dialect.delimiter);
  if ("reason" in decision) throw problemError(name, where, decision, profile);
  if (profile.infinite) {
    throw new RangeError(
      `Cannot read ${name}: line ${profile.infinite.line}, ${where} has '${profile.infinite.value}', which is too large for a number`,
    );
  }
  if (profile.negative) {
    throw new RangeError(
      `Cannot read ${name}: line ${profile.negative.line}, ${where} has a negative rate '${profile.negative.value}'; rates must be >= 0. A negative difference of byte counters usually means a counter wrap or reset: correct it, or blank the cell to mark it missing`,
    );
  }
  return decision;
}

function problemError(
  name: string,
  where: string,
  problem: NumberProblem,
  profile: NumberProfile,
): RangeError {
  const { kind, reason, cell } = problem;
  if (kind === "unreadable" && cell !== undefined) {
    return new RangeError(
      `Cannot read ${name}: line ${cell.line}, ${where} has '${
        shorten(cell.value)
      }', which ${reason}, but ${profile.numberCount} of the column's ${profile.valueCount} values are numbers; fix the cell, mark it missing with an empty cell or NA, or leave the column out with --columns`,
    );
  }
  const advice = kind === "mixed"
    ? "write the column in one style, or leave it out with --columns"
    : "choose numeric columns with --columns";
  return new RangeError(
    `Cannot read ${name}: ${where} ${describe(problem, profile)}; ${advice}`,
  );
}

function describe(problem: NumberProblem, profile: NumberProfile): string {
  const { kind, reason, cell } = problem;
  const where = cell ? ` (line ${cell.line}: '${shorten(cell.value)}')` : "";
  const numbers = profile.numberCount;
  const share = kind === "text" && numbers > 0
    ? `; only ${numbers} of ${profile.valueCount} values are numbers`
    : "";
  return `${reason}${where}${share}`;
}

function selectIds(ids: string[], requested: string[] | undefined): string[] {
  if (requested === undefined) return ids;
  for (const id of requested) {
    if (!ids.includes(id)) {
      throw new UsageError(
        `Invalid --columns '${id}': no series has that id; the ids are ${
          ids.slice(0, 8).join(", ")
        }${ids.length > 8 ? `, ... (${ids.length} in all)` : ""}`,
      );
    }
  }
  return ids.filter((id) => requested.includes(id));
}

function checkUniqueNames(name: string, series: SeriesColumn[]): void {
  const seen = new Map<string, number>();
  for (const column of series) {
    const earlier = seen.get(column.name);
    if (earlier !== undefined) {
      throw new RangeError(
        `Cannot read ${name}: columns ${earlier + 1} and ${
          column.index + 1
        } are both named '${
          shorten(column.name)
        }'; rename one, since the name keys the series`,
      );
    }
    seen.set(column.name, column.index);
  }
}

/**
 * Decides the timestamp format of a column from all of its rows, and collects
 * what the grid needs: first and last instants and the steps between rows.
 *
 * Candidate formats come from the first timestamp's shape; every row then
 * rules out the candidates it does not fit. Exactly one must remain, so a
 * column where every date reads both as day/month and as month/day is an
 * error asking for `--time-format`, never a guess.
 *
 * @module
 */

import type { CellRef } from "./numbers.ts";
import { MISSING_VALUES } from "./numbers.ts";
import { type TimeFormat, timeReader } from "./time_format.ts";
import { compileTimePattern, type TimePattern } from "./time_pattern.ts";
import { explicitFormat, guessFormats } from "./time_guess.ts";
import type { TimeZone } from "./time_zone.ts";

/** Summary of a column's timestamps: format, span and steps. */
export interface TimeSummary {
  /** The one format that every timestamp of the column fits. */
  format: TimeFormat;
  /** The earliest instant, in milliseconds. */
  firstMs: number;
  /** The latest instant, in milliseconds. */
  lastMs: number;
  /** The most common positive step between rows of one series (ties: the smaller), or NaN. */
  modalStepMs: number;
  /** Distinct positive steps and how often each occurred. */
  steps: Map<number, number>;
}

/** Names of columns that count seconds from the start of a record. */
export const RELATIVE_SECONDS_NAME =
  /^(sec|secs|second|seconds|time_?s|time_?sec|t_?s|elapsed(_?s)?|offset_?s)$/i;

interface Candidate {
  format: TimeFormat;
  read: (text: string) => number | undefined;
  pattern?: TimePattern;
  zone: TimeZone;
  failed?: CellRef;
  shortFields: number;
  offsets: Set<number>;
  previous: Map<string, { ms: number; line: number }>;
  steps: Map<number, number>;
  order?: { line: number; value: string; previousLine: number };
  firstMs: number;
  lastMs: number;
  minNumber: number;
  maxNumber: number;
}

/** Collects the timestamps of one column and decides their format. */
export class TimeProfile {
  #candidates: Candidate[] | undefined;
  #missing: CellRef | undefined;
  #first: CellRef | undefined;
  readonly #column: string;
  readonly #zone: TimeZone;
  readonly #explicit: string | undefined;
  readonly #allowDuplicates: boolean;

  /**
   * Creates an empty profile of one column.
   *
   * @param column The column's name, for messages and the relative-seconds rule.
   * @param zone The zone of local times without an offset.
   * @param options `timeFormat` fixes the format; `allowDuplicates` accepts
   * repeated timestamps (for resampling).
   */
  constructor(
    column: string,
    zone: TimeZone,
    options: { timeFormat?: string; allowDuplicates?: boolean } = {},
  ) {
    this.#column = column;
    this.#zone = zone;
    this.#explicit = options.timeFormat;
    this.#allowDuplicates = options.allowDuplicates ?? false;
  }

  /** Records one timestamp; `seriesKey` separates series in long input. */
  observe(text: string, line: number, seriesKey = ""): void {
    if (MISSING_VALUES.has(text)) {
      this.#missing ??= { line, value: text };
      return;
    }
    this.#first ??= { line, value: text };
    this.#candidates ??= this.#explicit !== undefined
      ? [this.#candidate(explicitFormat(this.#explicit))]
      : guessFormats(text).map((format) => this.#candidate(format));
    for (const candidate of this.#candidates) {
      if (candidate.failed) continue;
      observeCandidate(candidate, text, line, seriesKey, this.#allowDuplicates);
    }
  }

  #candidate(format: TimeFormat): Candidate {
    return {
      format,
      read: timeReader(format, this.#zone),
      pattern: format.kind === "pattern"
        ? compileTimePattern(format.pattern)
        : undefined,
      zone: this.#zone,
      shortFields: 0,
      offsets: new Set(),
      previous: new Map(),
      steps: new Map(),
      firstMs: Infinity,
      lastMs: -Infinity,
      minNumber: Infinity,
      maxNumber: -Infinity,
    };
  }

  /**
   * Decides the format from every row seen.
   *
   * @returns The format and the span and steps of the timestamps.
   * @throws {RangeError} Naming the line and value when a timestamp is
   * missing, fits no format, repeats or goes back, or when the format is
   * ambiguous.
   */
  decide(): TimeSummary {
    const where = `column '${this.#column}'`;
    if (this.#missing) {
      throw new RangeError(
        `Cannot read timestamps: line ${this.#missing.line} of ${where} has no timestamp ('${this.#missing.value}'); fill it in or delete the row`,
      );
    }
    const candidates = this.#candidates ?? [];
    if (this.#first === undefined) {
      throw new RangeError(`Cannot read timestamps: ${where} has no rows`);
    }
    if (candidates.length === 0) {
      throw new RangeError(
        `Cannot read timestamps: line ${this.#first.line} of ${where} has '${this.#first.value}', which is not a known timestamp format; pass --time-format (for example '%d.%m.%Y %H:%M')`,
      );
    }
    const alive = candidates.filter((candidate) => !candidate.failed);
    const chosen = this.#pickNumberUnit(alive);
    if (chosen.length === 0) throw noFormatError(candidates, where);
    if (chosen.length > 1) throw ambiguousError(chosen, where);
    return summarize(chosen[0], where);
  }

  #pickNumberUnit(alive: Candidate[]): Candidate[] {
    if (this.#explicit !== undefined || alive[0]?.format.kind !== "number") {
      return alive;
    }
    const seconds = alive.find((c) =>
      c.format.kind === "number" && c.format.unit === "s"
    )!;
    const { minNumber: min, maxNumber: max } = seconds;
    if (RELATIVE_SECONDS_NAME.test(this.#column)) {
      seconds.format = { kind: "number", unit: "s", relative: true };
      return [seconds];
    }
    const unit = min >= 1e8 && max < 1e11
      ? "s"
      : min >= 1e11 && max < 1e14
      ? "ms"
      : undefined;
    if (unit === undefined) {
      throw new RangeError(
        `Cannot read timestamps: ${`column '${this.#column}'`} contains numbers from ${min} to ${max}, which are neither epoch seconds nor epoch milliseconds; pass --time-format seconds if they count seconds from the start, or --time-format epoch or epoch-ms`,
      );
    }
    return alive.filter((c) =>
      c.format.kind === "number" && c.format.unit === unit
    );
  }
}

function observeCandidate(
  candidate: Candidate,
  text: string,
  line: number,
  seriesKey: string,
  allowDuplicates: boolean,
): void {
  const previous = candidate.previous.get(seriesKey);
  const ms = readCandidate(candidate, text, previous?.ms);
  if (ms === undefined) {
    candidate.failed = { line, value: text };
    return;
  }
  if (previous !== undefined) {
    const step = ms - previous.ms;
    if (step > 0) {
      candidate.steps.set(step, (candidate.steps.get(step) ?? 0) + 1);
    } else if (!(step === 0 && allowDuplicates)) {
      candidate.order ??= { line, value: text, previousLine: previous.line };
    }
  }
  candidate.previous.set(seriesKey, { ms, line });
  if (ms < candidate.firstMs) candidate.firstMs = ms;
  if (ms > candidate.lastMs) candidate.lastMs = ms;
}

/** Reads one timestamp and records its shape; undefined when it does not fit. */
function readCandidate(
  candidate: Candidate,
  text: string,
  previousMs: number | undefined,
): number | undefined {
  if (candidate.pattern === undefined) {
    const ms = candidate.read(text);
    if (ms === undefined) return undefined;
    const value = Number(text);
    if (value < candidate.minNumber) candidate.minNumber = value;
    if (value > candidate.maxNumber) candidate.maxNumber = value;
    return ms;
  }
  const parsed = candidate.pattern.parse(text);
  if (parsed === undefined) return undefined;
  candidate.shortFields |= parsed.shortFields;
  if (parsed.offsetMinutes !== undefined) {
    candidate.offsets.add(parsed.offsetMinutes);
    return parsed.wallMs - parsed.offsetMinutes * 60_000;
  }
  return candidate.zone.localToInstant(parsed.wallMs, previousMs);
}

function summarize(candidate: Candidate, where: string): TimeSummary {
  if (candidate.order) {
    const { line, value, previousLine } = candidate.order;
    throw new RangeError(
      `Cannot read timestamps: line ${line} of ${where} ('${value}') is not later than line ${previousLine}; sort the rows, delete the duplicate, or pass --resample SECONDS to average repeated and irregular samples`,
    );
  }
  const format = candidate.format;
  if (format.kind === "pattern") {
    format.shortFields = candidate.shortFields;
    if (candidate.offsets.size === 1) {
      format.fixedOffsetMinutes = [...candidate.offsets][0];
    }
  }
  let modalStepMs = NaN;
  let best = 0;
  for (const [step, count] of candidate.steps) {
    if (count > best || (count === best && step < modalStepMs)) {
      modalStepMs = step;
      best = count;
    }
  }
  return {
    format,
    firstMs: candidate.firstMs,
    lastMs: candidate.lastMs,
    modalStepMs,
    steps: candidate.steps,
  };
}

function noFormatError(candidates: Candidate[], where: string): RangeError {
  const latest = candidates.reduce((a, b) =>
    a.failed!.line >= b.failed!.line ? a : b
  );
  const { line, value } = latest.failed!;
  const format = latest.format.kind === "pattern"
    ? `the format ${latest.format.pattern} of the rows above`
    : "a number like the rows above";
  return new RangeError(
    `Cannot read timestamps: line ${line} of ${where} has '${value}', which does not fit ${format}; fix the cell or pass --time-format`,
  );
}

function ambiguousError(candidates: Candidate[], where: string): RangeError {
  const formats = candidates.map((c) =>
    c.format.kind === "pattern" ? `'${c.format.pattern}'` : c.format.unit
  );
  return new RangeError(
    `Cannot read timestamps: every date in ${where} reads both as day/month and as month/day; pass --time-format ${
      formats.join(" or ")
    }`,
  );
}

/**
 * The timestamp format of a column, as plain data that can cross to a worker,
 * and the reader and writer built from it.
 *
 * @module
 */

import { compileTimePattern, SHORT_FIELD_BITS } from "./time_pattern.ts";
import type { TimeZone } from "./time_zone.ts";

/** Timestamp format of a column. */
export type TimeFormat = PatternTimeFormat | NumberTimeFormat;

/** Calendar timestamps described by a strftime-style pattern. */
export interface PatternTimeFormat {
  /** Discriminant of {@linkcode TimeFormat}. */
  kind: "pattern";
  /** The pattern, such as `%m/%d/%Y %H:%M`. */
  pattern: string;
  /** Bits (`SHORT_FIELD_BITS`) of fields written without a leading zero. */
  shortFields: number;
  /** Style of `%z`: `Z` for zero, or `+01:00`, `+0100`, `+01`. */
  offsetStyle?: "Z" | "colon" | "compact" | "hours";
  /** The one offset every row carried, in minutes; unset when they differ. */
  fixedOffsetMinutes?: number;
  /** True when AM/PM was written in lower case. */
  lowercaseMeridiem?: boolean;
}

/** Numbers: seconds or milliseconds since 1970, or seconds from the start. */
export interface NumberTimeFormat {
  /** Discriminant of {@linkcode TimeFormat}. */
  kind: "number";
  /** Unit of the numbers: `s` for seconds or `ms` for milliseconds. */
  unit: "s" | "ms";
  /** True for seconds counted from the start of the record, not from 1970. */
  relative: boolean;
}

/**
 * Builds the reader of a column's timestamps.
 *
 * @param format The column's format.
 * @param zone The zone of local times without an offset.
 * @returns A function from a trimmed cell and the previous instant to an
 * instant in milliseconds. It returns undefined when the cell does not fit
 * the format or names a local time that does not exist.
 */
export function timeReader(
  format: TimeFormat,
  zone: TimeZone,
): (text: string, previousMs?: number) => number | undefined {
  if (format.kind === "number") {
    const scale = format.unit === "s" ? 1000 : 1;
    return (text) => {
      if (!NUMBER_PATTERN.test(text)) return undefined;
      return Math.round(Number(text) * scale * 1000) / 1000;
    };
  }
  const pattern = compileTimePattern(format.pattern);
  return (text, previousMs) => {
    const parsed = pattern.parse(text);
    if (parsed === undefined) return undefined;
    if (parsed.offsetMinutes !== undefined) {
      return parsed.wallMs - parsed.offsetMinutes * 60_000;
    }
    return zone.localToInstant(parsed.wallMs, previousMs);
  };
}

const NUMBER_PATTERN =
  /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * Builds the writer of timestamps in a column's style.
 *
 * When the pattern has no seconds but the output steps need them, `:%S` is
 * added after the minutes, or ` %H:%M:%S` after a date. Fractions of a
 * second get three decimals.
 *
 * @param format The column's format.
 * @param zone The zone for local times and for offsets that varied.
 * @param stepMs The output step; with `startMs`, it decides the resolution.
 * @param startMs The first output instant.
 * @returns A function from an instant in milliseconds to text.
 *
 * @example
 * ```ts
 * import { TimeZone, timeWriter } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * const format = { kind: "pattern", pattern: "%m/%d/%Y %H:%M", shortFields: 7 } as const;
 * const write = timeWriter(format, new TimeZone("UTC"), 5000, 0);
 * assert.equal(write(Date.UTC(2005, 5, 7, 7, 0, 5)), "6/7/2005 7:00:05");
 * ```
 */
export function timeWriter(
  format: TimeFormat,
  zone: TimeZone,
  stepMs: number,
  startMs: number,
): (instantMs: number) => string {
  if (format.kind === "number") {
    const scale = format.unit === "s" ? 1000 : 1;
    return (instant) => String(instant / scale);
  }
  const needsMs = stepMs % 1000 !== 0 || startMs % 1000 !== 0;
  const needsSeconds = needsMs || stepMs % 60_000 !== 0 ||
    startMs % 60_000 !== 0;
  const pattern = needsSeconds ? withSeconds(format.pattern) : format.pattern;
  const parts = compileOutput(pattern, format);

  const fixed = format.fixedOffsetMinutes;
  const secondsAt = parts.indexOf(SECONDS_PLACEHOLDER);
  const shortSeconds = (format.shortFields & SHORT_FIELD_BITS.S) !== 0 ||
    /%-S/.test(pattern);
  let cachedMinute = NaN;
  let cachedOffset = NaN;
  let before = "";
  let after = "";
  return (instant) => {
    const offset = fixed ?? zone.offsetMinutes(instant);
    const wallMs = instant + offset * 60_000;
    const minute = Math.floor(wallMs / 60_000);
    if (minute !== cachedMinute || offset !== cachedOffset) {
      const wall = new Date(minute * 60_000);
      before = formatParts(
        parts,
        0,
        secondsAt === -1 ? parts.length : secondsAt,
        wall,
        offset,
      );
      after = secondsAt === -1
        ? ""
        : formatParts(parts, secondsAt + 1, parts.length, wall, offset);
      cachedMinute = minute;
      cachedOffset = offset;
    }
    if (secondsAt === -1) return before;

    const withinMinute = wallMs - minute * 60_000;
    const seconds = Math.floor(withinMinute / 1000);
    let text = shortSeconds || seconds >= 10 ? String(seconds) : "0" + seconds;
    if (needsMs) {
      text += "." + String(Math.round(withinMinute % 1000)).padStart(3, "0");
    }
    return before + text + after;
  };
}

/** Stands for `%S` in compiled output: seconds are written per call, the
 * rest of the timestamp once per minute. */
const SECONDS_PLACEHOLDER = "\u0000S";

function formatParts(
  parts: Part[],
  from: number,
  to: number,
  wall: Date,
  offset: number,
): string {
  let text = "";
  for (let i = from; i < to; i++) {
    const part = parts[i];
    text += typeof part === "string" ? part : part(wall, offset);
  }
  return text;
}

function withSeconds(pattern: string): string {
  if (pattern.includes("%S")) return pattern;
  const minute = /%-?M/.exec(pattern);
  if (minute !== null) {
    const end = minute.index + minute[0].length;
    return pattern.slice(0, end) + ":%S" + pattern.slice(end);
  }
  return pattern + " %H:%M:%S";
}

type Part = string | ((wall: Date, offset: number) => string);

function compileOutput(pattern: string, format: PatternTimeFormat): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== "%") {
      parts.push(pattern[i]);
      continue;
    }
    let directive = pattern[++i];
    let short = false;
    if (directive === "-") {
      short = true;
      directive = pattern[++i];
    }
    short ||= (format.shortFields & (SHORT_FIELD_BITS[directive] ?? 0)) !== 0;
    parts.push(outputPart(directive, short, format));
  }
  return parts;
}

function outputPart(
  directive: string,
  short: boolean,
  format: PatternTimeFormat,
): Part {
  const pad = (n: number) => short || n >= 10 ? String(n) : "0" + n;
  switch (directive) {
    case "Y":
      return (wall) => String(wall.getUTCFullYear());
    case "y":
      return (wall) => String(wall.getUTCFullYear() % 100).padStart(2, "0");
    case "m":
      return (wall) => pad(wall.getUTCMonth() + 1);
    case "b":
      return (wall) => MONTH_NAMES[wall.getUTCMonth()];
    case "d":
      return (wall) => pad(wall.getUTCDate());
    case "H":
      return (wall) => pad(wall.getUTCHours());
    case "I":
      return (wall) => pad((wall.getUTCHours() + 11) % 12 + 1);
    case "p":
      return (wall) => meridiem(wall, format.lowercaseMeridiem === true);
    case "M":
      return (wall) => pad(wall.getUTCMinutes());
    case "S":
      return SECONDS_PLACEHOLDER;
    case "z":
      return (_wall, offset) => formatOffset(offset, format.offsetStyle);
    default:
      return "%" + directive;
  }
}

const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

function meridiem(wall: Date, lowercase: boolean): string {
  const text = wall.getUTCHours() < 12 ? "AM" : "PM";
  return lowercase ? text.toLowerCase() : text;
}

function formatOffset(
  offset: number,
  style: PatternTimeFormat["offsetStyle"],
): string {
  if (offset === 0 && style === "Z") return "Z";
  const sign = offset < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  if (style === "compact") return sign + hours + minutes;
  if (style === "hours" && minutes === "00") return sign + hours;
  return sign + hours + ":" + minutes;
}

/**
 * Timestamp patterns in the strftime style, compiled once into a parser and a
 * formatter that work on wall-clock milliseconds.
 *
 * Directives:
 * - `%Y` year, `%y` two-digit year (69-99 are 19xx, 00-68 are 20xx);
 * - `%m` month, `%b` English month abbreviation, `%d` day;
 * - `%H` hour 0-23, `%I` hour 1-12 with `%p` (AM/PM, any case);
 * - `%M` minute, `%S` second (parsing also takes a fraction such as `05.250`);
 * - `%z` offset (`Z`, `+01:00`, `+0100` or `+01`), `%%` a percent sign.
 *
 * Numbers parse with one or two digits. For output, `%-d` (a `-` after `%`)
 * drops the leading zero. A space in the pattern matches any run of spaces.
 *
 * @module
 */

/** The fields a parsed timestamp gives. */
export interface ParsedTime {
  /** Wall-clock time as milliseconds since 1970 read as UTC. */
  wallMs: number;
  /** The offset written in the text, in minutes east of UTC, if any. */
  offsetMinutes?: number;
  /** Bit mask of directives written with one digit (see `shortFields`). */
  shortFields: number;
}

/** A compiled pattern. */
export interface TimePattern {
  /** The pattern text. */
  source: string;
  /** True when the pattern has an offset directive `%z`. */
  hasOffset: boolean;
  /** True when the pattern has a seconds directive `%S`. */
  hasSeconds: boolean;
  /** Parses a trimmed cell, or returns undefined when it does not fit. */
  parse(text: string): ParsedTime | undefined;
}

const MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];

const GROUPS: Record<string, string> = {
  Y: "([0-9]{4})",
  y: "([0-9]{2})",
  m: "([0-9]{1,2})",
  d: "([0-9]{1,2})",
  H: "([0-9]{1,2})",
  I: "([0-9]{1,2})",
  M: "([0-9]{1,2})",
  S: "([0-9]{1,2}(?:[.,][0-9]+)?)",
  p: "([AaPp][Mm])",
  z: "(Z|[+-][0-9]{2}(?::?[0-9]{2})?)",
  b: "([A-Za-z]{3})",
};

/** Bits of `ParsedTime.shortFields`, one per numeric directive. */
export const SHORT_FIELD_BITS: Record<string, number> = {
  m: 1,
  d: 2,
  H: 4,
  I: 8,
  M: 16,
  S: 32,
};

/**
 * Compiles a strftime-style pattern into a parser.
 *
 * @param source The pattern, such as `%m/%d/%Y %H:%M`.
 * @returns The compiled pattern.
 * @throws {RangeError} When the pattern has an unknown directive or no date.
 *
 * @example
 * ```ts
 * import { compileTimePattern } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * const pattern = compileTimePattern("%m/%d/%Y %I:%M %p");
 * assert.equal(pattern.parse("6/7/2005 7:05 PM")?.wallMs, Date.UTC(2005, 5, 7, 19, 5));
 * ```
 */
export function compileTimePattern(source: string): TimePattern {
  const directives: string[] = [];
  let regex = "^";
  for (let i = 0; i < source.length; i++) {
    const character = source[i];
    if (character === " ") {
      regex += "\\s+";
    } else if (character !== "%") {
      regex += character.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else {
      let directive = source[++i];
      if (directive === "-") directive = source[++i];
      if (directive === "%") {
        regex += "%";
        continue;
      }
      if (GROUPS[directive] === undefined) {
        throw new RangeError(
          `Invalid time format '${source}': unknown directive %${directive}; use %Y %y %m %d %H %I %M %S %p %z %b`,
        );
      }
      directives.push(directive);
      regex += GROUPS[directive];
    }
  }
  const hasYear = directives.includes("Y") || directives.includes("y");
  if (!hasYear || !(directives.includes("m") || directives.includes("b"))) {
    throw new RangeError(
      `Invalid time format '${source}': it needs a year (%Y or %y), a month (%m or %b) and a day (%d)`,
    );
  }
  const compiled = new RegExp(regex + "$");
  return {
    source,
    hasOffset: directives.includes("z"),
    hasSeconds: directives.includes("S"),
    parse: (text) => parseWithRegex(compiled, directives, text),
  };
}

function parseWithRegex(
  regex: RegExp,
  directives: string[],
  text: string,
): ParsedTime | undefined {
  const match = regex.exec(text);
  if (match === null) return undefined;
  let year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  let pm: boolean | undefined;
  let offsetMinutes: number | undefined;
  let shortFields = 0;
  for (let k = 0; k < directives.length; k++) {
    const directive = directives[k];
    const value = match[k + 1];
    if (value.length === 1) shortFields |= SHORT_FIELD_BITS[directive] ?? 0;
    switch (directive) {
      case "Y":
        year = Number(value);
        break;
      case "y":
        year = Number(value) + (Number(value) >= 69 ? 1900 : 2000);
        break;
      case "m":
        month = Number(value);
        break;
      case "b":
        month = MONTHS.indexOf(value.toLowerCase()) + 1;
        break;
      case "d":
        day = Number(value);
        break;
      case "H":
      case "I":
        hour = Number(value);
        break;
      case "M":
        minute = Number(value);
        break;
      case "S":
        second = Number(value.replace(",", "."));
        break;
      case "p":
        pm = value.toLowerCase() === "pm";
        break;
      case "z":
        offsetMinutes = parseOffset(value);
        break;
    }
  }

  if (pm !== undefined) {
    if (!(hour >= 1 && hour <= 12)) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23)) return undefined;
  if (!(minute <= 59 && second < 60)) return undefined;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute) +
    Math.round(second * 1000);
  if (new Date(wallMs).getUTCDate() !== day) return undefined;
  return { wallMs, offsetMinutes, shortFields };
}

function parseOffset(text: string): number {
  if (text === "Z") return 0;
  const sign = text[0] === "-" ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return sign * (hours * 60 + minutes);
}

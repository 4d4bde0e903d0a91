/**
 * Candidate timestamp formats: the ones a first timestamp's shape allows, or
 * the one a `--time-format` value names.
 *
 * @module
 */

import type { TimeFormat } from "./time_format.ts";
import { compileTimePattern } from "./time_pattern.ts";

/**
 * Turns a `--time-format` value into a format: `epoch` (seconds since 1970),
 * `epoch-ms`, `seconds` (from the start) or a strftime-style pattern.
 *
 * @param text The option's value.
 * @returns The format.
 * @throws {RangeError} When the pattern is invalid.
 */
export function explicitFormat(text: string): TimeFormat {
  if (text === "epoch" || text === "epoch-s") {
    return { kind: "number", unit: "s", relative: false };
  }
  if (text === "epoch-ms") {
    return { kind: "number", unit: "ms", relative: false };
  }
  if (text === "seconds") return { kind: "number", unit: "s", relative: true };
  compileTimePattern(text);
  return {
    kind: "pattern",
    pattern: text,
    shortFields: 0,
    ...offsetStyleOf(text),
  };
}

const ISO_LIKE =
  /^([0-9]{4})([-/.])[0-9]{1,2}\2[0-9]{1,2}(?:([T _])[0-9]{1,2}([:.])[0-9]{1,2}(\4[0-9]{1,2}(?:[.,][0-9]+)?)?)?(\s*)(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$/;
const DAY_MONTH =
  /^[0-9]{1,2}([-/.])[0-9]{1,2}\1([0-9]{4}|[0-9]{2})(?:(\s+|T|,\s*)[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(?:\.[0-9]+)?)?(?:(\s*)([AaPp][Mm]))?)?$/;
const NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * Lists the formats a timestamp could be written in, from its shape.
 *
 * @param sample The first timestamp of the column.
 * @returns Candidate formats; empty when the shape is unknown.
 */
export function guessFormats(sample: string): TimeFormat[] {
  let match = ISO_LIKE.exec(sample);
  if (match !== null) {
    const [, , dateSep, timeSep, clockSep, seconds, space, offset] = match;
    let pattern = `%Y${dateSep}%m${dateSep}%d`;
    if (timeSep !== undefined) {
      pattern += `${timeSep}%H${clockSep}%M${seconds ? `${clockSep}%S` : ""}`;
    }
    if (offset !== undefined) pattern += `${space ? " " : ""}%z`;
    return [{
      kind: "pattern",
      pattern,
      shortFields: 0,
      ...offsetStyleOf(pattern, offset),
    }];
  }
  match = DAY_MONTH.exec(sample);
  if (match !== null) {
    const [, sep, year, timeSep, seconds, space, meridiem] = match;
    const yearDirective = year.length === 4 ? "%Y" : "%y";
    let clock = "";
    if (timeSep !== undefined) {
      let separator = " ";
      if (timeSep.startsWith(",")) separator = ", ";
      if (timeSep === "T") separator = "T";
      clock = separator + (meridiem ? "%I" : "%H") + ":%M";
      if (seconds) clock += ":%S";
      if (meridiem) clock += (space ? " " : "") + "%p";
    }
    const lowercaseMeridiem = meridiem !== undefined &&
      meridiem === meridiem.toLowerCase();
    return ["%m" + sep + "%d", "%d" + sep + "%m"].map((order) => ({
      kind: "pattern",
      pattern: `${order}${sep}${yearDirective}${clock}`,
      shortFields: 0,
      lowercaseMeridiem,
    }));
  }
  if (NUMBER.test(sample)) {
    return [
      { kind: "number", unit: "s", relative: false },
      { kind: "number", unit: "ms", relative: false },
    ];
  }
  return [];
}

function offsetStyleOf(
  pattern: string,
  offset?: string,
): { offsetStyle?: "Z" | "colon" | "compact" | "hours" } {
  if (!pattern.includes("%z")) return {};
  if (offset === undefined || offset === "Z") return { offsetStyle: "Z" };
  if (offset.includes(":")) return { offsetStyle: "colon" };
  return { offsetStyle: offset.length === 3 ? "hours" : "compact" };
}

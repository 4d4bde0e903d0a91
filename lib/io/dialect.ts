/**
 * Finds the field delimiter and the header line of a delimited text file from
 * its first lines.
 *
 * @module
 */

import { splitFields } from "./csv.ts";

/** Layout of a delimited file: its delimiter and its header line. */
export interface Dialect {
  /** The field separator: `,`, `;`, a tab or `|`. */
  delimiter: string;
  /** The 1-based line number of the header. */
  headerLine: number;
  /** The column names, trimmed; an empty name becomes `column N`. */
  header: string[];
  /** Lines above the header that were skipped as metadata. */
  metadataLines: number;
}

/** Delimiters tried, in order of preference when several fit equally well. */
const DELIMITERS = ["\t", ";", ",", "|"];

/**
 * Detects the delimiter and the header line from the first lines of a file.
 *
 * The delimiter is the one that splits the most lines into the same number of
 * fields (at least 2). Ties go to tab, then `;`, then `,`, then `|`, so a
 * semicolon file with decimal commas reads as semicolon-separated. The header
 * is the first line with that number of fields that is followed by another
 * such line; lines above it are metadata. When that line holds only values
 * (every field starts with a digit) and the first line has 2 or more fields,
 * the first line is the header, so rows with extra fields are reported
 * rather than read as the header. Blank lines and lines starting with `#` do
 * not count.
 *
 * @param lines The first lines of the file (up to a few hundred).
 * @param options `delimiter` and `headerLine` override the detection.
 * @returns The dialect.
 * @throws {RangeError} When the file has no header line.
 *
 * @example
 * ```ts
 * import { detectDialect } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * const dialect = detectDialect(["Exported by a router", "time;bps", "0;1,5", "300;2"]);
 * assert.equal(dialect.delimiter, ";");
 * assert.equal(dialect.headerLine, 2);
 * ```
 */
export function detectDialect(
  lines: string[],
  options: { delimiter?: string; headerLine?: number } = {},
): Dialect {
  const delimiter = options.delimiter ?? chooseDelimiter(lines);
  const headerIndex = options.headerLine !== undefined
    ? options.headerLine - 1
    : findHeader(lines, delimiter);
  if (!(headerIndex >= 0 && headerIndex < lines.length)) {
    throw new RangeError(
      `Cannot find the header line: the file has ${lines.length} lines; check the file or pass --header-line`,
    );
  }
  const header = splitFields(lines[headerIndex], delimiter).map((name, i) =>
    name === "" ? `column ${i + 1}` : name
  );
  return {
    delimiter,
    headerLine: headerIndex + 1,
    header,
    metadataLines: headerIndex,
  };
}

function chooseDelimiter(lines: string[]): string {
  let best = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const { count, lines: matching } = modalFieldCount(lines, delimiter);
    if (count >= 2 && matching > bestScore) {
      best = delimiter;
      bestScore = matching;
    }
  }
  return best;
}

/** Returns the most common field count of the content lines, and how many lines have it. */
function modalFieldCount(
  lines: string[],
  delimiter: string,
): { count: number; lines: number } {
  const frequency = new Map<number, number>();
  for (const line of lines) {
    if (isComment(line)) continue;
    const count = splitFields(line, delimiter).length;
    frequency.set(count, (frequency.get(count) ?? 0) + 1);
  }
  let count = 0;
  let best = 0;
  for (const [fields, seen] of frequency) {
    if (seen > best || (seen === best && fields > count)) {
      count = fields;
      best = seen;
    }
  }
  return { count, lines: best };
}

function findHeader(lines: string[], delimiter: string): number {
  const { count } = modalFieldCount(lines, delimiter);
  const counts = lines.map((line) =>
    isComment(line) ? -1 : splitFields(line, delimiter).length
  );
  const fits = (i: number) =>
    counts[i] === count || (counts[i] === count - 1 && trailingEmpty(i));
  const trailingEmpty = (i: number) =>
    lines[i + 1] !== undefined && lines[i + 1].endsWith(delimiter);
  for (let i = 0; i < lines.length; i++) {
    if (!fits(i)) continue;
    let next = i + 1;
    while (next < lines.length && counts[next] === -1) next++;
    if (next >= lines.length || counts[next] === count) {
      return headerAboveData(lines, counts, i, delimiter);
    }
  }
  return -1;
}

/**
 * Returns the first content line in place of the line `found` when that
 * first line has at least 2 fields and every field of `found` starts with a
 * digit. Rows with more fields than the header, such as numbers with
 * unquoted thousands separators, would otherwise make a data row the header.
 * Keeping the first line lets the reader name the first row whose field
 * count differs from the header's.
 */
function headerAboveData(
  lines: string[],
  counts: number[],
  found: number,
  delimiter: string,
): number {
  const first = counts.findIndex((count) => count !== -1);
  if (first === found || counts[first] < 2) return found;
  const values = splitFields(lines[found], delimiter).every((field) =>
    /^(?:[+-]?\.?[0-9]|$)/.test(field)
  );
  return values ? first : found;
}

function isComment(line: string): boolean {
  return line.length === 0 || line.startsWith("#");
}

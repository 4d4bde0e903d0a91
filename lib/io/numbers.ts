/**
 * Decides how the numbers of one column are written, from all of its cells,
 * and parses them.
 *
 * A column has one number style:
 * - `plain`: `.` decimal mark, no grouping (`1604118.5`, `-2`, `1.5e-3`);
 * - `comma-grouped`: `.` decimal mark, `,` thousands (`1,604,118.5`);
 * - `decimal-comma`: `,` decimal mark, no grouping (`2,5`);
 * - `dot-grouped`: `,` decimal mark, `.` thousands (`1.604.118,5`).
 *
 * The style is the one that fits every cell. When several fit with different
 * readings (`1,234` is 1234 or 1.234), `plain` wins, then `comma-grouped` in a
 * comma-separated file and `decimal-comma` otherwise, then `dot-grouped`.
 * A column may also carry a rate unit on every cell (`1.23 Mb/s`); its values
 * are then converted to bit/s with the table in `units.ts`. Missing values
 * (`''`, `-`, `NaN`, `nan`, `NA`) read as NaN.
 *
 * @module
 */

import { splitUnit, unitFactor } from "./units.ts";

/** Number style of a column: its decimal mark and thousands separator. */
export type NumberStyle =
  | "plain"
  | "comma-grouped"
  | "decimal-comma"
  | "dot-grouped";

/** The cells that mean "no value". */
export const MISSING_VALUES: ReadonlySet<string> = new Set([
  "",
  "-",
  "NaN",
  "nan",
  "NA",
]);

const PLAIN = 1;
const COMMA_GROUPED = 2;
const DECIMAL_COMMA = 4;
const DOT_GROUPED = 8;
const ALL_STYLES = PLAIN | COMMA_GROUPED | DECIMAL_COMMA | DOT_GROUPED;

const PLAIN_PATTERN = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const COMMA_GROUPED_PATTERN =
  /^[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?$/;
const DECIMAL_COMMA_PATTERN = /^[+-]?[0-9]*,[0-9]+(?:[eE][+-]?[0-9]+)?$/;
const DOT_GROUPED_PATTERN =
  /^[+-]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]*)?$/;

/** Returns the styles a single cell fits, as a bit mask (0 when none). */
function cellStyles(text: string): number {
  if (PLAIN_PATTERN.test(text)) {
    if (!text.includes(".")) return ALL_STYLES;
    return DOT_GROUPED_PATTERN.test(text)
      ? ALL_STYLES & ~DECIMAL_COMMA
      : PLAIN | COMMA_GROUPED;
  }
  let styles = 0;
  if (COMMA_GROUPED_PATTERN.test(text)) styles |= COMMA_GROUPED;
  if (DECIMAL_COMMA_PATTERN.test(text)) styles |= DECIMAL_COMMA;
  if (DOT_GROUPED_PATTERN.test(text)) styles |= DOT_GROUPED;
  return styles;
}

/** A cell and the line it came from, kept for messages. */
export interface CellRef {
  /** The 1-based line number where the cell's record starts. */
  line: number;
  /** The cell's text, trimmed. */
  value: string;
}

/** The number format of a column, decided from all of its cells. */
export interface NumberFormat {
  /** Decimal mark and thousands separator of the column's cells. */
  style: NumberStyle;
  /** The unit every cell carried, or undefined for bare numbers. */
  unit?: string;
  /** True when cells carried different units and were converted to bit/s. */
  convertedToBitsPerSecond?: boolean;
}

/**
 * Why a column cannot be read with one number format:
 * - `empty`: every cell is missing;
 * - `text`: fewer than half of its non-missing values read as numbers;
 * - `unreadable`: a column of numbers with a cell that does not read as one;
 * - `mixed`: every cell is a number, but styles or units differ.
 *
 * The default column selection skips `empty` and `text` columns; the others
 * are errors in the data.
 */
export interface NumberProblem {
  /** Kind of problem, one of the four above. */
  kind: "empty" | "text" | "unreadable" | "mixed";
  /** The problem, as a phrase that follows the column or the cell. */
  reason: string;
  /** The first offending cell, if there is one. */
  cell?: CellRef;
}

/** Collects what the cells of one column look like, then decides its format. */
export class NumberProfile {
  #styles = ALL_STYLES;
  #units = new Map<string, number>();
  #bare: CellRef | undefined;
  #hasUnits = false;
  #values = 0;
  #numbers = 0;
  /** The first cell that fits no number style, if any. */
  nonNumeric: CellRef | undefined;
  /** The first cell whose style conflicts with the cells before it. */
  conflict: CellRef | undefined;
  /** The first cell with a unit not in the unit table. */
  unknownUnit: CellRef | undefined;
  /** The first negative value, if any. */
  negative: CellRef | undefined;
  /** The first value too large for a double, if any. */
  infinite: CellRef | undefined;

  /** Records one trimmed cell of the column. */
  observe(cell: string, line: number): void {
    if (MISSING_VALUES.has(cell)) return;
    this.#values++;
    let text = cell;
    const withUnit = PLAIN_PATTERN.test(cell) ? undefined : splitUnit(cell);
    if (withUnit !== undefined) {
      if (unitFactor(withUnit.unit) === undefined) {
        this.unknownUnit ??= { line, value: cell };
        return;
      }
      text = withUnit.number;
      this.#units.set(withUnit.unit, (this.#units.get(withUnit.unit) ?? 0) + 1);
      this.#hasUnits = true;
    } else {
      this.#bare ??= { line, value: cell };
    }
    const styles = cellStyles(text);
    if (styles === 0) {
      this.nonNumeric ??= { line, value: cell };
      return;
    }
    this.#numbers++;
    if ((this.#styles & styles) === 0 && this.conflict === undefined) {
      this.conflict = { line, value: cell };
    }
    this.#styles &= styles;
    if (text.charCodeAt(0) === 45 || text.includes("e") || text.includes("E")) {
      const value = Number(text.replace(",", "."));
      if (value < 0) this.negative ??= { line, value: cell };
      if (!Number.isFinite(value)) this.infinite ??= { line, value: cell };
    }
  }

  /**
   * Records the cell `text.slice(start, end)` (already trimmed) without
   * copying it when it is a plain decimal number, the common case.
   */
  observeRange(text: string, start: number, end: number, line: number): void {
    let i = start;
    let code = text.charCodeAt(i);
    const negative = code === 45;
    if (negative || code === 43) i++;
    const integerStart = i;
    while (i < end && (code = text.charCodeAt(i)) >= 48 && code <= 57) i++;
    const integerDigits = i - integerStart;
    let fractionDigits = -1;
    if (i < end && text.charCodeAt(i) === 46) {
      const fractionStart = ++i;
      while (i < end && (code = text.charCodeAt(i)) >= 48 && code <= 57) i++;
      fractionDigits = i - fractionStart;
    }
    const simple = i === end &&
      integerDigits + Math.max(0, fractionDigits) > 0 &&
      integerDigits < 300 && !this.#hasUnits;
    if (!simple) {
      this.observe(text.slice(start, end), line);
      return;
    }

    this.#values++;
    this.#numbers++;
    this.#bare ??= { line, value: text.slice(start, end) };
    const styles = plainNumberStyles(integerDigits, fractionDigits);
    if ((this.#styles & styles) === 0 && this.conflict === undefined) {
      this.conflict = { line, value: text.slice(start, end) };
    }
    this.#styles &= styles;
    if (
      negative && this.negative === undefined &&
      Number(text.slice(start, end)) < 0
    ) {
      this.negative = { line, value: text.slice(start, end) };
    }
  }

  /** The number of non-missing cells seen. */
  get valueCount(): number {
    return this.#values;
  }

  /** The number of cells that read as numbers (with a known unit, if any). */
  get numberCount(): number {
    return this.#numbers;
  }

  /**
   * Decides the column's format.
   *
   * A column is text when fewer than half of its non-missing values read as
   * numbers, since codes such as hexadecimal cell ids are sometimes all
   * digits. A column of numbers with any cell that does not read as one is
   * `unreadable`, naming the first such cell.
   *
   * @param delimiter The file's delimiter, which breaks ties between
   * `comma-grouped` and `decimal-comma`.
   * @returns The format, or the problem (with the offending cell) that keeps
   * the column from being read.
   */
  decide(delimiter: string): NumberFormat | NumberProblem {
    if (this.#values === 0) return { kind: "empty", reason: "has no values" };
    const unreadable = firstCell(this.nonNumeric, this.unknownUnit);
    if (unreadable !== undefined) {
      // A cell such as `1O` is a typo unless other cells carry known units.
      const reason = unreadable === this.unknownUnit && this.#units.size > 0
        ? "has a unit not in the unit table"
        : "is not a number";
      const kind = this.#numbers * 2 < this.#values ? "text" : "unreadable";
      return { kind, reason, cell: unreadable };
    }
    if (this.conflict) {
      return {
        kind: "mixed",
        reason: "mixes number styles (decimal marks or thousands separators)",
        cell: this.conflict,
      };
    }
    if (this.#units.size > 0 && this.#bare) {
      return {
        kind: "mixed",
        reason: "mixes numbers with and without units",
        cell: this.#bare,
      };
    }
    const style = pickStyle(this.#styles, delimiter);
    if (this.#units.size === 1) {
      return { style, unit: [...this.#units.keys()][0] };
    }
    if (this.#units.size > 1) {
      return { style, unit: "bit/s", convertedToBitsPerSecond: true };
    }
    return { style };
  }
}

/** Returns the cell on the earlier line, or the one that is defined. */
function firstCell(
  a: CellRef | undefined,
  b: CellRef | undefined,
): CellRef | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return b.line < a.line ? b : a;
}

/**
 * Returns the styles a plain decimal number fits, from its digit counts
 * (`fractionDigits` is -1 without a decimal point). `1.234` also reads as
 * 1234 with a dot as thousands separator.
 */
function plainNumberStyles(
  integerDigits: number,
  fractionDigits: number,
): number {
  if (integerDigits === 0) return PLAIN;
  if (fractionDigits === -1) return ALL_STYLES;
  if (fractionDigits === 3 && integerDigits <= 3) {
    return ALL_STYLES & ~DECIMAL_COMMA;
  }
  return PLAIN | COMMA_GROUPED;
}

function pickStyle(styles: number, delimiter: string): NumberStyle {
  if (styles & PLAIN) return "plain";
  const commaFirst = delimiter === ",";
  if (commaFirst && styles & COMMA_GROUPED) return "comma-grouped";
  if (styles & DECIMAL_COMMA) return "decimal-comma";
  if (styles & COMMA_GROUPED) return "comma-grouped";
  return "dot-grouped";
}

/**
 * Builds the parser of a column's cells. Missing cells give NaN; anything
 * else that does not read as a number gives undefined, so the caller can name
 * the cell.
 *
 * @param format The column's format from {@linkcode NumberProfile.decide}.
 * @returns A function from a trimmed cell to its value.
 *
 * @example
 * ```ts
 * import { numberParser } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * const parse = numberParser({ style: "dot-grouped" });
 * assert.equal(parse("1.604.118,5"), 1604118.5);
 * assert.ok(Number.isNaN(parse("-")));
 * ```
 */
export function numberParser(
  format: NumberFormat,
): (cell: string) => number | undefined {
  const normalize = NORMALIZERS[format.style];
  if (format.unit === undefined) {
    return (cell) => {
      if (cell.length === 0) return NaN;
      const value = Number(normalize(cell));
      if (value === value) return value;
      return MISSING_VALUES.has(cell) ? NaN : undefined;
    };
  }
  const convert = format.convertedToBitsPerSecond === true;
  return (cell) => {
    if (MISSING_VALUES.has(cell)) return NaN;
    const parts = splitUnit(cell);
    if (parts === undefined) return undefined;
    const factor = convert ? unitFactor(parts.unit) : 1;
    if (factor === undefined || (!convert && parts.unit !== format.unit)) {
      return undefined;
    }
    const value = Number(normalize(parts.number));
    return value === value ? value * factor : undefined;
  };
}

const NORMALIZERS: Record<NumberStyle, (text: string) => string> = {
  "plain": (text) => text,
  "comma-grouped": (text) => text.replaceAll(",", ""),
  "decimal-comma": (text) => text.replace(",", "."),
  "dot-grouped": (text) => text.replaceAll(".", "").replace(",", "."),
};

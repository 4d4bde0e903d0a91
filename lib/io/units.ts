/**
 * The table of rate units accepted after a number, such as `1.23 Mb/s` or
 * `850 kbps`, and their factors to bit/s.
 *
 * Prefixes are decimal (k = 1e3, M = 1e6, G = 1e9, T = 1e12), as network
 * equipment counts; `Ki`, `Mi`, `Gi`, `Ti` are binary (powers of 1024). A
 * capital `B` is a byte (8 bits), a lowercase `b` a bit. A lowercase `m`
 * would mean milli, so `mb/s` is rejected as ambiguous rather than guessed.
 *
 * @module
 */

const PREFIXES: Record<string, number> = {
  "": 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  g: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

const BIT_UNITS = ["b/s", "bps", "bit/s", "bits/s"];
const BYTE_UNITS = ["B/s", "Bps", "byte/s", "bytes/s"];

const UNIT_PATTERN = /^(Ki|Mi|Gi|Ti|[kKMGgT]?)(.*)$/;

/**
 * Returns the factor that converts a value in `unit` to bit/s, or undefined
 * when the unit is not in the table.
 *
 * @param unit A unit such as `Mb/s`, `kbps`, `MB/s` or `Gbit/s`.
 * @returns The factor to bit/s, or undefined for an unknown unit.
 *
 * @example
 * ```ts
 * import { unitFactor } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(unitFactor("Mb/s"), 1e6);
 * assert.equal(unitFactor("kB/s"), 8e3);
 * assert.equal(unitFactor("mb/s"), undefined);
 * ```
 */
export function unitFactor(unit: string): number | undefined {
  const match = UNIT_PATTERN.exec(unit);
  if (match === null) return undefined;
  const prefix = PREFIXES[match[1]];
  const base = match[2];
  if (BIT_UNITS.includes(base)) return prefix;
  if (BYTE_UNITS.includes(base)) return prefix * 8;
  return undefined;
}

/** A number followed by a unit: the number part and the unit. */
const NUMBER_WITH_UNIT =
  /^([+-]?[0-9][0-9.,]*(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z/]+)$/;

/**
 * Splits a cell such as `1.23 Mb/s` into its number text and its unit.
 *
 * @param cell A trimmed cell.
 * @returns The number text and the unit, or undefined when the cell does not
 * end in letters.
 */
export function splitUnit(
  cell: string,
): { number: string; unit: string } | undefined {
  const match = NUMBER_WITH_UNIT.exec(cell);
  if (match === null) return undefined;
  return { number: match[1], unit: match[2] };
}

/**
 * Finds the time column, the layout (wide or long) and the columns a user
 * names on the command line.
 *
 * @module
 */

import { RELATIVE_SECONDS_NAME } from "./time_profile.ts";
import { UsageError } from "./usage_error.ts";

/** Names that mark a time column (case-insensitive, whole name). */
const TIME_NAME =
  /^(time|timestamp|date|datetime|date_?time|ts|epoch|unix_?time|time_?utc|time \(utc\))$/i;

/** Names of the series id column of long input. */
const ID_NAMES = ["item_id", "unique_id", "series_id", "series", "id"];
/** Names of the value column of long input. */
const VALUE_NAMES = ["target", "value", "y"];

/**
 * Resolves a column given by name or by 1-based position.
 *
 * @param header The column names.
 * @param key A name, or a number such as `2` for the second column.
 * @param option The command-line option, for the message.
 * @returns The 0-based column index.
 * @throws {UsageError} When no column matches; the message lists the first
 * 8 column names.
 *
 * @example
 * ```ts
 * import { findColumn } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(findColumn(["time", "bytes"], "bytes", "--columns"), 1);
 * assert.equal(findColumn(["time", "bytes"], "1", "--columns"), 0);
 * ```
 */
export function findColumn(
  header: string[],
  key: string,
  option: string,
): number {
  const byName = header.indexOf(key);
  if (byName !== -1) return byName;
  const position = Number(key);
  if (
    Number.isInteger(position) && position >= 1 && position <= header.length
  ) {
    return position - 1;
  }
  const known = header.slice(0, 8).map((name) => `'${shorten(name)}'`).join(
    ", ",
  );
  throw new UsageError(
    `Invalid ${option} '${key}': no column has that name or position; the columns are ${known}${
      header.length > 8 ? `, ... (${header.length} in all)` : ""
    }`,
  );
}

/**
 * Picks the time column: the one named by the user, else the first whose name
 * is `time`, `timestamp`, `date`, `datetime` or a relative-seconds name such
 * as `second` or `time_s`.
 *
 * @param header The column names.
 * @param requested The `--time-column` value, if any.
 * @returns The 0-based index, or -1 when the file has no time column.
 */
export function findTimeColumn(header: string[], requested?: string): number {
  if (requested !== undefined) {
    return findColumn(header, requested, "--time-column");
  }
  return header.findIndex((name) =>
    TIME_NAME.test(name) || RELATIVE_SECONDS_NAME.test(name)
  );
}

/** The id and value columns of long input. */
export interface LongColumns {
  /** 0-based index of the series id column. */
  id: number;
  /** 0-based index of the value column. */
  value: number;
}

/**
 * Finds the id and value columns of long input by name (`item_id`,
 * `unique_id`, `series_id`, `series` or `id`; `target`, `value` or `y`).
 *
 * @param header The column names.
 * @returns The columns, or undefined when the names do not mark long input.
 */
export function findLongColumns(header: string[]): LongColumns | undefined {
  const lower = header.map((name) => name.toLowerCase());
  const id = lower.findIndex((name) => ID_NAMES.includes(name));
  const value = lower.findIndex((name) => VALUE_NAMES.includes(name));
  if (id === -1 || value === -1) return undefined;
  return { id, value };
}

/**
 * Shortens a long column name for messages.
 *
 * @param name The name.
 * @returns The name, cut to 40 characters with an ellipsis.
 */
export function shorten(name: string): string {
  return name.length <= 40 ? name : name.slice(0, 39) + "…";
}

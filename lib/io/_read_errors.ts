/**
 * Errors of the second pass over an input file, shared by the wide and the
 * long reader.
 *
 * @module
 */

import { shorten } from "./columns.ts";
import type { TableScan } from "./table_scan.ts";

/**
 * Builds the error for a timestamp that no longer fits the format that the
 * first pass detected.
 */
export function timeError(
  scan: TableScan,
  line: number,
  cell: string,
): RangeError {
  return new RangeError(
    `Cannot read ${scan.name}: line ${line} has the timestamp '${cell}', which no longer fits the column's format; the file changed while it was read`,
  );
}

/**
 * Builds the error for a cell that does not read in its column's number format.
 */
export function valueError(
  scan: TableScan,
  line: number,
  name: string,
  cell: string,
): RangeError {
  return new RangeError(
    `Cannot read ${scan.name}: line ${line}, column '${shorten(name)}' has '${
      shorten(cell)
    }', which is not a number in the column's format`,
  );
}

/**
 * The slot grid of a run: where slots start, how long they are and how many
 * there are, from the timestamps and the options.
 *
 * @module
 */

import type { Grid } from "./coarse_source.ts";
import type { TableScan } from "./table_scan.ts";

/** Options that shape the grid. */
export interface GridOptions {
  /** Slot length in seconds; inferred from the timestamps when unset. */
  slot?: number;
  /** Average samples into slots of this many seconds. */
  resample?: number;
  /** The first slot's start, when the input has no time column (ms). */
  startMs?: number;
}

/**
 * Lays out the grid of a run.
 *
 * With a time column, the grid starts at the earliest timestamp and ends at
 * the slot of the latest. The slot length is `--resample`, else `--slot`,
 * else the most common positive step between rows. Without a time column,
 * each row is one slot of `--slot` seconds.
 *
 * @param scan The first pass's result.
 * @param options The slot and resample options.
 * @returns The grid.
 * @throws {RangeError} When the slot cannot be decided.
 */
export function layOutGrid(scan: TableScan, options: GridOptions): Grid {
  const seconds = options.resample ?? options.slot;
  if (seconds !== undefined && !(seconds > 0 && Number.isFinite(seconds))) {
    throw new RangeError(
      `Invalid slot length ${seconds} s: pass a number of seconds > 0`,
    );
  }
  if (scan.time === undefined) {
    if (seconds === undefined || options.resample !== undefined) {
      throw new RangeError(
        `Cannot lay out slots: ${scan.name} has no time column (none is named time, timestamp, date or second); pass --time-column NAME, or --slot SECONDS to read one row per slot`,
      );
    }
    return {
      startMs: options.startMs ?? 0,
      slotMs: seconds * 1000,
      slots: scan.rows,
    };
  }
  const { firstMs, lastMs, modalStepMs } = scan.time.summary;
  const slotMs = seconds !== undefined ? seconds * 1000 : modalStepMs;
  if (!(slotMs > 0)) {
    throw new RangeError(
      `Cannot infer the slot length: ${scan.name} has a single timestamp; pass --slot SECONDS`,
    );
  }
  return {
    startMs: firstMs,
    slotMs,
    slots: Math.floor((lastMs - firstMs) / slotMs) + 1,
  };
}

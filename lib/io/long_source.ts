/**
 * The second pass over long input (`item_id,timestamp,target`): every series
 * is placed on the common slot grid in memory, then handed out in chunks like
 * wide input.
 *
 * NOTE: long input is held in memory, 16 bytes per grid slot and series
 * (sums and counts), unlike wide input, which streams.
 *
 * @module
 */

import {
  type CoarseChunk,
  slotIndex,
  type SourceOptions,
} from "./coarse_source.ts";
import { timeError, valueError } from "./_read_errors.ts";
import { numberParser } from "./numbers.ts";
import { readDataRecords, Row } from "./records.ts";
import type { TableScan } from "./table_scan.ts";
import { timeReader } from "./time_format.ts";

/** Long input on the grid: each series' first and last slot, and the chunks. */
export interface LongSlots {
  /** Per series, the first and last grid slot that had a row. */
  ranges: [number, number][];
  /**
   * Returns a new generator that covers the grid in order, in chunks of
   * `chunkSlots` slots (the last may be shorter). A slot without values is
   * NaN.
   */
  chunks: () => Generator<CoarseChunk>;
}

/**
 * Loads the selected series of long input onto the grid.
 *
 * @param scan The first pass's result (layout `long`, with a time column).
 * @param options The grid and chunking.
 * @returns The series' ranges and a generator of chunks.
 * @throws {RangeError} Naming the line when a timestamp is off the grid.
 */
export async function loadLongSlots(
  scan: TableScan,
  options: SourceOptions,
): Promise<LongSlots> {
  const long = scan.long!;
  const time = scan.time;
  if (time === undefined) {
    throw new RangeError(
      `Cannot read ${scan.name} as long input: no time column found; pass --time-column`,
    );
  }
  const { grid } = options;
  const positions = new Map(long.ids.map((id, s) => [id, s]));
  const sums = long.ids.map(() => new Float64Array(grid.slots));
  const counts = long.ids.map(() => new Float64Array(grid.slots));
  const ranges = long.ids.map((): [number, number] => [Infinity, -Infinity]);
  const parse = numberParser(long.format);
  const readTime = timeReader(time.summary.format, options.zone);
  const previous = new Map<string, number>();

  const row = new Row(scan.dialect, scan.name);
  for await (const batch of readDataRecords(scan.path, scan.dialect)) {
    for (let r = 0; r < batch.texts.length; r++) {
      const line = batch.lines[r];
      row.load(batch.texts[r], line);
      const id = row.cell(long.id);
      const s = positions.get(id);
      if (s === undefined) continue;
      const cell = row.cell(time.index);
      const ms = readTime(cell, previous.get(id));
      if (ms === undefined) throw timeError(scan, line, cell);
      previous.set(id, ms);
      const slot = slotIndex(ms, grid, options.resample, scan, line, cell);
      const valueCell = row.cell(long.value);
      const value = parse(valueCell);
      if (value === undefined) {
        throw valueError(
          scan,
          line,
          scan.dialect.header[long.value],
          valueCell,
        );
      }
      if (value === value) {
        sums[s][slot] += value;
        counts[s][slot]++;
      }
      if (slot < ranges[s][0]) ranges[s][0] = slot;
      if (slot > ranges[s][1]) ranges[s][1] = slot;
    }
    options.onProgress?.(batch.bytesRead);
  }

  for (let s = 0; s < sums.length; s++) {
    for (let i = 0; i < grid.slots; i++) {
      sums[s][i] = counts[s][i] > 0 ? sums[s][i] / counts[s][i] : NaN;
    }
  }

  function* chunks(): Generator<CoarseChunk> {
    for (let first = 0; first < grid.slots; first += options.chunkSlots) {
      const end = Math.min(grid.slots, first + options.chunkSlots);
      yield { firstSlot: first, values: sums.map((v) => v.slice(first, end)) };
    }
  }
  return { ranges, chunks };
}

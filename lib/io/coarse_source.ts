/**
 * The second pass over an input file: coarse values on a regular slot grid,
 * in chunks of slots, one array per series.
 *
 * Gaps in the timeline become NaN slots. Without resampling, every timestamp
 * must fall on the grid. With resampling, each slot is the mean of the
 * samples whose timestamps fall in it (missing values left out, not weighted
 * by the time each sample covers), and a slot without samples is NaN.
 *
 * @module
 */

import { numberParser } from "./numbers.ts";
import { timeError, valueError } from "./_read_errors.ts";
import { readDataRecords, Row } from "./records.ts";
import type { TableScan } from "./table_scan.ts";
import { timeReader } from "./time_format.ts";
import type { TimeZone } from "./time_zone.ts";

/** A regular grid of slots: slot i starts at `startMs + i * slotMs`. */
export interface Grid {
  /** Start of slot 0, in milliseconds since 1970-01-01T00:00:00Z. */
  startMs: number;
  /** Slot length in milliseconds. */
  slotMs: number;
  /** Number of slots. */
  slots: number;
}

/** Consecutive slots of every series. */
export interface CoarseChunk {
  /** Index of the chunk's first slot on the grid. */
  firstSlot: number;
  /** One array per series, all of the same length. */
  values: Float64Array[];
}

/** Options of the second pass. */
export interface SourceOptions {
  /** The zone of local times without an offset. */
  zone: TimeZone;
  /** The grid that values are placed on. */
  grid: Grid;
  /** Average samples into slots instead of requiring one row per slot. */
  resample: boolean;
  /** Slots per chunk. */
  chunkSlots: number;
  /** Called with the bytes read so far, for progress reports. */
  onProgress?: (bytesRead: number) => void;
}

/**
 * Reads the selected columns of wide input as chunks of slots.
 *
 * @param scan The first pass's result.
 * @param options The grid and chunking.
 * @returns An async iterator of chunks covering the grid in order.
 * @throws {RangeError} Naming the line when a timestamp is off the grid.
 */
export async function* readWideSlots(
  scan: TableScan,
  options: SourceOptions,
): AsyncGenerator<CoarseChunk> {
  const { grid, chunkSlots } = options;
  const series = scan.series;
  const parsers = series.map((column) => numberParser(column.format));
  const readTime = scan.time &&
    timeReader(scan.time.summary.format, options.zone);
  const timeIndex = scan.time?.index ?? -1;
  const sums = new Float64Array(series.length);
  const counts = new Float64Array(series.length);
  let chunk = newChunk(0, series.length, chunkSlots);
  let filled = 0;
  let current = 0;
  let previousMs: number | undefined;
  let rowIndex = 0;

  function* flushSlot(): Generator<CoarseChunk> {
    for (let s = 0; s < series.length; s++) {
      chunk.values[s][filled] = counts[s] > 0 ? sums[s] / counts[s] : NaN;
    }
    sums.fill(0);
    counts.fill(0);
    current++;
    if (++filled === chunkSlots) {
      yield chunk;
      chunk = newChunk(current, series.length, chunkSlots);
      filled = 0;
    }
  }

  const row = new Row(scan.dialect, scan.name);
  for await (const batch of readDataRecords(scan.path, scan.dialect)) {
    for (let r = 0; r < batch.texts.length; r++) {
      row.load(batch.texts[r], batch.lines[r]);
      const line = batch.lines[r];
      let slot = rowIndex++;
      if (readTime !== undefined) {
        const cell = row.cell(timeIndex);
        const ms = readTime(cell, previousMs);
        if (ms === undefined) throw timeError(scan, line, cell);
        previousMs = ms;
        slot = slotIndex(ms, grid, options.resample, scan, line, cell);
      }
      while (current < slot) yield* flushSlot();
      for (let s = 0; s < series.length; s++) {
        const cell = row.cell(series[s].index);
        const value = parsers[s](cell);
        if (value === undefined) {
          throw valueError(scan, line, series[s].name, cell);
        }
        if (value === value) {
          sums[s] += value;
          counts[s]++;
        }
      }
      if (!options.resample) yield* flushSlot();
    }
    options.onProgress?.(batch.bytesRead);
  }
  if (options.resample) yield* flushSlot();
  while (current < grid.slots) yield* flushSlot();
  if (filled > 0) yield trimChunk(chunk, filled);
}

/**
 * Returns the grid slot of an instant. An instant off the grid is an error
 * unless resampling, which takes the slot the instant falls in.
 */
export function slotIndex(
  ms: number,
  grid: Grid,
  resample: boolean,
  scan: TableScan,
  line: number,
  cell: string,
): number {
  const position = (ms - grid.startMs) / grid.slotMs;
  if (resample) return Math.floor(position);
  if (!Number.isInteger(position)) {
    throw new RangeError(
      `Cannot read ${scan.name}: line ${line} has the timestamp '${cell}', which is not on the grid of ${
        grid.slotMs / 1000
      } s slots that starts at the first row; pass --slot SECONDS for another slot length, or --resample SECONDS to average samples into slots`,
    );
  }
  return position;
}

function newChunk(
  firstSlot: number,
  series: number,
  slots: number,
): CoarseChunk {
  const values: Float64Array[] = [];
  for (let s = 0; s < series; s++) values.push(new Float64Array(slots));
  return { firstSlot, values };
}

function trimChunk(chunk: CoarseChunk, slots: number): CoarseChunk {
  return {
    firstSlot: chunk.firstSlot,
    values: chunk.values.map((values) => values.slice(0, slots)),
  };
}

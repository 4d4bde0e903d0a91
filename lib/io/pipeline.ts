/**
 * A whole run from CSV file to CSV file: scan, slot grid, series blocks,
 * output rows, atomic commit and the run's report. `augment` generates fine
 * bins; `coarsen` averages fine input into slots.
 *
 * @module
 */

import type { KthParams, VarianceStrategy } from "../../mod.ts";
import type { Grid, SourceOptions } from "./coarse_source.ts";
import { readWideSlots } from "./coarse_source.ts";
import { layOutGrid } from "./grid.ts";
import { loadLongSlots } from "./long_source.ts";
import { writeOutput } from "./output_writer.ts";
import { Progress } from "./progress.ts";
import { checkInputFile, checkOutputPath } from "./_run_paths.ts";
import type { BlockConfig, SeriesCheck } from "./series_block.ts";
import { scanTable, type TableScan } from "./table_scan.ts";
import type { TimeFormat } from "./time_format.ts";
import { TimeZone } from "./time_zone.ts";

/** Options of a run; the command-line flags map onto these one to one. */
export interface RunOptions {
  /**
   * Path of the INPUT CSV file, or `-` for standard input, which is copied to
   * a temporary file first.
   */
  input: string;
  /** Path of the OUTPUT CSV file, or `-` to write standard output as it goes. */
  output: string;
  /** Fine bin width in seconds (augment). */
  dt: number;
  /**
   * Slot length in seconds. Unset, `augment` takes the most common step
   * between timestamps and `coarsen` takes 300. `augment` ignores it when
   * `resample` is set.
   */
  slot?: number;
  /**
   * Seed of the random streams. Each series draws from its own stream, keyed
   * by this seed and the series key.
   */
  seed: number | string;
  /**
   * Time column, by name or 1-based position. Unset, the first column with a
   * time name such as `time`, `timestamp` or `second`, or none.
   */
  timeColumn?: string;
  /**
   * Value columns of wide input, by name or 1-based position, or series ids
   * of long input. Unset, every numeric column or every id.
   */
  columns?: string[];
  /**
   * Output layout: `wide` (a time column and one column per series) or `long`
   * (`item_id,timestamp,target` rows).
   */
  format: "wide" | "long";
  /**
   * Input layout. Unset, `long` when the header has an id and a value column
   * (such as `item_id` and `target`), else `wide`.
   */
  inputFormat?: "wide" | "long";
  /**
   * True to rescale every slot so that its fine bins average exactly to its
   * coarse value (augment).
   */
  conserve: boolean;
  /**
   * With `carry`, sessions and ON/OFF states run on into the next slot, and
   * `drop` cuts them at the slot's end (augment).
   */
  spill: "carry" | "drop";
  /** Variance strategy of the generator (augment only); default `DEFAULT_STRATEGY`. */
  strategy?: VarianceStrategy;
  /** Process series K, K+N, ... (1-based K). */
  shard?: { index: number; count: number };
  /**
   * Number of Web Workers, at most one per series, each taking a contiguous
   * block of whole series. With 1, or with a single series, everything runs
   * in the main thread.
   */
  workers: number;
  /** True to draw a progress bar on standard error. */
  progress: boolean;
  /**
   * Timestamp format: a strftime pattern such as `%d/%m/%Y %H:%M`, or
   * `epoch`, `epoch-ms` or `seconds`. Unset, it is detected from all rows.
   */
  timeFormat?: string;
  /**
   * IANA time zone, such as `UTC` or `Europe/Stockholm`, of timestamps without
   * an offset, read and written.
   */
  tz: string;
  /**
   * Slot length in seconds into which `augment` first averages irregular or
   * repeated samples. Unset, each timestamp must fall on the slot grid once.
   */
  resample?: number;
  /** Start of the first slot when the input has no time column (ms). */
  startMs?: number;
  /** Input field separator (`,`, `;`, a tab or `|`), detected when unset. */
  delimiter?: string;
  /**
   * 1-based line number of the input's header, detected when unset. It must
   * be within the first 200 lines.
   */
  headerLine?: number;
  /** Engine parameters other than `T` and `dt`. */
  params?: Partial<KthParams>;
}

/** Outcome of a run, for the report and the summary line. */
export interface RunResult {
  /**
   * The first pass over the input: dialect, layout, time column and number
   * formats.
   */
  scan: TableScan;
  /** The slot grid that the input was read onto. */
  grid: Grid;
  /**
   * Keys of the series written, in output order: column names (wide input) or
   * item ids (long input).
   */
  series: string[];
  /** One check of output against input per series, in the order of `series`. */
  checks: SeriesCheck[];
  /** Output rows per slot. */
  binsPerSlot: number;
  /**
   * Values on the output grid: slots times `binsPerSlot` times series. NaN
   * values count, and so do the slots that long output leaves out before a
   * long-input series' first row or after its last.
   */
  valuesWritten: number;
  /** Bytes of CSV written, header included. */
  bytesWritten: number;
  /** Wall-clock time of the run, in seconds. */
  seconds: number;
  /**
   * Format of output timestamps: the input's, or ISO 8601 in UTC when the input
   * has no time column.
   */
  outputTimeFormat: TimeFormat;
}

/** Fine values per chunk, summed over series: bounds memory per chunk. */
const CHUNK_VALUES = 1 << 16;

const ISO_FORMAT: TimeFormat = {
  kind: "pattern",
  pattern: "%Y-%m-%dT%H:%M:%S%z",
  shortFields: 0,
  offsetStyle: "Z",
  fixedOffsetMinutes: 0,
};

/**
 * Runs a conversion.
 *
 * @param mode `augment` (coarse to fine) or `coarsen` (fine to coarse means).
 * @param options The run's options.
 * @returns What was done; the output file exists only when this resolves.
 * @throws {TypeError} When INPUT cannot be read or OUTPUT cannot be written.
 * @throws {UsageError} When OUTPUT is a directory or the INPUT file, or an
 * option names a column that does not exist.
 * @throws {RangeError} On bad input or options; the output is then not created.
 */
export async function runPipeline(
  mode: "augment" | "coarsen",
  options: RunOptions,
): Promise<RunResult> {
  const started = performance.now();
  const zone = new TimeZone(options.tz);
  if (options.input !== "-") await checkInputFile(options.input);
  await checkOutputPath("OUTPUT", options.output, options.input);
  const input = options.input === "-" ? await spoolStdin() : options.input;
  try {
    const size = (await Deno.stat(input)).size;
    const progress = new Progress(options.progress, size);
    progress.phase("reading");
    const resample = mode === "coarsen"
      ? options.slot ?? 300
      : options.resample;
    const scan = await scanTable(input, {
      zone,
      timeColumn: options.timeColumn,
      timeFormat: options.timeFormat,
      inputFormat: options.inputFormat,
      columns: options.columns,
      allowDuplicates: resample !== undefined,
      delimiter: options.delimiter,
      headerLine: options.headerLine,
      displayName: options.input === "-" ? "standard input" : options.input,
      onProgress: (bytes) => progress.update(bytes),
    });
    const grid = layOutGrid(scan, {
      slot: options.slot,
      resample,
      startMs: options.startMs,
    });
    const bins = mode === "augment" ? binsFor(grid.slotMs, options.dt) : 1;
    const series = selectShard(scan, options.shard);
    const chunkSlots = Math.max(
      1,
      Math.floor(CHUNK_VALUES / (series.length * bins)),
    );
    progress.phase("writing");
    const sourceOptions: SourceOptions = {
      zone,
      grid,
      resample: resample !== undefined,
      chunkSlots,
      onProgress: (bytes) => progress.update(bytes),
    };
    const source = scan.layout === "long"
      ? await loadLongSlots(scan, sourceOptions)
      : undefined;
    const chunks = source?.chunks() ?? readWideSlots(scan, sourceOptions);
    const outputTimeFormat = scan.time?.summary.format ?? ISO_FORMAT;
    const blockConfig: Omit<BlockConfig, "keys" | "writesTime" | "ranges"> = {
      mode,
      generate: {
        seed: options.seed,
        conserve: options.conserve,
        spill: options.spill,
        strategy: options.strategy,
        params: { ...options.params, T: grid.slotMs / 1000, dt: options.dt },
      },
      layout: options.format,
      time: {
        format: outputTimeFormat,
        zone: options.tz,
        startMs: grid.startMs,
        stepMs: grid.slotMs / bins,
      },
      binsPerSlot: bins,
      standalone: true,
    };
    const written = await writeOutput(
      options,
      scan,
      series,
      blockConfig,
      chunks,
      source?.ranges,
    );
    progress.done();
    return {
      scan,
      grid,
      series,
      checks: written.checks,
      binsPerSlot: bins,
      valuesWritten: grid.slots * bins * series.length,
      bytesWritten: written.bytes,
      seconds: (performance.now() - started) / 1000,
      outputTimeFormat,
    };
  } finally {
    if (options.input === "-") await Deno.remove(input).catch(() => {});
  }
}

function binsFor(slotMs: number, dt: number): number {
  const bins = slotMs / (dt * 1000);
  if (!(dt > 0) || !Number.isInteger(bins) || bins < 1) {
    throw new RangeError(
      `Cannot split ${
        slotMs / 1000
      } s slots into bins of --dt ${dt} s: the slot must be a whole multiple of dt; pass another --dt, or --resample SECONDS to average fine input into longer slots first`,
    );
  }
  return bins;
}

/** Keeps the series of the shard, and returns their keys. */
function selectShard(
  scan: TableScan,
  shard: RunOptions["shard"],
): string[] {
  const keep = <T>(items: T[]) =>
    shard === undefined
      ? items
      : items.filter((_, i) => i % shard.count === shard.index - 1);
  if (scan.long !== undefined) {
    scan.long.ids = keep(scan.long.ids);
    return scan.long.ids;
  }
  scan.series = keep(scan.series);
  return scan.series.map((column) => column.name);
}

/** Copies standard input to a temporary file, since scanning reads twice. */
async function spoolStdin(): Promise<string> {
  const path = await Deno.makeTempFile({
    prefix: "augment-stdin-",
    suffix: ".csv",
  });
  using file = await Deno.open(path, { write: true });
  await Deno.stdin.readable.pipeTo(file.writable, { preventClose: true });
  return path;
}

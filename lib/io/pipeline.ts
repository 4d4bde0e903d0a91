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
  input: string;
  output: string;
  /** Fine bin width in seconds (augment). */
  dt: number;
  slot?: number;
  seed: number | string;
  timeColumn?: string;
  columns?: string[];
  format: "wide" | "long";
  inputFormat?: "wide" | "long";
  conserve: boolean;
  spill: "carry" | "drop";
  /** Variance strategy of the generator (augment only); default `DEFAULT_STRATEGY`. */
  strategy?: VarianceStrategy;
  /** Process series K, K+N, ... (1-based K). */
  shard?: { index: number; count: number };
  workers: number;
  progress: boolean;
  timeFormat?: string;
  tz: string;
  resample?: number;
  /** Start of the first slot when the input has no time column (ms). */
  startMs?: number;
  delimiter?: string;
  headerLine?: number;
  /** Engine parameters other than `T` and `dt`. */
  params?: Partial<KthParams>;
}

/** Outcome of a run, for the report and the summary line. */
export interface RunResult {
  scan: TableScan;
  grid: Grid;
  series: string[];
  checks: SeriesCheck[];
  /** Output rows per slot. */
  binsPerSlot: number;
  valuesWritten: number;
  bytesWritten: number;
  seconds: number;
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

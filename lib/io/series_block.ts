/**
 * A block of series processed together: each series' fine stream, the CSV
 * text of their output rows, and the checks of the output against the input.
 *
 * A block runs in the main thread or in a worker; its configuration is plain
 * data so that it can be posted to one.
 *
 * @module
 */

import {
  type AugmentationReport,
  coarsenFineToSlots,
  FineSeriesStream,
  type GenerateOptions,
  summaryErrors,
} from "../../mod.ts";
import { ByteBuffer, escapeCsvField, formatValue } from "./csv_write.ts";
import { type TimeFormat, timeWriter } from "./time_format.ts";
import { TimeZone } from "./time_zone.ts";

/** Everything a block needs, as plain data. */
export interface BlockConfig {
  /** `augment` generates fine bins; `coarsen` writes the slots as they are. */
  mode: "augment" | "coarsen";
  /** Series keys: column names or item ids. */
  keys: string[];
  /** Options of every series' generator, except the key. */
  generate: Omit<GenerateOptions, "seriesKey">;
  /** Output layout. */
  layout: "wide" | "long";
  /** True for the block that writes the time column of wide output. */
  writesTime: boolean;
  /** Format and zone of output timestamps, first instant and step. */
  time: { format: TimeFormat; zone: string; startMs: number; stepMs: number };
  /** Output rows per slot: `T / dt`, or 1 when coarsening. */
  binsPerSlot: number;
  /** Long output: per series, the first and last slot to write. */
  ranges?: [number, number][];
  /**
   * True when the block's rows are the whole output rows. Otherwise wide rows
   * come without their line end, and `rowEnds` marks where each row ends, so
   * that the rows of several blocks can be joined.
   */
  standalone: boolean;
}

/** Output of a block for one chunk: UTF-8 text of its rows. */
export interface BlockBytes {
  /**
   * Time steps in `bytes`: fine bins (augment) or slots (coarsen). Long
   * output writes up to one line per series for each.
   */
  rows: number;
  /** The rows as UTF-8 CSV text, without the header. */
  bytes: Uint8Array<ArrayBuffer>;
  /** End of each row in `bytes`, unless the block is standalone. */
  rowEnds?: Int32Array<ArrayBuffer>;
}

/** Checks of one series' output against its input. */
export interface SeriesCheck {
  /** The series' key: its column name (wide input) or item id (long input). */
  key: string;
  /**
   * The generator's report of the series, which `finish()` sets in `augment`
   * mode only.
   */
  report?: AugmentationReport;
  /** Largest relative gap between a re-aggregated slot and its input. */
  conservationError: number;
  /** MAE, RMSE and MAPE of re-aggregated output against input. */
  errors: {
    mae: number;
    rmse: number;
    mape: number;
    count: number;
    mapeSkipped: number;
  };
  /** Slots where input and re-aggregated output disagree on being NaN. */
  nanMismatches: number;
}

/** Generates and formats the output of a block of series. */
export class SeriesBlock {
  readonly #config: BlockConfig;
  readonly #streams: FineSeriesStream[];
  readonly #labels: string[];
  readonly #writeTime: (instantMs: number) => string;
  readonly #checks: SeriesCheck[];
  readonly #sums: {
    absolute: number;
    squared: number;
    percent: number;
    percentCount: number;
  }[];
  readonly #pending: number[][];
  /** Reused cells of one wide row. */
  readonly #cells: string[];
  #row = 0;

  /**
   * Creates a block, with one generator per series in `augment` mode.
   *
   * @param config The block's configuration.
   * @throws {RangeError} When a generator parameter or option is invalid.
   */
  constructor(config: BlockConfig) {
    this.#config = config;
    this.#streams = config.mode === "augment"
      ? config.keys.map((key) =>
        new FineSeriesStream({ ...config.generate, seriesKey: key })
      )
      : [];
    this.#labels = config.keys.map(escapeCsvField);
    const { format, zone, startMs, stepMs } = config.time;
    this.#writeTime = timeWriter(format, new TimeZone(zone), stepMs, startMs);
    this.#checks = config.keys.map((key) => ({
      key,
      conservationError: 0,
      errors: { mae: NaN, rmse: NaN, mape: NaN, count: 0, mapeSkipped: 0 },
      nanMismatches: 0,
    }));
    this.#sums = config.keys.map(() => ({
      absolute: 0,
      squared: 0,
      percent: 0,
      percentCount: 0,
    }));
    this.#pending = config.keys.map(() => []);
    this.#cells = new Array(config.keys.length + (config.writesTime ? 1 : 0));
  }

  /**
   * Takes the next slots of every series and returns the rows now complete.
   *
   * @param values One array of slot values per series of the block.
   * @returns The rows' text.
   */
  push(values: Float64Array[]): BlockBytes {
    if (this.#config.mode === "coarsen") return this.#format(values);
    const fine = values.map((slots, s) => {
      for (const value of slots) this.#pending[s].push(value);
      try {
        return this.#streams[s].push(slots);
      } catch (error) {
        throw new RangeError(
          `Series '${this.#config.keys[s]}': ${(error as Error).message}`,
        );
      }
    });
    this.#check(fine);
    return this.#format(fine);
  }

  /**
   * Returns the last rows and the checks of every series.
   *
   * @returns The rows' text and one check per series.
   */
  finish(): BlockBytes & { checks: SeriesCheck[] } {
    let text: BlockBytes = { rows: 0, bytes: new Uint8Array(0) };
    if (this.#config.mode === "augment") {
      const fine = this.#streams.map((stream) => stream.finish());
      this.#check(fine);
      text = this.#format(fine);
      this.#streams.forEach((stream, s) =>
        this.#checks[s].report = stream.report
      );
    }
    this.#checks.forEach((check, s) => {
      const sums = this.#sums[s];
      const count = check.errors.count;
      check.errors.mae = count > 0 ? sums.absolute / count : NaN;
      check.errors.rmse = count > 0 ? Math.sqrt(sums.squared / count) : NaN;
      check.errors.mape = sums.percentCount > 0
        ? 100 * sums.percent / sums.percentCount
        : NaN;
    });
    return { ...text, checks: this.#checks };
  }

  /** Re-aggregates fine output and compares it with the input slots. */
  #check(fine: Float64Array[]): void {
    const bins = this.#config.binsPerSlot;
    fine.forEach((series, s) => {
      const slots = series.length / bins;
      if (slots === 0) return;
      const coarse = this.#pending[s].splice(0, slots);
      const again = coarsenFineToSlots(series, bins);
      const errors = summaryErrors(coarse, again);
      const check = this.#checks[s];
      const sums = this.#sums[s];
      const percentCount = errors.count - errors.mapeSkipped;
      if (errors.count > 0) {
        sums.absolute += errors.mae * errors.count;
        sums.squared += errors.rmse * errors.rmse * errors.count;
      }
      if (percentCount > 0) {
        sums.percent += errors.mape / 100 * percentCount;
        sums.percentCount += percentCount;
      }
      check.errors.count += errors.count;
      check.errors.mapeSkipped += errors.mapeSkipped;
      for (let i = 0; i < slots; i++) {
        const input = coarse[i];
        if (Number.isNaN(input) !== Number.isNaN(again[i])) {
          check.nanMismatches++;
          continue;
        }
        const gap = Math.abs(again[i] - input) / (input > 0 ? input : 1);
        if (gap > check.conservationError) check.conservationError = gap;
      }
    });
  }

  /** Formats rows. Every array of `fine` has the same number of rows. */
  #format(fine: Float64Array[]): BlockBytes {
    const rows = fine.length > 0 ? fine[0].length : 0;
    const { layout, standalone, writesTime, time } = this.#config;
    const output = new ByteBuffer(rows * (16 + 20 * fine.length));
    const rowEnds = standalone ? undefined : new Int32Array(rows);
    // Rows are encoded in runs of about 64 K characters, except when their
    // byte offsets are needed, because encoding each short row costs more.
    let text = "";
    for (let r = 0; r < rows; r++) {
      const instant = time.startMs + (this.#row + r) * time.stepMs;
      if (layout === "wide") {
        const stamp = writesTime ? this.#writeTime(instant) : undefined;
        text += this.#wideRow(fine, r, stamp);
        if (standalone) text += "\n";
      } else {
        text += this.#longRows(fine, r, this.#writeTime(instant));
      }
      if (rowEnds || text.length > 65_536) {
        output.append(text);
        text = "";
      }
      if (rowEnds) rowEnds[r] = output.length;
    }
    output.append(text);
    this.#row += rows;
    return { rows, bytes: output.take(), rowEnds };
  }

  #wideRow(fine: Float64Array[], r: number, time: string | undefined): string {
    const cells = this.#cells;
    let k = 0;
    if (time !== undefined) cells[k++] = time;
    for (let s = 0; s < fine.length; s++) {
      const value = fine[s][r];
      cells[k++] = value === value ? String(value) : "";
    }
    return cells.join(",");
  }

  #longRows(fine: Float64Array[], r: number, time: string): string {
    const slot = Math.floor((this.#row + r) / this.#config.binsPerSlot);
    const ranges = this.#config.ranges;
    let text = "";
    for (let s = 0; s < fine.length; s++) {
      if (ranges && !(slot >= ranges[s][0] && slot <= ranges[s][1])) continue;
      text += this.#labels[s] + "," + time + "," + formatValue(fine[s][r]) +
        "\n";
    }
    return text;
  }
}

/**
 * The series-level loop: variance targets, solved slot parameters, simulated
 * bins, per-slot rescaling, fallbacks and the report, in one-shot and
 * streaming forms that give bit-identical output.
 *
 * Policy for special slots: a NaN coarse value gives NaN bins, a zero gives
 * zero bins, and both end every running session, so nothing spills into or
 * out of them. Negative, infinite or non-number values are errors.
 *
 * @module
 */

import { type ModelConstants, modelConstants } from "./moments.ts";
import { binsPerSlot, type KthParams, resolveParams } from "./params.ts";
import { createSeriesRandom } from "./random.ts";
import {
  type AugmentationReport,
  emptyReport,
  recordRescale,
  updateRescaleMedian,
} from "./report.ts";
import { SlotSimulator, type SpillMode } from "./simulate.ts";
import { solveWithConstants } from "./solve.ts";
import {
  applyVarianceFloors,
  resolveVarianceRule,
  type VarianceStrategy,
  windowVariance,
} from "./variance_target.ts";

/** Options of the generator. */
export interface GenerateOptions {
  /** Parameters to change from `DEFAULT_PARAMS`. */
  params?: Partial<KthParams>;
  /** The run's seed; default 0. */
  seed?: number | string;
  /** The series' name; each (seed, seriesKey) pair has its own random stream. Default "". */
  seriesKey?: string;
  /** Rescale every slot so its bins average exactly to its coarse value; default true. */
  conserve?: boolean;
  /** "carry" (default) lets sessions and ON/OFF states run on into the next slot; "drop" cuts them. */
  spill?: SpillMode;
  /**
   * A fixed coefficient of variation at dt for every slot, in place of the
   * strategy: the target variance is `(targetCv * m)^2`, still raised to the
   * floors. Shorthand for `strategy: { cv: targetCv }`.
   */
  targetCv?: number;
  /**
   * Source of each slot's target variance at dt; default `DEFAULT_STRATEGY`.
   * A calibration's parameters apply under `params`, so `params` still wins.
   */
  strategy?: VarianceStrategy;
}

/** A generated fine series and what was done to make it. */
export interface GenerateResult {
  /** Fine bins, `T / dt` per slot, in the coarse values' rate units. */
  fine: Float64Array;
  /** Counters and summaries of the run, summed over slots. */
  report: AugmentationReport;
}

/**
 * Redraws of a slot whose simulation gave no volume, before the flat
 * fallback. Only rescaled slots are redrawn: without rescaling an empty slot
 * is a fair draw of the process, and redrawing it would bias the mean up.
 */
const MAX_REDRAWS = 8;

/**
 * Largest and smallest positive coarse values accepted. Squares of rates
 * and sums over windows of them stay finite and normal in between, so no
 * slot can overflow to Infinity or underflow to NaN.
 */
const RATE_RANGE = Object.freeze({ min: 1e-150, max: 1e150 });

/**
 * Checks one coarse value and throws when it cannot be a rate.
 *
 * @param value The value.
 * @param slot Its index in the whole series, for the message.
 * @throws {TypeError} When the value is not a number.
 * @throws {RangeError} When it is negative, infinite, or a positive value
 *   outside 1e-150 to 1e150 (`RATE_RANGE`).
 */
export function validateCoarseValue(value: unknown, slot: number): void {
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot generate fine series: slot ${slot} is not a number (${
        JSON.stringify(value)
      }); pass rates as numbers, NaN for a missing slot`,
    );
  }
  if (value < 0 || value === Infinity || value === -Infinity) {
    throw new RangeError(
      `Cannot generate fine series: slot ${slot} has an invalid rate (${value}); rates must be finite and >= 0, NaN for a missing slot`,
    );
  }
  if (value > 0 && !(value >= RATE_RANGE.min && value <= RATE_RANGE.max)) {
    throw new RangeError(
      `Cannot generate fine series: slot ${slot} has the rate ${value}, outside ${RATE_RANGE.min} to ${RATE_RANGE.max}; convert the series to other units, for example Gbit/s instead of bit/s`,
    );
  }
}

const OPTION_NAMES = new Set([
  "params",
  "seed",
  "seriesKey",
  "conserve",
  "spill",
  "targetCv",
  "strategy",
]);

/** Rejects unknown option names and values of the wrong kind. */
function validateOptions(options: GenerateOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Invalid options: expected an object, got ${JSON.stringify(options)}`,
    );
  }
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.has(name)) {
      throw new TypeError(
        `Invalid option ${name}: unknown; the options are ${
          [...OPTION_NAMES].join(", ")
        }`,
      );
    }
  }
  const { seed, spill, seriesKey } = options;
  if (
    seed !== undefined &&
    !(typeof seed === "string" || Number.isFinite(seed))
  ) {
    throw new RangeError(
      `Invalid option seed: must be a finite number or a string, got ${
        String(seed)
      }`,
    );
  }
  if (spill !== undefined && spill !== "carry" && spill !== "drop") {
    throw new RangeError(
      `Invalid option spill: must be "carry" or "drop", got ${
        JSON.stringify(spill)
      }`,
    );
  }
  if (seriesKey !== undefined && typeof seriesKey !== "string") {
    throw new TypeError(
      `Invalid option seriesKey: must be a string, got ${
        JSON.stringify(seriesKey)
      }`,
    );
  }
}

/** Pushes a whole series into a new stream and finishes it, in one output array. */
let generateWhole: (
  stream: FineSeriesStream,
  coarse: ArrayLike<number>,
) => Float64Array;

/**
 * Generates a fine series from coarse values in chunks, with bounded memory.
 *
 * The variance target of a slot uses a centred window, so output lags input
 * by `floor(window / 2)` slots until {@linkcode FineSeriesStream.finish}.
 * The concatenated output equals that of `generateFineSeriesFromCoarse` on
 * the whole series, bit for bit, whatever the chunk sizes.
 *
 * @example
 * ```ts
 * import { FineSeriesStream, generateFineSeriesFromCoarse } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const coarse = [5, 7, 6, 9, 8, 4];
 * const stream = new FineSeriesStream({ seed: 3 });
 * const parts = [stream.push(coarse.slice(0, 4)), stream.push(coarse.slice(4)), stream.finish()];
 * const joined = parts.flatMap((part) => [...part]);
 * const whole = generateFineSeriesFromCoarse(coarse, { seed: 3 }).fine;
 * assert.deepEqual(joined, [...whole]);
 * ```
 */
export class FineSeriesStream {
  /** The resolved parameters. */
  readonly params: Readonly<KthParams>;
  readonly #constants: ModelConstants;
  readonly #simulator: SlotSimulator;
  readonly #conserve: boolean;
  readonly #targetCv: number | undefined;
  readonly #varianceFactor: number;
  readonly #bins: number;
  readonly #half: number;
  readonly #ring: Float64Array;
  readonly #report = emptyReport();
  #received = 0;
  #next = 0;
  #finished = false;

  /**
   * Creates a stream for one series.
   *
   * @param options Parameters, seed, series key, strategy, conservation and
   *   spill mode, as for `generateFineSeriesFromCoarse`.
   * @throws {RangeError} When a parameter or option is invalid.
   */
  constructor(options: GenerateOptions = {}) {
    validateOptions(options);
    const probe = resolveParams(options.params);
    const rule = resolveVarianceRule(
      options.strategy,
      options.targetCv,
      binsPerSlot(probe),
    );
    this.params = resolveParams({ ...rule.params, ...options.params });
    if (rule.dt !== undefined && rule.dt !== this.params.dt) {
      throw new RangeError(
        `Invalid option strategy: it was calibrated on ${rule.dt}-s bins, but dt is ${this.params.dt} s; generate with dt ${rule.dt}, or calibrate on a trace resampled to ${this.params.dt}-s bins`,
      );
    }
    this.#constants = modelConstants(this.params);
    const uniform = createSeriesRandom(
      options.seed ?? 0,
      options.seriesKey ?? "",
    );
    this.#simulator = new SlotSimulator(
      this.params,
      uniform,
      options.spill ?? "carry",
    );
    this.#conserve = options.conserve ?? true;
    this.#targetCv = rule.cv;
    this.#varianceFactor = rule.factor;
    this.#bins = binsPerSlot(this.params);
    this.#half = Math.floor(this.params.window / 2);
    this.#ring = new Float64Array(2 * this.#half + 1);
  }

  /** The report of the slots processed so far; complete after `finish()`. */
  get report(): AugmentationReport {
    updateRescaleMedian(this.#report);
    return this.#report;
  }

  /**
   * Takes the next coarse values and returns the bins of every slot whose
   * window is complete. A slot's variance target looks `floor(window / 2)`
   * slots ahead, so the bins of the last slots pushed come with later pushes
   * or with `finish()`.
   *
   * @param chunk Coarse mean rates, in order; checked whole before use.
   * @returns Fine bins, `T / dt` per finished slot (possibly none).
   * @throws {TypeError|RangeError} When a value is invalid; nothing is consumed.
   */
  push(chunk: ArrayLike<number>): Float64Array {
    this.#check(chunk);
    const ready = Math.max(
      0,
      this.#received + chunk.length - this.#half - this.#next,
    );
    const out = new Float64Array(ready * this.#bins);
    this.#pushInto(chunk, out, 0);
    return out;
  }

  /**
   * Returns the bins of the slots still held back, and closes the stream.
   *
   * @returns Fine bins of the last `floor(window / 2)` slots or fewer.
   */
  finish(): Float64Array {
    const out = new Float64Array((this.#received - this.#next) * this.#bins);
    this.#finishInto(out, 0);
    return out;
  }

  static {
    // Lets generateFineSeriesFromCoarse write every slot into one array,
    // which saves allocating and copying the output twice.
    generateWhole = (stream, coarse) => {
      stream.#check(coarse);
      const out = new Float64Array(coarse.length * stream.#bins);
      stream.#finishInto(out, stream.#pushInto(coarse, out, 0));
      return out;
    };
  }

  /** Throws when the stream is finished or a value of the chunk is invalid. */
  #check(chunk: ArrayLike<number>): void {
    if (this.#finished) {
      throw new RangeError("Cannot push to a finished FineSeriesStream");
    }
    for (let i = 0; i < chunk.length; i++) {
      validateCoarseValue(chunk[i], this.#received + i);
    }
  }

  /** Takes checked values, writes the bins of each slot they complete from `out[start]` on, and returns the next free index. */
  #pushInto(chunk: ArrayLike<number>, out: Float64Array, start: number) {
    let offset = start;
    for (let i = 0; i < chunk.length; i++) {
      this.#ring[this.#received % this.#ring.length] = chunk[i];
      this.#received++;
      if (this.#received - 1 - this.#half >= this.#next) {
        this.#processSlot(this.#next, this.#received, out, offset);
        offset += this.#bins;
      }
    }
    return offset;
  }

  /** Writes the bins of the slots still held back from `out[start]` on, and closes the stream. */
  #finishInto(out: Float64Array, start: number): void {
    let offset = start;
    while (this.#next < this.#received) {
      this.#processSlot(this.#next, this.#received, out, offset);
      offset += this.#bins;
    }
    this.#finished = true;
  }

  #processSlot(slot: number, end: number, out: Float64Array, offset: number) {
    this.#next++;
    const report = this.#report;
    const bins = this.#bins;
    const mean = this.#ring[slot % this.#ring.length];
    report.slots++;
    if (mean !== mean || mean === 0) {
      out.fill(mean, offset, offset + bins);
      if (mean === 0) report.zeroSlots++;
      else report.nanSlots++;
      this.#simulator.reset();
      return;
    }
    const raw = this.#targetCv === undefined
      ? this.#ringVariance(slot, end) * this.#varianceFactor
      : (this.#targetCv * mean) ** 2;
    const target = applyVarianceFloors(raw, mean, this.params, this.#constants);
    const solution = solveWithConstants(
      mean,
      target.variance,
      this.params,
      this.#constants,
    );
    if (target.floored) report.varianceFloorHits++;
    if (solution.lambdaClamped) report.lambdaClamps++;
    if (solution.psiClamped) report.psiClamps++;
    if (solution.infeasible) report.infeasibleSlots++;
    this.#countSources(solution.sources);
    let sum = this.#simulator.simulate(solution, out, offset);
    if (!this.#conserve) {
      this.#recordGap(sum / bins, mean);
      return;
    }
    for (let redraw = 0; !(sum > 0) && redraw < MAX_REDRAWS; redraw++) {
      report.redraws++;
      sum = this.#simulator.simulate(solution, out, offset);
    }
    if (!(sum > 0)) {
      out.fill(mean, offset, offset + bins);
      report.fallbackSlots++;
      sum = mean * bins;
    } else {
      const factor = mean * bins / sum;
      recordRescale(report, factor);
      sum = rescale(out, offset, offset + bins, factor);
    }
    this.#recordGap(sum / bins, mean);
  }

  #recordGap(fineMean: number, mean: number) {
    const gap = Math.abs(fineMean - mean) / mean;
    const largest = this.#report.maxConservationError;
    // A NaN gap is kept for good, so that the report shows it.
    if (largest !== largest) return;
    if (!(gap <= largest)) {
      this.#report.maxConservationError = gap;
    }
  }

  /** Variance of the finite values in the slot's window, read from the ring. */
  #ringVariance(slot: number, end: number): number {
    const start = Math.max(0, slot - this.#half);
    const stop = Math.min(end, slot + this.#half + 1);
    return windowVariance(this.#ring, start, stop);
  }

  #countSources(sources: number) {
    const report = this.#report;
    if (report.simulatedSlots === 0 || sources < report.sourcesMin) {
      report.sourcesMin = sources;
    }
    if (sources > report.sourcesMax) report.sourcesMax = sources;
    report.sourcesSum += sources;
    report.simulatedSlots++;
  }
}

/**
 * Multiplies `out[from]` up to `out[to - 1]` by `factor` and returns their
 * new sum. Four running sums, added at the end, let the additions of
 * neighbouring bins overlap instead of each waiting for the one before.
 */
function rescale(
  out: Float64Array,
  from: number,
  to: number,
  factor: number,
): number {
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    sum0 += out[i] *= factor;
    sum1 += out[i + 1] *= factor;
    sum2 += out[i + 2] *= factor;
    sum3 += out[i + 3] *= factor;
  }
  for (; i < to; i++) sum0 += out[i] *= factor;
  return (sum0 + sum1) + (sum2 + sum3);
}

/**
 * Generates a fine, bursty series from a coarse one: every slot of `T`
 * seconds becomes `T / dt` bins whose mean equals the slot's value (with
 * `conserve`, to rounding), with ON/OFF bursts whose mean and variance follow
 * the slot's targets.
 *
 * @param coarse Coarse mean rates, one per slot: finite and >= 0, or NaN.
 * @param options Parameters, seed, series key, conservation and spill mode.
 * @returns The fine series and the report.
 * @throws {RangeError} When the series is empty or a value is negative or infinite.
 * @throws {TypeError} When a value is not a number.
 *
 * @example
 * ```ts
 * import { generateFineSeriesFromCoarse } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { fine, report } = generateFineSeriesFromCoarse([120, 80, 100], { seed: 42 });
 * assert.equal(fine.length, 180);
 * const firstSlotMean = fine.slice(0, 60).reduce((a, b) => a + b) / 60;
 * assert.ok(Math.abs(firstSlotMean - 120) < 1e-9 * 120);
 * assert.equal(report.slots, 3);
 * ```
 */
export function generateFineSeriesFromCoarse(
  coarse: ArrayLike<number>,
  options: GenerateOptions = {},
): GenerateResult {
  if (
    coarse === null || typeof coarse !== "object" ||
    typeof coarse.length !== "number"
  ) {
    throw new TypeError(
      `Cannot generate fine series: expected an array of coarse rates, got ${
        JSON.stringify(coarse)
      }`,
    );
  }
  if (coarse.length === 0) {
    throw new RangeError(
      "Cannot generate fine series: the coarse series is empty; pass at least one slot",
    );
  }
  const stream = new FineSeriesStream(options);
  const fine = generateWhole(stream, coarse);
  return { fine, report: stream.report };
}

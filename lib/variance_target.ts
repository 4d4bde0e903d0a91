/**
 * Sources of a slot's target variance at dt. Most start from the rolling
 * variance proxy, the local variance of the coarse series around the slot;
 * the default scales it up to dt (see {@linkcode VarianceStrategy}).
 *
 * The proxy describes how slot means vary from slot to slot, which is a rough
 * stand-in for how bins vary within a slot. Two floors bound every target
 * below: a generic one, `(cvFloor * m)^2`, and the model's own, 1.05 times
 * the ON/OFF variance of `maxSources` sources divided by
 * `1 - shotShareMin`, the least variance they serve while leaving that share
 * to session noise.
 *
 * @module
 */

import { type ModelConstants, modelConstants } from "./moments.ts";
import { type KthParams, resolveParams } from "./params.ts";
import type { Calibration } from "./strategy_calibrated.ts";
import { DEFAULT_STRATEGY, type ScaledTarget } from "./strategy_scaled.ts";

/** Headroom over the model's floor, so the solve keeps a positive shot-noise term. */
const FEASIBILITY_MARGIN = 1.05;

/** A slot's variance target after the floors. */
export interface VarianceTarget {
  /** Target variance of a dt bin, in rate units squared. */
  variance: number;
  /** Whether a floor raised the proxy. */
  floored: boolean;
}

/**
 * Returns the population variance of the finite values at indices
 * [start, end), or 0 when fewer than two are finite. Index i reads
 * `values[i % values.length]`, so a ring buffer of the last values works as
 * well as the whole series.
 *
 * @param values The series, or a ring buffer of its last values.
 * @param start First index, inclusive.
 * @param end Last index, exclusive.
 * @returns The variance, in the values' units squared.
 *
 * @example
 * ```ts
 * import { windowVariance } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(windowVariance([1, NaN, 3], 0, 3), 1);
 * ```
 */
export function windowVariance(
  values: ArrayLike<number>,
  start: number,
  end: number,
): number {
  // The index wraps by a comparison instead of `i % size`, which would cost
  // an integer division per value.
  const size = values.length;
  const first = start % size;
  let count = 0;
  let sum = 0;
  for (let i = start, index = first; i < end; i++) {
    const value = values[index];
    if (value === value) {
      count++;
      sum += value;
    }
    if (++index === size) index = 0;
  }
  if (count < 2) return 0;
  const mean = sum / count;
  let squares = 0;
  for (let i = start, index = first; i < end; i++) {
    const value = values[index];
    if (value === value) squares += (value - mean) * (value - mean);
    if (++index === size) index = 0;
  }
  return squares / count;
}

/**
 * Raises a raw variance target to the generic and the feasibility floors.
 *
 * @param raw The proxy's variance for the slot.
 * @param mean The slot's coarse value, > 0.
 * @param params The generator's parameters.
 * @param constants Output of `modelConstants(params)`.
 * @returns The target and whether a floor raised it.
 *
 * @example A flat series gets the floor of 32 sources
 * ```ts
 * import { applyVarianceFloors, DEFAULT_PARAMS, modelConstants } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const constants = modelConstants(DEFAULT_PARAMS);
 * const target = applyVarianceFloors(0, 10, DEFAULT_PARAMS, constants);
 * assert.equal(target.floored, true);
 * assert.ok(target.variance > 0);
 * ```
 */
export function applyVarianceFloors(
  raw: number,
  mean: number,
  params: KthParams,
  constants: ModelConstants,
): VarianceTarget {
  const generic = (params.cvFloor * mean) ** 2;
  const feasible = FEASIBILITY_MARGIN * mean * mean * constants.floorCv2 /
    (params.maxSources * (1 - params.shotShareMin));
  const floor = Math.max(generic, feasible);
  if (raw >= floor) return { variance: raw, floored: false };
  return { variance: floor, floored: true };
}

/**
 * Computes every slot's variance target from the coarse series: the variance
 * over a centred window of `2 * floor(window / 2) + 1` slots (cut at the
 * series' ends, NaN slots skipped), raised to the floors.
 *
 * Slots whose value is 0 or NaN get NaN, since they are not simulated.
 *
 * @param coarse The coarse series, one mean rate per slot.
 * @param params Parameters to change from the defaults.
 * @returns The target variance of a dt bin for every slot.
 *
 * @example
 * ```ts
 * import { rollingVarianceProxy } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const targets = rollingVarianceProxy([10, 12, 8, 11, 9], { window: 2 });
 * assert.equal(targets.length, 5);
 * assert.ok(targets[2] > 0);
 * ```
 */
export function rollingVarianceProxy(
  coarse: ArrayLike<number>,
  params: Partial<KthParams> = {},
): Float64Array {
  const resolved = resolveParams(params);
  const constants = modelConstants(resolved);
  const half = Math.floor(resolved.window / 2);
  const targets = new Float64Array(coarse.length);
  for (let i = 0; i < coarse.length; i++) {
    const mean = coarse[i];
    if (!(mean > 0)) {
      targets[i] = NaN;
      continue;
    }
    const start = Math.max(0, i - half);
    const end = Math.min(coarse.length, i + half + 1);
    const raw = windowVariance(coarse, start, end);
    targets[i] = applyVarianceFloors(raw, mean, resolved, constants).variance;
  }
  return targets;
}

/**
 * Strategy of the generator for each slot's target variance at dt.
 *
 * - A {@linkcode ScaledTarget}: the window variance of the slot values, read
 *   as the variance at the slot scale T and extrapolated to dt with a
 *   variance-time exponent beta. The default, `DEFAULT_STRATEGY`, assumes
 *   beta = 0.3; `estimateScaledTarget` estimates beta on the coarse series.
 * - `"rolling"`: the rolling variance proxy, the variance of the slot values
 *   in a centred window, used as the variance of a dt bin as it is.
 * - A {@linkcode Calibration} from `calibrateFromFine`: a fixed coefficient
 *   of variation at dt and the ON/OFF and session parameters fitted on a
 *   reference fine trace.
 * - `{ cv }`: a fixed coefficient of variation at dt for every slot.
 *
 * The estimated forms are computed up front and passed in whole, so a
 * streaming generator needs nothing beyond the window to stay exact.
 */
export type VarianceStrategy =
  | "rolling"
  | { cv: number }
  | ScaledTarget
  | Calibration;

/** The variance rule of one run, resolved from the options. */
export interface VarianceRule {
  /** Fixed coefficient of variation at dt, or undefined to use the window variance. */
  cv: number | undefined;
  /** Factor applied to the window variance: `(T / dt)^beta`, or 1 for the rolling proxy. */
  factor: number;
  /** Parameters the strategy sets, applied under the caller's own. */
  params: Partial<KthParams>;
  /** Bin width the strategy was fitted at, when it was fitted on fine data. */
  dt?: number;
}

/**
 * Resolves the strategy and the older `targetCv` option into one rule.
 *
 * @param strategy The strategy, or undefined for the default.
 * @param targetCv The fixed-CV shorthand; cannot be combined with `strategy`.
 * @param slotBins Bins per slot, `T / dt`, which the scaled factor needs.
 * @returns The rule.
 * @throws {RangeError} When both options are set or a number is out of range.
 *
 * @example
 * ```ts
 * import { resolveVarianceRule } from "./variance_target.ts";
 * import assert from "node:assert/strict";
 *
 * const rule = resolveVarianceRule({ kind: "scaled", beta: 1, maxScale: 2, rSquared: 1, estimated: true }, undefined, 60);
 * assert.equal(rule.factor, 60);
 * ```
 */
export function resolveVarianceRule(
  strategy: VarianceStrategy | undefined,
  targetCv: number | undefined,
  slotBins: number,
): VarianceRule {
  if (strategy !== undefined && targetCv !== undefined) {
    throw new RangeError(
      "Invalid options: targetCv and strategy are both set; pass { cv } as the strategy instead of targetCv",
    );
  }
  const fallback =
    (targetCv === undefined
      ? DEFAULT_STRATEGY
      : { cv: targetCv }) as VarianceStrategy;
  const chosen = strategy ?? fallback;
  if (chosen === "rolling") return { cv: undefined, factor: 1, params: {} };
  if (typeof chosen !== "object" || chosen === null) {
    throw new TypeError(
      `Invalid option strategy: ${
        JSON.stringify(chosen)
      }; use "rolling", { cv }, DEFAULT_STRATEGY, estimateScaledTarget(...) or calibrateFromFine(...)`,
    );
  }
  if ("kind" in chosen && chosen.kind === "scaled") {
    checkNumber(chosen.beta, "strategy.beta", 0, 2);
    return { cv: undefined, factor: slotBins ** chosen.beta, params: {} };
  }
  if ("kind" in chosen && chosen.kind === "calibrated") {
    checkNumber(chosen.cv, "strategy.cv", 0, Infinity);
    return {
      cv: chosen.cv,
      factor: 1,
      params: { ...chosen.params },
      dt: chosen.dt,
    };
  }
  if ("cv" in chosen && typeof chosen.cv === "number") {
    checkNumber(
      chosen.cv,
      targetCv === undefined ? "strategy.cv" : "targetCv",
      0,
      Infinity,
    );
    return { cv: chosen.cv, factor: 1, params: {} };
  }
  throw new TypeError(
    `Invalid option strategy: ${
      JSON.stringify(chosen)
    }; use "rolling", { cv }, DEFAULT_STRATEGY, estimateScaledTarget(...) or calibrateFromFine(...)`,
  );
}

function checkNumber(value: number, name: string, min: number, max: number) {
  if (
    !(typeof value === "number" && value >= min && value <= max &&
      Number.isFinite(value))
  ) {
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    throw new RangeError(
      `Invalid option ${name}: must be a finite number ${range}, got ${value}`,
    );
  }
}

/**
 * The calibrated variance strategy: burstiness and timescales fitted on a
 * reference fine trace, then applied to coarse series that have no fine data.
 *
 * @module
 */

import { generateFineSeriesFromCoarse } from "./generate.ts";
import { binsPerSlot, type KthParams, resolveParams } from "./params.ts";
import { withinSlotCv } from "./stats/within_slot_cv.ts";
import { fitWithinSlotCovariance } from "./strategy_acf_model.ts";

/** Parameters fitted on a reference fine trace, ready to pass as a strategy. */
export interface Calibration {
  /** Marks the strategy as calibrated. */
  kind: "calibrated";
  /** Target coefficient of variation of a dt bin, relative to its slot's mean. */
  cv: number;
  /** Fitted session length and ON/OFF rates (tau, zeta with the default ON share). */
  params: Pick<KthParams, "tau" | "zeta" | "sessionMeanS">;
  /** Root mean square within-slot CV at dt of the reference trace. */
  referenceCv: number;
  /** Stationary CV at dt of the fitted model, before the correction passes. */
  fittedCv: number;
  /** Share of the fitted bin variance from shot noise, in [0, 1]. */
  shotShare: number;
  /** Root mean square error of the autocovariance fit, lags 0 to 12. */
  fitRmse: number;
  /** Slots of the reference trace used. */
  slots: number;
  /**
   * Bin width of the reference trace, in seconds: the CV and the fitted
   * times hold at this width only. Missing in files from older versions.
   */
  dt?: number;
}

/** Lags of the autocorrelation fit, in bins. */
const MAX_LAG = 12;
/** Passes that correct the CV target for what rescaling and floors do to it. */
const CORRECTION_PASSES = 3;
/** Largest factor by which one pass changes the CV target. */
const MAX_CORRECTION = 1.5;

/**
 * Fits a calibration on a reference fine trace: the session length, the
 * ON/OFF switching rate and the stationary CV at dt from the within-slot
 * autocovariance of the bins divided by their slot's mean (lags 0 to 12, or
 * to `T / dt - 2` in shorter slots), fitted with the model's covariance after the same per-slot demeaning.
 *
 * Only the switching rate s = tau + zeta is identified by the
 * autocorrelation; tau and zeta keep the ON share of `params` (one third by
 * default). The CV target is then corrected, three times, by generating from
 * the reference's own slot means (seed 0) and scaling the target by the ratio
 * of the reference's root mean square within-slot CV at dt to the generated
 * one (each pass by at most a factor 1.5), since per-slot rescaling, clamps
 * and the variance floors change the CV a target gives.
 *
 * @param fine Reference fine series at dt, a whole number of slots long (NaN for missing).
 * @param params Parameters to change from the defaults: `T`, `dt` and any the fit keeps.
 * @returns The calibration, usable as `options.strategy`.
 * @throws {RangeError} When fewer than two slots with a positive mean remain.
 *
 * @example
 * ```ts
 * import { calibrateFromFine, generateFineSeriesFromCoarse } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const coarse = Array.from({ length: 48 }, (_, i) => 50 + 5 * (i % 3));
 * const reference = generateFineSeriesFromCoarse(coarse, { seed: 2, strategy: { cv: 1.5 } }).fine;
 * const strategy = calibrateFromFine(reference);
 * assert.equal(strategy.slots, 48);
 * assert.ok(strategy.cv > 0 && strategy.params.sessionMeanS > 0);
 * const { fine } = generateFineSeriesFromCoarse([40, 60], { seed: 3, strategy });
 * assert.equal(fine.length, 120);
 * ```
 */
export function calibrateFromFine(
  fine: ArrayLike<number>,
  params: Partial<KthParams> = {},
): Calibration {
  const resolved = resolveParams(params);
  const bins = binsPerSlot(resolved);
  const slots = Math.floor(fine.length / bins);
  const used = Float64Array.from({ length: slots * bins }, (_, i) => fine[i]);
  const cvs = withinSlotCv(used, bins);
  if (cvs.slots < 2) {
    throw new RangeError(
      `Cannot calibrate: the reference trace has ${cvs.slots} usable slots of ${bins} bins; pass at least 2 slots with a positive mean and no NaN bin`,
    );
  }
  const referenceCv = rootMeanSquare(cvs.perSlot);
  const coarse = new Float64Array(slots);
  const normalized = new Float64Array(used.length);
  for (let slot = 0; slot < slots; slot++) {
    let sum = 0;
    for (let i = slot * bins; i < (slot + 1) * bins; i++) sum += used[i];
    coarse[slot] = sum / bins;
    const keep = cvs.perSlot[slot] === cvs.perSlot[slot];
    for (let i = slot * bins; i < (slot + 1) * bins; i++) {
      normalized[i] = keep ? used[i] / coarse[slot] - 1 : NaN;
    }
  }
  const fit = fitWithinSlotCovariance(
    withinSlotCovariance(normalized, bins, Math.min(MAX_LAG, bins - 2)),
    resolved.dt,
    bins,
  );
  const fittedVariance = fit.shotVariance + fit.onOffVariance;
  // NOTE: the session length comes back within a grid step on engine output,
  // but the switching rate varies by a factor of ten between seeds.
  const onShare = resolved.tau / (resolved.tau + resolved.zeta);
  const fitted = {
    tau: fit.switchRate * onShare,
    zeta: fit.switchRate * (1 - onShare),
    sessionMeanS: fit.sessionS,
  };
  const calibration: Calibration = {
    kind: "calibrated",
    cv: Math.sqrt(fittedVariance),
    params: fitted,
    referenceCv,
    fittedCv: Math.sqrt(fittedVariance),
    shotShare: fit.shotVariance / fittedVariance,
    fitRmse: fit.rmse,
    slots: cvs.slots,
    dt: resolved.dt,
  };
  for (let pass = 0; pass < CORRECTION_PASSES; pass++) {
    const generated = generateFineSeriesFromCoarse(coarse, {
      params: { ...params, ...fitted },
      seed: 0,
      seriesKey: "calibration",
      strategy: calibration,
    }).fine;
    const realized = rootMeanSquare(withinSlotCv(generated, bins).perSlot);
    if (!(realized > 0)) break;
    const ratio = referenceCv / realized;
    calibration.cv *= Math.min(
      MAX_CORRECTION,
      Math.max(1 / MAX_CORRECTION, ratio),
    );
  }
  return calibration;
}

/**
 * Returns the mean product of values at lags 0 to maxLag over pairs inside
 * the same slot, skipping pairs with a NaN.
 */
function withinSlotCovariance(
  values: Float64Array,
  bins: number,
  maxLag: number,
): Float64Array {
  const out = new Float64Array(maxLag + 1);
  for (let k = 0; k <= maxLag; k++) {
    let sum = 0;
    let count = 0;
    for (let start = 0; start < values.length; start += bins) {
      for (let i = start; i + k < start + bins; i++) {
        const product = values[i] * values[i + k];
        if (product === product) {
          sum += product;
          count++;
        }
      }
    }
    out[k] = count > 0 ? sum / count : NaN;
  }
  return out;
}

/** Root mean square of the finite values, NaN when there are none. */
function rootMeanSquare(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === values[i]) {
      sum += values[i] * values[i];
      count++;
    }
  }
  return count > 0 ? Math.sqrt(sum / count) : NaN;
}

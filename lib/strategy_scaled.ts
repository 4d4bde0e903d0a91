/**
 * The scaled variance strategy: the coarse series' own variance-time scaling,
 * extrapolated from the slot scale down to the bin width.
 *
 * @module
 */

import { binsPerSlot, type KthParams, resolveParams } from "./params.ts";
import { varianceTimeSlope } from "./stats/variance_time_slope.ts";

/** The variance-time exponent of a coarse series, ready to pass as a strategy. */
export interface ScaledTarget {
  /** Marks the strategy as scaled. */
  kind: "scaled";
  /** Decay exponent beta, clamped to [0, 2]: Var(m T) ~ m^(-beta). */
  beta: number;
  /** Largest aggregation level of the fit, in slots; 0 when not estimated. */
  maxScale: number;
  /** Weighted coefficient of determination of the fit; NaN when not estimated. */
  rSquared: number;
  /** False when beta was assumed, as in {@linkcode DEFAULT_STRATEGY}, not estimated. */
  estimated: boolean;
}

/**
 * The default variance strategy: the window variance, read as the variance
 * at the slot scale T, extrapolated to dt with beta = 0.3, the exponent of a
 * series with Hurst exponent H = 0.85 (beta = 2 - 2H).
 *
 * Long-range dependent traffic keeps more of its variance under aggregation
 * than independent bins do. `hurstAggregatedVariance` gives H = 0.79 to 0.86
 * on the UCC 5G downloads and on Bellcore's 1989 LAN trace (BC-pAug89, the
 * trace of Leland, Taqqu, Willinger and Wilson's self-similarity study) at
 * 1-s and 5-s bins, so beta = 0.28 to 0.42. In the grid search of
 * `scripts/choose_defaults.ts` on the first half of each trace, beta = 0.15
 * and 0.3 scored within 0.01 of each other at the shipped rates; 0.3 is the
 * one the measured exponents support.
 * It is also what {@linkcode estimateScaledTarget} returns when a series is
 * too short to estimate beta.
 *
 * @example
 * ```ts
 * import { DEFAULT_STRATEGY } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DEFAULT_STRATEGY.beta, 0.3);
 * assert.equal(DEFAULT_STRATEGY.estimated, false);
 * ```
 */
export const DEFAULT_STRATEGY: Readonly<ScaledTarget> = Object.freeze({
  kind: "scaled",
  beta: 0.3,
  maxScale: 0,
  rSquared: NaN,
  estimated: false,
});

/** Largest aggregation level used, in slots: one hour of five-minute slots. */
const MAX_SCALE = 12;

/**
 * Estimates the variance-time exponent beta of a coarse series for the scaled
 * strategy.
 *
 * The scaled strategy reads the rolling window variance of a slot as the
 * variance at the slot scale T and sets the variance of a dt bin to
 * `Var(dt) = Var(T) * (T / dt)^beta`. It assumes the series scales with the
 * same exponent from dt to T as it does from T to `maxScale * T`; beta = 1 is
 * the independent-bin case and beta < 1 long-range dependence. Beta comes from
 * the Hadamard variance-time slope of {@linkcode varianceTimeSlope} at levels
 * 1 to `min(12, floor(n / 4))` slots. It is computed once, up front, from the
 * whole coarse series, and passed to the generator as its strategy, so a
 * streaming generator stays bit-identical to the one-shot call. A series
 * shorter than 8 slots, or one whose fit is not finite, gives the assumed
 * beta of {@linkcode DEFAULT_STRATEGY} with `estimated: false`. Beta is clamped to [0, 2], the range of the estimator.
 *
 * @param coarse The coarse series, one mean rate per slot (NaN for missing).
 * @param params Parameters to change from the defaults; used for `T / dt` in messages only.
 * @returns The exponent and its fit, usable as `options.strategy`.
 *
 * @example
 * ```ts
 * import { estimateScaledTarget, generateFineSeriesFromCoarse } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const coarse = Array.from({ length: 48 }, (_, i) => 100 + 10 * Math.sin(i));
 * const strategy = estimateScaledTarget(coarse);
 * assert.ok(strategy.beta >= 0 && strategy.beta <= 2);
 * const { fine } = generateFineSeriesFromCoarse(coarse, { seed: 1, strategy });
 * assert.equal(fine.length, 48 * 60);
 * ```
 */
export function estimateScaledTarget(
  coarse: ArrayLike<number>,
  params: Partial<KthParams> = {},
): ScaledTarget {
  binsPerSlot(resolveParams(params));
  const maxScale = Math.min(MAX_SCALE, Math.floor(coarse.length / 4));
  if (maxScale < 2) {
    return { ...DEFAULT_STRATEGY };
  }
  const fit = varianceTimeSlope(coarse, maxScale);
  if (!Number.isFinite(fit.beta)) {
    return { ...DEFAULT_STRATEGY };
  }
  const beta = Math.min(2, Math.max(0, fit.beta));
  return {
    kind: "scaled",
    beta,
    maxScale,
    rSquared: fit.rSquared,
    estimated: true,
  };
}

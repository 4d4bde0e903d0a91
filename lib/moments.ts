/**
 * Exact mean and variance of one fine bin of the stationary Interrupted
 * Poisson Process.
 *
 * For one source with ON probability p, arrival rate `lambda` while ON and
 * mean session volume `psiMean`, the mean rate of a bin of width dt is
 * `p * lambda * psiMean` and its variance is
 * `2 psiMean^2 lambda p I1 + psiMean^2 lambda^2 p (1 - p) I2`.
 * I1 is the shot-noise integral of a session seen through a dt-wide window;
 * I2 is the same window's integral of the ON/OFF correlation `exp(-s |u|)`,
 * with s = tau + zeta. K independent sources add their means and variances.
 *
 * @module
 */

import { stationaryPOn } from "./ctmc.ts";
import type { KthParams } from "./params.ts";

/** The overlap integrals of a session of length D seen through a bin of width dt. */
export interface OverlapIntegrals {
  /** Shot-noise integral, in 1/s. */
  i1: number;
  /** ON/OFF modulation integral, dimensionless in [0, 1]. */
  i2: number;
}

/**
 * Computes the overlap integrals I1 and I2.
 *
 * `I1 = 1/b - a/(3 b^2)` with a = min(D, dt) and b = max(D, dt).
 * I2 is the combination `[2G(D) + 2G(dt) - G(D + dt) - G(|D - dt|)] / (D dt)^2`
 * with `G(t) = -2 g(s t) / s^4` and `g(x) = exp(-x) - 1 + x - x^2/2 + x^3/6`.
 * This equals the closed form with `M(t) = -t^3/(3s) - 2t/s^3 + 2/s^4 -
 * 2 exp(-st)/s^4`, because the two differ by `-t^2/s^2`, whose combination
 * vanishes. Summing g's series below x = 1 keeps every digit, where the
 * closed form loses all of them as s goes to 0.
 *
 * @param sessionS Session length D in seconds, > 0.
 * @param dt Bin width in seconds, > 0.
 * @param s Switching rate tau + zeta, per second, > 0.
 * @returns I1 and I2.
 *
 * @example
 * ```ts
 * import { overlapIntegrals } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { i1, i2 } = overlapIntegrals(30, 5, 1 / 60 + 1 / 30);
 * assert.ok(Math.abs(i1 - 0.031481481) < 1e-8);
 * assert.ok(Math.abs(i2 - 0.639410066) < 1e-8);
 * ```
 */
export function overlapIntegrals(
  sessionS: number,
  dt: number,
  s: number,
): OverlapIntegrals {
  const a = Math.min(sessionS, dt);
  const b = Math.max(sessionS, dt);
  const i1 = 1 / b - a / (3 * b * b);
  const G = (t: number) => -2 * cubicRemainder(s * t) / s ** 4;
  const combination = 2 * G(sessionS) + 2 * G(dt) - G(sessionS + dt) -
    G(Math.abs(sessionS - dt));
  const i2 = combination / (sessionS * dt) ** 2;
  return { i1, i2 };
}

/** Returns `exp(-x) - 1 + x - x^2/2 + x^3/6`, the tail of exp(-x)'s series from x^4 on. */
function cubicRemainder(x: number): number {
  if (x >= 1) return Math.exp(-x) - 1 + x - x * x / 2 + x * x * x / 6;
  let term = x ** 4 / 24;
  let sum = 0;
  for (let k = 5; k < 40 && Math.abs(term) > 1e-300; k++) {
    sum += term;
    term *= -x / k;
  }
  return sum;
}

/** Model constants that depend only on the parameters, computed once per run. */
export interface ModelConstants extends OverlapIntegrals {
  /** Stationary ON probability p. */
  pOn: number;
  /** Floor factor `((1 - p) / p) * I2`: one source's smallest squared CV at dt. */
  floorCv2: number;
}

/**
 * Computes the constants of the moment formulas for a parameter set.
 *
 * @param params The generator's parameters.
 * @returns p, I1, I2 and the single-source floor of the squared CV.
 *
 * @example
 * ```ts
 * import { DEFAULT_PARAMS, modelConstants } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(modelConstants(DEFAULT_PARAMS).pOn, 1 / 3);
 * ```
 */
export function modelConstants(
  params: Pick<KthParams, "tau" | "zeta" | "sessionMeanS" | "dt">,
): ModelConstants {
  const pOn = stationaryPOn(params.tau, params.zeta);
  const { i1, i2 } = overlapIntegrals(
    params.sessionMeanS,
    params.dt,
    params.tau + params.zeta,
  );
  return { pOn, i1, i2, floorCv2: ((1 - pOn) / pOn) * i2 };
}

/** Mean and variance of one fine bin, in rate units and rate units squared. */
export interface BinMoments {
  /** Mean rate of a bin. */
  mean: number;
  /** Variance of a bin's rate. */
  variance: number;
}

/**
 * Computes the exact mean and variance of one dt bin of the stationary
 * process, summed over `sources` independent sources.
 *
 * @param lambda Arrival rate of one source while ON, sessions per second.
 * @param psiMean Mean session volume (rate units times seconds).
 * @param params The generator's parameters (tau, zeta, sessionMeanS, dt).
 * @param sources Number of independent sources, each with these rates.
 * @returns The bin's mean and variance.
 *
 * @example
 * ```ts
 * import { binMoments, DEFAULT_PARAMS } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const params = { ...DEFAULT_PARAMS, tau: 1 / 60, zeta: 1 / 30, sessionMeanS: 30 };
 * const { mean, variance } = binMoments(0.5, 2, params);
 * assert.ok(Math.abs(mean - 1 / 3) < 1e-12);
 * assert.ok(Math.abs(variance - 0.1840664) < 1e-6);
 * ```
 */
export function binMoments(
  lambda: number,
  psiMean: number,
  params: Pick<KthParams, "tau" | "zeta" | "sessionMeanS" | "dt">,
  sources = 1,
): BinMoments {
  const { pOn, i1, i2 } = modelConstants(params);
  return momentsFromConstants(lambda, psiMean, { pOn, i1, i2 }, sources);
}

/** Computes bin moments from precomputed constants; see {@linkcode binMoments}. */
export function momentsFromConstants(
  lambda: number,
  psiMean: number,
  constants: OverlapIntegrals & { pOn: number },
  sources = 1,
): BinMoments {
  const { pOn, i1, i2 } = constants;
  const mean = pOn * lambda * psiMean;
  const shotNoise = 2 * psiMean * psiMean * lambda * pOn * i1;
  const modulation = psiMean * psiMean * lambda * lambda * pOn * (1 - pOn) *
    i2;
  return { mean: sources * mean, variance: sources * (shotNoise + modulation) };
}

/**
 * Second-moment matching: from a slot's target mean and variance at dt to the
 * arrival rate, the mean session volume and the number of sources.
 *
 * With K sources each carrying m / K, the bin variance is
 * `v = 2 psiMean m I1 + (m^2 / K) F` with `F = ((1 - p) / p) I2`, so
 * `psiMean = (v - m^2 F / K) / (2 m I1)` and `lambda = m / (K p psiMean)`.
 * The ON/OFF switching alone gives `m^2 F / K`, and the solver keeps it below
 * `(1 - shotShareMin) v`, so a lower target needs more sources.
 *
 * @module
 */

import {
  type ModelConstants,
  modelConstants,
  momentsFromConstants,
} from "./moments.ts";
import type { KthParams } from "./params.ts";

/** The parameters of one slot and what had to be clamped to get them. */
export interface SlotSolution {
  /** Arrival rate of each source while ON, sessions per second. */
  lambda: number;
  /** Mean session volume, rate units times seconds. */
  psiMean: number;
  /** Number of superposed independent sources. */
  sources: number;
  /** Variance of a bin that these parameters give, which differs from the target when clamped. */
  variance: number;
  /** Whether lambda was raised to `max(lambdaFixed, lambdaMin)`, raising the variance. */
  lambdaClamped: boolean;
  /** Whether psiMean was raised to its floor, raising the variance. */
  psiClamped: boolean;
  /** Whether the target stayed below the floor with `maxSources` sources. */
  infeasible: boolean;
}

/** A slot's solution without the bin variance, which the generator does not need. */
export type SolvedRates = Omit<SlotSolution, "variance">;

/**
 * Solves a slot's arrival rate, mean session volume and number of sources
 * from its target mean and variance of a dt bin.
 *
 * See {@linkcode solveWithConstants} for the rules; this form computes the
 * model constants itself and checks its inputs.
 *
 * @param eRate Target mean rate m, a finite number > 0.
 * @param eVar Target variance v of a dt bin, a finite number >= 0.
 * @param params The generator's parameters.
 * @returns The slot's solution.
 * @throws {RangeError} When eRate or eVar is out of range.
 *
 * @example A target below one source's floor needs several sources
 * ```ts
 * import { DEFAULT_PARAMS, solveLambdaAndPsiMean } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const solution = solveLambdaAndPsiMean(100, (0.3 * 100) ** 2, DEFAULT_PARAMS);
 * assert.ok(solution.sources > 1);
 * assert.ok(Math.abs(solution.variance - 900) < 1e-9 * 900);
 * ```
 */
export function solveLambdaAndPsiMean(
  eRate: number,
  eVar: number,
  params: KthParams,
): SlotSolution {
  if (!(Number.isFinite(eRate) && eRate > 0)) {
    throw new RangeError(
      `Cannot solve the slot: the target mean must be a finite number > 0, got ${eRate}`,
    );
  }
  if (!(Number.isFinite(eVar) && eVar >= 0)) {
    throw new RangeError(
      `Cannot solve the slot: the target variance must be a finite number >= 0, got ${eVar}`,
    );
  }
  const constants = modelConstants(params);
  const { lambda, psiMean, sources, lambdaClamped, psiClamped, infeasible } =
    solveWithConstants(eRate, eVar, params, constants);
  const { variance } = momentsFromConstants(
    lambda,
    psiMean,
    constants,
    sources,
  );
  return {
    lambda,
    psiMean,
    sources,
    variance,
    lambdaClamped,
    psiClamped,
    infeasible,
  };
}

/**
 * Solves a slot's arrival rate, mean session volume and number of sources
 * from its target mean and variance at dt, using precomputed constants.
 *
 * The number of sources is the smallest K with
 * `m^2 F / K < (1 - shotShareMin) v`, capped at `maxSources`. A rate below `max(lambdaFixed, lambdaMin)` is raised to it and
 * psiMean lowered so the mean stays exact. psiMean is kept at or above
 * `psiMeanMin * m * T / K`, one source's mean volume in a slot times
 * `psiMeanMin`.
 *
 * @param eRate Target mean rate m, > 0.
 * @param eVar Target variance v of a dt bin, >= 0.
 * @param params The generator's parameters.
 * @param constants Output of `modelConstants(params)`.
 * @returns The slot's rates and clamps, without the bin variance, which the
 *   generator does not need.
 */
export function solveWithConstants(
  eRate: number,
  eVar: number,
  params: KthParams,
  constants: ModelConstants,
): SolvedRates {
  const { pOn, i1, floorCv2 } = constants;
  const modulationOne = eRate * eRate * floorCv2;
  const modulationShare = 1 - params.shotShareMin;
  let sources = Math.floor(modulationOne / (modulationShare * eVar)) + 1;
  let infeasible = false;
  if (!(sources <= params.maxSources)) {
    sources = params.maxSources;
    infeasible = true;
  }
  const psiFloor = params.psiMeanMin * eRate * params.T / sources;
  let psiMean = (eVar - modulationOne / sources) / (2 * eRate * i1);
  let psiClamped = false;
  if (!(psiMean >= psiFloor)) {
    psiMean = psiFloor;
    psiClamped = !infeasible;
  }
  let lambda = eRate / (sources * pOn * psiMean);
  const lambdaFloor = Math.max(params.lambdaFixed, params.lambdaMin);
  let lambdaClamped = false;
  if (lambda < lambdaFloor) {
    lambda = lambdaFloor;
    psiMean = eRate / (sources * pOn * lambda);
    lambdaClamped = true;
  }
  return { lambda, psiMean, sources, lambdaClamped, psiClamped, infeasible };
}

/**
 * Turns coarse traffic series into fine, bursty series that average back to
 * the coarse input exactly, with an Interrupted Poisson Process. ON/OFF
 * sources gate Poisson session arrivals, and each session sends an
 * exponential volume over a fixed session length. Every slot's arrival rate
 * and mean session volume are solved from a target mean and variance.
 *
 * This entry point is the engine and its statistics: pure functions with no
 * I/O, importable by URL. CSV reading and writing live in `io.ts`, charts in
 * `plot.ts`.
 *
 * @example
 * ```ts
 * import { generateFineSeriesFromCoarse } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { fine } = generateFineSeriesFromCoarse([3.2, 2.9, 3.5], { seed: 1 });
 * assert.equal(fine.length, 3 * 60);
 * ```
 *
 * @module
 */
export {
  binsPerSlot,
  DEFAULT_PARAMS,
  type KthParams,
  resolveParams,
  validateParams,
} from "./lib/params.ts";
export {
  type AugmentationReport,
  emptyReport,
  mergeReports,
} from "./lib/report.ts";
export { stationaryPOn } from "./lib/ctmc.ts";
export {
  type BinMoments,
  binMoments,
  type ModelConstants,
  modelConstants,
  type OverlapIntegrals,
  overlapIntegrals,
} from "./lib/moments.ts";
export {
  binomial,
  createSeriesRandom,
  exponential,
  gamma,
  logFactorial,
  poisson,
  standardNormal,
  type UniformSource,
} from "./lib/random.ts";
export { type SlotSolution, solveLambdaAndPsiMean } from "./lib/solve.ts";
export {
  applyVarianceFloors,
  rollingVarianceProxy,
  type VarianceStrategy,
  type VarianceTarget,
  windowVariance,
} from "./lib/variance_target.ts";
export {
  calibrateFromFine,
  type Calibration,
} from "./lib/strategy_calibrated.ts";
export {
  DEFAULT_STRATEGY,
  estimateScaledTarget,
  type ScaledTarget,
} from "./lib/strategy_scaled.ts";
export {
  simulateIppSlot,
  type SlotRates,
  type SpillMode,
} from "./lib/simulate.ts";
export {
  FineSeriesStream,
  generateFineSeriesFromCoarse,
  type GenerateOptions,
  type GenerateResult,
} from "./lib/generate.ts";
export {
  coarsenFineToSlots,
  type SummaryErrors,
  summaryErrors,
} from "./lib/errors.ts";
export * from "./lib/stats.ts";
export * from "./lib/baselines.ts";
export * from "./lib/resample.ts";
export * from "./lib/realism.ts";

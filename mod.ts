/**
 * Turns coarse traffic series into fine, bursty series that average back to
 * the coarse input exactly, with an Interrupted Poisson Process: ON/OFF
 * sources gate Poisson session arrivals, each session sends an exponential
 * volume over a fixed session length, and every slot's rate and mean session
 * volume are solved from a target mean and variance.
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
export * from "./lib/params.ts";
export * from "./lib/report.ts";
export * from "./lib/ctmc.ts";
export * from "./lib/moments.ts";
export * from "./lib/random.ts";
export * from "./lib/solve.ts";
export * from "./lib/variance_target.ts";
export * from "./lib/simulate.ts";
export * from "./lib/generate.ts";
export * from "./lib/errors.ts";
export * from "./lib/stats.ts";

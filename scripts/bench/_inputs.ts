/**
 * Inputs shared by the benchmarks: the real series, the target CV that
 * makes the solver pick a given arrival rate, and the engine's cases.
 *
 * @module
 */
import {
  DEFAULT_PARAMS,
  type GenerateOptions,
  type ModelConstants,
  modelConstants,
} from "../../mod.ts";

/** Slots in 28 days of 5-minute data. */
export const BENCH_SLOTS = 28 * 288;

/**
 * Reads the first 28 days of the ISP transatlantic link (Cortez et al.,
 * 2012), bits per 5-minute interval, from the data folder beside the
 * repository.
 */
export function readBenchSeries(): Float64Array {
  const url = new URL(
    "../../../shared/data/isp-transatlantic-5min/inttraffic.csv",
    import.meta.url,
  );
  const rows = Deno.readTextFileSync(url).split(/\r?\n/).slice(1);
  const values = rows.filter((row) => row.length > 0).map((row) =>
    Number(row.split(",")[1])
  );
  return Float64Array.from(values.slice(0, BENCH_SLOTS));
}

/**
 * Returns the CV at dt for which one source's solved rate is `rate` when
 * `shotShareMin` is 0:
 * `CV^2 = F + 2 I1 / (p lambda)`.
 */
export function targetCvForRate(
  rate: number,
  constants: ModelConstants,
): number {
  return Math.sqrt(
    constants.floorCv2 + 2 * constants.i1 / (constants.pOn * rate),
  );
}

/** A benchmark case: its name, the coarse input and the generator's options. */
export type BenchCase = [string, Float64Array, GenerateOptions];

/**
 * Returns the engine's benchmark cases, shared by `compare_baseline.ts` and
 * `engine_bench.ts`.
 */
export function benchCases(): BenchCase[] {
  const isp = readBenchSeries();
  const constants = modelConstants(DEFAULT_PARAMS);
  const cases: BenchCase[] = [
    ["defaults (carry, up to 32 sources)", isp, { seed: 1 }],
    ["one source, carry", isp, { seed: 1, params: { maxSources: 1 } }],
    ["one source, drop", isp, {
      seed: 1,
      spill: "drop",
      params: { maxSources: 1 },
    }],
    // The work the baseline does: one source at its rates and session
    // length, its rolling variance target with no share kept for session
    // noise (so the same arrival rate, 3.55 sessions/s on this input),
    // sessions cut at slot ends.
    ["the baseline's model and arrival rates (rolling, drop)", isp, {
      seed: 1,
      spill: "drop",
      strategy: "rolling",
      params: {
        maxSources: 1,
        tau: 1 / 40,
        zeta: 1 / 20,
        sessionMeanS: 30,
        shotShareMin: 0,
        cvFloor: 0,
      },
    }],
  ];
  const constant = new Float64Array(isp.length).fill(100);
  for (const rate of [1, 100, 10_000]) {
    const targetCv = targetCvForRate(rate, constants);
    // With no share kept for session noise, one source serves the target at
    // exactly this rate.
    cases.push([`constant input, one source at lambda ${rate}/s`, constant, {
      seed: 1,
      targetCv,
      params: { shotShareMin: 0 },
    }]);
  }
  return cases;
}

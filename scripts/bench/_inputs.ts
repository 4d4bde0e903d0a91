/**
 * Inputs shared by the benchmarks: the real series and the target CV that
 * makes the solver pick a given arrival rate.
 *
 * @module
 */
import type { ModelConstants } from "../../mod.ts";

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

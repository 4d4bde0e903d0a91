/**
 * `deno bench` cases for the engine: 28 days of 5-minute slots (8,064 slots,
 * 483,840 bins) of the ISP transatlantic link, and constant input at
 * arrival rates from 1 to 10,000 sessions per second.
 *
 * Run: deno task bench
 */
import {
  DEFAULT_PARAMS,
  generateFineSeriesFromCoarse,
  modelConstants,
} from "../../mod.ts";
import { readBenchSeries, targetCvForRate } from "./_inputs.ts";

const isp = readBenchSeries();

Deno.bench("28 days of 5-min slots, defaults", { group: "real" }, () => {
  generateFineSeriesFromCoarse(isp, { seed: 1 });
});

Deno.bench("28 days of 5-min slots, one source", { group: "real" }, () => {
  generateFineSeriesFromCoarse(isp, { seed: 1, params: { maxSources: 1 } });
});

Deno.bench("28 days of 5-min slots, drop spill", { group: "real" }, () => {
  generateFineSeriesFromCoarse(isp, { seed: 1, spill: "drop" });
});

const constant = new Float64Array(isp.length).fill(100);
const constants = modelConstants(DEFAULT_PARAMS);
for (const rate of [1, 100, 10_000]) {
  const targetCv = targetCvForRate(rate, constants);
  // With no share kept for session noise, one source serves the target at
  // exactly this rate.
  Deno.bench(
    `one source at lambda ${rate} sessions/s`,
    { group: "rate" },
    () => {
      generateFineSeriesFromCoarse(constant, {
        seed: 1,
        targetCv,
        params: { shotShareMin: 0 },
      });
    },
  );
}

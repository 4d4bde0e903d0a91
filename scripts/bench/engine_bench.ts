/**
 * `deno bench` cases for the engine, the same that `compare_baseline.ts`
 * times against the NumPy baseline. They run 28 days of 5-minute slots
 * (8,064 slots, 483,840 bins) of the ISP transatlantic link, and constant
 * input at arrival rates from 1 to 10,000 sessions per second.
 *
 * Run: deno task bench
 */
import { generateFineSeriesFromCoarse } from "../../mod.ts";
import { benchCases } from "./_inputs.ts";

for (const [name, coarse, options] of benchCases()) {
  // The cases on constant input vary the arrival rate.
  const group = coarse.every((value) => value === coarse[0]) ? "rate" : "real";
  Deno.bench(name, { group }, () => {
    generateFineSeriesFromCoarse(coarse, options);
  });
}

/**
 * Compares the generator's fine bins and reports of two checkouts of this
 * repository over a grid of options, value by value (`Object.is`). Speed work
 * on the engine that claims unchanged output is checked with it.
 *
 * The grid has 5,184 configurations and takes a few minutes. Its inputs are
 * the first 600 slots of the ISP transatlantic link and 200 synthetic slots
 * with zeros. Its options are seeds 0 to 2, both spill modes, 1, 4, 12 or 32
 * sources, `bulkSources` 1, 12 or 1000, three pairs of ON/OFF rates, session
 * lengths 5, 7.5 and 30 s, and four variance rules.
 *
 * Usage: deno run --allow-read scripts/bench/compare_outputs.ts OLD NEW
 * where OLD and NEW are folders that contain a checkout (`mod.ts` at their top),
 * for example one made with `git archive COMMIT | tar -x -C OLD`.
 *
 * @module
 */
import { readBenchSeries } from "./_inputs.ts";

/** The ON/OFF rates tried, `undefined` for the defaults. */
const RATE_PAIRS: ([number, number] | undefined)[] = [
  undefined,
  [1 / 40, 1 / 20],
  [10, 10],
];

/** The variance rules tried, on top of the other options. */
const VARIANCE_RULES = [
  {},
  { targetCv: 0.05 },
  { targetCv: 3 },
  { strategy: "rolling" },
];

/** Returns every option set of the grid. */
function optionGrid(): Record<string, unknown>[] {
  const grid: Record<string, unknown>[] = [];
  for (const seed of [0, 1, 2]) {
    for (const spill of ["carry", "drop"]) {
      for (const maxSources of [1, 4, 12, 32]) {
        for (const bulkSources of [1, 12, 1000]) {
          for (const rates of RATE_PAIRS) {
            for (const sessionMeanS of [5, 7.5, 30]) {
              for (const rule of VARIANCE_RULES) {
                const params: Record<string, number> = {
                  maxSources,
                  bulkSources,
                  sessionMeanS,
                };
                if (rates !== undefined) [params.tau, params.zeta] = rates;
                grid.push({ seed, spill, params, ...rule });
              }
            }
          }
        }
      }
    }
  }
  return grid;
}

/** Returns whether two results have the same bins and the same report. */
function sameResult(
  first: { fine: Float64Array; report: unknown },
  second: { fine: Float64Array; report: unknown },
): boolean {
  if (first.fine.length !== second.fine.length) return false;
  for (let i = 0; i < first.fine.length; i++) {
    if (!Object.is(first.fine[i], second.fine[i])) return false;
  }
  return JSON.stringify(first.report) === JSON.stringify(second.report);
}

if (import.meta.main) {
  const [oldRoot, newRoot] = Deno.args;
  if (oldRoot === undefined || newRoot === undefined) {
    console.error(
      "Usage: deno run --allow-read scripts/bench/compare_outputs.ts OLD NEW (two checkout folders)",
    );
    Deno.exit(2);
  }
  const folderUrl = (root: string) =>
    new URL(`${root.replace(/\/$/, "")}/mod.ts`, `file://${Deno.cwd()}/`);
  const older = await import(folderUrl(oldRoot).href);
  const newer = await import(folderUrl(newRoot).href);
  const isp = readBenchSeries().slice(0, 600);
  const synthetic = Array.from(
    { length: 200 },
    (_, i) => i % 37 === 0 ? 0 : 50 + 40 * Math.sin(i / 7) + (i % 5),
  );
  let configurations = 0;
  let mismatches = 0;
  for (const input of [isp, synthetic]) {
    for (const options of optionGrid()) {
      configurations++;
      const before = older.generateFineSeriesFromCoarse(input, options);
      const after = newer.generateFineSeriesFromCoarse(input, options);
      if (sameResult(before, after)) continue;
      mismatches++;
      if (mismatches <= 3) console.log("mismatch:", JSON.stringify(options));
    }
  }
  console.log(`${configurations} configurations, ${mismatches} mismatches`);
  if (mismatches > 0) Deno.exit(1);
}

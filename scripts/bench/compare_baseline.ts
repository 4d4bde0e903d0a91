/**
 * Compares the engine's generation speed with the NumPy baseline
 * (`reference_ipp.py`, slot by slot, sessions cut at slot ends) on the same
 * input in the same run, and prints both throughputs and their ratio.
 *
 * Both sides time generation alone, on one core: every process is pinned
 * to CPU 0 with `taskset` where it exists. The baseline prints its own
 * generation time, and the best of three runs counts. Each engine case runs
 * in a process of its own, as a batch run would, so the code V8 compiles for
 * one case does not slow the next. V8 compiles the engine's loops in tiers
 * during its first runs, so a case is warmed up for at least a second and ten
 * runs, then the best of ten runs counts. The median of the ten and the
 * first run, compiling included, are printed too.
 *
 * Run: deno run --allow-read --allow-write --allow-run scripts/bench/compare_baseline.ts [BASELINE_PY]
 */
import {
  DEFAULT_PARAMS,
  generateFineSeriesFromCoarse,
  type GenerateOptions,
  modelConstants,
} from "../../mod.ts";
import { readBenchSeries, targetCvForRate } from "./_inputs.ts";

const CASE_FLAG = "--case";

/** Runs of the baseline, of which the fastest counts. */
const BASELINE_RUNS = 3;

/** Minimum warm-up of an engine case before its timed runs. */
const WARM_UP_MS = 1000;
const WARM_UP_RUNS = 10;

/** Timed runs of an engine case, of which the fastest counts. */
const ENGINE_RUNS = 10;

/** Bins per second of an engine case: its first run, and its best and median run after the warm-up. */
interface EngineSpeed {
  first: number;
  best: number;
  median: number;
}

function timeEngine(
  coarse: Float64Array,
  options: GenerateOptions,
): EngineSpeed {
  const bins = coarse.length * 60;
  const began = performance.now();
  generateFineSeriesFromCoarse(coarse, options);
  const first = bins / ((performance.now() - began) / 1000);
  for (
    let run = 1;
    run < WARM_UP_RUNS || performance.now() - began < WARM_UP_MS;
    run++
  ) {
    generateFineSeriesFromCoarse(coarse, options);
  }
  const seconds: number[] = [];
  for (let run = 0; run < ENGINE_RUNS; run++) {
    const start = performance.now();
    generateFineSeriesFromCoarse(coarse, options);
    seconds.push((performance.now() - start) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const median = (seconds[(ENGINE_RUNS - 1) >> 1] + seconds[ENGINE_RUNS >> 1]) /
    2;
  return { first, best: bins / seconds[0], median: bins / median };
}

/** Returns the command prefix that pins a process to CPU 0, or none without `taskset`. */
async function pinning(): Promise<string[]> {
  try {
    const probe = await new Deno.Command("taskset", {
      args: ["-c", "0", "true"],
      stdout: "null",
      stderr: "null",
    }).output();
    return probe.success ? ["taskset", "-c", "0"] : [];
  } catch {
    return [];
  }
}

/** Returns a command that runs `program` with `args` after the `pin` prefix. */
function pinnedCommand(
  pin: string[],
  program: string,
  args: string[],
): Deno.Command {
  const [head, ...rest] = [...pin, program, ...args];
  return new Deno.Command(head, { args: rest });
}

async function timeBaseline(
  coarse: Float64Array,
  baselinePath: string,
  pin: string[],
): Promise<number> {
  const folder = await Deno.makeTempDir();
  try {
    const input = `${folder}/coarse.csv`;
    await Deno.writeTextFile(input, Array.from(coarse).join("\n") + "\n");
    let best = Infinity;
    for (let run = 0; run < BASELINE_RUNS; run++) {
      const output = await pinnedCommand(pin, "python3", [
        baselinePath,
        input,
        `${folder}/fine.csv`,
        "--seed",
        "1",
      ]).output();
      const stderr = new TextDecoder().decode(output.stderr);
      const match = stderr.match(/gen_s=([0-9.]+)/);
      if (output.code !== 0 || !match) {
        throw new Error(
          `Baseline failed (exit ${output.code}): ${stderr}; check that python3 with NumPy runs ${baselinePath}`,
        );
      }
      best = Math.min(best, Number(match[1]));
    }
    return coarse.length * 60 / best;
  } finally {
    await Deno.remove(folder, { recursive: true });
  }
}

/** Returns the engine's cases: a name, the input and the options. */
function engineCases(): [string, Float64Array, GenerateOptions][] {
  const isp = readBenchSeries();
  const constants = modelConstants(DEFAULT_PARAMS);
  const cases: [string, Float64Array, GenerateOptions][] = [
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

/** Times case `index` in a new process and returns its bins per second. */
async function timeInOwnProcess(
  index: number,
  pin: string[],
): Promise<EngineSpeed> {
  const output = await pinnedCommand(pin, Deno.execPath(), [
    "run",
    "--allow-read",
    new URL(import.meta.url).pathname,
    CASE_FLAG,
    String(index),
  ]).output();
  const text = new TextDecoder().decode(output.stdout);
  if (output.code !== 0) {
    throw new Error(
      `Case ${index} failed (exit ${output.code}): ${
        new TextDecoder().decode(output.stderr)
      }`,
    );
  }
  return JSON.parse(text);
}

if (Deno.args[0] === CASE_FLAG) {
  const [, coarse, options] = engineCases()[Number(Deno.args[1])];
  console.log(JSON.stringify(timeEngine(coarse, options)));
} else {
  const baselinePath = Deno.args[0] ??
    new URL("../../../shared/bench/reference_ipp.py", import.meta.url)
      .pathname;
  const cases = engineCases();
  const slots = cases[0][1].length;
  const pin = await pinning();
  const baseline = await timeBaseline(cases[0][1], baselinePath, pin);
  console.log(
    `Input: ISP transatlantic link, first 28 days (${slots} slots, ${
      slots * 60
    } bins of 5 s)`,
  );
  console.log(
    pin.length > 0
      ? "Every process pinned to CPU 0 (taskset -c 0)"
      : "Processes not pinned: taskset not found",
  );
  console.log(`NumPy baseline: ${(baseline / 1e6).toFixed(2)} M bins/s`);
  console.log(
    "| case | M bins/s | ratio to baseline | median run, M bins/s | first run, M bins/s |",
  );
  console.log("|---|---|---|---|---|");
  const millions = (rate: number) => (rate / 1e6).toFixed(2);
  for (let index = 0; index < cases.length; index++) {
    const { first, best, median } = await timeInOwnProcess(index, pin);
    console.log(
      `| ${cases[index][0]} | ${millions(best)} | ${
        (best / baseline).toFixed(1)
      }x | ${millions(median)} | ${millions(first)} |`,
    );
  }
}

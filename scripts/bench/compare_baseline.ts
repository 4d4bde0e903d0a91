/**
 * Compares the engine's generation speed with the NumPy baseline
 * (`reference_ipp.py`, slot by slot, sessions cut at slot ends) on the same
 * input in the same run, and prints both throughputs and their ratio.
 *
 * Both sides time generation alone, on one core: every process that times
 * is pinned to CPU 0 with `taskset` where it exists. The baseline prints its
 * own generation time, and the best of three runs counts. Each engine case
 * runs in a process of its own, as a batch run would, so the code V8
 * compiles for one case does not slow the next. V8 compiles the engine's
 * loops in tiers during its first runs, so a case is warmed up for at least
 * a second and ten runs, the first included. Then the best of ten runs
 * counts, and the median of the ten and the first run, compiling included,
 * are printed too.
 *
 * Run: deno run --allow-read --allow-write --allow-run scripts/bench/compare_baseline.ts [BASELINE_PY]
 */
import {
  generateFineSeriesFromCoarse,
  type GenerateOptions,
} from "../../mod.ts";
import { benchCases } from "./_inputs.ts";

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
  const low = seconds[(ENGINE_RUNS - 1) >> 1];
  const high = seconds[ENGINE_RUNS >> 1];
  return { first, best: bins / seconds[0], median: bins / ((low + high) / 2) };
}

/**
 * Returns the command prefix that pins a process to CPU 0, or none when
 * `taskset` is missing or fails, with a line saying which.
 */
async function pinning(): Promise<{ pin: string[]; note: string }> {
  try {
    const probe = await new Deno.Command("taskset", {
      args: ["-c", "0", "true"],
      stdout: "null",
    }).output();
    if (probe.success) {
      return {
        pin: ["taskset", "-c", "0"],
        note: "Every timed process pinned to CPU 0 (taskset -c 0)",
      };
    }
    const reason = new TextDecoder().decode(probe.stderr).trim();
    return {
      pin: [],
      note:
        `Processes not pinned: taskset -c 0 failed (exit ${probe.code}: ${reason})`,
    };
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    return { pin: [], note: "Processes not pinned: taskset not found" };
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

/** Times case `index` in a new process and returns its speeds in bins per second. */
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
  const [, coarse, options] = benchCases()[Number(Deno.args[1])];
  console.log(JSON.stringify(timeEngine(coarse, options)));
} else {
  const baselinePath = Deno.args[0] ??
    new URL("../../../shared/bench/reference_ipp.py", import.meta.url)
      .pathname;
  const cases = benchCases();
  const slots = cases[0][1].length;
  const { pin, note } = await pinning();
  const baseline = await timeBaseline(cases[0][1], baselinePath, pin);
  console.log(
    `Input: ISP transatlantic link, first 28 days (${slots} slots, ${
      slots * 60
    } bins of 5 s)`,
  );
  console.log(note);
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

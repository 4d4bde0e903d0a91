/**
 * Compares synthetic fine traffic with real fine traces: each trace is put on
 * a regular dt grid, averaged to slots of T, and rebuilt by every variance
 * strategy of the generator and by three baselines; realism statistics of
 * the truth and of every method go to a Markdown and a JSON table, with each
 * method's distance to the truth.
 *
 * Usage:
 *   deno run --allow-read --allow-write scripts/evaluate.ts \
 *     [--out scripts/results/realism] [--seeds 10] [--limit-slots N] \
 *     [--trace PATH:T:DT[:COLUMN]]...
 *
 * Without `--trace`, every fine trace of the data folder is evaluated.
 *
 * @module
 */

import {
  calibrateFromFine,
  coarsenFineToSlots,
  DEFAULT_STRATEGY,
  estimateScaledTarget,
  flatBaseline,
  generateFineSeriesFromCoarse,
  type GenerateOptions,
  type GenerateResult,
  ippBasicBaseline,
  linearBaseline,
  type RealismDistances,
  realismDistances,
  type RealismProfile,
  realismProfile,
  resampleToGrid,
} from "../mod.ts";
import { readFineTrace } from "./_fine_trace.ts";

/** One trace to evaluate. */
export interface TraceConfig {
  path: string;
  T: number;
  dt: number;
  column?: string;
  /** Short name for the summary table; the file name when missing. */
  label?: string;
}

/** The statistics of one series, and its distances to the truth. */
export interface SeriesStatistics {
  withinSlotCv: number;
  acf: number[];
  peakToMeanMean: number;
  burstsPerHour: number;
  burstDurationS: number;
  distance: RealismDistances;
}

/** The table of one trace and one scope (the whole trace or its second half). */
export interface ScopeResult {
  trace: string;
  /** Short name of the trace for the summary table. */
  label: string;
  scope: string;
  T: number;
  dt: number;
  slots: number;
  methods: Record<string, SeriesStatistics>;
  notes: string[];
}

const DATA = new URL("../../shared/data/", import.meta.url);

/** The fine traces of the data folder and the grids they are evaluated on. */
export const DEFAULT_TRACES: TraceConfig[] = [
  {
    path: "ucc5g-raca/Download_Driving_B_2020.02.13_15.02.01.csv",
    T: 300,
    dt: 5,
    label: "UCC 5G driving",
  },
  {
    path: "ucc5g-raca/Download_Static_B_2020.02.27_18.39.27.csv",
    T: 300,
    dt: 5,
    label: "UCC 5G static",
  },
  {
    path: "ucc5g-raca/Download_Static_B_2020.02.27_18.39.27.csv",
    T: 60,
    dt: 5,
    label: "UCC 5G static",
  },
  {
    path: "bellcore-paug89/bc_paug89_pkts_per_s.csv",
    T: 300,
    dt: 5,
    label: "Bellcore packets",
  },
  {
    path: "bellcore-paug89/bc_paug89_pkts_per_s.csv",
    T: 60,
    dt: 1,
    label: "Bellcore packets",
  },
  {
    path: "bellcore-paug89/bc_paug89_first252s_bytes_per_s.csv",
    T: 30,
    dt: 1,
    column: "bytes",
    label: "Bellcore bytes",
  },
].map((config) => ({ ...config, path: new URL(config.path, DATA).pathname }));

const FIXED_CV = 1;

/** The name of the generator's default in the tables. */
export const DEFAULT_METHOD = "default (scaled, beta 0.3)";

/** Runs every method on one trace and returns the tables of both scopes. */
export function evaluateTrace(
  config: TraceConfig,
  seeds = 10,
  limitSlots = Infinity,
): ScopeResult[] {
  const bins = Math.round(config.T / config.dt);
  const params = { T: config.T, dt: config.dt };
  const trace = readFineTrace(config.path, config.column);
  const grid = resampleToGrid(trace.times, trace.values, config.dt);
  const slots = Math.min(limitSlots, Math.floor(grid.length / bins));
  const truth = grid.slice(0, slots * bins);

  const name = `${
    config.path.split("/").pop()
  } (T=${config.T} s, dt=${config.dt} s${
    config.column ? `, ${config.column}` : ""
  })`;
  const coarse = coarsenFineToSlots(truth, bins);
  const whole = runScope(
    name,
    "whole trace",
    truth,
    coarse,
    config,
    seeds,
    undefined,
  );
  const half = Math.floor(coarse.length / 2);
  const results = [whole];
  if (half >= 2) {
    const calibration = calibrateFromFine(truth.slice(0, half * bins), params);
    const second = runScope(
      name,
      "second half (calibrated on the first half)",
      truth.slice(half * bins),
      coarse.slice(half),
      config,
      seeds,
      calibration,
    );
    second.notes.push(`calibration: ${JSON.stringify(calibration)}`);
    results.push(second);
  }
  return results;
}

function runScope(
  trace: string,
  scope: string,
  truth: Float64Array,
  coarse: Float64Array,
  config: TraceConfig,
  seeds: number,
  calibration: GenerateOptions["strategy"] | undefined,
): ScopeResult {
  const bins = Math.round(config.T / config.dt);
  const params = { T: config.T, dt: config.dt };
  const scaled = estimateScaledTarget(coarse, params);
  const generators: Record<string, (seed: number) => GenerateResult> = {
    "ipp basic (rolling, drop, K=1)": (seed) =>
      ippBasicBaseline(safeCoarse(coarse), { params, seed, seriesKey: trace }),
  };
  const strategies: Record<string, GenerateOptions["strategy"]> = {
    [DEFAULT_METHOD]: DEFAULT_STRATEGY,
    "rolling": "rolling",
    "scaled (beta estimated)": scaled,
    [`cv:${FIXED_CV}`]: { cv: FIXED_CV },
  };
  if (calibration !== undefined) strategies["calibrated"] = calibration;

  for (const [method, strategy] of Object.entries(strategies)) {
    generators[method] = (seed) =>
      generateFineSeriesFromCoarse(safeCoarse(coarse), {
        params,
        strategy,
        seed,
        seriesKey: trace,
      });
  }

  const reference = realismProfile(truth, bins, config.dt);
  const methods: Record<string, SeriesStatistics> = {
    truth: compare(reference, reference),
    "flat step": compare(
      realismProfile(flatBaseline(coarse, bins), bins, config.dt),
      reference,
    ),
    "linear (mean-preserving)": compare(
      realismProfile(linearBaseline(coarse, bins), bins, config.dt),
      reference,
    ),
  };
  for (const [method, generate] of Object.entries(generators)) {
    const runs: SeriesStatistics[] = [];
    for (let seed = 0; seed < seeds; seed++) {
      const { fine } = generate(seed);
      runs.push(compare(realismProfile(fine, bins, config.dt), reference));
    }
    methods[method] = averageRuns(runs);
  }
  const notes = [
    `scaled (beta estimated): beta = ${scaled.beta.toFixed(3)} (${
      scaled.estimated
        ? `fit over 1..${scaled.maxScale} slots, R^2 = ${
          scaled.rSquared.toFixed(2)
        }`
        : "not estimated, the default's 0.3"
    })`,
  ];
  return {
    trace,
    label: config.label ?? trace.split(" (")[0],
    scope,
    T: config.T,
    dt: config.dt,
    slots: coarse.length,
    methods,
    notes,
  };
}

/** Replaces negative slot means (none in a resampled trace) by NaN. */
function safeCoarse(coarse: Float64Array): Float64Array {
  return coarse.map((value) => (value >= 0 ? value : NaN));
}

/** Collects the statistics of the tables and the distances to the truth. */
function compare(
  method: RealismProfile,
  truth: RealismProfile,
): SeriesStatistics {
  return {
    withinSlotCv: method.withinSlotCv,
    acf: [...method.acf.subarray(1)],
    peakToMeanMean: method.peakToMean.mean,
    burstsPerHour: method.bursts.perHour,
    burstDurationS: method.bursts.count > 0 ? method.bursts.meanDurationS : 0,
    distance: realismDistances(method, truth),
  };
}

function averageRuns(runs: SeriesStatistics[]): SeriesStatistics {
  const mean = (pick: (run: SeriesStatistics) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  const distance = { ...runs[0].distance };
  for (const key of Object.keys(distance) as (keyof RealismDistances)[]) {
    distance[key] = mean((run) => run.distance[key]);
  }
  return {
    withinSlotCv: mean((run) => run.withinSlotCv),
    acf: runs[0].acf.map((_, lag) => mean((run) => run.acf[lag])),
    peakToMeanMean: mean((run) => run.peakToMeanMean),
    burstsPerHour: mean((run) => run.burstsPerHour),
    burstDurationS: mean((run) => run.burstDurationS),
    distance,
  };
}

const COLUMNS: [string, (s: SeriesStatistics) => number][] = [
  ["CV at dt", (s) => s.withinSlotCv],
  ["d CV", (s) => s.distance.cv],
  ["d var-time", (s) => s.distance.varianceTime],
  ["ACF lag 1", (s) => s.acf[0]],
  ["d ACF 1-12", (s) => s.distance.acf],
  ["peak/mean", (s) => s.peakToMeanMean],
  ["W1 peak/mean", (s) => s.distance.peakToMean],
  ["W1 slot-norm.", (s) => s.distance.slotNormalized],
  ["bursts/h", (s) => s.burstsPerHour],
  ["burst s", (s) => s.burstDurationS],
  ["d bursts", (s) => s.distance.bursts],
];

/** The baselines that the default must beat, as named in the tables. */
export const BASELINES = [
  "flat step",
  "linear (mean-preserving)",
  "ipp basic (rolling, drop, K=1)",
];

const SUMMARY_STATISTICS: [keyof RealismDistances, string][] = [
  ["cv", "CV at dt"],
  ["varianceTime", "var-time"],
  ["acf", "ACF 1-12"],
  ["peakToMean", "peak/mean"],
  ["bursts", "bursts"],
];

/**
 * Returns whether a method's distance beats another's on one statistic. A
 * tie counts on autocorrelation, where the default need only be no worse,
 * and on bursts, where a trace without bursts puts every method that makes
 * none at 0.
 */
export function beatsOn(
  statistic: keyof RealismDistances,
  own: number,
  other: number,
): boolean {
  const tieCounts = statistic === "acf" || statistic === "bursts";
  return tieCounts ? own <= other : own < other;
}

/** Returns whether the default beats every baseline on one distance (see `beatsOn`). */
export function defaultBeatsBaselines(
  result: ScopeResult,
  statistic: keyof RealismDistances,
): boolean {
  const own = result.methods[DEFAULT_METHOD].distance[statistic];
  return BASELINES.every((baseline) =>
    beatsOn(statistic, own, result.methods[baseline].distance[statistic])
  );
}

/**
 * Formats the second-half results as one compact table: the default, the
 * baselines and the calibrated method, with the default in bold where it
 * beats every baseline.
 */
export function toSummaryMarkdown(results: ScopeResult[]): string {
  const columns = [DEFAULT_METHOD, ...BASELINES, "calibrated"];
  const lines = [
    "| trace (T, dt, slots) | statistic | default | flat | linear | basic IPP | calibrated |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  let wins = 0;
  let calibratedWins = 0;
  let cells = 0;
  for (const result of results.filter((r) => r.scope.startsWith("second"))) {
    const name =
      `${result.label} (${result.T} s, ${result.dt} s, ${result.slots})`;
    SUMMARY_STATISTICS.forEach(([statistic, label], row) => {
      const beats = defaultBeatsBaselines(result, statistic);
      wins += beats ? 1 : 0;
      const distance = (method: string) =>
        result.methods[method].distance[statistic];
      calibratedWins += distance("calibrated") < distance(DEFAULT_METHOD)
        ? 1
        : 0;
      cells++;
      const values = columns.map((method, i) => {
        const text = format(result.methods[method].distance[statistic]);
        return i === 0 && beats ? `**${text}**` : text;
      });
      lines.push(
        `| ${row === 0 ? name : ""} | ${label} | ${values.join(" | ")} |`,
      );
    });
  }
  lines.push(
    "",
    `The default beats every baseline on ${wins} of ${cells} (trace, statistic) pairs.`,
    `Calibrated on the first half, the generator is closer than the default on ${calibratedWins} of ${cells}.`,
  );
  return lines.join("\n");
}

/** Formats the results as Markdown tables, marking the best distance of each column. */
export function toMarkdown(results: ScopeResult[], seeds: number): string {
  const lines = [
    "# Realism of synthetic fine traffic",
    "",
    `Generated by \`scripts/evaluate.ts\`; generator rows average ${seeds} seeds (0 to ${
      seeds - 1
    }).`,
    "Columns starting with d or W1 are distances to the truth (lower is better; the best non-truth value is in bold).",
    "",
    "## Summary: second halves",
    "",
    "Distances to the truth; the default is in bold where it beats all three baselines (a tie counts on ACF and bursts).",
    "",
    toSummaryMarkdown(results),
    "",
  ];
  for (const result of results) {
    lines.push(
      `## ${result.trace}: ${result.scope}`,
      "",
      `${result.slots} slots.`,
      "",
    );
    for (const note of result.notes) lines.push(`- ${note}`);
    lines.push("");
    lines.push(`| method | ${COLUMNS.map(([name]) => name).join(" | ")} |`);
    lines.push(`|---|${COLUMNS.map(() => "---:").join("|")}|`);
    const entries = Object.entries(result.methods);
    const best = COLUMNS.map(([name, pick]) =>
      /^(d |W1)/.test(name)
        ? Math.min(
          ...entries.filter(([m]) => m !== "truth").map(([, s]) => pick(s)),
        )
        : NaN
    );
    for (const [method, stats] of entries) {
      const cells = COLUMNS.map(([, pick], i) => {
        const text = format(pick(stats));
        return method !== "truth" && pick(stats) === best[i]
          ? `**${text}**`
          : text;
      });
      lines.push(`| ${method} | ${cells.join(" | ")} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function format(value: number): string {
  if (value !== value) return "NaN";
  if (value === 0) return "0";
  return Math.abs(value) >= 1000 ? value.toFixed(0) : value.toPrecision(3);
}

/** Evaluates the traces and writes `<out>.md` and `<out>.json`. */
export function runEvaluation(
  traces: TraceConfig[],
  out: string,
  seeds = 10,
  limitSlots = Infinity,
): ScopeResult[] {
  const results = traces.flatMap((trace) =>
    evaluateTrace(trace, seeds, limitSlots)
  );
  Deno.writeTextFileSync(`${out}.md`, toMarkdown(results, seeds));
  Deno.writeTextFileSync(
    `${out}.json`,
    JSON.stringify(results, null, 2) + "\n",
  );
  return results;
}

function parseTrace(text: string): TraceConfig {
  const [path, T, dt, column] = text.split(":");
  if (!(Number(T) > 0 && Number(dt) > 0)) {
    throw new RangeError(
      `Invalid --trace ${
        JSON.stringify(text)
      }: expected PATH:T:DT[:COLUMN] with T and DT in seconds`,
    );
  }
  return { path, T: Number(T), dt: Number(dt), column };
}

if (import.meta.main) {
  const args = Deno.args;
  let out = new URL("./results/realism", import.meta.url).pathname;
  let seeds = 10;
  let limitSlots = Infinity;
  const traces: TraceConfig[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === "--out") out = value;
    else if (args[i] === "--seeds") seeds = Number(value);
    else if (args[i] === "--limit-slots") limitSlots = Number(value);
    else if (args[i] === "--trace") traces.push(parseTrace(value));
    else {
      console.error(
        `Unknown argument ${
          args[i]
        }; see the usage at the top of scripts/evaluate.ts`,
      );
      Deno.exit(2);
    }
    i++;
  }
  if (!(Number.isInteger(seeds) && seeds >= 1)) {
    const text = args[args.indexOf("--seeds") + 1];
    console.error(`Invalid --seeds '${text}': expected a whole number >= 1`);
    Deno.exit(2);
  }
  if (!(limitSlots >= 2)) {
    const text = args[args.indexOf("--limit-slots") + 1];
    console.error(`Invalid --limit-slots '${text}': expected a number >= 2`);
    Deno.exit(2);
  }
  const started = performance.now();
  runEvaluation(
    traces.length > 0 ? traces : DEFAULT_TRACES,
    out,
    seeds,
    limitSlots,
  );
  console.log(
    `Wrote ${out}.md and ${out}.json in ${
      ((performance.now() - started) / 1000).toFixed(1)
    } s`,
  );
}

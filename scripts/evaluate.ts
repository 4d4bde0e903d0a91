/**
 * Compares synthetic fine traffic with real fine traces: each trace is put on
 * a regular dt grid, averaged to slots of T, and rebuilt by every variance
 * strategy of the generator and by three baselines; realism statistics of
 * the truth and of every method go to a Markdown and a JSON table, with each
 * method's distance to the truth.
 *
 * Usage:
 *   deno run --allow-read --allow-write scripts/evaluate.ts \
 *     [--out scripts/results/realism] [--seeds 3] [--limit-slots N] \
 *     [--trace PATH:T:DT[:COLUMN]]...
 *
 * Without `--trace`, every fine trace of the data folder is evaluated.
 *
 * @module
 */

import {
  autocorrelation,
  burstStatistics,
  calibrateFromFine,
  estimateScaledTarget,
  generateFineSeriesFromCoarse,
  type GenerateOptions,
  peakToMean,
  slotNormalizedValues,
  slotScales,
  varianceTimeCurve,
  wasserstein1,
  withinSlotCv,
} from "../mod.ts";
import { flatFine, linearFine } from "./_baselines.ts";
import { readFineTrace, resampleToGrid } from "./_fine_trace.ts";

/** One trace to evaluate. */
export interface TraceConfig {
  path: string;
  T: number;
  dt: number;
  column?: string;
}

/** The statistics of one series, and its distances to the truth. */
export interface SeriesStatistics {
  withinSlotCv: number;
  acf: number[];
  peakToMeanMean: number;
  burstsPerHour: number;
  burstDurationS: number;
  distance: {
    cv: number;
    varianceTime: number;
    acf: number;
    peakToMean: number;
    slotNormalized: number;
    bursts: number;
  };
}

/** The table of one trace and one scope (the whole trace or its second half). */
export interface ScopeResult {
  trace: string;
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
  },
  {
    path: "ucc5g-raca/Download_Static_B_2020.02.27_18.39.27.csv",
    T: 300,
    dt: 5,
  },
  {
    path: "ucc5g-raca/Download_Static_B_2020.02.27_18.39.27.csv",
    T: 60,
    dt: 5,
  },
  { path: "bellcore-paug89/bc_paug89_pkts_per_s.csv", T: 300, dt: 5 },
  { path: "bellcore-paug89/bc_paug89_pkts_per_s.csv", T: 60, dt: 1 },
  {
    path: "bellcore-paug89/bc_paug89_first252s_bytes_per_s.csv",
    T: 30,
    dt: 1,
    column: "bytes",
  },
].map((config) => ({ ...config, path: new URL(config.path, DATA).pathname }));

const FIXED_CV = 1;

/** Runs every method on one trace and returns the tables of both scopes. */
export function evaluateTrace(
  config: TraceConfig,
  seeds = 3,
  limitSlots = Infinity,
): ScopeResult[] {
  const bins = Math.round(config.T / config.dt);
  const params = { T: config.T, dt: config.dt };
  let truth = resampleToGrid(
    readFineTrace(config.path, config.column),
    config.dt,
    bins,
  );
  if (truth.length > limitSlots * bins) {
    truth = truth.slice(0, limitSlots * bins);
  }
  const name = `${
    config.path.split("/").pop()
  } (T=${config.T} s, dt=${config.dt} s${
    config.column ? `, ${config.column}` : ""
  })`;
  const coarse = slotMeans(truth, bins);
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
  const generators: Record<string, GenerateOptions> = {
    "ipp basic (rolling, drop, K=1)": {
      params: { ...params, maxSources: 1 },
      spill: "drop",
    },
    "rolling (default)": { params },
    "scaled": { params, strategy: scaled },
    [`cv:${FIXED_CV}`]: { params, strategy: { cv: FIXED_CV } },
  };
  if (calibration !== undefined) {
    generators["calibrated"] = { params, strategy: calibration };
  }
  const reference = describe(truth, bins, config.dt);
  const methods: Record<string, SeriesStatistics> = {
    truth: compare(reference, reference),
    "flat step": compare(
      describe(flatFine(coarse, bins), bins, config.dt),
      reference,
    ),
    "linear (mean-preserving)": compare(
      describe(linearFine(coarse, bins), bins, config.dt),
      reference,
    ),
  };
  const safe = coarse.map((value) => (value >= 0 ? value : NaN));
  for (const [method, options] of Object.entries(generators)) {
    const runs: SeriesStatistics[] = [];
    for (let seed = 0; seed < seeds; seed++) {
      const { fine } = generateFineSeriesFromCoarse(safe, {
        ...options,
        seed,
        seriesKey: trace,
      });
      runs.push(compare(describe(fine, bins, config.dt), reference));
    }
    methods[method] = averageRuns(runs);
  }
  const notes = [
    `scaled: beta = ${scaled.beta.toFixed(3)} (${
      scaled.estimated
        ? `fit over 1..${scaled.maxScale} slots, R^2 = ${
          scaled.rSquared.toFixed(2)
        }`
        : "not estimated, white-noise default"
    })`,
  ];
  return {
    trace,
    scope,
    T: config.T,
    dt: config.dt,
    slots: coarse.length,
    methods,
    notes,
  };
}

interface Description {
  dt: number;
  cv: number;
  variances: number[];
  acf: number[];
  peakToMean: Float64Array;
  peakToMeanMean: number;
  normalized: Float64Array;
  burstsPerHour: number;
  burstDurationS: number;
}

function describe(fine: Float64Array, bins: number, dt: number): Description {
  const peaks = peakToMean(fine, bins);
  const bursts = burstStatistics(fine, bins, dt, 2);
  return {
    dt,
    cv: withinSlotCv(fine, bins).mean,
    variances: varianceTimeCurve(fine, dt, slotScales(bins)).map((p) =>
      p.variance
    ),
    acf: [...autocorrelation(fine, 12)],
    peakToMean: peaks.perSlot,
    peakToMeanMean: peaks.mean,
    normalized: slotNormalizedValues(fine, bins),
    burstsPerHour: bursts.perHour,
    burstDurationS: bursts.count > 0 ? bursts.meanDurationS : 0,
  };
}

/**
 * Distances: absolute difference of the mean within-slot CV; root mean square
 * of log10 variance ratios over the slot's scales; root mean square ACF
 * difference over lags 1 to 12; Wasserstein-1 between per-slot peak-to-mean
 * ratios and between slot-normalized values; and for bursts the mean of the
 * relative differences of bursts per hour and mean duration, each over the
 * truth's value but at least 1 burst per hour and dt seconds, so a truth
 * without bursts still gives a finite distance.
 */
function compare(method: Description, truth: Description): SeriesStatistics {
  let vt = 0;
  for (let i = 0; i < truth.variances.length; i++) {
    vt += Math.log10(method.variances[i] / truth.variances[i]) ** 2;
  }
  let acf = 0;
  for (let lag = 1; lag <= 12; lag++) {
    acf += (method.acf[lag] - truth.acf[lag]) ** 2;
  }
  const relative = (a: number, b: number, unit: number) =>
    Math.abs(a - b) / Math.max(Math.abs(b), unit);
  return {
    withinSlotCv: method.cv,
    acf: method.acf.slice(1),
    peakToMeanMean: method.peakToMeanMean,
    burstsPerHour: method.burstsPerHour,
    burstDurationS: method.burstDurationS,
    distance: {
      cv: Math.abs(method.cv - truth.cv),
      varianceTime: Math.sqrt(vt / truth.variances.length),
      acf: Math.sqrt(acf / 12),
      peakToMean: wasserstein1(method.peakToMean, truth.peakToMean),
      slotNormalized: wasserstein1(method.normalized, truth.normalized),
      bursts: (relative(method.burstsPerHour, truth.burstsPerHour, 1) +
        relative(method.burstDurationS, truth.burstDurationS, truth.dt)) / 2,
    },
  };
}

function averageRuns(runs: SeriesStatistics[]): SeriesStatistics {
  const mean = (pick: (run: SeriesStatistics) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  const keys = Object.keys(
    runs[0].distance,
  ) as (keyof SeriesStatistics["distance"])[];
  return {
    withinSlotCv: mean((run) => run.withinSlotCv),
    acf: runs[0].acf.map((_, lag) => mean((run) => run.acf[lag])),
    peakToMeanMean: mean((run) => run.peakToMeanMean),
    burstsPerHour: mean((run) => run.burstsPerHour),
    burstDurationS: mean((run) => run.burstDurationS),
    distance: Object.fromEntries(
      keys.map((key) => [key, mean((run) => run.distance[key])]),
    ) as SeriesStatistics["distance"],
  };
}

function slotMeans(fine: Float64Array, bins: number): Float64Array {
  const means = new Float64Array(fine.length / bins);
  for (let slot = 0; slot < means.length; slot++) {
    let sum = 0;
    for (let i = slot * bins; i < (slot + 1) * bins; i++) sum += fine[i];
    means[slot] = sum / bins;
  }
  return means;
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
  seeds = 3,
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
  let seeds = 3;
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

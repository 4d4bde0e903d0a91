/**
 * The command line of `scripts/augment.ts` and `scripts/coarsen.ts`: flags,
 * help text, and exit codes (0 done, 1 failed, 2 usage error).
 *
 * @module
 */

import { parseArgs } from "node:util";
import { writeTextAtomic } from "./atomic_file.ts";
import { type RunOptions, runPipeline, type RunResult } from "./pipeline.ts";
import { buildRunReport } from "./run_report.ts";
import { helpText } from "./cli_help.ts";
import { checkReportPath } from "./_run_paths.ts";
import { UsageError } from "./usage_error.ts";
import {
  type Calibration,
  DEFAULT_PARAMS,
  validateParams,
  type VarianceStrategy,
} from "../../mod.ts";

export { UsageError };

/** The command-line tools. */
export type Tool = "augment" | "coarsen";

const FLAGS = {
  output: { type: "string", short: "o" },
  dt: { type: "string" },
  slot: { type: "string" },
  seed: { type: "string" },
  "time-column": { type: "string" },
  columns: { type: "string", multiple: true },
  format: { type: "string" },
  "input-format": { type: "string" },
  "no-conserve": { type: "boolean" },
  spill: { type: "string" },
  strategy: { type: "string" },
  report: { type: "string" },
  shard: { type: "string" },
  workers: { type: "string" },
  progress: { type: "boolean" },
  summary: { type: "boolean" },
  "time-format": { type: "string" },
  tz: { type: "string" },
  resample: { type: "string" },
  start: { type: "string" },
  delimiter: { type: "string" },
  "header-line": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Flags that only `augment` takes. */
const AUGMENT_ONLY = [
  "dt",
  "seed",
  "no-conserve",
  "spill",
  "strategy",
  "resample",
] as const;

/**
 * Turns command-line arguments into run options.
 *
 * @param tool `augment` or `coarsen`.
 * @param args The arguments after the script name.
 * @returns The options, `help` when help was asked for, and the report path.
 * @throws {UsageError} When a flag or value is invalid.
 */
export function parseRunFlags(
  tool: Tool,
  args: string[],
): { options: RunOptions; help: boolean; report?: string; summary: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeSeed(args),
      options: FLAGS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (help) return { options: {} as RunOptions, help, summary: false };
  if (positionals.length !== 1) {
    throw new UsageError(
      `expected one INPUT file, got ${positionals.length} (${
        positionals.join(" ")
      }); see --help`,
    );
  }
  if (values.output === undefined) {
    throw new UsageError(
      "missing -o OUTPUT (use '-' for standard output); see --help",
    );
  }
  const options: RunOptions = {
    input: positionals[0],
    output: values.output,
    dt: positiveNumber("--dt", values.dt ?? "5"),
    slot: optional(values.slot, (v) => positiveNumber("--slot", v)),
    seed: seedValue(values.seed ?? "0"),
    timeColumn: values["time-column"],
    columns: values.columns?.flatMap((list) => list.split(",")).map((c) =>
      c.trim()
    ),
    format: oneOf("--format", values.format ?? "wide", ["wide", "long"]),
    inputFormat: optional(
      values["input-format"],
      (v) => oneOf("--input-format", v, ["wide", "long"]),
    ),
    conserve: values["no-conserve"] !== true,
    spill: oneOf("--spill", values.spill ?? "carry", ["carry", "drop"]),
    strategy: optional(values.strategy, parseStrategy),
    shard: optional(values.shard, parseShard),
    workers: wholeNumber("--workers", values.workers ?? "1"),
    progress: values.progress === true || Deno.stderr.isTerminal(),
    timeFormat: values["time-format"],
    tz: values.tz ?? "UTC",
    resample: optional(values.resample, (v) => positiveNumber("--resample", v)),
    startMs: optional(values.start, parseStart),
    delimiter: optional(values.delimiter, parseDelimiter),
    headerLine: optional(
      values["header-line"],
      (v) => wholeNumber("--header-line", v),
    ),
  };
  if (tool === "coarsen") rejectAugmentFlags(values);
  return {
    options,
    help,
    report: values.report,
    summary: values.summary === true,
  };
}

/**
 * Reads `--strategy`: `rolling`, `cv:X` (a fixed CV at dt), `scaled:BETA`
 * (the rolling variance times `(T / dt)^BETA`) or `calibrated:FILE` (a JSON
 * file written from `calibrateFromFine`).
 */
function parseStrategy(text: string): VarianceStrategy {
  if (text === "rolling") return "rolling";
  const colon = text.indexOf(":");
  const kind = colon < 0 ? text : text.slice(0, colon);
  const value = colon < 0 ? "" : text.slice(colon + 1);
  if (kind === "cv" || kind === "scaled") {
    const number = Number(value);
    const limit = kind === "cv" ? Infinity : 2;
    if (
      !(value.trim() !== "" && Number.isFinite(number) && number >= 0 &&
        number <= limit)
    ) {
      const range = kind === "cv" ? "a finite number >= 0" : "from 0 to 2";
      throw new UsageError(
        `invalid --strategy '${text}': expected ${kind}:NUMBER with NUMBER ${range}`,
      );
    }
    if (kind === "cv") return { cv: number };
    return {
      kind: "scaled",
      beta: number,
      maxScale: 0,
      rSquared: NaN,
      estimated: false,
    };
  }
  if (kind === "calibrated" && value !== "") return readCalibration(value);
  throw new UsageError(
    `invalid --strategy '${text}': expected rolling, cv:X, scaled:BETA or calibrated:FILE.json`,
  );
}

/** The parameters a calibration file may set. */
const CALIBRATED_PARAMS = ["tau", "zeta", "sessionMeanS", "shotShareMin"];

function readCalibration(path: string): Calibration {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Deno.readTextFileSync(path));
  } catch (error) {
    throw new UsageError(
      `cannot read the calibration file '${path}': ${(error as Error).message}`,
    );
  }
  const calibration = parsed as Partial<Calibration>;
  if (
    calibration?.kind !== "calibrated" ||
    typeof calibration.cv !== "number" ||
    typeof calibration.params !== "object"
  ) {
    throw new UsageError(
      `invalid calibration file '${path}': expected the JSON of calibrateFromFine() with kind "calibrated", cv and params`,
    );
  }
  for (const key of Object.keys(calibration.params ?? {})) {
    if (!CALIBRATED_PARAMS.includes(key)) {
      throw new UsageError(
        `invalid calibration file '${path}': params.${key} is not a fitted parameter; expected only ${
          CALIBRATED_PARAMS.join(", ")
        }`,
      );
    }
  }
  if (
    calibration.dt !== undefined &&
    !(typeof calibration.dt === "number" && calibration.dt > 0)
  ) {
    throw new UsageError(
      `invalid calibration file '${path}': dt must be a bin width in seconds > 0, got ${
        JSON.stringify(calibration.dt)
      }`,
    );
  }
  try {
    validateParams({ ...DEFAULT_PARAMS, ...calibration.params });
  } catch (error) {
    throw new UsageError(
      `invalid calibration file '${path}': ${(error as Error).message}`,
    );
  }
  return calibration as Calibration;
}

function optional<T>(
  value: string | undefined,
  parse: (v: string) => T,
): T | undefined {
  return value === undefined ? undefined : parse(value);
}

function positiveNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!(text.trim() !== "" && Number.isFinite(value) && value > 0)) {
    throw new UsageError(
      `invalid ${flag} '${text}': expected a number of seconds > 0`,
    );
  }
  return value;
}

function wholeNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new UsageError(
      `invalid ${flag} '${text}': expected a whole number >= 1`,
    );
  }
  return value;
}

function seedValue(text: string): number {
  const value = Number(text);
  if (!(/^[+-]?[0-9]+$/.test(text) && Number.isSafeInteger(value))) {
    throw new UsageError(
      `invalid --seed '${text}': expected a whole number such as 42 (write a negative seed as --seed=-3)`,
    );
  }
  return value;
}

/**
 * Joins `--seed` and a negative number after it into `--seed=-N`, since
 * `parseArgs` reads `-3` as a flag. Arguments after `--` are left alone.
 */
function joinNegativeSeed(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--") return [...joined, ...args.slice(i)];
    if (args[i] === "--seed" && /^-[0-9]+$/.test(args[i + 1] ?? "")) {
      joined.push(`--seed=${args[++i]}`);
    } else {
      joined.push(args[i]);
    }
  }
  return joined;
}

function rejectAugmentFlags(values: Record<string, unknown>): void {
  for (const flag of AUGMENT_ONLY) {
    if (values[flag] === undefined) continue;
    const hint = flag === "resample"
      ? "coarsen averages into --slot"
      : "coarsen does not take it";
    throw new UsageError(`--${flag} is an augment option; ${hint}`);
  }
}

function oneOf<T extends string>(flag: string, text: string, choices: T[]): T {
  if (!(choices as string[]).includes(text)) {
    throw new UsageError(
      `invalid ${flag} '${text}': expected ${choices.join(" or ")}`,
    );
  }
  return text as T;
}

function parseShard(text: string): { index: number; count: number } {
  const match = /^([0-9]+)\/([0-9]+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || !(count >= 1 && index >= 1 && index <= count)) {
    throw new UsageError(
      `invalid --shard '${text}': expected K/N with 1 <= K <= N, such as 1/4`,
    );
  }
  return { index, count };
}

function parseStart(text: string): number {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) {
    throw new UsageError(
      `invalid --start '${text}': expected an ISO 8601 time such as 2024-01-01T00:00:00Z`,
    );
  }
  return ms;
}

function parseDelimiter(text: string): string {
  const delimiter = text === "tab" || text === "\\t" ? "\t" : text;
  if (![",", ";", "\t", "|"].includes(delimiter)) {
    throw new UsageError(
      `invalid --delimiter '${text}': expected ',', ';', tab or '|'`,
    );
  }
  return delimiter;
}

/**
 * Runs a tool from the command line and returns its exit code. Errors print
 * one line on stderr; the output and report files are then not created.
 *
 * @param tool `augment` or `coarsen`.
 * @param args The arguments after the script name.
 * @returns 0 on success, 1 on failure, 2 on a usage error.
 */
export async function runCommand(tool: Tool, args: string[]): Promise<number> {
  let flags;
  try {
    flags = parseRunFlags(tool, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}`);
    return 2;
  }
  if (flags.help) {
    console.log(helpText(tool));
    return 0;
  }
  try {
    if (flags.report !== undefined) {
      await checkReportPath(
        flags.report,
        flags.options.output,
        flags.options.input,
      );
    }
    const result = await runPipeline(tool, flags.options);
    warnSkipped(result);
    if (flags.report !== undefined) {
      const report = buildRunReport(tool, flags.options, result, [
        tool,
        ...args,
      ]);
      await writeTextAtomic(
        flags.report,
        JSON.stringify(report, null, 2) + "\n",
      );
    }
    if (flags.summary) console.error(summaryText(result, tool));
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error: ${message.split("\n")[0]}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

function warnSkipped(result: RunResult): void {
  const skipped = result.scan.skipped;
  if (skipped.length === 0) return;
  const names = skipped.slice(0, 6).map((s) => s.name).join(", ");
  console.error(
    `warning: skipped ${skipped.length} column(s) of text or with no values: ${names}${
      skipped.length > 6 ? ", ..." : ""
    } (the report lists why; pass --columns to choose columns)`,
  );
}

/**
 * Formats the summary of a run. The conservation error (largest relative
 * gap between a slot and the mean of its fine bins) is listed for `augment`
 * only, since `coarsen` generates no bins.
 *
 * @param result The run's result.
 * @param tool The tool that ran; default `augment`.
 * @returns A few lines of text.
 */
export function summaryText(result: RunResult, tool: Tool = "augment"): string {
  const maxError = Math.max(
    0,
    ...result.checks.map((c) => c.conservationError),
  );
  const rate = result.valuesWritten / result.seconds;
  const lines = [
    `series: ${result.series.length}`,
    `slots: ${result.grid.slots} of ${result.grid.slotMs / 1000} s`,
    `values written: ${result.valuesWritten} (${result.binsPerSlot} per slot)`,
  ];
  if (tool === "augment") {
    const missing = result.checks.reduce(
      (sum, check) => sum + (check.report?.nanSlots ?? 0),
      0,
    );
    lines.push(
      `missing slots (NaN in, NaN out): ${missing}`,
      `max conservation error: ${maxError.toExponential(2)}`,
    );
  }
  lines.push(
    `time: ${result.seconds.toFixed(2)} s (${Math.round(rate)} values/s)`,
  );
  return lines.join("\n");
}

/**
 * The help text of `scripts/augment.ts` and `scripts/coarsen.ts`.
 *
 * @module
 */

import type { Tool } from "./cli.ts";

/**
 * Returns the help text of a tool, listing every option with its default.
 *
 * @param tool `augment` or `coarsen`.
 * @returns The text.
 */
export function helpText(tool: Tool): string {
  const augment = tool === "augment";
  const lines = augment
    ? [
      "Usage: deno run -A scripts/augment.ts INPUT -o OUTPUT [options]",
      "",
      "Turns coarse traffic series (one mean rate per slot) into fine, bursty",
      "series whose bins average back to every slot. INPUT and OUTPUT are CSV",
      "files; '-' means standard input or output.",
      "",
      "  --dt SECONDS          fine bin width (default 5)",
      "  --slot SECONDS        slot length (default: the most common step between",
      "                        timestamps; required when there are none)",
      "  --seed N              random seed, a whole number; the same seed gives the",
      "                        same output; write a negative seed as --seed=-3 (default 0)",
      "  --no-conserve         do not rescale slots to their exact coarse mean",
      "                        (default: rescale, so every slot's bins average to it)",
      "  --spill carry|drop    let sessions run on into the next slot, or cut them (default carry)",
      "  --strategy S          variance target of each slot at dt: scaled:BETA (the",
      "                        slot values' variance in a centred window times",
      "                        (T/dt)^BETA), rolling (that variance as it is),",
      "                        cv:X (a fixed CV) or calibrated:FILE.json (fitted on",
      "                        a fine trace with calibrateFromFine)",
      "                        (default scaled:0.3)",
      "  --resample SECONDS    average irregular or repeated samples into slots of",
      "                        SECONDS first, then augment (default: off)",
    ]
    : [
      "Usage: deno run -A scripts/coarsen.ts INPUT -o OUTPUT [options]",
      "",
      "Averages a fine series into slots: the mean of the rows whose timestamps",
      "fall in each slot (missing values left out; a slot with none is empty).",
      "",
      "  --slot SECONDS        slot length (default 300)",
    ];
  lines.push(
    "  -o, --output FILE     output CSV (required); written to a temporary file and",
    "                        renamed at the end; '-' writes standard output as it goes",
    "  --format wide|long    output layout: one column per series, or",
    "                        item_id,timestamp,target rows (default wide)",
    "  --input-format wide|long  input layout (default: long when the header has",
    "                        item_id/series/id and target/value columns, else wide)",
    "  --columns A,B,...     value columns (wide) or series ids (long), by name or",
    "                        1-based position; repeatable (default: every numeric column)",
    "  --time-column NAME    time column (default: the first named time, timestamp,",
    "                        date, datetime or second)",
    "  --time-format FMT     timestamp format: a strftime pattern such as",
    "                        '%d/%m/%Y %H:%M', or epoch, epoch-ms, seconds",
    "                        (default: detected from all rows)",
    "  --tz ZONE             IANA zone of timestamps without an offset (default UTC)",
    "  --start ISO           start of the first slot when there is no time column",
    "                        (default 1970-01-01T00:00:00Z)",
    "  --delimiter D         input delimiter: ',', ';', tab or '|' (default: detected)",
    "  --header-line N       1-based line of the header (default: detected)",
    "  --shard K/N           process series K, K+N, K+2N, ... only (K from 1 to N;",
    "                        default: all series)",
    "  --workers N           Web Workers, each taking whole series (default 1: none)",
    "  --report FILE         write a JSON report of the run (default: none)",
    "  --progress            draw a progress bar on stderr (default: only on a terminal)",
    "  --summary             print a summary of the run on stderr (default: off)",
    "  -h, --help            print this help",
    "",
    "Exit status: 0 done, 1 failed (nothing written), 2 invalid command line.",
  );
  return lines.join("\n");
}

/**
 * Turns coarse traffic series in a CSV file into fine, bursty series that
 * average back to every slot. Run with `--help` for the options.
 *
 * Memory stays bounded for wide input of any size, since rows stream
 * through. V8 sizes each heap from the machine's memory, and with
 * `--workers 2` on 500 columns each worker's heap grew to about 100 MB on a
 * 24 GB machine. The flag `--v8-flags=--max-semi-space-size=1`, which
 * `deno task augment` passes, keeps the heaps small at a cost of a few
 * percent in speed.
 *
 * @example
 * ```sh
 * deno task augment scripts/data/abilene_total_7d.csv -o fine.csv --report run.json
 * ```
 *
 * @module
 */

import { runCommand } from "../io.ts";

if (import.meta.main) {
  Deno.exit(await runCommand("augment", Deno.args));
}

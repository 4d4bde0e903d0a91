/**
 * Averages a fine series in a CSV file into coarse slots (mean per slot),
 * for ground-truth pairs and for checking augmented output. Run with
 * `--help` for the options.
 *
 * @example
 * ```sh
 * deno run -A scripts/coarsen.ts fine.csv -o coarse.csv --slot 300
 * ```
 *
 * @module
 */

import { runCommand } from "../io.ts";

if (import.meta.main) {
  Deno.exit(await runCommand("coarsen", Deno.args));
}

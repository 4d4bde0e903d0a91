/**
 * A one-line progress bar on standard error.
 *
 * @module
 */

const encoder = new TextEncoder();
const WIDTH = 30;
/** Redraws at most this often, in milliseconds. */
const INTERVAL_MS = 200;

/** A progress bar over a known number of bytes; silent when disabled. */
export class Progress {
  readonly #enabled: boolean;
  readonly #total: number;
  #label = "";
  #drawnAt = -Infinity;
  readonly #startedAt = performance.now();

  /**
   * Creates a bar, which draws nothing before the first `update`.
   *
   * @param enabled Draw at all; callers pass `--progress` or whether stderr is a terminal.
   * @param totalBytes The input size, for the percentage.
   */
  constructor(enabled: boolean, totalBytes: number) {
    this.#enabled = enabled;
    this.#total = totalBytes;
  }

  /** Starts a phase, such as `reading` or `writing`. */
  phase(label: string): void {
    this.#label = label;
    this.#drawnAt = -Infinity;
  }

  /** Redraws with the bytes read so far and an optional note. */
  update(bytes: number, note = "", force = false): void {
    if (!this.#enabled) return;
    const now = performance.now();
    if (!force && now - this.#drawnAt < INTERVAL_MS) return;
    this.#drawnAt = now;
    const fraction = this.#total > 0 ? Math.min(1, bytes / this.#total) : 0;
    const filled = Math.round(fraction * WIDTH);
    const bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    const seconds = ((now - this.#startedAt) / 1000).toFixed(1);
    const line = `\r${this.#label.padEnd(8)} [${bar}] ${
      (fraction * 100).toFixed(0).padStart(3)
    }% ${seconds} s ${note}`;
    Deno.stderr.writeSync(encoder.encode(line.padEnd(79)));
  }

  /** Draws the phase as complete and ends the bar's line. */
  done(): void {
    if (!this.#enabled) return;
    this.update(this.#total, "", true);
    Deno.stderr.writeSync(encoder.encode("\n"));
  }
}

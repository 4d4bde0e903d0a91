/**
 * Output files that appear whole or not at all: text goes to a temporary
 * file beside the target, which is renamed over the target at the end. An
 * error or Ctrl-C removes the temporary file and leaves an existing target
 * untouched.
 *
 * @module
 */

const encoder = new TextEncoder();

/** Temporary files not yet committed, removed if the process is interrupted. */
const openTemps = new Set<string>();

function removeTempsAndExit(): void {
  for (const path of openTemps) {
    try {
      Deno.removeSync(path);
    } catch {
      // Already gone: nothing to clean.
    }
  }
  Deno.exit(130);
}

function trackTemp(path: string): void {
  if (openTemps.size === 0) {
    Deno.addSignalListener("SIGINT", removeTempsAndExit);
    Deno.addSignalListener("SIGTERM", removeTempsAndExit);
  }
  openTemps.add(path);
}

function untrackTemp(path: string): void {
  openTemps.delete(path);
  if (openTemps.size === 0) {
    Deno.removeSignalListener("SIGINT", removeTempsAndExit);
    Deno.removeSignalListener("SIGTERM", removeTempsAndExit);
  }
}

/** A destination for output text: a file written atomically, or stdout. */
export class OutputSink {
  readonly #target: string;
  readonly #temp: string | undefined;
  readonly #file: Deno.FsFile | undefined;
  #bytes = 0;
  #closed = false;

  private constructor(target: string, temp?: string, file?: Deno.FsFile) {
    this.#target = target;
    this.#temp = temp;
    this.#file = file;
  }

  /**
   * Opens a sink.
   *
   * @param target The output path, or `-` for standard output.
   * @returns The sink; nothing is visible at `target` until `commit()`.
   */
  static async open(target: string): Promise<OutputSink> {
    if (target === "-") return new OutputSink(target);
    const slash = target.lastIndexOf("/");
    const dir = slash === -1 ? "." : target.slice(0, slash) || "/";
    const base = target.slice(slash + 1);
    let temp: string;
    try {
      temp = await Deno.makeTempFile({
        dir,
        prefix: `.${base}.`,
        suffix: ".tmp",
      });
    } catch (error) {
      throw new TypeError(
        `Cannot write ${target}: ${
          (error as Error).message.split(":")[0]
        } in folder '${dir}'; check that it exists and is writable`,
      );
    }
    trackTemp(temp);
    const file = await Deno.open(temp, { write: true, truncate: true });
    return new OutputSink(target, temp, file);
  }

  /** Bytes written so far. */
  get bytesWritten(): number {
    return this.#bytes;
  }

  /** Appends text, or bytes of UTF-8 text. */
  async write(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return;
    const bytes = typeof text === "string" ? encoder.encode(text) : text;
    this.#bytes += bytes.length;
    const writable = this.#file ?? Deno.stdout;
    let written = 0;
    while (written < bytes.length) {
      written += await writable.write(bytes.subarray(written));
    }
  }

  /**
   * Closes the file and renames it over the target. When the rename fails,
   * the temporary file is removed and the target is not touched.
   *
   * @throws {TypeError} Naming the target when the rename fails.
   */
  async commit(): Promise<void> {
    if (this.#file === undefined || this.#closed) return;
    this.#closed = true;
    this.#file.close();
    const temp = this.#temp!;
    try {
      await Deno.chmod(temp, 0o644);
      await Deno.rename(temp, this.#target);
    } catch (error) {
      await Deno.remove(temp).catch(() => {});
      throw new TypeError(
        `Cannot write ${this.#target}: ${
          (error as Error).message.split(":")[0]
        }; nothing was written there`,
      );
    } finally {
      untrackTemp(temp);
    }
  }

  /** Closes and removes the temporary file; the target is not touched. */
  async abort(): Promise<void> {
    if (this.#file === undefined || this.#closed) return;
    this.#closed = true;
    this.#file.close();
    await Deno.remove(this.#temp!).catch(() => {});
    untrackTemp(this.#temp!);
  }
}

/**
 * Writes a whole text file atomically.
 *
 * @param path The target path, or `-` for standard output.
 * @param text The content.
 */
export async function writeTextAtomic(
  path: string,
  text: string,
): Promise<void> {
  const sink = await OutputSink.open(path);
  try {
    await sink.write(text);
    await sink.commit();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

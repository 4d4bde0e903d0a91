/**
 * Checks of the input and output paths of a run, made before anything is
 * read, so that a mistake gets a plain message and no file is touched.
 *
 * @module
 */

import { UsageError } from "./usage_error.ts";

/**
 * Checks that INPUT is a readable file.
 *
 * @param path The input path (not `-`).
 * @throws {TypeError} When the file is missing, a directory or unreadable.
 */
export async function checkInputFile(path: string): Promise<void> {
  const fail = (reason: string) =>
    new TypeError(`Cannot read INPUT '${path}': ${reason}`);
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) {
      throw fail("it is a directory; pass a CSV file");
    }
    using _file = await Deno.open(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw fail("file not found; check the path");
    }
    if (error instanceof Deno.errors.PermissionDenied) {
      throw fail("permission denied; check the file's permissions");
    }
    if (error instanceof Deno.errors.NotCapable) {
      throw fail("no read permission; run deno with --allow-read");
    }
    throw error;
  }
}

/**
 * Checks that an output path is neither a directory nor the input file, and
 * that its folder exists.
 * Paths are the same file when their real paths match (symbolic links
 * resolved) or when they are hard links to one file.
 *
 * @param flag The output's name in messages, such as `OUTPUT` or `--report`.
 * @param output The output path (`-` passes).
 * @param input The input path (`-` is never the same file).
 * @throws {UsageError} When the output is a directory or the input file,
 *   or its folder does not exist.
 */
export async function checkOutputPath(
  flag: string,
  output: string,
  input: string,
): Promise<void> {
  if (output === "-") return;
  if (output === "") {
    throw new UsageError(`Cannot write '': ${flag} is empty; pass a file path`);
  }
  const target = await statOrUndefined(output);
  if (target === undefined) {
    const slash = output.lastIndexOf("/");
    const folder = slash > 0 ? output.slice(0, slash) : slash === 0 ? "/" : ".";
    const info = await statOrUndefined(folder);
    if (info === undefined) {
      throw new UsageError(
        `Cannot write '${output}': the ${flag} folder '${folder}' does not exist; create it or choose another path`,
      );
    }
    if (!info.isDirectory) {
      throw new UsageError(
        `Cannot write '${output}': '${folder}' is a file, not a folder; choose another path`,
      );
    }
    return;
  }
  if (target.isDirectory) {
    const file = flag === "--report" ? "report.json" : "out.csv";
    const example = `${output.replace(/\/+$/, "")}/${file}`;
    throw new UsageError(
      `Cannot write '${output}': ${flag} is a directory; pass a file path such as '${example}'`,
    );
  }
  if (input === "-" || !(await sameFile(input, output, target))) return;
  throw new UsageError(
    `Cannot write '${output}': ${flag} is the INPUT file; choose another path`,
  );
}

/**
 * Checks the `--report` path as an output path, and that it is not OUTPUT,
 * which may not exist yet, so the two are compared as absolute paths.
 *
 * @param report The report path.
 * @param output The OUTPUT path (`-` passes).
 * @param input The input path.
 * @throws {UsageError} When the report path is invalid or is OUTPUT.
 */
export async function checkReportPath(
  report: string,
  output: string,
  input: string,
): Promise<void> {
  await checkOutputPath("--report", report, input);
  if (output !== "-" && absolutePath(report) === absolutePath(output)) {
    throw new UsageError(
      `Cannot write '${report}': --report is the OUTPUT file; choose another path`,
    );
  }
}

/** Resolves a path against the working folder, without touching the file. */
function absolutePath(path: string): string {
  return decodeURIComponent(new URL(path, `file://${Deno.cwd()}/`).pathname);
}

async function sameFile(
  input: string,
  output: string,
  target: Deno.FileInfo,
): Promise<boolean> {
  const source = await statOrUndefined(input);
  if (source === undefined) return false;
  if (source.ino !== null && source.dev === target.dev) {
    return source.ino === target.ino;
  }
  return await Deno.realPath(input) === await Deno.realPath(output);
}

/** Returns the file's information, or undefined when it cannot be read. */
async function statOrUndefined(
  path: string,
): Promise<Deno.FileInfo | undefined> {
  try {
    return await Deno.stat(path);
  } catch {
    // Missing or unreadable: writing the output reports it, if it matters.
    return undefined;
  }
}

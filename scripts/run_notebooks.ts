/**
 * Runs the notebooks headless with the Deno kernel, checks them, and exports
 * them to HTML.
 *
 * Usage: deno task notebooks [--no-html] [--screenshot] [--timeout SECONDS]
 *                            [NOTEBOOK ...]
 *
 * For each `notebooks/NN_*.ipynb` (or each notebook named on the command
 * line), in order:
 * 1. executes it in place, outputs saved into the .ipynb:
 *    `jupyter nbconvert --to notebook --execute --inplace --allow-errors
 *    --ExecutePreprocessor.kernel_name=deno
 *    --ExecutePreprocessor.record_timing=False NB`, with JUPYTER_PATH pointing
 *    at `notebooks/` so that the kernel spec `notebooks/kernels/deno` is used;
 * 2. checks it (see check_notebooks.ts): no cell error, every cell run, every
 *    chart in `metadata.expected_charts` present;
 * 3. exports it to `out/notebooks/NAME.html` (`jupyter nbconvert --to html`),
 *    unless `--no-html`;
 * 4. with `--screenshot` (a manual check, not for CI), screenshots the HTML
 *    to `out/notebooks/NAME.png`: `chromium --headless --no-sandbox
 *    --disable-gpu --disable-quic --no-first-run
 *    --disable-background-networking --disable-component-update
 *    --disable-sync --user-data-dir=EMPTY_TEMP_DIR --screenshot=NAME.png
 *    --window-size=1200,3000 file:///ABSOLUTE/PATH/NAME.html`.
 *
 * Needs `jupyter` (Debian: `apt-get install -y --no-install-recommends
 * jupyter-nbconvert jupyter-client`), `deno` on PATH for the kernel, and for
 * screenshots `chromium` (`apt-get install -y --no-install-recommends
 * chromium`). Exits with status 1 when any notebook fails to run or check.
 *
 * The kernel runs with every Deno permission granted: `deno jupyter
 * --kernel` takes no permission flags (Deno 2.x rejects `--allow-read` there
 * as an unexpected argument), so notebooks can read data files, import npm
 * packages and write files without prompts.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { checkNotebookFiles } from "./check_notebooks.ts";

const ROOT = new URL("../", import.meta.url);
const NOTEBOOKS = new URL("notebooks/", ROOT);
const OUT = new URL("out/notebooks/", ROOT);
const NOTEBOOK_NAME = /^\d\d_.*\.ipynb$/;

const USAGE =
  `Usage: deno task notebooks [--no-html] [--screenshot] [--timeout SECONDS] [NOTEBOOK ...]

Executes notebooks/NN_*.ipynb in place with the Deno kernel, checks for cell
errors and missing charts, and exports HTML to out/notebooks/.
  --no-html          skip the HTML export
  --screenshot       also save out/notebooks/NAME.png with headless Chromium
  --timeout SECONDS  time limit of one cell (default 600)`;

/** Runs a command, returns its exit code and the tail of its stderr. */
async function run(command: string, args: string[]) {
  const env = { JUPYTER_PATH: withJupyterPath(), RUST_BACKTRACE: "0" };
  try {
    const output = await new Deno.Command(command, {
      args,
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(output.stderr).trim();
    return { code: output.code, tail: stderr.split("\n").slice(-8).join("\n") };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return { code: 127, tail: `${command} not found on PATH` };
    }
    throw error;
  }
}

/** JUPYTER_PATH with notebooks/ first, so its kernel spec wins. */
function withJupyterPath(): string {
  const own = NOTEBOOKS.pathname;
  const existing = Deno.env.get("JUPYTER_PATH");
  return existing ? `${own}:${existing}` : own;
}

/** Lists the notebooks to run: those named, or every NN_*.ipynb. */
async function notebookPaths(names: string[]): Promise<string[]> {
  if (names.length > 0) {
    return names.map((name) =>
      name.includes("/") ? name : new URL(name, NOTEBOOKS).pathname
    );
  }
  const paths: string[] = [];
  for await (const entry of Deno.readDir(NOTEBOOKS)) {
    if (entry.isFile && NOTEBOOK_NAME.test(entry.name)) {
      paths.push(new URL(entry.name, NOTEBOOKS).pathname);
    }
  }
  return paths.sort();
}

/** Screenshots an HTML file with headless Chromium in a throwaway profile. */
async function screenshot(html: string, png: string) {
  const profile = await Deno.makeTempDir({ prefix: "chromium-profile-" });
  try {
    return await run("chromium", [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${profile}`,
      `--screenshot=${png}`,
      "--window-size=1200,3000",
      `file://${html}`,
    ]);
  } finally {
    await Deno.remove(profile, { recursive: true });
  }
}

/** Executes one notebook in place and returns the problems of the result. */
async function executeAndCheck(
  path: string,
  timeout: number,
): Promise<string[]> {
  const executed = await run("jupyter", [
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    "--inplace",
    "--allow-errors",
    "--ExecutePreprocessor.kernel_name=deno",
    // Timestamps in cell metadata would change the file on every run.
    "--ExecutePreprocessor.record_timing=False",
    `--ExecutePreprocessor.timeout=${timeout}`,
    path,
  ]);
  if (executed.code !== 0) {
    return [
      `${path}: execution failed (jupyter nbconvert exit ${executed.code}):\n${executed.tail}`,
    ];
  }
  return await checkNotebookFiles([path]);
}

/** Runs, checks and exports one notebook; returns its problems. */
async function processNotebook(
  path: string,
  options: { html: boolean; screenshot: boolean; timeout: number },
): Promise<string[]> {
  const name = path.split("/").pop()!.replace(/\.ipynb$/, "");
  const started = performance.now();
  let problems = await executeAndCheck(path, options.timeout);
  if (problems.length > 0) {
    // NOTE: the Deno kernel has been seen to drop the value of a notebook's
    // last cell, so a run with problems gets one more try before it fails.
    console.log(`${name}: ${problems.length} problems, running it once more`);
    problems = await executeAndCheck(path, options.timeout);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${name}: executed in ${seconds} s, ${problems.length} problems`);

  if (options.html || options.screenshot) {
    const exported = await run("jupyter", [
      "nbconvert",
      "--to",
      "html",
      `--output-dir=${OUT.pathname}`,
      path,
    ]);
    if (exported.code !== 0) {
      problems.push(`${path}: HTML export failed:\n${exported.tail}`);
    } else if (options.screenshot) {
      const html = `${OUT.pathname}${name}.html`;
      const png = `${OUT.pathname}${name}.png`;
      const shot = await screenshot(html, png);
      if (shot.code !== 0) {
        problems.push(`${path}: screenshot failed:\n${shot.tail}`);
      } else console.log(`${name}: screenshot in ${png}`);
    }
  }
  return problems;
}

if (import.meta.main) {
  let parsed;
  try {
    parsed = parseArgs({
      args: Deno.args,
      allowPositionals: true,
      options: {
        "no-html": { type: "boolean", default: false },
        screenshot: { type: "boolean", default: false },
        timeout: { type: "string", default: "600" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    Deno.exit(2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    Deno.exit(0);
  }
  const timeout = Number(values.timeout);
  if (!(Number.isInteger(timeout) && timeout > 0)) {
    console.error(
      `Invalid --timeout: expected a whole number of seconds > 0, got ${values.timeout}`,
    );
    Deno.exit(2);
  }
  const paths = await notebookPaths(positionals);
  if (paths.length === 0) {
    console.error(
      `No notebooks found: expected ${NOTEBOOKS.pathname}NN_*.ipynb`,
    );
    Deno.exit(1);
  }
  await Deno.mkdir(OUT, { recursive: true });
  const started = performance.now();
  const problems: string[] = [];
  for (const path of paths) {
    problems.push(
      ...await processNotebook(path, {
        html: !values["no-html"],
        screenshot: values.screenshot,
        timeout,
      }),
    );
  }
  for (const problem of problems) console.error(problem);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${paths.length} notebooks run in ${seconds} s, ${problems.length} problems`,
  );
  if (problems.length > 0) Deno.exit(1);
}

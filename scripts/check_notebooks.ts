/**
 * Checks executed Jupyter notebooks: every code cell ran, no cell raised an
 * error, and every chart listed in the notebook's `metadata.expected_charts`
 * appears in the outputs as `text/html` with a `data-chart="NAME"` attribute
 * (what `showChart` from plot.ts sends).
 *
 * Usage: deno run --allow-read scripts/check_notebooks.ts NOTEBOOK.ipynb ...
 *
 * Prints one line per problem and exits with status 1 when there is any.
 *
 * @module
 */

/** The parts of an nbformat 4 notebook that the check reads. */
interface Notebook {
  metadata?: { expected_charts?: unknown };
  cells?: Cell[];
}

interface Cell {
  cell_type?: string;
  source?: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}

interface Output {
  output_type?: string;
  ename?: string;
  evalue?: string;
  data?: Record<string, unknown>;
}

const CHART_ATTRIBUTE = /data-chart="([^"]*)"/g;
// deno-lint-ignore no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;]*m/g;

/**
 * Checks one executed notebook.
 *
 * @param notebook The parsed notebook JSON.
 * @param name The notebook's file name, put in front of every problem.
 * @returns One message per problem; empty when the notebook passes.
 */
export function checkNotebook(notebook: unknown, name: string): string[] {
  const { metadata, cells } = (notebook ?? {}) as Notebook;
  if (!Array.isArray(cells)) {
    return [`${name}: not an nbformat 4 notebook (no "cells" array)`];
  }
  const problems: string[] = [];
  const expected = metadata?.expected_charts;
  if (
    !Array.isArray(expected) ||
    !expected.every((chart) => typeof chart === "string")
  ) {
    problems.push(
      `${name}: metadata.expected_charts is missing or not a list of strings; list the data-chart names the notebook shows ([] for none)`,
    );
  }

  const shown = new Set<string>();
  for (const [index, cell] of cells.entries()) {
    if (cell.cell_type !== "code" || sourceText(cell).trim() === "") continue;
    const where = `${name}: cell ${index + 1} (${firstLine(cell)})`;
    if (cell.execution_count === null || cell.execution_count === undefined) {
      problems.push(`${where} was not executed`);
    }
    for (const output of cell.outputs ?? []) {
      if (output.output_type === "error") {
        const message = `${output.ename}: ${output.evalue}`;
        problems.push(`${where} raised ${message.replace(ANSI_ESCAPE, "")}`);
      }
      for (const chart of chartNames(output)) shown.add(chart);
    }
  }
  for (const chart of Array.isArray(expected) ? expected : []) {
    if (typeof chart === "string" && !shown.has(chart)) {
      problems.push(
        `${name}: chart "${chart}" is listed in metadata.expected_charts but missing from the outputs; show it with showChart()`,
      );
    }
  }
  return problems;
}

/** Returns the data-chart names in an output's `text/html`. */
function chartNames(output: Output): string[] {
  const html = output.data?.["text/html"];
  const text = Array.isArray(html) ? html.join("") : html;
  if (typeof text !== "string") return [];
  return Array.from(text.matchAll(CHART_ATTRIBUTE), (match) => match[1]);
}

function sourceText(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source ?? "";
}

/** Returns the cell's first non-blank line, cut to 40 characters. */
function firstLine(cell: Cell): string {
  const line = sourceText(cell).split("\n").find((l) => l.trim() !== "") ?? "";
  const trimmed = line.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}

/**
 * Reads and checks notebook files.
 *
 * @param paths Paths of executed notebooks.
 * @returns Every problem found, one message each.
 */
export async function checkNotebookFiles(paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    let notebook: unknown;
    try {
      notebook = JSON.parse(await Deno.readTextFile(path));
    } catch (error) {
      problems.push(`${path}: cannot read the notebook: ${String(error)}`);
      continue;
    }
    problems.push(...checkNotebook(notebook, path));
  }
  return problems;
}

if (import.meta.main) {
  if (Deno.args.length === 0) {
    console.error(
      "Usage: deno run --allow-read scripts/check_notebooks.ts NOTEBOOK.ipynb ...",
    );
    Deno.exit(2);
  }
  const problems = await checkNotebookFiles(Deno.args);
  for (const problem of problems) console.error(problem);
  console.log(
    `${Deno.args.length} notebooks checked, ${problems.length} problems`,
  );
  if (problems.length > 0) Deno.exit(1);
}

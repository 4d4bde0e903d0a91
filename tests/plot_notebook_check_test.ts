import assert from "node:assert/strict";
import {
  checkNotebook,
  checkNotebookFiles,
} from "../scripts/check_notebooks.ts";

/** Builds an executed notebook the way nbconvert saves one. */
function notebook(options: {
  expected?: unknown;
  outputs?: unknown[];
  executionCount?: number | null;
}) {
  const metadata: Record<string, unknown> = { kernelspec: { name: "deno" } };
  if (options.expected !== undefined) {
    metadata.expected_charts = options.expected;
  }
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata,
    cells: [
      { cell_type: "markdown", source: ["# Title"] },
      {
        cell_type: "code",
        source: ['import { showChart } from "../plot.ts";\n', "await run();"],
        execution_count: options.executionCount === undefined
          ? 1
          : options.executionCount,
        outputs: options.outputs ?? [],
      },
      { cell_type: "code", source: "", execution_count: null, outputs: [] },
    ],
  };
}

const CHART_OUTPUT = {
  output_type: "display_data",
  data: {
    "text/html": ['<figure data-chart="rates">\n', "<svg></svg></figure>"],
    "text/plain": "[chart rates]",
  },
  metadata: {},
};

Deno.test("checkNotebook() passes a clean notebook", () => {
  const problems = checkNotebook(
    notebook({ expected: ["rates"], outputs: [CHART_OUTPUT] }),
    "01_rates.ipynb",
  );
  assert.deepEqual(problems, []);
});

Deno.test("checkNotebook() reports an error output", () => {
  const problems = checkNotebook(
    notebook({
      expected: [],
      outputs: [{
        output_type: "error",
        ename: "RangeError",
        evalue: "\x1b[31mslot 3 is negative\x1b[0m",
        traceback: [],
      }],
    }),
    "01_rates.ipynb",
  );
  assert.deepEqual(problems, [
    '01_rates.ipynb: cell 2 (import { showChart } from "../plot.ts";) raised RangeError: slot 3 is negative',
  ]);
});

Deno.test("checkNotebook() reports a missing chart", () => {
  const problems = checkNotebook(
    notebook({ expected: ["rates", "acf"], outputs: [CHART_OUTPUT] }),
    "01_rates.ipynb",
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^01_rates\.ipynb: chart "acf" is listed/);
});

Deno.test("checkNotebook() ignores charts outside text/html", () => {
  const svgOnly = {
    output_type: "display_data",
    data: { "image/svg+xml": '<svg data-chart="rates"></svg>' },
  };
  const problems = checkNotebook(
    notebook({ expected: ["rates"], outputs: [svgOnly] }),
    "01_rates.ipynb",
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0], /chart "rates" is listed/);
});

Deno.test("checkNotebook() requires metadata.expected_charts", async (t) => {
  for (
    const [name, expected] of [
      ["missing", undefined],
      ["not a list", "rates"],
      ["not strings", [1]],
    ] as const
  ) {
    await t.step(name, () => {
      const problems = checkNotebook(notebook({ expected }), "02.ipynb");
      assert.equal(problems.length, 1);
      assert.match(
        problems[0],
        /^02\.ipynb: metadata\.expected_charts is missing/,
      );
    });
  }
});

Deno.test("checkNotebook() reports a cell that did not run", () => {
  const problems = checkNotebook(
    notebook({ expected: [], executionCount: null }),
    "03.ipynb",
  );
  assert.deepEqual(problems, [
    '03.ipynb: cell 2 (import { showChart } from "../plot.ts";) was not executed',
  ]);
});

Deno.test("checkNotebook() rejects JSON that is not a notebook", () => {
  assert.deepEqual(checkNotebook({ cells: "none" }, "x.ipynb"), [
    'x.ipynb: not an nbformat 4 notebook (no "cells" array)',
  ]);
});

Deno.test("checkNotebookFiles() reports an unreadable file", async () => {
  const path = await Deno.makeTempFile({ suffix: ".ipynb" });
  try {
    await Deno.writeTextFile(path, "{ not json");
    const problems = await checkNotebookFiles([path]);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /cannot read the notebook: SyntaxError/);
  } finally {
    await Deno.remove(path);
  }
});

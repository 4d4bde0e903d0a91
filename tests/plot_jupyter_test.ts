/// <reference lib="dom" />
import assert from "node:assert/strict";
import { emptyReport, generateFineSeriesFromCoarse } from "../mod.ts";
import {
  chartBundle,
  chartToHtml,
  displayable,
  plotBars,
  reportToHtml,
  showChart,
  showHtml,
  withJupyterDisplay,
} from "../plot.ts";

const DISPLAY = Symbol.for("Jupyter.display");

/** Calls the rich display method that the Deno kernel would call. */
function render(value: object): Record<string, string> {
  const method = (value as Record<symbol, unknown>)[DISPLAY];
  assert.equal(typeof method, "function", "no Jupyter display method");
  return (method as () => Record<string, string>)();
}

function smallChart() {
  return plotBars({
    bars: [{ label: "a", value: 1 }],
    title: "Small",
    yLabel: "Value (units)",
    name: "small",
  });
}

Deno.test("chartBundle() sends the chart as text/html", () => {
  const chart = smallChart();
  const bundle = chartBundle(chart);
  assert.equal(bundle["text/html"], chartToHtml(chart));
  assert.equal(bundle["text/plain"], "[chart small]");
  assert.equal(bundle["image/svg+xml"], undefined);
});

Deno.test("showChart() and showHtml() do nothing outside Jupyter", async () => {
  assert.equal(await showChart(smallChart()), undefined);
  assert.equal(await showHtml("<b>x</b>"), undefined);
});

Deno.test("withJupyterDisplay() adds a hidden display method", () => {
  const value = { n: 3 };
  const result = withJupyterDisplay(value, (v) => ({ "text/html": `${v.n}` }));
  assert.equal(result, value);
  assert.deepEqual(render(result), { "text/html": "3" });
  assert.deepEqual(Object.keys(result), ["n"]);
  assert.equal(JSON.stringify(result), '{"n":3}');
});

Deno.test("reportToHtml() lists every field and the mean sources", () => {
  const report = {
    ...emptyReport(),
    slots: 5,
    simulatedSlots: 4,
    sourcesSum: 30,
    rescaleMedian: 1.23456,
  };
  report.rescaleHistogram[10] = 3;
  const html = reportToHtml(report);
  for (const field of Object.keys(report)) {
    assert.ok(html.includes(`>${field}</th>`), `missing field ${field}`);
  }
  // 30 sources over 4 simulated slots.
  assert.ok(
    html.includes('<th style="text-align:left">sourcesMean</th><td>7.5</td>'),
  );
  assert.ok(html.includes("<td>1.235</td>"));
  assert.ok(html.includes(`${report.rescaleHistogram.length} bins, 3 in all`));
});

Deno.test("displayable() shows a report as a table", () => {
  const report = displayable({ ...emptyReport(), slots: 7 });
  const bundle = render(report);
  assert.equal(bundle["text/html"], reportToHtml(report));
  assert.equal(report.slots, 7);
});

Deno.test("displayable() shows a generated series as table and chart", () => {
  const coarse = [5, 8, 6];
  const result = displayable(
    generateFineSeriesFromCoarse(coarse, { seed: 2 }),
    { coarse, unit: "Mbit/s" },
  );
  const html = render(result)["text/html"];
  assert.ok(html.includes('data-report="augmentation"'));
  assert.ok(html.includes('data-chart="generated-series"'));
  assert.ok(html.includes("Rate (Mbit/s)"));
  assert.ok(html.includes("coarse input"));
});

Deno.test("displayable() uses slot means when no coarse is given", () => {
  const result = displayable({
    fine: new Float64Array(120).fill(2),
    report: emptyReport(),
  });
  assert.ok(
    render(result)["text/html"].includes("slot mean of the fine series"),
  );
});

Deno.test("displayable() shows a chart", () => {
  const chart = displayable(smallChart());
  assert.equal(render(chart)["text/html"], chartToHtml(chart));
});

Deno.test("displayable() rejects other values", async (t) => {
  await t.step("plain object", () => {
    assert.throws(
      () => displayable({} as never),
      /expected a chart, an augmentation report or a generated series/,
    );
  });
  await t.step("series of partial slots", () => {
    assert.throws(
      () => displayable({ fine: new Float64Array(90), report: emptyReport() }),
      /fine has 90 bins, expected a whole number of slots of 60 bins/,
    );
  });
  await t.step("series not matching coarse", () => {
    assert.throws(
      () =>
        displayable({ fine: new Float64Array(120), report: emptyReport() }, {
          coarse: [1, 2, 3],
        }),
      /fine has 120 bins, expected 180 bins for 3 coarse values/,
    );
  });
});

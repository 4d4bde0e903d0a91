/// <reference lib="dom" />
import assert from "node:assert/strict";
import { createSeriesRandom, standardNormal } from "../mod.ts";
import {
  type Chart,
  plotAcf,
  plotBars,
  plotHistogram,
  plotLines,
  plotScatter,
  plotTheoryVsMonteCarlo,
  plotVarianceTime,
} from "../plot.ts";

function texts(chart: Chart, selector: string): string[] {
  return Array.from(chart.querySelectorAll(selector), (e) => e.textContent!);
}

function count(chart: Chart, selector: string): number {
  return chart.querySelectorAll(selector).length;
}

/** Draws a seeded normal sample. */
function normalSample(size: number, seriesKey: string): Float64Array {
  const uniform = createSeriesRandom(11, seriesKey);
  return Float64Array.from({ length: size }, () => standardNormal(uniform));
}

Deno.test("plotLines() draws lines, dots and error bars", () => {
  const chart = plotLines({
    series: [
      {
        label: "measured",
        x: [1, 2, 3],
        y: [2, 3, 5],
        low: [1.5, NaN, 4],
        high: [2.5, NaN, 6],
      },
      { label: "model", x: [1, 2, 3], y: [2, 3.5, 4.5], dots: false },
    ],
    title: "Two series",
    xLabel: "Lag (s)",
    yLabel: "Variance (Mbit/s)²",
  });
  assert.equal(texts(chart, "h2")[0], "Two series");
  assert.match(texts(chart, '[aria-label="x-axis label"]')[0], /Lag \(s\)/);
  assert.match(
    texts(chart, '[aria-label="y-axis label"]')[0],
    /Variance \(Mbit\/s\)²/,
  );
  assert.deepEqual(texts(chart, "[class$='-swatch']"), ["measured", "model"]);
  assert.equal(count(chart, 'g[aria-label="line"] path'), 2);
  // The NaN bar is left out.
  assert.equal(count(chart, 'g[aria-label="rule"] line'), 2);
  assert.equal(count(chart, 'g[aria-label="dot"] circle'), 3);
});

Deno.test("plotLines() shows no legend for one series", () => {
  const chart = plotLines({
    series: [{ label: "only", x: [1, 2], y: [1, 2] }],
    title: "One",
    xLabel: "x (s)",
    yLabel: "y (s)",
  });
  assert.equal(count(chart, "[class$='-swatch']"), 0);
});

Deno.test("plotLines() labels log ticks with plain numbers", () => {
  const chart = plotLines({
    series: [{ label: "decay", x: [1, 10, 100], y: [1, 0.1, 0.01] }],
    title: "Decay",
    xLabel: "m (bins)",
    yLabel: "Ratio",
    xType: "log",
    yType: "log",
  });
  const ticks = texts(chart, '[aria-label="y-axis tick label"] text');
  assert.ok(ticks.includes("0.1"), `ticks: ${ticks.join(" ")}`);
  assert.ok(!ticks.some((tick) => tick.endsWith("m")));
});

Deno.test("plotLines() rejects bad series", async (t) => {
  const cases = [
    {
      name: "duplicate label",
      series: [
        { label: "a", x: [1], y: [1] },
        { label: "a", x: [1], y: [2] },
      ],
      message: /label is used twice/,
    },
    {
      name: "x and y lengths",
      series: [{ label: "a", x: [1, 2], y: [1] }],
      message: /x and y of series 0 \("a"\): lengths differ \(2 and 1\)/,
    },
    {
      name: "low without high",
      series: [{ label: "a", x: [1], y: [1], low: [0] }],
      message: /need both low and high/,
    },
    {
      name: "short high",
      series: [{ label: "a", x: [1, 2], y: [1, 2], low: [0, 1], high: [2] }],
      message: /x and high/,
    },
  ];
  for (const { name, series, message } of cases) {
    await t.step(name, () => {
      assert.throws(
        () => plotLines({ series, title: "t", xLabel: "x", yLabel: "y" }),
        message,
      );
    });
  }
});

Deno.test("plotTheoryVsMonteCarlo() draws the line and the intervals", () => {
  const chart = plotTheoryVsMonteCarlo({
    x: [1, 2, 4, 8],
    theory: [1, 2, 4, 8],
    monteCarlo: {
      mean: [1.1, 1.9, 4.2, 7.7],
      standardError: [0.1, 0.1, 0.2, 0.3],
    },
    z: 2.58,
    title: "Bin variance",
    xLabel: "Arrival rate (1/s)",
    yLabel: "Variance (Mbit/s)²",
  });
  assert.equal(count(chart, 'g[aria-label="line"] path'), 1);
  assert.equal(count(chart, 'g[aria-label="dot"] circle'), 4);
  assert.equal(count(chart, 'g[aria-label="rule"] line'), 4);
  assert.match(texts(chart, "figcaption")[0], /± 2\.58 standard errors/);
  assert.deepEqual(texts(chart, "[class$='-swatch']"), [
    "theory",
    "Monte Carlo",
  ]);
});

Deno.test("plotTheoryVsMonteCarlo() rejects a bad z", () => {
  assert.throws(
    () =>
      plotTheoryVsMonteCarlo({
        x: [1],
        theory: [1],
        monteCarlo: { mean: [1], standardError: [0.1] },
        z: -1,
        title: "t",
        xLabel: "x",
        yLabel: "y",
      }),
    /Invalid z: .* got -1/,
  );
});

Deno.test("plotBars() draws grouped bars with error bars", () => {
  const chart = plotBars({
    bars: [
      { group: "Milan", label: "MAE", value: 1.2, low: 1, high: 1.4 },
      { group: "Milan", label: "RMSE", value: 1.9 },
      { group: "KTH", label: "MAE", value: 0.8, low: 0.7, high: 0.9 },
      { group: "KTH", label: "RMSE", value: 1.1 },
    ],
    title: "Errors by data set",
    yLabel: "Error (Mbit/s)",
    xLabel: "Data set",
  });
  assert.equal(count(chart, 'g[aria-label="bar"] rect'), 4);
  // Two error bars, and the zero line once in each of the two groups.
  assert.equal(count(chart, 'g[aria-label="rule"] line'), 2 + 2);
  assert.deepEqual(texts(chart, "[class$='-swatch']"), ["MAE", "RMSE"]);
  assert.match(
    texts(chart, '[aria-label="y-axis label"]')[0],
    /Error \(Mbit\/s\)/,
  );
});

Deno.test("plotBars() draws ungrouped bars without a legend", () => {
  const chart = plotBars({
    bars: [{ label: "MAE", value: 1.2 }, { label: "RMSE", value: 1.9 }],
    title: "Errors",
    yLabel: "Error (Mbit/s)",
  });
  assert.equal(count(chart, 'g[aria-label="bar"] rect'), 2);
  assert.equal(count(chart, "[class$='-swatch']"), 0);
  assert.deepEqual(texts(chart, '[aria-label="x-axis tick label"] text'), [
    "MAE",
    "RMSE",
  ]);
});

Deno.test("plotBars() rejects duplicate and half error bars", async (t) => {
  await t.step("duplicate label", () => {
    assert.throws(
      () =>
        plotBars({
          bars: [{ label: "a", value: 1 }, { label: "a", value: 2 }],
          title: "t",
          yLabel: "y",
        }),
      /Invalid bar 1: label "a" is used twice/,
    );
  });
  await t.step("low only", () => {
    assert.throws(
      () =>
        plotBars({
          bars: [{ label: "a", value: 1, low: 0 }],
          title: "t",
          yLabel: "y",
        }),
      /need both low and high/,
    );
  });
});

Deno.test("plotHistogram() bins values into equal shares", () => {
  // Ten values 1..10 in five bins of width 1.8: two values in each.
  const chart = plotHistogram({
    series: [{ label: "uniform", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }],
    title: "Uniform",
    xLabel: "Rate (Mbit/s)",
    bins: 5,
  });
  const bars = chart.querySelectorAll('g[aria-label="rect"] rect');
  assert.equal(bars.length, 5);
  const heights = Array.from(bars, (bar) => bar.getAttribute("height"));
  assert.equal(new Set(heights).size, 1);
  assert.match(
    texts(chart, '[aria-label="y-axis label"]')[0],
    /Share of values \(%\)/,
  );
});

Deno.test("plotHistogram() overlays samples and counts dropped values", () => {
  const a = normalSample(500, "a");
  const b = normalSample(300, "b").map((v) => 2 * v + 1);
  b[0] = NaN;
  b[1] = Infinity;
  const chart = plotHistogram({
    series: [{ label: "a", values: a }, { label: "b", values: b }],
    title: "Two samples",
    xLabel: "Value (Mbit/s)",
    bins: 20,
  });
  assert.deepEqual(texts(chart, "[class$='-swatch']"), ["a", "b"]);
  const bars = count(chart, 'g[aria-label="rect"] rect');
  assert.ok(bars > 20, `bars: ${bars}`);
  assert.ok(bars <= 40, `bars: ${bars}`);
  assert.match(texts(chart, "figcaption")[0], /^2 values not shown/);
});

Deno.test("plotHistogram() drops values <= 0 on a log axis", () => {
  const chart = plotHistogram({
    series: [{ label: "rates", values: [0, -1, 1, 10, 100] }],
    title: "Log",
    xLabel: "Rate (Mbit/s)",
    xType: "log",
    bins: 2,
  });
  assert.match(texts(chart, "figcaption")[0], /2 values not shown.*<= 0/);
  assert.equal(count(chart, 'g[aria-label="rect"] rect'), 2);
});

Deno.test("plotHistogram() rejects samples with nothing to draw", () => {
  assert.throws(
    () =>
      plotHistogram({
        series: [{ label: "empty", values: [NaN] }],
        title: "t",
        xLabel: "x",
      }),
    /no series has a finite value/,
  );
});

Deno.test("plotScatter() draws points and the identity line", () => {
  const x = normalSample(40, "x").map((v) => 10 + v);
  const y = x.map((v, i) => v + 0.1 * (i % 3));
  const chart = plotScatter({
    series: [{ label: "slots", x, y }],
    title: "Achieved against target",
    xLabel: "Target (Mbit/s)",
    yLabel: "Achieved (Mbit/s)",
    identity: true,
  });
  assert.equal(count(chart, 'g[aria-label="dot"] circle'), 40);
  assert.equal(count(chart, 'g[aria-label="line"] path'), 1);
  assert.ok(
    chart.querySelector('g[aria-label="line"]')!.outerHTML.includes(
      "stroke-dasharray",
    ),
  );
  assert.deepEqual(texts(chart, "[class$='-swatch']"), ["slots", "y = x"]);
});

Deno.test("plotVarianceTime() normalises curves and adds slope -1", () => {
  const chart = plotVarianceTime({
    curves: [
      { label: "fine", m: [1, 2, 4, 8], variance: [8, 5, 3, 2] },
      { label: "white noise", m: [1, 2, 4, 8], variance: [4, 2, 1, 0.5] },
    ],
    dt: 5,
  });
  assert.deepEqual(texts(chart, "[class$='-swatch']"), [
    "fine",
    "white noise",
    "slope -1 (H = 0.5)",
  ]);
  assert.equal(count(chart, 'g[aria-label="line"] path'), 3);
  assert.match(
    texts(chart, '[aria-label="x-axis label"]')[0],
    /Aggregation time m·dt \(s\)/,
  );
  // White noise divided by its first variance lies on the reference:
  // both lines end at the same point.
  const [, noise, reference] = Array.from(
    chart.querySelectorAll('g[aria-label="line"] path'),
    (path) => path.getAttribute("d")!,
  );
  assert.equal(noise.split(/[ML]/).pop(), reference.split(/[ML]/).pop());
});

Deno.test("plotAcf() draws the white-noise band", () => {
  const chart = plotAcf({
    series: [
      { label: "fine", acf: [1, 0.6, 0.3, 0.1] },
      { label: "coarse", acf: [1, 0.2], lags: [0, 60] },
    ],
    dt: 5,
    sampleSize: 400,
  });
  // Reference lines at 0 and ±1.96/√400 = ±0.098.
  assert.equal(count(chart, 'g[aria-label="rule"] line'), 3);
  assert.match(texts(chart, "figcaption")[0], /±0\.098/);
  assert.equal(count(chart, 'g[aria-label="dot"] circle'), 4 + 2);
  assert.match(texts(chart, '[aria-label="x-axis label"]')[0], /Lag \(s\)/);
});

Deno.test("plotAcf() rejects a bad sample size", () => {
  assert.throws(
    () => plotAcf({ series: [{ label: "a", acf: [1] }], sampleSize: 0.5 }),
    /Invalid sampleSize/,
  );
});

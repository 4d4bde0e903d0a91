/// <reference lib="dom" />
import assert from "node:assert/strict";
import { coarsenFineToSlots, generateFineSeriesFromCoarse } from "../mod.ts";
import {
  type Chart,
  meanSlotProfile,
  plotCoarseVsFine,
  plotCoarseVsReaggregated,
  plotSlotProfile,
} from "../plot.ts";

const COARSE = [12, 30, 18, 25];
const BINS = 6;
const DT = 50;
const { fine: FINE } = generateFineSeriesFromCoarse(COARSE, {
  seed: 7,
  params: { T: BINS * DT, dt: DT, sessionMeanS: 100 },
});

function texts(chart: Chart, selector: string): string[] {
  return Array.from(chart.querySelectorAll(selector), (e) => e.textContent!);
}

/** Returns the path commands (M and L) of each line drawn. */
function lineVertices(chart: Chart): number[] {
  return Array.from(
    chart.querySelectorAll('g[aria-label="line"] path'),
    (path) => (path.getAttribute("d") ?? "").match(/[ML]/g)?.length ?? 0,
  );
}

Deno.test("plotCoarseVsFine() titles, labels and names the chart", () => {
  const chart = plotCoarseVsFine({
    coarse: COARSE,
    fine: FINE,
    binsPerSlot: BINS,
    dt: DT,
    unit: "Mbit/s",
  });
  assert.equal(texts(chart, "h2")[0], "Fine series and its coarse input");
  assert.equal(chart.getAttribute("data-chart"), "coarse-vs-fine");
  // 4 slots of 300 s span 20 minutes, so the axis is in minutes.
  assert.match(texts(chart, '[aria-label="x-axis label"]')[0], /Time \(min\)/);
  assert.match(
    texts(chart, '[aria-label="y-axis label"]')[0],
    /Rate \(Mbit\/s\)/,
  );
  assert.deepEqual(texts(chart, "[class$='-swatch']"), [
    `fine series (${DT} s bins)`,
    "coarse input",
  ]);
});

Deno.test("plotCoarseVsFine() draws one step per bin and slot", () => {
  const chart = plotCoarseVsFine({
    coarse: COARSE,
    fine: FINE,
    binsPerSlot: BINS,
    dt: DT,
    slots: [1, 3],
  });
  // A step-after line through n points is one move and 2(n - 1) segments.
  // Each series has one point per value, plus one that closes the last step.
  const finePoints = 2 * BINS + 1;
  const coarsePoints = 2 + 1;
  assert.deepEqual(lineVertices(chart), [
    2 * finePoints - 1,
    2 * coarsePoints - 1,
  ]);
});

Deno.test("plotCoarseVsFine() breaks the line at NaN bins", () => {
  const fine = Float64Array.from(FINE);
  fine[8] = NaN;
  const chart = plotCoarseVsFine({
    coarse: COARSE,
    fine,
    binsPerSlot: BINS,
    dt: DT,
  });
  const finePath = chart.querySelector('g[aria-label="line"] path')!;
  assert.equal(finePath.getAttribute("d")!.match(/M/g)!.length, 2);
});

Deno.test("plotCoarseVsFine() rejects inconsistent input", async (t) => {
  const base = { coarse: COARSE, fine: FINE, binsPerSlot: BINS, dt: DT };
  const cases = [
    {
      name: "short fine",
      options: { ...base, fine: FINE.subarray(1) },
      message: /expected .* = 24 values, got 23/,
    },
    {
      name: "zero dt",
      options: { ...base, dt: 0 },
      message: /Invalid dt: .* got 0/,
    },
    {
      name: "NaN bins",
      options: { ...base, binsPerSlot: NaN },
      message: /Invalid binsPerSlot/,
    },
    {
      name: "slots past the end",
      options: { ...base, slots: [2, 5] as const },
      message: /end <= 4, got \[2, 5\]/,
    },
    {
      name: "empty slot range",
      options: { ...base, slots: [2, 2] as const },
      message: /start < end/,
    },
    {
      name: "bad chart name",
      options: { ...base, name: 'a"b' },
      message: /Invalid chart name/,
    },
  ];
  for (const { name, options, message } of cases) {
    await t.step(name, () => {
      assert.throws(() => plotCoarseVsFine(options), message);
    });
  }
  await t.step("string fine", () => {
    assert.throws(
      () => plotCoarseVsFine({ ...base, fine: "12" as unknown as number[] }),
      TypeError,
    );
  });
});

Deno.test("plotCoarseVsReaggregated() draws one line per series", () => {
  const chart = plotCoarseVsReaggregated({
    coarse: COARSE,
    reaggregated: [
      { label: "conserved", values: coarsenFineToSlots(FINE, BINS) },
      { label: "shifted", values: COARSE.map((v) => v * 1.1) },
    ],
    unit: "Mbit/s",
  });
  assert.equal(lineVertices(chart).length, 3);
  assert.deepEqual(texts(chart, "[class$='-swatch']"), [
    "coarse input",
    "conserved",
    "shifted",
  ]);
  assert.match(texts(chart, "figcaption")[0], /shifted: 0\.10/);
});

Deno.test("plotCoarseVsReaggregated() reports NaN drift", () => {
  const chart = plotCoarseVsReaggregated({
    coarse: [1, 2],
    reaggregated: [{ label: "broken", values: [1, NaN] }],
  });
  assert.match(texts(chart, "figcaption")[0], /broken: NaN/);
});

Deno.test("plotCoarseVsReaggregated() rejects a length mismatch", () => {
  assert.throws(
    () =>
      plotCoarseVsReaggregated({
        coarse: COARSE,
        reaggregated: [{ label: "short", values: [1, 2] }],
      }),
    /lengths differ \(4 and 2\)/,
  );
});

Deno.test("meanSlotProfile() averages bins over slot means", async (t) => {
  await t.step("two slots", () => {
    // Slot means 2 and 4: ratios [0.5, 1.5] and [0.5, 1.5].
    assert.deepEqual(Array.from(meanSlotProfile([1, 3, 2, 6], 2)), [0.5, 1.5]);
  });
  await t.step("zero and NaN slots skipped", () => {
    const profile = meanSlotProfile([0, 0, 1, 3, NaN, 1], 2);
    assert.deepEqual(Array.from(profile), [0.5, 1.5]);
  });
  await t.step("every slot skipped", () => {
    assert.ok(meanSlotProfile([0, 0], 2).every(Number.isNaN));
  });
  await t.step("partial slot", () => {
    assert.throws(() => meanSlotProfile([1, 2, 3], 2), RangeError);
  });
  await t.step("generated series averages to 1", () => {
    const profile = meanSlotProfile(FINE, BINS);
    const mean = profile.reduce((a, b) => a + b) / profile.length;
    assert.ok(Math.abs(mean - 1) < 1e-12, `profile mean ${mean}`);
  });
});

Deno.test("plotSlotProfile() draws profiles and the reference at 1", () => {
  const chart = plotSlotProfile({
    profiles: [
      { label: "generated", values: meanSlotProfile(FINE, BINS) },
      { label: "flat", values: new Float64Array(BINS).fill(1) },
    ],
    dt: DT,
  });
  assert.equal(lineVertices(chart).length, 2);
  assert.equal(
    chart.querySelectorAll('g[aria-label="dot"] circle').length,
    2 * BINS,
  );
  assert.equal(chart.querySelectorAll('g[aria-label="rule"] line').length, 1);
  assert.match(
    texts(chart, '[aria-label="x-axis label"]')[0],
    /Time within the slot \(s\)/,
  );
});

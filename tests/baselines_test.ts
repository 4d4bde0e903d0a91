import {
  createSeriesRandom,
  exponential,
  flatBaseline,
  generateFineSeriesFromCoarse,
  ippBasicBaseline,
  linearBaseline,
} from "../mod.ts";
import { readColumns } from "./_data.ts";
import { assert, assertThrows } from "./assert.ts";

const BINS = 60;

/** Coarse series with zeros, isolated spikes and steep steps. */
function hardCoarse(): Float64Array {
  const uniform = createSeriesRandom(11, "baseline coarse");
  const values = Float64Array.from(
    { length: 200 },
    () => 50 * exponential(uniform),
  );
  values.set([0, 1000, 0, 0.001, 500, 1e-9, 0], 40);
  return values;
}

const INPUTS: [string, Float64Array][] = [
  ["random with spikes and zeros", hardCoarse()],
  [
    "Abilene total, first day",
    readColumns(
      "abilene-sndlib/abilene_tm_5min_2004-03-01_to_03-14_mbps.csv",
      ["total_mbps"],
    )[0].subarray(0, 288),
  ],
  ["one slot", Float64Array.of(7)],
];

const BASELINES: [string, (coarse: Float64Array) => Float64Array][] = [
  ["flatBaseline", (coarse) => flatBaseline(coarse, BINS)],
  ["linearBaseline", (coarse) => linearBaseline(coarse, BINS)],
  [
    "ippBasicBaseline",
    (coarse) => ippBasicBaseline(coarse, { seed: 3 }).fine,
  ],
];

Deno.test("baselines keep every slot's mean", async (t) => {
  for (const [name, fill] of BASELINES) {
    for (const [input, coarse] of INPUTS) {
      await t.step(`${name}, ${input}`, () => {
        const fine = fill(coarse);
        assert.equal(fine.length, coarse.length * BINS);
        for (let slot = 0; slot < coarse.length; slot++) {
          let sum = 0;
          for (let i = slot * BINS; i < (slot + 1) * BINS; i++) sum += fine[i];
          const error = Math.abs(sum / BINS - coarse[slot]);
          assert.ok(
            error <= 1e-9 * coarse[slot],
            `slot ${slot}: mean ${sum / BINS}, coarse ${coarse[slot]}`,
          );
        }
      });
    }
  }
});

Deno.test("baselines are never negative", async (t) => {
  for (const [name, fill] of BASELINES) {
    for (const [input, coarse] of INPUTS) {
      await t.step(`${name}, ${input}`, () => {
        const fine = fill(coarse);
        const lowest = fine.reduce((a, b) => Math.min(a, b), Infinity);
        assert.ok(lowest >= 0, `lowest bin ${lowest}`);
      });
    }
  }
});

Deno.test("flatBaseline() is constant within each slot", () => {
  const coarse = hardCoarse();
  const fine = flatBaseline(coarse, BINS);
  for (let i = 0; i < fine.length; i++) {
    assert.equal(fine[i], coarse[Math.floor(i / BINS)], `bin ${i}`);
  }
});

Deno.test("linearBaseline() follows the centred difference", () => {
  // Slot 1 has neighbours 10 and 40: slope 15 per slot, bins at ±1/4 slot.
  const fine = linearBaseline([10, 20, 40], 2);
  assert.deepEqual([...fine.subarray(2, 4)], [20 - 15 / 4, 20 + 15 / 4]);
});

Deno.test("linearBaseline() shrinks a slope that would go below 0", () => {
  // Slope 50 per slot would reach 1 - 25 at the left edge of the middle slot.
  const fine = linearBaseline([0, 1, 100], 4);
  const middle = [...fine.subarray(4, 8)];
  assert.ok(middle[0] >= 0, `first bin ${middle[0]}`);
  assert.ok(middle[3] > middle[0], "still rising");
});

Deno.test("baselines give NaN bins for a NaN slot", async (t) => {
  const coarse = [5, NaN, 5];
  for (
    const [name, fine] of [
      ["flatBaseline", flatBaseline(coarse, 4)],
      ["linearBaseline", linearBaseline(coarse, 4)],
    ] as const
  ) {
    await t.step(name, () => {
      assert.ok(fine.subarray(4, 8).every(Number.isNaN), "NaN slot");
      assert.deepEqual([...fine.subarray(0, 4)], [5, 5, 5, 5]);
    });
  }
});

Deno.test("baselines reject bad input", async (t) => {
  for (const fill of [flatBaseline, linearBaseline]) {
    await t.step(`${fill.name}, negative slot`, () => {
      assertThrows(() => fill([1, -2], 4), {
        name: "RangeError",
        message: /slot 1.*\(-2\)/,
      });
    });
    await t.step(`${fill.name}, infinite slot`, () => {
      assertThrows(() => fill([Infinity], 4), {
        name: "RangeError",
        message: /slot 0/,
      });
    });
    await t.step(`${fill.name}, fractional binsPerSlot`, () => {
      assertThrows(() => fill([1], 2.5), {
        name: "RangeError",
        message: /got 2\.5/,
      });
    });
  }
});

Deno.test("ippBasicBaseline() is the generator with one source and drop", () => {
  const coarse = hardCoarse().subarray(0, 30);
  const baseline = ippBasicBaseline(coarse, { seed: 5, seriesKey: "x" });
  const direct = generateFineSeriesFromCoarse(coarse, {
    params: { maxSources: 1 },
    seed: 5,
    seriesKey: "x",
    spill: "drop",
    strategy: "rolling",
  });
  assert.deepEqual(baseline.fine, direct.fine);
  assert.equal(baseline.report.sourcesMax, 1);
});

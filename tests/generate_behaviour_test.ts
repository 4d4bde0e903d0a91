import {
  FineSeriesStream,
  generateFineSeriesFromCoarse,
  mergeReports,
} from "../mod.ts";
import { assert, assertThrows } from "./assert.ts";
import { readColumns } from "./_data.ts";

const [abilene] = readColumns(
  "abilene-sndlib/abilene_tm_5min_2004-03-01_to_03-14_mbps.csv",
  ["total_mbps"],
);

/** Mean of fine / slot mean at each position in the slot, over all slots. */
function slotProfile(fine: Float64Array, coarse: ArrayLike<number>, bins = 60) {
  const profile = new Float64Array(bins);
  for (let slot = 0; slot < coarse.length; slot++) {
    for (let i = 0; i < bins; i++) {
      profile[i] += fine[slot * bins + i] / coarse[slot] / coarse.length;
    }
  }
  return profile;
}

// With a CV of 1 at dt and 20,000 slots, each position's mean has a
// standard error near 1 / sqrt(20000 / 2) = 1% (bins correlate over about
// two bins), so the 5% bound is five standard errors from a flat profile.
// NOTE: per-slot rescaling itself bends the profile of very bursty series.
// Edge bins covary less with their slot's mean than middle bins do, so
// dividing by that mean lifts the edges: the profile stays within 1.7% of
// flat at a CV of 1 and within 3% at 1.5 and 2 (20,000 slots). Without
// rescaling the profile is flat.
Deno.test("carry spill leaves no slot-boundary artefact; drop does", () => {
  const coarse = new Float64Array(20_000).fill(50);
  const options = { seed: 9, targetCv: 1 };
  const carry = generateFineSeriesFromCoarse(coarse, options);
  const drop = generateFineSeriesFromCoarse(coarse, {
    ...options,
    spill: "drop",
  });
  const carryProfile = slotProfile(carry.fine, coarse);
  const dropProfile = slotProfile(drop.fine, coarse);
  for (let i = 0; i < 60; i++) {
    assert.ok(
      Math.abs(carryProfile[i] - 1) <= 0.05,
      `carry: position ${i} is at ${
        carryProfile[i].toFixed(3)
      } of the slot mean`,
    );
  }
  // Sessions last one bin, so dropping those that start before the slot
  // starves its first bin.
  assert.ok(dropProfile[0] < 0.75, `drop: first bin at ${dropProfile[0]}`);
});

Deno.test("carry spill profile is flat without rescaling at CV 2", () => {
  const coarse = new Float64Array(20_000).fill(50);
  const { fine } = generateFineSeriesFromCoarse(coarse, {
    seed: 9,
    targetCv: 2,
    conserve: false,
  });
  const profile = slotProfile(fine, coarse);
  for (let i = 0; i < 60; i++) {
    assert.ok(
      Math.abs(profile[i] - 1) <= 0.05,
      `position ${i} is at ${profile[i].toFixed(3)} of the slot mean`,
    );
  }
});

Deno.test("carry spill profile is flat on a real series", () => {
  const { fine } = generateFineSeriesFromCoarse(abilene, { seed: 4 });
  const profile = slotProfile(fine, abilene);
  for (let i = 0; i < 60; i++) {
    assert.ok(
      Math.abs(profile[i] - 1) <= 0.05,
      `position ${i} is at ${profile[i].toFixed(3)} of the slot mean`,
    );
  }
});

Deno.test("empty slots are redrawn, then filled flat, never NaN", () => {
  const coarse = new Float64Array(2000).fill(1);
  const { fine, report } = generateFineSeriesFromCoarse(coarse, {
    seed: 1,
    targetCv: 20,
    params: { lambdaFixed: 0, lambdaMin: 1e-4 },
  });
  assert.ok(report.redraws > 0, "some slots came out empty");
  assert.ok(report.fallbackSlots > 0, "some slots stayed empty");
  for (let i = 0; i < fine.length; i++) {
    assert.ok(Number.isFinite(fine[i]), `bin ${i} is ${fine[i]}`);
  }
});

Deno.test("zero and NaN slots give zero and NaN bins, counted", () => {
  const { fine, report } = generateFineSeriesFromCoarse([3, 0, NaN, 4], {
    seed: 2,
  });
  assert.ok(fine.subarray(60, 120).every((value) => value === 0));
  assert.ok(fine.subarray(120, 180).every((value) => Number.isNaN(value)));
  assert.ok(fine.subarray(180).every((value) => Number.isFinite(value)));
  assert.equal(report.zeroSlots, 1);
  assert.equal(report.nanSlots, 1);
  assert.equal(report.simulatedSlots, 2);
});

Deno.test("same seed and key give bit-identical output", () => {
  const a = generateFineSeriesFromCoarse(abilene, { seed: 3, seriesKey: "x" });
  const b = generateFineSeriesFromCoarse(abilene, { seed: 3, seriesKey: "x" });
  assert.deepEqual(a.fine, b.fine);
  assert.deepEqual(a.report, b.report);
});

Deno.test("different series keys give independent streams", () => {
  const coarse = new Float64Array(500).fill(10);
  const a = generateFineSeriesFromCoarse(coarse, { seed: 3, seriesKey: "a" });
  const b = generateFineSeriesFromCoarse(coarse, { seed: 3, seriesKey: "b" });
  let same = 0;
  let products = 0;
  for (let i = 0; i < a.fine.length; i++) {
    if (a.fine[i] === b.fine[i]) same++;
    products += (a.fine[i] - 10) * (b.fine[i] - 10);
  }
  assert.ok(same < a.fine.length / 100, `${same} equal bins`);
  // The correlation of two independent series of 30,000 bins has a standard
  // error near 0.014 even if only one bin in 6 were independent (the
  // defaults give a lag-1 autocorrelation near 0.3), so 0.05 is over 3.5 of
  // them.
  let squaresA = 0;
  let squaresB = 0;
  for (let i = 0; i < a.fine.length; i++) {
    squaresA += (a.fine[i] - 10) ** 2;
    squaresB += (b.fine[i] - 10) ** 2;
  }
  const correlation = products / Math.sqrt(squaresA * squaresB);
  assert.ok(Math.abs(correlation) < 0.05, `correlation ${correlation}`);
});

Deno.test("stream output equals one-shot output for any chunking", async (t) => {
  const whole = generateFineSeriesFromCoarse(abilene, { seed: 8 });
  for (const chunk of [1, 5, 6, 7, 13, 1000, abilene.length]) {
    await t.step(`chunks of ${chunk}`, () => {
      const stream = new FineSeriesStream({ seed: 8 });
      const parts: Float64Array[] = [];
      for (let i = 0; i < abilene.length; i += chunk) {
        parts.push(stream.push(abilene.subarray(i, i + chunk)));
      }
      parts.push(stream.finish());
      const joined = new Float64Array(whole.fine.length);
      let offset = 0;
      for (const part of parts) {
        joined.set(part, offset);
        offset += part.length;
      }
      assert.equal(offset, whole.fine.length);
      assert.deepEqual(joined, whole.fine);
      assert.deepEqual(stream.report, whole.report);
    });
  }
});

Deno.test("reports of shards merge into the whole run's counts", () => {
  const coarse = [4, 0, NaN, 5, 6];
  const a = generateFineSeriesFromCoarse(coarse, { seriesKey: "a" }).report;
  const b = generateFineSeriesFromCoarse(coarse, { seriesKey: "b" }).report;
  const merged = mergeReports(a, b);
  assert.equal(merged.slots, 10);
  assert.equal(merged.zeroSlots, 2);
  assert.equal(merged.nanSlots, 2);
  assert.equal(merged.rescaleMin, Math.min(a.rescaleMin, b.rescaleMin));
});

Deno.test("generateFineSeriesFromCoarse() rejects bad input", async (t) => {
  const cases: { name: string; coarse: unknown[]; error: RegExp }[] = [
    {
      name: "negative",
      coarse: [1, -3.2],
      error: /slot 1 has an invalid rate \(-3.2\)/,
    },
    {
      name: "infinite",
      coarse: [Infinity],
      error: /slot 0 has an invalid rate \(Infinity\)/,
    },
    {
      name: "string",
      coarse: [1, 2, "3"],
      error: /slot 2 is not a number \("3"\)/,
    },
    { name: "null", coarse: [null], error: /slot 0 is not a number \(null\)/ },
    {
      name: "too large",
      coarse: [1, 1e200],
      error: /slot 1 has the rate 1e\+200, outside 1e-150 to 1e\+150/,
    },
    {
      name: "too small",
      coarse: [1e-200, 1],
      error: /slot 0 has the rate 1e-200, outside 1e-150 to 1e\+150/,
    },
    { name: "empty", coarse: [], error: /coarse series is empty/ },
  ];
  for (const { name, coarse, error } of cases) {
    await t.step(name, () => {
      assertThrows(
        () => generateFineSeriesFromCoarse(coarse as number[]),
        error,
      );
    });
  }
});

Deno.test("generator keeps rates at both ends of the range finite", () => {
  for (const scale of [2e-150, 1e150]) {
    const coarse = [1, 2, 1.5].map((value) => value * scale / 2);
    const { fine, report } = generateFineSeriesFromCoarse(coarse, { seed: 1 });
    assert.ok(fine.every((value) => Number.isFinite(value) && value >= 0));
    assert.ok(report.maxConservationError <= 1e-9, `${scale}`);
  }
});

Deno.test("generateFineSeriesFromCoarse() rejects invalid params", async (t) => {
  const cases = [
    { params: { dt: 7 }, error: /T: must be a whole multiple of dt/ },
    { params: { tau: 0 }, error: /tau: must be a finite number > 0, got 0/ },
    {
      params: { zeta: NaN },
      error: /zeta: must be a finite number > 0, got NaN/,
    },
    {
      params: { window: 2.5 },
      error: /window: must be a whole number >= 1, got 2.5/,
    },
    {
      params: { lambdaFixed: -1 },
      error: /lambdaFixed: must be a finite number >= 0/,
    },
  ];
  for (const { params, error } of cases) {
    await t.step(JSON.stringify(params).replace("null", "NaN"), () => {
      assertThrows(
        () => generateFineSeriesFromCoarse([1, 2], { params }),
        (thrown) => thrown instanceof RangeError && error.test(thrown.message),
      );
    });
  }
});

Deno.test("stream rejects a bad chunk whole and keeps its state", () => {
  const stream = new FineSeriesStream({ seed: 1 });
  stream.push([1, 2]);
  assertThrows(() => stream.push([3, -1]), /slot 3 has an invalid rate/);
  const rest = stream.push([3, 4]);
  const tail = stream.finish();
  const whole = generateFineSeriesFromCoarse([1, 2, 3, 4], { seed: 1 }).fine;
  assert.deepEqual([...rest, ...tail], [...whole]);
});

Deno.test("carry spill starts the first slot with sessions running", () => {
  const runs = 2000;
  const firstBins = new Float64Array(runs);
  for (let seed = 0; seed < runs; seed++) {
    const { fine } = generateFineSeriesFromCoarse([40, 40], {
      seed,
      conserve: false,
      targetCv: 0.8,
    });
    firstBins[seed] = (fine[0] + fine[1] + fine[2]) / 3 / 40;
  }
  let mean = 0;
  for (const value of firstBins) mean += value / runs;
  let variance = 0;
  for (const value of firstBins) variance += (value - mean) ** 2 / (runs - 1);
  const error = Math.sqrt(variance / runs);
  assert.ok(
    Math.abs(mean - 1) <= 3 * error,
    `first 15 s at ${mean.toFixed(3)} of the slot mean (standard error ${
      error.toFixed(3)
    })`,
  );
});

Deno.test("generateFineSeriesFromCoarse() rejects bad options", async (t) => {
  const cases: { name: string; run: () => unknown; error: RegExp }[] = [
    {
      name: "null series",
      run: () => generateFineSeriesFromCoarse(null as unknown as number[]),
      error: /expected an array of coarse rates, got null/,
    },
    {
      name: "unknown option",
      run: () => generateFineSeriesFromCoarse([1], { sede: 3 } as never),
      error: /Invalid option sede: unknown/,
    },
    {
      name: "unknown parameter",
      run: () =>
        generateFineSeriesFromCoarse([1], { params: { dtt: 1 } as never }),
      error: /Invalid parameter dtt: unknown/,
    },
    {
      name: "bad spill",
      run: () => generateFineSeriesFromCoarse([1], { spill: "bogus" as never }),
      error: /spill: must be "carry" or "drop", got "bogus"/,
    },
    {
      name: "NaN seed",
      run: () => generateFineSeriesFromCoarse([1], { seed: NaN }),
      error: /seed: must be a finite number or a string, got NaN/,
    },
    {
      name: "negative targetCv",
      run: () => generateFineSeriesFromCoarse([1], { targetCv: -1 }),
      error: /targetCv: must be a finite number >= 0, got -1/,
    },
  ];
  for (const { name, run, error } of cases) {
    await t.step(name, () => {
      assertThrows(run, error);
    });
  }
});

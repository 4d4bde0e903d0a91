import {
  autocorrelation,
  flatBaseline,
  generateFineSeriesFromCoarse,
  realismDistances,
  realismProfile,
} from "../mod.ts";
import { assert, assertClose, assertThrows } from "./assert.ts";

const COARSE = [40, 55, 38, 61, 47, 52, 44, 58];
const BINS = 60;
const DT = 5;
const { fine: GENERATED } = generateFineSeriesFromCoarse(COARSE, {
  seed: 8,
  targetCv: 1,
});

Deno.test("realismProfile() gathers the statistics of one series", () => {
  const profile = realismProfile(GENERATED, BINS, DT);
  assert.deepEqual(profile.acf, autocorrelation(GENERATED, 12));
  assert.deepEqual(
    profile.varianceTime.map((point) => point.scale),
    [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60],
  );
  assert.equal(profile.slotNormalized.length, GENERATED.length);
  assert.equal(profile.peakToMean.perSlot.length, COARSE.length);
  assert.ok(profile.withinSlotCv > 0);
});

Deno.test("realismProfile() cuts the lags of a short series", () => {
  assert.equal(realismProfile([1, 2, 3, 4], 2, 1).acf.length, 4);
});

Deno.test("realismProfile() of a flat series has no variation", () => {
  const profile = realismProfile(flatBaseline(COARSE, BINS), BINS, DT);
  assert.equal(profile.withinSlotCv, 0);
  assert.equal(profile.peakToMean.mean, 1);
  assert.equal(profile.bursts.count, 0);
});

Deno.test("realismDistances() of a series to itself are 0", () => {
  const profile = realismProfile(GENERATED, BINS, DT);
  const distances = realismDistances(profile, profile);
  for (const [name, value] of Object.entries(distances)) {
    assert.equal(value, 0, name);
  }
});

Deno.test("realismDistances() sees scaling only in the variance-time curve", () => {
  const truth = realismProfile(GENERATED, BINS, DT);
  const doubled = realismProfile(GENERATED.map((v) => 2 * v), BINS, DT);
  const distances = realismDistances(doubled, truth);
  // Doubling multiplies every variance by 4: log10(4) at every level.
  assertClose(distances.varianceTime, Math.log10(4), 1e-12, "variance-time");
  assertClose(distances.cv, 0, 1e-12, "CV");
  assertClose(distances.acf, 0, 1e-12, "ACF");
  assertClose(distances.peakToMean, 0, 1e-12, "peak-to-mean");
  assertClose(distances.slotNormalized, 0, 1e-12, "slot-normalized");
  assert.equal(distances.bursts, 0);
});

Deno.test("realismDistances() against a truth without bursts stays finite", () => {
  const flat = realismProfile(flatBaseline(COARSE, BINS), BINS, DT);
  const generated = realismProfile(GENERATED, BINS, DT);
  const distances = realismDistances(generated, flat);
  assert.ok(generated.bursts.count > 0, "generated series has bursts");
  assert.ok(Number.isFinite(distances.bursts), String(distances.bursts));
  assertClose(distances.cv, generated.withinSlotCv, 1e-12, "CV");
});

Deno.test("realismDistances() rejects profiles on different grids", () => {
  const a = realismProfile(GENERATED, BINS, DT);
  const b = realismProfile(GENERATED, BINS / 2, DT);
  assertThrows(() => realismDistances(a, b), {
    name: "RangeError",
    message: /binsPerSlot differs \(60 and 30\)/,
  });
});

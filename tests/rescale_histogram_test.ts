import {
  binByFormula,
  binEdge,
  HISTOGRAM_BINS,
  rescaleBin,
} from "../lib/_rescale_histogram.ts";
import { createSeriesRandom } from "../mod.ts";
import { assert, assertStrictEquals } from "./assert.ts";

/** Returns a factor's bin by the definition: 100 bins a decade from 1e-4, clamped. */
function referenceBin(factor: number): number {
  const bin = Math.floor((Math.log10(factor) + 4) * 100) + 1;
  return Math.min(801, Math.max(0, bin));
}

const bits = new Float64Array(1);
const integer = new BigInt64Array(bits.buffer);

/** Returns the double `steps` ulps from a positive `x`. */
function ulpsAway(x: number, steps: number): number {
  bits[0] = x;
  integer[0] += BigInt(steps);
  return bits[0];
}

/** Checks `rescaleBin` and `binByFormula` against the reference at `factor`. */
function assertSameBin(factor: number): void {
  const expected = referenceBin(factor);
  assert.ok(
    Object.is(rescaleBin(factor), expected),
    `rescaleBin(${factor}) is ${rescaleBin(factor)}, expected ${expected}`,
  );
  assert.ok(
    Object.is(binByFormula(factor), expected),
    `binByFormula(${factor}) is ${binByFormula(factor)}, expected ${expected}`,
  );
}

Deno.test("rescale histogram has 802 bins", () => {
  assertStrictEquals(HISTOGRAM_BINS, 802);
});

Deno.test("binEdge() is where the formula steps up", () => {
  for (let bin = 1; bin < HISTOGRAM_BINS; bin++) {
    const edge = binEdge(bin);
    assertStrictEquals(referenceBin(edge), bin, `bin of edge ${bin}`);
    assertStrictEquals(
      referenceBin(ulpsAway(edge, -1)),
      bin - 1,
      `bin one ulp below edge ${bin}`,
    );
    const nominal = 10 ** ((bin - 1) / 100 - 4);
    assert.ok(
      Math.abs(edge / nominal - 1) < 1e-13,
      `edge ${bin} is ${edge}, expected about ${nominal}`,
    );
  }
});

Deno.test("rescaleBin() matches the formula beside every edge", () => {
  for (let bin = 1; bin < HISTOGRAM_BINS; bin++) {
    for (let steps = -3; steps <= 3; steps++) {
      assertSameBin(ulpsAway(binEdge(bin), steps));
    }
  }
});

Deno.test("rescaleBin() matches the formula at cell starts", () => {
  // Cells start at 2^e (1 + j / 64). The lookup reads a different table
  // entry on either side of each start.
  for (let exponent = -15; exponent <= 14; exponent++) {
    for (let step = 0; step < 64; step++) {
      const start = 2 ** exponent * (1 + step / 64);
      for (let steps = -2; steps <= 2; steps++) {
        assertSameBin(ulpsAway(start, steps));
      }
    }
  }
});

Deno.test("rescaleBin() matches the formula on random factors", () => {
  const uniform = createSeriesRandom(7, "rescale bins");
  for (let i = 0; i < 200_000; i++) {
    assertSameBin(10 ** (12 * uniform() - 6));
  }
});

Deno.test("rescaleBin() bins factors outside the table", async (t) => {
  const cases: [string, number][] = [
    ["zero", 0],
    ["smallest double", Number.MIN_VALUE],
    ["just below 2^-14", ulpsAway(2 ** -14, -1)],
    ["2^14", 2 ** 14],
    ["largest double", Number.MAX_VALUE],
    ["Infinity", Infinity],
    ["NaN", NaN],
    ["negative", -1],
  ];
  for (const [name, factor] of cases) {
    await t.step(name, () => assertSameBin(factor));
  }
});

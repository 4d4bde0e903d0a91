import { resampleToGrid } from "../mod.ts";
import { assert, assertThrows } from "./assert.ts";

Deno.test("resampleToGrid() averages the samples of each cell", () => {
  const grid = resampleToGrid([10, 10, 11, 12.5, 14], [2, 4, 6, 8, 10], 2);
  // Cells start at 10: [10, 12) contains 2, 4, 6 and [12, 14) contains 8.
  assert.deepEqual([...grid], [4, 8, 10]);
});

Deno.test("resampleToGrid() fills a short gap from the next sample", () => {
  const grid = resampleToGrid([0, 1, 4], [1, 1, 7], 1);
  assert.deepEqual([...grid], [1, 1, 7, 7, 7]);
});

Deno.test("resampleToGrid() leaves a long gap NaN", () => {
  const grid = resampleToGrid([0, 30], [1, 3], 5, { maxGapS: 10 });
  assert.equal(grid.length, 7);
  assert.deepEqual([...grid.subarray(0, 1)], [1]);
  // Cells starting at 5, 10 and 15 are more than 10 s before the sample at 30.
  assert.ok(grid.subarray(1, 4).every(Number.isNaN), String(grid));
  assert.deepEqual([...grid.subarray(4)], [3, 3, 3]);
});

Deno.test("resampleToGrid() skips NaN values", () => {
  const grid = resampleToGrid([0, 1, 2, 3], [NaN, 5, NaN, 9], 1);
  // The grid starts at the first kept sample, time 1.
  assert.deepEqual([...grid], [5, 9, 9]);
  assert.equal(resampleToGrid([0], [NaN], 1).length, 0);
});

Deno.test("resampleToGrid() rejects bad input", async (t) => {
  const cases: [string, () => unknown, RegExp][] = [
    ["lengths", () => resampleToGrid([0, 1], [1], 1), /differ in length/],
    ["dt", () => resampleToGrid([0], [1], 0), /dt must be .* got 0/],
    ["time order", () => resampleToGrid([0, 2, 1], [1, 1, 1], 1), /time 2/],
    ["NaN time", () => resampleToGrid([NaN], [1], 1), /time 0 \(NaN\)/],
    ["infinite value", () => resampleToGrid([0], [Infinity], 1), /value 0/],
    [
      "maxGapS",
      () => resampleToGrid([0], [1], 1, { maxGapS: NaN }),
      /maxGapS .* got NaN/,
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => {
      assertThrows(call, { name: "RangeError", message });
    });
  }
});

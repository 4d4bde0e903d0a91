import { windowVariance } from "../mod.ts";
import { assertClose, assertStrictEquals } from "./assert.ts";

/** Returns the population variance of the finite values, computed directly. */
function directVariance(values: number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length < 2) return 0;
  const mean = finite.reduce((sum, value) => sum + value, 0) / finite.length;
  return finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) /
    finite.length;
}

Deno.test("windowVariance() reads a ring across its end", async (t) => {
  // Slot i of a series sits at i % 5 of the ring, as in FineSeriesStream.
  const series = [3, 8, NaN, 1, 7, 4, 9, 2, 6, 5, 11, 0];
  for (const [start, end] of [[0, 5], [3, 8], [5, 10], [7, 12], [9, 12]]) {
    await t.step(`slots ${start} to ${end - 1}`, () => {
      const ring = new Array(5).fill(0);
      for (let slot = end - 5; slot < end; slot++) {
        if (slot >= 0) ring[slot % 5] = series[slot];
      }
      const expected = directVariance(series.slice(start, end));
      assertClose(
        windowVariance(ring, start, end),
        expected,
        1e-12 * expected,
        `variance of slots ${start} to ${end - 1}`,
      );
    });
  }
});

Deno.test("windowVariance() needs two finite values", () => {
  assertStrictEquals(windowVariance([NaN, 4, NaN], 0, 3), 0);
  assertStrictEquals(windowVariance([4], 0, 1), 0);
});

import {
  binomialTables,
  TABLE_TRIALS,
  tabulatedBinomial,
} from "../lib/_binomial_table.ts";
import { UniformStream } from "../lib/_uniform_stream.ts";
import { assert, assertClose, assertStrictEquals } from "./assert.ts";

/** Inverts u by a search from 0: the smallest k with u <= F(k). */
function searchFromZero(cdf: Float64Array, base: number, u: number): number {
  let count = 0;
  while (u > cdf[base + count]) count++;
  return count;
}

Deno.test("tabulatedBinomial() equals inversion from 0", async (t) => {
  const stream = new UniformStream("binomial table");
  for (const p of [0.05, 0.3663, 0.5, 0.9]) {
    await t.step(`p ${p}`, () => {
      const tables = binomialTables(p);
      for (let trials = 0; trials <= TABLE_TRIALS; trials++) {
        const base = trials * (TABLE_TRIALS + 1);
        // Random points, the lookup's cell edges, and each F(k) with its
        // neighbours, where a wrong cell would show.
        const points = [0, 1 - 2 ** -32];
        for (let i = 0; i < 200; i++) points.push(stream.next());
        for (let cell = 1; cell < 1024; cell += 7) points.push(cell / 1024);
        for (let k = 0; k <= trials; k++) {
          const edge = tables.cdf[base + k];
          points.push(edge, edge - 2 ** -40, edge + 2 ** -40);
        }
        for (const u of points) {
          if (!(u >= 0 && u < 1)) continue;
          const expected = searchFromZero(tables.cdf, base, u);
          const actual = tabulatedBinomial(tables, trials, u, stream);
          if (actual !== expected) {
            assert.fail(
              `n ${trials}, u ${u}: expected ${expected}, got ${actual}`,
            );
          }
        }
      }
    });
  }
});

Deno.test("tabulatedBinomial() draws large trial counts from the stream", () => {
  const tables = binomialTables(0.25);
  const stream = new UniformStream("large trials");
  const trials = TABLE_TRIALS + 100;
  const draws = 20_000;
  let sum = 0;
  for (let i = 0; i < draws; i++) {
    const count = tabulatedBinomial(tables, trials, 0.5, stream);
    assert.ok(count >= 0, `count ${count} below 0`);
    assert.ok(count <= trials, `count ${count} above ${trials}`);
    sum += count;
  }
  const error = Math.sqrt(trials * 0.25 * 0.75 / draws);
  assertClose(sum / draws, trials * 0.25, 4 * error, "mean");
  assertStrictEquals(tabulatedBinomial(tables, 0, 0.99, stream), 0);
});

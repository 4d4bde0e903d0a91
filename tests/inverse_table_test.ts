import { InverseTable } from "../lib/_inverse_table.ts";
import { UniformStream } from "../lib/_uniform_stream.ts";
import { assert, assertStrictEquals } from "./assert.ts";

/** Inverts u by a search from 0: the smallest k with u <= F(k). */
function searchFromZero(cdf: Float64Array, base: number, u: number): number {
  let value = 0;
  while (u > cdf[base + value]) value++;
  return value;
}

/** Masses of a law on 0..size-1 with a few zero masses and a heavy last value. */
function unevenMasses(size: number, stream: UniformStream): number[] {
  return Array.from(
    { length: size },
    (_, k) => k % 5 === 3 ? 0 : stream.next() ** 4 + (k === size - 1 ? 1 : 0),
  );
}

Deno.test("InverseTable.draw() equals inversion by a search from 0", async (t) => {
  const stream = new UniformStream("inverse table");
  for (const size of [1, 2, 7, 33, 65]) {
    await t.step(`${size} values`, () => {
      const rows = 3;
      const table = new InverseTable(rows, size);
      for (let row = 0; row < rows; row++) {
        table.setRow(row, unevenMasses(size, stream));
      }
      for (let row = 0; row < rows; row++) {
        const base = row * size;
        // Random points, the lookup's cell edges, and each F(k) with its
        // neighbours, where a wrong cell would show.
        const points = [0, 1 - 2 ** -32, 1];
        for (let i = 0; i < 200; i++) points.push(stream.next());
        for (let cell = 1; cell < 1024; cell += 7) points.push(cell / 1024);
        for (let k = 0; k < size; k++) {
          const edge = table.cdf[base + k];
          points.push(edge, edge - 2 ** -40, edge + 2 ** -40);
        }
        for (const u of points) {
          if (!(u >= 0 && u <= 1)) continue;
          const expected = searchFromZero(table.cdf, base, u);
          const actual = table.draw(row, u);
          if (actual !== expected) {
            assert.fail(
              `row ${row}, u ${u}: expected ${expected}, got ${actual}`,
            );
          }
        }
      }
    });
  }
});

Deno.test("InverseTable.setRow() divides the masses by their sum", () => {
  const table = new InverseTable(1, 3);
  table.setRow(0, [2, 0, 6]);
  assertStrictEquals(table.cdf[0], 0.25);
  assertStrictEquals(table.cdf[1], 0.25);
  assertStrictEquals(table.cdf[2], 1);
  assertStrictEquals(table.draw(0, 0.25), 0);
  assertStrictEquals(table.draw(0, 0.2500001), 2);
});

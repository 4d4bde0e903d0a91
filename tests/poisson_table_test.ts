import { PoissonTable } from "../lib/_poisson_table.ts";
import { UniformStream } from "../lib/_uniform_stream.ts";
import { assert, assertStrictEquals } from "./assert.ts";

/** log(k!) summed term by term. */
function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
}

/** The Poisson distribution function on 0..size-1, each term from logs. */
function poissonCdf(mean: number, size: number): number[] {
  const cdf: number[] = [];
  let sum = 0;
  for (let k = 0; k < size; k++) {
    sum += Math.exp(k * Math.log(mean) - mean - logFactorial(k));
    cdf.push(sum);
  }
  return cdf;
}

/** A stream that returns `values` in order. */
function streamOfValues(values: number[]): UniformStream {
  let index = 0;
  return new UniformStream(() => values[index++]);
}

Deno.test("PoissonTable.draw() inverts the Poisson distribution function", async (t) => {
  const random = new UniformStream("poisson table");
  for (const mean of [0.3, 4, 17.75, 63.5]) {
    await t.step(`mean ${mean}`, () => {
      const cdf = poissonCdf(mean, 400);
      // Random points, and each F(k) with its neighbours, where a count one
      // too high or too low would show.
      const points = [0, 1 - 2 ** -32];
      for (let i = 0; i < 300; i++) points.push(random.next());
      for (let k = 0; cdf[k] < 1 - 1e-8; k++) {
        points.push(cdf[k] - 1e-9, cdf[k] + 1e-9);
      }
      const inRange = points.filter((u) => u >= 0 && u < 1);
      const table = new PoissonTable();
      table.reset(mean);
      const counts = streamOfValues(inRange);
      for (const u of inRange) {
        const count = table.draw(counts);
        const below = count === 0 ? 0 : cdf[count - 1];
        if (!(below < u + 1e-13 && cdf[count] >= u - 1e-13)) {
          assert.fail(`mean ${mean}, u ${u}: got ${count}`);
        }
      }
    });
  }
});

Deno.test("PoissonTable.draw() ignores the fill order", () => {
  const mean = 21.5;
  const points: number[] = [];
  const random = new UniformStream("fill order");
  for (let i = 0; i < 2000; i++) points.push(random.next());
  // A table filled far by earlier draws, and a new table for every draw.
  const filled = new PoissonTable();
  filled.reset(mean);
  filled.draw(streamOfValues([1 - 2 ** -32]));
  const shared = streamOfValues(points);
  for (const u of points) {
    const fresh = new PoissonTable();
    fresh.reset(mean);
    assertStrictEquals(filled.draw(shared), fresh.draw(streamOfValues([u])));
  }
});

Deno.test("PoissonTable.reset() starts the table over for a new mean", () => {
  const table = new PoissonTable();
  table.reset(40);
  table.draw(streamOfValues([0.999]));
  table.reset(2);
  assertStrictEquals(table.mean, 2);
  // F(0) = e^-2 = 0.135, F(1) = 0.406, F(2) = 0.677.
  assertStrictEquals(table.draw(streamOfValues([0.1])), 0);
  assertStrictEquals(table.draw(streamOfValues([0.5])), 2);
});

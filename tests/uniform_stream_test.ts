// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { streamOf, UniformStream } from "../lib/_uniform_stream.ts";
import { createSeriesRandom } from "../mod.ts";
import { assert, assertStrictEquals } from "./assert.ts";

/** Draws past three buffer refills (1024 draws each) and a partial one. */
const DRAWS = 3 * 1024 + 517;

Deno.test("createSeriesRandom() gives seedrandom's Alea stream", async (t) => {
  for (const [seed, key] of [[1, "demo"], [2024, ""], ["run", "link-7"]]) {
    await t.step(`seed ${seed}, key ${JSON.stringify(key)}`, () => {
      const ours = createSeriesRandom(seed, String(key));
      const theirs = seedrandom.alea(`${seed}\u001f${key}`);
      for (let i = 0; i < DRAWS; i++) {
        const expected = theirs();
        const actual = ours();
        if (actual !== expected) {
          assert.fail(`draw ${i}: expected ${expected}, got ${actual}`);
        }
      }
    });
  }
});

Deno.test("take() returns the draws next() would", () => {
  const taking = new UniformStream("take");
  const stepping = new UniformStream("take");
  const chunk = new Float64Array(700);
  for (const size of [1, 0, 700, 13, 511, 700, 2]) {
    taking.take(chunk, size);
    for (let i = 0; i < size; i++) {
      assertStrictEquals(chunk[i], stepping.next());
    }
    assertStrictEquals(taking.next(), stepping.next());
  }
});

Deno.test("streamOf() calls another source once per draw", () => {
  let calls = 0;
  const source = () => (++calls % 10) / 10;
  const stream = streamOf(source);
  assertStrictEquals(streamOf(source), stream);
  const chunk = new Float64Array(5);
  stream.take(chunk, 5);
  assertStrictEquals(calls, 5);
  assertStrictEquals(stream.next(), 0.6);
  assertStrictEquals(calls, 6);
});

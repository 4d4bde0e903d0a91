// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import {
  streamOf,
  UNIFORM_BATCH,
  UniformStream,
} from "../lib/_uniform_stream.ts";
import { createSeriesRandom } from "../mod.ts";
import { assert, assertStrictEquals } from "./assert.ts";

/** Draws past three buffer refills and a partial one. */
const DRAWS = 3 * UNIFORM_BATCH + 517;

/** Fails unless `ours` gives the first `draws` numbers of seedrandom's Alea seeded by `seedKey`. */
function assertAleaStream(
  ours: () => number,
  seedKey: string,
  draws: number,
): void {
  const theirs = seedrandom.alea(seedKey);
  for (let i = 0; i < draws; i++) {
    const expected = theirs();
    const actual = ours();
    if (actual !== expected) {
      assert.fail(
        `seed key ${
          JSON.stringify(seedKey)
        }, draw ${i}: expected ${expected}, got ${actual}`,
      );
    }
  }
}

Deno.test("createSeriesRandom() gives seedrandom's Alea stream", async (t) => {
  for (const [seed, key] of [[1, "demo"], [2024, ""], ["run", "link-7"]]) {
    await t.step(`seed ${seed}, key ${JSON.stringify(key)}`, () => {
      const ours = createSeriesRandom(seed, String(key));
      assertAleaStream(ours, `${seed}\u001f${key}`, DRAWS);
    });
  }
});

Deno.test("next() matches seedrandom over many keys", () => {
  // Every refill starts the second half of its batch from a jumped state,
  // so each key's two refills check two jumps from other states.
  for (let key = 0; key < 50; key++) {
    const ours = new UniformStream(`jump ${key}`);
    assertAleaStream(() => ours.next(), `jump ${key}`, 2 * UNIFORM_BATCH);
  }
});

Deno.test("reserve() returns the draws next() would", () => {
  const reserving = new UniformStream("reserve");
  const stepping = new UniformStream("reserve");
  // Sizes past the buffer make it grow. The single draws between
  // reservations move where the next one starts.
  const batch = UNIFORM_BATCH;
  const sizes = [
    1,
    0,
    700,
    13,
    batch - 1,
    batch / 2 - 1,
    1.5 * batch,
    700,
    2,
    3 * batch,
    batch,
  ];
  for (const size of sizes) {
    const first = reserving.reserve(size);
    const reserved = reserving.reserved;
    for (let i = 0; i < size; i++) {
      assertStrictEquals(reserved[first + i], stepping.next());
    }
    assertStrictEquals(reserving.next(), stepping.next());
  }
});

Deno.test("reserve() keeps its draws through later refills", () => {
  const stream = new UniformStream("keep");
  const first = stream.reserve(600);
  const reserved = stream.reserved;
  const copy = reserved.slice(first, first + 600);
  // Two and a half buffers' worth of single draws refill the buffer twice.
  for (let i = 0; i < 2.5 * UNIFORM_BATCH; i++) stream.next();
  for (let i = 0; i < 600; i++) {
    assertStrictEquals(reserved[first + i], copy[i]);
  }
});

Deno.test("streamOf() calls another source once per draw", () => {
  let calls = 0;
  const source = () => (++calls % 10) / 10;
  const stream = streamOf(source);
  assertStrictEquals(streamOf(source), stream);
  const first = stream.reserve(5);
  assertStrictEquals(calls, 5);
  assertStrictEquals(stream.reserved[first + 4], 0.5);
  assertStrictEquals(stream.next(), 0.6);
  assertStrictEquals(calls, 6);
});

import assert from "node:assert/strict";
// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";
import { slotNormalizedValues } from "../lib/stats.ts";

Deno.test("slotNormalizedValues() divides by the slot mean", () => {
  // Slot 0 has mean 4. Slot 1 has a NaN bin and slot 2 a zero mean, so both
  // are dropped. Slot 3 is flat.
  const values = slotNormalizedValues([2, 6, NaN, 1, 0, 0, 3, 3], 2);
  assert.deepEqual(Array.from(values), [0.5, 1.5, 1, 1]);
});

Deno.test("slotNormalizedValues() gives mean 1 in every slot", () => {
  const random = seedrandom.alea("slot-normalized");
  const binsPerSlot = 60;
  const fine = Float64Array.from(
    { length: 50 * binsPerSlot },
    (_, i) => (1 + Math.floor(i / binsPerSlot)) * -Math.log(1 - random()),
  );
  const values = slotNormalizedValues(fine, binsPerSlot);
  assert.equal(values.length, fine.length);
  for (let slot = 0; slot < 50; slot++) {
    let sum = 0;
    for (let i = 0; i < binsPerSlot; i++) sum += values[slot * binsPerSlot + i];
    // Exact in real arithmetic, and 60 divisions and additions round by at most
    // about 60 * 2^-52 relative.
    assert.ok(
      Math.abs(sum / binsPerSlot - 1) < binsPerSlot * Number.EPSILON,
      `slot ${slot}: mean ${sum / binsPerSlot}`,
    );
  }
});

Deno.test("slotNormalizedValues() gives ones for a constant", () => {
  const values = slotNormalizedValues(new Float64Array(120).fill(0.3), 60);
  assert.ok(values.every((value) => value === 1));
});

Deno.test("slotNormalizedValues() rejects a partial slot", () => {
  assert.throws(
    () => slotNormalizedValues([1, 2, 3], 2),
    (error: Error) => {
      assert.ok(error instanceof RangeError, String(error));
      assert.match(
        error.message,
        /^Cannot normalize by slot mean: series length 3 is not a whole number of slots of 2 bins/,
      );
      return true;
    },
  );
});

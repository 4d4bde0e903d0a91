import { coarsenFineToSlots, summaryErrors } from "../mod.ts";
import { assert, assertThrows } from "./assert.ts";

Deno.test("coarsenFineToSlots() averages whole slots", () => {
  assert.deepEqual([...coarsenFineToSlots([1, 2, 3, 4, 5, 6], 3)], [2, 5]);
  assert.ok(Number.isNaN(coarsenFineToSlots([1, NaN], 2)[0]));
});

Deno.test("coarsenFineToSlots() rejects a partial slot", () => {
  assertThrows(
    () => coarsenFineToSlots([1, 2, 3], 2),
    /3 bins is not a whole number of slots of 2/,
  );
  assertThrows(
    () => coarsenFineToSlots([1, 2], 0),
    /binsPerSlot must be a whole number >= 1, got 0/,
  );
});

Deno.test("summaryErrors() computes MAE, RMSE and MAPE", () => {
  // Errors 1, 0, 1, 3 against actual 0, 2, 4, 6.
  const errors = summaryErrors([0, 2, 4, 6], [1, 2, 5, 9]);
  assert.equal(errors.mae, 5 / 4);
  assert.equal(errors.rmse, Math.sqrt(11 / 4));
  assert.equal(errors.mape, 100 * (0 + 1 / 4 + 3 / 6) / 3);
  assert.equal(errors.mapeSkipped, 1);
  assert.equal(errors.count, 4);
});

Deno.test("summaryErrors() skips NaN pairs and reports empty input as NaN", () => {
  const errors = summaryErrors([NaN, 2], [1, 3]);
  assert.equal(errors.count, 1);
  assert.equal(errors.mae, 1);
  const none = summaryErrors([0], [0]);
  assert.ok(Number.isNaN(none.mape));
  assert.equal(none.mapeSkipped, 1);
  assert.ok(Number.isNaN(summaryErrors([], []).mae));
});

Deno.test("summaryErrors() rejects series of different lengths", () => {
  assertThrows(
    () => summaryErrors([1], [1, 2]),
    /lengths differ \(1 actual, 2 predicted\)/,
  );
});

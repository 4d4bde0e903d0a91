import {
  BULK_SWITCHES_PER_BIN,
  drawsByStretch,
  runsCellByCell,
  STRETCH_ARRIVALS_PER_BIN,
} from "../lib/simulate.ts";
import { DEFAULT_PARAMS } from "../mod.ts";
import { assert } from "./assert.ts";

/** Expected switches of one source per bin, as the simulator computes them. */
function switchesPerBin(tau: number, zeta: number, dt: number): number {
  return 2 * tau * zeta / (tau + zeta) * dt;
}

Deno.test("runsCellByCell() takes many sources cell by cell", () => {
  const { tau, zeta, dt, bulkSources } = DEFAULT_PARAMS;
  const perSource = switchesPerBin(tau, zeta, dt);
  assert.equal(runsCellByCell(bulkSources - 1, perSource, bulkSources), false);
  assert.equal(runsCellByCell(bulkSources, perSource, bulkSources), true);
});

Deno.test("runsCellByCell() takes fast switching cell by cell", () => {
  const { dt, bulkSources } = DEFAULT_PARAMS;
  // A million switches a second would cost millions of switches a slot.
  assert.equal(
    runsCellByCell(1, switchesPerBin(1e6, 1e6, dt), bulkSources),
    true,
  );
  const sources = 4;
  const threshold = BULK_SWITCHES_PER_BIN / sources;
  assert.equal(runsCellByCell(sources, threshold, bulkSources), true);
  assert.equal(
    runsCellByCell(sources, threshold * (1 - 1e-9), bulkSources),
    false,
  );
});

Deno.test("drawsByStretch() takes slots with few arrivals a bin", () => {
  const { aggregateThreshold } = DEFAULT_PARAMS;
  assert.equal(drawsByStretch(aggregateThreshold, aggregateThreshold), true);
  assert.equal(
    drawsByStretch(aggregateThreshold * (1 + 1e-9), aggregateThreshold),
    false,
  );
  // Above STRETCH_ARRIVALS_PER_BIN a count per cell costs less, whatever
  // the threshold of aggregation.
  assert.equal(drawsByStretch(STRETCH_ARRIVALS_PER_BIN, 1e6), true);
  assert.equal(drawsByStretch(STRETCH_ARRIVALS_PER_BIN + 1, 1e6), false);
});

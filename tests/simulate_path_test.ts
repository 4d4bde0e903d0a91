import {
  BULK_SWITCHES_PER_BIN,
  drawsByStretch,
  runsCellByCell,
  SlotSimulator,
  STRETCH_ARRIVALS_PER_BIN,
} from "../lib/simulate.ts";
import { binsPerSlot } from "../lib/params.ts";
import { createSeriesRandom, DEFAULT_PARAMS, resolveParams } from "../mod.ts";
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

Deno.test("SlotSimulator with drop starts every slot afresh", async (t) => {
  // Sessions of 30 s and 40 s run past the slot's end. With "drop" the next
  // slot must not see them: it must equal a slot simulated after reset()
  // from the same point of the stream.
  const cases = [
    { sessionMeanS: 30, sources: 1, bulkSources: 12 },
    { sessionMeanS: 7.5, sources: 1, bulkSources: 12 },
    { sessionMeanS: 40, sources: 16, bulkSources: 12 },
  ];
  for (const { sessionMeanS, sources, bulkSources } of cases) {
    await t.step(`D ${sessionMeanS} s, ${sources} sources`, () => {
      const params = resolveParams({ sessionMeanS, bulkSources });
      const rates = { lambda: 3, psiMean: 2, sources };
      const dropping = new SlotSimulator(
        params,
        createSeriesRandom(5, "drop"),
        "drop",
      );
      const resetting = new SlotSimulator(
        params,
        createSeriesRandom(5, "drop"),
        "drop",
      );
      const bins = binsPerSlot(params);
      const dropped = new Float64Array(bins);
      const afresh = new Float64Array(bins);
      for (let slot = 0; slot < 20; slot++) {
        dropping.simulate(rates, dropped, 0);
        resetting.reset();
        resetting.simulate(rates, afresh, 0);
        assert.deepEqual(dropped, afresh, `slot ${slot}`);
      }
    });
  }
});

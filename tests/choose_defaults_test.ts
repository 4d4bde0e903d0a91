import {
  flatBaseline,
  linearBaseline,
  realismDistances,
  realismProfile,
  resolveParams,
} from "../mod.ts";
import {
  bestBaselineDistances,
  candidateParams,
  loadTracePart,
  sameCandidate,
  scoreCandidate,
  SHIPPED_DEFAULT,
  STAGE_ONE,
  STAGE_TWO,
  STATISTICS,
  tallyScore,
} from "../scripts/choose_defaults.ts";
import { assert } from "./assert.ts";

const PACKETS = {
  path: new URL(
    "../../shared/data/bellcore-paug89/bc_paug89_pkts_per_s.csv",
    import.meta.url,
  ).pathname,
  T: 60,
  dt: 1,
  label: "Bellcore packets",
};

const SLICE = 8;

function distances(value: number) {
  return {
    cv: value,
    varianceTime: value,
    acf: value,
    peakToMean: value,
    bursts: value,
  };
}

Deno.test("loadTracePart() splits slots at floor(slots / 2)", () => {
  const whole = loadTracePart(PACKETS, "whole", 2 * SLICE + 1);
  const first = loadTracePart(PACKETS, "first", 2 * SLICE + 1);
  const second = loadTracePart(PACKETS, "second", 2 * SLICE + 1);
  assert.equal(whole.coarse.length, 2 * SLICE + 1);
  assert.equal(first.coarse.length, SLICE);
  assert.equal(second.coarse.length, SLICE + 1);
  assert.deepEqual(first.truth, whole.truth.subarray(0, SLICE * 60));
  assert.deepEqual(second.coarse, whole.coarse.subarray(SLICE));
  const mean = whole.truth.subarray(60, 120).reduce((a, b) => a + b) / 60;
  assert.ok(Math.abs(whole.coarse[1] - mean) <= 1e-9 * mean);
});

Deno.test("loadTracePart() rejects a half under 2 slots", () => {
  assert.throws(
    () => loadTracePart(PACKETS, "first", 3),
    { name: "RangeError", message: /first half has 1 slots/ },
  );
});

Deno.test("tallyScore() counts a tie only on acf and bursts", () => {
  const score = tallyScore([distances(0.4)], [distances(0.4)]);
  assert.equal(score.pattern, "--W-W");
  assert.equal(score.wins, 2);
  assert.equal(score.cells, 5);
  assert.equal(score.relative, 1);
});

Deno.test("tallyScore() caps and handles zero baselines", async (t) => {
  const cases: [string, number, number, number][] = [
    ["both zero", 0, 0, 0],
    ["zero baseline", 0.1, 0, 3],
    ["ratio above the cap", 10, 1, 3],
    ["half the baseline", 0.5, 1, 0.5],
  ];
  for (const [name, own, best, expected] of cases) {
    await t.step(name, () => {
      const score = tallyScore([distances(own)], [distances(best)]);
      assert.equal(score.relative, expected);
    });
  }
});

Deno.test("tallyScore() rejects lists of different lengths", () => {
  assert.throws(
    () => tallyScore([distances(1)], []),
    { name: "RangeError", message: /1 candidate records but 0 baseline/ },
  );
});

Deno.test("scoreCandidate() repeats on a real slice", () => {
  // Two loads give two cache entries, so the second score recomputes everything.
  const once = scoreCandidate(
    [loadTracePart(PACKETS, "whole", SLICE)],
    SHIPPED_DEFAULT,
    2,
  );
  const twice = scoreCandidate(
    [loadTracePart(PACKETS, "whole", SLICE)],
    SHIPPED_DEFAULT,
    2,
  );
  assert.deepEqual(twice, once);
  assert.equal(once.cells, STATISTICS.length);
  assert.ok(once.wins >= 0, `wins ${once.wins}`);
  assert.ok(once.wins <= once.cells, `wins ${once.wins}`);
  assert.ok(once.relative >= 0, `relative ${once.relative}`);
  assert.ok(once.relative <= 3, `relative ${once.relative}`);
  assert.match(once.pattern, /^[W-]{5}$/);
});

Deno.test("baselines cannot beat themselves on strict distances", async (t) => {
  // On this slice the line is the lowest baseline on cv, varianceTime and
  // peakToMean, so a missing baseline or a tie counted as a win shows here.
  const part = loadTracePart(PACKETS, "whole", SLICE);
  const best = bestBaselineDistances(
    part,
    candidateParams(SHIPPED_DEFAULT, part),
    2,
  );
  const fills: [string, typeof flatBaseline][] = [
    ["flat step", flatBaseline],
    ["linear", linearBaseline],
  ];
  for (const [name, fill] of fills) {
    await t.step(name, () => {
      const fine = fill(part.coarse, part.bins);
      const own = realismDistances(
        realismProfile(fine, part.bins, part.dt),
        part.profile,
      );
      const { pattern } = tallyScore([own], [best]);
      assert.equal(pattern[0], "-", "cv");
      assert.equal(pattern[1], "-", "varianceTime");
      assert.equal(pattern[3], "-", "peakToMean");
    });
  }
});

Deno.test("grid holds the shipped default with its parameters", () => {
  const grid = [...STAGE_ONE, ...STAGE_TWO];
  assert.ok(grid.some((c) => sameCandidate(c, SHIPPED_DEFAULT)));
  const part = loadTracePart(PACKETS, "whole", SLICE);
  assert.deepEqual(
    resolveParams(candidateParams(SHIPPED_DEFAULT, part)),
    resolveParams({ T: part.T, dt: part.dt }),
  );
});

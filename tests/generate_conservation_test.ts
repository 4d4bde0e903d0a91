import {
  coarsenFineToSlots,
  generateFineSeriesFromCoarse,
  type GenerateOptions,
} from "../mod.ts";
import { assert } from "./assert.ts";
import {
  blockMeans,
  readColumns,
  readSecondColumn,
  readUccSlots,
} from "./_data.ts";

/** Checks every slot's fine mean against its coarse value: 1e-9 relative, 1e-12 absolute near 0. */
function assertConserved(
  coarse: ArrayLike<number>,
  options: GenerateOptions,
  binsPerSlot: number,
) {
  const { fine, report } = generateFineSeriesFromCoarse(coarse, options);
  const means = coarsenFineToSlots(fine, binsPerSlot);
  for (let slot = 0; slot < coarse.length; slot++) {
    const expected = coarse[slot];
    if (Number.isNaN(expected)) {
      assert.ok(Number.isNaN(means[slot]), `slot ${slot} should be NaN`);
      continue;
    }
    const gap = Math.abs(means[slot] - expected);
    assert.ok(
      gap <= Math.max(1e-9 * expected, 1e-12),
      `slot ${slot}: fine mean ${means[slot]} vs coarse ${expected}`,
    );
  }
  for (let i = 0; i < fine.length; i++) {
    assert.ok(!(fine[i] < 0), `bin ${i} is negative (${fine[i]})`);
  }
  assert.ok(report.maxConservationError <= 1e-9);
}

const abilene = readColumns(
  "abilene-sndlib/abilene_tm_5min_2004-03-01_to_03-14_mbps.csv",
  ["total_mbps", "ATLAM5->ATLAng", "NYCMng->WASHng", "CHINng->IPLSng"],
);
const geant = readColumns(
  "geant-sndlib/geant_tm_15min_2005-05-04_to_05-07_mbps.csv",
  ["total_mbps", "de1.de->uk1.uk", "at1.at->be1.be"],
);
const isp = readSecondColumn("isp-transatlantic-5min/inttraffic.csv");
const [bellcorePackets] = readColumns(
  "bellcore-paug89/bc_paug89_pkts_per_s.csv",
  ["packets"],
);

const REAL_SERIES = [
  { name: "Abilene total", coarse: abilene[0], T: 300 },
  { name: "Abilene ATLAM5->ATLAng", coarse: abilene[1], T: 300 },
  { name: "Abilene NYCMng->WASHng", coarse: abilene[2], T: 300 },
  { name: "Abilene CHINng->IPLSng", coarse: abilene[3], T: 300 },
  { name: "GEANT total (15 min)", coarse: geant[0], T: 900 },
  { name: "GEANT de1.de->uk1.uk (15 min)", coarse: geant[1], T: 900 },
  { name: "GEANT at1.at->be1.be (15 min)", coarse: geant[2], T: 900 },
  { name: "ISP transatlantic", coarse: isp, T: 300 },
  {
    name: "UCC 5G static download",
    coarse: readUccSlots(
      "ucc5g-raca/Download_Static_B_2020.02.27_18.39.27.csv",
      300,
    ),
    T: 300,
  },
  {
    name: "UCC 5G driving download",
    coarse: readUccSlots(
      "ucc5g-raca/Download_Driving_B_2020.02.13_15.02.01.csv",
      300,
    ),
    T: 300,
  },
  {
    name: "Bellcore packets, 60-s slots",
    coarse: blockMeans(bellcorePackets, 60),
    T: 60,
  },
];

for (const spill of ["carry", "drop"] as const) {
  Deno.test(`generateFineSeriesFromCoarse() conserves real series, ${spill}`, async (t) => {
    for (const { name, coarse, T } of REAL_SERIES) {
      await t.step(name, () => {
        assertConserved(
          coarse,
          { seed: 11, seriesKey: name, spill, params: { T } },
          T / 5,
        );
      });
    }
  });
}

Deno.test("generateFineSeriesFromCoarse() conserves slots of 7 and 13 bins", async (t) => {
  // Rescaling keeps four running sums, so these slots leave a remainder.
  for (const T of [35, 65]) {
    for (const spill of ["carry", "drop"] as const) {
      await t.step(`T ${T} s, ${spill}`, () => {
        assertConserved(
          isp.slice(0, 500),
          { seed: 3, spill, params: { T } },
          T / 5,
        );
      });
    }
  }
});

Deno.test("generateFineSeriesFromCoarse() conserves synthetic edge cases", async (t) => {
  const cases: { name: string; coarse: number[] }[] = [
    { name: "tiny values", coarse: [1e-150, 2e-150, 5e-150, 1e-149] },
    { name: "huge values", coarse: [1e150, 3e149, 8e149] },
    { name: "zeros and NaN between", coarse: [5, 0, 0, 7, NaN, 3, 0, 9] },
    { name: "one slot", coarse: [42] },
    { name: "spikes over a floor", coarse: [1, 1000, 1, 1, 5000, 1, 2] },
    { name: "very low rates", coarse: [1e-6, 3e-6, 2e-6, 1e-6] },
  ];
  for (const { name, coarse } of cases) {
    for (const spill of ["carry", "drop"] as const) {
      await t.step(`${name}, ${spill}`, () => {
        assertConserved(coarse, { seed: 5, spill }, 60);
      });
    }
  }
});

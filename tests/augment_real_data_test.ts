import assert from "node:assert/strict";
import { NumberProfile } from "../io.ts";
import {
  column,
  maxRelativeGap,
  readCsv,
  run,
  SHARED_DATA,
  withTempDir,
} from "./fixtures/io/run_helpers.ts";

/** Reads the numeric columns of a comma-separated file with a plain header. */
async function readSource(path: string, header = 1) {
  const lines = (await Deno.readTextFile(path)).trimEnd().split("\n").slice(
    header - 1,
  );
  return {
    names: lines[0].split(","),
    rows: lines.slice(1).map((line) => line.split(",")),
  };
}

/** Augments, coarsens back, and returns the coarse table and the run. */
async function roundTrip(path: string, args: string[], slot: string) {
  return await withTempDir(async (dir) => {
    const result = await run("augment", path, `${dir}/fine.csv`, [
      "--seed",
      "3",
      ...args,
    ]);
    await run("coarsen", `${dir}/fine.csv`, `${dir}/coarse.csv`, [
      "--slot",
      slot,
    ]);
    const fine = await readCsv(`${dir}/fine.csv`);
    return { result, fine, coarse: await readCsv(`${dir}/coarse.csv`) };
  });
}

Deno.test("augment converts Abilene and coarsens back within 1e-9", async () => {
  const path = SHARED_DATA +
    "abilene-sndlib/abilene_tm_5min_2004-03-01_to_03-14_mbps.csv";
  const source = await readSource(path);
  const { result, coarse } = await roundTrip(path, ["--dt", "300"], "300");
  assert.equal(result.series.length, 134);
  assert.deepEqual(result.series.slice(0, 2), [
    "n_demands_present",
    "total_mbps",
  ]);
  assert.equal(coarse.rows.length, 4032);
  for (let s = 1; s < source.names.length; s++) {
    const expected = source.rows.map((row) => Number(row[s]));
    assert.ok(
      maxRelativeGap(expected, column(coarse.rows, s)) < 1e-9,
      source.names[s],
    );
  }
});

Deno.test("augment converts GEANT 15-min slots and coarsens back", async () => {
  const path = SHARED_DATA +
    "geant-sndlib/geant_tm_15min_2005-05-04_to_05-07_mbps.csv";
  const source = await readSource(path);
  const { result, fine, coarse } = await roundTrip(
    path,
    ["--dt", "300"],
    "900",
  );
  assert.equal(result.grid.slotMs, 900_000);
  assert.equal(result.series.length, 464);
  assert.equal(fine.rows.length, 322 * 3);
  for (let s = 1; s < source.names.length; s += 7) {
    const expected = source.rows.map((row) => Number(row[s]));
    assert.ok(
      maxRelativeGap(expected, column(coarse.rows, s)) < 1e-9,
      source.names[s],
    );
  }
});

Deno.test("augment converts the transatlantic ISP series at 5 s", async () => {
  const path = SHARED_DATA + "isp-transatlantic-5min/inttraffic.csv";
  const source = await readSource(path);
  const { result, fine, coarse } = await roundTrip(path, [], "300");
  assert.equal(result.series.length, 1);
  assert.ok(result.series[0].startsWith("Internet traffic data (in bits)"));
  assert.equal(fine.rows.length, 14772 * 60);
  assert.equal(fine.rows[1][0], "6/7/2005 7:00:05");
  const expected = source.rows.map((row) => Number(row[1]));
  assert.ok(maxRelativeGap(expected, column(coarse.rows, 1)) < 1e-9);
  assert.ok(Math.max(...result.checks.map((c) => c.conservationError)) < 1e-12);
});

/** Mean per slot of a one-second series, from the first second on. */
function slotMeans(
  seconds: number[],
  values: number[],
  slot: number,
): number[] {
  const sums: number[] = [];
  const counts: number[] = [];
  seconds.forEach((second, i) => {
    const k = Math.floor((second - seconds[0]) / slot);
    sums[k] = (sums[k] ?? 0) + (Number.isNaN(values[i]) ? 0 : values[i]);
    counts[k] = (counts[k] ?? 0) + (Number.isNaN(values[i]) ? 0 : 1);
  });
  return Array.from(sums, (sum, k) => (counts[k] > 0 ? sum / counts[k] : NaN));
}

Deno.test("augment converts the Bellcore per-second counts", async (t) => {
  for (
    const name of [
      "bc_paug89_pkts_per_s.csv",
      "bc_paug89_first252s_bytes_per_s.csv",
    ]
  ) {
    await t.step(name, async () => {
      const path = SHARED_DATA + "bellcore-paug89/" + name;
      const source = await readSource(path);
      const { coarse } = await roundTrip(path, ["--resample", "60"], "60");
      const seconds = source.rows.map((row) => Number(row[0]));
      for (let s = 1; s < source.names.length; s++) {
        const expected = slotMeans(
          seconds,
          source.rows.map((row) => Number(row[s])),
          60,
        );
        assert.ok(
          maxRelativeGap(expected, column(coarse.rows, s)) < 1e-9,
          source.names[s],
        );
      }
    });
  }
  await t.step("1-s slots need --resample or a finer --dt", async () => {
    await withTempDir(async (dir) => {
      await assert.rejects(
        () =>
          run(
            "augment",
            SHARED_DATA + "bellcore-paug89/bc_paug89_pkts_per_s.csv",
            `${dir}/x.csv`,
          ),
        /1 s slots .* --dt 5 s.*--resample/,
      );
    });
  });
});

Deno.test("augment converts the UCC 5G traces with --resample", async (t) => {
  for (
    const name of [
      "Download_Static_B_2020.02.27_18.39.27.csv",
      "Download_Driving_B_2020.02.13_15.02.01.csv",
    ]
  ) {
    await t.step(name, async () => {
      const path = SHARED_DATA + "ucc5g-raca/" + name;
      const source = await readSource(path);
      const index = source.names.indexOf("DL_bitrate");
      const { coarse } = await roundTrip(path, [
        "--columns",
        "DL_bitrate",
        "--resample",
        "300",
      ], "300");
      const seconds = source.rows.map((row) => {
        const [date, time] = row[0].split("_");
        const [y, m, d] = date.split(".").map(Number);
        const [hh, mm, ss] = time.split(".").map(Number);
        return Date.UTC(y, m - 1, d, hh, mm, ss) / 1000;
      });
      const values = source.rows.map((
        row,
      ) => (row[index] === "-" ? NaN : Number(row[index])));
      const expected = slotMeans(seconds, values, 300);
      assert.ok(maxRelativeGap(expected, column(coarse.rows, 1)) < 1e-9);
    });
  }
  await t.step("duplicates without --resample name the row", async () => {
    await withTempDir(async (dir) => {
      await assert.rejects(
        () =>
          run(
            "augment",
            SHARED_DATA +
              "ucc5g-raca/Download_Static_B_2020.02.27_18.39.27.csv",
            `${dir}/x.csv`,
            [
              "--columns",
              "DL_bitrate",
            ],
          ),
        /line 4 of column 'Timestamp' \('2020\.02\.27_18\.39\.28'\) is not later than line 3/,
      );
    });
  });
});

Deno.test("hex codes of the UCC 5G driving trace read as text", async () => {
  const path = SHARED_DATA +
    "ucc5g-raca/Download_Driving_B_2020.02.13_15.02.01.csv";
  const source = await readSource(path);
  // CELLHEX has 1468 all-digit codes among 3574 values, NODEHEX 12.
  for (const name of ["CELLHEX", "NODEHEX", "LACHEX", "State"]) {
    const index = source.names.indexOf(name);
    const profile = new NumberProfile();
    source.rows.forEach((row, r) => profile.observe(row[index], r + 2));
    const decision = profile.decide(",");
    assert.ok("kind" in decision, name);
    assert.equal(decision.kind, "text", name);
  }
});

Deno.test("augment converts the bundled demo sample", async () => {
  const path = new URL("../scripts/data/abilene_total_7d.csv", import.meta.url)
    .pathname;
  const source = await readSource(path);
  const { result, coarse } = await roundTrip(path, [], "300");
  assert.deepEqual(result.series, [
    "total_mbps",
    "WASHng->NYCMng",
    "NYCMng->WASHng",
  ]);
  assert.equal(result.grid.slots, 2016);
  for (let s = 1; s < source.names.length; s++) {
    const expected = source.rows.map((row) => Number(row[s]));
    assert.ok(maxRelativeGap(expected, column(coarse.rows, s)) < 1e-9);
  }
});

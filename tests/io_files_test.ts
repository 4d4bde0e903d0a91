import assert from "node:assert/strict";
import {
  column,
  FIXTURES,
  maxRelativeGap,
  readCsv,
  run,
  withTempDir,
} from "./fixtures/io/run_helpers.ts";

/** Augments a fixture, coarsens the output, and returns both tables. */
async function roundTrip(name: string, args: string[] = []) {
  return await withTempDir(async (dir) => {
    const fine = `${dir}/fine.csv`;
    const coarse = `${dir}/coarse.csv`;
    const result = await run("augment", FIXTURES + name, fine, [
      "--seed",
      "7",
      ...args,
    ]);
    const slot = String(result.grid.slotMs / 1000);
    const timeArgs = args.flatMap((value, i) =>
      ["--tz", "--time-column"].includes(args[i - 1])
        ? [args[i - 1], value]
        : []
    );
    await run("coarsen", fine, coarse, ["--slot", slot, ...timeArgs]);
    return { result, fine: await readCsv(fine), coarse: await readCsv(coarse) };
  });
}

Deno.test("augment reads real-world CSV quirks", async (t) => {
  const cases: [string, string, string[], number[][]][] = [
    ["byte order mark, CRLF, no final newline", "bom_crlf.csv", [], [[
      10.5,
      11,
      9.25,
    ]]],
    ["semicolons and decimal commas", "semicolon_decimal_comma.csv", [
      "--time-column",
      "Zeit",
    ], [[1.5, 2.25, 1234.5]]],
    ["quoted thousands separators", "quoted_thousands.csv", [], [[
      1604118,
      998001,
      1000,
    ], [12, 13, 14]]],
    ["quoted scientific notation", "scientific_quoted.csv", [], [[
      1.5e6,
      2.25e6,
      3e5,
    ]]],
    ["rate units converted to bit/s", "units.csv", [], [[1.23e6, 850e3, 2e6]]],
    ["metadata lines above the header", "metadata_lines.csv", [], [[
      100,
      110,
      120,
    ], [200, 210, 220]]],
    ["a delimiter at the end of every line", "trailing_delimiter.csv", [], [[
      1,
      3,
      5,
    ], [2, 4, 6]]],
    ["12-hour clock with AM/PM", "ampm.csv", [], [[5, 6, 7]]],
    ["offsets in ISO timestamps", "iso_offset.csv", [], [[1, 2, 3]]],
    ["epoch seconds", "epoch_seconds.csv", [], [[1, 2, 3]]],
    ["epoch milliseconds", "epoch_milliseconds.csv", [], [[1, 2, 3]]],
    [
      "day/month order decided by a later row",
      "day_month.csv",
      ["--dt", "300"],
      [[1, 2, 3]],
    ],
    ["text columns skipped", "non_numeric_columns.csv", [
      "--slot",
      "1",
      "--dt",
      "0.5",
    ], [[12, 0, NaN]]],
    ["DST in Europe/Dublin, autumn", "dst_dublin_autumn.csv", [
      "--tz",
      "Europe/Dublin",
    ], [[1, 2, 3, 4, 5, 6]]],
    ["DST in Europe/Dublin, spring", "dst_dublin_spring.csv", [
      "--tz",
      "Europe/Dublin",
    ], [[1, 2, 3, 4]]],
  ];
  for (const [name, file, args, expected] of cases) {
    await t.step(name, async () => {
      const { result, fine, coarse } = await roundTrip(file, args);
      assert.equal(fine.rows.length, expected[0].length * result.binsPerSlot);
      expected.forEach((values, s) => {
        assert.ok(
          maxRelativeGap(values, column(coarse.rows, s + 1)) < 1e-9,
          `series ${s}`,
        );
      });
    });
  }
});

Deno.test("augment reports skipped text columns", async () => {
  const { result } = await roundTrip("non_numeric_columns.csv", [
    "--slot",
    "1",
    "--dt",
    "0.5",
  ]);
  assert.deepEqual(result.scan.skipped.map((s) => s.name), [
    "Operatorname",
    "State",
  ]);
  assert.match(result.scan.skipped[0].reason, /line 2: 'B'/);
});

Deno.test("augment fills gaps and missing values with NaN slots", async () => {
  const { fine, coarse, result } = await roundTrip("gaps_missing.csv");
  assert.equal(result.grid.slots, 9);
  const values = column(coarse.rows, 1);
  assert.deepEqual(values.map((v) => Number.isNaN(v)), [
    false,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    false,
  ]);
  assert.equal(fine.rows.filter((row) => row[1] === "").length, 7 * 60);
});

Deno.test("augment writes DST local times as the input did", async () => {
  const { fine } = await roundTrip("dst_dublin_autumn.csv", [
    "--tz",
    "Europe/Dublin",
  ]);
  const times = fine.rows.map((row) => row[0]);
  assert.equal(
    times.filter((time) => time === "2024-10-27 01:00:00").length,
    2,
  );
  assert.equal(new Set(times).size, times.length - 720);
});

Deno.test("augment writes 12-hour times as the input did", async () => {
  const { fine } = await roundTrip("ampm.csv");
  assert.equal(fine.rows[0][0], "1/13/2024 11:55:00 PM");
  assert.equal(fine.rows[60][0], "1/14/2024 12:00:00 AM");
});

Deno.test("augment reads hundreds of columns and a long header", async () => {
  await withTempDir(async (dir) => {
    const names = Array.from(
      { length: 300 },
      (_, i) => `link ${i} ${"x".repeat(i === 7 ? 5000 : 3)}`,
    );
    const rows = Array.from(
      { length: 4 },
      (_, r) =>
        [
          `2024-01-01 00:${String(r * 5).padStart(2, "0")}`,
          ...names.map((_, i) => i + r),
        ].join(","),
    );
    await Deno.writeTextFile(
      `${dir}/wide.csv`,
      ["time", ...names].join(",") + "\n" + rows.join("\n"),
    );
    const result = await run("augment", `${dir}/wide.csv`, `${dir}/fine.csv`, [
      "--dt",
      "60",
    ]);
    assert.equal(result.series.length, 300);
    const { header, rows: fine } = await readCsv(`${dir}/fine.csv`);
    assert.ok(header.includes(names[7]));
    assert.equal(fine.length, 20);
    assert.equal(fine[0].length, 301);
  });
});

Deno.test("augment reads long input and writes either layout", async (t) => {
  await t.step("long to long", async () => {
    await withTempDir(async (dir) => {
      await run("augment", FIXTURES + "long_format.csv", `${dir}/fine.csv`, [
        "--format",
        "long",
        "--dt",
        "60",
      ]);
      const { header, rows } = await readCsv(`${dir}/fine.csv`);
      assert.equal(header, "item_id,timestamp,target");
      assert.equal(rows.filter((row) => row[0] === "link-a").length, 15);
      assert.equal(rows.filter((row) => row[0] === "link-b").length, 10);
      assert.equal(rows[0][1], "2024-01-01 00:00");
    });
  });
  await t.step("long to wide pads with NaN", async () => {
    await withTempDir(async (dir) => {
      await run("augment", FIXTURES + "long_format.csv", `${dir}/fine.csv`, [
        "--dt",
        "60",
      ]);
      const { header, rows } = await readCsv(`${dir}/fine.csv`);
      assert.equal(header, "timestamp,link-a,link-b");
      assert.equal(rows.length, 15);
      assert.equal(rows.slice(0, 5).filter((row) => row[2] === "").length, 5);
    });
  });
});

Deno.test("augment reads rows without timestamps given --slot", async () => {
  await withTempDir(async (dir) => {
    await run("augment", FIXTURES + "no_time_column.csv", `${dir}/fine.csv`, [
      "--slot",
      "300",
      "--start",
      "2024-01-01T00:00:00Z",
    ]);
    const { header, rows } = await readCsv(`${dir}/fine.csv`);
    assert.equal(header, "timestamp,mbps");
    assert.equal(rows[1][0], "2024-01-01T00:00:05Z");
    assert.equal(rows.length, 180);
  });
});

Deno.test("augment resamples irregular fine input", async () => {
  await withTempDir(async (dir) => {
    const result = await run(
      "augment",
      FIXTURES + "irregular_fine.csv",
      `${dir}/fine.csv`,
      ["--resample", "2", "--dt", "1"],
    );
    assert.equal(result.grid.slots, 5);
    await run("coarsen", `${dir}/fine.csv`, `${dir}/coarse.csv`, [
      "--slot",
      "2",
    ]);
    const { rows } = await readCsv(`${dir}/coarse.csv`);
    const expected = [(10 + 12 + 14) / 3, NaN, 20, NaN, 30];
    assert.ok(maxRelativeGap(expected, column(rows, 1)) < 1e-9);
  });
});

Deno.test("augment rejects bad input precisely", async (t) => {
  const cases: [string, string, string[], RegExp][] = [
    [
      "header without data rows",
      "header_only.csv",
      [],
      /header \(line 1\) has no data rows/,
    ],
    [
      "negative value",
      "negative.csv",
      [],
      /line 4, column 'bytes_delta' has a negative rate '-4294967000'.*counter wrap/,
    ],
    [
      "ragged row",
      "ragged.csv",
      [],
      /line 3 has 3 fields but the header \(line 1\) has 2/,
    ],
    [
      "duplicate timestamp",
      "duplicate.csv",
      [],
      /line 4 .* is not later than line 3.*--resample/,
    ],
    [
      "decreasing timestamp",
      "decreasing.csv",
      [],
      /line 4 .* is not later than line 3/,
    ],
    ["ambiguous day and month", "ambiguous_day_month.csv", [], /--time-format/],
    [
      "timestamp off the grid",
      "off_grid.csv",
      [],
      /line 3 has the timestamp '2024-01-01 00:07', which is not on the grid/,
    ],
    [
      "no time column and no --slot",
      "no_time_column.csv",
      [],
      /no time column.*--slot/,
    ],
    [
      "unknown unit",
      "unknown_unit.csv",
      [],
      /line 3, column 'rate' has '850 furlongs', which has a unit not in the unit table/,
    ],
    [
      "one cell that is not a number",
      "unreadable_cell.csv",
      [],
      /line 4, column 'bytes' has '1O', which is not a number, but 4 of the column's 5 values are numbers; fix the cell, mark it missing with an empty cell or NA, or leave the column out with --columns/,
    ],
    [
      "rows wider than the header",
      "unquoted_thousands.csv",
      [],
      /line 2 has 4 fields but the header \(line 1\) has 2; check the delimiter \(','\) and quotes/,
    ],
    ["slot not a multiple of dt", "bom_crlf.csv", ["--dt", "7"], /--dt 7 s/],
    [
      "unknown column",
      "bom_crlf.csv",
      ["--columns", "nope"],
      /Invalid --columns 'nope'/,
    ],
    ["text column chosen", "non_numeric_columns.csv", [
      "--columns",
      "State",
      "--slot",
      "1",
      "--dt",
      "1",
    ], /column 'State' is not a number \(line 2: 'D'\)/],
  ];
  for (const [name, file, args, message] of cases) {
    await t.step(name, async () => {
      await withTempDir(async (dir) => {
        await assert.rejects(
          () => run("augment", FIXTURES + file, `${dir}/out.csv`, args),
          message,
        );
        assert.deepEqual([...Deno.readDirSync(dir)], []);
      });
    });
  }
});

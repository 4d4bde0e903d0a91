import assert from "node:assert/strict";
import {
  compileTimePattern,
  explicitFormat,
  TimeProfile,
  type TimeSummary,
  timeWriter,
  TimeZone,
} from "../io.ts";

const UTC = new TimeZone("UTC");

function profile(
  cells: string[],
  options: { column?: string; zone?: TimeZone; timeFormat?: string } = {},
): TimeSummary {
  const time = new TimeProfile(options.column ?? "time", options.zone ?? UTC, {
    timeFormat: options.timeFormat,
  });
  cells.forEach((cell, i) => time.observe(cell, i + 2));
  return time.decide();
}

Deno.test("TimeProfile detects each timestamp format", async (t) => {
  const cases: [string, string[], number][] = [
    [
      "ISO with Z",
      ["2024-01-01T00:00:00Z", "2024-01-01T00:05:00Z"],
      Date.UTC(2024, 0, 1),
    ],
    ["ISO with offset", [
      "2024-06-01T01:00:00+01:00",
      "2024-06-01T01:05:00+01:00",
    ], Date.UTC(2024, 5, 1)],
    ["ISO compact offset", [
      "2024-06-01T01:00:00+0100",
      "2024-06-01T01:05:00+0100",
    ], Date.UTC(2024, 5, 1)],
    [
      "ISO fraction",
      ["2024-01-01T00:00:00.500Z", "2024-01-01T00:00:01.500Z"],
      Date.UTC(2024, 0, 1, 0, 0, 0, 500),
    ],
    [
      "YYYY-MM-DD HH:MM",
      ["2004-03-01 00:00", "2004-03-01 00:05"],
      Date.UTC(2004, 2, 1),
    ],
    [
      "M/D/YYYY H:MM",
      ["6/7/2005 7:00", "6/13/2005 7:05"],
      Date.UTC(2005, 5, 7, 7),
    ],
    [
      "D/M/YYYY",
      ["13/01/2024 00:00", "14/01/2024 00:00"],
      Date.UTC(2024, 0, 13),
    ],
    [
      "YYYY.MM.DD_HH.MM.SS",
      ["2020.02.27_18.39.27", "2020.02.27_18.39.28"],
      Date.UTC(2020, 1, 27, 18, 39, 27),
    ],
    [
      "12-hour clock",
      ["1/13/2024 11:55 PM", "1/14/2024 12:00 AM"],
      Date.UTC(2024, 0, 13, 23, 55),
    ],
    ["epoch seconds", ["1704067200", "1704067500"], Date.UTC(2024, 0, 1)],
    [
      "epoch milliseconds",
      ["1704067200000", "1704067500000"],
      Date.UTC(2024, 0, 1),
    ],
  ];
  for (const [name, cells, first] of cases) {
    await t.step(name, () => {
      const summary = profile(cells);
      assert.equal(summary.firstMs, first);
      assert.ok(summary.modalStepMs > 0);
    });
  }
});

Deno.test("TimeProfile reads 12 AM as midnight", () => {
  const summary = profile(["1/13/2024 11:55 PM", "1/14/2024 12:00 AM"]);
  assert.equal(summary.modalStepMs, 300_000);
});

Deno.test("TimeProfile reads a seconds column as relative seconds", () => {
  const summary = profile(["0", "1", "2"], { column: "second" });
  assert.deepEqual(summary.format, {
    kind: "number",
    unit: "s",
    relative: true,
  });
  assert.equal(summary.modalStepMs, 1000);
});

Deno.test("TimeProfile rejects small numbers named time", () => {
  assert.throws(() => profile(["0", "300", "600"]), /--time-format seconds/);
});

Deno.test("TimeProfile rejects ambiguous day and month", () => {
  assert.throws(
    () => profile(["01/02/2024 00:00", "01/02/2024 00:05"]),
    (error: Error) =>
      error instanceof RangeError &&
      /day\/month and as month\/day/.test(error.message) &&
      /--time-format '%m\/%d\/%Y %H:%M' or '%d\/%m\/%Y %H:%M'/.test(
        error.message,
      ),
  );
});

Deno.test("TimeProfile decides day/month from a later row", () => {
  const summary = profile([
    "01/02/2024 00:00",
    "01/02/2024 00:05",
    "20/02/2024 00:00",
  ]);
  assert.equal(
    summary.format.kind === "pattern" && summary.format.pattern,
    "%d/%m/%Y %H:%M",
  );
});

Deno.test("TimeProfile names the row of a bad timestamp", async (t) => {
  await t.step("unparseable", () => {
    assert.throws(
      () => profile(["2024-01-01 00:00", "yesterday"]),
      /line 3 .* 'yesterday'/,
    );
  });
  await t.step("duplicate", () => {
    assert.throws(
      () =>
        profile(["2024-01-01 00:00", "2024-01-01 00:05", "2024-01-01 00:05"]),
      /line 4 .* is not later than line 3/,
    );
  });
  await t.step("decreasing", () => {
    assert.throws(
      () => profile(["2024-01-01 00:10", "2024-01-01 00:05"]),
      /line 3/,
    );
  });
  await t.step("missing", () => {
    assert.throws(
      () => profile(["2024-01-01 00:00", ""]),
      /line 3 .* has no timestamp/,
    );
  });
  await t.step("impossible date", () => {
    assert.throws(() => profile(["2024-02-30 00:00"]), /line 2/);
  });
  await t.step("unknown shape", () => {
    assert.throws(() => profile(["noon"]), /not a known timestamp format/);
  });
});

Deno.test("TimeProfile accepts duplicates when asked", () => {
  const time = new TimeProfile("t", UTC, { allowDuplicates: true });
  ["2024-01-01 00:00", "2024-01-01 00:00", "2024-01-01 00:01"].forEach((c, i) =>
    time.observe(c, i + 2)
  );
  assert.equal(time.decide().modalStepMs, 60_000);
});

Deno.test("TimeProfile takes an explicit format", async (t) => {
  await t.step("pattern", () => {
    const summary = profile(["01/02/2024 00:00", "01/02/2024 00:05"], {
      timeFormat: "%d/%m/%Y %H:%M",
    });
    assert.equal(summary.firstMs, Date.UTC(2024, 1, 1));
  });
  await t.step("seconds", () => {
    const summary = profile(["0", "300"], { timeFormat: "seconds" });
    assert.equal(summary.modalStepMs, 300_000);
  });
  await t.step("invalid pattern", () => {
    assert.throws(() => explicitFormat("%Q"), /unknown directive %Q/);
  });
});

Deno.test("TimeProfile reads local times across DST in Europe/Dublin", async (t) => {
  const zone = new TimeZone("Europe/Dublin");
  await t.step("autumn: the repeated hour keeps every slot", () => {
    const summary = profile([
      "2024-10-27 00:30",
      "2024-10-27 01:00",
      "2024-10-27 01:30",
      "2024-10-27 01:00",
      "2024-10-27 01:30",
      "2024-10-27 02:00",
    ], { zone });
    assert.equal(summary.firstMs, Date.UTC(2024, 9, 26, 23, 30));
    assert.equal(summary.lastMs, Date.UTC(2024, 9, 27, 2, 0));
    assert.deepEqual([...summary.steps], [[1_800_000, 5]]);
  });
  await t.step("spring: the skipped hour leaves no gap", () => {
    const summary = profile([
      "2024-03-31 00:00",
      "2024-03-31 00:30",
      "2024-03-31 02:00",
      "2024-03-31 02:30",
    ], { zone });
    assert.deepEqual([...summary.steps], [[1_800_000, 3]]);
  });
  await t.step("spring: a time in the skipped hour is an error", () => {
    assert.throws(
      () => profile(["2024-03-31 00:30", "2024-03-31 01:30"], { zone }),
      /line 3/,
    );
  });
});

Deno.test("TimeZone rejects an unknown zone", () => {
  assert.throws(
    () => new TimeZone("Mars/Olympus"),
    /Invalid time zone 'Mars\/Olympus'/,
  );
});

Deno.test("timeWriter() writes the input's style", async (t) => {
  const at = Date.UTC(2005, 5, 7, 7, 0, 5);
  const cases: [string, Parameters<typeof timeWriter>[0], string][] = [
    ["seconds added", {
      kind: "pattern",
      pattern: "%Y-%m-%d %H:%M",
      shortFields: 0,
    }, "2005-06-07 07:00:05"],
    ["unpadded fields", {
      kind: "pattern",
      pattern: "%m/%d/%Y %H:%M",
      shortFields: 7,
    }, "6/7/2005 7:00:05"],
    ["12-hour clock", {
      kind: "pattern",
      pattern: "%m/%d/%Y %I:%M %p",
      shortFields: 0,
    }, "06/07/2005 07:00:05 AM"],
    ["dotted", {
      kind: "pattern",
      pattern: "%Y.%m.%d_%H.%M.%S",
      shortFields: 0,
    }, "2005.06.07_07.00.05"],
    ["offset Z", {
      kind: "pattern",
      pattern: "%Y-%m-%dT%H:%M:%S%z",
      shortFields: 0,
      offsetStyle: "Z",
    }, "2005-06-07T07:00:05Z"],
    ["fixed offset", {
      kind: "pattern",
      pattern: "%Y-%m-%dT%H:%M:%S%z",
      shortFields: 0,
      offsetStyle: "colon",
      fixedOffsetMinutes: 60,
    }, "2005-06-07T08:00:05+01:00"],
    [
      "epoch seconds",
      { kind: "number", unit: "s", relative: false },
      String(at / 1000),
    ],
    [
      "epoch milliseconds",
      { kind: "number", unit: "ms", relative: false },
      String(at),
    ],
  ];
  for (const [name, format, expected] of cases) {
    await t.step(name, () => {
      assert.equal(timeWriter(format, UTC, 5000, 0)(at), expected);
    });
  }
});

Deno.test("timeWriter() writes Dublin local time with the zone's offset", () => {
  const zone = new TimeZone("Europe/Dublin");
  const format = {
    kind: "pattern",
    pattern: "%Y-%m-%d %H:%M",
    shortFields: 0,
  } as const;
  const write = timeWriter(format, zone, 300_000, 0);
  assert.equal(write(Date.UTC(2024, 6, 1, 12)), "2024-07-01 13:00");
  assert.equal(write(Date.UTC(2024, 0, 1, 12)), "2024-01-01 12:00");
});

Deno.test("compileTimePattern() reads what timeWriter() writes", () => {
  const pattern = compileTimePattern("%d.%m.%Y %H:%M:%S");
  const format = {
    kind: "pattern",
    pattern: pattern.source,
    shortFields: 0,
  } as const;
  const at = Date.UTC(2023, 11, 31, 23, 59, 55);
  assert.equal(pattern.parse(timeWriter(format, UTC, 5000, 0)(at))?.wallMs, at);
});

Deno.test("timeWriter() crosses minutes with fractional steps", () => {
  const format = {
    kind: "pattern",
    pattern: "%Y-%m-%d %H:%M",
    shortFields: 0,
  } as const;
  const write = timeWriter(format, UTC, 500, 0);
  const at = Date.UTC(2005, 5, 7, 7, 0, 59, 500);
  assert.equal(write(at), "2005-06-07 07:00:59.500");
  assert.equal(write(at + 500), "2005-06-07 07:01:00.000");
  assert.equal(write(at - 60_000), "2005-06-07 06:59:59.500");
});

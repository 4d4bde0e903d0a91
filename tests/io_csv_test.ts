import assert from "node:assert/strict";
import { detectDialect, readRecordBatches, splitFields } from "../io.ts";

async function readAll(
  text: string | Uint8Array<ArrayBuffer>,
  delimiter = ",",
) {
  const bytes = typeof text === "string"
    ? new TextEncoder().encode(text)
    : text;
  const records: string[][] = [];
  const lines: number[] = [];
  for await (
    const batch of readRecordBatches(new Blob([bytes]).stream(), delimiter)
  ) {
    records.push(...batch.records);
    lines.push(...batch.lines);
  }
  return { records, lines };
}

Deno.test("splitFields() handles quotes and blanks", async (t) => {
  const cases: [string, string, string[]][] = [
    ["a,b,c", ",", ["a", "b", "c"]],
    [" a , b ", ",", ["a", "b"]],
    ['"1,604,118",2', ",", ["1,604,118", "2"]],
    ['"say ""hi""",x', ",", ['say "hi"', "x"]],
    ["a,b,", ",", ["a", "b", ""]],
    ['"",x', ",", ["", "x"]],
    ["1;2,5", ";", ["1", "2,5"]],
    ["a\tb", "\t", ["a", "b"]],
  ];
  for (const [line, delimiter, expected] of cases) {
    await t.step(JSON.stringify(line), () => {
      assert.deepEqual(splitFields(line, delimiter), expected);
    });
  }
});

Deno.test("readRecordBatches() drops a byte order mark", async () => {
  const bytes = new Uint8Array([
    0xef,
    0xbb,
    0xbf,
    ...new TextEncoder().encode("a,b\n1,2\n"),
  ]);
  const { records } = await readAll(bytes);
  assert.deepEqual(records[0], ["a", "b"]);
});

Deno.test("readRecordBatches() reads CRLF without a final newline", async () => {
  const { records } = await readAll("a,b\r\n1,2\r\n3,4");
  assert.deepEqual(records, [["a", "b"], ["1", "2"], ["3", "4"]]);
});

Deno.test("readRecordBatches() joins a quoted field across lines", async () => {
  const { records, lines } = await readAll('name,v\n"two\nlines",1\nx,2\n');
  assert.deepEqual(records[1], ["two\nlines", "1"]);
  assert.deepEqual(lines, [1, 2, 4]);
});

Deno.test("readRecordBatches() skips blank lines but counts them", async () => {
  const { lines } = await readAll("a\n\n1\n\n2\n");
  assert.deepEqual(lines, [1, 3, 5]);
});

Deno.test("readRecordBatches() rejects an unclosed quote", async () => {
  await assert.rejects(
    () => readAll('a,b\n"open,1\n2,3\n'),
    /line 2 is never closed/,
  );
});

Deno.test("readRecordBatches() rejects invalid UTF-8", async () => {
  await assert.rejects(
    () => readAll(new Uint8Array([0x61, 0x0a, 0xff, 0xfe, 0x0a])),
    /invalid UTF-8/,
  );
});

Deno.test("readRecordBatches() splits many batches the same way", async () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => `${i},${i * 2}`);
  const { records, lines } = await readAll(["i,v", ...rows].join("\n"));
  assert.equal(records.length, 20_001);
  assert.deepEqual(records[20_000], ["19999", "39998"]);
  assert.equal(lines[20_000], 20_001);
});

Deno.test("detectDialect() finds the delimiter and the header", async (t) => {
  await t.step("comma", () => {
    const dialect = detectDialect(["time,a,b", "1,2,3", "4,5,6"]);
    assert.equal(dialect.delimiter, ",");
    assert.equal(dialect.headerLine, 1);
  });
  await t.step("semicolon with decimal commas", () => {
    const dialect = detectDialect(["time;a", "1;2,5", "2;3,5"]);
    assert.equal(dialect.delimiter, ";");
  });
  await t.step("tab", () => {
    assert.equal(detectDialect(["t\ta", "1\t2"]).delimiter, "\t");
  });
  await t.step("metadata lines above the header", () => {
    const dialect = detectDialect([
      "Router: core-1",
      "",
      "# exported",
      "time,in,out",
      "1,2,3",
      "2,3,4",
    ]);
    assert.equal(dialect.headerLine, 4);
    assert.equal(dialect.metadataLines, 3);
    assert.deepEqual(dialect.header, ["time", "in", "out"]);
  });
  await t.step("rows wider than the header keep the first line", () => {
    const dialect = detectDialect([
      "timestamp,v",
      "2024-01-01T00:00:00Z,1,604,118",
      "2024-01-01T00:05:00Z,1,604,119",
    ]);
    assert.equal(dialect.headerLine, 1);
    assert.deepEqual(dialect.header, ["timestamp", "v"]);
  });
  await t.step("a metadata line with a comma above a header", () => {
    const dialect = detectDialect([
      "Exported 2 Jan, 2024",
      "time,in,out",
      "1,2,3",
      "2,3,4",
    ]);
    assert.equal(dialect.headerLine, 2);
  });
  await t.step("trailing delimiter on data rows only", () => {
    const dialect = detectDialect(["time,a", "1,2,", "2,3,"]);
    assert.equal(dialect.headerLine, 1);
  });
  await t.step("empty header names get a position", () => {
    assert.deepEqual(detectDialect(["time,a,", "1,2,"]).header, [
      "time",
      "a",
      "column 3",
    ]);
  });
  await t.step("a single column", () => {
    const dialect = detectDialect(["mbps", "1", "2"]);
    assert.deepEqual(dialect.header, ["mbps"]);
  });
  await t.step("overrides", () => {
    const dialect = detectDialect(["x", "a|b", "1|2"], {
      delimiter: "|",
      headerLine: 2,
    });
    assert.deepEqual(dialect.header, ["a", "b"]);
  });
});

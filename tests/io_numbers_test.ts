import assert from "node:assert/strict";
import {
  type NumberFormat,
  numberParser,
  NumberProfile,
  unitFactor,
} from "../io.ts";

function decide(cells: string[], delimiter = ",") {
  const profile = new NumberProfile();
  cells.forEach((cell, i) => profile.observe(cell, i + 2));
  return { decision: profile.decide(delimiter), profile };
}

function readColumn(cells: string[], delimiter = ","): number[] {
  const { decision } = decide(cells, delimiter);
  assert.ok(!("reason" in decision), JSON.stringify(decision));
  const parse = numberParser(decision as NumberFormat);
  return cells.map((cell) => parse(cell)!);
}

Deno.test("NumberProfile reads each number style", async (t) => {
  const cases: [string, string[], string, number[]][] = [
    ["plain", ["1.5", "2", "-0"], ",", [1.5, 2, -0]],
    ["scientific", ["1.5e6", "2.25E+06", "3e-3"], ",", [1.5e6, 2.25e6, 3e-3]],
    ["comma thousands", ["1,604,118", "998,001", "12"], ",", [
      1604118,
      998001,
      12,
    ]],
    ["comma thousands with decimals", ["1,604,118.5", "2.25"], ",", [
      1604118.5,
      2.25,
    ]],
    ["decimal comma", ["1,5", "2,25", "3"], ";", [1.5, 2.25, 3]],
    ["dot thousands with decimal comma", ["1.234,5", "2,5", "1.000.000"], ";", [
      1234.5,
      2.5,
      1e6,
    ]],
    ["1,234 in a comma file is thousands", ["1,234"], ",", [1234]],
    ["1,234 in a semicolon file is a decimal", ["1,234"], ";", [1.234]],
    ["1.234 is a decimal", ["1.234"], ";", [1.234]],
    ["1,23 quoted in a comma file is a decimal", ["1,23"], ",", [1.23]],
  ];
  for (const [name, cells, delimiter, expected] of cases) {
    await t.step(name, () => {
      assert.deepEqual(readColumn(cells, delimiter), expected);
    });
  }
});

Deno.test("NumberProfile reads missing values as NaN", () => {
  const values = readColumn(["", "-", "NaN", "nan", "NA", "4"]);
  assert.equal(values.filter(Number.isNaN).length, 5);
  assert.equal(values[5], 4);
});

Deno.test("NumberProfile rejects a column that mixes styles", () => {
  const { decision } = decide(["1.5", "2,5"], ";");
  assert.ok("reason" in decision);
  assert.match(decision.reason, /mixes number styles/);
  assert.equal(decision.cell?.line, 3);
});

Deno.test("NumberProfile rejects text, naming the first cell", () => {
  const { decision } = decide(["12", "D", "I"]);
  assert.ok("reason" in decision);
  assert.deepEqual(decision.cell, { line: 3, value: "D" });
});

Deno.test("NumberProfile tells text from a column with bad cells", async (t) => {
  const numbers = Array.from({ length: 99 }, (_, i) => String(100 + i));
  const cases: [string, string[], string, number][] = [
    [
      "one typo among numbers",
      [...numbers.slice(0, 57), "1O", ...numbers.slice(57)],
      "unreadable",
      59,
    ],
    ["one word among numbers", [...numbers, "abc"], "unreadable", 101],
    ["half numbers", ["1", "x"], "unreadable", 3],
    ["only words", ["B", "B", "C"], "text", 2],
    ["hex codes, some all digits", ["A4DF", "9CBA", "1234", "B"], "text", 2],
    ["missing markers only", ["", "NA", "-"], "empty", -1],
  ];
  for (const [name, cells, kind, line] of cases) {
    await t.step(name, () => {
      const { decision } = decide(cells);
      assert.ok("reason" in decision, JSON.stringify(decision));
      assert.equal(decision.kind, kind);
      assert.equal(decision.cell?.line ?? -1, line);
    });
  }
  await t.step("a typo reads as not a number, not as a unit", () => {
    const { decision, profile } = decide(["10", "1O", "12"]);
    assert.ok("reason" in decision);
    assert.equal(decision.reason, "is not a number");
    assert.equal(profile.numberCount, 2);
    assert.equal(profile.valueCount, 3);
  });
});

Deno.test("NumberProfile never half-reads a number", async (t) => {
  for (
    const cell of ["12abc", "1.2.3", "0x10", "1,2,3", "Infinity", "1 2", "5%"]
  ) {
    await t.step(cell, () => {
      const { decision } = decide([cell], ",");
      assert.ok(
        "reason" in decision,
        `${cell} read as ${JSON.stringify(decision)}`,
      );
    });
  }
});

Deno.test("NumberProfile records negative and infinite values", () => {
  const { profile } = decide(["1", "-3.5", "1e999"]);
  assert.deepEqual(profile.negative, { line: 3, value: "-3.5" });
  assert.deepEqual(profile.infinite, { line: 4, value: "1e999" });
});

Deno.test("NumberProfile keeps a single unit as it is", () => {
  const { decision } = decide(["1.5 Mb/s", "2 Mb/s"]);
  assert.deepEqual(decision, { style: "plain", unit: "Mb/s" });
  assert.deepEqual(readColumn(["1.5 Mb/s", "2 Mb/s"]), [1.5, 2]);
});

Deno.test("NumberProfile converts mixed units to bit/s", () => {
  const values = readColumn(["1.23 Mb/s", "850 kb/s", "2 Mbps", "1 kB/s", "-"]);
  assert.deepEqual(values.slice(0, 4), [1.23e6, 850e3, 2e6, 8e3]);
  assert.ok(Number.isNaN(values[4]));
});

Deno.test("NumberProfile rejects units it cannot convert", async (t) => {
  await t.step("unknown unit", () => {
    const { decision } = decide(["1 Mb/s", "2 furlongs"]);
    assert.ok("reason" in decision);
    assert.match(decision.reason, /unit not in the unit table/);
    assert.equal(decision.kind, "unreadable");
  });
  await t.step("bare numbers beside units", () => {
    const { decision } = decide(["1 Mb/s", "2"]);
    assert.ok("reason" in decision);
    assert.match(decision.reason, /with and without units/);
    assert.equal(decision.kind, "mixed");
  });
});

Deno.test("unitFactor() follows the unit table", async (t) => {
  const cases: [string, number | undefined][] = [
    ["b/s", 1],
    ["kbps", 1e3],
    ["Kb/s", 1e3],
    ["Mbit/s", 1e6],
    ["Gbps", 1e9],
    ["MB/s", 8e6],
    ["MiB/s", 8 * 1024 ** 2],
    ["mb/s", undefined],
    ["ms", undefined],
  ];
  for (const [unit, factor] of cases) {
    await t.step(unit, () => assert.equal(unitFactor(unit), factor));
  }
});

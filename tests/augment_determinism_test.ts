import assert from "node:assert/strict";
import { run, SHARED_DATA, withTempDir } from "./fixtures/io/run_helpers.ts";

const ABILENE = SHARED_DATA +
  "abilene-sndlib/abilene_tm_5min_2004-03-01_to_03-14_mbps.csv";
/** Nine series (columns 3 to 11) at 30-s bins: about 0.4 million values. */
const SUBSET = [
  "--columns",
  "3,4,5,6,7,8,9,10,11",
  "--dt",
  "30",
  "--seed",
  "11",
];

async function augmentText(args: string[]): Promise<string> {
  return await withTempDir(async (dir) => {
    await run("augment", ABILENE, `${dir}/out.csv`, [...SUBSET, ...args]);
    return await Deno.readTextFile(`${dir}/out.csv`);
  });
}

Deno.test("augment output is identical for any number of workers", async (t) => {
  for (const format of ["wide", "long"]) {
    await t.step(format, async () => {
      const single = await augmentText(["--format", format]);
      for (const workers of ["2", "3"]) {
        const parallel = await augmentText([
          "--format",
          format,
          "--workers",
          workers,
        ]);
        assert.ok(parallel === single, `--workers ${workers} differs`);
      }
    });
  }
});

Deno.test("augment output changes with the seed", async () => {
  const a = await augmentText(["--columns", "2"]);
  const b = await augmentText(["--columns", "2", "--seed", "12"]);
  assert.notEqual(a, b);
});

Deno.test("augment shards merge back into the whole output", async (t) => {
  await t.step("wide", async () => {
    const whole = await augmentText([]);
    const shards = await Promise.all(
      ["1/3", "2/3", "3/3"].map((shard) => augmentText(["--shard", shard])),
    );
    assert.equal(mergeWide(shards, 3), whole);
  });
  await t.step("long", async () => {
    const whole = await augmentText(["--format", "long"]);
    const shards = await Promise.all(
      ["1/2", "2/2"].map((shard) =>
        augmentText(["--format", "long", "--shard", shard])
      ),
    );
    const byKey = new Map<string, string>();
    let count = 0;
    for (const text of shards) {
      for (const line of text.trimEnd().split("\n").slice(1)) {
        const [id, time] = line.split(",");
        byKey.set(`${time}\u0000${id}`, line);
        count++;
      }
    }
    const lines = whole.trimEnd().split("\n").slice(1);
    assert.equal(count, lines.length);
    for (const line of lines) {
      const [id, time] = line.split(",");
      assert.equal(byKey.get(`${time}\u0000${id}`), line);
    }
  });
});

/** Puts the columns of shard K (series K, K+N, ...) back in their places. */
function mergeWide(shards: string[], count: number): string {
  const tables = shards.map((text) =>
    text.trimEnd().split("\n").map((line) => line.split(","))
  );
  const width = tables.reduce((sum, table) => sum + table[0].length - 1, 0);
  const lines: string[] = [];
  for (let r = 0; r < tables[0].length; r++) {
    const row = [tables[0][r][0]];
    for (let s = 0; s < width; s++) {
      row.push(tables[s % count][r][1 + Math.floor(s / count)]);
    }
    lines.push(row.join(","));
  }
  return lines.join("\n") + "\n";
}

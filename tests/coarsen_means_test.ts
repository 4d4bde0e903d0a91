import assert from "node:assert/strict";
import {
  column,
  readCsv,
  run,
  withTempDir,
} from "./fixtures/io/run_helpers.ts";

async function coarsen(text: string, args: string[]) {
  return await withTempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/fine.csv`, text);
    const result = await run(
      "coarsen",
      `${dir}/fine.csv`,
      `${dir}/coarse.csv`,
      args,
    );
    return { result, table: await readCsv(`${dir}/coarse.csv`) };
  });
}

Deno.test("coarsen averages rows into slots", async () => {
  const { table } = await coarsen(
    "time,a,b\n2024-01-01 00:00:00,1,10\n2024-01-01 00:00:05,3,\n2024-01-01 00:00:10,5,30\n2024-01-01 00:00:15,7,-\n",
    ["--slot", "10"],
  );
  assert.equal(table.header, "time,a,b");
  assert.deepEqual(table.rows.map((row) => row[0]), [
    "2024-01-01 00:00:00",
    "2024-01-01 00:00:10",
  ]);
  assert.deepEqual(column(table.rows, 1), [2, 6]);
  assert.deepEqual(column(table.rows, 2), [10, 30]);
});

Deno.test("coarsen leaves a slot without values empty", async () => {
  const { table } = await coarsen(
    "time,a\n2024-01-01 00:00:00,1\n2024-01-01 00:00:20,5\n",
    ["--slot", "10"],
  );
  assert.deepEqual(table.rows.map((row) => row[1]), ["1", "", "5"]);
});

Deno.test("coarsen writes long output from long input", async () => {
  const { table } = await coarsen(
    "item_id,timestamp,target\nx,0,1\nx,1,3\ny,0,10\ny,1,20\n",
    ["--slot", "2", "--format", "long", "--time-format", "seconds"],
  );
  assert.equal(table.header, "item_id,timestamp,target");
  assert.deepEqual(table.rows, [["x", "0", "2"], ["y", "0", "15"]]);
});

Deno.test("coarsen keeps the slot count of a partial last slot", async () => {
  const { result, table } = await coarsen("second,v\n0,1\n1,2\n2,3\n", [
    "--slot",
    "2",
  ]);
  assert.equal(result.grid.slots, 2);
  assert.deepEqual(column(table.rows, 1), [1.5, 3]);
});

import assert from "node:assert/strict";
import { OutputSink } from "../io.ts";
import { withTempDir } from "./fixtures/io/run_helpers.ts";

Deno.test("OutputSink.commit() removes the temporary file on failure", async () => {
  await withTempDir(async (dir) => {
    const target = `${dir}/out.csv`;
    const sink = await OutputSink.open(target);
    await sink.write("a,b\n");
    // A folder that appears at the target makes the rename fail.
    await Deno.mkdir(target);
    await Deno.writeTextFile(`${target}/keep.txt`, "x");
    await assert.rejects(
      () => sink.commit(),
      (error: Error) =>
        error instanceof TypeError &&
        /^Cannot write .*out\.csv: .*; nothing was written there$/.test(
          error.message,
        ),
    );
    const names = [...Deno.readDirSync(dir)].map((entry) => entry.name);
    assert.deepEqual(names, ["out.csv"]);
    assert.ok((await Deno.stat(target)).isDirectory);
  });
});

Deno.test("OutputSink.commit() renames the file over the target", async () => {
  await withTempDir(async (dir) => {
    const target = `${dir}/out.csv`;
    await Deno.writeTextFile(target, "old\n");
    const sink = await OutputSink.open(target);
    await sink.write("new\n");
    await sink.commit();
    assert.equal(await Deno.readTextFile(target), "new\n");
    assert.equal([...Deno.readDirSync(dir)].length, 1);
  });
});

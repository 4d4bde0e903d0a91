import { assert } from "./assert.ts";

const ROOT = new URL("../", import.meta.url);

/** Serves the repository's files on 127.0.0.1 with TypeScript's media type. */
function serveRepository() {
  return Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path.includes("..")) return new Response("bad path", { status: 400 });
      try {
        const body = await Deno.readFile(new URL(`.${path}`, ROOT));
        const type = path.endsWith(".ts")
          ? "application/typescript"
          : "text/plain";
        return new Response(body, { headers: { "content-type": type } });
      } catch {
        return new Response("not found", { status: 404 });
      }
    },
  );
}

Deno.test("mod.ts imports by URL from a folder with no deno.json", async () => {
  const server = serveRepository();
  const host = `127.0.0.1:${server.addr.port}`;
  const folder = await Deno.makeTempDir();
  try {
    const script = `
      import { generateFineSeriesFromCoarse } from "http://${host}/mod.ts";
      const { fine } = generateFineSeriesFromCoarse([10, 20], { seed: 1 });
      console.log(fine.length, (fine.slice(60).reduce((a, b) => a + b) / 60).toFixed(9));
    `;
    await Deno.writeTextFile(`${folder}/main.ts`, script);
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-lock", `--allow-import=${host}`, "main.ts"],
      cwd: folder,
      env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 0, stderr);
    assert.equal(
      new TextDecoder().decode(output.stdout).trim(),
      "120 20.000000000",
    );
  } finally {
    await server.shutdown();
    await Deno.remove(folder, { recursive: true });
  }
});

import { DEFAULT_PARAMS, resolveParams, validateParams } from "../mod.ts";
import { assert, assertThrows } from "./assert.ts";

Deno.test("resolveParams() keeps a session at one bin when only dt changes", () => {
  assert.equal(resolveParams({ dt: 1 }).sessionMeanS, 1);
  assert.equal(resolveParams({ dt: 10 }).sessionMeanS, 10);
  assert.equal(resolveParams({ dt: 1, sessionMeanS: 7 }).sessionMeanS, 7);
  assert.equal(resolveParams({}).sessionMeanS, DEFAULT_PARAMS.sessionMeanS);
  assert.equal(resolveParams({ T: 60 }).sessionMeanS, DEFAULT_PARAMS.dt);
});

Deno.test("validateParams() names the field and value it rejects", async (t) => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["T not a multiple of dt", { dt: 7 }, /T: .*got 300/],
    ["negative tau", { tau: -1 }, /tau: .*got -1/],
    ["NaN zeta", { zeta: NaN }, /zeta: .*got NaN/],
    ["zero session", { sessionMeanS: 0 }, /sessionMeanS: .*got 0/],
    ["fractional maxSources", { maxSources: 2.5 }, /maxSources: .*got 2\.5/],
    ["shotShareMin of 1", { shotShareMin: 1 }, /shotShareMin: .*got 1/],
    ["negative shotShareMin", { shotShareMin: -0.1 }, /shotShareMin: .*-0\.1/],
    ["NaN shotShareMin", { shotShareMin: NaN }, /shotShareMin: .*got NaN/],
    ["unknown field", { burstiness: 2 }, /burstiness: unknown/],
  ];
  for (const [name, change, message] of cases) {
    await t.step(name, () => {
      assertThrows(
        () => validateParams({ ...DEFAULT_PARAMS, ...change }),
        { name: "RangeError", message },
      );
    });
  }
});

Deno.test("validateParams() accepts the defaults and a zero share", () => {
  validateParams({ ...DEFAULT_PARAMS });
  validateParams({ ...DEFAULT_PARAMS, shotShareMin: 0 });
});

import {
  BASELINES,
  DEFAULT_METHOD,
  defaultBeatsBaselines,
  runEvaluation,
} from "../scripts/evaluate.ts";
import { assert } from "./assert.ts";

const TRACE = new URL(
  "../../shared/data/ucc5g-raca/Download_Static_B_2020.02.27_18.39.27.csv",
  import.meta.url,
).pathname;

Deno.test("evaluate.ts writes Markdown and JSON tables for a real slice", () => {
  const folder = Deno.makeTempDirSync();
  try {
    const out = `${folder}/realism`;
    runEvaluation([{ path: TRACE, T: 60, dt: 5 }], out, 1, 8);
    const markdown = Deno.readTextFileSync(`${out}.md`);
    const results = JSON.parse(Deno.readTextFileSync(`${out}.json`));
    assert.equal(results.length, 2);
    assert.equal(results[0].slots, 8);
    for (
      const method of ["truth", "flat step", DEFAULT_METHOD, "rolling"]
    ) {
      assert.ok(method in results[0].methods, method);
      assert.ok(markdown.includes(`| ${method} |`), method);
    }
    assert.ok("calibrated" in results[1].methods);
    assert.ok(markdown.includes("## Summary: second halves"));
    assert.match(markdown, /The default beats every baseline on \d+ of 5 /);
    assert.equal(results[0].methods.truth.distance.acf, 0);
    assert.ok(results[0].methods["flat step"].withinSlotCv === 0);
  } finally {
    Deno.removeSync(folder, { recursive: true });
  }
});

Deno.test("defaultBeatsBaselines() counts a tie only on ACF and bursts", () => {
  const distance = (value: number) => ({
    cv: value,
    varianceTime: value,
    acf: value,
    peakToMean: value,
    slotNormalized: value,
    bursts: value,
  });
  const methods = Object.fromEntries(
    [DEFAULT_METHOD, ...BASELINES].map((name) => [name, {
      withinSlotCv: 0,
      acf: [],
      peakToMeanMean: 1,
      burstsPerHour: 0,
      burstDurationS: 0,
      distance: distance(0.5),
    }]),
  );
  const result = {
    trace: "t",
    label: "t",
    scope: "second half",
    T: 60,
    dt: 5,
    slots: 2,
    methods,
    notes: [],
  };
  assert.equal(defaultBeatsBaselines(result, "acf"), true);
  assert.equal(defaultBeatsBaselines(result, "bursts"), true);
  assert.equal(defaultBeatsBaselines(result, "cv"), false);
  methods[BASELINES[2]].distance = distance(0.6);
  methods[BASELINES[0]].distance = distance(0.6);
  methods[BASELINES[1]].distance = distance(0.6);
  assert.equal(defaultBeatsBaselines(result, "cv"), true);
  methods[BASELINES[1]].distance = distance(0.4);
  assert.equal(defaultBeatsBaselines(result, "acf"), false);
});

Deno.test("evaluate.ts gives the same tables for the same seeds", () => {
  const folder = Deno.makeTempDirSync();
  try {
    const run = (name: string) => {
      runEvaluation([{ path: TRACE, T: 60, dt: 5 }], `${folder}/${name}`, 2, 8);
      return Deno.readTextFileSync(`${folder}/${name}.json`);
    };
    assert.equal(run("first"), run("second"));
  } finally {
    Deno.removeSync(folder, { recursive: true });
  }
});

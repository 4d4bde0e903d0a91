import {
  binMoments,
  DEFAULT_PARAMS,
  modelConstants,
  solveLambdaAndPsiMean,
} from "../mod.ts";
import { assert, assertClose, assertThrows } from "./assert.ts";

const { floorCv2, pOn, i1 } = modelConstants(DEFAULT_PARAMS);
const modulationShare = 1 - DEFAULT_PARAMS.shotShareMin;

Deno.test("solveLambdaAndPsiMean() inverts binMoments()", async (t) => {
  // One source serves squared CVs from F / (1 - shotShareMin) up to where the
  // solved lambda reaches lambdaFixed: F + 2 I1 / (pOn lambdaFixed).
  const low = floorCv2 / modulationShare;
  const high = floorCv2 + 2 * i1 / (pOn * DEFAULT_PARAMS.lambdaFixed);
  assert.ok(low < high, `one source has a range: ${low} < ${high}`);
  for (const fraction of [0.1, 0.5, 0.9]) {
    const cv = Math.sqrt(low + fraction * (high - low));
    await t.step(`CV ${cv.toFixed(3)}`, () => {
      const mean = 40;
      const variance = (cv * mean) ** 2;
      const solution = solveLambdaAndPsiMean(mean, variance, DEFAULT_PARAMS);
      assert.equal(solution.sources, 1);
      assert.equal(solution.lambdaClamped, false);
      const moments = binMoments(
        solution.lambda,
        solution.psiMean,
        DEFAULT_PARAMS,
      );
      assertClose(moments.mean, mean, 1e-12 * mean, "mean");
      assertClose(moments.variance, variance, 1e-9 * variance, "variance");
    });
  }
});

Deno.test("solveLambdaAndPsiMean() takes the fewest sources", async (t) => {
  for (const shotShareMin of [0, DEFAULT_PARAMS.shotShareMin, 0.8]) {
    const params = { ...DEFAULT_PARAMS, lambdaFixed: 0, shotShareMin };
    const share = 1 - shotShareMin;
    for (const cv2 of [0.85 * floorCv2, 0.45 * floorCv2, 0.2 * floorCv2]) {
      await t.step(`share ${shotShareMin}, CV^2 ${cv2.toFixed(3)}`, () => {
        const solution = solveLambdaAndPsiMean(1, cv2, params);
        assert.equal(solution.lambdaClamped, false);
        const sources = solution.sources;
        const onOff = floorCv2 / sources;
        assert.ok(onOff < share * cv2, `${sources} sources leave the share`);
        assert.ok(
          floorCv2 / (sources - 1) >= share * cv2,
          `${sources - 1} do not`,
        );
        assertClose(solution.variance, cv2, 1e-9 * cv2, "variance");
      });
    }
  }
});

Deno.test("solveLambdaAndPsiMean() caps sources and reports it", () => {
  const solution = solveLambdaAndPsiMean(1, 1e-6, DEFAULT_PARAMS);
  assert.equal(solution.sources, DEFAULT_PARAMS.maxSources);
  assert.equal(solution.infeasible, true);
  assert.ok(solution.variance > 1e-6);
});

Deno.test("solveLambdaAndPsiMean() clamps lambda and keeps the mean", () => {
  const solution = solveLambdaAndPsiMean(10, 1e6, DEFAULT_PARAMS);
  assert.equal(solution.lambdaClamped, true);
  assert.equal(solution.lambda, DEFAULT_PARAMS.lambdaFixed);
  const mean = pOn * solution.lambda * solution.psiMean;
  assertClose(mean, 10, 1e-12 * 10, "mean");
  assert.ok(solution.variance < 1e6);
});

Deno.test("solveLambdaAndPsiMean() rejects bad targets", async (t) => {
  const cases = [
    {
      mean: 0,
      variance: 1,
      error: /target mean must be a finite number > 0, got 0/,
    },
    { mean: NaN, variance: 1, error: /got NaN/ },
    {
      mean: 1,
      variance: -1,
      error: /target variance must be a finite number >= 0, got -1/,
    },
  ];
  for (const { mean, variance, error } of cases) {
    await t.step(`mean ${mean}, variance ${variance}`, () => {
      assertThrows(
        () => solveLambdaAndPsiMean(mean, variance, DEFAULT_PARAMS),
        (thrown) => thrown instanceof RangeError && error.test(thrown.message),
      );
    });
  }
});

import { cellBridge } from "../lib/_bridge.ts";
import {
  CACHED_CHAINS,
  cachedCountChain,
  CENTRE_HALF_WIDTH,
  CENTRE_MOMENT,
  CENTRE_SLOPE,
  CountChain,
  GAMMA_SCALE,
  GAMMA_SHAPE,
  LAW_STRIDE,
  ON_HALF_WIDTH,
  ON_MEAN,
} from "../lib/_count_chain.ts";
import { createSeriesRandom, exponential, type UniformSource } from "../mod.ts";
import { assert, assertClose } from "./assert.ts";

const WIDTH = 5;
const SOURCES = 6;
const START_ON = 2;
const RUNS = 200_000;

/**
 * Runs one source through a cell of `WIDTH` seconds from `state` and returns
 * its end state, ON time and integral of t over its ON time.
 */
function runSource(
  uniform: UniformSource,
  state: number,
  tau: number,
  zeta: number,
) {
  let time = 0;
  let onTime = 0;
  let moment = 0;
  for (;;) {
    const hold = exponential(uniform) / (state === 1 ? zeta : tau);
    const end = Math.min(WIDTH, time + hold);
    if (state === 1) {
      onTime += end - time;
      moment += (end * end - time * time) / 2;
    }
    if (time + hold >= WIDTH) return { state, onTime, moment };
    time += hold;
    state = 1 - state;
  }
}

/** Covariance of two samples and its standard error. */
function covariance(xs: number[], ys: number[]) {
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  const products = xs.map((x, i) => (x - meanX) * (ys[i] - meanY));
  const value = products.reduce((a, b) => a + b, 0) / n;
  const spread = products.reduce((a, b) => a + (b - value) ** 2, 0) / n;
  return { value, error: Math.sqrt(spread / n) };
}

/** Mean, variance and the standard errors of both, of a sample. */
function describe(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const fourth = values.reduce((a, b) => a + (b - mean) ** 4, 0) / n;
  return {
    mean,
    variance,
    meanError: Math.sqrt(variance / n),
    varianceError: Math.sqrt(Math.max(fourth - variance * variance, 0) / n),
  };
}

// Reference: K independent sources simulated switch by switch from 2 ON,
// grouped by the count ON at the cell's end. Tolerances are four standard
// errors of each group's sample statistic. The default rates switch faster
// than a cell, and the NumPy baseline's rates much slower.
for (const [tau, zeta] of [[1 / 5, 1 / 2.5], [1 / 40, 1 / 20]]) {
  Deno.test(`CountChain matches simulated sources, tau ${tau}, zeta ${zeta}`, async (t) => {
    const chain = new CountChain(cellBridge(tau, zeta, WIDTH), SOURCES);
    const uniform = createSeriesRandom(3, `count chain ${tau}`);
    const groups = Array.from(
      { length: SOURCES + 1 },
      () => ({ onTime: [] as number[], moment: [] as number[] }),
    );
    for (let run = 0; run < RUNS; run++) {
      let end = 0;
      let onTime = 0;
      let moment = 0;
      for (let source = 0; source < SOURCES; source++) {
        const result = runSource(
          uniform,
          source < START_ON ? 1 : 0,
          tau,
          zeta,
        );
        end += result.state;
        onTime += result.onTime;
        moment += result.moment;
      }
      groups[end].onTime.push(onTime);
      groups[end].moment.push(moment);
    }
    const cdf = chain.transitions.cdf;
    const row = START_ON * (SOURCES + 1);
    for (let end = 0; end <= SOURCES; end++) {
      await t.step(`from ${START_ON} to ${end} sources ON`, () => {
        const expected = cdf[row + end] - (end === 0 ? 0 : cdf[row + end - 1]);
        const seen = groups[end].onTime.length;
        assertClose(
          seen / RUNS,
          expected,
          4 * Math.sqrt(expected * (1 - expected) / RUNS),
          "transition probability",
        );
        if (seen < 1000) return;
        const law = chain.laws.subarray(
          (START_ON * (SOURCES + 1) + end) * LAW_STRIDE,
        );
        const onTime = describe(groups[end].onTime);
        const moment = describe(groups[end].moment);
        assertClose(law[ON_MEAN], onTime.mean, 4 * onTime.meanError, "mean");
        assertClose(
          law[ON_HALF_WIDTH] ** 2 / 3,
          onTime.variance,
          4 * onTime.varianceError,
          "variance",
        );
        assertClose(
          law[CENTRE_MOMENT],
          moment.mean,
          4 * moment.meanError,
          "mean integral of t",
        );
        const joint = covariance(groups[end].onTime, groups[end].moment);
        assertClose(
          law[CENTRE_SLOPE] * law[ON_HALF_WIDTH] ** 2 / 3,
          joint.value,
          4 * joint.error,
          "covariance of the ON time and the integral of t",
        );
        // The regression of the integral on the ON time gives back its variance.
        const variance = law[CENTRE_SLOPE] ** 2 * law[ON_HALF_WIDTH] ** 2 / 3 +
          law[CENTRE_HALF_WIDTH] ** 2 / 3;
        assertClose(
          variance,
          moment.variance,
          4 * moment.varianceError,
          "variance of the integral of t",
        );
      });
    }
  });
}

Deno.test("CountChain gives a gamma law where a uniform would reach below 0", () => {
  const chain = new CountChain(cellBridge(1 / 5, 1 / 2.5, WIDTH), SOURCES);
  let gammaLaws = 0;
  for (let pair = 0; pair < (SOURCES + 1) ** 2; pair++) {
    const law = chain.laws.subarray(pair * LAW_STRIDE);
    const mean = law[ON_MEAN];
    const variance = law[ON_HALF_WIDTH] ** 2 / 3;
    if (law[ON_HALF_WIDTH] <= mean) {
      assert.equal(law[GAMMA_SHAPE], 0);
      continue;
    }
    gammaLaws++;
    const shape = law[GAMMA_SHAPE];
    const scale = law[GAMMA_SCALE];
    assertClose(shape * scale, mean, 1e-12 * mean, "gamma mean");
    assertClose(shape * scale * scale, variance, 1e-12 * variance, "variance");
  }
  // From 0 ON to 1 ON, the ON time is often near 0.
  assert.ok(gammaLaws > 0);
});

Deno.test("cachedCountChain() reuses a chain until it is the oldest of too many", () => {
  const bridge = cellBridge(1 / 5, 1 / 2.5, WIDTH);
  const first = cachedCountChain(bridge, 3);
  assert.equal(cachedCountChain(bridge, 3), first);
  // Other chains push it out once CACHED_CHAINS of them came after it.
  for (let sources = 1; sources <= CACHED_CHAINS; sources++) {
    cachedCountChain(cellBridge(1 / 5, 1 / 2.5, WIDTH + 1), sources);
  }
  const rebuilt = cachedCountChain(bridge, 3);
  assert.notEqual(rebuilt, first);
  assert.deepEqual(rebuilt.laws, first.laws);
});

import { cellBridge } from "../lib/_bridge.ts";
import { createSeriesRandom, exponential } from "../mod.ts";
import { assertClose } from "./assert.ts";

// Reference: direct simulation of one two-state chain over a cell, grouped by
// the states at the cell's ends. Tolerances are four standard errors of each
// group's sample mean and sample variance.
Deno.test("cellBridge() matches simulated ON times by end states", async (t) => {
  const tau = 1 / 40;
  const zeta = 1 / 20;
  const width = 5;
  const bridge = cellBridge(tau, zeta, width);
  const uniform = createSeriesRandom(1, "bridge");
  const groups = Array.from({ length: 4 }, () => [] as number[]);
  const p = tau / (tau + zeta);
  for (let run = 0; run < 400_000; run++) {
    // Every fourth run starts ON and OFF alike, so rare groups fill up.
    const start = run % 2;
    let state = start;
    let time = 0;
    let onTime = 0;
    for (;;) {
      const hold = exponential(uniform) / (state === 1 ? zeta : tau);
      const end = Math.min(width, time + hold);
      if (state === 1) onTime += end - time;
      if (time + hold >= width) break;
      time += hold;
      state = 1 - state;
    }
    groups[2 * start + state].push(onTime);
  }
  for (let index = 0; index < 4; index++) {
    await t.step(`from ${index >> 1} to ${index & 1}`, () => {
      const values = groups[index];
      const n = values.length;
      const mean = values.reduce((a, b) => a + b) / n;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) /
        (n - 1);
      const fourth = values.reduce((a, b) => a + (b - mean) ** 4, 0) / n;
      assertClose(
        bridge.onTime[index],
        mean,
        4 * Math.sqrt(variance / n) + 1e-9,
        `mean ON time (${n} runs)`,
      );
      assertClose(
        bridge.onTimeVariance[index],
        variance,
        4 * Math.sqrt(Math.max(fourth - variance * variance, 0) / n) + 1e-9,
        `variance of ON time (${n} runs)`,
      );
    });
  }
  assertClose(
    bridge.stayOn,
    p + (1 - p) * Math.exp(-(tau + zeta) * width),
    1e-15,
    "P11",
  );
});

/**
 * Returns the moments of one source's ON time A and of M, the integral of t
 * over its ON time, over `h` seconds started from the stationary law, from
 * the bridge's end-conditioned moments.
 */
function stationaryMoments(tau: number, zeta: number, h: number) {
  const bridge = cellBridge(tau, zeta, h);
  const p = tau / (tau + zeta);
  const start = [1 - p, p];
  const ends = [[1 - bridge.turnOn, bridge.turnOn], [
    1 - bridge.stayOn,
    bridge.stayOn,
  ]];
  let onTime = 0;
  let onTimeSquare = 0;
  let moment = 0;
  let momentSquare = 0;
  let product = 0;
  for (let from = 0; from < 2; from++) {
    for (let to = 0; to < 2; to++) {
      const weight = start[from] * ends[from][to];
      const index = 2 * from + to;
      const mean = bridge.onTime[index];
      const meanMoment = bridge.onTimeMoment[index];
      onTime += weight * mean;
      moment += weight * meanMoment;
      onTimeSquare += weight * (bridge.onTimeVariance[index] + mean ** 2);
      momentSquare += weight *
        (bridge.onTimeMomentVariance[index] + meanMoment ** 2);
      product += weight * (bridge.onTimeCovariance[index] + mean * meanMoment);
    }
  }
  return {
    onTime,
    moment,
    variance: onTimeSquare - onTime ** 2,
    momentVariance: momentSquare - moment ** 2,
    covariance: product - onTime * moment,
  };
}

// Reference: from the stationary law, ON at t and at u has covariance
// p (1 - p) e^{-s |t - u|}, which integrates in closed form. Rates from
// slower than a cell to a million switches a second, where a fixed
// quadrature rule would fail.
Deno.test("cellBridge() matches the stationary ON time's closed form", async (t) => {
  const cases = [
    [0.05, 0.1, 5],
    [0.2, 0.4, 5],
    [1 / 40, 1 / 20, 30],
    [10, 10, 5],
    [100, 300, 5],
    [0.01, 10, 5],
    [1e6, 3e6, 60],
  ];
  for (const [tau, zeta, h] of cases) {
    await t.step(`tau ${tau}, zeta ${zeta}, ${h} s`, () => {
      const s = tau + zeta;
      const p = tau / s;
      const decay = Math.exp(-s * h);
      const variance = 2 * p * (1 - p) / s ** 2 * (s * h - 1 + decay);
      const momentVariance = 2 * p * (1 - p) *
        (h ** 3 / (3 * s) - h ** 2 / (2 * s ** 2) +
          (1 - decay * (1 + s * h)) / s ** 4);
      const actual = stationaryMoments(tau, zeta, h);
      const close = (value: number, expected: number, label: string) =>
        assertClose(value, expected, 1e-7 * Math.abs(expected), label);
      close(actual.onTime, p * h, "mean ON time");
      close(actual.moment, p * h * h / 2, "mean integral of t");
      close(actual.variance, variance, "variance of the ON time");
      close(actual.momentVariance, momentVariance, "variance of the integral");
      close(actual.covariance, h / 2 * variance, "covariance");
    });
  }
});

// When the chain switches far faster than a cell is long, its state at the
// end no longer depends on the start: both chances of ending ON are p.
Deno.test("cellBridge() ends ON with chance p at extreme switching", () => {
  for (const [tau, zeta, width] of [[1e9, 1e6, 1e6], [1e12, 1e9, 3600]]) {
    const bridge = cellBridge(tau, zeta, width);
    const p = tau / (tau + zeta);
    assertClose(bridge.stayOn, p, 1e-15, `stay ON, tau ${tau}`);
    assertClose(bridge.turnOn, p, 1e-15, `turn ON, tau ${tau}`);
  }
});

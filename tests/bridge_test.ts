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

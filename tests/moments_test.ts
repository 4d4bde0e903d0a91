import {
  binMoments,
  DEFAULT_PARAMS,
  overlapIntegrals,
  stationaryPOn,
} from "../mod.ts";
import { assertClose, assertThrows } from "./assert.ts";

const REFERENCE = new URL(
  "../../shared/reference/moments_reference.csv",
  import.meta.url,
);

function readReference() {
  const lines = Deno.readTextFileSync(REFERENCE).trim().split("\n");
  const header = lines[0].split(",");
  return lines.slice(1).map((line) => {
    const values = line.split(",").map(Number);
    return Object.fromEntries(header.map((name, i) => [name, values[i]]));
  });
}

Deno.test("stationaryPOn() is tau over tau plus zeta", () => {
  assertClose(stationaryPOn(1 / 40, 1 / 20), 1 / 3, 1e-15, "p");
  assertClose(stationaryPOn(2, 0.5), 0.8, 1e-15, "p");
});

Deno.test("stationaryPOn() rejects non-positive rates", () => {
  assertThrows(() => stationaryPOn(0, 1), RangeError);
  assertThrows(() => stationaryPOn(1, NaN), /zeta must be a finite rate/);
});

// The reference values were computed by direct numerical integration of the
// overlap kernel (scipy quad), independently of the closed form, to about
// 1e-7 relative. The row with tau = zeta = 10 deviates by 1.6e-6 from our
// closed form, which agrees to 1e-15 with the same closed form evaluated in
// 40-digit arithmetic (mpmath) below, so the quadrature is the looser side.
Deno.test("overlapIntegrals() matches numerical integration", async (t) => {
  for (const row of readReference()) {
    const name =
      `tau ${row.tau}, zeta ${row.zeta}, D ${row.session_s}, dt ${row.dt}`;
    await t.step(name, () => {
      const { i1, i2 } = overlapIntegrals(
        row.session_s,
        row.dt,
        row.tau + row.zeta,
      );
      assertClose(i1, row.i1, 1e-12 * row.i1, "I1");
      assertClose(i2, row.i2, 2e-6 * row.i2, "I2");
    });
  }
});

// Values of the closed form for I2 in 40-digit arithmetic (mpmath 1.3,
// mp.dps = 40), where no cancellation can matter.
Deno.test("overlapIntegrals() keeps every digit for slow and fast chains", async (t) => {
  const cases = [
    { D: 30, dt: 5, s: 20, i2: 0.003148038148148148148148 },
    { D: 120, dt: 1, s: 2 / 300, i2: 0.7791466547816305739254 },
    { D: 30, dt: 5, s: 2e-6, i2: 0.9999797317898110472839 },
  ];
  for (const { D, dt, s, i2 } of cases) {
    await t.step(`D ${D}, dt ${dt}, s ${s}`, () => {
      assertClose(overlapIntegrals(D, dt, s).i2, i2, 1e-11 * i2, "I2");
    });
  }
});

Deno.test("binMoments() matches the reference bin moments", async (t) => {
  for (const row of readReference()) {
    const name =
      `tau ${row.tau}, lambda ${row.lambda}, psiMean ${row.psi_mean}`;
    await t.step(name, () => {
      const params = {
        ...DEFAULT_PARAMS,
        tau: row.tau,
        zeta: row.zeta,
        sessionMeanS: row.session_s,
        dt: row.dt,
      };
      const moments = binMoments(row.lambda, row.psi_mean, params);
      assertClose(moments.mean, row.bin_mean, 1e-12 * row.bin_mean, "mean");
      assertClose(
        moments.variance,
        row.bin_variance,
        2e-6 * row.bin_variance,
        "variance",
      );
    });
  }
});

Deno.test("binMoments() adds independent sources", () => {
  const one = binMoments(2, 3, DEFAULT_PARAMS);
  const four = binMoments(2, 3, DEFAULT_PARAMS, 4);
  assertClose(four.mean, 4 * one.mean, 1e-12, "mean");
  assertClose(four.variance, 4 * one.variance, 1e-9, "variance");
});

/**
 * The engine's Poisson, gamma and binomial draws from a buffered uniform
 * stream. `random.ts` exposes them on uniform sources.
 *
 * @module
 */

import { normalFrom } from "./_normal_ziggurat.ts";
import { drawTabledPoisson, TABLE_MEANS } from "./_poisson_table.ts";
import type { UniformStream } from "./_uniform_stream.ts";

/**
 * Draws a Poisson count: from the tables of `drawTabledPoisson` for means
 * below TABLE_MEANS, and by Hörmann's transformed rejection with squeeze
 * (PTRS, 1993) above.
 */
export function drawPoisson(stream: UniformStream, mean: number): number {
  if (mean < TABLE_MEANS) return drawTabledPoisson(stream, mean);
  return poissonPtrs(stream, mean);
}

function poissonPtrs(stream: UniformStream, mean: number): number {
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  // log(mean) is needed only past the squeeze, so it is taken on first use.
  let logMean = NaN;
  for (;;) {
    const u = stream.next() - 0.5;
    const v = stream.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (logMean !== logMean) logMean = Math.log(mean);
    const lhs = Math.log(v * inverseAlpha / (a / (us * us) + b));
    if (lhs <= -mean + k * logMean - logFactorial(k)) return k;
  }
}

/**
 * Counts below which log(k!) is read from a table. The engine draws Poisson
 * counts with means up to 32 (or `aggregateThreshold`, when larger), whose
 * rejection tests mostly stay below it.
 */
const TABLE_FACTORIALS = 1024;

/** log(k!) for k below TABLE_FACTORIALS: summed logs below 32, Stirling's series above. */
const LOG_FACTORIALS = new Float64Array(TABLE_FACTORIALS);
LOG_FACTORIALS[2] = 0.6931471805599453;
LOG_FACTORIALS[3] = 1.791759469228055;
for (let k = 4; k < 32; k++) {
  LOG_FACTORIALS[k] = LOG_FACTORIALS[k - 1] + Math.log(k);
}
for (let k = 32; k < TABLE_FACTORIALS; k++) LOG_FACTORIALS[k] = stirling(k);

/**
 * Returns log(k!): summed logs below 32 and Stirling's series above
 * (relative error below 1e-13), tabulated below 1024.
 *
 * @param k A whole number >= 0.
 * @returns log(k!).
 *
 * @example
 * ```ts
 * import { logFactorial } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(logFactorial(5) - Math.log(120)) < 1e-12);
 * ```
 */
export function logFactorial(k: number): number {
  if (k < TABLE_FACTORIALS) return LOG_FACTORIALS[k];
  return stirling(k);
}

/** Returns log(k!) by Stirling's series, for k >= 32. */
function stirling(k: number): number {
  const n = k + 1;
  const inverse = 1 / n;
  const inverseSquare = inverse * inverse;
  return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) +
    inverse * (1 / 12 - inverseSquare * (1 / 360 - inverseSquare / 1260));
}

/** Whole shapes below which Marsaglia and Tsang's constant c is tabulated. */
const TABLE_SHAPES = 1024;

/** `c = 1 / sqrt(9 (shape - 1/3))` for whole shapes: cell volumes use them. */
const GAMMA_C = new Float64Array(TABLE_SHAPES);
for (let shape = 1; shape < TABLE_SHAPES; shape++) {
  GAMMA_C[shape] = 1 / Math.sqrt(9 * (shape - 1 / 3));
}

/**
 * Draws Gamma(shape, scale) by Marsaglia and Tsang's method (2000); a shape
 * below 1 draws Gamma(shape + 1) times U^(1 / shape).
 */
export function drawGamma(
  stream: UniformStream,
  shape: number,
  scale: number,
): number {
  gammaInto(stream, shape, scale, gammaScratch, 0);
  return gammaScratch[0];
}

const gammaScratch = new Float64Array(1);

/**
 * Draws Gamma(shape, scale) into `out[index]`. Writing the draw, not
 * returning it, spares V8 a heap number per call where it is not inlined.
 */
export function gammaInto(
  stream: UniformStream,
  shape: number,
  scale: number,
  out: Float64Array,
  index: number,
): void {
  if (shape < 1) {
    const boost = (1 - stream.next()) ** (1 / shape);
    gammaInto(stream, shape + 1, scale, out, index);
    out[index] *= boost;
    return;
  }
  for (;;) {
    if (gammaTry(stream.next(), NaN, stream, shape, scale, out, index)) return;
  }
}

/**
 * Draws Gamma(shape, scale) into `out[index]`, as `gammaInto` does, but
 * makes the first try with the uniforms `u` and `v`, which a caller
 * drawing many cells reserves from the stream in one batch. The rare
 * further tries draw from the stream.
 */
export function gammaFromInto(
  u: number,
  v: number,
  stream: UniformStream,
  shape: number,
  scale: number,
  out: Float64Array,
  index: number,
): void {
  const tried = shape >= 1 &&
    gammaTry(u, v, stream, shape, scale, out, index);
  if (!tried) gammaInto(stream, shape, scale, out, index);
}

/**
 * Makes one try of Marsaglia and Tsang's method for shape >= 1 and writes
 * the draw when it is accepted. The normal proposal comes from `u`, the
 * acceptance uniform is `v`, or is drawn from the stream after the proposal
 * when `v` is NaN.
 *
 * The try accepts x when `log(1 - w) < g`, with w the acceptance uniform and
 * `g = x^2 / 2 + d (1 - V + log V)`, `V = (1 + c x)^3`. Two squeezes, lower
 * bounds of g, spare the logarithms. With `y = c x` and `d c^2 = 1/9`,
 * `g = 3 d (log(1 + y) - y + y^2 / 2 - y^3 / 3)`, and Taylor's remainder
 * gives `g >= -3 d y^4 / (4 m^4)` with `m = min(1, 1 + y)`. Since
 * `log(1 - w) <= -w`, `w > 3 d y^4 / (4 m^4)` implies acceptance. Past this
 * squeeze fall 1.7% of the tries at shape 5, 0.27% at shape 17 and 0.03% at
 * shape 100, which tends to c^2 / 4 as the shape grows. Past Marsaglia and
 * Tsang's own squeeze `1 - w < 1 - 0.0331 x^4` fall 8.3% of the tries, but
 * it does better below shape 1.7, so it is kept second. With the first
 * squeeze the engine ran the NumPy baseline's model 2% to 3% faster (medians
 * of ten alternating rounds, Deno 2.9, Xeon VM).
 *
 * In exact arithmetic either squeeze accepts only what the logarithm test
 * accepts, so the draws are the same as without them. In floating point the
 * test's rounding error grows with the shape. From shape 1e7 on, the first
 * squeeze therefore accepts about 1e-13 of the tries that the rounded test
 * rejects and the exact test accepts. A search over Alea's uniforms
 * (multiples of 2^-32) found no such try up to shape 1e6.
 */
function gammaTry(
  u: number,
  v: number,
  stream: UniformStream,
  shape: number,
  scale: number,
  out: Float64Array,
  index: number,
): boolean {
  const d = shape - 1 / 3;
  const c = shape < TABLE_SHAPES && shape === Math.floor(shape)
    ? GAMMA_C[shape]
    : 1 / Math.sqrt(9 * d);
  const x = normalFrom(u, stream);
  const root = 1 + c * x;
  if (root <= 0) return false;
  const cube = root * root * root;
  const w = v === v ? v : stream.next();
  const accept = 1 - w;
  const xSquare = x * x;
  const y = root - 1;
  // min(1, 1 + y) without a branch, because a branch on the sign of x is
  // mispredicted half the time: with it a gamma draw took 22 ns instead of
  // 16 in a loop (Deno 2.9, Xeon VM).
  const m = 1 + 0.5 * (y - Math.abs(y));
  const ySquare = y * y;
  const mSquare = m * m;
  if (
    4 * w * (mSquare * mSquare) > 3 * d * (ySquare * ySquare) ||
    accept < 1 - 0.0331 * xSquare * xSquare ||
    Math.log(accept) < 0.5 * xSquare + d * (1 - cube + Math.log(cube))
  ) {
    out[index] = d * cube * scale;
    return true;
  }
  return false;
}

/**
 * Draws a Binomial(trials, probability) count by inversion, splitting large
 * trial counts in halves so the first probability never underflows.
 */
export function drawBinomial(
  stream: UniformStream,
  trials: number,
  probability: number,
): number {
  if (probability > 0.5) {
    return trials - drawBinomial(stream, trials, 1 - probability);
  }
  if (trials > 512) {
    const half = Math.floor(trials / 2);
    return drawBinomial(stream, half, probability) +
      drawBinomial(stream, trials - half, probability);
  }
  if (trials === 0 || probability === 0) return 0;
  const odds = probability / (1 - probability);
  let mass = (1 - probability) ** trials;
  let cumulative = mass;
  const u = stream.next();
  let count = 0;
  while (u > cumulative && count < trials) {
    mass *= odds * (trials - count) / (count + 1);
    count++;
    cumulative += mass;
  }
  return count;
}

/**
 * Seeded random streams and the draws the engine needs: uniform, exponential,
 * normal, Poisson and gamma.
 *
 * Every series gets its own stream, derived from the run's seed and the
 * series key, so a series comes out the same whether it is generated alone,
 * in a shard or next to thousands of others.
 *
 * @module
 */

// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";

/** A seeded source of uniform numbers in [0, 1). */
export type UniformSource = () => number;

/**
 * Creates the uniform stream of one series, from Alea (seedrandom), seeded by
 * the run's seed and the series key.
 *
 * @param seed The run's seed.
 * @param seriesKey The series' name; different keys give independent streams.
 * @returns A function that returns the next uniform number in [0, 1).
 *
 * @example
 * ```ts
 * import { createSeriesRandom } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const a = createSeriesRandom(7, "link-1");
 * const b = createSeriesRandom(7, "link-1");
 * assert.equal(a(), b());
 * ```
 */
export function createSeriesRandom(
  seed: number | string,
  seriesKey: string,
): UniformSource {
  return seedrandom.alea(`${seed}\u001f${seriesKey}`);
}

/**
 * Draws Exponential(1) as `-log(1 - u)`, which never takes the log of 0.
 *
 * @param uniform The uniform stream.
 * @returns A number >= 0 with mean 1.
 *
 * @example
 * ```ts
 * import { createSeriesRandom, exponential } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(exponential(createSeriesRandom(1, "demo")) >= 0);
 * ```
 */
export function exponential(uniform: UniformSource): number {
  return -Math.log(1 - uniform());
}

/**
 * Draws a standard normal by Marsaglia's polar method, which needs no
 * trigonometry.
 *
 * @param uniform The uniform stream.
 * @returns A normal number with mean 0 and variance 1.
 *
 * @example
 * ```ts
 * import { createSeriesRandom, standardNormal } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Number.isFinite(standardNormal(createSeriesRandom(1, "demo"))));
 * ```
 */
export function standardNormal(uniform: UniformSource): number {
  for (;;) {
    const x = 2 * uniform() - 1;
    const y = 2 * uniform() - 1;
    const radius = x * x + y * y;
    if (radius > 0 && radius < 1) {
      return x * Math.sqrt(-2 * Math.log(radius) / radius);
    }
  }
}

/**
 * Draws a Poisson count: by inversion for means below 10, and by Hörmann's
 * transformed rejection with squeeze (PTRS, 1993) above, so the cost stays
 * bounded for any mean.
 *
 * @param uniform The uniform stream.
 * @param mean The Poisson mean, >= 0.
 * @returns A whole number >= 0.
 *
 * @example
 * ```ts
 * import { createSeriesRandom, poisson } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Number.isInteger(poisson(createSeriesRandom(1, "demo"), 250)));
 * ```
 */
export function poisson(uniform: UniformSource, mean: number): number {
  if (mean < 10) return poissonByInversion(uniform, mean);
  return poissonPtrs(uniform, mean);
}

// Memos of the last mean's constants: cells of a slot share one mean, so
// this skips most exp, log and sqrt calls. Values only, so streams stay
// independent.
let inversionMean = NaN;
let inversionStart = 1;

function poissonByInversion(uniform: UniformSource, mean: number): number {
  if (mean !== inversionMean) {
    inversionMean = mean;
    inversionStart = Math.exp(-mean);
  }
  let probability = inversionStart;
  let cumulative = probability;
  const u = uniform();
  let count = 0;
  while (u > cumulative && count < 1000) {
    count++;
    probability *= mean / count;
    cumulative += probability;
  }
  return count;
}

let ptrsMean = NaN;
let logMean = 0;
let a = 0;
let b = 0;
let inverseAlpha = 0;
let vr = 0;

function poissonPtrs(uniform: UniformSource, mean: number): number {
  if (mean !== ptrsMean) {
    ptrsMean = mean;
    logMean = Math.log(mean);
    b = 0.931 + 2.53 * Math.sqrt(mean);
    a = -0.059 + 0.02483 * b;
    inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    vr = 0.9277 - 3.6224 / (b - 2);
  }
  for (;;) {
    const u = uniform() - 0.5;
    const v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v * inverseAlpha / (a / (us * us) + b));
    if (lhs <= -mean + k * logMean - logFactorial(k)) return k;
  }
}

const LOG_FACTORIALS = [0, 0, 0.6931471805599453, 1.791759469228055];
for (let k = 4; k < 32; k++) {
  LOG_FACTORIALS.push(LOG_FACTORIALS[k - 1] + Math.log(k));
}

/**
 * Returns log(k!) from a table below 32 and Stirling's series above
 * (relative error below 1e-13).
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
  if (k < 32) return LOG_FACTORIALS[k];
  const n = k + 1;
  const inverse = 1 / n;
  const inverseSquare = inverse * inverse;
  return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) +
    inverse * (1 / 12 - inverseSquare * (1 / 360 - inverseSquare / 1260));
}

/**
 * Draws Gamma(shape, scale) by Marsaglia and Tsang's method (2000); a shape
 * below 1 draws Gamma(shape + 1) times U^(1 / shape).
 *
 * @param uniform The uniform stream.
 * @param shape The shape, > 0.
 * @param scale The scale, > 0.
 * @returns A positive number with mean `shape * scale`.
 *
 * @example
 * ```ts
 * import { createSeriesRandom, gamma } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(gamma(createSeriesRandom(1, "demo"), 0.5, 2) > 0);
 * ```
 */
export function gamma(
  uniform: UniformSource,
  shape: number,
  scale: number,
): number {
  if (shape < 1) {
    const boost = (1 - uniform()) ** (1 / shape);
    return gamma(uniform, shape + 1, scale) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(uniform);
    const root = 1 + c * x;
    if (root <= 0) continue;
    const v = root * root * root;
    const u = 1 - uniform();
    const xSquare = x * x;
    if (u < 1 - 0.0331 * xSquare * xSquare) return d * v * scale;
    if (Math.log(u) < 0.5 * xSquare + d * (1 - v + Math.log(v))) {
      return d * v * scale;
    }
  }
}

/**
 * Draws a Binomial(trials, probability) count by inversion, splitting large
 * trial counts in halves so the first probability never underflows.
 *
 * @param uniform The uniform stream.
 * @param trials Number of trials, a whole number >= 0.
 * @param probability Success probability in [0, 1].
 * @returns A whole number in [0, trials].
 *
 * @example
 * ```ts
 * import { binomial, createSeriesRandom } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const count = binomial(createSeriesRandom(1, "demo"), 10, 0.3);
 * assert.ok(count >= 0 && count <= 10);
 * ```
 */
export function binomial(
  uniform: UniformSource,
  trials: number,
  probability: number,
): number {
  if (probability > 0.5) {
    return trials - binomial(uniform, trials, 1 - probability);
  }
  if (trials > 512) {
    const half = Math.floor(trials / 2);
    return binomial(uniform, half, probability) +
      binomial(uniform, trials - half, probability);
  }
  if (trials === 0 || probability === 0) return 0;
  const odds = probability / (1 - probability);
  let mass = (1 - probability) ** trials;
  let cumulative = mass;
  const u = uniform();
  let count = 0;
  while (u > cumulative && count < trials) {
    mass *= odds * (trials - count) / (count + 1);
    count++;
    cumulative += mass;
  }
  return count;
}

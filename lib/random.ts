/**
 * Seeded random streams and the draws the engine needs: uniform, exponential,
 * normal, Poisson, gamma and binomial.
 *
 * Every series gets its own stream, derived from the run's seed and the
 * series key, so a series comes out the same whether it is generated alone,
 * in a shard or next to thousands of others.
 *
 * The draws accept any uniform source. A source from `createSeriesRandom`
 * shares its buffer with the engine, and any other source is called once
 * per uniform number a draw uses.
 *
 * @module
 */

import { drawBinomial, drawGamma, drawPoisson } from "./_draws.ts";
import { drawExponential } from "./_exponential_ziggurat.ts";
import {
  createUniformSource,
  streamOf,
  type UniformSource,
} from "./_uniform_stream.ts";
import { drawNormal } from "./_normal_ziggurat.ts";

export type { UniformSource };
export { logFactorial } from "./_draws.ts";

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
  return createUniformSource(`${seed}\u001f${seriesKey}`);
}

/**
 * Draws Exponential(1) by the ziggurat method of Marsaglia and Tsang (2000),
 * which mostly costs one uniform number and no logarithm.
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
  return drawExponential(streamOf(uniform));
}

/**
 * Draws a standard normal by the ziggurat method of Marsaglia and Tsang
 * (2000), which mostly costs one uniform number and no logarithm.
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
  return drawNormal(streamOf(uniform));
}

/**
 * Draws a Poisson count. Below a mean of 128 it adds a count of the mean's
 * whole part, by a guided inversion of a fixed table, to a count of its
 * fraction. Above, it uses Hörmann's transformed rejection with squeeze
 * (PTRS, 1993), so the cost stays bounded for any mean.
 *
 * @param uniform The uniform stream.
 * @param mean The Poisson mean, finite and >= 0.
 * @returns A whole number >= 0.
 * @throws {RangeError} When the mean is negative, infinite or NaN.
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
  if (!(mean >= 0 && mean < Infinity)) {
    throw new RangeError(
      `Invalid Poisson mean ${mean}: pass a finite number >= 0`,
    );
  }
  return drawPoisson(streamOf(uniform), mean);
}

/**
 * Draws Gamma(shape, scale) by Marsaglia and Tsang's method (2000); a shape
 * below 1 draws Gamma(shape + 1) times U^(1 / shape).
 *
 * @param uniform The uniform stream.
 * @param shape The shape, finite and > 0.
 * @param scale The scale, finite and > 0.
 * @returns A positive number with mean `shape * scale`.
 * @throws {RangeError} When the shape or the scale is not finite and > 0.
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
  if (!(shape > 0 && shape < Infinity)) {
    throw new RangeError(
      `Invalid gamma shape ${shape}: pass a finite number > 0`,
    );
  }
  if (!(scale > 0 && scale < Infinity)) {
    throw new RangeError(
      `Invalid gamma scale ${scale}: pass a finite number > 0`,
    );
  }
  return drawGamma(streamOf(uniform), shape, scale);
}

/**
 * Draws a Binomial(trials, probability) count by inversion, splitting large
 * trial counts in halves so the first probability never underflows.
 *
 * @param uniform The uniform stream.
 * @param trials Number of trials, a whole number >= 0.
 * @param probability Success probability in [0, 1].
 * @returns A whole number in [0, trials].
 * @throws {RangeError} When trials is not a whole number >= 0 or the probability is outside [0, 1].
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
  if (!(Number.isSafeInteger(trials) && trials >= 0)) {
    throw new RangeError(
      `Invalid binomial trials ${trials}: pass a whole number >= 0`,
    );
  }
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(
      `Invalid binomial probability ${probability}: pass a number in [0, 1]`,
    );
  }
  return drawBinomial(streamOf(uniform), trials, probability);
}

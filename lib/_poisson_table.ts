/**
 * Poisson counts for means below TABLE_MEANS from tables that never change.
 * A count of mean m is the sum of two independent counts, so it has the
 * Poisson law of mean m. The first has the whole mean `floor(m)` and inverts
 * a distribution function kept for that whole mean. The second has the
 * fraction `f = m - floor(m)` and inverts its own distribution function.
 *
 * A guide table points each uniform to a count at most a step or two below
 * the one it inverts to (Chen and Asau, 1974), so the whole part costs one
 * uniform and mostly one comparison, whatever the mean. The fraction's
 * count is 0, 1 or 2 with a chance of at least 0.92 (0.977 averaged over
 * fractions), and its uniform is compared with F(0) and F(1) without a
 * branch, so the CPU has no outcome to guess. The tables depend on the whole
 * mean alone, so they are built once, on first use, and shared.
 *
 * @module
 */

import type { UniformStream } from "./_uniform_stream.ts";

/** Means below which counts come from the tables. */
export const TABLE_MEANS = 128;

/**
 * Probability of one count below which a table ends, past its mode. The
 * probabilities beyond sum to less than 1e-19, below the resolution of any
 * uniform near 1.
 */
const TAIL_PROBABILITY = 1e-20;

/**
 * Guide entries per entry of the distribution function. With four, a
 * uniform's guide entry mostly is its count already. On the NumPy
 * baseline's model the engine ran about 4% faster than with one (Deno 2.9,
 * Xeon VM).
 */
const GUIDES_PER_COUNT = 4;

/** Max steps of the fraction's inversion. A mean below 1 passes 64 with a chance below 1e-89. */
const FRACTION_STEPS = 64;

/**
 * The distribution function of one whole mean and its guide.
 *
 * NOTE: the last entry is 2, above every uniform, so that a uniform above
 * the rounded sum of all the other chances (within 3e-15 of 1) gets the
 * last count, one beyond the tail. The fraction's inversion stops at
 * FRACTION_STEPS likewise. Alea's draws stay below 1 - 2^-32, so only a
 * source with finer uniforms can reach either.
 */
class WholeMeanTable {
  readonly cdf: Float64Array;
  /** Entry j: the smallest count whose F reaches j / guide.length. */
  readonly guide: Int32Array;

  constructor(mean: number) {
    const cdf = [];
    let probability = Math.exp(-mean);
    let sum = probability;
    cdf.push(sum);
    for (let k = 1; k <= mean || probability >= TAIL_PROBABILITY; k++) {
      probability *= mean / k;
      sum += probability;
      cdf.push(sum);
    }
    cdf.push(2);
    this.cdf = Float64Array.from(cdf);
    this.guide = new Int32Array(GUIDES_PER_COUNT * cdf.length);
    for (let j = 0, count = 0; j < this.guide.length; j++) {
      while (this.cdf[count] < j / this.guide.length) count++;
      this.guide[j] = count;
    }
  }
}

const tables: WholeMeanTable[] = [];

function tableFor(whole: number): WholeMeanTable {
  while (tables.length <= whole) tables.push(new WholeMeanTable(tables.length));
  return tables[whole];
}

/** Steps of the table of `exp(-x)` on [0, 1]. */
const EXP_STEPS = 1024;

/** `exp(-j / EXP_STEPS)` for j from 0 to EXP_STEPS. */
const EXP_TABLE = new Float64Array(EXP_STEPS + 1);
for (let j = 0; j <= EXP_STEPS; j++) EXP_TABLE[j] = Math.exp(-j / EXP_STEPS);

/**
 * Returns `exp(-x)` for x in [0, 1): a tabulated `exp(-j / 1024)` times the
 * Taylor series of `exp(-r)` to r^4 for the rest r below 1/1024, whose next
 * term is below 1e-17. Multiplications only, so it costs a fraction of a
 * call of Math.exp.
 */
function expOfMinusFraction(x: number): number {
  const j = Math.floor(x * EXP_STEPS);
  const r = x - j * (1 / EXP_STEPS);
  const series = 1 + r * (-1 + r * (0.5 + r * (-1 / 6 + r * (1 / 24))));
  return EXP_TABLE[j] * series;
}

/**
 * A Poisson mean below TABLE_MEANS, split for `drawSplitPoisson`: its whole
 * part, its fraction f, and the start of the fraction's distribution
 * function. Cells that share a mean keep one, and split it once.
 */
export class SplitMean {
  /** The mean; NaN before the first `set`. */
  mean = NaN;
  /** `floor(mean)`. */
  whole = 0;
  /** `mean - whole`, in [0, 1). */
  fraction = 0;
  /** F(0) = `exp(-f)` of the fraction's count. */
  zero = 1;
  /** F(1) of the fraction's count. */
  one = 1;
  /** F(2) of the fraction's count. */
  two = 1;

  /**
   * Splits `mean`, a finite number >= 0. `drawSplitPoisson` takes only means
   * below TABLE_MEANS.
   */
  set(mean: number): void {
    this.mean = mean;
    this.whole = Math.floor(mean);
    const fraction = mean - this.whole;
    this.fraction = fraction;
    const zero = expOfMinusFraction(fraction);
    this.zero = zero;
    this.one = zero + zero * fraction;
    this.two = this.one + zero * fraction * fraction * 0.5;
  }
}

/**
 * Draws a Poisson count of `split.mean`. The whole part takes a uniform
 * when it is above 0, then the fraction takes one when it is above 0.
 *
 * @param stream The uniform stream.
 * @param split The mean, split by `SplitMean.set`.
 * @returns A whole number >= 0.
 */
export function drawSplitPoisson(
  stream: UniformStream,
  split: SplitMean,
): number {
  let count = 0;
  if (split.whole > 0) {
    const { cdf, guide } = tableFor(split.whole);
    const u = stream.next();
    count = guide[Math.floor(u * guide.length)];
    // One step without a branch first, so the loop's test is rarely true.
    count += Number(cdf[count] < u);
    while (cdf[count] < u) count++;
  }
  if (split.fraction > 0) {
    const u = stream.next();
    count += u > split.two
      ? fractionTail(u, split)
      : Number(u > split.zero) + Number(u > split.one);
  }
  return count;
}

/** Inverts the fraction's distribution function past F(2), where `u` lies. */
function fractionTail(u: number, split: SplitMean): number {
  const fraction = split.fraction;
  let probability = split.zero * fraction * fraction * 0.5;
  let cumulative = split.two;
  let count = 2;
  while (u > cumulative && count < FRACTION_STEPS) {
    count++;
    probability *= fraction / count;
    cumulative += probability;
  }
  return count;
}

// The last mean drawn by `drawTabledPoisson`, split: runs of cells with the
// same expected count split it once. It keeps values only, so streams stay
// independent.
const lastMean = new SplitMean();

/**
 * Draws a Poisson count of `mean`, a finite number in [0, TABLE_MEANS), as
 * `drawSplitPoisson` does.
 *
 * @param stream The uniform stream.
 * @param mean The Poisson mean.
 * @returns A whole number >= 0.
 */
export function drawTabledPoisson(stream: UniformStream, mean: number): number {
  if (mean !== lastMean.mean) lastMean.set(mean);
  return drawSplitPoisson(stream, lastMean);
}

/**
 * The cells of a slot for many sources, drawn phase by phase over all cells.
 * The phases draw the number of sources ON at every cell end, then every
 * cell's ON time and its centre, then every cell's arrivals and, for a busy
 * cell, their aggregate deposit. Past the chain of sources ON, each phase is
 * a short loop whose iterations do not wait on each other's divisions,
 * square roots or rejection loops, so the processor runs several cells at
 * once.
 *
 * The number of sources ON moves from one cell end to the next by its exact
 * binomial transitions. A cell's ON time (sources times seconds) then has an
 * exact mean and variance given how many sources stayed ON, turned ON,
 * turned OFF or stayed OFF. It is drawn from a law with that mean and
 * variance: uniform, or gamma when the uniform would reach below 0. The ON
 * time's centre in the cell is drawn with its exact mean, variance and
 * covariance with the ON time.
 *
 * @module
 */

import { aggregateOffset, cellVolumeInto, drawArrivals } from "./_aggregate.ts";
import { tabulatedBinomial } from "./_binomial_table.ts";
import { cachedCellBridge, type CellBridge } from "./_bridge.ts";
import { drawGamma } from "./_draws.ts";
import type { UniformStream } from "./_uniform_stream.ts";

/**
 * A slot's cells and, after `draw`, their arrivals, the slope of their
 * starts' density, and the aggregate deposit of each busy cell.
 */
export class BulkCells {
  /** Number of cells in a slot. */
  readonly count: number;
  /** Start of each cell, in bins from the slot's start. */
  readonly start: Float64Array;
  /** Width of each cell, in bins. */
  readonly width: Float64Array;
  /** Expected arrivals of each cell, given its ON time. */
  readonly expected: Float64Array;
  /**
   * Arrivals of each cell: a Poisson count, or m + 1 for a cell whose count
   * is not drawn (see UNCOUNTED_ARRIVALS). Above `threshold` they make one
   * aggregate deposit. At or below it, each is drawn on its own.
   */
  readonly arrivals: Float64Array;
  /**
   * Slope of the density `1 + slope (x - 1/2)` of each cell's arrival
   * starts over the cell scaled to [0, 1), in [-2, 2].
   */
  readonly slope: Float64Array;
  /** Deposit position of a cell with more than `threshold` arrivals, in bins from the slot's start. */
  readonly position: Float64Array;
  /** The total volume of such a cell's arrivals. */
  readonly volume: Float64Array;
  /** Arrivals in a cell above which they are deposited in aggregate. */
  readonly threshold: number;
  readonly #dt: number;
  readonly #bridges: CellBridge[] = [];
  readonly #byClass: Float64Array[] = [];
  readonly #mean: Float64Array;
  readonly #variance: Float64Array;
  readonly #covariance: Float64Array;
  readonly #moment: Float64Array;
  readonly #momentVariance: Float64Array;
  readonly #uniforms: Float64Array;
  readonly #stayedOn: Float64Array;
  readonly #turnedOn: Float64Array;

  /**
   * @param ends End of each cell, in bins, increasing; the first cell starts at 0.
   * @param tau OFF to ON rate, per second.
   * @param zeta ON to OFF rate, per second.
   * @param dt Bin width, seconds.
   * @param threshold Arrivals in a cell above which they are deposited in aggregate.
   */
  constructor(
    ends: number[],
    tau: number,
    zeta: number,
    dt: number,
    threshold: number,
  ) {
    const count = ends.length;
    this.count = count;
    this.threshold = threshold;
    this.#dt = dt;
    this.start = new Float64Array(count);
    this.width = new Float64Array(count);
    const packed = new Map<CellBridge, Float64Array>();
    for (let cell = 0; cell < count; cell++) {
      const start = cell === 0 ? 0 : ends[cell - 1];
      this.start[cell] = start;
      this.width[cell] = ends[cell] - start;
      const bridge = cachedCellBridge(tau, zeta, this.width[cell] * dt);
      if (!packed.has(bridge)) packed.set(bridge, packByClass(bridge));
      this.#bridges.push(bridge);
      this.#byClass.push(packed.get(bridge)!);
    }
    this.expected = new Float64Array(count);
    this.arrivals = new Float64Array(count);
    this.slope = new Float64Array(count);
    this.position = new Float64Array(count);
    this.volume = new Float64Array(count);
    this.#mean = new Float64Array(count);
    this.#variance = new Float64Array(count);
    this.#covariance = new Float64Array(count);
    this.#moment = new Float64Array(count);
    this.#momentVariance = new Float64Array(count);
    this.#uniforms = new Float64Array(2 * count);
    this.#stayedOn = new Float64Array(count);
    this.#turnedOn = new Float64Array(count);
  }

  /**
   * Draws the sources ON at every cell end, then each cell's ON time and
   * centre, then its arrivals and, above `threshold`, their deposit.
   *
   * @param stream The uniform stream.
   * @param sources Number of sources.
   * @param on Sources ON at the slot's start.
   * @param lambda Arrival rate of a source while ON, per second.
   * @param psiMean Mean session volume.
   * @returns Sources ON at the slot's end.
   */
  draw(
    stream: UniformStream,
    sources: number,
    on: number,
    lambda: number,
    psiMean: number,
  ): number {
    const last = this.#drawMoments(stream, sources, on);
    this.#drawOnTimes(stream, lambda);
    this.#drawArrivals(stream);
    this.#drawAggregates(stream, psiMean);
    return last;
  }

  /** Runs the sources ON through the cell ends and sums each cell's moments by class. */
  #drawMoments(stream: UniformStream, sources: number, first: number): number {
    const last = this.#drawTransitions(stream, sources, first);
    const count = this.count;
    const stayedOn = this.#stayedOn;
    const turnedOn = this.#turnedOn;
    const packed = this.#byClass;
    const mean = this.#mean;
    const variance = this.#variance;
    const covariance = this.#covariance;
    const moment = this.#moment;
    const momentVariance = this.#momentVariance;
    let on = first;
    for (let cell = 0; cell < count; cell++) {
      const stayed = stayedOn[cell];
      const turned = turnedOn[cell];
      // Counts by state at the cell's start and end, indexed 2 * start + end.
      const stayedOff = sources - on - turned;
      const turnedOff = on - stayed;
      const byClass = packed[cell];
      mean[cell] = sumByClass(
        byClass,
        MEAN,
        stayedOff,
        turned,
        turnedOff,
        stayed,
      );
      variance[cell] = sumByClass(
        byClass,
        VARIANCE,
        stayedOff,
        turned,
        turnedOff,
        stayed,
      );
      covariance[cell] = sumByClass(
        byClass,
        COVARIANCE,
        stayedOff,
        turned,
        turnedOff,
        stayed,
      );
      moment[cell] = sumByClass(
        byClass,
        MOMENT,
        stayedOff,
        turned,
        turnedOff,
        stayed,
      );
      momentVariance[cell] = sumByClass(
        byClass,
        MOMENT_VARIANCE,
        stayedOff,
        turned,
        turnedOff,
        stayed,
      );
      on = stayed + turned;
    }
    return last;
  }

  /**
   * Draws how many sources stay ON and turn ON in each cell, given the
   * sources ON at its start, and returns the sources ON at the slot's end.
   */
  #drawTransitions(
    stream: UniformStream,
    sources: number,
    first: number,
  ): number {
    const count = this.count;
    const uniforms = this.#uniforms;
    const bridges = this.#bridges;
    const stayedOn = this.#stayedOn;
    const turnedOn = this.#turnedOn;
    stream.take(uniforms, 2 * count);
    let on = first;
    for (let cell = 0; cell < count; cell++) {
      const bridge = bridges[cell];
      const stayed = tabulatedBinomial(
        bridge.stayOnTables,
        on,
        uniforms[2 * cell],
        stream,
      );
      const turned = tabulatedBinomial(
        bridge.turnOnTables,
        sources - on,
        uniforms[2 * cell + 1],
        stream,
      );
      stayedOn[cell] = stayed;
      turnedOn[cell] = turned;
      on = stayed + turned;
    }
    return on;
  }

  /** Draws each cell's ON time and centre, and from them its expected arrivals and slope. */
  #drawOnTimes(stream: UniformStream, lambda: number): void {
    const dt = this.#dt;
    const count = this.count;
    const uniforms = this.#uniforms;
    const means = this.#mean;
    const variances = this.#variance;
    const covariances = this.#covariance;
    const moments = this.#moment;
    const momentVariances = this.#momentVariance;
    const widths = this.width;
    const expected = this.expected;
    const slopes = this.slope;
    stream.take(uniforms, 2 * count);
    for (let cell = 0; cell < count; cell++) {
      const mean = means[cell];
      if (!(mean > 0)) {
        expected[cell] = 0;
        slopes[cell] = 0;
        continue;
      }
      const variance = variances[cell];
      const covariance = covariances[cell];
      const onTime = drawOnTime(uniforms[cell], stream, mean, variance);
      const slope = variance > 0 ? covariance / variance : 0;
      const residual = Math.max(0, momentVariances[cell] - slope * covariance);
      const centreTime = moments[cell] + slope * (onTime - mean) +
        Math.sqrt(3 * residual) * (2 * uniforms[count + cell] - 1);
      const widthS = widths[cell] * dt;
      const centre = onTime > 0 ? centreTime / (onTime * widthS) : 0.5;
      expected[cell] = lambda * onTime;
      slopes[cell] = Math.max(-2, Math.min(2, 12 * (centre - 0.5)));
    }
  }

  /** Draws each cell's arrivals (see `drawArrivals`). */
  #drawArrivals(stream: UniformStream): void {
    const count = this.count;
    const threshold = this.threshold;
    const expected = this.expected;
    const arrivals = this.arrivals;
    for (let cell = 0; cell < count; cell++) {
      const mean = expected[cell];
      arrivals[cell] = mean > 0 ? drawArrivals(stream, mean, threshold) : 0;
    }
  }

  /**
   * Draws the aggregate deposit of each cell with more than `threshold`
   * arrivals. Their starts have the linear density of `slope` over the
   * cell, with mean `width (1/2 + slope / 12)` and variance
   * `width^2 (1/12 - slope^2 / 144)`.
   */
  #drawAggregates(stream: UniformStream, psiMean: number): void {
    const count = this.count;
    const threshold = this.threshold;
    const uniforms = this.#uniforms;
    const expected = this.expected;
    const arrivals = this.arrivals;
    const starts = this.start;
    const widths = this.width;
    const slopes = this.slope;
    const positions = this.position;
    const volumes = this.volume;
    stream.take(uniforms, count);
    for (let cell = 0; cell < count; cell++) {
      const drawn = arrivals[cell];
      if (!(drawn > threshold)) continue;
      const width = widths[cell];
      const slope = slopes[cell];
      const offset = aggregateOffset(
        uniforms[cell],
        width,
        width * (0.5 + slope * (1 / 12)),
        width * width * (1 / 12 - slope * slope * (1 / 144)),
        drawn,
      );
      positions[cell] = starts[cell] + offset;
      cellVolumeInto(
        stream,
        drawn,
        expected[cell],
        threshold,
        psiMean,
        volumes,
        cell,
      );
    }
  }
}

// Offsets in a packed by-class table of the moments of one source's ON
// time over a cell: four classes per moment (see `packByClass`).
const MEAN = 0;
const VARIANCE = 4;
const COVARIANCE = 8;
const MOMENT = 12;
const MOMENT_VARIANCE = 16;

/** Packs a bridge's by-class moments into one array, at the offsets above. */
function packByClass(bridge: CellBridge): Float64Array {
  const packed = new Float64Array(20);
  packed.set(bridge.onTime, MEAN);
  packed.set(bridge.onTimeVariance, VARIANCE);
  packed.set(bridge.onTimeCovariance, COVARIANCE);
  packed.set(bridge.onTimeMoment, MOMENT);
  packed.set(bridge.onTimeMomentVariance, MOMENT_VARIANCE);
  return packed;
}

/** Returns the sum over the four classes of a packed moment times each class's count. */
function sumByClass(
  packed: Float64Array,
  offset: number,
  stayedOff: number,
  turnedOn: number,
  turnedOff: number,
  stayedOn: number,
): number {
  return stayedOff * packed[offset] + turnedOn * packed[offset + 1] +
    turnedOff * packed[offset + 2] + stayedOn * packed[offset + 3];
}

/**
 * Draws a cell's ON time with the given mean and variance: uniform on
 * `mean ± sqrt(3 variance)` from `u` when that stays >= 0, else from the
 * gamma law with those moments, drawn from the stream.
 */
function drawOnTime(
  u: number,
  stream: UniformStream,
  mean: number,
  variance: number,
): number {
  if (!(variance > 0)) return mean;
  const halfWidth = Math.sqrt(3 * variance);
  if (halfWidth <= mean) return mean + halfWidth * (2 * u - 1);
  // The unary plus types the rare call's result as a number, so V8 can keep
  // the common result unboxed where the two meet.
  return +drawGamma(stream, mean * mean / variance, variance / mean);
}

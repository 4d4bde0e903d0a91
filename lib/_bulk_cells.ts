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
 * transition law (see `CountChain`). A cell's ON time (sources times
 * seconds) then has an exact mean and variance given the counts at its
 * ends. It is drawn from a law with that mean and variance: uniform, or
 * gamma when the uniform would reach below 0. The ON time's centre in the
 * cell is drawn with its exact mean, variance and covariance with the ON
 * time.
 *
 * @module
 */

import { aggregateOffset, drawArrivalsInto } from "./_aggregate.ts";
import { cachedCellBridge, type CellBridge } from "./_bridge.ts";
import {
  cachedCountChain,
  CENTRE_HALF_WIDTH,
  CENTRE_MOMENT,
  CENTRE_SLOPE,
  CHAIN_SOURCES,
  type CountChain,
  GAMMA_SCALE,
  GAMMA_SHAPE,
  LAW_STRIDE,
  ON_HALF_WIDTH,
  ON_MEAN,
  SPLIT_MOMENTS,
  splitMoments,
  writeOnTimeLaw,
} from "./_count_chain.ts";
import { drawBinomial, drawGamma, gammaFromInto } from "./_draws.ts";
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
  /** Each cell's count chain, by number of sources. */
  readonly #chains: CountChain[][] = [];
  /** Each cell's ON-time laws: its chain's, or `#drawnLaws` for many sources. */
  readonly #laws: Float64Array[];
  /** Index of each cell's ON-time law in its `#laws` entry. */
  readonly #lawIndex: Int32Array;
  readonly #drawnLaws: Float64Array;
  readonly #split = new Float64Array(SPLIT_MOMENTS);
  readonly #shapes: Float64Array;
  readonly #scales: Float64Array;
  readonly #countedCells: Int32Array;

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
    for (let cell = 0; cell < count; cell++) {
      const start = cell === 0 ? 0 : ends[cell - 1];
      this.start[cell] = start;
      this.width[cell] = ends[cell] - start;
      this.#bridges.push(cachedCellBridge(tau, zeta, this.width[cell] * dt));
    }
    this.expected = new Float64Array(count);
    this.arrivals = new Float64Array(count);
    this.slope = new Float64Array(count);
    this.position = new Float64Array(count);
    this.volume = new Float64Array(count);
    this.#drawnLaws = new Float64Array(count * LAW_STRIDE);
    this.#laws = new Array(count).fill(this.#drawnLaws);
    this.#lawIndex = new Int32Array(count);
    this.#shapes = new Float64Array(count);
    this.#scales = new Float64Array(count);
    this.#countedCells = new Int32Array(count);
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
    const last = sources <= CHAIN_SOURCES
      ? this.#drawCounts(stream, sources, on)
      : this.#drawSplits(stream, sources, on);
    this.#drawOnTimes(stream, lambda);
    drawArrivalsInto(
      stream,
      this.expected,
      this.threshold,
      psiMean,
      this.arrivals,
      this.#shapes,
      this.#scales,
      this.#countedCells,
      this.count,
    );
    this.#drawDeposits(stream);
    return last;
  }

  /**
   * Runs the sources ON through the cell ends by the tabulated chain and
   * points each cell at its ON-time law. Returns the count at the slot's end.
   */
  #drawCounts(stream: UniformStream, sources: number, first: number): number {
    const chains = this.#chains[sources] ??= this.#bridges.map((bridge) =>
      cachedCountChain(bridge, sources)
    );
    const count = this.count;
    const laws = this.#laws;
    const lawIndex = this.#lawIndex;
    const states = sources + 1;
    const firstUniform = stream.reserve(count);
    const uniforms = stream.reserved;
    let on = first;
    for (let cell = 0; cell < count; cell++) {
      const chain = chains[cell];
      const next = chain.next(on, uniforms[firstUniform + cell]);
      laws[cell] = chain.laws;
      lawIndex[cell] = (on * states + next) * LAW_STRIDE;
      on = next;
    }
    return on;
  }

  /**
   * For more sources than the chains tabulate: draws how many stay ON and
   * turn ON in each cell, and writes each cell's ON-time law given them.
   */
  #drawSplits(stream: UniformStream, sources: number, first: number): number {
    const split = this.#split;
    const drawnLaws = this.#drawnLaws;
    let on = first;
    for (let cell = 0; cell < this.count; cell++) {
      const bridge = this.#bridges[cell];
      const stayed = drawBinomial(stream, on, bridge.stayOn);
      const turned = drawBinomial(stream, sources - on, bridge.turnOn);
      splitMoments(bridge, sources, on, stayed + turned, stayed, split);
      const index = cell * LAW_STRIDE;
      writeOnTimeLaw(
        drawnLaws,
        index,
        split[0],
        split[1],
        split[2],
        split[3],
        split[4],
      );
      this.#laws[cell] = drawnLaws;
      this.#lawIndex[cell] = index;
      on = stayed + turned;
    }
    return on;
  }

  /** Draws each cell's ON time and centre, and from them its expected arrivals and slope. */
  #drawOnTimes(stream: UniformStream, lambda: number): void {
    const dt = this.#dt;
    const count = this.count;
    const laws = this.#laws;
    const lawIndex = this.#lawIndex;
    const widths = this.width;
    const expected = this.expected;
    const slopes = this.slope;
    const firstUniform = stream.reserve(2 * count);
    const uniforms = stream.reserved;
    for (let cell = 0; cell < count; cell++) {
      const law = laws[cell];
      const index = lawIndex[cell];
      const mean = law[index + ON_MEAN];
      if (!(mean > 0)) {
        expected[cell] = 0;
        slopes[cell] = 0;
        continue;
      }
      const halfWidth = law[index + ON_HALF_WIDTH];
      // The unary plus types the rare gamma draw as a number, so V8 can keep
      // the common result unboxed where the two meet.
      const onTime = halfWidth <= mean
        ? mean + halfWidth * (2 * uniforms[firstUniform + cell] - 1)
        : +drawGamma(
          stream,
          law[index + GAMMA_SHAPE],
          law[index + GAMMA_SCALE],
        );
      const centreTime = law[index + CENTRE_MOMENT] +
        law[index + CENTRE_SLOPE] * (onTime - mean) +
        law[index + CENTRE_HALF_WIDTH] *
          (2 * uniforms[firstUniform + count + cell] - 1);
      const widthS = widths[cell] * dt;
      const centre = onTime > 0 ? centreTime / (onTime * widthS) : 0.5;
      expected[cell] = lambda * onTime;
      slopes[cell] = Math.max(-2, Math.min(2, 12 * (centre - 0.5)));
    }
  }

  /**
   * Draws, for each cell with more than `threshold` arrivals, where it
   * deposits them and their total volume. The starts have the linear
   * density of `slope` over the cell, with mean `width (1/2 + slope / 12)`
   * and variance `width^2 (1/12 - slope^2 / 144)`. The first `count`
   * uniforms place the deposits, and the next `2 count` make the first try
   * of each volume's gamma draw. One loop for both, instead of a loop each,
   * ran the bench's defaults (up to 32 sources) about 3% faster (Deno 2.9,
   * Xeon VM).
   */
  #drawDeposits(stream: UniformStream): void {
    const count = this.count;
    const threshold = this.threshold;
    const arrivals = this.arrivals;
    const starts = this.start;
    const widths = this.width;
    const slopes = this.slope;
    const shapes = this.#shapes;
    const scales = this.#scales;
    const positions = this.position;
    const volumes = this.volume;
    const firstUniform = stream.reserve(3 * count);
    const uniforms = stream.reserved;
    for (let cell = 0; cell < count; cell++) {
      const drawn = arrivals[cell];
      if (!(drawn > threshold)) continue;
      const width = widths[cell];
      const slope = slopes[cell];
      positions[cell] = starts[cell] + aggregateOffset(
        uniforms[firstUniform + cell],
        width,
        width * (0.5 + slope * (1 / 12)),
        width * width * (1 / 12 - slope * slope * (1 / 144)),
        drawn,
      );
      const tryUniform = firstUniform + count + 2 * cell;
      gammaFromInto(
        uniforms[tryUniform],
        uniforms[tryUniform + 1],
        stream,
        shapes[cell],
        scales[cell],
        volumes,
        cell,
      );
    }
  }
}

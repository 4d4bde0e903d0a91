/**
 * The event-driven engine for one slot: ON/OFF periods of K sources, Poisson
 * session arrivals while sources are ON, exponential session volumes, and a
 * constant session length, spread over the dt bins by exact overlap.
 *
 * How a session reaches the bins: a session starting at t with volume psi
 * adds the rate `r = psi / D` over [t, t + D). Write its start as
 * `t = (j + f) dt`. Adding `r (1 - f)` at grid point j and `r f` at j + 1, and
 * the same with minus signs at its end, makes the running sum of these
 * deposits equal the exact mean rate of every bin. So each session costs four
 * additions, whatever D and dt, and a slot costs one pass over its bins.
 *
 * Cost that does not grow with the rate: arrivals are drawn per cell. A cell
 * is a piece of a bin in which every session's deposits are linear in its
 * start time, so cells end at grid points and where a session's end crosses
 * one. A cell with more than `aggregateThreshold` arrivals gets one deposit
 * with their total volume at their volume-weighted mean start (see
 * `depositBusyCell`), and above 32 expected arrivals its count is not
 * drawn (see UNCOUNTED_ARRIVALS). Every bin so keeps its exact mean and
 * variance, and a slot costs O(bins + ON/OFF switches). Counts with means
 * below 128 come from fixed tables (see `drawTabledPoisson`). The cells that
 * the sources keep ON throughout share their expected count, so a run of
 * them splits that mean once (see `drawFullCells`). Stretches with every
 * source OFF are passed over at once. A slot whose bins expect few arrivals
 * draws them stretch by stretch between switches instead (see
 * `drawsByStretch`), every session on its own.
 * From `bulkSources` sources on, or from BULK_SWITCHES_PER_BIN switches a
 * bin, the switches are replaced by exact steps of the number of sources ON
 * between cell ends (see `runBulk`), so the cost is O(bins).
 *
 * @module
 */

import { BulkCells } from "./_bulk_cells.ts";
import { BusyCells } from "./_busy_cells.ts";
import { aggregateOffset, drawArrivals, isUncounted } from "./_aggregate.ts";
import { drawExponential } from "./_exponential_ziggurat.ts";
import { drawPoisson } from "./_draws.ts";
import { drawSplitPoisson, SplitMean, TABLE_MEANS } from "./_poisson_table.ts";
import { streamOf, type UniformStream } from "./_uniform_stream.ts";
import type { UniformSource } from "./random.ts";
import { binsPerSlot, type KthParams } from "./params.ts";

/**
 * Expected ON/OFF switches per bin, over all sources, from which a slot runs
 * cell by cell whatever its number of sources. Switch by switch, its cost
 * would grow with the switching rates: at this threshold a slot of 60 bins
 * takes about 15,000 switches. Cell by cell it stays O(bins), and the
 * approximated shape of the ON time within a cell no longer shows. At equal
 * rates one to five sources were within 0.1% of the exact bin variance from
 * 20 switches a bin on. With rare, short ON periods (ON a 500th of the time)
 * 11 sources at 64 switches a bin were 0.3% low and at 200 within 0.1%
 * (100,000 slots).
 */
export const BULK_SWITCHES_PER_BIN = 256;

/**
 * Returns whether a slot runs cell by cell: from `bulkSources` sources on,
 * or from BULK_SWITCHES_PER_BIN expected switches a bin over all sources.
 *
 * @param sources Number of sources.
 * @param switchesPerBin Expected ON/OFF switches of one source per bin.
 * @param bulkSources The `bulkSources` parameter.
 * @returns True for the cell-by-cell path, false for switch by switch.
 */
export function runsCellByCell(
  sources: number,
  switchesPerBin: number,
  bulkSources: number,
): boolean {
  return sources >= bulkSources ||
    sources * switchesPerBin >= BULK_SWITCHES_PER_BIN;
}

/**
 * Expected arrivals per bin, with every source ON, up to which a slot
 * switched source by source draws its sessions stretch by stretch instead
 * of cell by cell. Cell by cell each cell costs a Poisson count, stretch by
 * stretch each session costs a deposit. On one source at the default rates
 * the two broke even at about 10 arrivals a bin (9.6 against 9.6 M bins/s).
 * At 2.5 stretch by stretch was 1.4 times as fast, and 1.3 to 1.5 times
 * with ON 20 s, OFF 40 s and 30-s sessions.
 */
export const STRETCH_ARRIVALS_PER_BIN = 8;

/**
 * Returns whether a slot switched source by source draws its sessions
 * stretch by stretch. It does when a bin with every source ON expects at
 * most STRETCH_ARRIVALS_PER_BIN arrivals and at most `aggregateThreshold`,
 * because cells would then mostly draw their sessions one by one anyway.
 * Every session is then drawn on its own, exact in law.
 *
 * @param arrivalsPerBin Expected arrivals per bin with every source ON.
 * @param aggregateThreshold The `aggregateThreshold` parameter.
 * @returns True to draw by stretch, false to draw cell by cell.
 */
export function drawsByStretch(
  arrivalsPerBin: number,
  aggregateThreshold: number,
): boolean {
  return arrivalsPerBin <= STRETCH_ARRIVALS_PER_BIN &&
    arrivalsPerBin <= aggregateThreshold;
}

/** Whether sessions and ON/OFF states run on into the next slot or stop at its end. */
export type SpillMode = "carry" | "drop";

/** The parameters of one slot's simulation. */
export interface SlotRates {
  /** Arrival rate of each source while ON, sessions per second. */
  lambda: number;
  /** Mean session volume, rate units times seconds. */
  psiMean: number;
  /** Number of independent ON/OFF sources. */
  sources: number;
}

/**
 * Simulates consecutive slots of one series, keeping the state that carries
 * from a slot to the next: running sessions and the number of sources ON.
 */
export class SlotSimulator {
  private readonly stream: UniformStream;
  // Number fields start at 0. A field declared without a value is first set
  // to undefined, so V8 reads it as an untyped value, and a loop that mixes
  // it with fractions (slotBins in runOnOff) boxes them in heap objects.
  private readonly bins: number = 0;
  private readonly dt: number = 0;
  private readonly slotS: number = 0;
  private readonly sessionBins: number = 0;
  private readonly inverseSessionS: number = 0;
  private readonly cellCut: number = 0;
  private readonly tau: number = 0;
  private readonly zeta: number = 0;
  private readonly pOn: number = 0;
  private readonly threshold: number = 0;
  /** The slot's busy cells, whose volumes are drawn at its end. */
  private readonly busyCells: BusyCells;
  /** Split means of the cells ON throughout, by sources ON and cell parity. */
  private readonly fullCellMeans: SplitMean[] = [];
  private readonly bulkSources: number = 0;
  /** Expected ON/OFF switches of one source per bin. */
  private readonly switchesPerBin: number = 0;
  private bulkCells: BulkCells | undefined;
  private readonly carry: boolean;
  /** End of every cell of a slot, in bins: grid points and session-end cuts. */
  private readonly cellEnds: Float64Array;
  /** The first cell that ends after the start of each bin. */
  private readonly firstCellOfBin: Int32Array;
  private readonly deposits: Float64Array;
  private readonly activeChanges: Int32Array;
  private level = 0;
  private active = 0;
  private sourcesOn = -1;
  private sources = 0;
  private pieceFrom = new Float64Array(16);
  private pieceTo = new Float64Array(16);
  private pieceOn = new Float64Array(16);
  private pieceCount = 0;
  /** The running slot's expected arrivals per bin of ON time of one source. */
  private sessionRate = 0;
  /** The running slot's mean session volume. */
  private psiMean = 0;
  private cold = true;

  /**
   * @param params Validated parameters.
   * @param uniform The series' uniform stream.
   * @param spill "carry" keeps sessions and ON/OFF states across slots;
   *   "drop" starts every slot afresh and cuts sessions at its end.
   */
  constructor(params: KthParams, uniform: UniformSource, spill: SpillMode) {
    this.stream = streamOf(uniform);
    this.bins = binsPerSlot(params);
    this.dt = params.dt;
    this.slotS = params.T;
    this.sessionBins = params.sessionMeanS / params.dt;
    this.inverseSessionS = 1 / params.sessionMeanS;
    const fraction = this.sessionBins - Math.floor(this.sessionBins);
    this.cellCut = fraction > 1e-9 && fraction < 1 - 1e-9 ? 1 - fraction : 0;
    this.tau = params.tau;
    this.zeta = params.zeta;
    this.pOn = params.tau / (params.tau + params.zeta);
    this.threshold = params.aggregateThreshold;
    this.bulkSources = params.bulkSources;
    this.switchesPerBin = 2 * params.tau * params.zeta /
      (params.tau + params.zeta) * params.dt;
    this.carry = spill === "carry";
    const length = this.bins + Math.ceil(this.sessionBins) + 3;
    this.deposits = new Float64Array(length);
    this.activeChanges = new Int32Array(length);
    this.cellEnds = Float64Array.from(this.listCellEnds());
    this.busyCells = new BusyCells(this.cellEnds.length);
    this.firstCellOfBin = new Int32Array(this.bins);
    for (let bin = 0, cell = 0; bin < this.bins; bin++) {
      while (this.cellEnds[cell] <= bin) cell++;
      this.firstCellOfBin[bin] = cell;
    }
  }

  /**
   * Ends every running session and clears the ON/OFF states. With "carry",
   * the next slot starts warm again.
   */
  reset(): void {
    this.deposits.fill(0);
    this.activeChanges.fill(0);
    this.restart();
  }

  /**
   * Clears the running level and the ON/OFF states. It serves a slot whose
   * deposits are all 0, as `emitBins` leaves them with "drop".
   */
  private restart(): void {
    this.level = 0;
    this.active = 0;
    this.sourcesOn = -1;
    this.sources = 0;
    this.cold = true;
  }

  /**
   * Simulates the next slot and writes its bins' mean rates.
   *
   * @param rates The slot's arrival rate, mean volume and sources.
   * @param out Where the bins go.
   * @param offset Index in `out` of the slot's first bin.
   * @returns The sum of the slot's bins, >= 0.
   */
  simulate(rates: SlotRates, out: Float64Array, offset: number): number {
    if (!this.carry) this.restart();
    if (this.carry && this.cold) this.warmUp(rates);
    this.runSlot(rates);
    return this.emitBins(out, offset);
  }

  private runSlot(rates: SlotRates): void {
    this.setSources(rates.sources);
    if (runsCellByCell(rates.sources, this.switchesPerBin, this.bulkSources)) {
      this.runBulk(rates.lambda, rates.psiMean);
    } else if (
      drawsByStretch(rates.lambda * this.dt * rates.sources, this.threshold)
    ) {
      this.runOnOff(rates.lambda, rates.psiMean, true);
    } else {
      this.runOnOff(rates.lambda, rates.psiMean, false);
    }
  }

  /**
   * Runs unseen slots with the first slot's rates, so that it starts with the
   * sessions already running at its start. Sessions alive at a time started
   * within the last D seconds, so `ceil(D / T)` slots give the exact
   * stationary state.
   */
  private warmUp(rates: SlotRates): void {
    const scratch = new Float64Array(this.bins);
    const slots = Math.ceil(this.sessionBins * this.dt / this.slotS);
    for (let slot = 0; slot < slots; slot++) {
      this.runSlot(rates);
      this.emitBins(scratch, 0);
    }
    this.cold = false;
  }

  private setSources(sources: number): void {
    const stream = this.stream;
    if (this.sourcesOn < 0) {
      let on = 0;
      for (let i = 0; i < sources; i++) if (stream.next() < this.pOn) on++;
      this.sourcesOn = on;
    } else if (sources > this.sources) {
      for (let i = this.sources; i < sources; i++) {
        if (stream.next() < this.pOn) this.sourcesOn++;
      }
    } else {
      for (let remaining = this.sources; remaining > sources; remaining--) {
        if (stream.next() * remaining < this.sourcesOn) this.sourcesOn--;
      }
    }
    this.sources = sources;
  }

  /**
   * Runs the birth-death chain of sources ON through the slot. With
   * `byStretch` (see `drawsByStretch`), each stretch between switches draws
   * its sessions at once. Otherwise it hands each cell the pieces of time,
   * with their number of sources ON, that fall in it: a run of cells ON
   * throughout goes to `drawFullCells`, any other cell to `closeCell`. The
   * busy cells' volumes are drawn at the slot's end (see `depositBusyCells`).
   */
  private runOnOff(lambda: number, psiMean: number, byStretch: boolean): void {
    const stream = this.stream;
    const sources = this.sources;
    const slotBins = this.bins;
    const cellEnds = this.cellEnds;
    const binsPerSecond = 1 / this.dt;
    this.sessionRate = lambda * this.dt;
    this.psiMean = psiMean;
    let on = this.sourcesOn;
    let from = 0;
    let cell = 0;
    let cellEnd = cellEnds[0];
    let cellStart = 0;
    for (;;) {
      const up = (sources - on) * this.tau;
      const total = up + on * this.zeta;
      const switchAt = from + drawExponential(stream) / total * binsPerSecond;
      const to = switchAt < slotBins ? switchAt : slotBins;
      if (byStretch) {
        if (on > 0) this.drawStretch(from, to, on);
        from = to;
      } else if (on === 0) {
        // No source is ON until `to`: closes the cell the stretch starts in
        // and jumps to the cell holding `to`, past the cells between.
        if (cellEnd <= to) {
          if (this.pieceCount > 0) this.closeCell(cell);
          if (to < slotBins) {
            cell = this.cellHolding(to, cell + 1);
            cellStart = cellEnds[cell - 1];
            cellEnd = cellEnds[cell];
          }
        }
        from = to;
      } else {
        // Hands [from, to) out cell by cell. One call site of addPiece keeps
        // the loop small enough for V8 to inline it, which keeps the
        // fractions passed to it unboxed.
        for (;;) {
          const full = cellEnd <= to;
          if (full && from === cellStart && this.pieceCount === 0) {
            // Every cell from here that ends by `to` is ON throughout.
            const end = to < slotBins
              ? this.cellHolding(to, cell + 1)
              : cellEnds.length;
            this.drawFullCells(cell, end, on);
            if (end === cellEnds.length) break;
            cell = end;
            cellStart = cellEnds[end - 1];
            cellEnd = cellEnds[end];
            from = cellStart;
            continue;
          }
          const end = full ? cellEnd : to;
          if (full || end > from) {
            this.addPiece(from - cellStart, end - cellStart, on);
          }
          if (full) this.closeCell(cell);
          from = end;
          if (!full) break;
          cellStart = cellEnd;
          if (cellEnd >= slotBins) break;
          cellEnd = cellEnds[++cell];
        }
      }
      if (switchAt >= slotBins) break;
      // With every source ON or every source OFF the switch's direction is
      // known, and no uniform is drawn for it.
      if (on === 0) on = 1;
      else if (on === sources) on--;
      else on += stream.next() * total < up ? 1 : -1;
    }
    this.sourcesOn = on;
    this.depositBusyCells();
  }

  /**
   * Draws the sessions of `on` sources ON over [from, to), in bins, at once:
   * a Poisson count, starts uniform on the stretch, each deposited on its own.
   */
  private drawStretch(from: number, to: number, on: number): void {
    const length = to - from;
    const arrivals = drawPoisson(this.stream, this.sessionRate * on * length);
    this.depositUniformSessions(from, length, arrivals);
  }

  /**
   * Deposits `count` sessions, each with its own exponential volume, whose
   * starts are uniform on [from, from + length) (in bins).
   */
  private depositUniformSessions(
    from: number,
    length: number,
    count: number,
  ): void {
    const stream = this.stream;
    for (let n = 0; n < count; n++) {
      this.deposit(
        from + length * stream.next(),
        this.psiMean * drawExponential(stream),
      );
    }
  }

  /**
   * Runs many sources cell by cell instead of switch by switch (see
   * `BulkCells` for the ON times). Arrivals are Poisson given a cell's ON
   * time, and their starts follow the linear density with its centre. Beyond
   * their first two moments, only the shape of the ON time within a cell and
   * the volume of a cell whose count is not drawn are approximated.
   */
  private runBulk(lambda: number, psiMean: number): void {
    const stream = this.stream;
    const cells = this.bulkCells ?? this.makeBulkCells();
    this.sourcesOn = cells.draw(
      stream,
      this.sources,
      this.sourcesOn,
      lambda,
      psiMean,
    );
    const arrivals = cells.arrivals;
    const positions = cells.position;
    const volumes = cells.volume;
    for (let cell = 0; cell < cells.count; cell++) {
      const count = arrivals[cell];
      if (count > this.threshold) {
        this.deposit(positions[cell], volumes[cell]);
      } else if (count > 0) {
        this.depositSessions(
          cells.start[cell],
          cells.width[cell],
          count,
          cells.slope[cell],
          psiMean,
        );
      }
    }
  }

  private makeBulkCells(): BulkCells {
    this.bulkCells = new BulkCells(
      this.listCellEnds(),
      this.tau,
      this.zeta,
      this.dt,
      this.threshold,
    );
    return this.bulkCells;
  }

  /**
   * Draws `count` sessions of a bulk cell, one by one, with starts from the
   * linear density of `slope` over the cell.
   */
  private depositSessions(
    cellStart: number,
    width: number,
    count: number,
    slope: number,
    psiMean: number,
  ): void {
    const stream = this.stream;
    for (let n = 0; n < count; n++) {
      const offset = linearDensityPoint(slope, stream.next());
      this.deposit(
        cellStart + width * offset,
        psiMean * drawExponential(stream),
      );
    }
  }

  /** Returns the end of every cell of a slot, in order, ending with the slot's end. */
  private listCellEnds(): number[] {
    const ends: number[] = [];
    for (let end = 0; end < this.bins;) {
      end = this.cellEndAfter(end);
      ends.push(end);
    }
    return ends;
  }

  /** Returns the first cell from `first` on that ends after `position`. */
  private cellHolding(position: number, first: number): number {
    const cellEnds = this.cellEnds;
    let cell = this.firstCellOfBin[Math.floor(position)];
    if (cell < first) cell = first;
    while (cellEnds[cell] <= position) cell++;
    return cell;
  }

  /** Returns the end of the cell that starts at `position` (in bins). */
  private cellEndAfter(position: number): number {
    const bin = Math.floor(position);
    const cut = bin + this.cellCut;
    const end = this.cellCut > 0 && position < cut ? cut : bin + 1;
    return end < this.bins ? end : this.bins;
  }

  private addPiece(from: number, to: number, on: number): void {
    if (this.pieceCount === this.pieceFrom.length) this.growPieces();
    const index = this.pieceCount++;
    this.pieceFrom[index] = from;
    this.pieceTo[index] = to;
    this.pieceOn[index] = on;
  }

  private growPieces(): void {
    const size = this.pieceFrom.length * 2;
    const grow = (old: Float64Array) => {
      const bigger = new Float64Array(size);
      bigger.set(old);
      return bigger;
    };
    this.pieceFrom = grow(this.pieceFrom);
    this.pieceTo = grow(this.pieceTo);
    this.pieceOn = grow(this.pieceOn);
  }

  /**
   * Draws the sessions of one cell from its pieces of ON time. A cell with at
   * most `aggregateThreshold` arrivals gets every session drawn on its own; a
   * busier one goes to `depositBusyCell`.
   *
   * The slot's rates come from fields, and the rare busy case is a method of
   * its own, so that V8 can inline this whole path into `runOnOff`. A call
   * that V8 does not inline boxes every fraction passed or returned.
   */
  private closeCell(cell: number): void {
    const count = this.pieceCount;
    this.pieceCount = 0;
    const pieceFrom = this.pieceFrom;
    const pieceTo = this.pieceTo;
    const pieceOn = this.pieceOn;
    let area = 0;
    for (let i = 0; i < count; i++) {
      area += pieceOn[i] * (pieceTo[i] - pieceFrom[i]);
    }
    if (area === 0) return;
    const stream = this.stream;
    const cellStart = cell > 0 ? this.cellEnds[cell - 1] : 0;
    const expected = this.sessionRate * area;
    const arrivals = drawArrivals(stream, expected, this.threshold);
    if (arrivals === 0) return;
    if (arrivals > this.threshold) {
      this.depositBusyCell(cell, count, area, arrivals);
      return;
    }
    for (let n = 0; n < arrivals; n++) {
      const offset = this.pickPosition(count, area * stream.next());
      this.deposit(cellStart + offset, this.psiMean * drawExponential(stream));
    }
  }

  /**
   * Draws the sessions of the cells from `first` up to `end` (excluded),
   * which `on` sources keep ON throughout. As `closeCell` does for one
   * piece, their starts are uniform over each cell. Cells alternate two
   * widths when sessions end off the grid, so they have two expected counts,
   * each split once for `drawSplitPoisson`. Taking the widths from
   * `cellCut`, not from differences of cell ends that differ in their last
   * bits, keeps one mean per parity.
   */
  private drawFullCells(first: number, end: number, on: number): void {
    const stream = this.stream;
    const cellEnds = this.cellEnds;
    const threshold = this.threshold;
    const evenWidth = this.cellCut > 0 ? this.cellCut : 1;
    const oddWidth = this.cellCut > 0 ? 1 - this.cellCut : 1;
    const evenExpected = this.sessionRate * on * evenWidth;
    const oddExpected = this.sessionRate * on * oddWidth;
    const evenSplit = this.fullCellMean(2 * on, evenExpected);
    const oddSplit = this.cellCut > 0
      ? this.fullCellMean(2 * on + 1, oddExpected)
      : evenSplit;
    for (let cell = first; cell < end; cell++) {
      const even = (cell & 1) === 0;
      const expected = even ? evenExpected : oddExpected;
      let arrivals = expected + 1;
      if (!isUncounted(expected, threshold)) {
        arrivals = expected < TABLE_MEANS
          ? drawSplitPoisson(stream, even ? evenSplit : oddSplit)
          : +drawPoisson(stream, expected);
      }
      if (arrivals === 0) continue;
      const cellStart = cell > 0 ? cellEnds[cell - 1] : 0;
      const width = even ? evenWidth : oddWidth;
      if (arrivals > threshold) {
        this.queueUniformStarts(cellStart, width, arrivals, expected);
      } else {
        this.depositUniformSessions(cellStart, width, arrivals);
      }
    }
  }

  /**
   * Queues a busy cell whose `arrivals` start uniformly on [from, from +
   * length): `aggregateOffset` for that law. Half the width of the
   * aggregate's start range is `length sqrt(1 / (2 (n + 1)))`, at most half
   * the length for n >= 1, so the start stays inside the range.
   */
  private queueUniformStarts(
    from: number,
    length: number,
    arrivals: number,
    expected: number,
  ): void {
    const spread = arrivals < SPREADS.length && arrivals % 1 === 0
      ? SPREADS[arrivals]
      : Math.sqrt(0.5 / (arrivals + 1));
    const u = this.stream.next();
    this.busyCells.add(
      from + length * (0.5 + spread * (2 * u - 1)),
      arrivals,
      expected,
    );
  }

  /** Returns the split mean at `index`, set to `mean` first when it differs. */
  private fullCellMean(index: number, mean: number): SplitMean {
    const means = this.fullCellMeans;
    while (means.length <= index) means.push(new SplitMean());
    const split = means[index];
    if (split.mean !== mean) split.set(mean);
    return split;
  }

  /**
   * Deposits a busy cell's arrivals as one session: their total volume at
   * their volume-weighted mean start (see `aggregateOffset`), from the mean
   * and variance of one session's start over the cell's pieces.
   */
  private depositBusyCell(
    cell: number,
    count: number,
    area: number,
    arrivals: number,
  ): void {
    const cellStart = cell > 0 ? this.cellEnds[cell - 1] : 0;
    if (count === 1) {
      const from = this.pieceFrom[0];
      this.queueUniformStarts(
        cellStart + from,
        this.pieceTo[0] - from,
        arrivals,
        this.sessionRate * area,
      );
      return;
    }
    const cellEnd = this.cellEnds[cell];
    let first = 0;
    let second = 0;
    for (let i = 0; i < count; i++) {
      const a = this.pieceFrom[i];
      const b = this.pieceTo[i];
      const on = this.pieceOn[i];
      first += on * (b * b - a * a) / 2;
      second += on * (b * b * b - a * a * a) / 3;
    }
    const mean = first / area;
    const stream = this.stream;
    const offset = aggregateOffset(
      stream.next(),
      cellEnd - cellStart,
      mean,
      Math.max(0, second / area - mean * mean),
      arrivals,
    );
    this.busyCells.add(cellStart + offset, arrivals, this.sessionRate * area);
  }

  /**
   * Draws the volumes of the slot's queued busy cells (see `BusyCells`) and
   * deposits them.
   */
  private depositBusyCells(): void {
    const busy = this.busyCells;
    busy.drawVolumes(this.stream, this.psiMean, this.threshold);
    for (let index = 0; index < busy.count; index++) {
      this.deposit(busy.position[index], busy.volume[index]);
    }
    busy.clear();
  }

  /** Maps a uniform point of the cell's ON area to a start offset in the cell. */
  private pickPosition(count: number, target: number): number {
    const pieceFrom = this.pieceFrom;
    const pieceTo = this.pieceTo;
    const pieceOn = this.pieceOn;
    let seen = 0;
    for (let i = 0; i < count; i++) {
      const weight = pieceOn[i] * (pieceTo[i] - pieceFrom[i]);
      if (seen + weight >= target || i === count - 1) {
        const within = Math.min(1, (target - seen) / weight);
        return pieceFrom[i] + within * (pieceTo[i] - pieceFrom[i]);
      }
      seen += weight;
    }
    return 0;
  }

  /** Adds a session starting at `position` (in bins from the slot's start). */
  private deposit(position: number, volume: number): void {
    const rate = volume * this.inverseSessionS;
    const startBin = Math.floor(position);
    const startFraction = position - startBin;
    const endPosition = position + this.sessionBins;
    const endBin = Math.floor(endPosition);
    const endFraction = endPosition - endBin;
    const deposits = this.deposits;
    deposits[startBin] += rate * (1 - startFraction);
    deposits[startBin + 1] += rate * startFraction;
    deposits[endBin] -= rate * (1 - endFraction);
    deposits[endBin + 1] -= rate * endFraction;
    this.activeChanges[startBin]++;
    this.activeChanges[endBin + 1]--;
  }

  /** Writes the slot's bins and shifts what runs on into the next slot. */
  private emitBins(out: Float64Array, offset: number): number {
    const deposits = this.deposits;
    const changes = this.activeChanges;
    let level = this.level;
    let active = this.active;
    let sum = 0;
    for (let i = 0; i < this.bins; i++) {
      level += deposits[i];
      active += changes[i];
      deposits[i] = 0;
      changes[i] = 0;
      if (active === 0 || level < 0) level = 0;
      out[offset + i] = level;
      sum += level;
    }
    this.level = level;
    this.active = active;
    // The tail is `ceil(D / dt) + 3` entries, and a loop moves them faster
    // than calls of the typed-array built-ins copyWithin and fill. With
    // "drop" the sessions end at the slot's end, so the tail is cleared.
    const keep = this.carry ? 1 : 0;
    for (let i = this.bins; i < deposits.length; i++) {
      deposits[i - this.bins] = keep * deposits[i];
      deposits[i] = 0;
      changes[i - this.bins] = keep * changes[i];
      changes[i] = 0;
    }
    return sum;
  }
}

/** `sqrt(1 / (2 (n + 1)))` for counts n of a busy cell ON throughout. */
const SPREADS = new Float64Array(256);
for (let n = 0; n < SPREADS.length; n++) SPREADS[n] = Math.sqrt(0.5 / (n + 1));

/**
 * Maps a uniform number to a point of [0, 1) with density `1 + slope (x - 1/2)`,
 * by inverting its distribution function; `|slope| <= 2`.
 */
function linearDensityPoint(slope: number, u: number): number {
  if (Math.abs(slope) < 1e-9) return u;
  const a = slope / 2;
  const b = 1 - slope / 2;
  const x = (-b + Math.sqrt(b * b + 4 * a * u)) / (2 * a);
  if (x < 0) return 0;
  if (x >= 1) return 1 - 1e-12;
  return x;
}

/**
 * Simulates one slot on its own (sessions cut at its end) and returns its
 * bins' mean rates, without rescaling.
 *
 * @param rates The slot's arrival rate, mean volume and number of sources.
 * @param params Validated parameters.
 * @param uniform A seeded uniform stream.
 * @returns `T / dt` bins, each >= 0.
 *
 * @example
 * ```ts
 * import { createSeriesRandom, DEFAULT_PARAMS, simulateIppSlot } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const uniform = createSeriesRandom(1, "demo");
 * const rates = { lambda: 2, psiMean: 3, sources: 1 };
 * const bins = simulateIppSlot(rates, DEFAULT_PARAMS, uniform);
 * assert.equal(bins.length, 60);
 * assert.ok(bins.every((value) => value >= 0));
 * ```
 */
export function simulateIppSlot(
  rates: SlotRates,
  params: KthParams,
  uniform: UniformSource,
): Float64Array {
  const simulator = new SlotSimulator(params, uniform, "drop");
  const out = new Float64Array(binsPerSlot(params));
  simulator.simulate(rates, out, 0);
  return out;
}

/**
 * A uniform stream read from a buffer that is refilled in batches, so the
 * engine's hot loops pay an array read per draw instead of a call.
 *
 * A series' stream runs Alea (Baagøe, 2010) from the state that seedrandom's
 * `alea` seeds: the recurrence `t = 2091639 s0 + c 2^-32`, then `s0 = s1`,
 * `s1 = s2`, `c = t | 0`, `s2 = t - c`, with `s2` the draw. It gives the same
 * numbers as seedrandom's own generator, in the same order; a test compares
 * them across several refills.
 *
 * Each step waits on the step three draws back, so one run of the
 * recurrence is bound by the latency of its arithmetic. A refill therefore
 * runs two: one from the current state and one from the state half a batch
 * later, found by a jump (see `jumpAlea`), and interleaves their steps.
 *
 * @module
 */

// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";

/** A seeded source of uniform numbers in [0, 1). */
export type UniformSource = () => number;

/**
 * Draws made per refill of a series' buffer. Each batch pays for one jump
 * (see `jumpAlea`), so a larger batch spreads its cost over more draws. With
 * the two runs a refill makes, batches of 2048 ran the NumPy baseline's
 * model 1% to 3% faster than single runs of 1024. Two-run batches of 1024
 * ran no faster than single runs (Deno 2.9, Xeon VM).
 */
export const UNIFORM_BATCH = 2048;

/** 2^-32, the scale of Alea's carry. */
const CARRY_SCALE = 2.3283064365386963e-10;

/** 2^32, the base of Alea's multiply-with-carry recurrence. */
const WORD = 4294967296;

/** Alea's multiplier a. */
const MULTIPLIER = 2091639n;

/** `m = a b^3 - 1` with b = 2^32, the modulus of Alea's state number. */
const MODULUS = MULTIPLIER * (1n << 96n) - 1n;

/** Returns `base^exponent mod MODULUS`. */
function powerModulo(base: bigint, exponent: number): bigint {
  let result = 1n;
  let square = base % MODULUS;
  for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = result * square % MODULUS;
    square = square * square % MODULUS;
  }
  return result;
}

/**
 * `b^-(UNIFORM_BATCH / 2) mod m`. One draw multiplies the state number by
 * `b^-1`, which is `a b^2` since `a b^3 = 1 (mod m)`.
 */
const HALF_BATCH_JUMP = powerModulo(
  MULTIPLIER << 64n,
  UNIFORM_BATCH / 2,
);

/**
 * A buffered uniform stream: `values[index]` is the next draw while `index`
 * is below `values.length`, and `next()` refills the buffer when it is empty.
 */
export class UniformStream {
  /**
   * The buffered draws; those below `index` are used. A refill may swap in
   * the spare buffer, so read it again after any draw rather than keep it.
   */
  values: Float64Array;
  /** Position of the next draw in `values`. */
  index: number;
  /**
   * `values.length`, kept in a field of its own: `next()` compared with it
   * ran the NumPy baseline's model about 3% faster than with the length
   * read from the array (Deno 2.9, Xeon VM).
   */
  end = 0;
  /**
   * The array that contains the draws of the latest `reserve`, from the
   * index it returned on. They stay there, unchanged, until the next `reserve`.
   */
  reserved: Float64Array;
  /** The buffer that a refill writes while `values` contains reserved draws. */
  #spare: Float64Array;
  readonly #source: UniformSource | undefined;
  /**
   * Alea's state (the carry c, then s0, s1 and s2), and, during a refill,
   * the state half a batch later.
   */
  readonly #state = new Float64Array(8);

  /**
   * @param seedKey The string that seeds Alea, or a uniform source to call
   *   once per draw, with nothing read ahead.
   */
  constructor(seedKey: string | UniformSource) {
    if (typeof seedKey === "string") {
      const state = seedrandom.alea(seedKey, { state: true }).state();
      this.#state.set([state.c, state.s0, state.s1, state.s2]);
      this.values = new Float64Array(UNIFORM_BATCH);
    } else {
      this.#source = seedKey;
      this.values = new Float64Array(1);
    }
    this.#spare = new Float64Array(this.values.length);
    this.reserved = this.#spare;
    this.index = this.values.length;
    this.end = this.values.length;
  }

  /** Returns the next uniform number in [0, 1). */
  next(): number {
    if (this.index === this.end) this.refill();
    return this.values[this.index++];
  }

  /**
   * Reserves the next `count` draws, in order, as `count` calls of `next()`
   * would return them. They sit in `reserved` from the returned index on,
   * where a hot loop reads them without a copy, and they stay there while
   * later draws are made, until the next call of `reserve`.
   *
   * @param count Number of draws.
   * @returns The index of the first draw in `reserved`.
   */
  reserve(count: number): number {
    if (this.#source !== undefined) {
      // Another source is called once per draw, with nothing read ahead,
      // so its buffer stays empty and its reserved draws go to the spare.
      if (this.#spare.length < count) this.#spare = new Float64Array(count);
      this.#generate(this.#spare, 0, count);
      this.reserved = this.#spare;
      return 0;
    }
    if (this.values.length - this.index < count) this.#makeRoom(count);
    const first = this.index;
    this.index = first + count;
    this.reserved = this.values;
    return first;
  }

  /** Fills the buffer with the next draws and moves `index` to its start. */
  refill(): void {
    if (this.values === this.reserved) {
      // The reserved draws must outlive this refill, so it writes the spare.
      const full = this.values;
      this.values = this.#spare;
      this.#spare = full;
    }
    this.#generate(this.values, 0, this.values.length);
    this.index = 0;
    this.end = this.values.length;
  }

  /**
   * Moves the unused draws of Alea's buffer to its start and draws the rest
   * after them, so at least `count` unused draws follow each other. The
   * buffers grow when `count` exceeds their size.
   */
  #makeRoom(count: number): void {
    const unused = this.values.subarray(this.index);
    if (this.values.length < count) {
      this.values = new Float64Array(count);
      this.#spare = new Float64Array(count);
    }
    this.values.set(unused);
    this.#generate(this.values, unused.length, this.values.length);
    this.index = 0;
    this.end = this.values.length;
  }

  /** Writes the next draws to `into[from]` up to `into[to - 1]`. */
  #generate(into: Float64Array, from: number, to: number): void {
    const source = this.#source;
    if (source === undefined) {
      // A refill of one batch calls `fillAleaBatch` itself: through
      // `fillAleaRange` the NumPy baseline's model ran about 1.5% slower
      // (ten alternating rounds, Deno 2.9, Xeon VM).
      if (to - from === UNIFORM_BATCH) fillAleaBatch(this.#state, into, from);
      else fillAleaRange(this.#state, into, from, to);
      return;
    }
    for (let i = from; i < to; i++) into[i] = source();
  }
}

/**
 * Writes the next Alea draws from `state` to `into[from]` up to
 * `into[to - 1]`, as `fillAlea` does, with whole batches from
 * `fillAleaBatch`: a buffer that `reserve` grew keeps the two-run speed.
 */
function fillAleaRange(
  state: Float64Array,
  into: Float64Array,
  from: number,
  to: number,
): void {
  let start = from;
  for (; start + UNIFORM_BATCH <= to; start += UNIFORM_BATCH) {
    fillAleaBatch(state, into, start);
  }
  fillAlea(state, into, start, to);
}

/**
 * Writes the next Alea draws from `state` (c, s0, s1, s2) to `into[from]` up
 * to `into[to - 1]`, and advances the state.
 */
function fillAlea(
  state: Float64Array,
  into: Float64Array,
  from: number,
  to: number,
): void {
  let carry = state[0];
  let s0 = state[1];
  let s1 = state[2];
  let s2 = state[3];
  // Every number here is a multiple of 2^-32 below 2^21, so each step is
  // exact. The carry adds less than 2^-11 to `2091639 s0`, so it rarely
  // changes the whole part. This loop takes that part from the product
  // alone, as a float, and corrects it in a rare branch, so the next step
  // does not wait on the previous one's rounding. In a loop a draw so took
  // 1.33 ns, against 6 ns per call of seedrandom's generator (Deno 2.9, Xeon
  // at 2.6 GHz).
  for (let i = from; i < to; i++) {
    const product = 2091639 * s0;
    const t = product + carry * CARRY_SCALE;
    let whole = Math.floor(product);
    if (t - whole >= 1) whole = Math.floor(t);
    s0 = s1;
    s1 = s2;
    carry = whole;
    s2 = t - whole;
    into[i] = s2;
  }
  state[0] = carry;
  state[1] = s0;
  state[2] = s1;
  state[3] = s2;
}

/**
 * Writes the next UNIFORM_BATCH Alea draws from `state` (c, s0, s1, s2) to
 * `into[from]` on, and advances the state. Two runs of the recurrence, from
 * the state and from the state half a batch later, write the two halves in
 * one loop, so the CPU interleaves their steps. In a loop, a draw took
 * 0.95 ns, against 1.33 ns for one run, and the jump about 65 ns a batch
 * (Deno 2.9, Xeon at 2.6 GHz).
 */
function fillAleaBatch(
  state: Float64Array,
  into: Float64Array,
  from: number,
): void {
  jumpAlea(state);

  const half = UNIFORM_BATCH / 2;
  let carry = state[0];
  let s0 = state[1];
  let s1 = state[2];
  let s2 = state[3];
  let laterCarry = state[4];
  let later0 = state[5];
  let later1 = state[6];
  let later2 = state[7];
  for (let i = from; i < from + half; i++) {
    // Each run takes the step of `fillAlea`.
    const product = 2091639 * s0;
    const t = product + carry * CARRY_SCALE;
    let whole = Math.floor(product);
    if (t - whole >= 1) whole = Math.floor(t);
    s0 = s1;
    s1 = s2;
    carry = whole;
    s2 = t - whole;
    into[i] = s2;

    const laterProduct = 2091639 * later0;
    const laterT = laterProduct + laterCarry * CARRY_SCALE;
    let laterWhole = Math.floor(laterProduct);
    if (laterT - laterWhole >= 1) laterWhole = Math.floor(laterT);
    later0 = later1;
    later1 = later2;
    laterCarry = laterWhole;
    later2 = laterT - laterWhole;
    into[i + half] = later2;
  }

  // The first run ends where the second began, so the state moves on to
  // the second's end.
  state[0] = laterCarry;
  state[1] = later0;
  state[2] = later1;
  state[3] = later2;
}

/** The bytes of a state number for `jumpAlea`, little-endian. */
const jumpWords = new DataView(new ArrayBuffer(16));

/**
 * Writes to `state[4..7]` the Alea state UNIFORM_BATCH / 2 draws after the
 * one in `state[0..3]`.
 *
 * Alea is a multiply-with-carry recurrence of lag 3 in base b = 2^32: with
 * `S = s 2^32`, a draw maps (S0, S1, S2, c) to (S1, S2, T mod b, T div b),
 * `T = a S0 + c`. The state number `z = S0 + S1 b + S2 b^2 + c b^3` so
 * becomes `z' = S1 + S2 b + T b^2`, and `b z' = z + m S0`: each draw
 * multiplies z by `b^-1` modulo m, and k draws by `b^-k`. Every state has
 * `z <= m`, with equality only for c = a - 1 and every S = 2^32 - 1. That
 * state is a fixed point of Alea, which the jump would map to 0. No seeded
 * stream reaches it, because seeding sets c = 1 and a step maps no other
 * state to it.
 */
function jumpAlea(state: Float64Array): void {
  // The four 32-bit words of z pass through bytes: a jump took 65 ns,
  // against 250 ns with shifts and sums of BigInts (Deno 2.9, Xeon VM).
  const words = jumpWords;
  words.setUint32(0, state[1] * WORD, true);
  words.setUint32(4, state[2] * WORD, true);
  words.setUint32(8, state[3] * WORD, true);
  words.setUint32(12, state[0], true);
  const z = words.getBigUint64(0, true) + (words.getBigUint64(8, true) << 64n);
  const later = z * HALF_BATCH_JUMP % MODULUS;
  words.setBigUint64(0, BigInt.asUintN(64, later), true);
  words.setBigUint64(8, later >> 64n, true);
  state[4] = words.getUint32(12, true);
  state[5] = words.getUint32(0, true) * CARRY_SCALE;
  state[6] = words.getUint32(4, true) * CARRY_SCALE;
  state[7] = words.getUint32(8, true) * CARRY_SCALE;
}

const streams = new WeakMap<UniformSource, UniformStream>();

/**
 * Creates a series' uniform stream and the function that reads it.
 *
 * @param seedKey The string that seeds Alea.
 * @returns A function returning the stream's next draw.
 */
export function createUniformSource(seedKey: string): UniformSource {
  const stream = new UniformStream(seedKey);
  const uniform = () => stream.next();
  streams.set(uniform, stream);
  return uniform;
}

/**
 * Returns the stream behind a uniform source. A source made by
 * `createUniformSource` shares its buffer with the stream. Any other source
 * gets a stream of its own, made on first use, that calls it once per draw.
 *
 * @param uniform The uniform source.
 * @returns Its stream.
 */
export function streamOf(uniform: UniformSource): UniformStream {
  let stream = streams.get(uniform);
  if (stream === undefined) {
    stream = new UniformStream(uniform);
    streams.set(uniform, stream);
  }
  return stream;
}

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
 * @module
 */

// @ts-types="npm:@types/seedrandom@^3.0.8"
import seedrandom from "npm:seedrandom@^3.0.5";

/** A seeded source of uniform numbers in [0, 1). */
export type UniformSource = () => number;

/** Draws made per refill of a series' buffer. */
const BATCH = 1024;

/** 2^-32, the scale of Alea's carry. */
const CARRY_SCALE = 2.3283064365386963e-10;

/**
 * A buffered uniform stream: `values[index]` is the next draw while `index`
 * is below `values.length`, and `next()` refills the buffer when it is empty.
 */
export class UniformStream {
  /** The buffered draws; those below `index` are used. */
  readonly values: Float64Array;
  /** Position of the next draw in `values`. */
  index: number;
  readonly #source: UniformSource | undefined;
  /** Alea's state: the carry c, then s0, s1 and s2. */
  readonly #state = new Float64Array(4);

  /**
   * @param seedKey The string that seeds Alea, or a uniform source to call
   *   once per draw, with nothing read ahead.
   */
  constructor(seedKey: string | UniformSource) {
    if (typeof seedKey === "string") {
      const state = seedrandom.alea(seedKey, { state: true }).state();
      this.#state.set([state.c, state.s0, state.s1, state.s2]);
      this.values = new Float64Array(BATCH);
    } else {
      this.#source = seedKey;
      this.values = new Float64Array(1);
    }
    this.index = this.values.length;
  }

  /** Returns the next uniform number in [0, 1). */
  next(): number {
    if (this.index === this.values.length) this.refill();
    return this.values[this.index++];
  }

  /**
   * Writes the next `count` draws into `into`, in order, as `count` calls of
   * `next()` would return them. Draws past the buffer go straight to `into`.
   */
  take(into: Float64Array, count: number): void {
    const values = this.values;
    const start = this.index;
    const copied = Math.min(values.length - start, count);
    for (let i = 0; i < copied; i++) into[i] = values[start + i];
    this.index = start + copied;
    if (copied < count) this.#generate(into, copied, count);
  }

  /** Fills the buffer with the next draws and moves `index` to its start. */
  refill(): void {
    this.#generate(this.values, 0, this.values.length);
    this.index = 0;
  }

  /** Writes the next draws to `into[from]` up to `into[to - 1]`. */
  #generate(into: Float64Array, from: number, to: number): void {
    const source = this.#source;
    if (source === undefined) {
      fillAlea(this.#state, into, from, to);
      return;
    }
    for (let i = from; i < to; i++) into[i] = source();
  }
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
  // 1.6 ns, against 6 ns per call of seedrandom's generator (Deno 2.9, Xeon
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

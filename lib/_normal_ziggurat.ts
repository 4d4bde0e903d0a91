/**
 * Standard normal draws by the ziggurat method of Marsaglia and Tsang (2000,
 * "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5),
 * with their 128 layers. About 99% of draws cost one uniform, one table read
 * and one comparison. The others fall in a wedge or in the tail and are
 * drawn there exactly, so the law is the normal one.
 *
 * A uniform u of Alea is a whole multiple of 2^-32, so `u 2^32` is a 32-bit
 * word (from other sources, its fraction is dropped). As in Marsaglia and
 * Tsang's code, its low 7 bits pick the layer and the whole word, read as a
 * signed integer, gives the abscissa.
 *
 * @module
 */

import type { UniformStream } from "./_uniform_stream.ts";

const LAYERS = 128;
/** Right end of the base layer, the start of the tail. */
const TAIL_START = 3.442619855899;
/** Area of each layer, base included. */
const LAYER_AREA = 9.91256303526217e-3;
const WORD = 4294967296;
const HALF_WORD = 2147483648;

/** Largest |word| that falls in layer i's rectangle without a test. */
const inner = new Float64Array(LAYERS);
/** Abscissa of one unit of the signed word in layer i. */
const scale = new Float64Array(LAYERS);
/** Density exp(-x^2 / 2) at layer i's right end. */
const density = new Float64Array(LAYERS);

{
  let right = TAIL_START;
  let previous = right;
  const base = LAYER_AREA / Math.exp(-0.5 * right * right);
  inner[0] = right / base * HALF_WORD;
  inner[1] = 0;
  scale[0] = base / HALF_WORD;
  scale[LAYERS - 1] = right / HALF_WORD;
  density[0] = 1;
  density[LAYERS - 1] = Math.exp(-0.5 * right * right);
  for (let i = LAYERS - 2; i >= 1; i--) {
    right = Math.sqrt(
      -2 * Math.log(LAYER_AREA / right + Math.exp(-0.5 * right * right)),
    );
    inner[i + 1] = right / previous * HALF_WORD;
    previous = right;
    density[i] = Math.exp(-0.5 * right * right);
    scale[i] = right / HALF_WORD;
  }
}

/**
 * Draws a standard normal from a uniform stream.
 *
 * @param stream The uniform stream.
 * @returns A normal number with mean 0 and variance 1.
 */
export function drawNormal(stream: UniformStream): number {
  return normalFrom(stream.next(), stream);
}

/**
 * Draws a standard normal whose first try uses `u`. The rare further tries
 * draw from the stream.
 *
 * @param u A uniform number in [0, 1) of 32 bits, as Alea gives.
 * @param stream The uniform stream.
 * @returns A normal number with mean 0 and variance 1.
 */
export function normalFrom(u: number, stream: UniformStream): number {
  const word = (u * WORD) | 0;
  const layer = word & (LAYERS - 1);
  if (Math.abs(word) < inner[layer]) return word * scale[layer];
  // The unary plus types the rare call's result as a number, so V8 can keep
  // the common result unboxed where the two meet.
  return +normalOutside(word, stream);
}

/** Finishes a draw whose word fell outside its layer's rectangle: wedge, tail or a new try. */
function normalOutside(first: number, stream: UniformStream): number {
  let word = first;
  for (;;) {
    const layer = word & (LAYERS - 1);
    const x = word * scale[layer];
    if (Math.abs(word) < inner[layer]) return x;
    if (layer === 0) return tail(stream, word > 0);
    const height = density[layer] +
      stream.next() * (density[layer - 1] - density[layer]);
    if (height < Math.exp(-0.5 * x * x)) return x;
    word = (stream.next() * WORD) | 0;
  }
}

/** Draws from the normal tail beyond TAIL_START (Marsaglia, 1964), on the given side. */
function tail(stream: UniformStream, positive: boolean): number {
  for (;;) {
    const beyond = -Math.log(1 - stream.next()) / TAIL_START;
    const y = -Math.log(1 - stream.next());
    if (y + y >= beyond * beyond) {
      return positive ? TAIL_START + beyond : -TAIL_START - beyond;
    }
  }
}

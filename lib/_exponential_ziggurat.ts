/**
 * Exponential(1) draws by the ziggurat method of Marsaglia and Tsang (2000,
 * "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5),
 * with their 256 layers. About 98% of draws cost one uniform, one table read
 * and one comparison, against a logarithm for `-log(1 - u)`. The others fall
 * in a wedge or in the tail and are drawn there exactly, so the law is the
 * exponential one.
 *
 * A uniform u of Alea is a whole multiple of 2^-32, so `u 2^32` is a 32-bit
 * word (from other sources, its fraction is dropped). As in Marsaglia and
 * Tsang's code, its low 8 bits pick the layer and the whole word gives the
 * abscissa.
 *
 * @module
 */

import type { UniformStream } from "./_uniform_stream.ts";

const LAYERS = 256;
/** Right end of the base layer, the start of the tail. */
const TAIL_START = 7.697117470131487;
/** Area of each layer, base included. */
const LAYER_AREA = 3.949659822581572e-3;
const WORD = 4294967296;

/** Largest word that falls in layer i's rectangle without a test. */
const inner = new Float64Array(LAYERS);
/** Abscissa of one unit of the word in layer i. */
const scale = new Float64Array(LAYERS);
/** Density exp(-x) at layer i's right end. */
const density = new Float64Array(LAYERS);

{
  let right = TAIL_START;
  let previous = right;
  const base = LAYER_AREA / Math.exp(-right);
  inner[0] = right / base * WORD;
  inner[1] = 0;
  scale[0] = base / WORD;
  scale[LAYERS - 1] = right / WORD;
  density[0] = 1;
  density[LAYERS - 1] = Math.exp(-right);
  for (let i = LAYERS - 2; i >= 1; i--) {
    right = -Math.log(LAYER_AREA / right + Math.exp(-right));
    inner[i + 1] = right / previous * WORD;
    previous = right;
    density[i] = Math.exp(-right);
    scale[i] = right / WORD;
  }
}

/**
 * Draws Exponential(1) from a uniform stream.
 *
 * @param stream The uniform stream.
 * @returns A number >= 0 with mean 1.
 */
export function drawExponential(stream: UniformStream): number {
  const word = (stream.next() * WORD) >>> 0;
  const layer = word & (LAYERS - 1);
  if (word < inner[layer]) return word * scale[layer];
  // The unary plus types the rare call's result as a number, so V8 can keep
  // the common result unboxed where the two meet.
  return +exponentialOutside(word, stream);
}

/** Finishes a draw whose word fell outside its layer's rectangle: wedge, tail or a new try. */
function exponentialOutside(first: number, stream: UniformStream): number {
  let word = first;
  for (;;) {
    const layer = word & (LAYERS - 1);
    const x = word * scale[layer];
    if (word < inner[layer]) return x;
    // Past the base layer's rectangle the tail is TAIL_START plus a fresh
    // exponential, because the law is memoryless.
    if (layer === 0) return TAIL_START - Math.log(1 - stream.next());
    const height = density[layer] +
      stream.next() * (density[layer - 1] - density[layer]);
    if (height < Math.exp(-x)) return x;
    word = (stream.next() * WORD) >>> 0;
  }
}

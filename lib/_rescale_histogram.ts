/**
 * Bins of the rescale histogram: factors 1e-4 to 1e4, 100 bins per decade.
 * Bin 0 takes factors below 1e-4 and the last bin factors from 1e4 up.
 *
 * A factor's bin is `floor((log10(factor) + 4) * 100) + 1`, clamped to the
 * bins. The generator bins one factor per slot, and `Math.log10` took about
 * 15 ns of it, close to 1% of a slot's time with one source (measured with
 * the simulator stubbed out, Deno 2.9, Xeon VM). So `rescaleBin` looks the
 * bin up instead: the factor's exponent and top mantissa bits pick a cell
 * narrower than a bin, and one comparison with the bin edge inside the cell
 * settles it. Each edge is the smallest double that the formula puts in its
 * bin, found by bisection on the formula itself, so the lookup gives the
 * formula's bin wherever the rounded formula does not decrease as the
 * factor grows.
 *
 * @module
 */

/** Bins per decade of factors. */
export const HISTOGRAM_PER_DECADE = 100;
/** Base-10 logarithm of the smallest factor with a bin of its own. */
export const HISTOGRAM_LOW = -4;
/** Bins in all: 8 decades and one bin for each side beyond them. */
export const HISTOGRAM_BINS = 8 * HISTOGRAM_PER_DECADE + 2;

/**
 * Returns a factor's bin by its definition, with `Math.log10`. A factor of
 * 0 gives bin 0, and NaN and negative factors give NaN.
 */
export function binByFormula(factor: number): number {
  const position = (Math.log10(factor) - HISTOGRAM_LOW) * HISTOGRAM_PER_DECADE;
  return Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(position) + 1));
}

/**
 * Mantissa bits that pick a cell. A cell spans at most 2^-6 = 1.6% of its
 * smallest factor, less than the 2.3% of a bin, so it contains at most one
 * bin edge.
 */
const CELL_BITS = 6;
/** Binary exponents of the factors in the table: 2^-14 < 1e-4 and 1e4 < 2^14. */
const LOW_EXPONENT = -14;
const HIGH_EXPONENT = 14;
const TABLE_LOW = 2 ** LOW_EXPONENT;
const TABLE_HIGH = 2 ** HIGH_EXPONENT;
/**
 * The high word of a double contains the sign, 11 exponent bits and the top 20
 * mantissa bits. Shifted right by `20 - CELL_BITS`, a positive factor's high
 * word is its biased exponent and top mantissa bits, and minus this base it
 * is the factor's cell.
 */
const CELL_SHIFT = 20 - CELL_BITS;
const CELL_BASE = (1023 + LOW_EXPONENT) << CELL_BITS;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
scratch[0] = 1;
/** Index in `words` of the high word, which depends on the byte order. */
const HIGH_WORD = words[1] === 0x3ff00000 ? 1 : 0;

/**
 * The lookup tables, built on first use because the bisection takes about
 * 1.5 ms, which every import of the library would pay otherwise.
 */
class BinTable {
  /**
   * Entry k is the smallest double in bin k, for bins 1 to
   * HISTOGRAM_BINS - 1. Entry 0 is 0 and a last entry of Infinity ends it.
   */
  readonly edges = new Float64Array(HISTOGRAM_BINS + 1);
  /** Entry c is the bin of the smallest factor in cell c. */
  readonly firstBins = new Uint16Array(
    (HIGH_EXPONENT - LOW_EXPONENT) << CELL_BITS,
  );

  constructor() {
    const { edges, firstBins } = this;
    for (let bin = 1; bin < HISTOGRAM_BINS; bin++) {
      edges[bin] = smallestInBin(bin);
    }
    edges[HISTOGRAM_BINS] = Infinity;
    const cellsPerOctave = 1 << CELL_BITS;
    for (let cell = 0, bin = 0; cell < firstBins.length; cell++) {
      const octave = 2 ** (LOW_EXPONENT + Math.floor(cell / cellsPerOctave));
      const start = octave * (1 + (cell % cellsPerOctave) / cellsPerOctave);
      while (edges[bin + 1] <= start) bin++;
      firstBins[cell] = bin;
    }
  }
}

let table: BinTable | undefined;

/**
 * Bisects between doubles for the smallest one that the formula puts in
 * `bin` or above. Rounding in `Math.log10` and in the formula moves an edge
 * by about 1e-14 of its value, well inside the 1e-12 bracket.
 */
function smallestInBin(bin: number): number {
  const exponent = HISTOGRAM_LOW + (bin - 1) / HISTOGRAM_PER_DECADE;
  let below = 10 ** exponent * (1 - 1e-12);
  let atOrAbove = 10 ** exponent * (1 + 1e-12);
  if (!(binByFormula(below) < bin && binByFormula(atOrAbove) >= bin)) {
    throw new RangeError(
      `Cannot build the rescale histogram: bin ${bin} does not start within 1e-12 of 10^${exponent}`,
    );
  }
  for (;;) {
    const middle = below + (atOrAbove - below) / 2;
    if (middle === below || middle === atOrAbove) return atOrAbove;
    if (binByFormula(middle) >= bin) atOrAbove = middle;
    else below = middle;
  }
}

/**
 * Returns the histogram bin of a rescale factor: the bin of
 * {@linkcode binByFormula}, from a table lookup for factors from 2^-14 up
 * to 2^14 and from the formula itself outside that range.
 */
export function rescaleBin(factor: number): number {
  if (!(factor >= TABLE_LOW && factor < TABLE_HIGH)) {
    return binByFormula(factor);
  }
  const { edges, firstBins } = table ??= new BinTable();
  scratch[0] = factor;
  const bin = firstBins[(words[HIGH_WORD] >>> CELL_SHIFT) - CELL_BASE];
  return factor >= edges[bin + 1] ? bin + 1 : bin;
}

/** Returns the smallest double in `bin`, or 0 for bin 0. */
export function binEdge(bin: number): number {
  return (table ??= new BinTable()).edges[bin];
}

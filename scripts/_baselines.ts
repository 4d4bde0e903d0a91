/**
 * Baselines for the realism evaluation: ways to fill a slot's bins without
 * the generator, each keeping every slot's mean exactly.
 *
 * @module
 */

/** Repeats each slot's value over its bins. */
export function flatFine(
  coarse: ArrayLike<number>,
  bins: number,
): Float64Array {
  const fine = new Float64Array(coarse.length * bins);
  for (let slot = 0; slot < coarse.length; slot++) {
    fine.fill(coarse[slot], slot * bins, (slot + 1) * bins);
  }
  return fine;
}

/**
 * Fills each slot with a straight line through its value at the slot's
 * centre, with the slope of the centred difference of its neighbours (one
 * sided at the ends), sampled at the bin centres. A line is symmetric about
 * the centre, so the bins average to the slot's value exactly. The slope is
 * shrunk where needed so that no bin goes below 0. A NaN slot gives NaN bins
 * and a NaN neighbour gives slope 0.
 */
export function linearFine(
  coarse: ArrayLike<number>,
  bins: number,
): Float64Array {
  const fine = new Float64Array(coarse.length * bins);
  const last = coarse.length - 1;
  for (let slot = 0; slot <= last; slot++) {
    const value = coarse[slot];
    const before = coarse[Math.max(0, slot - 1)];
    const after = coarse[Math.min(last, slot + 1)];
    const span = Math.min(last, slot + 1) - Math.max(0, slot - 1);
    let slope = span > 0 ? (after - before) / span : 0;
    if (slope !== slope) slope = 0;
    const reach = Math.abs(slope) / 2;
    if (reach > value) slope *= value / reach;
    for (let i = 0; i < bins; i++) {
      const position = (i + 0.5) / bins - 0.5;
      fine[slot * bins + i] = value + slope * position;
    }
  }
  return fine;
}

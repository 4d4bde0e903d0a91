/**
 * Picks a readable unit for a time axis from the span it covers.
 *
 * @module
 */

/** A time unit for an axis. */
export interface TimeUnit {
  /** Seconds in one unit. */
  seconds: number;
  /** Symbol shown in the axis label, such as `min`. */
  symbol: string;
}

const UNITS: readonly TimeUnit[] = [
  { seconds: 1, symbol: "s" },
  { seconds: 60, symbol: "min" },
  { seconds: 3600, symbol: "h" },
  { seconds: 86400, symbol: "d" },
];

/**
 * Returns the largest unit in which the span is at least 3 units long, so
 * that ticks fall on readable numbers: 2 minutes show in seconds, 2 hours in
 * minutes, 5 hours in hours, a week in days.
 *
 * @param spanSeconds Length of the axis, in seconds.
 * @returns Seconds, minutes, hours or days.
 */
export function timeUnitFor(spanSeconds: number): TimeUnit {
  let chosen = UNITS[0];
  for (const unit of UNITS) {
    if (spanSeconds >= 3 * unit.seconds) chosen = unit;
  }
  return chosen;
}

/**
 * Axis labels and scale options shared by the chart builders.
 *
 * @module
 */

/** Unit shown when the caller names none: values keep the input's units. */
export const DEFAULT_RATE_UNIT = "input units";

/**
 * Returns a rate axis label with its unit, such as `Rate (Mbit/s)`.
 *
 * @param unit The unit of the values, or undefined for the input's units.
 * @returns The label.
 */
export function rateLabel(unit: string | undefined): string {
  return `Rate (${unit ?? DEFAULT_RATE_UNIT})`;
}

/**
 * Returns scale options for an axis. Log axes get plain numbers ("0.5", not
 * Observable Plot's default "500m").
 */
export function axis(label: string, type: "linear" | "log" = "linear") {
  return type === "log" ? { label, type, tickFormat: "~g" } : { label, type };
}

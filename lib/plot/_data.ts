/**
 * Checks on the plain data that chart builders take, with errors that name
 * the option and the offending value.
 *
 * @module
 */

/**
 * Checks that a value is an array-like of numbers (an array or a typed
 * array). Non-finite numbers are allowed: charts draw them as gaps.
 *
 * @param values The candidate series.
 * @param what The option name used in the error, such as `fine`.
 * @returns The same series.
 * @throws {TypeError} When it is not array-like or contains a non-number.
 */
export function checkSeries(
  values: ArrayLike<number>,
  what: string,
): ArrayLike<number> {
  if (
    values === null || typeof values !== "object" ||
    !Number.isInteger(values.length)
  ) {
    throw new TypeError(
      `Invalid ${what}: expected an array or typed array of numbers, got ${
        describe(values)
      }`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== "number") {
      throw new TypeError(
        `Invalid ${what}: index ${i} is not a number (${describe(values[i])})`,
      );
    }
  }
  return values;
}

/**
 * Checks that two series have the same length.
 *
 * @param a The first series.
 * @param b The second series.
 * @param what Names of the two series, as in `"x and y of series \"fine\""`.
 * @throws {RangeError} When the lengths differ.
 */
export function checkSameLength(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  what: string,
): void {
  if (a.length !== b.length) {
    throw new RangeError(
      `Invalid ${what}: lengths differ (${a.length} and ${b.length}); pass series of equal length`,
    );
  }
}

/**
 * Checks that a value is a whole number of at least 1.
 *
 * @param value The candidate.
 * @param what The option name used in the error.
 * @returns The value.
 * @throws {RangeError} When it is not a whole number >= 1.
 */
export function checkCount(value: number, what: string): number {
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new RangeError(
      `Invalid ${what}: must be a whole number >= 1, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Checks that a value is a finite number greater than 0.
 *
 * @param value The candidate.
 * @param what The option name used in the error.
 * @returns The value.
 * @throws {RangeError} When it is not finite and > 0.
 */
export function checkPositive(value: number, what: string): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
    throw new RangeError(
      `Invalid ${what}: must be a finite number > 0, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Resolves an optional `[start, end)` slot range against a slot count.
 *
 * @param range The requested range, or undefined for the default.
 * @param slotCount Number of slots in the series.
 * @param defaultCount Slots shown by default, from slot 0.
 * @returns The start and end slots, `0 <= start < end <= slotCount`.
 * @throws {RangeError} When the range is not whole numbers inside the series.
 */
export function resolveSlotRange(
  range: readonly [number, number] | undefined,
  slotCount: number,
  defaultCount: number,
): [number, number] {
  if (range === undefined) return [0, Math.min(slotCount, defaultCount)];
  const [start, end] = range;
  if (
    !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 &&
      start < end && end <= slotCount)
  ) {
    throw new RangeError(
      `Invalid slots: expected whole numbers [start, end) with 0 <= start < end <= ${slotCount}, got [${
        String(start)
      }, ${String(end)}]`,
    );
  }
  return [start, end];
}

/** Describes a value for an error message, briefly. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null || typeof value !== "object") return String(value);
  return `an object (${value.constructor?.name ?? "no prototype"})`;
}

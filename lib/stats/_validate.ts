/**
 * Input checks shared by the statistics. Each throws with the action that
 * failed, the rule, the offending value and what to do.
 *
 * @module
 */

/**
 * Throws unless every entry is a number that is finite or NaN.
 *
 * NaN marks a missing value and is allowed. An infinity is a bug upstream.
 */
export function assertSeries(values: ArrayLike<number>, action: string): void {
  if (values === null || typeof values !== "object") {
    throw new TypeError(
      `Cannot ${action}: expected an array of numbers, got ${String(values)}`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== "number") {
      throw new TypeError(
        `Cannot ${action}: value at index ${i} is not a number (${
          String(value)
        }); convert it, or use NaN for a missing value`,
      );
    }
    if (value === Infinity || value === -Infinity) {
      throw new RangeError(
        `Cannot ${action}: value at index ${i} is ${value}; use finite numbers, or NaN for a missing value`,
      );
    }
  }
}

/** Throws unless `value` is a whole number of at least `min`. */
export function assertInteger(
  value: number,
  name: string,
  min: number,
  action: string,
): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new RangeError(
      `Cannot ${action}: ${name} must be a whole number >= ${min}, got ${
        String(value)
      }`,
    );
  }
}

/** Throws unless `value` is a finite number above 0. */
export function assertPositive(
  value: number,
  name: string,
  action: string,
): void {
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
    throw new RangeError(
      `Cannot ${action}: ${name} must be a finite number > 0, got ${
        String(value)
      }`,
    );
  }
}

/** Throws unless the series is a whole number of slots of `binsPerSlot` bins. */
export function assertWholeSlots(
  values: ArrayLike<number>,
  binsPerSlot: number,
  action: string,
): void {
  assertInteger(binsPerSlot, "binsPerSlot", 1, action);
  if (values.length % binsPerSlot !== 0) {
    throw new RangeError(
      `Cannot ${action}: series length ${values.length} is not a whole number of slots of ${binsPerSlot} bins; trim it to a multiple of ${binsPerSlot}`,
    );
  }
}

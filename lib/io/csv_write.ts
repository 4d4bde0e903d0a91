/**
 * Writing CSV cells: quoting and number formatting.
 *
 * Output is always comma-separated with `.` decimals, whatever the input
 * used. Numbers are written with the shortest text that reads back to the
 * same double (`String(x)`), so re-aggregating written output reproduces the
 * input to rounding error; NaN is an empty cell.
 *
 * @module
 */

/**
 * Quotes a field when it contains a comma, a quote or a line break.
 *
 * @param field The text.
 * @returns The field as it goes into a CSV line.
 *
 * @example
 * ```ts
 * import { escapeCsvField } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(escapeCsvField('say "hi", then'), '"say ""hi"", then"');
 * ```
 */
export function escapeCsvField(field: string): string {
  if (!/[",\r\n]/.test(field)) return field;
  return '"' + field.replaceAll('"', '""') + '"';
}

/**
 * Formats a value for a CSV cell: shortest round-trip text, NaN as empty.
 *
 * @param value The value.
 * @returns The cell text.
 *
 * @example
 * ```ts
 * import { formatValue } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatValue(0.1 + 0.2), "0.30000000000000004");
 * assert.equal(formatValue(NaN), "");
 * ```
 */
export function formatValue(value: number): string {
  return value === value ? String(value) : "";
}

/**
 * Builds a CSV line from fields, quoting where needed.
 *
 * @param fields The fields.
 * @returns The line, with its line end.
 */
export function csvLine(fields: string[]): string {
  return fields.map(escapeCsvField).join(",") + "\n";
}

const encoder = new TextEncoder();

/** A growing buffer of UTF-8 text, taken whole once filled. */
export class ByteBuffer {
  #bytes: Uint8Array<ArrayBuffer>;
  #length = 0;

  /**
   * Creates an empty buffer.
   *
   * @param capacity Bytes to reserve at first (at least 64).
   */
  constructor(capacity: number) {
    this.#bytes = new Uint8Array(Math.max(64, capacity));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /** Appends text as UTF-8. */
  append(text: string): void {
    const needed = this.#length + text.length * 3;
    if (needed > this.#bytes.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * this.#bytes.length));
      grown.set(this.#bytes.subarray(0, this.#length));
      this.#bytes = grown;
    }
    const target = this.#bytes.subarray(this.#length);
    this.#length += encoder.encodeInto(text, target).written;
  }

  /** Returns the bytes written, and leaves the buffer empty. */
  take(): Uint8Array<ArrayBuffer> {
    const bytes = this.#bytes.slice(0, this.#length);
    this.#length = 0;
    return bytes;
  }
}

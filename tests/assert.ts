/**
 * The assertions the tests use, from Node's built-in `node:assert/strict`,
 * since Deno's `@std/assert` lives on JSR. Swap the import here to change
 * the assertion library everywhere.
 *
 * @module
 */
export { default as assert } from "node:assert/strict";
export {
  deepEqual as assertEquals,
  equal as assertStrictEquals,
  throws as assertThrows,
} from "node:assert/strict";

/** Asserts that `actual` is within `tolerance` of `expected`, naming the check. */
export function assertClose(
  actual: number,
  expected: number,
  tolerance: number,
  what: string,
): void {
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(
      `${what}: expected ${expected} ± ${tolerance}, got ${actual} (off by ${
        actual - expected
      })`,
    );
  }
}

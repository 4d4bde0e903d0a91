/**
 * The error class of command-line mistakes.
 *
 * @module
 */

/**
 * A mistake in the command line, such as an invalid flag value, an unknown
 * column or an OUTPUT that would overwrite INPUT; `runCommand` exits with
 * code 2 on it. It is a `RangeError`, since the value given is outside the
 * accepted ones.
 */
export class UsageError extends RangeError {}

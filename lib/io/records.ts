/**
 * Opens an input file and reads its data records below the header, checking
 * that every record has as many fields as the header.
 *
 * @module
 */

import { readLineBatches, readTextRecords, splitFields } from "./csv.ts";
import { detectDialect, type Dialect } from "./dialect.ts";

/** Lines read to detect the dialect, unless the file is shorter. */
const HEAD_LINES = 200;

/** Options that override the dialect detection. */
export interface DialectOptions {
  /** Field separator to use instead of the detected one. */
  delimiter?: string;
  /**
   * 1-based line number of the header, to use instead of the detected one. It
   * must be within the first 200 lines.
   */
  headerLine?: number;
}

/**
 * Reads the first lines of a file and detects its dialect.
 *
 * @param path The file.
 * @param name The file's name in messages.
 * @param options Overrides for the delimiter and the header line.
 * @returns The dialect.
 * @throws {RangeError} When the file is empty or has no header.
 */
export async function readDialect(
  path: string,
  name: string,
  options: DialectOptions = {},
): Promise<Dialect> {
  const head: string[] = [];
  using file = await Deno.open(path);
  for await (const batch of readLineBatches(file.readable)) {
    head.push(...batch.lines.slice(0, HEAD_LINES - head.length));
    if (head.length >= HEAD_LINES) break;
  }
  if (head.every((line) => line.trim() === "")) {
    throw new RangeError(`Cannot read ${name}: the file is empty`);
  }
  return detectDialect(head, options);
}

/** Data records of one batch, as text, with line numbers and bytes read. */
export interface DataBatch {
  /**
   * Each record's text, without its line end. A quoted line break stays
   * inside.
   */
  texts: string[];
  /** The 1-based line number where each record starts. */
  lines: number[];
  /** Bytes read from the file so far, for progress reports. */
  bytesRead: number;
}

/**
 * Reads the text of the data records below the header.
 *
 * @param path The file.
 * @param dialect The file's dialect.
 * @returns An async iterator of batches of record texts.
 */
export async function* readDataRecords(
  path: string,
  dialect: Dialect,
): AsyncGenerator<DataBatch> {
  using file = await Deno.open(path);
  for await (const batch of readTextRecords(file.readable)) {
    let first = 0;
    while (
      first < batch.lines.length && batch.lines[first] <= dialect.headerLine
    ) {
      first++;
    }
    yield first === 0 ? batch : {
      texts: batch.texts.slice(first),
      lines: batch.lines.slice(first),
      bytesRead: batch.bytesRead,
    };
  }
}

/**
 * One data record, split into fields without copying them: the bounds of
 * each trimmed field in the text, or the split fields when the record has
 * quotes.
 *
 * A record may have one extra field when it is empty (a delimiter at the end
 * of every line); it is ignored. Any other field count is an error.
 */
export class Row {
  /** The record's text. */
  text = "";
  /** The 1-based line number where the record starts. */
  line = 0;
  /** Start of each field in `text` (when `quoted` is undefined). */
  readonly starts: Int32Array;
  /** End (exclusive) of each field in `text`. */
  readonly ends: Int32Array;
  /** The fields, when the record has quotes. */
  quoted: string[] | undefined;
  readonly #dialect: Dialect;
  readonly #name: string;

  /**
   * Creates an empty row for the records of one file.
   *
   * @param dialect The file's dialect.
   * @param name The file's name in messages.
   */
  constructor(dialect: Dialect, name: string) {
    this.#dialect = dialect;
    this.#name = name;
    this.starts = new Int32Array(dialect.header.length + 1);
    this.ends = new Int32Array(dialect.header.length + 1);
  }

  /**
   * Splits a record.
   *
   * @param text The record's text.
   * @param line Its line number.
   * @throws {RangeError} Naming the line when the field count is wrong.
   */
  load(text: string, line: number): void {
    this.text = text;
    this.line = line;
    const width = this.#dialect.header.length;
    if (text.includes('"')) {
      const fields = splitFields(text, this.#dialect.delimiter);
      if (fields.length === width + 1 && fields[width] === "") {
        fields.length = width;
      }
      if (fields.length !== width) throw this.#countError(fields.length);
      this.quoted = fields;
      return;
    }
    this.quoted = undefined;
    let start = 0;
    let field = 0;
    for (;;) {
      let end = text.indexOf(this.#dialect.delimiter, start);
      if (end === -1) end = text.length;
      if (field <= width) {
        this.starts[field] = start;
        this.ends[field] = end;
      }
      field++;
      if (end === text.length) break;
      start = end + 1;
    }
    if (field === width + 1 && this.starts[width] === this.ends[width]) field--;
    if (field !== width) throw this.#countError(field);
    for (let i = 0; i < width; i++) this.#trim(i);
  }

  #trim(i: number): void {
    let start = this.starts[i];
    let end = this.ends[i];
    const text = this.text;
    while (start < end && text.charCodeAt(start) <= 32) start++;
    while (end > start && text.charCodeAt(end - 1) <= 32) end--;
    this.starts[i] = start;
    this.ends[i] = end;
  }

  /** Returns field `i`, trimmed and unquoted. */
  cell(i: number): string {
    return this.quoted !== undefined
      ? this.quoted[i]
      : this.text.slice(this.starts[i], this.ends[i]);
  }

  #countError(count: number): RangeError {
    const dialect = this.#dialect;
    const delimiter = dialect.delimiter === "\t"
      ? "tab"
      : `'${dialect.delimiter}'`;
    return new RangeError(
      `Cannot read ${this.#name}: line ${this.line} has ${count} fields but the header (line ${dialect.headerLine}) has ${dialect.header.length}; check the delimiter (${delimiter}) and quotes on that line`,
    );
  }
}

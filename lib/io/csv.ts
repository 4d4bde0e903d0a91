/**
 * Reads delimited text (CSV, semicolon- or tab-separated) from a byte stream
 * in batches of records, with line numbers for error messages.
 *
 * What it accepts: a UTF-8 byte order mark, LF or CRLF line ends, a missing
 * final newline, fields quoted with `"` (a doubled `""` inside a quoted field
 * is one quote), quoted fields that span lines, and blank lines (skipped).
 * Whitespace around each field is trimmed. Memory stays bounded by one batch
 * of records plus the longest record.
 *
 * This is the only module that splits text into fields, so another parser can
 * replace it behind the same two functions.
 *
 * @module
 */

/** Records read from consecutive lines, with the line each record starts on. */
export interface RecordBatch {
  /** The fields of each record, trimmed and unquoted. */
  records: string[][];
  /** The 1-based line number where each record starts. */
  lines: number[];
  /** Bytes read from the stream so far, for progress reports. */
  bytesRead: number;
}

/** Whole records as text (a quoted line break kept inside), with line numbers. */
export interface TextRecordBatch {
  /** Each record's text, without its line end. */
  texts: string[];
  /** The 1-based line number where each record starts. */
  lines: number[];
  /** Bytes read from the stream so far, for progress reports. */
  bytesRead: number;
}

/** A batch is handed out once it contains this many lines or characters. */
const BATCH_LINES = 4096;
const BATCH_CHARS = 1 << 20;

/**
 * Splits a byte stream into batches of records.
 *
 * @param stream UTF-8 bytes of the whole file.
 * @param delimiter The field separator, one character.
 * @returns An async iterator of record batches, in file order.
 *
 * @example
 * ```ts
 * import { readRecordBatches } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = new TextEncoder().encode('a;b\r\n1;"2,5"\r\n');
 * const stream = new Blob([bytes]).stream();
 * const batches = [];
 * for await (const batch of readRecordBatches(stream, ";")) batches.push(batch);
 * assert.deepEqual(batches[0].records, [["a", "b"], ["1", "2,5"]]);
 * ```
 */
export async function* readRecordBatches(
  stream: ReadableStream<Uint8Array>,
  delimiter: string,
): AsyncGenerator<RecordBatch> {
  for await (const batch of readTextRecords(stream)) {
    yield {
      records: batch.texts.map((text) => splitFields(text, delimiter)),
      lines: batch.lines,
      bytesRead: batch.bytesRead,
    };
  }
}

/**
 * Splits a byte stream into the text of whole records: a line whose quotes
 * do not balance is joined with the next ones. Blank lines are skipped.
 *
 * @param stream UTF-8 bytes of the whole file.
 * @returns An async iterator of batches of record texts, in file order.
 * @throws {RangeError} When a quoted field is never closed.
 */
export async function* readTextRecords(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<TextRecordBatch> {
  let pending = "";
  let pendingLine = 0;
  let texts: string[] = [];
  let lines: number[] = [];
  for await (const batch of readLineBatches(stream)) {
    for (let i = 0; i < batch.lines.length; i++) {
      let text = batch.lines[i];
      const line = batch.firstLine + i;
      if (pending !== "") {
        text = pending + "\n" + text;
      } else if (text.length === 0) {
        continue;
      }
      if (text.includes('"') && !quotesBalanced(text)) {
        if (pending === "") pendingLine = line;
        pending = text;
        continue;
      }
      texts.push(text);
      lines.push(pending === "" ? line : pendingLine);
      pending = "";
    }
    if (texts.length > 0) {
      yield { texts, lines, bytesRead: batch.bytesRead };
      texts = [];
      lines = [];
    }
  }
  if (pending !== "") {
    throw new RangeError(
      `Cannot read CSV: the quoted field that starts on line ${pendingLine} is never closed; add the closing '"'`,
    );
  }
}

/** Lines of text, the 1-based number of the first, and bytes read so far. */
export interface LineBatch {
  /** Each line's text, without its `\n` or `\r\n` line end. */
  lines: string[];
  /** The 1-based line number of `lines[0]`. */
  firstLine: number;
  /** Bytes read from the stream so far, for progress reports. */
  bytesRead: number;
}

/**
 * Splits a byte stream into batches of lines, without line ends.
 *
 * @param stream UTF-8 bytes; a leading byte order mark is dropped.
 * @returns An async iterator of line batches, in file order.
 */
export async function* readLineBatches(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<LineBatch> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let carry = "";
  let lineNumber = 1;
  let bytesRead = 0;
  let lines: string[] = [];
  let chars = 0;
  for await (const chunk of stream) {
    bytesRead += chunk.length;
    const text = carry + decodeChunk(decoder, chunk, lineNumber, true);
    let start = 0;
    let end = text.indexOf("\n");
    while (end !== -1) {
      lines.push(stripCarriageReturn(text.slice(start, end)));
      chars += end - start;
      start = end + 1;
      end = text.indexOf("\n", start);
    }
    carry = text.slice(start);
    if (lines.length >= BATCH_LINES || chars >= BATCH_CHARS) {
      yield { lines, firstLine: lineNumber, bytesRead };
      lineNumber += lines.length;
      lines = [];
      chars = 0;
    }
  }
  carry += decodeChunk(decoder, new Uint8Array(0), lineNumber, false);
  if (carry.length > 0) lines.push(stripCarriageReturn(carry));
  if (lines.length > 0) yield { lines, firstLine: lineNumber, bytesRead };
}

function decodeChunk(
  decoder: TextDecoder,
  chunk: Uint8Array,
  lineNumber: number,
  stream: boolean,
): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new TypeError(
      `Cannot read CSV: invalid UTF-8 bytes near line ${lineNumber}; save the file as UTF-8`,
    );
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

function quotesBalanced(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) {
    count++;
  }
  return count % 2 === 0;
}

/**
 * Splits one record into trimmed fields, honouring `"` quotes.
 *
 * @param text The record, without its line end.
 * @param delimiter The field separator, one character.
 * @returns The fields; a quoted field loses its quotes and `""` becomes `"`.
 *
 * @example
 * ```ts
 * import { splitFields } from "../../io.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(splitFields(' a , "1,604,118" ,x', ","), ["a", "1,604,118", "x"]);
 * ```
 */
export function splitFields(text: string, delimiter: string): string[] {
  if (!text.includes('"')) {
    const fields = text.split(delimiter);
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const first = field.charCodeAt(0);
      const last = field.charCodeAt(field.length - 1);
      if (first <= 32 || last <= 32) fields[i] = field.trim();
    }
    return fields;
  }
  return splitQuotedFields(text, delimiter);
}

function splitQuotedFields(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= text.length) {
    while (i < text.length && isBlank(text[i]) && text[i] !== delimiter) i++;
    if (text[i] === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) {
          value += text.slice(j);
          j = text.length;
          break;
        }
        value += text.slice(j, close);
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      let next = text.indexOf(delimiter, j);
      if (next === -1) next = text.length;
      fields.push(value + text.slice(j, next).trim());
      i = next + 1;
    } else {
      let next = text.indexOf(delimiter, i);
      if (next === -1) next = text.length;
      fields.push(text.slice(i, next).trim());
      i = next + 1;
    }
  }
  return fields;
}

function isBlank(character: string): boolean {
  return character === " " || character === "\t";
}

/**
 * Reads the real fine traces the realism evaluation uses, as sample times in
 * seconds from the first sample and values; `resampleToGrid` from mod.ts puts
 * them on a regular grid.
 *
 * Two formats: the UCC 5G throughput logs (`Timestamp` as
 * `YYYY.MM.DD_HH.MM.SS`, `DL_bitrate` in kbit/s, `-` for a missing value,
 * steps of 1 to 2 s with repeated timestamps) and two-or-more-column tables
 * whose first column is whole seconds (the Bellcore per-second counts).
 *
 * @module
 */

/** A fine trace: sample times in seconds from the first sample, and values. */
export interface FineTrace {
  times: Float64Array;
  values: Float64Array;
}

/** Reads a trace file, choosing the format from its header. */
export function readFineTrace(path: string, column?: string): FineTrace {
  const lines = Deno.readTextFileSync(path).split(/\r?\n/).filter((line) =>
    line.length > 0
  );
  const header = lines[0].split(",");
  if (header[0] === "Timestamp") {
    const index = header.indexOf(column ?? "DL_bitrate");
    if (index < 0) {
      throw new RangeError(
        `Cannot read ${path}: no column ${
          column ?? "DL_bitrate"
        }; pass one of ${header.join(", ")}`,
      );
    }
    return collect(lines, (cells) => parseUccTime(cells[0]), index);
  }
  const index = column === undefined ? 1 : header.indexOf(column);
  if (index < 1) {
    throw new RangeError(
      `Cannot read ${path}: no value column ${column}; pass one of ${
        header.slice(1).join(", ")
      }`,
    );
  }
  return collect(lines, (cells) => Number(cells[0]), index);
}

function collect(
  lines: string[],
  time: (cells: string[]) => number,
  index: number,
): FineTrace {
  const times: number[] = [];
  const values: number[] = [];
  for (let row = 1; row < lines.length; row++) {
    const cells = lines[row].split(",");
    const t = time(cells);
    const text = cells[index]?.trim();
    const value = text === undefined || text === "-" || text === ""
      ? NaN
      : Number(text);
    if (!Number.isFinite(t)) {
      throw new RangeError(`Cannot read row ${row + 1}: bad time ${cells[0]}`);
    }
    if (value === value) {
      times.push(t);
      values.push(value);
    }
  }
  const first = times[0];
  return {
    times: Float64Array.from(times, (t) => t - first),
    values: Float64Array.from(values),
  };
}

/** Parses `YYYY.MM.DD_HH.MM.SS` as seconds since the epoch, read as UTC. */
export function parseUccTime(text: string): number {
  const match = /^(\d{4})\.(\d{2})\.(\d{2})_(\d{2})\.(\d{2})\.(\d{2})$/.exec(
    text.trim(),
  );
  if (match === null) {
    throw new RangeError(
      `Cannot parse timestamp ${
        JSON.stringify(text)
      }: expected YYYY.MM.DD_HH.MM.SS`,
    );
  }
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
}

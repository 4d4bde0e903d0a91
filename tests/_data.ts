/**
 * Reads columns of the real traffic files kept beside the repository, for
 * tests that need real series. The files are plain comma-separated tables
 * without quoted fields.
 *
 * @module
 */

import { coarsenFineToSlots } from "../mod.ts";

const DATA = new URL("../../shared/data/", import.meta.url);

/** Reads the named numeric columns of a data file, by path under the data folder. */
export function readColumns(
  path: string,
  columns: string[],
  headerLine = 0,
): Float64Array[] {
  const lines = Deno.readTextFileSync(new URL(path, DATA)).split(/\r?\n/);
  const header = lines[headerLine].split(",");
  const indices = columns.map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`No column ${name} in ${path}`);
    return index;
  });
  const rows = lines.slice(headerLine + 1).filter((line) => line.length > 0);
  return indices.map((index) =>
    Float64Array.from(rows, (line) => Number(line.split(",")[index]))
  );
}

/** Reads the second column of a two-column file with a long header. */
export function readSecondColumn(path: string): Float64Array {
  const lines = Deno.readTextFileSync(new URL(path, DATA)).split(/\r?\n/);
  const rows = lines.slice(1).filter((line) => line.length > 0);
  return Float64Array.from(rows, (line) => Number(line.split(",")[1]));
}

/** Averages consecutive runs of `size` values, dropping a partial last run. */
export function blockMeans(values: ArrayLike<number>, size: number) {
  const whole = Math.floor(values.length / size) * size;
  return coarsenFineToSlots(Array.prototype.slice.call(values, 0, whole), size);
}

/**
 * Reads a UCC 5G trace's DL_bitrate (kbit/s) and averages its samples into
 * slots of `slotS` seconds by timestamp; a slot without samples is NaN.
 */
export function readUccSlots(path: string, slotS: number): Float64Array {
  const lines = Deno.readTextFileSync(new URL(path, DATA)).split(/\r?\n/);
  const header = lines[0].split(",");
  const timeIndex = header.indexOf("Timestamp");
  const rateIndex = header.indexOf("DL_bitrate");
  const seconds: number[] = [];
  const rates: number[] = [];
  for (const line of lines.slice(1)) {
    if (line.length === 0) continue;
    const fields = line.split(",");
    const [date, time] = fields[timeIndex].split("_");
    const [y, mo, d] = date.split(".").map(Number);
    const [h, mi, s] = time.split(".").map(Number);
    const rate = Number(fields[rateIndex]);
    if (fields[rateIndex] === "-" || !Number.isFinite(rate)) continue;
    seconds.push(Date.UTC(y, mo - 1, d, h, mi, s) / 1000);
    rates.push(rate);
  }
  const start = seconds[0];
  const slots = Math.floor((seconds[seconds.length - 1] - start) / slotS) + 1;
  const sums = new Float64Array(slots);
  const counts = new Float64Array(slots);
  for (let i = 0; i < seconds.length; i++) {
    const slot = Math.floor((seconds[i] - start) / slotS);
    sums[slot] += rates[i];
    counts[slot]++;
  }
  return sums.map((sum, i) => counts[i] > 0 ? sum / counts[i] : NaN);
}

/**
 * Writing the output of a run: series split into contiguous blocks (one per
 * worker), each chunk's rows joined across blocks, and the file committed
 * only when every row is written.
 *
 * @module
 */

import { OutputSink } from "./atomic_file.ts";
import { type BlockRunner, startBlock } from "./block_runner.ts";
import type { CoarseChunk } from "./coarse_source.ts";
import { csvLine } from "./csv_write.ts";
import type { RunOptions } from "./pipeline.ts";
import type { BlockBytes, BlockConfig, SeriesCheck } from "./series_block.ts";
import type { TableScan } from "./table_scan.ts";

/**
 * Generates and writes every row of a run.
 *
 * @param options The run's options (output, layout, workers, shard).
 * @param scan The first pass's result.
 * @param series The keys of the series to write, in order.
 * @param config The blocks' configuration, except what differs per block.
 * @param chunks The coarse slots, in order.
 * @param ranges Long input: each series' first and last slot.
 * @returns The checks of every series and the bytes written.
 */
export async function writeOutput(
  options: RunOptions,
  scan: TableScan,
  series: string[],
  config: Omit<BlockConfig, "keys" | "writesTime" | "ranges">,
  chunks: AsyncIterable<CoarseChunk> | Iterable<CoarseChunk>,
  ranges: [number, number][] | undefined,
): Promise<{ checks: SeriesCheck[]; bytes: number }> {
  if (series.length === 0) {
    throw new RangeError(
      `Cannot write ${options.output}: the shard ${options.shard?.index}/${options.shard?.count} has no series (the input has fewer series than shards)`,
    );
  }
  const blocks = splitBlocks(series.length, options.workers);
  const multi = blocks.length > 1;
  const runners: BlockRunner[] = blocks.map(([start, end], b) =>
    startBlock({
      ...config,
      keys: series.slice(start, end),
      writesTime: b === 0,
      ranges: ranges?.slice(start, end),
      standalone: !multi,
    }, multi)
  );
  const sink = await OutputSink.open(options.output);
  try {
    const timeName = scan.time?.name ?? "timestamp";
    await sink.write(
      options.format === "wide"
        ? csvLine([timeName, ...series])
        : "item_id,timestamp,target\n",
    );
    let pending: Promise<BlockBytes[]> | undefined;
    for await (const chunk of chunks) {
      const next = Promise.all(
        runners.map((runner, b) =>
          runner.push(chunk.values.slice(blocks[b][0], blocks[b][1]))
        ),
      );
      if (pending) await sink.write(mergeBlocks(await pending, config.layout));
      pending = next;
    }
    if (pending) await sink.write(mergeBlocks(await pending, config.layout));
    const finals = await Promise.all(runners.map((runner) => runner.finish()));
    await sink.write(mergeBlocks(finals, config.layout));
    await sink.commit();
    return {
      checks: finals.flatMap((f) => f.checks),
      bytes: sink.bytesWritten,
    };
  } catch (error) {
    await sink.abort();
    throw error;
  } finally {
    for (const runner of runners) runner.close();
  }
}

/** Splits `count` series into at most `workers` contiguous blocks. */
function splitBlocks(count: number, workers: number): [number, number][] {
  const n = Math.max(1, Math.min(workers, count));
  const blocks: [number, number][] = [];
  for (let b = 0; b < n; b++) {
    blocks.push([
      Math.floor((b * count) / n),
      Math.floor(((b + 1) * count) / n),
    ]);
  }
  return blocks;
}

/** Joins the rows of several blocks side by side (wide) or in turn (long). */
function mergeBlocks(
  parts: BlockBytes[],
  layout: "wide" | "long",
): Uint8Array {
  if (parts.length === 1) return parts[0].bytes;
  const rows = parts[0].rows;
  if (parts.some((part) => part.rows !== rows)) {
    throw new Error(
      `Blocks of series returned different row counts (${
        parts.map((part) => part.rows).join(", ")
      }); this is a bug`,
    );
  }
  const wide = layout === "wide";
  let size = 0;
  for (const part of parts) size += part.bytes.length;
  const merged = new Uint8Array(size + (wide ? rows * parts.length : 0));
  let position = 0;
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < parts.length; b++) {
      const { bytes, rowEnds } = parts[b];
      const start = r === 0 ? 0 : rowEnds![r - 1];
      if (wide && b > 0) merged[position++] = COMMA;
      merged.set(bytes.subarray(start, rowEnds![r]), position);
      position += rowEnds![r] - start;
    }
    if (wide) merged[position++] = NEWLINE;
  }
  return merged;
}

const COMMA = 44;
const NEWLINE = 10;

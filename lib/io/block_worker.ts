/**
 * The Web Worker side of a block of series: it builds the block from the
 * first message, then replies to each `push` and the final `finish` in order.
 *
 * @module
 */

/// <reference lib="deno.worker" />

import { SeriesBlock } from "./series_block.ts";

let block: SeriesBlock | undefined;
let failed: string | undefined;

self.onmessage = (event: MessageEvent) => {
  const message = event.data;
  if (message.type === "init") {
    try {
      block = new SeriesBlock(message.config);
    } catch (error) {
      failed = (error as Error).message;
    }
    return;
  }
  if (failed !== undefined || block === undefined) {
    self.postMessage({ error: failed ?? "The block was not initialised" });
    return;
  }
  try {
    const value = message.type === "push"
      ? block.push(message.values)
      : block.finish();
    const transfer: Transferable[] = [value.bytes.buffer];
    if (value.rowEnds) transfer.push(value.rowEnds.buffer);
    self.postMessage({ value }, transfer);
  } catch (error) {
    self.postMessage({ error: (error as Error).message });
  }
};

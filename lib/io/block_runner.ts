/**
 * Runs blocks of series in the main thread or in Web Workers, with the same
 * interface, so that output is identical whatever the number of workers.
 *
 * @module
 */

import {
  type BlockBytes,
  type BlockConfig,
  SeriesBlock,
  type SeriesCheck,
} from "./series_block.ts";

/** A block of series, running somewhere. */
export interface BlockRunner {
  /**
   * Hands over the next slots, one array per series of the block, and
   * resolves to the rows now complete. A worker takes over the arrays'
   * buffers, so the caller must not use the arrays afterwards.
   */
  push(values: Float64Array[]): Promise<BlockBytes>;
  /**
   * Resolves to the last rows and one check per series, after every chunk
   * pushed before.
   */
  finish(): Promise<BlockBytes & { checks: SeriesCheck[] }>;
  /**
   * Terminates the worker, if any. Call it once the runner is done or has
   * failed.
   */
  close(): void;
}

/**
 * Starts a block in the main thread or in a new worker.
 *
 * @param config The block's configuration.
 * @param inWorker True to run it in a Web Worker.
 * @returns The runner.
 */
export function startBlock(
  config: BlockConfig,
  inWorker: boolean,
): BlockRunner {
  return inWorker ? new WorkerRunner(config) : new LocalRunner(config);
}

class LocalRunner implements BlockRunner {
  readonly #block: SeriesBlock;

  constructor(config: BlockConfig) {
    this.#block = new SeriesBlock(config);
  }

  push(values: Float64Array[]): Promise<BlockBytes> {
    return Promise.resolve(this.#block.push(values));
  }

  finish(): Promise<BlockBytes & { checks: SeriesCheck[] }> {
    return Promise.resolve(this.#block.finish());
  }

  close(): void {}
}

type Reply = { error?: string; value?: unknown };

class WorkerRunner implements BlockRunner {
  readonly #worker: Worker;
  readonly #waiting: {
    resolve: (v: unknown) => void;
    reject: (e: Error) => void;
  }[] = [];
  #failure: Error | undefined;

  constructor(config: BlockConfig) {
    this.#worker = new Worker(
      new URL("./block_worker.ts", import.meta.url).href,
      { type: "module" },
    );
    this.#worker.onmessage = (event: MessageEvent<Reply>) => {
      const waiter = this.#waiting.shift();
      if (event.data.error !== undefined) {
        waiter?.reject(new RangeError(event.data.error));
      } else {
        waiter?.resolve(event.data.value);
      }
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#failure = new Error(`A worker failed: ${event.message}`);
      for (const waiter of this.#waiting.splice(0)) {
        waiter.reject(this.#failure);
      }
    };
    this.#worker.postMessage({ type: "init", config });
  }

  #request<T>(message: unknown, transfer: Transferable[] = []): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage(message, transfer);
    });
  }

  push(values: Float64Array[]): Promise<BlockBytes> {
    return this.#request({ type: "push", values }, values.map((v) => v.buffer));
  }

  finish(): Promise<BlockBytes & { checks: SeriesCheck[] }> {
    return this.#request({ type: "finish" });
  }

  close(): void {
    this.#worker.terminate();
  }
}

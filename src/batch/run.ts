/**
 * Running many inputs through the worker pool with flat memory: at most `window` inputs are between "sent to a
 * worker" and "handed to the writer", results are handed over as they finish (or in input order when the
 * output is one stream), and nothing but the serialised text passes through the main thread.
 */
import { availableParallelism } from "node:os";
import { PoolTaskError, WorkerPool } from "./pool.ts";
import type { InputItem } from "./inputs.ts";
import type { TaskConfig, TaskInput, TaskResult } from "./task.ts";
import { WORKER_MAX_OLD_GENERATION_MB, WORKER_MAX_YOUNG_GENERATION_MB } from "../settings/limits.ts";

export interface WindowOptions {
  /** Max inputs in flight or waiting to be delivered. */
  window: number;
  /** Deliver in input order (a reorder buffer, bounded by `window`) instead of completion order. */
  ordered: boolean;
  signal?: AbortSignal;
}

/**
 * Run `work` over items with at most `window` outstanding, delivering each result once through `deliver`
 * (one delivery at a time). `work` must not reject. A rejection from `deliver` stops the run and is rethrown.
 */
export async function runWindowed<I, R>(
  items: readonly I[],
  work: (item: I, index: number) => Promise<R>,
  deliver: (result: R, item: I, index: number) => Promise<void>,
  opts: WindowOptions,
): Promise<void> {
  const window = Math.max(1, opts.window);
  let delivered = 0;
  let started = 0;
  let nextInOrder = 0;
  let failure: { error: unknown } | null = null;
  const waiting = new Map<number, R>();
  let chain = Promise.resolve();
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const sleep = () => new Promise<void>((r) => (wake = r));
  const stopped = () => failure !== null || opts.signal?.aborted === true;

  const enqueue = (result: R, index: number) => {
    chain = chain
      .then(() => (stopped() ? undefined : deliver(result, items[index], index)))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        delivered++;
        notify();
      });
  };
  const done = (index: number, result: R) => {
    if (!opts.ordered) return enqueue(result, index);
    waiting.set(index, result);
    while (waiting.has(nextInOrder)) {
      const r = waiting.get(nextInOrder)!;
      waiting.delete(nextInOrder);
      enqueue(r, nextInOrder++);
    }
  };
  const onAbort = () => notify();
  opts.signal?.addEventListener("abort", onAbort);
  try {
    for (let i = 0; i < items.length; i++) {
      while (started - delivered >= window && !stopped()) await sleep();
      if (stopped()) break;
      started++;
      void work(items[i], i).then((r) => done(i, r));
    }
    while (delivered < started && !opts.signal?.aborted) await sleep();
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
  }
  if (failure) throw (failure as { error: unknown }).error;
}

export interface BatchRunOptions {
  config: TaskConfig;
  /** Workers (default: os.availableParallelism()); never more than there are inputs. */
  jobs?: number;
  /** Per-file limit in ms (0: none). */
  timeoutMs?: number;
  ordered: boolean;
  /** Outstanding inputs (default 4 × jobs). */
  window?: number;
  signal?: AbortSignal;
  /** Bytes for the input `-`. */
  readStdin?: () => Promise<Uint8Array>;
  /** Task module for the workers (default: the compiled ./task.js); tests pass a fake. */
  taskModule?: URL | string;
  maxTasksPerWorker?: number;
  /** Per-worker old-generation limit in MB (default WORKER_MAX_OLD_GENERATION_MB): a file that explodes fails alone. */
  maxHeapMb?: number;
  /** Per-worker young-generation size in MB (default WORKER_MAX_YOUNG_GENERATION_MB). */
  maxYoungMb?: number;
  onWorkerStderr?: (text: string) => void;
}

/** The compiled task module (dist/batch/task.js), also when this module runs from src/. */
export function defaultTaskModule(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/batch/task.js", here) : new URL("./task.js", here);
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** Run every input through a worker pool; `onResult` sees each TaskResult exactly once. */
export async function runBatch(
  items: readonly InputItem[],
  opts: BatchRunOptions,
  onResult: (result: TaskResult, item: InputItem) => Promise<void>,
): Promise<void> {
  if (items.length === 0) return;
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), items.length));
  const pool = new WorkerPool<TaskInput, TaskResult>({
    taskModule: opts.taskModule ?? defaultTaskModule(),
    config: opts.config,
    jobs,
    timeoutMs: opts.timeoutMs,
    maxTasksPerWorker: opts.maxTasksPerWorker,
    // A small young generation keeps each worker's RSS near what it uses (V8 otherwise lets garbage pile up to
    // ~50 MB between scavenges); the old-generation cap makes a file that explodes fail alone.
    resourceLimits: {
      maxOldGenerationSizeMb: opts.maxHeapMb ?? WORKER_MAX_OLD_GENERATION_MB,
      maxYoungGenerationSizeMb: opts.maxYoungMb ?? WORKER_MAX_YOUNG_GENERATION_MB,
    },
    onWorkerStderr: opts.onWorkerStderr,
  });
  const onAbort = () => void pool.close();
  opts.signal?.addEventListener("abort", onAbort);
  try {
    await runWindowed(
      items,
      async (item): Promise<TaskResult> => {
        try {
          const input: TaskInput = { path: item.path === "-" ? "<stdin>" : item.path, explicit: item.explicit };
          const transfer: ArrayBuffer[] = [];
          if (item.path === "-") {
            if (!opts.readStdin) throw new PoolTaskError("crash", "no standard input available");
            // A fresh buffer of its own, so it can be transferred to the worker without copying.
            const bytes = new Uint8Array(await opts.readStdin());
            input.bytes = bytes;
            transfer.push(bytes.buffer);
          }
          return await pool.run(input, transfer);
        } catch (err) {
          const path = item.path === "-" ? "<stdin>" : item.path;
          return { status: "failed", path, error: `${path}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}` };
        }
      },
      (result, item) => onResult(result, item),
      { window: opts.window ?? jobs * 4, ordered: opts.ordered, signal: opts.signal },
    );
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    await pool.close();
  }
}

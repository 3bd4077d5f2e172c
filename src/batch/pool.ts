/**
 * A pool of worker threads running one task module. Each worker takes one task at a time; a task that runs past
 * the timeout gets its worker terminated and replaced, a worker that crashes (uncaught error, out of memory)
 * fails only its current task. Workers are recycled after `maxTasksPerWorker` tasks so a slow leak in a backend
 * cannot grow a 10,000-file run.
 *
 * The host script is compiled JS (dist/batch/worker-host.js): when this module itself runs from src/ (tests,
 * tsx) the host is taken from dist/, which the test setup builds.
 */
import type { ResourceLimits, Worker } from "node:worker_threads";
import { WORKER_MAX_OLD_GENERATION_MB, WORKER_MAX_YOUNG_GENERATION_MB } from "../settings/limits.ts";
import { spawnWorker } from "../worker-exec-argv.ts";

/**
 * Tasks before a worker is replaced. A fresh worker pays ~1.5 s of CPU compiling and optimising pdf.js again;
 * measured over 1,035 fixture files, a worker that never recycled stayed at the same peak RSS (207 MB) as one
 * recycled every 500, so recycling is a safety net for leaks, not a need — kept rare.
 */
const DEFAULT_MAX_TASKS = 2000;

export type PoolErrorKind = "timeout" | "crash" | "startup" | "closed";

export class PoolTaskError extends Error {
  constructor(
    readonly kind: PoolErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "PoolTaskError";
  }
}

export interface PoolOptions {
  /** Module (URL or absolute file URL string) exporting `run(task, config)`. */
  taskModule: URL | string;
  /** Passed to every `run` call (structured-cloned once per worker). */
  config?: unknown;
  /** Number of workers (≥ 1). */
  jobs: number;
  /** Per-task time limit in ms; 0 or undefined: none. */
  timeoutMs?: number;
  /** Replace a worker after this many tasks (default DEFAULT_MAX_TASKS). */
  maxTasksPerWorker?: number;
  /** A worker's V8 heap; default WORKER_MAX_OLD_GENERATION_MB / WORKER_MAX_YOUNG_GENERATION_MB (settings/limits.ts). */
  resourceLimits?: ResourceLimits;
  /** What workers print on stderr (pdf.js warnings …); dropped when not given. Worker stdout is always dropped. */
  onWorkerStderr?: (text: string) => void;
}

interface Job {
  task: unknown;
  transfer: ArrayBuffer[];
  resolve: (v: unknown) => void;
  reject: (e: PoolTaskError) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  tasks: number;
}

/** The compiled worker host next to this module (or in dist/ when running from src/). */
export function workerHostUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/batch/worker-host.js", here) : new URL("./worker-host.js", here);
}

export class WorkerPool<T = unknown, R = unknown> {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private closed = false;
  private everReady = false;
  private startupFailures = 0;
  private nextId = 1;

  constructor(private readonly opts: PoolOptions) {
    if (!Number.isInteger(opts.jobs) || opts.jobs < 1) throw new RangeError("jobs must be a positive integer");
  }

  /** Run one task; rejects with PoolTaskError on timeout, crash or a pool that cannot start. */
  run(task: T, transfer: ArrayBuffer[] = []): Promise<R> {
    if (this.closed) return Promise.reject(new PoolTaskError("closed", "the worker pool is closed"));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ task, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Number of live workers (for tests and progress). */
  get size(): number {
    return this.slots.size;
  }

  /** Stop all workers; queued and running tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PoolTaskError("closed", "the worker pool is closed"));
    const all = [...this.slots];
    for (const s of all) this.kill(s, new PoolTaskError("closed", "the worker pool is closed"));
    await Promise.all(all.map((s) => s.worker.terminate().catch(() => 0)));
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.dead && !slot.job) this.dispatch(slot, this.queue.shift()!);
    }
    const busyOrStarting = [...this.slots].filter((s) => !s.dead).length;
    const idleStarting = [...this.slots].filter((s) => !s.dead && !s.ready).length;
    let want = Math.min(this.opts.jobs - busyOrStarting, this.queue.length - idleStarting);
    while (want-- > 0) this.spawn();
  }

  private spawn(): void {
    const worker = spawnWorker(workerHostUrl(), {
      workerData: { taskModule: String(this.opts.taskModule), config: this.opts.config },
      resourceLimits: this.opts.resourceLimits ?? {
        maxOldGenerationSizeMb: WORKER_MAX_OLD_GENERATION_MB,
        maxYoungGenerationSizeMb: WORKER_MAX_YOUNG_GENERATION_MB,
      },
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    if (this.opts.onWorkerStderr) {
      const forward = this.opts.onWorkerStderr;
      worker.stderr.setEncoding("utf8").on("data", (t: string) => forward(t));
    } else worker.stderr.resume();
    const slot: Slot = { worker, ready: false, dead: false, job: null, timer: null, tasks: 0 };
    this.slots.add(slot);
    worker.on("message", (msg: { type: string; id?: number; value?: unknown; error?: string }) => this.onMessage(slot, msg));
    worker.on("error", (err) => this.onFailure(slot, err));
    worker.on("exit", (code) => this.onFailure(slot, new Error(`worker exited with code ${code}`)));
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    const id = this.nextId++;
    const ms = this.opts.timeoutMs ?? 0;
    if (ms > 0) {
      slot.timer = setTimeout(() => {
        const secs = ms / 1000;
        this.kill(slot, new PoolTaskError("timeout", `timed out after ${Number.isInteger(secs) ? secs : secs.toFixed(1)} s`));
        this.pump();
      }, ms);
    }
    slot.worker.postMessage({ id, task: job.task }, job.transfer);
  }

  private onMessage(slot: Slot, msg: { type: string; id?: number; value?: unknown; error?: string }): void {
    if (slot.dead) return;
    if (msg.type === "ready") {
      slot.ready = true;
      this.everReady = true;
      this.startupFailures = 0;
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.tasks++;
    if (msg.type === "result") job.resolve(msg.value);
    else job.reject(new PoolTaskError("crash", msg.error ?? "task failed"));
    if (slot.tasks >= (this.opts.maxTasksPerWorker ?? DEFAULT_MAX_TASKS)) this.kill(slot, null);
    this.pump();
  }

  private onFailure(slot: Slot, err: Error): void {
    if (slot.dead) return;
    const wasReady = slot.ready;
    const heapMb = this.opts.resourceLimits?.maxOldGenerationSizeMb ?? WORKER_MAX_OLD_GENERATION_MB;
    const reason =
      (err as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY"
        ? `ran out of memory (limit ${heapMb} MB)`
        : err.message.split("\n")[0];
    this.kill(slot, new PoolTaskError("crash", `worker crashed: ${reason}`));
    if (!wasReady) {
      this.startupFailures++;
      // A worker that cannot even load its module will never work: fail everything instead of respawning forever.
      if (!this.everReady || this.startupFailures >= 3) {
        for (const job of this.queue.splice(0)) job.reject(new PoolTaskError("startup", `cannot start worker: ${reason}`));
        return;
      }
    }
    this.pump();
  }

  /** Remove a slot, failing its current job with `error` (null: the worker was idle and is being recycled). */
  private kill(slot: Slot, error: PoolTaskError | null): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    if (job) job.reject(error ?? new PoolTaskError("crash", "worker stopped"));
    void slot.worker.terminate().catch(() => 0);
  }
}

import { describe, expect, it } from "vitest";
import { PoolTaskError, WorkerPool } from "../../src/batch/pool.ts";
import { runBatch } from "../../src/batch/run.ts";
import type { TaskResult } from "../../src/batch/task.ts";

const fake = new URL("./fixtures/fake-task.mjs", import.meta.url);

type Out = { value?: unknown; config?: unknown; threadId: number };

/**
 * A task module for the concurrency test: `barrier` counts itself in a shared counter and waits until `parties`
 * tasks have arrived (each on its own worker), so the test proves concurrency without depending on timing. The
 * wait is bounded (60 s) only so that a broken pool fails the test instead of hanging it.
 */
const barrierTask = `data:text/javascript,${encodeURIComponent(`
import { threadId } from "node:worker_threads";
export function run(task, config) {
  if (task.kind === "echo") return { value: task.value, config, threadId };
  const counter = new Int32Array(task.arrived);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
  const deadline = Date.now() + 60000;
  let seen;
  while ((seen = Atomics.load(counter, 0)) < task.parties && Date.now() < deadline) Atomics.wait(counter, 0, seen, 1000);
  return { value: task.value, met: Atomics.load(counter, 0) >= task.parties, threadId };
}
`)}`;

describe("worker pool", () => {
  it("runs tasks on up to `jobs` threads and passes the config", async () => {
    // No timing: the first two tasks wait for each other at a barrier, which opens only when two workers run
    // them at the same time; the pool starts exactly `jobs` workers for four queued tasks, never more.
    const pool = new WorkerPool<Record<string, unknown>, Out & { met?: boolean }>({ taskModule: barrierTask, jobs: 2, config: { c: 1 } });
    try {
      const arrived = new SharedArrayBuffer(4);
      const runs = [1, 2, 3, 4].map((v) => pool.run({ kind: "barrier", arrived, parties: 2, value: v }));
      expect(pool.size).toBe(2);
      const outs = await Promise.all(runs);
      expect(outs.map((o) => o.value)).toEqual([1, 2, 3, 4]);
      expect(outs.map((o) => o.met)).toEqual([true, true, true, true]);
      expect(new Set(outs.slice(0, 2).map((o) => o.threadId)).size).toBe(2);
      expect(new Set(outs.map((o) => o.threadId)).size).toBe(2);
      expect(pool.size).toBeLessThanOrEqual(2);
      expect((await pool.run({ kind: "echo", value: "中文" })).config).toEqual({ c: 1 });
    } finally {
      await pool.close();
    }
  });

  it("kills a task that runs past the timeout and replaces its worker", async () => {
    const pool = new WorkerPool<Record<string, unknown>, Out>({ taskModule: fake, jobs: 1, timeoutMs: 300 });
    try {
      const t0 = performance.now();
      const err = await pool.run({ kind: "spin" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PoolTaskError);
      expect((err as PoolTaskError).kind).toBe("timeout");
      expect((err as Error).message).toBe("timed out after 0.3 s");
      expect(performance.now() - t0).toBeLessThan(5000);
      await expect(pool.run({ kind: "hang" })).rejects.toThrow(/timed out/);
      // The pool still works afterwards.
      expect((await pool.run({ kind: "echo", value: 7 })).value).toBe(7);
    } finally {
      await pool.close();
    }
  });

  it("fails only the current task when a worker crashes or a task throws", async () => {
    const pool = new WorkerPool<Record<string, unknown>, Out>({ taskModule: fake, jobs: 1 });
    try {
      await expect(pool.run({ kind: "crash" })).rejects.toThrow(/worker crashed: boom in a callback/);
      await expect(pool.run({ kind: "throw" })).rejects.toThrow(/^bad task$/);
      expect((await pool.run({ kind: "echo", value: 1 })).value).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("turns a worker running out of memory into one failed task", async () => {
    const pool = new WorkerPool<Record<string, unknown>, Out>({
      taskModule: fake,
      jobs: 1,
      resourceLimits: { maxOldGenerationSizeMb: 32 },
    });
    try {
      await expect(pool.run({ kind: "alloc" })).rejects.toThrow(/worker crashed/);
      expect((await pool.run({ kind: "echo", value: 2 })).value).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it("recycles workers after maxTasksPerWorker tasks", async () => {
    const pool = new WorkerPool<Record<string, unknown>, Out>({ taskModule: fake, jobs: 1, maxTasksPerWorker: 2 });
    try {
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await pool.run({ kind: "echo", value: i })).threadId);
      expect(new Set(ids).size).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it("fails fast, without hanging, when the task module cannot load", async () => {
    const pool = new WorkerPool({ taskModule: new URL("./fixtures/missing.mjs", import.meta.url), jobs: 2 });
    try {
      const results = await Promise.allSettled([pool.run({}), pool.run({}), pool.run({})]);
      for (const r of results) {
        expect(r.status).toBe("rejected");
        expect(((r as PromiseRejectedResult).reason as PoolTaskError).message).toMatch(/worker|Cannot find/);
      }
    } finally {
      await pool.close();
    }
  });
});

describe("runBatch with a per-file timeout", () => {
  it("reports a hung file as failed and finishes the others", async () => {
    const items = ["ok-1.txt", "hang-2.txt", "ok-3.txt", "spin-4.txt", "ok-5.txt"].map((path) => ({ path, explicit: false }));
    const seen: TaskResult[] = [];
    const t0 = performance.now();
    await runBatch(
      items,
      { config: { command: "validate", validate: {} }, jobs: 2, timeoutMs: 400, ordered: true, taskModule: fake },
      async (r) => {
        seen.push(r);
      },
    );
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(seen.map((r) => [r.path, r.status])).toEqual([
      ["ok-1.txt", "ok"],
      ["hang-2.txt", "failed"],
      ["ok-3.txt", "ok"],
      ["spin-4.txt", "failed"],
      ["ok-5.txt", "ok"],
    ]);
    const failed = seen.filter((r) => r.status === "failed") as Extract<TaskResult, { status: "failed" }>[];
    expect(failed.map((f) => f.error)).toEqual(["hang-2.txt: timed out after 0.4 s", "spin-4.txt: timed out after 0.4 s"]);
  });
});

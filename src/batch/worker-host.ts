/**
 * The body of every pool worker: load the task module named in workerData, say `ready`, then run one task per
 * message. Loading first matters: a per-file timeout must not count the time to import pdf.js.
 *
 * Messages to the parent: {type: "ready"} | {type: "result", id, value} | {type: "error", id, error}.
 *
 * Asynchronous failures nobody awaited (an unhandled promise rejection) would otherwise kill the thread, and the
 * pool would blame the crash on whichever file the worker was reading by then. Each is attributed instead:
 * - one a document took as its own (the PDF backend claims what pdf.js leaves unhandled while a document is
 *   open, see formats/pdf/late-failures.ts) is that document's warning, nothing more here;
 * - one arising while a task runs, or in the turn of the event loop after it (a task's result is posted only
 *   then, so what it left pending surfaces while it is still the current one), fails that task with one line;
 * - one arising between tasks is reported on stderr with the file the worker read last.
 * The worker survives each of them and goes on with the next task.
 */
import { parentPort, workerData } from "node:worker_threads";

interface HostData {
  taskModule: string;
  config: unknown;
}

interface TaskModule {
  run(task: unknown, config: unknown): Promise<unknown> | unknown;
}

const port = parentPort;
if (!port) throw new Error("worker-host.js must run in a worker thread");
const { taskModule, config } = workerData as HostData;

/** Promises a document claimed as its own (shared with the PDF backend through the global symbol registry). */
function claimed(promise: Promise<unknown>): boolean {
  const set = (globalThis as Record<symbol, WeakSet<Promise<unknown>> | undefined>)[Symbol.for("jixiao.claimedRejections")];
  return set?.has(promise) ?? false;
}

function oneLine(reason: unknown): string {
  const r = reason as { name?: unknown; message?: unknown } | null;
  const text = typeof r?.message === "string" ? `${typeof r.name === "string" ? r.name : "Error"}: ${r.message}` : String(reason);
  return text.split("\n")[0].slice(0, 300);
}

/** Fails the running task (null between tasks). */
let failCurrent: ((err: Error) => void) | null = null;
/** What the worker read last, to name it for a failure between tasks. */
let lastTask = "";

process.on("unhandledRejection", (reason, promise) => {
  if (claimed(promise)) return;
  const line = `an asynchronous step failed (${oneLine(reason)})`;
  if (failCurrent) failCurrent(new Error(line));
  else process.stderr.write(`jixiao: ${lastTask ? `${lastTask}: ` : ""}${line}, after the file was done\n`);
});

const mod = (await import(taskModule)) as TaskModule;
if (typeof mod.run !== "function") throw new Error(`${taskModule} does not export run(task, config)`);

port.on("message", async (msg: { id: number; task: unknown }) => {
  const path = (msg.task as { path?: unknown } | null)?.path;
  lastTask = typeof path === "string" ? path : `task ${msg.id}`;
  let asyncFailure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    failCurrent = (err) => {
      asyncFailure ??= err;
      reject(err);
    };
  });
  failed.catch(() => undefined);
  try {
    const value = await Promise.race([Promise.resolve().then(() => mod.run(msg.task, config)), failed]);
    // One turn of the event loop: a rejection the task left pending is reported now, while it is still current.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (asyncFailure) throw asyncFailure;
    port.postMessage({ type: "result", id: msg.id, value });
  } catch (err) {
    const error = err instanceof Error ? err.message.split("\n")[0] : String(err);
    port.postMessage({ type: "error", id: msg.id, error });
  } finally {
    failCurrent = null;
  }
});
port.postMessage({ type: "ready" });

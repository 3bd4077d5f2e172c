/**
 * The body of every pool worker: load the task module named in workerData, say `ready`, then run one task per
 * message. Loading first matters: a per-file timeout must not count the time to import pdf.js.
 *
 * Messages to the parent: {type: "ready"} | {type: "result", id, value} | {type: "error", id, error}.
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

const mod = (await import(taskModule)) as TaskModule;
if (typeof mod.run !== "function") throw new Error(`${taskModule} does not export run(task, config)`);

port.on("message", async (msg: { id: number; task: unknown }) => {
  try {
    const value = await mod.run(msg.task, config);
    port.postMessage({ type: "result", id: msg.id, value });
  } catch (err) {
    const error = err instanceof Error ? err.message.split("\n")[0] : String(err);
    port.postMessage({ type: "error", id: msg.id, error });
  }
});
port.postMessage({ type: "ready" });

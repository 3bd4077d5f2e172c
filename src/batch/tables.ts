/**
 * `jixiao tables` as a library function: one document's raw grids as JSON or CSV blocks, read in a worker so
 * the timeout applies, written to stdout or atomically to a file.
 */
import type { Writable } from "node:stream";
import type { MergedSlots } from "../output/grid.ts";
import { FileTarget, StreamTarget, type TextTarget } from "../output/sinks.ts";
import { exitCodeFor, writeError } from "./extract.ts";
import type { InputItem } from "./inputs.ts";
import { silentLog, type BatchLog } from "./log.ts";
import { runBatch, type BatchRunOptions } from "./run.ts";
import type { TaskResult } from "./task.ts";

export interface TablesOptions {
  input: InputItem;
  format: "json" | "csv";
  merged?: MergedSlots;
  bom?: boolean;
  out?: string | null;
  timeoutMs?: number;
  signal?: AbortSignal;
  readStdin?: () => Promise<Uint8Array>;
  stdout: Writable;
  log?: BatchLog;
  run?: Pick<BatchRunOptions, "taskModule">;
}

export async function tablesOf(opts: TablesOptions): Promise<{ exitCode: number }> {
  const log = opts.log ?? silentLog;
  let result: TaskResult | null = null;
  await runBatch(
    [{ ...opts.input, explicit: true }],
    {
      config: { command: "tables", format: opts.format, merged: opts.merged ?? "repeat", bom: opts.bom ?? true },
      jobs: 1,
      timeoutMs: opts.timeoutMs,
      ordered: true,
      signal: opts.signal,
      readStdin: opts.readStdin,
      ...opts.run,
    },
    async (r) => {
      result = r;
    },
  );
  const r = result as TaskResult | null;
  if (!r) return { exitCode: 0 };
  if (r.status !== "ok") {
    log.error(r.status === "failed" ? r.error : `${r.path}: ${r.reason}`);
    return { exitCode: exitCodeFor(true, 1, false) };
  }
  for (const d of r.docs) for (const w of d.warnings) log.verbose(`${d.document}: warning: ${w}`);
  const target: TextTarget = opts.out ? new FileTarget(opts.out) : new StreamTarget(opts.stdout);
  try {
    await target.write(opts.format === "json" ? r.text + "\n" : r.text);
    await target.commit();
  } catch (err) {
    await target.abort();
    throw writeError(err, opts.out ?? "stdout");
  }
  return { exitCode: 0 };
}

/**
 * `jixiao tables` as a library function: one document's raw grids as JSON or CSV blocks, read in a worker so
 * the timeout applies, written to stdout or atomically to a file.
 */
import type { Writable } from "node:stream";
import { JixiaoError } from "../errors.ts";
import type { WriteFn } from "../output/atomic.ts";
import type { MergedSlots } from "../output/grid.ts";
import { StreamTarget, type TextTarget } from "../output/sinks.ts";
import { classifyOutput, targetFor } from "../output/target.ts";
import { exitCodeFor, writeFailureLine } from "./extract.ts";
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
  /** The write call for an output file (tests inject a full disk). */
  write?: WriteFn;
}

/** Where `-o` goes, decided before reading: a file (atomic), a stream, or a usage error (see output/target.ts). */
async function outputTarget(opts: TablesOptions): Promise<TextTarget> {
  if (!opts.out) return new StreamTarget(opts.stdout);
  const kind = await classifyOutput(opts.out);
  if (kind.kind === "refused") throw new JixiaoError("usage", kind.reason, opts.out);
  if (kind.kind === "directory") throw new JixiaoError("usage", "is a directory: -o takes the file to write", opts.out);
  return targetFor(kind, opts.stdout, { write: opts.write });
}

export async function tablesOf(opts: TablesOptions): Promise<{ exitCode: number }> {
  const log = opts.log ?? silentLog;
  const target = await outputTarget(opts);
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
  if (!r) {
    await target.abort();
    return { exitCode: 0 };
  }
  if (r.status !== "ok") {
    await target.abort();
    log.error(r.status === "failed" ? r.error : `${r.path}: ${r.reason}`);
    return { exitCode: exitCodeFor(true, 1, false) };
  }
  for (const d of r.docs) for (const w of d.warnings) log.verbose(`${d.document}: warning: ${w}`);
  try {
    await target.write(opts.format === "json" ? r.text + "\n" : r.text);
    await target.commit();
  } catch (err) {
    await target.abort();
    log.error(writeFailureLine(r.path, opts.out ?? "stdout", err));
    return { exitCode: exitCodeFor(true, 1, false) };
  }
  return { exitCode: 0 };
}

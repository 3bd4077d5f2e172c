/**
 * `jixiao extract` as a library function: inputs → worker pool → a sink (stdout, one file, or a mirrored
 * directory), with the exit status the CLI returns.
 *
 * Where `out` goes: without it, stdout. With several inputs and JSON, `out` is a directory (one file per input,
 * mirrored paths). With NDJSON or CSV, `out` is one combined file unless it is an existing directory or ends
 * with a path separator. With a single input, `out` is the file, unless it is an existing directory.
 */
import { stat } from "node:fs/promises";
import type { Writable } from "node:stream";
import { JixiaoError } from "../errors.ts";
import type { Severity } from "../model/types.ts";
import type { CsvLevel } from "../output/csv-columns.ts";
import { isInside, mirrorPaths } from "../output/paths.ts";
import { DirectorySink, FileTarget, StreamSink, StreamTarget, type DocumentSink, type ExtractFormat } from "../output/sinks.ts";
import type { ValidateOptions } from "../validate/index.ts";
import type { ExpandedInputs, InputItem } from "./inputs.ts";
import { silentLog, type BatchLog } from "./log.ts";
import { BatchStats, summaryLine } from "./progress.ts";
import { runBatch, type BatchRunOptions } from "./run.ts";
import type { TaskResult } from "./task.ts";

export interface ExtractBatchOptions {
  inputs: ExpandedInputs;
  format: ExtractFormat;
  out?: string | null;
  csvLevel?: CsvLevel;
  /** UTF-8 BOM in CSV (default true). */
  bom?: boolean;
  /** Run the validator and add `findings` (null/undefined: don't). */
  validate?: ValidateOptions | null;
  /** With validate: exit 1 when findings reach this severity (default never). */
  failOn?: Severity | "never";
  jobs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  readStdin?: () => Promise<Uint8Array>;
  stdout: Writable;
  log?: BatchLog;
  /** Colour in the stderr validation report. */
  color?: boolean;
  /** Passed through to runBatch (tests). */
  run?: Pick<BatchRunOptions, "taskModule" | "maxTasksPerWorker" | "window" | "onWorkerStderr">;
}

export interface BatchOutcome {
  exitCode: number;
  stats: BatchStats;
}

/** Exit status shared by the batch commands: 2 a single input failed, 3 some of several failed, 1 findings. */
export function exitCodeFor(single: boolean, failed: number, reachedFailLevel: boolean): number {
  if (failed > 0) return single ? 2 : 3;
  return reachedFailLevel ? 1 : 0;
}

/** A failed write (no space, no permission) as a one-line user error naming the output. */
export function writeError(err: unknown, where: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof JixiaoError || !e?.code) return err;
  const reason = e.code === "ENOSPC" ? "no space left on device" : e.code === "EACCES" ? "permission denied" : e.message.split("\n")[0];
  return new JixiaoError("unreadable", `cannot write output: ${reason}`, e.path ?? where);
}

async function isDirectory(path: string): Promise<boolean> {
  const s = await stat(path).catch(() => null);
  return s?.isDirectory() ?? false;
}

/** Decide where output goes (see the module comment). Throws JixiaoError("usage") for an impossible `out`. */
export async function planExtractOutput(opts: ExtractBatchOptions): Promise<{ sink: DocumentSink; ordered: boolean }> {
  const { format, out, inputs } = opts;
  const header =
    format === "csv" ? await (await import("../output/csv.ts")).csvHeader(opts.csvLevel ?? "indicator", { bom: opts.bom }) : undefined;
  const single = inputs.single;
  if (!out) return { sink: new StreamSink(new StreamTarget(opts.stdout), format, { single, header }), ordered: true };
  const existingDir = await isDirectory(out);
  const wantsDir = existingDir || /[\\/]$/.test(out) || (format === "json" && !single);
  if (!wantsDir) return { sink: new StreamSink(new FileTarget(out), format, { single, header }), ordered: true };
  if (!existingDir) {
    const s = await stat(out).catch(() => null);
    if (s) throw new JixiaoError("usage", "several inputs need a directory for -o, but this is a file", out);
  }
  const ext = format === "csv" ? ".csv" : ".json";
  const paths = mirrorPaths(
    out,
    inputs.items.map((i: InputItem) => (i.path === "-" ? "<stdin>" : i.path)),
    ext,
  );
  return { sink: new DirectorySink(out, paths, { header, format }), ordered: false };
}

/** Inputs found below the output directory are earlier outputs: a rerun must not read its own results. */
function withoutOutputs(inputs: ExpandedInputs, out: string | null | undefined): ExpandedInputs {
  if (!out) return inputs;
  const items = inputs.items.filter((i) => i.explicit || i.path === "-" || !isInside(out, i.path));
  return items.length === inputs.items.length ? inputs : { ...inputs, items };
}

export async function extractBatch(opts: ExtractBatchOptions): Promise<BatchOutcome> {
  const log = opts.log ?? silentLog;
  const inputs = withoutOutputs(opts.inputs, opts.out);
  opts = { ...opts, inputs };
  const { sink, ordered } = await planExtractOutput(opts);
  const report = opts.validate ? await import("../report/index.ts") : null;
  const stats = new BatchStats(inputs.items.length + inputs.problems.length);
  for (const p of inputs.problems) {
    stats.addProblem();
    log.error(`${p.arg}: ${p.reason}`);
  }
  let reached = false;
  const onResult = async (r: TaskResult) => {
    if (r.status === "ok") {
      try {
        await sink.add(r.path, r.text);
      } catch (err) {
        if (!(sink instanceof DirectorySink)) throw err;
        stats.add({ status: "failed", path: r.path, error: "" });
        log.error(`${r.path}: cannot write output: ${(err as Error).message.split("\n")[0]}`);
        log.progress(stats);
        return;
      }
    }
    stats.add(r);
    if (r.status === "failed") log.error(r.error);
    else if (r.status === "skipped") log.note(`${r.path}: ${r.reason}`);
    else {
      for (const d of r.docs) {
        const pages = d.pages ? `, ${d.pages} pages` : "";
        log.verbose(`${d.document}: ${d.projects} projects, ${d.indicators} indicators${pages} (${Math.round(r.ms)} ms)`);
        for (const w of d.warnings) log.verbose(`${d.document}: warning: ${w}`);
        if (d.findings && report) {
          if (report.reachesFailLevel(d.findings, opts.failOn ?? "never")) reached = true;
          const text = report.renderReport(
            [{ document: d.document, findings: d.findings, projects: d.projects, indicators: d.indicators }],
            "text",
            { color: opts.color },
          );
          if (text) log.report(text);
        }
      }
    }
    log.progress(stats);
  };
  try {
    await runBatch(
      inputs.items,
      {
        config: { command: "extract", format: opts.format, csvLevel: opts.csvLevel ?? "indicator", validate: opts.validate ?? null },
        jobs: opts.jobs,
        timeoutMs: opts.timeoutMs,
        ordered,
        signal: opts.signal,
        readStdin: opts.readStdin,
        ...opts.run,
      },
      onResult,
    );
  } catch (err) {
    await sink.abort();
    throw writeError(err, opts.out ?? "stdout");
  }
  if (opts.signal?.aborted) await sink.abort();
  else {
    try {
      await sink.finish();
    } catch (err) {
      await sink.abort();
      throw writeError(err, opts.out ?? "stdout");
    }
    log.summary(summaryLine(stats, { findings: Boolean(opts.validate) }));
  }
  return { exitCode: exitCodeFor(inputs.single, stats.failed, reached), stats };
}

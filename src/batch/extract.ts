/**
 * `jixiao extract` as a library function: inputs → worker pool → a sink (stdout, one file, or a mirrored
 * directory), with the exit status the CLI returns.
 *
 * Where `out` goes: without it, stdout. With several inputs and JSON, `out` is a directory (one file per input,
 * mirrored paths, see output/paths.ts). With NDJSON or CSV, `out` is one combined file unless it is an existing
 * directory or ends with a path separator. With a single input, `out` is the file, unless it is an existing
 * directory. `/dev/stdout`, a FIFO or `/dev/null` is written as a stream (several JSON documents: an array),
 * other special files are refused (output/target.ts). A write that fails is one line naming the input: with one
 * file per input that input fails (exit 3) and the batch goes on; the one stream of a combined output fails the
 * run (exit 2 for a single input, 3 for a batch). Nothing incomplete is ever renamed into place.
 */
import { stat } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
import type { Writable } from "node:stream";
import { JixiaoError } from "../errors.ts";
import type { Severity } from "../model/types.ts";
import type { WriteFn } from "../output/atomic.ts";
import type { CsvLevel } from "../output/csv-columns.ts";
import { writeReason } from "../output/failure.ts";
import { isInside, planOutputPaths, type OutputRename } from "../output/paths.ts";
import { DirectorySink, OutputWriteError, StreamSink, StreamTarget, type DocumentSink, type ExtractFormat } from "../output/sinks.ts";
import { classifyOutput, targetFor } from "../output/target.ts";
import type { ValidateOptions } from "../validate/index.ts";
import type { ExpandedInputs, InputItem } from "./inputs.ts";
import { printable, silentLog, type BatchLog } from "./log.ts";
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
  /** The write call for output files (tests inject a full disk). */
  write?: WriteFn;
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

/** An output path as the user would type it: relative to the working directory when below it. */
export function shownPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : p;
}

/** The one line for an output that could not be written: `<input>: cannot write <output>: <reason>`. */
export function writeFailureLine(input: string, output: string, err: unknown): string {
  return `${input}: cannot write ${output}: ${writeReason(err)}`;
}

/** Thrown through the batch when the one output stream (stdout, a file, a FIFO) fails: the batch stops. */
class StreamOutputFailure {
  constructor(readonly cause: unknown) {}
}

export interface ExtractPlan {
  sink: DocumentSink;
  ordered: boolean;
  /** One file per input: inputs whose output name was taken by another input and got a numbered one. */
  renames: OutputRename[];
}

/**
 * Decide where output goes (see the module comment and output/target.ts), before anything is read. Throws
 * JixiaoError("usage") for an impossible `out` (a block device, a socket, a file where a directory is needed).
 */
export async function planExtractOutput(opts: ExtractBatchOptions): Promise<ExtractPlan> {
  const { format, out, inputs } = opts;
  const header =
    format === "csv" ? await (await import("../output/csv.ts")).csvHeader(opts.csvLevel ?? "indicator", { bom: opts.bom }) : undefined;
  const single = inputs.single;
  const atomic = { write: opts.write };
  if (!out) return { sink: new StreamSink(new StreamTarget(opts.stdout), format, { single, header }), ordered: true, renames: [] };
  const kind = await classifyOutput(out);
  if (kind.kind === "refused") throw new JixiaoError("usage", kind.reason, out);
  if (kind.kind === "fd" || kind.kind === "stream") {
    return { sink: new StreamSink(targetFor(kind, opts.stdout, atomic), format, { single, header }), ordered: true, renames: [] };
  }
  if (kind.kind === "file") {
    const wantsDir = /[\\/]$/.test(out) || (format === "json" && !single);
    if (!wantsDir)
      return { sink: new StreamSink(targetFor(kind, opts.stdout, atomic), format, { single, header }), ordered: true, renames: [] };
    const s = await stat(out.replace(/[\\/]+$/, "") || out).catch(() => null);
    if (s) throw new JixiaoError("usage", "several inputs need a directory for -o, but this is a file", out);
  }
  const ext = format === "csv" ? ".csv" : ".json";
  const plan = planOutputPaths(
    kind.path,
    inputs.items.map((i: InputItem) => (i.path === "-" ? "<stdin>" : i.path)),
    ext,
  );
  return { sink: new DirectorySink(kind.path, plan.paths, { header, format, write: opts.write }), ordered: false, renames: plan.renames };
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
  const { sink, ordered, renames } = await planExtractOutput(opts);
  const report = opts.validate ? await import("../report/index.ts") : null;
  const stats = new BatchStats(inputs.items.length + inputs.problems.length);
  for (const p of inputs.problems) {
    stats.addProblem();
    log.error(`${p.arg}: ${p.reason}`);
  }
  for (const r of renames) {
    log.note(`${r.input}: warning: its output name ${shownPath(r.wanted)} is taken by ${r.clashesWith}; writing ${shownPath(r.path)}`);
  }
  let reached = false;
  const onResult = async (r: TaskResult) => {
    if (r.status === "ok") {
      try {
        await sink.add(r.path, r.text);
      } catch (err) {
        // One file per input: this input failed, the batch goes on. One stream: the whole output is lost.
        if (!(err instanceof OutputWriteError)) throw new StreamOutputFailure(err);
        stats.add({ status: "failed", path: r.path, error: "" });
        log.error(writeFailureLine(r.path, shownPath(err.target), err.cause));
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
            [{ document: printable(d.document), findings: d.findings, projects: d.projects, indicators: d.indicators }],
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
    if (err instanceof StreamOutputFailure) return streamFailed(err.cause);
    throw err;
  }
  if (opts.signal?.aborted) await sink.abort();
  else {
    try {
      await sink.finish();
    } catch (err) {
      await sink.abort();
      return streamFailed(err);
    }
    log.summary(summaryLine(stats, { findings: Boolean(opts.validate) }));
  }
  return { exitCode: exitCodeFor(inputs.single, stats.failed, reached), stats };

  /** The one output stream failed: nothing of it is kept; a single input is named, a batch's output is. */
  function streamFailed(cause: unknown): BatchOutcome {
    const output = opts.out ?? "stdout";
    const only = inputs.items.length === 1 ? inputs.items[0].path : null;
    const input = only === "-" ? "<stdin>" : only;
    log.error(input ? writeFailureLine(input, output, cause) : `${output}: cannot write output: ${writeReason(cause)}`);
    return { exitCode: inputs.single ? 2 : 3, stats };
  }
}

/**
 * `jixiao validate` as a library function: documents (extracted on the way) or JSON written by `extract` →
 * findings per document → one report. Only findings are kept (never Documents), in input order.
 */
import type { Writable } from "node:stream";
import type { Severity } from "../model/types.ts";
import { writeReason } from "../output/failure.ts";
import { StreamTarget } from "../output/sinks.ts";
import { renderReport, reachesFailLevel, type DocumentResult, type ReportFormat } from "../report/index.ts";
import type { ValidateOptions } from "../validate/index.ts";
import { exitCodeFor, type BatchOutcome } from "./extract.ts";
import type { ExpandedInputs } from "./inputs.ts";
import { silentLog, type BatchLog } from "./log.ts";
import { BatchStats, summaryLine } from "./progress.ts";
import { runBatch, type BatchRunOptions } from "./run.ts";
import type { TaskResult } from "./task.ts";

export interface ValidateBatchOptions {
  inputs: ExpandedInputs;
  options: ValidateOptions;
  format: ReportFormat;
  /** Exit 1 when findings reach this severity (default error). */
  failOn?: Severity | "never";
  jobs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  readStdin?: () => Promise<Uint8Array>;
  stdout: Writable;
  log?: BatchLog;
  color?: boolean;
  run?: Pick<BatchRunOptions, "taskModule" | "maxTasksPerWorker" | "window" | "onWorkerStderr">;
}

export interface ValidateOutcome extends BatchOutcome {
  results: DocumentResult[];
}

export async function validateBatch(opts: ValidateBatchOptions): Promise<ValidateOutcome> {
  const log = opts.log ?? silentLog;
  const { inputs } = opts;
  const failOn = opts.failOn ?? "error";
  const stats = new BatchStats(inputs.items.length + inputs.problems.length);
  const results: DocumentResult[] = [];
  for (const p of inputs.problems) {
    stats.addProblem();
    log.error(`${p.arg}: ${p.reason}`);
    results.push({ document: p.arg, findings: [], error: p.reason });
  }
  let reached = false;
  const onResult = async (r: TaskResult) => {
    stats.add(r);
    if (r.status === "failed") {
      log.error(r.error);
      const reason = r.error.startsWith(`${r.path}: `) ? r.error.slice(r.path.length + 2) : r.error;
      results.push({ document: r.path, findings: [], error: reason });
    } else if (r.status === "skipped") log.note(`${r.path}: ${r.reason}`);
    else {
      for (const d of r.docs) {
        const findings = d.findings ?? [];
        if (reachesFailLevel(findings, failOn)) reached = true;
        log.verbose(`${d.document}: ${findings.length} findings (${d.projects} projects, ${d.indicators} indicators)`);
        results.push({ document: d.document, findings, projects: d.projects, indicators: d.indicators });
      }
    }
    log.progress(stats);
  };
  await runBatch(
    inputs.items,
    {
      config: { command: "validate", validate: opts.options },
      jobs: opts.jobs,
      timeoutMs: opts.timeoutMs,
      ordered: true,
      signal: opts.signal,
      readStdin: opts.readStdin,
      ...opts.run,
    },
    onResult,
  );
  if (!opts.signal?.aborted) {
    const out = new StreamTarget(opts.stdout);
    try {
      await out.write(renderReport(results, opts.format, { color: opts.color }));
      await out.commit();
    } catch (err) {
      // The report is the output: a report that could not be written (a full disk behind `>`) is a failure.
      log.error(`stdout: cannot write the report: ${writeReason(err)}`);
      return { exitCode: inputs.single ? 2 : 3, stats, results };
    }
    log.summary(summaryLine(stats, { findings: true }));
  }
  return { exitCode: exitCodeFor(inputs.single, stats.failed, reached), stats, results };
}

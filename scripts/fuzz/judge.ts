/**
 * What counts as a failure of one CLI run over a batch of inputs named `c<case>.<ext>`:
 *   crash    exit code outside 0–3 (or killed by a signal), a stack trace line (`    at …`), `internal error`
 *   worker   `worker crashed` (a pool worker died; the file it blames may not be the file that killed it)
 *   hang     still running past the wall-clock limit derived from --timeout
 *   memory   peak RSS past --max-rss (or killed at --rss-kill)
 *   partial  an output JSON that does not parse, a temp file left in the output or temp folder
 *   lost     an input neither written (an output names its case) nor named on stderr
 *   double   an input both written and named in an error line
 *   outside  a file created, changed or removed outside the output folder
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { RunResult } from "./run.ts";

export type Category = "crash" | "worker" | "hang" | "memory" | "partial" | "lost" | "double" | "outside";
export const CATEGORIES: readonly Category[] = ["crash", "worker", "hang", "memory", "partial", "lost", "double", "outside"];

export interface Failure {
  category: Category;
  /** Case ids this failure is attributed to (empty: the whole run). */
  cases: number[];
  detail: string;
}

export interface Judged {
  failures: Failure[];
  /** Cases the tool reported as failed (one line on stderr). */
  named: Set<number>;
  /** Cases with an output. */
  written: Set<number>;
  /** Inputs the tool itself reported as `timed out` (slow inputs: not a failure, but kept to look at). */
  toolTimeouts: number[];
}

const CASE_IN = /\bc(\d{5,})\b/g;

/** Case ids mentioned in a text. */
export function casesIn(text: string): number[] {
  return [...new Set([...text.matchAll(CASE_IN)].map((m) => Number(m[1])))];
}

export function stackLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => /^ {4}at /.test(l));
}

/** The checks every run gets: exit code, stack traces, hang, memory. */
export function judgeProcess(r: RunResult, maxRssMb: number, cases: readonly number[]): Failure[] {
  const out: Failure[] = [];
  const all = [...cases];
  if (r.hung) out.push({ category: "hang", cases: all, detail: `still running after ${Math.round(r.wallMs / 1000)} s` });
  if (r.memoryKilled) out.push({ category: "memory", cases: all, detail: `killed at ${r.peakRssMb} MB RSS` });
  else if (r.peakRssMb > maxRssMb) out.push({ category: "memory", cases: all, detail: `peak RSS ${r.peakRssMb} MB > ${maxRssMb} MB` });
  if (!r.hung && !r.memoryKilled && (r.code === null || r.code < 0 || r.code > 3)) {
    out.push({ category: "crash", cases: all, detail: `exit ${r.code ?? r.signal}: ${lastLines(r.stderr)}` });
  }
  const stack = stackLines(r.stderr);
  const errorLines = r.stderr.split("\n");
  if (stack.length) {
    // A stack trace names no input as such; the lines just before it may.
    out.push({ category: "crash", cases: all, detail: `stack trace: ${stack[0].trim()} (${lastLines(r.stderr)})` });
  }
  for (const line of errorLines) {
    if (/internal error/i.test(line)) out.push({ category: "crash", cases: casesOr(line, all), detail: line.slice(0, 300) });
    else if (/worker crashed/i.test(line)) out.push({ category: "worker", cases: casesOr(line, all), detail: line.slice(0, 300) });
  }
  return out;
}

function casesOr(line: string, all: number[]): number[] {
  const c = casesIn(line);
  return c.length ? c : all;
}

/** What a crash said: its first error-looking line (`FATAL ERROR: …`, `RangeError: …`), else its last lines. */
function lastLines(stderr: string): string {
  const lines = stderr.trim().split("\n").filter(Boolean);
  const error = lines.find((l) => /fatal|error|abort/i.test(l) && !/^ {4}at /.test(l));
  return (error ?? lines.slice(-2).join(" | ")).slice(0, 300);
}

/** The process ended by itself with a documented exit code: only then are its outputs judged one by one (a crash,
 * a hang or a kill is already the failure; every input of the batch would be "lost" with it). */
function finished(r: RunResult): boolean {
  return !r.hung && !r.memoryKilled && r.code !== null && r.code >= 0 && r.code <= 3;
}

/** Error lines (`jixiao: <file>: <reason>`) and notes on stderr, by case. */
export function namedCases(stderr: string): Set<number> {
  const named = new Set<number>();
  for (const line of stderr.split("\n")) {
    if (!line.startsWith("jixiao: ")) continue;
    for (const c of casesIn(line)) named.add(c);
  }
  return named;
}

/** An `extract -o OUT` run: the process checks plus the outputs (`files`: every file under OUT after the run). */
export function judgeExtract(r: RunResult, cases: readonly number[], outDir: string, files: readonly string[], maxRssMb: number): Judged {
  const failures = judgeProcess(r, maxRssMb, cases);
  const named = namedCases(r.stderr);
  const written = new Set<number>();
  for (const f of files) {
    const rel = relative(outDir, f);
    const ids = casesIn(rel);
    if (!f.endsWith(".json")) {
      failures.push({ category: "partial", cases: ids, detail: `left in the output folder: ${rel}` });
      continue;
    }
    try {
      JSON.parse(readFileSync(f, "utf8"));
      ids.forEach((c) => written.add(c));
    } catch (e) {
      failures.push({ category: "partial", cases: ids, detail: `output ${rel} does not parse: ${(e as Error).message.slice(0, 120)}` });
    }
  }
  if (finished(r)) {
    for (const c of cases) {
      if (!written.has(c) && !named.has(c))
        failures.push({ category: "lost", cases: [c], detail: `c${pad(c)}: no output and no line on stderr` });
      if (written.has(c) && named.has(c)) {
        const line = r.stderr.split("\n").find((l) => casesIn(l).includes(c)) ?? "";
        failures.push({ category: "double", cases: [c], detail: `written and named: ${line.slice(0, 200)}` });
      }
    }
  }
  return { failures, named, written, toolTimeouts: timedOut(r.stderr) };
}

/** A `validate --format json` run: stdout must parse and list every input that is not named on stderr. */
export function judgeValidate(r: RunResult, cases: readonly number[], maxRssMb: number): Judged {
  const failures = judgeProcess(r, maxRssMb, cases);
  const named = namedCases(r.stderr);
  const written = new Set<number>();
  if (finished(r)) {
    try {
      const docs = JSON.parse(r.stdout) as { document?: string }[];
      for (const d of Array.isArray(docs) ? docs : [docs]) casesIn(String(d.document ?? "")).forEach((c) => written.add(c));
    } catch (e) {
      failures.push({
        category: "partial",
        cases: [...cases],
        detail: `validate JSON does not parse: ${(e as Error).message.slice(0, 120)}`,
      });
    }
    for (const c of cases) {
      if (!written.has(c) && !named.has(c))
        failures.push({ category: "lost", cases: [c], detail: `c${pad(c)}: not in the report and no line on stderr` });
    }
  }
  return { failures, named, written, toolTimeouts: timedOut(r.stderr) };
}

function timedOut(stderr: string): number[] {
  return stderr
    .split("\n")
    .filter((l) => l.startsWith("jixiao: ") && /timed out/.test(l))
    .flatMap((l) => casesIn(l));
}

export const pad = (c: number) => String(c).padStart(5, "0");

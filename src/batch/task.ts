/**
 * One file's work, as run inside a pool worker (it is the pool's task module) or in-process: read the bytes,
 * decide the format from them, extract (and validate) or read the grids, and serialise the output there, in
 * the worker, so the main thread only moves text. Never throws: every outcome is a TaskResult.
 */
import { extname } from "node:path";
import { isMainThread } from "node:worker_threads";
import { JixiaoError, describeError } from "../errors.ts";
import { extract, extractGrid, readInput } from "../extract.ts";
import { detectFormat, type DetectedFormat } from "../formats/detect.ts";
import { preloadPdf } from "../formats/pdf/index.ts";
import type { Document, Finding } from "../model/types.ts";
import type { CsvLevel } from "../output/csv-columns.ts";
import type { MergedSlots } from "../output/grid.ts";
import { documentJson, documentNdjsonLine, parseDocumentsJson } from "../output/json.ts";
import type { ExtractFormat } from "../output/sinks.ts";
import type { ValidateOptions } from "../validate/index.ts";

// The validator (with zod), fast-csv and the grid writers load on first use: a worker that only extracts to
// JSON stays smaller, and every worker's size counts twice or more in a batch.
const validator = () => import("../validate/index.ts");
const csv = () => import("../output/csv.ts");
const gridWriters = () => import("../output/grid.ts");

export interface TaskInput {
  /** As shown to the user and stored in source.path. */
  path: string;
  /** Named by the user (not found in a folder or by a glob): an unreadable format is then a failure, not a skip. */
  explicit: boolean;
  /** Bytes already read (stdin); otherwise the file at `path` is read. */
  bytes?: Uint8Array;
}

export type TaskConfig =
  | { command: "extract"; format: ExtractFormat; csvLevel: CsvLevel; validate: ValidateOptions | null }
  | { command: "validate"; validate: ValidateOptions }
  | { command: "tables"; format: "json" | "csv"; merged: MergedSlots; bom: boolean };

/** What one document amounted to (no Document: the main thread keeps only this). */
export interface DocSummary {
  document: string;
  projects: number;
  departments: number;
  indicators: number;
  pages: number | null;
  warnings: string[];
  findings: Finding[] | null;
}

export type TaskResult =
  | { status: "ok"; path: string; text: string; docs: DocSummary[]; ms: number }
  | { status: "skipped"; path: string; reason: string }
  | { status: "failed"; path: string; error: string };

const EXT_LABEL: Record<string, string> = {
  ".pdf": "PDF",
  ".docx": "Word (.docx)",
  ".docm": "Word (.docm)",
  ".doc": "Word (.doc)",
  ".html": "HTML",
  ".htm": "HTML",
  ".xhtml": "HTML",
  ".xls": "Excel",
  ".xlsx": "Excel",
  ".wps": "WPS",
  ".et": "WPS spreadsheet",
  ".ofd": "OFD",
};

/** Why a file found in a folder is passed over, or null when it should be read (or reported as broken). */
function skipReason(format: DetectedFormat, path: string, command: TaskConfig["command"]): string | null {
  if (EXT_LABEL[extname(path).toLowerCase()]) return null;
  if (format === "json") return command === "validate" ? null : "skipped: a JSON file, not a document";
  if (format === "unknown") return "skipped: not a PDF, Word or HTML document";
  if (format === "zip") return "skipped: a zip archive";
  return null;
}

/** A file whose name promises a document but whose bytes are something else. */
function checkReadable(bytes: Uint8Array, format: DetectedFormat, path: string): void {
  if (bytes.length === 0) throw new JixiaoError("damaged", "empty file", path);
  const label = EXT_LABEL[extname(path).toLowerCase()];
  if (format === "unknown" && label) throw new JixiaoError("damaged", `not a valid ${label} file (damaged or mislabelled)`, path);
}

function summarize(doc: Document, findings: Finding[] | null, name = doc.source.path): DocSummary {
  const indicators =
    doc.projects.reduce((n, p) => n + p.indicators.length, 0) + doc.departments.reduce((n, d) => n + d.indicators.length, 0);
  return {
    document: name,
    projects: doc.projects.length,
    departments: doc.departments.length,
    indicators,
    pages: doc.source.pages ?? null,
    warnings: doc.warnings,
    findings,
  };
}

/** Whether parsed JSON looks like output of `extract` at all (has a `source` object), valid or not. */
function looksLikeDocuments(values: unknown[]): boolean {
  return values.some((v) => v !== null && typeof v === "object" && typeof (v as { source?: unknown }).source === "object");
}

function parseJsonInput(bytes: Uint8Array, path: string): unknown[] {
  try {
    return parseDocumentsJson(Buffer.from(bytes).toString("utf8"));
  } catch (err) {
    throw new JixiaoError("damaged", `not valid JSON (${(err as Error).message.split("\n")[0]})`, path);
  }
}

async function documentsFromJson(values: unknown[], path: string): Promise<Document[]> {
  const { DocumentSchema } = await import("../model/schema.ts");
  if (values.length === 0) throw new JixiaoError("damaged", "no documents in this JSON file", path);
  return values.map((v, i) => {
    const parsed = DocumentSchema.safeParse(v);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [values.length > 1 ? `[${i}]` : "", ...issue.path.map(String)].filter(Boolean).join(".");
      throw new JixiaoError("damaged", `not a jixiao document (${where || "top level"}: ${issue.message})`, path);
    }
    return parsed.data as Document;
  });
}

async function runOne(input: TaskInput, config: TaskConfig): Promise<TaskResult> {
  const started = performance.now();
  const path = input.path;
  // Bounded like every input: only a regular file, refused past its format's size limit (settings/limits.ts).
  const bytes = input.bytes ?? (await readInput(path));
  const format = detectFormat(bytes, path);
  if (!input.explicit) {
    const reason =
      bytes.length === 0 && !EXT_LABEL[extname(path).toLowerCase()] ? "skipped: empty file" : skipReason(format, path, config.command);
    if (reason) return { status: "skipped", path, reason };
  }
  checkReadable(bytes, format, path);
  // A pool worker runs nothing but jixiao: pdf.js may then inflate with its own synchronous decoder instead of
  // DecompressionStream (which bounces every stream through the thread pool: 40% of the PDF time in a batch).
  // Loaded at the first PDF, so a worker that never sees one never loads pdf.js.
  if (format === "pdf" && !isMainThread) await preloadPdf({ ownThread: true });
  const ok = (text: string, docs: DocSummary[]): TaskResult => ({ status: "ok", path, text, docs, ms: performance.now() - started });

  switch (config.command) {
    case "tables": {
      const grid = await extractGrid({ path, bytes });
      const { gridCsv, gridJson } = await gridWriters();
      const text = config.format === "csv" ? await gridCsv(grid, { merged: config.merged, bom: config.bom }) : gridJson(grid, path);
      const doc = { projects: 0, departments: 0, indicators: 0, warnings: grid.warnings, findings: null };
      return ok(text, [{ document: path, pages: grid.pages ?? null, ...doc }]);
    }
    case "validate": {
      let docs: Document[];
      if (format === "json") {
        let values: unknown[];
        try {
          values = parseJsonInput(bytes, path);
        } catch (err) {
          if (input.explicit) throw err;
          return { status: "skipped", path, reason: "skipped: not valid JSON" };
        }
        // Other JSON lying in a folder (configs, expected results) is not ours to judge.
        if (!input.explicit && !looksLikeDocuments(values))
          return { status: "skipped", path, reason: "skipped: JSON that is not jixiao output" };
        docs = await documentsFromJson(values, path);
      } else docs = [await extract({ path, bytes })];
      const { validate } = await validator();
      return ok(
        "",
        docs.map((d) => summarize(d, validate(d, config.validate))),
      );
    }
    case "extract": {
      const doc = await extract({ path, bytes });
      const findings = config.validate ? (await validator()).validate(doc, config.validate) : null;
      const text =
        config.format === "csv"
          ? await (await csv()).documentCsvRows(doc, config.csvLevel)
          : config.format === "ndjson"
            ? documentNdjsonLine(doc, findings)
            : documentJson(doc, findings);
      return ok(text, [summarize(doc, findings)]);
    }
  }
}

/** The task-module entry the pool calls: one input → one result, never a throw. */
export async function run(input: TaskInput, config: TaskConfig): Promise<TaskResult> {
  try {
    return await runOne(input, config);
  } catch (err) {
    // Anything that is not a JixiaoError is a bug in a backend; still one line, never a stack.
    const error = err instanceof JixiaoError ? describeError(err, input.path) : `${input.path}: internal error: ${describeError(err)}`;
    return { status: "failed", path: input.path, error };
  }
}

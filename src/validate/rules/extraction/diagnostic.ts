/**
 * The extraction/* rules: each turns the interpreter's diagnostics of one code (Document.diagnostics) into
 * findings, so that what could not be read with confidence is never silent. Shared here: picking the
 * diagnostics, naming their subject, and saying where they are in words a budget officer can follow.
 */
import type { CellRef, Diagnostic, Document, Severity } from "../../../model/types.ts";
import { subjectsOf } from "../../subjects.ts";
import type { CellEvidence, Draft, DocumentRule, Subject } from "../../types.ts";

export type DiagnosticCode = Diagnostic["code"];

/** What a rule says about one diagnostic: the finding's message, given where it is and its subject. */
export type Explain = (d: Diagnostic, ctx: { doc: Document; subject: Subject | null; place: string }) => string;

/** A rule `extraction/<code>` reporting every diagnostic of that code. */
export function extractionRule(
  code: DiagnosticCode,
  severity: Severity,
  description: string,
  explain: Explain,
  /** Whether to append the interpreter's own message; by default when it is not already in the explanation. */
  withDetail: (d: Diagnostic) => boolean = () => true,
): DocumentRule {
  return {
    id: `extraction/${code}`,
    severity,
    description,
    checkDocument({ doc }) {
      const diagnostics = (doc.diagnostics ?? []).filter((d) => d.code === code);
      if (diagnostics.length === 0) return [];
      const projects = subjectsOf(doc).filter((s) => s.kind === "project");
      return diagnostics.map((d): Draft => {
        const subject = d.project === null ? null : (projects.find((s) => s.index === d.project) ?? null);
        let message = explain(d, { doc, subject, place: placeOf(d.at) });
        // A project index the document does not have: still name it, as a document-level finding.
        if (d.project !== null && subject === null) message = `（项目 #${d.project + 1}）${message}`;
        return { subject, cells: d.at.map(cellEvidence), message: withDetail(d) ? message + detail(d, message) : message };
      });
    },
  };
}

function cellEvidence(at: CellRef): CellEvidence {
  return { ...at };
}

const MAX_ROWS = 5;

/**
 * Where the cells are, as people count them (from 1, like the reports' `p2 t3 r5`): `（第2页第3张表第5、6、9行）`.
 * Empty when the diagnostic names no cell.
 */
export function placeOf(at: CellRef[]): string {
  if (at.length === 0) return "";
  const groups = new Map<string, { page?: number; table: number; rows: Set<number> }>();
  for (const c of at) {
    const key = `${c.page ?? ""}:${c.table}`;
    if (!groups.has(key)) groups.set(key, { page: c.page, table: c.table, rows: new Set() });
    groups.get(key)!.rows.add(c.row);
  }
  const parts = [...groups.values()].map((g) => {
    const rows = [...g.rows].sort((a, b) => a - b).map((r) => r + 1);
    const shown = rows.length > MAX_ROWS ? `${rows.slice(0, MAX_ROWS).join("、")}等${rows.length}行` : `${rows.join("、")}行`;
    return `${g.page !== undefined ? `第${g.page}页` : ""}第${g.table + 1}张表第${shown}`;
  });
  return `（${parts.join("；")}）`;
}

/** The interpreter's own words, when they add something (a count, a label), kept after the explanation. */
function detail(d: Diagnostic, explained: string): string {
  const m = d.message.trim();
  return m && !explained.includes(m) ? `（读取说明：${m}）` : "";
}

/** `该项目` for a project finding (the report names it), `文档中` for a document-level one. */
export function who(subject: Subject | null): string {
  return subject ? "该项目" : "文档中";
}

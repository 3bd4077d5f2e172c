/** How a cell is named for people: `p2 t3 r5 c4` — page as printed, table/row/column counted from 1. */
import type { Finding } from "../model/types.ts";

type Cell = Finding["cells"][number];

/** The model counts tables, rows and columns from 0; people count from 1. */
export function cellLabel(c: Cell): string {
  const parts = [];
  if (c.page !== undefined) parts.push(`p${c.page}`);
  parts.push(`t${c.table + 1}`, `r${c.row + 1}`, `c${c.col + 1}`);
  return parts.join(" ");
}

export function firstCellLabel(f: Finding): string {
  return f.cells.length ? cellLabel(f.cells[0]) : "";
}

export function projectLabel(f: Finding): string {
  if (f.kind === "document") return "(整个文档)";
  const what = f.kind === "department" ? "部门整体" : "项目";
  const n = f.projectIndex === null ? "" : ` #${f.projectIndex + 1}`;
  return f.project ? `${f.project}（${what}${n}）` : `（未命名${what}${n}）`;
}

export function countBySeverity(findings: Finding[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Group findings by subject, keeping their order. */
export function groupBySubject(findings: Finding[]): { key: string; label: string; findings: Finding[] }[] {
  const groups = new Map<string, { key: string; label: string; findings: Finding[] }>();
  for (const f of findings) {
    const key = `${f.kind}:${f.projectIndex ?? ""}`;
    if (!groups.has(key)) groups.set(key, { key, label: projectLabel(f), findings: [] });
    groups.get(key)!.findings.push(f);
  }
  return [...groups.values()];
}

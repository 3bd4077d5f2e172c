/** The report for people: grouped by document and project, one line per finding. */
import type { Severity } from "../model/types.ts";
import type { DocumentResult } from "./types.ts";
import { countBySeverity, firstCellLabel, groupBySubject } from "./location.ts";

const ANSI = {
  reset: "\x1b[0m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  red: "\x1b[31m",
  yellow: "\x1b[33m",
  cyan: "\x1b[36m",
} as const;

const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };

export function renderText(results: DocumentResult[], color: boolean): string {
  const paint = (codes: string, s: string) => (color ? `${codes}${s}${ANSI.reset}` : s);
  const lines: string[] = [];
  const ruleWidth = Math.max(0, ...results.flatMap((r) => r.findings.map((f) => f.rule.length)));
  for (const r of results) {
    const counts = countBySeverity(r.findings);
    const stats = [
      r.projects !== undefined ? `${r.projects} 个项目` : null,
      r.indicators !== undefined ? `${r.indicators} 个指标` : null,
    ].filter(Boolean);
    lines.push(paint(ANSI.bold, r.document) + (stats.length ? paint(ANSI.dim, `  (${stats.join("，")})`) : ""));
    if (r.error) {
      lines.push(`  ${paint(ANSI.red + ANSI.bold, "error")}    ${r.error}`);
      lines.push("");
      continue;
    }
    if (r.findings.length === 0) {
      lines.push(`  ${paint(ANSI.dim, "no findings")}`);
      lines.push("");
      continue;
    }
    for (const g of groupBySubject(r.findings)) {
      lines.push(`  ${paint(ANSI.bold, g.label)}`);
      for (const f of g.findings) {
        const sev = paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7));
        const where = paint(ANSI.dim, firstCellLabel(f).padEnd(16));
        const rule = paint(ANSI.dim, f.rule.padEnd(ruleWidth));
        lines.push(`    ${sev}  ${where}  ${rule}  ${f.message}`);
      }
    }
    const c = counts;
    lines.push(paint(ANSI.dim, `  ${c.error} error(s), ${c.warning} warning(s), ${c.info} info`));
    lines.push("");
  }
  const all = countBySeverity(results.flatMap((r) => r.findings));
  const unreadable = results.filter((r) => r.error).length;
  const summary =
    `${all.error} error(s), ${all.warning} warning(s), ${all.info} info in ${results.length} document(s)` +
    (unreadable ? `, ${unreadable} unreadable` : "");
  lines.push(all.error || unreadable ? paint(ANSI.bold + ANSI.red, summary) : paint(ANSI.bold, summary));
  return lines.join("\n") + "\n";
}

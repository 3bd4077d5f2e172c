/**
 * Report renderers for people and CI (a contract with the CLI). Formats: text (grouped by document and
 * project; ANSI colour only when asked), json, junit, sarif (2.1.0), github (workflow commands).
 * Cells are shown as `p2 t3 r5 c4`: the printed page, then table, row and column counted from 1
 * (the JSON model counts them from 0).
 */
import type { Finding, Severity } from "../model/types.ts";
import { renderGithub } from "./github.ts";
import { renderJunit } from "./junit.ts";
import { renderSarif } from "./sarif.ts";
import { renderText } from "./text.ts";
import type { DocumentResult, ReportFormat } from "./types.ts";

export type { DocumentResult, ReportFormat } from "./types.ts";

export function renderReport(results: DocumentResult[], format: ReportFormat, opts: { color?: boolean } = {}): string {
  switch (format) {
    case "text":
      return renderText(results, opts.color === true);
    case "json":
      return JSON.stringify(results, null, 2) + "\n";
    case "junit":
      return renderJunit(results);
    case "sarif":
      return renderSarif(results);
    case "github":
      return renderGithub(results);
  }
}

/** Whether findings reach the --fail-on level. */
export function reachesFailLevel(findings: Finding[], failOn: Severity | "never"): boolean {
  if (failOn === "never") return false;
  const rank = { info: 0, warning: 1, error: 2 } as const;
  return findings.some((f) => rank[f.severity] >= rank[failOn]);
}

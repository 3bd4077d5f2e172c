/**
 * CONTRACT (stub, being implemented): report renderers for people and CI. Keep these signatures.
 */
import type { Finding, Severity } from "../model/types.ts";

export type ReportFormat = "text" | "json" | "junit" | "sarif" | "github";

/** One checked document: its path and its findings (an input that failed to read has `error`). */
export interface DocumentResult {
  document: string;
  findings: Finding[];
  error?: string;
  projects?: number;
  indicators?: number;
}

export function renderReport(results: DocumentResult[], format: ReportFormat, _opts: { color?: boolean } = {}): string {
  return format === "json" ? JSON.stringify(results, null, 2) + "\n" : "";
}

/** Whether findings reach the --fail-on level. */
export function reachesFailLevel(findings: Finding[], failOn: Severity | "never"): boolean {
  if (failOn === "never") return false;
  const rank = { info: 0, warning: 1, error: 2 } as const;
  return findings.some((f) => rank[f.severity] >= rank[failOn]);
}

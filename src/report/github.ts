/**
 * GitHub Actions workflow commands: `::error file=…,title=…::message`, one per finding. Data escapes % \r \n;
 * property values also escape : and , (the runner's own rules).
 */
import type { DocumentResult } from "./types.ts";
import { firstCellLabel, projectLabel } from "./location.ts";

export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

export function renderGithub(results: DocumentResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`::error file=${escapeProperty(r.document)},title=${escapeProperty("jixiao: unreadable")}::${escapeData(r.error)}`);
      continue;
    }
    for (const f of r.findings) {
      const where = firstCellLabel(f);
      const title = `${f.rule} — ${projectLabel(f)}`;
      const msg = `${where ? `[${where}] ` : ""}${f.message}`;
      out.push(`::${COMMAND[f.severity]} file=${escapeProperty(f.document)},title=${escapeProperty(title)}::${escapeData(msg)}`);
    }
  }
  return out.length ? out.join("\n") + "\n" : "";
}

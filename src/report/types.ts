/** What the report renderers take and produce (src/report/index.ts renders; importers need only these types). */
import type { Finding } from "../model/types.ts";

export type ReportFormat = "text" | "json" | "junit" | "sarif" | "github";

/** One checked document: its path and its findings (an input that failed to read has `error`). */
export interface DocumentResult {
  document: string;
  findings: Finding[];
  error?: string;
  projects?: number;
  indicators?: number;
}

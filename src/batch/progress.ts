/** Counting a batch as results arrive, the TTY progress line and the closing summary. */
import type { Severity } from "../model/types.ts";
import type { TaskResult } from "./task.ts";

export class BatchStats {
  readonly startedAt = performance.now();
  done = 0;
  ok = 0;
  failed = 0;
  skipped = 0;
  documents = 0;
  projects = 0;
  departments = 0;
  indicators = 0;
  pages = 0;
  readonly findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

  constructor(readonly total: number) {}

  add(result: TaskResult): void {
    this.done++;
    if (result.status === "failed") this.failed++;
    else if (result.status === "skipped") this.skipped++;
    else {
      this.ok++;
      for (const d of result.docs) {
        this.documents++;
        this.projects += d.projects;
        this.departments += d.departments;
        this.indicators += d.indicators;
        this.pages += d.pages ?? 0;
        for (const f of d.findings ?? []) this.findings[f.severity]++;
      }
    }
  }

  /** An input that never reached a worker (missing file, empty glob). */
  addProblem(): void {
    this.done++;
    this.failed++;
  }

  elapsedSeconds(): number {
    return (performance.now() - this.startedAt) / 1000;
  }
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return "?";
  if (s < 60) return `${Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? word : many}`;
}

/** `[ 120/1000] 12% · 8.3 files/s · 2 failed · ETA 1m46s` (no newline; for a TTY). */
export function progressLine(s: BatchStats): string {
  const t = s.elapsedSeconds();
  const rate = t > 0 ? s.done / t : 0;
  const width = String(s.total).length;
  const pct = s.total ? Math.floor((100 * s.done) / s.total) : 100;
  const eta = rate > 0 ? duration((s.total - s.done) / rate) : "?";
  const parts = [`[${String(s.done).padStart(width)}/${s.total}] ${pct}%`, `${rate.toFixed(1)} files/s`];
  if (s.failed) parts.push(`${s.failed} failed`);
  parts.push(`ETA ${eta}`);
  return parts.join(" · ");
}

/** The closing summary line (without the `jixiao: ` prefix). */
export function summaryLine(s: BatchStats, opts: { findings?: boolean } = {}): string {
  const t = s.elapsedSeconds();
  const rate = t > 0 ? s.done / t : 0;
  const head = `${plural(s.done, "file")} in ${t.toFixed(1)} s (${rate.toFixed(1)} files/s${s.pages ? `, ${(s.pages / t).toFixed(1)} pages/s` : ""})`;
  const counts = [`${s.ok} read`, `${s.failed} failed`, `${s.skipped} skipped`].join(", ");
  const content = [plural(s.projects, "project"), plural(s.indicators, "indicator")];
  if (s.departments) content.splice(1, 0, plural(s.departments, "department table"));
  const f = s.findings;
  const findings = `; findings: ${plural(f.error, "error")}, ${plural(f.warning, "warning")}, ${f.info.toLocaleString("en-US")} info`;
  return `${head}: ${counts}; ${content.join(", ")}${opts.findings ? findings : ""}`;
}

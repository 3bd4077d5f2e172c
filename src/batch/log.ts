/**
 * How batch functions talk to the person running them. The CLI decides what is shown (--quiet, --verbose, TTY);
 * the library only says what kind of line each one is. Lines carry no prefix and no newline.
 */
import type { BatchStats } from "./progress.ts";

export interface BatchLog {
  /** An input that failed: `<file>: <reason>`. Always shown. */
  error(line: string): void;
  /** Skipped files and similar notes (hidden by --quiet). */
  note(line: string): void;
  /** Per-file details (only with --verbose). */
  verbose(line: string): void;
  /** A multi-line validation report for stderr (extract --validate). */
  report(text: string): void;
  /** Called after every result (a TTY progress line). */
  progress(stats: BatchStats): void;
  /** The closing summary. */
  summary(line: string): void;
}

/** A log that drops everything (library use). */
export const silentLog: BatchLog = {
  error: () => undefined,
  note: () => undefined,
  verbose: () => undefined,
  report: () => undefined,
  progress: () => undefined,
  summary: () => undefined,
};

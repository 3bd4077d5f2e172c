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

/**
 * Text made safe for a terminal: control characters (C0, DEL, C1: ANSI escapes, carriage returns, newlines that
 * would forge a line), and the Unicode marks that reorder or hide text (bidi overrides, line separators) are
 * shown as `\xNN` / `\u{NNNN}` escapes. A file name can contain any of them; stderr must show it, not obey it.
 */
export function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16)}}`;
  });
}

/**
 * The CLI's terminal side: stderr lines (`jixiao: …`) that never tangle with the TTY progress line, with control
 * characters and ANSI escapes from file names shown escaped (`printable`), reading stdin, and whether colour is
 * wanted.
 */
import { printable, type BatchLog } from "../batch/log.ts";
import { JixiaoError } from "../errors.ts";
import { STDIN_MAX_BYTES } from "../settings/limits.ts";
import { progressLine, type BatchStats } from "../batch/progress.ts";

export interface LogSettings {
  quiet: boolean;
  verbose: boolean;
  /** Print the closing summary (batches; a single file only with --verbose). */
  summary: boolean;
  stderr?: NodeJS.WriteStream;
}

export interface CliLog extends BatchLog {
  /** Clear the progress line (call before exiting). */
  finish(): void;
}

const CLEAR = "\r\x1b[K";

/** Colour sequences (SGR) the report renderer writes; every other control character in a report is escaped. */
const SGR = /(\x1b\[[0-9;]*m)/;

/** A multi-line report made safe for a terminal: its lines and colours kept, anything else from documents escaped. */
export function printableReport(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .split(SGR)
        .map((part, i) => (i % 2 === 1 ? part : printable(part)))
        .join(""),
    )
    .join("\n");
}

export function makeLog(s: LogSettings): CliLog {
  const err = s.stderr ?? process.stderr;
  const tty = err.isTTY === true && !s.quiet;
  let progressShown = false;
  let lastProgress = 0;
  const line = (text: string) => {
    if (progressShown) err.write(CLEAR);
    progressShown = false;
    err.write(`jixiao: ${printable(text)}\n`);
  };
  return {
    error: (l) => line(l),
    note: (l) => {
      if (!s.quiet) line(l);
    },
    verbose: (l) => {
      if (s.verbose && !s.quiet) line(l);
    },
    report: (text) => {
      if (s.quiet) return;
      if (progressShown) err.write(CLEAR);
      progressShown = false;
      const safe = printableReport(text);
      err.write(safe.endsWith("\n") ? safe : safe + "\n");
    },
    progress: (stats: BatchStats) => {
      if (!tty) return;
      const now = performance.now();
      if (now - lastProgress < 100 && stats.done < stats.total) return;
      lastProgress = now;
      err.write(CLEAR + progressLine(stats));
      progressShown = true;
    },
    summary: (l) => {
      if (s.summary && !s.quiet) line(l);
    },
    finish: () => {
      if (progressShown) err.write(CLEAR);
      progressShown = false;
    },
  };
}

/**
 * Standard input, whole, up to the largest input any format accepts (`cat /dev/zero | jixiao extract -` must not
 * fill memory): past it, reading stops and the input is refused with one line.
 */
export async function readStdin(stream: AsyncIterable<Buffer | string> = process.stdin, limit = STDIN_MAX_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === "string" ? Buffer.from(c) : c;
    size += b.length;
    if (size > limit)
      throw new JixiaoError(
        "too-large",
        `standard input is larger than ${Math.round(limit / 2 ** 20)} MB (the largest input any format accepts); refusing`,
      );
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Colour when writing to a terminal, unless NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

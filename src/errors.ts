/**
 * Errors meant for the user: one line naming the reason, no stack trace. The CLI prints
 * `jixiao: <file>: <message>` for these; anything else is a bug and is reported as such.
 */
export type ErrorKind =
  | "unreadable" // cannot open or read the file
  | "unsupported" // a format we do not read (legacy .doc, xlsx, images…)
  | "damaged" // truncated or corrupt file
  | "encrypted" // password-protected
  | "no-text" // scanned / image-only
  | "too-large" // zip bomb, absurd sizes
  | "timeout"
  | "usage";

export class JixiaoError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = "JixiaoError";
  }
}

/** Turn anything thrown while reading `file` into a single line for the user. */
export function describeError(err: unknown, file?: string): string {
  const where = file ?? (err instanceof JixiaoError ? err.file : undefined);
  const msg = err instanceof Error ? err.message : String(err);
  const oneLine = msg.split("\n")[0].trim() || "unknown error";
  return where ? `${where}: ${oneLine}` : oneLine;
}

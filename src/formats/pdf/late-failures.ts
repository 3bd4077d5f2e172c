/**
 * Failures pdf.js leaves unhandled while a document is open. pdf.js prefetches page dictionaries and parses in
 * the background; a promise of that work can reject with nobody awaiting it (a damaged page object: `FormatError:
 * Invalid number`), sometimes only once the document is done. Unattended, Node treats that as an uncaught error:
 * the thread dies and the crash is blamed on whichever file it reads next.
 *
 * While a document is open (a LateFailures exists for it) such a rejection is that document's: it is recorded as a
 * line for its warnings and marked as claimed (see `claimedRejections`) so that a thread-wide handler (the batch
 * worker host) knows it was dealt with. `settle()` waits one turn of the event loop after the document is
 * destroyed, so rejections pdf.js reports late still reach it. Rejections that are not pdf.js's pass on as Node
 * would treat them. Several documents open at once in one thread (a library caller reading in parallel) all
 * get the line: the rejection carries nothing to tell them apart.
 */

/** pdf.js's own exception classes (they do not all carry a stack to recognise them by). */
const PDFJS_ERRORS = new Set([
  "FormatError",
  "UnknownErrorException",
  "InvalidPDFException",
  "PasswordException",
  "ResponseException",
  "AbortException",
  "MissingDataException",
  "ParserEOFException",
  "XRefEntryException",
  "XRefParseException",
  "RenderingCancelledException",
]);

const CLAIMED = Symbol.for("jixiao.claimedRejections");

/** Promises whose rejection a document has taken as its own (shared through the global symbol registry). */
export function claimedRejections(): WeakSet<Promise<unknown>> {
  const g = globalThis as Record<symbol, WeakSet<Promise<unknown>> | undefined>;
  return (g[CLAIMED] ??= new WeakSet());
}

/** Whether an unhandled rejection comes from pdf.js. */
export function fromPdfjs(reason: unknown): boolean {
  if (reason === null || typeof reason !== "object") return false;
  const name = (reason as { name?: unknown }).name;
  if (typeof name === "string" && PDFJS_ERRORS.has(name)) return true;
  const stack = (reason as { stack?: unknown }).stack;
  return typeof stack === "string" && /pdfjs-dist[\\/]/.test(stack);
}

function describe(reason: unknown): string {
  const r = reason as { name?: unknown; message?: unknown };
  const name = typeof r?.name === "string" ? r.name : "Error";
  const message = typeof r?.message === "string" ? r.message : String(reason);
  return `${name}: ${message}`.split("\n")[0].slice(0, 200);
}

const open = new Set<LateFailures>();

function onUnhandled(reason: unknown, promise: Promise<unknown>): void {
  if (open.size > 0 && fromPdfjs(reason)) {
    claimedRejections().add(promise);
    const line = `pdf.js failed outside the pages read (${describe(reason)}): part of the file may be missing`;
    for (const doc of open) if (!doc.lines.includes(line)) doc.lines.push(line);
    return;
  }
  // Not ours to judge: with no other handler, fail as Node would have without this listener.
  if (process.listenerCount("unhandledRejection") <= 1) {
    throw reason instanceof Error ? reason : new Error(`unhandled promise rejection: ${describe(reason)}`);
  }
}

export class LateFailures {
  readonly lines: string[] = [];
  private closed = false;

  constructor() {
    if (open.size === 0) process.prependListener("unhandledRejection", onUnhandled);
    open.add(this);
  }

  /** The lines so far, after one turn of the event loop (a rejection pdf.js left pending is reported by then). */
  async settle(): Promise<string[]> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return [...this.lines];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    open.delete(this);
    if (open.size === 0) process.removeListener("unhandledRejection", onUnhandled);
  }
}

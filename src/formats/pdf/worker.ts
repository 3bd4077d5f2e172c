/**
 * The PDF worker thread: runs pdf.js on one document at a time and streams page data back, so the parent can
 * terminate it when pdf.js loops on a damaged file (a synchronous loop cannot be interrupted in-thread).
 *
 * Parent → worker: {id, bytes}. Worker → parent: {type: "ready"} once pdf.js is loaded, then per job
 * {id, type: "page", page} … {id, type: "done", pages, warnings?} or {id, type: "error", kind, message}. What pdf.js
 * leaves unhandled while a document is open is that document's (a warning, see late-failures.ts), so the thread
 * survives it and no later document is blamed.
 */
import { parentPort } from "node:worker_threads";
import { JixiaoError } from "../../errors.ts";
import { loadPdfjs } from "./pdfjs.ts";
import { readPages } from "./read-pages.ts";

const port = parentPort;
if (!port) throw new Error("the PDF worker must run in a worker thread");

// pdf.js reports through console.log ("Warning: …"); the parent's stdout may be carrying JSON.
console.log = () => undefined;
console.info = () => undefined;

await loadPdfjs({ ownThread: true });

port.on("message", async (msg: { id: number; bytes: Uint8Array; timeoutMs: number }) => {
  try {
    const { pages, warnings } = await readPages(
      msg.bytes,
      undefined,
      (page) => port.postMessage({ id: msg.id, type: "page", page }),
      msg.timeoutMs,
    );
    port.postMessage({ id: msg.id, type: "done", pages, warnings });
  } catch (err) {
    const kind = err instanceof JixiaoError ? err.kind : "damaged";
    const message =
      err instanceof JixiaoError ? err.message : `damaged PDF: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`;
    port.postMessage({ id: msg.id, type: "error", kind, message });
  }
});
port.postMessage({ type: "ready" });

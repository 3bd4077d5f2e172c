/**
 * PDF bytes → grid. pdf.js gives text runs and drawing operators per page (page-source, read-pages, rulings);
 * each page is laid out into ruled tables (lattice), borderless tables (stream) and free text lines
 * (page-layout); the pages are then assembled into tables with their context, joining tables that continue
 * over a page break (assemble).
 */
import type { GridDocument } from "../../grid/types.ts";
import { JixiaoError } from "../../errors.ts";
import { assemble } from "./assemble.ts";
import { layoutPage, type PageLayout } from "./page-layout.ts";
import { readPdfPages, type PageMode } from "./page-source.ts";
import { loadPdfjs } from "./pdfjs.ts";

export interface ReadPdfOptions {
  /** Where pdf.js runs: "auto" (a worker thread of ours when called on the main thread), "worker" or "in-thread". */
  mode?: PageMode;
  /** Longest a step (opening the file, one page) may take; past it reading fails with a "timeout" JixiaoError. */
  timeoutMs?: number;
}

/** PDF bytes → grid. Throws JixiaoError: encrypted, damaged, timeout, no-text. */
export async function readPdf(bytes: Uint8Array, file?: string): Promise<GridDocument> {
  return readPdfWith(bytes, file);
}

export async function readPdfWith(bytes: Uint8Array, file?: string, opts: ReadPdfOptions = {}): Promise<GridDocument> {
  const layouts: PageLayout[] = [];
  const read = await readPdfPages(bytes, file, (page) => layouts.push(layoutPage(page)), opts.mode, opts.timeoutMs);
  const pages = read.pages;
  if (layouts.length > 0 && layouts.every((p) => p.error)) {
    // Every page over a limit (settings/limits.ts) or damaged: the first over a limit says why, else the first.
    const over = layouts.find((p) => p.overLimit);
    if (over) throw new JixiaoError("too-large", `PDF too complex to read: page ${over.number} has ${over.error}`, file);
    throw new JixiaoError("damaged", `damaged PDF: ${layouts[0].error}`, file);
  }
  if (layouts.every((p) => p.textRuns === 0)) throw new JixiaoError("no-text", "no text layer (scanned?)", file);
  const warnings = [...layouts.flatMap((p) => p.warnings), ...(read.warnings ?? [])];
  const { tables, trailing } = assemble(layouts);
  return { format: "pdf", tables, trailing, pages, warnings };
}

/**
 * Load pdf.js into this thread now (≈0.3 s) instead of at the first PDF — for worker threads that read PDFs
 * in-thread and time each file. `ownThread: true` (only for a thread that runs nothing but jixiao) also lets
 * pdf.js inflate with its faster JavaScript decoder by removing the thread's global DecompressionStream.
 */
export async function preloadPdf(opts: { ownThread?: boolean } = {}): Promise<void> {
  await loadPdfjs(opts);
}

/**
 * pdf.js → plain page data (text runs and ruling lines in upright coordinates). This is the only module that
 * talks to pdf.js; it runs in the PDF worker thread or, when that is not available, in the caller's thread.
 */
import { JixiaoError } from "../../errors.ts";
import {
  PDF_MAX_OPERATORS_PER_PAGE,
  PDF_MAX_PAGE_SIDE_PT,
  PDF_MAX_RULINGS_PER_PAGE,
  PDF_MAX_TEXT_RUNS_PER_PAGE,
  PDF_PAGE_MARGIN_PT,
} from "../../settings/limits.ts";
import { fontProblem } from "./font-scan.ts";
import { LateFailures } from "./late-failures.ts";
import { loadPdfjs, pdfjsPackageDir, type PdfjsModule } from "./pdfjs.ts";
import { rulingsFromOperatorList } from "./rulings.ts";
import type { Box, HRule, PageData, TextRun, VRule } from "./types.ts";

/** A page that takes longer than this is stuck (pdf.js can wait forever on some damaged files). */
export const PAGE_TIMEOUT_MS = 30_000;

type Matrix = number[];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * A complete PDF has %%EOF after its last startxref (junk appended after that is tolerated); one that does not
 * was cut off — reading it would silently lose whatever came after the cut.
 */
export function looksTruncated(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eof = buf.lastIndexOf("%%EOF");
  return eof < 0 || eof < buf.lastIndexOf("startxref");
}

/** Place a pdf.js text item on the upright page. */
export function textRun(str: string, itemTransform: Matrix, width: number, viewportTransform: Matrix): TextRun {
  const m = multiply(viewportTransform, itemTransform);
  const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
  const ux = m[0],
    uy = m[1];
  const ul = Math.hypot(ux, uy) || 1;
  const upright = Math.abs(uy) < 0.05 * ul && ux > 0 && Math.abs(m[2]) < 0.05 * size;
  if (upright) {
    const baseline = m[5];
    return { str, x0: m[4], x1: m[4] + width, top: baseline - 0.85 * size, bottom: baseline + 0.15 * size, baseline, size, upright };
  }
  // Rotated text: the box spanned by the run direction and the glyph height.
  const dx = (ux / ul) * width,
    dy = (uy / ul) * width;
  const vl = Math.hypot(m[2], m[3]) || 1;
  // "Up" in text space points along (m[2], m[3]) on the page.
  const upx = (m[2] / vl) * size,
    upy = (m[3] / vl) * size;
  const xs: number[] = [],
    ys: number[] = [];
  for (const [a, b] of [
    [0, -0.15],
    [0, 0.85],
    [1, -0.15],
    [1, 0.85],
  ]) {
    xs.push(m[4] + a * dx + b * upx);
    ys.push(m[5] + a * dy + b * upy);
  }
  const top = Math.min(...ys),
    bottom = Math.max(...ys);
  const slanted = Math.min(Math.abs(ux), Math.abs(uy)) > 0.05 * ul;
  return { str, x0: Math.min(...xs), x1: Math.max(...xs), top, bottom, baseline: (top + bottom) / 2, size, upright, slanted };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string, file?: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JixiaoError("timeout", `${what} took longer than ${ms / 1000} s (damaged PDF?)`, file)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/** Turn whatever pdf.js threw into one line for the user. */
export function pdfError(err: unknown, file: string | undefined): JixiaoError {
  if (err instanceof JixiaoError) return err;
  const name = (err as { name?: string } | null)?.name ?? "";
  const raw = err instanceof Error ? err.message : String(err);
  if (name === "PasswordException") return new JixiaoError("encrypted", "password-protected PDF", file);
  const msg = raw.split("\n")[0].replace(/\.$/, "").trim() || "unreadable";
  const reason = msg.charAt(0).toLowerCase() + msg.slice(1);
  return new JixiaoError("damaged", `damaged PDF: ${reason}`, file);
}

export interface ReadPagesResult {
  pages: number;
  /** What went wrong in pdf.js outside any page read (a promise it left unhandled): one line each. */
  warnings?: string[];
}

/** A page over one of the per-page limits: skipped, with the reason as its error. */
class PageLimit extends Error {}

/**
 * Open the PDF once and hand over each page's data in order. Throws JixiaoError (encrypted, damaged, timeout).
 * `bytes` is copied: pdf.js may take ownership of the buffer it is given.
 */
export async function readPages(
  bytes: Uint8Array,
  file: string | undefined,
  onPage: (page: PageData) => void,
  pageTimeoutMs = PAGE_TIMEOUT_MS,
): Promise<ReadPagesResult> {
  if (looksTruncated(bytes)) throw new JixiaoError("damaged", "damaged PDF: truncated (the file ends before its %%EOF)", file);
  // Before pdf.js sees it: a damaged CMap range or CFF font would cost it hundreds of MB in one uninterruptible loop.
  const fonts = await fontProblem(bytes);
  if (fonts) throw new JixiaoError("too-large", `PDF too complex to read: ${fonts}`, file);
  const pdfjs = await loadPdfjs();
  const dir = pdfjsPackageDir();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${dir}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${dir}standard_fonts/`,
    wasmUrl: `${dir}wasm/`,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  // Whatever pdf.js leaves unhandled while this document is open (a page dictionary it prefetched and nobody
  // awaited) is this document's: a warning here, not a crash blamed on whichever file the thread reads next.
  const late = new LateFailures();
  try {
    // No onPassword handler: pdf.js then rejects with a PasswordException instead of waiting for a password.
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await withTimeout(task.promise, pageTimeoutMs, "opening the PDF", file);
    } catch (err) {
      await task.destroy().catch(() => undefined);
      throw pdfError(err, file);
    }
    let pages: number;
    try {
      const ops = pdfjs.OPS;
      for (let n = 1; n <= doc.numPages; n++) {
        let page: PageData;
        try {
          page = await withTimeout(readPage(pdfjs, doc, n, ops), pageTimeoutMs, `page ${n}`, file);
        } catch (err) {
          if (err instanceof JixiaoError && err.kind === "timeout") throw err;
          // One broken page does not lose the others; the caller warns (or fails if no page could be read).
          const reason = err instanceof PageLimit ? err.message : pdfError(err, file).message.replace(/^damaged PDF: /, "");
          page = { number: n, width: 0, height: 0, texts: [], h: [], v: [], images: [], error: reason };
          if (err instanceof PageLimit) page.overLimit = true;
        }
        onPage(page);
      }
      pages = doc.numPages;
    } finally {
      await doc.destroy().catch(() => undefined);
    }
    const warnings = await late.settle();
    return warnings.length > 0 ? { pages, warnings } : { pages };
  } finally {
    // Also on failure: a rejection still pending is reported before the next document starts.
    await late.settle();
    late.close();
  }
}

type PdfDoc = Awaited<ReturnType<PdfjsModule["getDocument"]>["promise"]>;

/**
 * The turn (0, 90, 180 or 270 degrees, y down) that most of the page's text runs in once the viewport is applied.
 * Landscape tables are sometimes printed as turned content on a portrait page without /Rotate.
 */
export function dominantTurn(items: { str: string; transform: Matrix }[], vt: Matrix): number {
  const weight = [0, 0, 0, 0];
  for (const it of items) {
    const m = multiply(vt, it.transform);
    const angle = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
    const q = ((Math.round(angle / 90) % 4) + 4) % 4;
    weight[q] += it.str.trim().length;
  }
  const total = weight.reduce((a, b) => a + b, 0);
  const best = weight.indexOf(Math.max(...weight));
  return best !== 0 && weight[best] > 0.6 * total ? best * 90 : 0;
}

/** The affine map (y down) that turns a width × height page so text running at `turn` degrees runs left to right. */
export function unturn(turn: number, width: number, height: number): { m: Matrix; width: number; height: number } {
  if (turn === 90) return { m: [0, -1, 1, 0, 0, width], width: height, height: width };
  if (turn === 270) return { m: [0, 1, -1, 0, height, 0], width: height, height: width };
  if (turn === 180) return { m: [-1, 0, 0, -1, width, height], width, height };
  return { m: [1, 0, 0, 1, 0, 0], width, height };
}

async function readPage(pdfjs: PdfjsModule, doc: PdfDoc, n: number, ops: PdfjsModule["OPS"]): Promise<PageData> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const items = await textItems(page);
    const turn = unturn(dominantTurn(items, viewport.transform), viewport.width, viewport.height);
    const vt = multiply(turn.m, viewport.transform);
    const width = Math.min(turn.width, PDF_MAX_PAGE_SIDE_PT);
    const height = Math.min(turn.height, PDF_MAX_PAGE_SIDE_PT);
    const texts: TextRun[] = [];
    let offPage = 0;
    for (const it of items) {
      const run = textRun(it.str, it.transform, it.width, vt);
      if (runOnPage(run, width, height)) texts.push(run);
      else offPage++;
    }
    const list = await operatorList(pdfjs, page);
    const rulings = rulingsFromOperatorList(list.fnArray, list.argsArray, ops, vt, PDF_MAX_RULINGS_PER_PAGE);
    if (rulings.overLimit)
      throw new PageLimit(`more than ${PDF_MAX_RULINGS_PER_PAGE.toLocaleString("en")} ruling lines (the limit per page)`);
    const h = rulings.h.flatMap((l) => clampH(l, width, height));
    const v = rulings.v.flatMap((l) => clampV(l, width, height));
    const images = rulings.images.flatMap((b) => clampBox(b, width, height));
    const data: PageData = { number: n, width: turn.width, height: turn.height, texts, h, v, images };
    if (offPage > 0) data.offPage = offPage;
    return data;
  } finally {
    page.cleanup();
  }
}

type PdfPage = Awaited<ReturnType<PdfDoc["getPage"]>>;
type TextItem = { str: string; transform: Matrix; width: number };

/**
 * The page's text items, read as pdf.js streams them; past PDF_MAX_TEXT_RUNS_PER_PAGE the stream is cancelled
 * and the page skipped (10^6 runs would hold over a gigabyte in pdf.js's objects alone).
 */
async function textItems(page: PdfPage): Promise<TextItem[]> {
  const reader = page.streamTextContent({ includeMarkedContent: false }).getReader();
  const items: TextItem[] = [];
  let seen = 0;
  try {
    for (;;) {
      const { value, done } = (await reader.read()) as { value?: { items: unknown[] }; done: boolean };
      if (done) break;
      for (const item of value?.items ?? []) {
        if (++seen > PDF_MAX_TEXT_RUNS_PER_PAGE) {
          throw new PageLimit(`more than ${PDF_MAX_TEXT_RUNS_PER_PAGE.toLocaleString("en")} text runs (the limit per page)`);
        }
        const it = item as { str?: string; transform?: number[]; width?: number };
        if (typeof it.str !== "string" || !it.str || !it.str.trim()) continue;
        items.push({ str: it.str, transform: it.transform as number[], width: it.width ?? 0 });
      }
    }
  } catch (err) {
    // With an Error as the reason: pdf.js cannot pass `undefined` on to its worker side, which would then wait
    // for the next read forever (and the document's destroy() with it).
    await reader.cancel(err instanceof Error ? err : new Error(String(err))).catch(() => undefined);
    throw err;
  }
  return items;
}

/**
 * The page's operator list, counted as pdf.js delivers it in chunks: past PDF_MAX_OPERATORS_PER_PAGE the list is
 * abandoned (pdf.js's own abort; the pending request is dropped) and the page skipped.
 */
async function operatorList(pdfjs: PdfjsModule, page: PdfPage): Promise<{ fnArray: number[]; argsArray: unknown[] }> {
  // pdf.js hands each chunk to the page proxy's _renderPageChunk; counting there is the only way to stop a list
  // before it is whole. Without that hook (another pdf.js version) the list is counted once complete.
  type Proxy = { _renderPageChunk?: (chunk: { length: number }, state: unknown) => void; _abortOperatorList?: (a: object) => void };
  const proxy = page as unknown as Proxy;
  const original = proxy._renderPageChunk;
  const tooMany = () =>
    new PageLimit(`more than ${PDF_MAX_OPERATORS_PER_PAGE.toLocaleString("en")} drawing operators (the limit per page)`);
  let stop: ((err: Error) => void) | null = null;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  if (typeof original === "function" && typeof proxy._abortOperatorList === "function") {
    let count = 0;
    proxy._renderPageChunk = function (this: unknown, chunk, state) {
      count += chunk.length;
      if (count > PDF_MAX_OPERATORS_PER_PAGE) {
        proxy._abortOperatorList!.call(page, { intentState: state, reason: new Error("operator limit"), force: true });
        stop?.(tooMany());
        return;
      }
      original.call(this, chunk, state);
    };
  }
  try {
    const pending = page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    pending.catch(() => undefined);
    const list = await Promise.race([pending, stopped]);
    if (list.fnArray.length > PDF_MAX_OPERATORS_PER_PAGE) throw tooMany();
    return list as { fnArray: number[]; argsArray: unknown[] };
  } finally {
    if (original) proxy._renderPageChunk = original;
  }
}

/** A finite coordinate inside [lo, hi]; NaN stays NaN (the caller drops it). */
const clamp = (x: number, lo: number, hi: number) => (Number.isNaN(x) ? x : Math.min(Math.max(x, lo), hi));

/** The page box grown by PDF_PAGE_MARGIN_PT: everything drawn is clamped to it. */
function bounds(width: number, height: number): Box {
  const m = PDF_PAGE_MARGIN_PT;
  return { x0: -m, y0: -m, x1: width + m, y1: height + m };
}

/**
 * Whether a text run lies within the page box grown by the margin. A run reaching further (a glyph box 10^33
 * points tall, a run placed 10^9 points away) is never visible; clamped instead, its middle (where a rotated run
 * is placed) would move onto the page. Such runs are dropped, with a warning (see layoutPage).
 */
export function runOnPage(r: TextRun, width: number, height: number): boolean {
  const b = bounds(width, height);
  const inX = (x: number) => x >= b.x0 && x <= b.x1;
  const inY = (y: number) => y >= b.y0 && y <= b.y1;
  return inX(r.x0) && inX(r.x1) && inY(r.top) && inY(r.bottom) && inY(r.baseline) && Number.isFinite(r.size);
}

/** A horizontal rule clamped to the page box ([] when it lies outside or is not a number). */
export function clampH(l: HRule, width: number, height: number): HRule[] {
  const b = bounds(width, height);
  if (!(l.y >= b.y0 && l.y <= b.y1) || !(l.x1 >= b.x0 && l.x0 <= b.x1)) return [];
  const x0 = clamp(l.x0, b.x0, b.x1),
    x1 = clamp(l.x1, b.x0, b.x1);
  return x0 === l.x0 && x1 === l.x1 ? [l] : [{ y: l.y, x0, x1 }];
}

/** A vertical rule clamped to the page box. */
export function clampV(l: VRule, width: number, height: number): VRule[] {
  const b = bounds(width, height);
  if (!(l.x >= b.x0 && l.x <= b.x1) || !(l.y1 >= b.y0 && l.y0 <= b.y1)) return [];
  const y0 = clamp(l.y0, b.y0, b.y1),
    y1 = clamp(l.y1, b.y0, b.y1);
  return y0 === l.y0 && y1 === l.y1 ? [l] : [{ x: l.x, y0, y1 }];
}

function clampBox(box: Box, width: number, height: number): Box[] {
  const b = bounds(width, height);
  if (!(box.x1 >= b.x0 && box.x0 <= b.x1 && box.y1 >= b.y0 && box.y0 <= b.y1)) return [];
  return [{ x0: clamp(box.x0, b.x0, b.x1), y0: clamp(box.y0, b.y0, b.y1), x1: clamp(box.x1, b.x0, b.x1), y1: clamp(box.y1, b.y0, b.y1) }];
}

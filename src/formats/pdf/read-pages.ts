/**
 * pdf.js → plain page data (text runs and ruling lines in upright coordinates). This is the only module that
 * talks to pdf.js; it runs in the PDF worker thread or, when that is not available, in the caller's thread.
 */
import { JixiaoError } from "../../errors.ts";
import { loadPdfjs, pdfjsPackageDir, type PdfjsModule } from "./pdfjs.ts";
import { rulingsFromOperatorList } from "./rulings.ts";
import type { PageData, TextRun } from "./types.ts";

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
  const ux = m[0], uy = m[1];
  const ul = Math.hypot(ux, uy) || 1;
  const upright = Math.abs(uy) < 0.05 * ul && ux > 0 && Math.abs(m[2]) < 0.05 * size;
  if (upright) {
    const baseline = m[5];
    return { str, x0: m[4], x1: m[4] + width, top: baseline - 0.85 * size, bottom: baseline + 0.15 * size, baseline, size, upright };
  }
  // Rotated text: the box spanned by the run direction and the glyph height.
  const dx = (ux / ul) * width, dy = (uy / ul) * width;
  const vl = Math.hypot(m[2], m[3]) || 1;
  // "Up" in text space points along (m[2], m[3]) on the page.
  const upx = (m[2] / vl) * size, upy = (m[3] / vl) * size;
  const xs: number[] = [], ys: number[] = [];
  for (const [a, b] of [[0, -0.15], [0, 0.85], [1, -0.15], [1, 0.85]]) {
    xs.push(m[4] + a * dx + b * upx);
    ys.push(m[5] + a * dy + b * upy);
  }
  const top = Math.min(...ys), bottom = Math.max(...ys);
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
}

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
  // No onPassword handler: pdf.js then rejects with a PasswordException instead of waiting for a password.
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await withTimeout(task.promise, pageTimeoutMs, "opening the PDF", file);
  } catch (err) {
    void task.destroy();
    throw pdfError(err, file);
  }
  try {
    const ops = pdfjs.OPS;
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PageData;
      try {
        page = await withTimeout(readPage(pdfjs, doc, n, ops), pageTimeoutMs, `page ${n}`, file);
      } catch (err) {
        if (err instanceof JixiaoError && err.kind === "timeout") throw err;
        // One broken page does not lose the others; the caller warns (or fails if no page could be read).
        const reason = pdfError(err, file).message.replace(/^damaged PDF: /, "");
        page = { number: n, width: 0, height: 0, texts: [], h: [], v: [], images: [], error: reason };
      }
      onPage(page);
    }
    return { pages: doc.numPages };
  } finally {
    await doc.destroy().catch(() => undefined);
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
    const content = await page.getTextContent({ includeMarkedContent: false });
    const items: { str: string; transform: Matrix; width: number }[] = [];
    for (const item of content.items) {
      if (!("str" in item) || !item.str || !item.str.trim()) continue;
      items.push({ str: item.str, transform: item.transform as number[], width: item.width });
    }
    const turn = unturn(dominantTurn(items, viewport.transform), viewport.width, viewport.height);
    const vt = multiply(turn.m, viewport.transform);
    const texts = items.map((it) => textRun(it.str, it.transform, it.width, vt));
    const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    const { h, v, images } = rulingsFromOperatorList(list.fnArray, list.argsArray, ops, vt);
    return { number: n, width: turn.width, height: turn.height, texts, h, v, images };
  } finally {
    page.cleanup();
  }
}

/**
 * Loading pdf.js: once, lazily (HTML and Word users never pay for it), from the installed package with every
 * resource URL resolved locally so nothing is ever fetched from the network.
 */
import { Module, createRequire } from "node:module";
import { dirname, sep } from "node:path";

type PdfjsModule = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
export type { PdfjsModule };

const require = createRequire(import.meta.url);

let loading: Promise<PdfjsModule> | null = null;

/**
 * The pdfjs-dist package directory with a trailing slash. A plain path, not a file: URL: in Node pdf.js reads
 * cMaps, standard fonts and wasm with fs.readFile(dir + name).
 */
export function pdfjsPackageDir(): string {
  return dirname(require.resolve("pdfjs-dist/package.json")) + sep;
}

export interface LoadOptions {
  /**
   * Make pdf.js inflate streams with its own JavaScript decoder instead of DecompressionStream, which costs
   * about a quarter of the reading time on documents with many small streams (Chromium's Type 3 fonts). This
   * removes the global DecompressionStream, so only our own PDF worker thread asks for it.
   */
  ownThread?: boolean;
}

/** Import pdf.js (and its worker module, run in this thread) once per thread. */
export function loadPdfjs(opts: LoadOptions = {}): Promise<PdfjsModule> {
  loading ??= importPdfjs(opts);
  return loading;
}

async function importPdfjs(opts: LoadOptions): Promise<PdfjsModule> {
  let hasCanvas = true;
  let canvasPath = "";
  try {
    // Resolved from pdf.js's own location: the copy its `require("@napi-rs/canvas")` would load.
    canvasPath = createRequire(require.resolve("pdfjs-dist/package.json")).resolve("@napi-rs/canvas");
  } catch {
    hasCanvas = false;
  }
  if (opts.ownThread) delete (globalThis as Record<string, unknown>).DecompressionStream;
  // pdf.js loads @napi-rs/canvas at import only to polyfill DOMMatrix, ImageData and Path2D for rendering, which
  // we never do; the native library costs ~34 MB of RSS per process. In a thread of our own, an empty stand-in
  // in this thread's require cache keeps it out (removed again after the import); DOMMatrix comes from below.
  const stubCanvas = opts.ownThread && hasCanvas && !require.cache[canvasPath];
  if (stubCanvas) {
    const stub = new Module(canvasPath);
    stub.filename = canvasPath;
    stub.loaded = true;
    require.cache[canvasPath] = stub;
    hasCanvas = false;
  }
  // Without @napi-rs/canvas pdf.js cannot polyfill DOMMatrix, which it needs at import time (text and operator
  // lists work with this much).
  if (!hasCanvas && !("DOMMatrix" in globalThis)) (globalThis as Record<string, unknown>).DOMMatrix = MinimalDOMMatrix;
  // The legacy build's core-js replaces Array.prototype.push, JSON.parse and JSON.stringify with slower
  // spec-edge-case polyfills for the whole thread (push alone was 10% of the reading time): put them back.
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  // Its import also prints "Warning: Cannot polyfill `ImageData` …" (rendering only; we never render) through
  // console.warn — noise on a library user's stderr — and older builds through console.log, where our JSON goes.
  const { log, warn } = console;
  const quiet =
    (print: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] === "string" && args[0].startsWith("Warning:")) return;
      print(...args);
    };
  console.log = quiet(log);
  console.warn = quiet(warn);
  try {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // Load the worker side now, not at the first getDocument, so its polyfills are undone here as well.
    const workerModule: string = "pdfjs-dist/legacy/build/pdf.worker.mjs"; // untyped: imported by name
    const worker = (await import(workerModule)) as unknown;
    (globalThis as Record<string, unknown>).pdfjsWorker = worker;
    return pdfjs;
  } finally {
    if (stubCanvas) delete require.cache[canvasPath];
    console.log = log;
    console.warn = warn;
    Array.prototype.push = natives.push;
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
  }
}

/** The affine part of DOMMatrix that pdf.js touches outside rendering. */
class MinimalDOMMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6);
  }
  get m11() {
    return this.a;
  }
  get m12() {
    return this.b;
  }
  get m21() {
    return this.c;
  }
  get m22() {
    return this.d;
  }
  get m41() {
    return this.e;
  }
  get m42() {
    return this.f;
  }
  get is2D() {
    return true;
  }
  multiplySelf(o: MinimalDOMMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * o.a + c * o.b;
    this.b = b * o.a + d * o.b;
    this.c = a * o.c + c * o.d;
    this.d = b * o.c + d * o.d;
    this.e = a * o.e + c * o.f + e;
    this.f = b * o.e + d * o.f + f;
    return this;
  }
  preMultiplySelf(o: MinimalDOMMatrix): this {
    const m = new MinimalDOMMatrix([o.a, o.b, o.c, o.d, o.e, o.f]).multiplySelf(this);
    Object.assign(this, { a: m.a, b: m.b, c: m.c, d: m.d, e: m.e, f: m.f });
    return this;
  }
  multiply(o: MinimalDOMMatrix): MinimalDOMMatrix {
    return new MinimalDOMMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(o);
  }
  translate(x = 0, y = 0): MinimalDOMMatrix {
    return this.multiply(new MinimalDOMMatrix([1, 0, 0, 1, x, y]));
  }
  scale(sx = 1, sy = sx): MinimalDOMMatrix {
    return this.multiply(new MinimalDOMMatrix([sx, 0, 0, sy, 0, 0]));
  }
  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (!det) {
      Object.assign(this, { a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
      return this;
    }
    Object.assign(this, { a: d / det, b: -b / det, c: -c / det, d: a / det, e: (c * f - d * e) / det, f: (b * e - a * f) / det });
    return this;
  }
}

/**
 * Where page data comes from. On the main thread pdf.js runs in a worker thread of ours, which is terminated
 * when a page makes no progress for PAGE_TIMEOUT_MS — pdf.js can spin forever on some damaged files, and a
 * synchronous loop cannot be interrupted otherwise. Inside a worker thread already (the batch pool, which has
 * its own per-file timeout) pdf.js runs in-thread with promise timeouts only.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isMainThread, type Worker } from "node:worker_threads";
import { JixiaoError, type ErrorKind } from "../../errors.ts";
import { WORKER_MAX_OLD_GENERATION_MB, WORKER_MAX_YOUNG_GENERATION_MB } from "../../settings/limits.ts";
import { spawnWorker } from "../../worker-exec-argv.ts";
import { PAGE_TIMEOUT_MS, readPages, type ReadPagesResult } from "./read-pages.ts";
import type { PageData } from "./types.ts";

export type PageMode = "auto" | "worker" | "in-thread";

/** Time allowed for the worker to start and load pdf.js. */
const STARTUP_TIMEOUT_MS = 30_000;

/** The compiled worker next to this module, or in dist/ when this module runs from src/ (tests, tsx). */
function workerUrl(): URL | null {
  const here = import.meta.url;
  const url = here.endsWith(".ts") ? new URL("../../../dist/formats/pdf/worker.js", here) : new URL("./worker.js", here);
  return existsSync(fileURLToPath(url)) ? url : null;
}

type WorkerMsg =
  | { type: "ready" }
  | { id: number; type: "page"; page: PageData }
  | { id: number; type: "done"; pages: number; warnings?: string[] }
  | { id: number; type: "error"; kind: ErrorKind; message: string };

interface Job {
  id: number;
  timeoutMs: number;
  bytes: Uint8Array;
  file: string | undefined;
  onPage: (page: PageData) => void;
  resolve: (r: ReadPagesResult) => void;
  reject: (e: Error) => void;
}

/** One long-lived worker, one document at a time; replaced after a timeout or crash. */
class PdfWorker {
  private worker: Worker | null = null;
  private ready = false;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(private readonly url: URL) {}

  read(bytes: Uint8Array, file: string | undefined, onPage: (page: PageData) => void, timeoutMs: number): Promise<ReadPagesResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, timeoutMs, bytes, file, onPage, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    // The batch workers' heap (settings/limits.ts): a PDF that needs more fails as too large instead of taking the
    // machine's memory. spawnWorker passes on the process's Node options, less those a worker refuses.
    const w = spawnWorker(this.url, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MAX_OLD_GENERATION_MB, maxYoungGenerationSizeMb: WORKER_MAX_YOUNG_GENERATION_MB },
    });
    w.on("message", (m: WorkerMsg) => this.onMessage(w, m));
    w.on("error", (err) => this.onCrash(w, err));
    w.on("exit", (code) => this.onCrash(w, new Error(`exited with code ${code}`)));
    this.worker = w;
    this.ready = false;
    this.arm(STARTUP_TIMEOUT_MS, "starting the PDF reader");
    return w;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) {
      if (!this.current && this.worker) this.worker.unref();
      return;
    }
    const w = this.worker ?? this.spawn();
    w.ref();
    if (!this.ready) return;
    const job = (this.current = this.queue.shift()!);
    const copy = new Uint8Array(job.bytes);
    this.arm(job.timeoutMs, "reading the PDF");
    w.postMessage({ id: job.id, bytes: copy, timeoutMs: job.timeoutMs }, [copy.buffer]);
  }

  private arm(ms: number, what: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fail(new JixiaoError("timeout", `${what} made no progress for ${ms / 1000} s (damaged PDF?)`)), ms);
  }

  private onMessage(w: Worker, m: WorkerMsg): void {
    if (w !== this.worker) return;
    if (m.type === "ready") {
      this.ready = true;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.pump();
      return;
    }
    const job = this.current;
    if (!job || m.id !== job.id) return;
    if (m.type === "page") {
      this.arm(job.timeoutMs, `page ${m.page.number + 1}`);
      try {
        job.onPage(m.page);
      } catch (err) {
        this.finish();
        job.reject(err as Error);
      }
      return;
    }
    this.finish();
    if (m.type === "done") job.resolve(m.warnings?.length ? { pages: m.pages, warnings: m.warnings } : { pages: m.pages });
    else job.reject(new JixiaoError(m.kind, m.message, job.file));
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    queueMicrotask(() => this.pump());
  }

  private onCrash(w: Worker, err: Error): void {
    if (w !== this.worker) return;
    const oom = (err as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
    this.fail(
      oom
        ? new JixiaoError("too-large", `PDF too large to read: the PDF reader ran out of memory (limit ${WORKER_MAX_OLD_GENERATION_MB} MB)`)
        : new JixiaoError("damaged", `damaged PDF: the PDF reader stopped (${err.message.split("\n")[0]})`),
    );
  }

  /** Kill the worker; the current job (or, if it never started, every queued job) fails with `err`. */
  private fail(err: JixiaoError): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const w = this.worker;
    this.worker = null;
    const wasReady = this.ready;
    this.ready = false;
    if (w) void w.terminate().catch(() => undefined);
    const failed = this.current ? [this.current] : wasReady ? [] : this.queue.splice(0);
    this.current = null;
    for (const job of failed) job.reject(new JixiaoError(err.kind, err.message, job.file));
    this.pump();
  }
}

let shared: PdfWorker | null | undefined;

/**
 * Read every page of a PDF, handing each over as it is read. `timeoutMs` bounds each step (opening, each page);
 * past it the worker is terminated (or, in-thread, the read abandoned) with a JixiaoError of kind "timeout".
 */
export function readPdfPages(
  bytes: Uint8Array,
  file: string | undefined,
  onPage: (page: PageData) => void,
  mode: PageMode = "auto",
  timeoutMs = PAGE_TIMEOUT_MS,
): Promise<ReadPagesResult> {
  const useWorker = mode === "worker" || (mode === "auto" && isMainThread);
  if (useWorker) {
    if (shared === undefined) {
      const url = workerUrl();
      shared = url ? new PdfWorker(url) : null;
    }
    if (shared) return shared.read(bytes, file, onPage, timeoutMs);
  }
  return readPages(bytes, file, onPage, timeoutMs);
}

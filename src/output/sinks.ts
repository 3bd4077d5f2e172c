/**
 * Where extracted documents go as they finish: a stream (stdout, or what target.ts makes of a special `-o`), one
 * combined file, or one file per input under a directory. Every file is written atomically and every write is
 * checked (a failed one is thrown, never ignored). The texts come already serialised (by the batch workers):
 * pretty JSON for `json`, a line for `ndjson`, header-less rows for `csv`.
 */
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { AtomicFile, makeDirs, writeFileAtomic, type AtomicOptions } from "./atomic.ts";
import { writeReason } from "./failure.ts";
import { JsonArrayWriter } from "./json.ts";
import { makeDirsInside } from "./paths.ts";

export type ExtractFormat = "json" | "ndjson" | "csv";

/** Text written in order; visible (for files) only after commit. */
export interface TextTarget {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * A stream such as stdout, with backpressure. Once the reader goes away (EPIPE) writes are dropped quietly (the
 * CLI stops); any other failure (a full disk behind `> file`) is kept and thrown by the next write or by commit,
 * which waits until everything written has been handed to the system.
 */
export class StreamTarget implements TextTarget {
  private broken = false;
  private pipeClosed = false;
  private error: NodeJS.ErrnoException | null = null;
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly stream: Writable | NodeJS.WriteStream) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      this.broken = true;
      this.note(err);
    });
  }

  private note(err: NodeJS.ErrnoException | null | undefined): void {
    if (!err) return;
    if (err.code === "EPIPE") this.pipeClosed = true;
    else if (!this.pipeClosed) this.error ??= err;
  }

  get closed(): boolean {
    return this.broken;
  }

  async write(text: string): Promise<void> {
    if (this.error) throw this.error;
    if (this.broken || text === "") return;
    let ok = true;
    this.last = new Promise<void>((resolve) => {
      ok = this.stream.write(text, (err?: Error | null) => {
        this.note(err as NodeJS.ErrnoException);
        resolve();
      });
    });
    if (!ok) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.stream.off("drain", done);
          this.stream.off("error", done);
          this.stream.off("close", done);
          resolve();
        };
        this.stream.on("drain", done);
        this.stream.on("error", done);
        this.stream.on("close", done);
      });
    }
    if (this.error) throw this.error;
  }

  async commit(): Promise<void> {
    if (!this.broken) await this.last;
    if (this.error) throw this.error;
  }

  async abort(): Promise<void> {}
}

/** A file that appears only when complete (see AtomicFile). */
export class FileTarget implements TextTarget {
  private file: AtomicFile | null = null;
  constructor(
    readonly path: string,
    private readonly opts: AtomicOptions = {},
  ) {}

  async write(text: string): Promise<void> {
    this.file ??= await AtomicFile.create(this.path, this.opts);
    await this.file.write(text);
  }

  async commit(): Promise<void> {
    this.file ??= await AtomicFile.create(this.path, this.opts);
    await this.file.commit();
  }

  async abort(): Promise<void> {
    await this.file?.abort();
  }
}

export interface DocumentSink {
  /** One input's serialised output. */
  add(input: string, text: string): Promise<void>;
  /** Close the output (commit files, close the JSON array). */
  finish(): Promise<void>;
  /** Drop whatever is not complete. */
  abort(): Promise<void>;
}

/**
 * All documents into one target in arrival order. `single`: exactly one document is expected and JSON is
 * written as that one object; otherwise JSON becomes an array. `header` is written first (CSV BOM + header).
 */
export class StreamSink implements DocumentSink {
  private readonly array: JsonArrayWriter | null;
  private started = false;
  private added = 0;

  constructor(
    private readonly target: TextTarget,
    private readonly format: ExtractFormat,
    private readonly opts: { single: boolean; header?: string },
  ) {
    this.array = format === "json" && !opts.single ? new JsonArrayWriter((t) => target.write(t)) : null;
  }

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.opts.header) await this.target.write(this.opts.header);
  }

  async add(_input: string, text: string): Promise<void> {
    await this.start();
    this.added++;
    if (this.array) await this.array.item(text);
    else if (this.format === "json") await this.target.write(text + "\n");
    else await this.target.write(text);
  }

  async finish(): Promise<void> {
    if (this.opts.single && this.added === 0) {
      // A single input that failed: no half or empty output.
      await this.target.abort();
      return;
    }
    await this.start();
    if (this.array) await this.array.end();
    await this.target.commit();
  }

  async abort(): Promise<void> {
    await this.target.abort();
  }
}

/** A write below the output directory that failed: names the output it was for (never a temp file). */
export class OutputWriteError extends Error {
  constructor(
    readonly target: string,
    override readonly cause: unknown,
  ) {
    super(`cannot write ${target}: ${writeReason(cause)}`);
    this.name = "OutputWriteError";
  }
}

/**
 * One file per input at paths decided before the batch (see planOutputPaths), each written atomically. Folders
 * are created by makeDirsInside: a symlink inside the output directory never leads a write, or a mkdir, out of it.
 */
export class DirectorySink implements DocumentSink {
  private ready: Promise<void> | null = null;

  constructor(
    private readonly outDir: string,
    private readonly paths: Map<string, string>,
    private readonly opts: { header?: string; format: ExtractFormat; write?: AtomicOptions["write"] },
  ) {}

  async add(input: string, text: string): Promise<void> {
    const target = this.paths.get(input);
    if (!target) throw new Error(`no output path for ${input}`);
    const body = (this.opts.header ?? "") + text + (this.opts.format === "json" ? "\n" : "");
    try {
      // The output directory itself is where the user asked for it; everything below it stays inside.
      this.ready ??= makeDirs(this.outDir);
      await this.ready;
      const realDir = await makeDirsInside(this.outDir, dirname(target));
      await writeFileAtomic(join(realDir, basename(target)), body, { mkdir: false, write: this.opts.write });
    } catch (err) {
      throw new OutputWriteError(target, err);
    }
  }

  async finish(): Promise<void> {}
  async abort(): Promise<void> {}
}

/**
 * Where extracted documents go as they finish: a stream (stdout), one combined file, or one file per input
 * under a directory. Every file is written atomically. The texts come already serialised (by the batch workers):
 * pretty JSON for `json`, a line for `ndjson`, header-less rows for `csv`.
 */
import { dirname } from "node:path";
import type { Writable } from "node:stream";
import { AtomicFile, makeDirs, writeFileAtomic } from "./atomic.ts";
import { JsonArrayWriter } from "./json.ts";
import { assertRealInside } from "./paths.ts";

export type ExtractFormat = "json" | "ndjson" | "csv";

/** Text written in order; visible (for files) only after commit. */
export interface TextTarget {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** A stream such as stdout, with backpressure; once the reader goes away (EPIPE) writes are dropped. */
export class StreamTarget implements TextTarget {
  private broken = false;
  constructor(private readonly stream: Writable | NodeJS.WriteStream) {
    stream.on("error", () => {
      this.broken = true;
    });
  }

  get closed(): boolean {
    return this.broken;
  }

  async write(text: string): Promise<void> {
    if (this.broken || text === "") return;
    if (this.stream.write(text)) return;
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

  async commit(): Promise<void> {}
  async abort(): Promise<void> {}
}

/** A file that appears only when complete. */
export class FileTarget implements TextTarget {
  private file: AtomicFile | null = null;
  constructor(readonly path: string) {}

  async write(text: string): Promise<void> {
    this.file ??= await AtomicFile.create(this.path);
    await this.file.write(text);
  }

  async commit(): Promise<void> {
    this.file ??= await AtomicFile.create(this.path);
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

/** One file per input at precomputed paths (see mirrorPaths), each written atomically. */
export class DirectorySink implements DocumentSink {
  constructor(
    private readonly outDir: string,
    private readonly paths: Map<string, string>,
    private readonly opts: { header?: string; format: ExtractFormat },
  ) {}

  async add(input: string, text: string): Promise<void> {
    const target = this.paths.get(input);
    if (!target) throw new Error(`no output path for ${input}`);
    const body = (this.opts.header ?? "") + text + (this.opts.format === "json" ? "\n" : "");
    await makeDirs(dirname(target));
    await assertRealInside(this.outDir, dirname(target));
    await writeFileAtomic(target, body);
  }

  async finish(): Promise<void> {}
  async abort(): Promise<void> {}
}

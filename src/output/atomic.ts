/**
 * Atomic writes: everything goes to a temp file in the target's directory and is renamed over the target only
 * when complete, so an interrupted run or a full disk never leaves a half-written output. Every write is checked:
 * a short write is continued, a write that makes no progress or fails aborts the file (the temp file is removed,
 * the target is left as it was). Nothing is ever renamed over a target that exists and is not a regular file
 * (a device, a FIFO, a socket, a directory, a symlink). Live temp files are tracked so a signal handler can remove
 * them (removeLiveTempFiles) before the process exits.
 */
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { lstat, mkdir, open, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const live = new Set<string>();

/** Remove every temp file still being written (synchronous: safe in a signal or exit handler). */
export function removeLiveTempFiles(): void {
  for (const tmp of live) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  live.clear();
}

/**
 * One write call: `length` bytes of `data` from `offset` at the file's current position; resolves to how many
 * bytes were written, which may be fewer (a short write: the disk filled up, a file-size limit was reached).
 * The seam through which tests inject a full disk.
 */
export type WriteFn = (fh: FileHandle, data: Uint8Array, offset: number, length: number) => Promise<number>;

export const defaultWrite: WriteFn = async (fh, data, offset, length) => (await fh.write(data, offset, length)).bytesWritten;

/**
 * Write all of `data` through `write`, continuing after short writes. A write that makes no progress is an
 * error (ENOSPC): the caller must not treat the output as complete.
 */
export async function writeAll(
  write: (data: Uint8Array, offset: number, length: number) => Promise<number>,
  data: Uint8Array,
): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const n = await write(data, offset, data.length - offset);
    if (!Number.isInteger(n) || n <= 0 || n > data.length - offset) {
      throw Object.assign(new Error("no space left on device (a write made no progress)"), { code: "ENOSPC" });
    }
    offset += n;
  }
}

export function toBytes(text: string | Uint8Array): Uint8Array {
  return typeof text === "string" ? Buffer.from(text, "utf8") : text;
}

/** The error thrown when a target exists and is not a regular file: it is never replaced. */
export function notRegularFileError(target: string, what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${what} is in the way, not a regular file: refusing to replace it`), { code: "ENOTREG", path: target });
}

/** What kind of thing a stat describes, for messages. */
export function fileKind(s: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSymbolicLink(): boolean;
}): string {
  if (s.isDirectory()) return "a directory";
  if (s.isSymbolicLink()) return "a symbolic link";
  if (s.isFIFO()) return "a FIFO";
  if (s.isSocket()) return "a socket";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  return "a special file";
}

/**
 * `mkdir -p` one level at a time. Node's own `recursive: true` spins forever on some special file systems
 * (`/proc/x/y`), which would turn a bad `-o` into a hang. For folders below an output directory use
 * makeDirsInside (paths.ts), which never follows a symlink out of it.
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let d = dir;
  for (;;) {
    const s = await stat(d).catch((err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? null : Promise.reject(err)));
    if (s) {
      if (!s.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: "ENOTDIR", path: d });
      break;
    }
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing.reverse()) {
    await mkdir(m).catch((err: NodeJS.ErrnoException) => (err.code === "EEXIST" ? undefined : Promise.reject(err)));
  }
}

/** Bytes of the target's name kept in its temp name: a 255-byte target name must still give a valid temp name. */
const TEMP_NAME_KEEP_BYTES = 200;

/** The temp name used while writing `target`: hidden, in the same directory (rename must not cross devices). */
export function tempPathFor(target: string): string {
  let name = basename(target);
  if (Buffer.byteLength(name, "utf8") > TEMP_NAME_KEEP_BYTES) {
    let kept = "";
    for (const ch of name) {
      if (Buffer.byteLength(kept + ch, "utf8") > TEMP_NAME_KEEP_BYTES) break;
      kept += ch;
    }
    name = kept;
  }
  return join(dirname(target), `.${name}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

export interface AtomicOptions {
  /** Create the target's directory first (default true). */
  mkdir?: boolean;
  /** The write call (tests inject short writes and ENOSPC). */
  write?: WriteFn;
}

/** Throws notRegularFileError when `target` exists and is anything but a regular file (symlinks not followed). */
export async function assertReplaceable(target: string): Promise<void> {
  const s = await lstat(target).catch((err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? null : Promise.reject(err)));
  if (s && !s.isFile()) throw notRegularFileError(target, fileKind(s));
}

/** A file written in pieces; becomes visible at `target` only on commit(), and only if every write succeeded. */
export class AtomicFile {
  private fh: FileHandle | null = null;
  private readonly tmp: string;
  private done = false;
  /** A write failed: the file can only be aborted. */
  private failed: unknown = null;

  private constructor(
    readonly target: string,
    private readonly writeFn: WriteFn,
  ) {
    this.tmp = tempPathFor(target);
  }

  static async create(target: string, opts: AtomicOptions = {}): Promise<AtomicFile> {
    const f = new AtomicFile(target, opts.write ?? defaultWrite);
    if (opts.mkdir !== false) await makeDirs(dirname(target));
    // Refuse before writing anything: a device, FIFO or directory at the target is never replaced.
    await assertReplaceable(target);
    live.add(f.tmp);
    try {
      f.fh = await open(f.tmp, "wx");
    } catch (err) {
      live.delete(f.tmp);
      throw err;
    }
    return f;
  }

  async write(text: string | Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    const fh = this.fh;
    if (!fh || this.done) throw new Error(`${this.target}: write after close`);
    try {
      await writeAll((data, offset, length) => this.writeFn(fh, data, offset, length), toBytes(text));
    } catch (err) {
      this.failed = err;
      throw err;
    }
  }

  /** Close and move into place; on any failure the temp file is removed and the target left as it was. */
  async commit(): Promise<void> {
    if (this.failed) {
      await this.abort();
      throw this.failed;
    }
    if (this.done) return;
    this.done = true;
    try {
      await this.fh?.close();
      this.fh = null;
      await assertReplaceable(this.target);
      await rename(this.tmp, this.target);
    } catch (err) {
      await this.fh?.close().catch(() => undefined);
      this.fh = null;
      await unlink(this.tmp).catch(() => undefined);
      throw err;
    } finally {
      live.delete(this.tmp);
    }
  }

  /** Close and throw the partial output away; the target is left as it was. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.fh?.close().catch(() => undefined);
    this.fh = null;
    await unlink(this.tmp).catch(() => undefined);
    live.delete(this.tmp);
  }
}

/** Write a whole file atomically (creating its directory unless opts.mkdir is false). */
export async function writeFileAtomic(target: string, data: string | Uint8Array, opts: AtomicOptions = {}): Promise<void> {
  const f = await AtomicFile.create(target, opts);
  try {
    await f.write(data);
  } catch (err) {
    await f.abort();
    throw err;
  }
  await f.commit();
}

/**
 * Atomic writes: everything goes to a temp file in the target's directory and is renamed over the target only
 * when complete, so an interrupted run never leaves a half-written output. Live temp files are tracked so a
 * signal handler can remove them (removeLiveTempFiles) before the process exits.
 */
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { mkdir, open, rename, stat, unlink, type FileHandle } from "node:fs/promises";
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
 * `mkdir -p` one level at a time. Node's own `recursive: true` spins forever on some special file systems
 * (`/proc/x/y`), which would turn a bad `-o` into a hang.
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

/** The temp name used while writing `target`: hidden, in the same directory (rename must not cross devices). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** A file written in pieces; becomes visible at `target` only on commit(). */
export class AtomicFile {
  private fh: FileHandle | null = null;
  private readonly tmp: string;
  private done = false;

  private constructor(readonly target: string) {
    this.tmp = tempPathFor(target);
  }

  static async create(target: string): Promise<AtomicFile> {
    const f = new AtomicFile(target);
    await makeDirs(dirname(target));
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
    if (!this.fh) throw new Error(`${this.target}: write after close`);
    if (typeof text === "string") await this.fh.write(text);
    else await this.fh.write(text);
  }

  /** Close and move into place. */
  async commit(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.fh?.close();
      this.fh = null;
      await rename(this.tmp, this.target);
    } catch (err) {
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

/** Write a whole file atomically (creating its directory). */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const f = await AtomicFile.create(target);
  try {
    await f.write(data);
  } catch (err) {
    await f.abort();
    throw err;
  }
  await f.commit();
}

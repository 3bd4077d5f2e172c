/**
 * What `-o PATH` names when the output is one stream of text (one input, or combined NDJSON/CSV), decided before
 * anything is read:
 *
 * - nothing yet, or a regular file → written atomically (temp file + rename). A symlink to a regular file is
 *   followed: the file it points to is replaced, the link stays.
 * - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N` → the descriptor the shell already opened,
 *   written in order (`>> log` appends, a pipe streams); never opened by name, never renamed over.
 * - a FIFO, the null device, a terminal (`/dev/tty`, `/dev/pts/N`) → opened and written in order.
 * - a directory → the caller decides (one file per input below it).
 * - anything else (block devices, sockets, other character devices, a dangling symlink) → refused, one line.
 */
import { constants, write as writeCb } from "node:fs";
import { lstat, open, realpath, stat, type FileHandle } from "node:fs/promises";
import { normalize } from "node:path";
import type { Writable } from "node:stream";
import { defaultWrite, fileKind, toBytes, writeAll, type AtomicOptions } from "./atomic.ts";
import { resolveOutputPath } from "./paths.ts";
import { FileTarget, StreamTarget, type TextTarget } from "./sinks.ts";

export type OutputKind =
  | { kind: "file"; path: string }
  | { kind: "fd"; fd: number }
  | { kind: "stream"; path: string }
  | { kind: "directory"; path: string }
  | { kind: "refused"; reason: string };

const FD_PATH = /^\/(?:dev\/(stdin|stdout|stderr)|dev\/fd\/(\d+)|proc\/self\/fd\/(\d+))$/;
const TERMINAL = /^\/dev\/(?:tty|pts\/\d+)$/;

const SUPPORTED = "-o takes a file, a directory, a FIFO, /dev/stdout or /dev/null";

/** Classify an output path (see the module comment). Never creates or opens anything. */
export async function classifyOutput(out: string): Promise<OutputKind> {
  const m = FD_PATH.exec(normalize(out));
  if (m) {
    const fd = m[1] ? ["stdin", "stdout", "stderr"].indexOf(m[1]) : Number(m[2] ?? m[3]);
    if (fd === 0) return { kind: "refused", reason: `standard input is not an output; ${SUPPORTED}` };
    return { kind: "fd", fd };
  }
  const s = await stat(out).catch((err: NodeJS.ErrnoException) => err);
  if (s instanceof Error) {
    if (s.code === "ENOENT") {
      const l = await lstat(out).catch(() => null);
      if (l?.isSymbolicLink()) return { kind: "refused", reason: `a symbolic link to nothing; ${SUPPORTED}` };
    }
    // Missing (the usual case), or unreachable: the write will say why.
    return { kind: "file", path: await resolveOutputPath(out) };
  }
  if (s.isDirectory()) return { kind: "directory", path: await resolveOutputPath(out) };
  if (s.isFile()) return { kind: "file", path: await realpath(out) };
  if (s.isFIFO()) return { kind: "stream", path: out };
  if (s.isCharacterDevice()) {
    const real = await realpath(out).catch(() => out);
    const devNull = await stat("/dev/null").catch(() => null);
    if ((devNull && devNull.isCharacterDevice() && s.rdev === devNull.rdev) || TERMINAL.test(real)) return { kind: "stream", path: out };
  }
  return { kind: "refused", reason: `not a regular file (${fileKind(s).replace(/^an? /, "")}): refusing to write to it; ${SUPPORTED}` };
}

/** A FIFO, the null device or a terminal: opened at the first write (a FIFO waits for its reader), written in order. */
export class PathStreamTarget implements TextTarget {
  private fh: FileHandle | null = null;
  private failed: unknown = null;

  constructor(
    readonly path: string,
    private readonly opts: AtomicOptions = {},
  ) {}

  async write(text: string): Promise<void> {
    if (this.failed) throw this.failed;
    try {
      // No O_CREAT: if the FIFO went away meanwhile, fail rather than create a regular file in its place.
      this.fh ??= await open(this.path, constants.O_WRONLY | constants.O_NOCTTY);
      const fh = this.fh;
      const w = this.opts.write ?? defaultWrite;
      await writeAll((data, offset, length) => w(fh, data, offset, length), toBytes(text));
    } catch (err) {
      this.failed = err;
      throw err;
    }
  }

  async commit(): Promise<void> {
    if (this.failed) {
      await this.abort();
      throw this.failed;
    }
    this.fh ??= await open(this.path, constants.O_WRONLY | constants.O_NOCTTY);
    const fh = this.fh;
    this.fh = null;
    await fh.close();
  }

  /** Close; a FIFO reader still waiting sees end of file (opening without a reader would block: not tried). */
  async abort(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    if (fh) await fh.close().catch(() => undefined);
    else {
      const s = await stat(this.path).catch(() => null);
      if (!s?.isFIFO()) return;
      const nb = await open(this.path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY).catch(() => null);
      await nb?.close().catch(() => undefined);
    }
  }
}

/** A descriptor the process already has open (`/dev/fd/3`): written in order, never closed. */
export class FdTarget implements TextTarget {
  private failed: unknown = null;
  constructor(readonly fd: number) {}

  async write(text: string): Promise<void> {
    if (this.failed) throw this.failed;
    try {
      await writeAll(
        (data, offset, length) =>
          new Promise<number>((resolve, reject) =>
            writeCb(this.fd, data, offset, length, null, (err, n) => (err ? reject(err) : resolve(n))),
          ),
        toBytes(text),
      );
    } catch (err) {
      this.failed = err;
      throw err;
    }
  }

  async commit(): Promise<void> {
    if (this.failed) throw this.failed;
  }
  async abort(): Promise<void> {}
}

/**
 * The target for a classified `-o` that is not a directory. `stdout` is the process's standard output stream
 * (descriptor 1 is written through it so its bytes stay in order with everything else written there).
 */
export function targetFor(
  kind: Exclude<OutputKind, { kind: "directory" } | { kind: "refused" }>,
  stdout: Writable,
  opts: AtomicOptions = {},
): TextTarget {
  switch (kind.kind) {
    case "file":
      return new FileTarget(kind.path, opts);
    case "fd":
      return kind.fd === 1 ? new StreamTarget(stdout) : new FdTarget(kind.fd);
    case "stream":
      return new PathStreamTarget(kind.path, opts);
  }
}

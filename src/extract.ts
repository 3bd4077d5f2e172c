import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import type { GridDocument } from "./grid/types.ts";
import type { Document } from "./model/types.ts";
import { JixiaoError } from "./errors.ts";
import { detectFormat, inputLimit, notRegularFile, tooLargeMessage } from "./formats/detect.ts";
import { readGrid } from "./formats/index.ts";
import { interpret } from "./interpret/index.ts";

export interface Input {
  /** Shown in errors and stored as source.path. */
  path: string;
  bytes: Uint8Array;
}

async function load(file: string | Input): Promise<Input> {
  if (typeof file !== "string") return file;
  return { path: file, bytes: await readInput(file) };
}

function unreadable(err: unknown, path: string): JixiaoError {
  if (err instanceof JixiaoError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "is a directory"
        : code === "EACCES"
          ? "permission denied"
          : (err as Error).message.split("\n")[0];
  return new JixiaoError("unreadable", reason, path);
}

/** Bytes read first, to tell the format (and so its size limit) before the rest is read. */
const HEAD_BYTES = 64 * 1024;

/**
 * Read an input file with bounded memory. Only a regular file is read: a FIFO, a device (/dev/zero) or a socket
 * is refused from its `stat` before it is opened (and opened non-blocking, then checked again, so a path swapped
 * in between cannot hang us). The first 64 KB tell the format; a file over that format's INPUT_MAX_BYTES is
 * refused from its size, and reading stops at the limit should the file grow (or `stat` under-report, as /proc
 * files do). Errors are one line naming `path`.
 */
export async function readInput(path: string): Promise<Uint8Array> {
  const special = await stat(path).then(notRegularFile, (err: unknown) => {
    throw unreadable(err, path);
  });
  if (special) throw new JixiaoError("unreadable", special, path);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw unreadable(err, path);
  }
  try {
    const st = await handle.stat();
    const swapped = notRegularFile(st);
    if (swapped) throw new JixiaoError("unreadable", swapped, path);
    const head = Buffer.allocUnsafe(HEAD_BYTES);
    let length = await fill(handle, head, 0);
    const format = detectFormat(head.subarray(0, length), path);
    const limit = inputLimit(format).bytes;
    if (st.size > limit) throw new JixiaoError("too-large", tooLargeMessage(format, st.size), path);
    if (length < HEAD_BYTES) return new Uint8Array(head.buffer, head.byteOffset, length);
    // One byte past the limit tells a file that grew beyond it.
    let buf = Buffer.allocUnsafe(Math.min(Math.max(st.size, HEAD_BYTES * 2), limit) + 1);
    head.copy(buf, 0, 0, length);
    for (;;) {
      length = await fill(handle, buf, length);
      if (length < buf.length) break;
      if (buf.length > limit) throw new JixiaoError("too-large", tooLargeMessage(format, limit, true), path);
      const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
      buf.copy(grown, 0, 0, length);
      buf = grown;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, length);
  } catch (err) {
    throw unreadable(err, path);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Read into `buf` from `from` until it is full or the file ends; the new length. */
async function fill(handle: FileHandle, buf: Buffer, from: number): Promise<number> {
  let at = from;
  while (at < buf.length) {
    const { bytesRead } = await handle.read(buf, at, buf.length - at, null);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at;
}

/** Read a document's tables as grids, whatever the format. */
export async function extractGrid(file: string | Input): Promise<GridDocument> {
  const input = await load(file);
  return readGrid(input.bytes, input.path);
}

/** Read a document (PDF, .docx, HTML) into the normalized model. */
export async function extract(file: string | Input): Promise<Document> {
  const input = await load(file);
  const format = detectFormat(input.bytes, input.path);
  const grid = await readGrid(input.bytes, input.path, format);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const source: Document["source"] = { path: input.path, format: grid.format, sha256 };
  if (grid.pages !== undefined) source.pages = grid.pages;
  return interpret(grid, source);
}

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { GridDocument } from "./grid/types.ts";
import type { Document } from "./model/types.ts";
import { JixiaoError } from "./errors.ts";
import { detectFormat, readGrid } from "./formats/index.ts";
import { interpret } from "./interpret/index.ts";

export interface Input {
  /** Shown in errors and stored as source.path. */
  path: string;
  bytes: Uint8Array;
}

async function load(file: string | Input): Promise<Input> {
  if (typeof file !== "string") return file;
  try {
    return { path: file, bytes: await readFile(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (err as Error).message;
    throw new JixiaoError("unreadable", reason, file);
  }
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

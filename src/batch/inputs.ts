/**
 * Command-line inputs → the list of files to process: files as given, folders walked recursively (hidden
 * entries skipped, sorted for a stable order), globs expanded here (a quoted glob reaches us unexpanded),
 * `-` for stdin. Only paths are kept, so 10,000 inputs cost next to nothing.
 *
 * Only regular files are read: a FIFO, a device (/dev/zero, /dev/stdin) or a socket named on the command line or
 * matched by a glob is refused here, up front, with one line (a folder walk passes over them), as is a file larger
 * than any input may be (MAX_INPUT_BYTES; the limit per format is applied when the file is read).
 */
import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { MAX_INPUT_BYTES, megabytes, notRegularFile } from "../formats/detect.ts";

export interface InputItem {
  /** The path as shown and written (relative when the user typed it relative); "-" for stdin. */
  path: string;
  /** Named on the command line (a file or `-`), as opposed to found in a folder or by a glob. */
  explicit: boolean;
}

export interface InputProblem {
  /** The argument as typed. */
  arg: string;
  reason: string;
}

export interface ExpandedInputs {
  items: InputItem[];
  /** Arguments that name nothing: missing files, globs matching nothing. */
  problems: InputProblem[];
  /** True when the command line names exactly one file (or stdin): its failure is a usage-level failure. */
  single: boolean;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push(p);
    else if (e.isSymbolicLink()) {
      // Follow links to files only: a link to a folder could loop.
      const s = await stat(p).catch(() => null);
      if (s?.isFile()) out.push(p);
    }
  }
}

/** Why an input that exists is not read (a special file, or larger than any input may be), or null. */
function refusal(s: Awaited<ReturnType<typeof stat>>): string | null {
  const special = notRegularFile(s);
  if (special) return special;
  if (s.size > MAX_INPUT_BYTES)
    return `${megabytes(Number(s.size))}: larger than the ${megabytes(MAX_INPUT_BYTES)} limit for any input; refusing`;
  return null;
}

/** Expand command-line arguments into files. Duplicates (the same path reached twice) are dropped. */
export async function expandInputs(args: readonly string[]): Promise<ExpandedInputs> {
  const items: InputItem[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    items.push({ path, explicit });
  };
  let stdinUsed = false;
  for (const arg of args) {
    if (arg === "-") {
      if (!stdinUsed) add("-", true);
      stdinUsed = true;
      continue;
    }
    const s = await stat(arg).catch((err: NodeJS.ErrnoException) => err);
    if (!(s instanceof Error)) {
      if (s.isDirectory()) {
        const files: string[] = [];
        try {
          await walk(arg, files);
        } catch (err) {
          problems.push({ arg, reason: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
          continue;
        }
        if (files.length === 0) problems.push({ arg, reason: "empty folder: no files to read" });
        for (const f of files) add(f, false);
      } else {
        const refused = refusal(s);
        if (refused) problems.push({ arg, reason: refused });
        else add(arg, true);
      }
      continue;
    }
    if (isDynamicPattern(arg)) {
      const matches = (await glob(arg, { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(arg) })).sort();
      if (matches.length === 0) problems.push({ arg, reason: "no files match this pattern" });
      for (const m of matches) {
        // tinyglobby leaves out FIFOs but keeps a symlink to a device.
        const ms = await stat(m).catch(() => null);
        const refused = ms ? refusal(ms) : null;
        if (refused) problems.push({ arg: m, reason: refused });
        else add(m, false);
      }
      continue;
    }
    const code = s.code;
    problems.push({ arg, reason: code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : s.message.split("\n")[0] });
  }
  const single = args.length === 1 && items.length <= 1 && (items.length === 0 || items[0].explicit);
  return { items, problems, single };
}

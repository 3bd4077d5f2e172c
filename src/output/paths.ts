/**
 * Where `-o DIR` puts each input's output. One rule, decided for the whole batch before anything is written:
 *
 *   the input path mirrored under DIR, its file name kept whole and the format's extension appended
 *   (`a/b.pdf` → `DIR/a/b.pdf.json`, `c.gbk.html` → `DIR/c.gbk.html.json`).
 *
 * Whatever the input path (`../x.pdf`, `/abs/y.pdf`, `a/../../z.pdf`) the result stays inside DIR: the root is
 * dropped, every `..` becomes `__`, and the characters Windows and shells trip over (`:*?"<>|`, control
 * characters) become `_`. When two inputs still land on one name (`a"b.docx` and `a_b.docx`; names that differ
 * only in case count as one, as on macOS and Windows), the input whose path needed no change keeps it, then the
 * first in code-point order, and the others get `~2`, `~3`… before the extension (`a_b.docx~2.json`); every such
 * rename is returned so it can be reported. A name longer than OUTPUT_NAME_MAX_BYTES is cut and given a hash.
 *
 * Folders below DIR are created by makeDirsInside, which follows no symlink out of DIR (it checks each level's
 * real location before creating the next).
 */
import { createHash } from "node:crypto";
import { lstat, mkdir, realpath } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize, parse, relative, resolve, sep } from "node:path";
import { OUTPUT_NAME_MAX_BYTES } from "../settings/limits.ts";

const UNSAFE_NAME_CHARS = /[:*?"<>|\x00-\x1f\x7f]/g;

/** The path segments of an input path, made safe to nest under an output directory. */
export function safeSegments(inputPath: string): string[] {
  if (inputPath === "-" || inputPath === "<stdin>") return ["stdin"];
  const norm = normalize(inputPath);
  const root = parse(norm).root;
  const rest = norm.slice(root.length);
  const parts = rest
    .split(/[\\/]+/)
    .filter((p) => p !== "" && p !== ".")
    .map((p) => (p === ".." ? "__" : p.replace(UNSAFE_NAME_CHARS, "_")));
  return parts.length ? parts : ["stdin"];
}

/** True when `child` is `dir` itself or below it (lexically). */
export function isInside(dir: string, child: string): boolean {
  const rel = relative(resolve(dir), resolve(child));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

const utf8Length = (s: string) => Buffer.byteLength(s, "utf8");

/** `s` cut to at most `max` UTF-8 bytes, never inside a character. */
function cutToBytes(s: string, max: number): string {
  let out = "";
  let bytes = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** A name part that fits in `max` bytes: itself, or a cut prefix plus `-` and 8 hex digits of its hash. */
function fitName(name: string, max: number): string {
  if (utf8Length(name) <= max) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${cutToBytes(name, max - 9)}-${hash}`;
}

/** Room kept in a file name for a collision suffix (`~` and up to 6 digits). */
const SUFFIX_ROOM = 7;

function checkInside(outDir: string, out: string, inputPath: string): string {
  if (!isInside(outDir, out) || resolve(out) === resolve(outDir)) {
    throw new Error(`refusing to write outside the output directory: ${inputPath}`);
  }
  return out;
}

/** The output path of one input by the rule above (no collision handling): `DIR/<mirrored input><ext>`. */
export function mirrorPath(outDir: string, inputPath: string, ext: string): string {
  const { dirs, name } = mirrorParts(inputPath, ext);
  return checkInside(outDir, join(resolve(outDir), ...dirs, name + ext), inputPath);
}

function mirrorParts(inputPath: string, ext: string): { dirs: string[]; name: string } {
  const parts = safeSegments(inputPath).map((p) => fitName(p, OUTPUT_NAME_MAX_BYTES));
  const last = parts.pop() as string;
  return { dirs: parts, name: fitName(last, OUTPUT_NAME_MAX_BYTES - utf8Length(ext) - SUFFIX_ROOM) };
}

/** An input whose output name was taken by another input of the batch and got a numbered one instead. */
export interface OutputRename {
  input: string;
  /** The path the rule gives it, taken. */
  wanted: string;
  /** The path it gets. */
  path: string;
  /** The input that keeps the plain name. */
  clashesWith: string;
}

export interface OutputPlan {
  /** input path → output path, one distinct path per input. */
  paths: Map<string, string>;
  renames: OutputRename[];
}

/** The comparison key of an output path: file systems that ignore case or normalise Unicode see one file. */
const collisionKey = (p: string) => p.normalize("NFC").toLowerCase();

/**
 * Output paths for every input of a batch (see the module comment), decided before anything is written.
 * Deterministic: the same set of inputs gives the same paths whatever their order.
 */
export function planOutputPaths(outDir: string, inputPaths: readonly string[], ext: string): OutputPlan {
  const root = resolve(outDir);
  const entries = inputPaths.map((input) => {
    const { dirs, name } = mirrorParts(input, ext);
    const plain = checkInside(root, join(root, ...dirs, name + ext), input);
    // An input whose path needed no change at all (no character replaced, no `..`, nothing cut) has the best
    // claim to its name.
    const own =
      input === "-" || input === "<stdin>"
        ? ["stdin"]
        : normalize(input)
            .split(/[\\/]+/)
            .filter((p) => p !== "" && p !== ".");
    const exact = own.length === dirs.length + 1 && own.every((seg, i) => seg === (i < dirs.length ? dirs[i] : name));
    return { input, dirs, name, plain, exact };
  });
  const groups = new Map<string, typeof entries>();
  for (const e of entries) {
    const k = collisionKey(e.plain);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const taken = new Set(groups.keys());
  const paths = new Map<string, string>();
  const renames: OutputRename[] = [];
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const key of [...groups.keys()].sort(byCodePoint)) {
    const group = (groups.get(key) as typeof entries).sort((a, b) => Number(b.exact) - Number(a.exact) || byCodePoint(a.input, b.input));
    const [first, ...rest] = group;
    paths.set(first.input, first.plain);
    let n = 2;
    for (const e of rest) {
      let candidate: string;
      do candidate = join(root, ...e.dirs, `${e.name}~${n++}${ext}`);
      while (taken.has(collisionKey(candidate)));
      taken.add(collisionKey(candidate));
      paths.set(e.input, candidate);
      renames.push({ input: e.input, wanted: e.plain, path: candidate, clashesWith: first.input });
    }
  }
  return { paths, renames };
}

/** input path → output path for a batch (planOutputPaths without the list of renames). */
export function mirrorPaths(outDir: string, inputPaths: readonly string[], ext: string): Map<string, string> {
  return planOutputPaths(outDir, inputPaths, ext).paths;
}

/** True when the real path `child` is `root` or below it. */
function realInside(root: string, child: string): boolean {
  return child === root || child.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Create the folders of `dir` below the output directory `outDir`, one level at a time, never following a
 * symlink out of `outDir`: each existing level's real location is checked before the next level is created
 * under it. Returns the real location of `dir`. `outDir` itself must exist.
 */
export async function makeDirsInside(outDir: string, dir: string): Promise<string> {
  const realOut = await realpath(outDir);
  const rel = relative(resolve(outDir), resolve(dir));
  if (rel !== "" && (rel.startsWith("..") || isAbsolute(rel))) throw new Error(`refusing to write outside the output directory: ${dir}`);
  let cur = realOut;
  for (const seg of rel.split(sep).filter(Boolean)) {
    const next = join(cur, seg);
    let s = await lstat(next).catch((err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? null : Promise.reject(err)));
    if (!s) {
      await mkdir(next).catch((err: NodeJS.ErrnoException) => (err.code === "EEXIST" ? undefined : Promise.reject(err)));
      s = await lstat(next);
    }
    if (s.isSymbolicLink()) {
      const real = await realpath(next);
      if (!realInside(realOut, real)) {
        throw Object.assign(new Error(`refusing to write outside the output directory: ${next} leads to ${real}`), { code: "EOUTSIDE" });
      }
      s = await lstat(real);
      if (!s.isDirectory()) throw Object.assign(new Error(`not a directory: ${next}`), { code: "ENOTDIR", path: next });
      cur = real;
    } else if (s.isDirectory()) cur = next;
    else throw Object.assign(new Error(`not a directory: ${next}`), { code: "ENOTDIR", path: next });
  }
  return cur;
}

/**
 * Check that the real location (symlinks resolved) of a file's directory is inside the real output directory.
 * makeDirsInside does this level by level before creating anything; this is the check for an existing folder.
 */
export async function assertRealInside(outDir: string, fileDir: string): Promise<void> {
  const [realOut, realDir] = await Promise.all([realpath(outDir), realpath(fileDir)]);
  if (!realInside(realOut, realDir)) {
    throw new Error(`refusing to write outside the output directory: ${fileDir} leads to ${realDir}`);
  }
}

/**
 * An output path made absolute the way the kernel would walk it, even when part of it does not exist yet:
 * the existing part is resolved for real (symlinks followed, so `link/../out` means what it means to `ls`),
 * the missing rest lexically (`x/../out` with `x` missing is `./out`, as `mkdir -p` would make it).
 */
export async function resolveOutputPath(p: string): Promise<string> {
  let cur = isAbsolute(p) ? parse(resolve(p)).root : await realpath(process.cwd()).catch(() => process.cwd());
  const parts = p.split(/[\\/]+/).filter((s) => s !== "" && s !== ".");
  let existing = true;
  for (const part of parts) {
    if (part === "..") {
      cur = dirname(cur);
      continue;
    }
    const next = join(cur, part);
    if (existing) {
      const s = await lstat(next).catch(() => null);
      if (s?.isSymbolicLink()) {
        const real = await realpath(next).catch(() => null);
        if (real) {
          cur = real;
          continue;
        }
      }
      if (!s) existing = false;
    }
    cur = next;
  }
  return cur;
}

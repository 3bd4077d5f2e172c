/**
 * Where `-o DIR` puts each input's output: the input path mirrored under DIR with the extension replaced
 * (`a/b.pdf` → `DIR/a/b.json`). Whatever the input path (`../x.pdf`, `/abs/y.pdf`, `a/../../z.pdf`), the result
 * stays inside DIR: the root is dropped and every `..` becomes `__`.
 */
import { realpath } from "node:fs/promises";
import { extname, isAbsolute, join, normalize, parse, relative, resolve, sep } from "node:path";

/** The path segments of an input path, made safe to nest under an output directory. */
export function safeSegments(inputPath: string): string[] {
  const norm = normalize(inputPath);
  const root = parse(norm).root;
  const rest = norm.slice(root.length);
  const parts = rest
    .split(/[\\/]+/)
    .filter((p) => p !== "" && p !== ".")
    .map((p) => (p === ".." ? "__" : p.replace(/[:*?"<>|\x00-\x1f]/g, "_")));
  return parts.length ? parts : ["stdin"];
}

/** True when `child` is `dir` itself or below it (lexically). */
export function isInside(dir: string, child: string): boolean {
  const rel = relative(resolve(dir), resolve(child));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** `DIR/<mirrored input>` with the extension replaced by `ext` (".json"); `keepExt` gives `b.pdf.json`. */
export function mirrorPath(outDir: string, inputPath: string, ext: string, keepExt = false): string {
  const parts = safeSegments(inputPath === "-" ? "stdin" : inputPath);
  const last = parts[parts.length - 1];
  const stem = keepExt || extname(last) === "" ? last : last.slice(0, -extname(last).length);
  parts[parts.length - 1] = stem + ext;
  const out = join(resolve(outDir), ...parts);
  if (!isInside(outDir, out) || resolve(out) === resolve(outDir)) {
    throw new Error(`refusing to write outside the output directory: ${inputPath}`);
  }
  return out;
}

/**
 * Output paths for a batch. Inputs whose mirrored names collide (`doc.pdf` and `doc.docx` → `doc.json`) keep
 * their extension instead (`doc.pdf.json`, `doc.docx.json`) so no output overwrites another.
 */
export function mirrorPaths(outDir: string, inputPaths: readonly string[], ext: string): Map<string, string> {
  const plain = inputPaths.map((p) => mirrorPath(outDir, p, ext));
  const count = new Map<string, number>();
  for (const p of plain) count.set(p, (count.get(p) ?? 0) + 1);
  const out = new Map<string, string>();
  inputPaths.forEach((input, i) => {
    out.set(input, (count.get(plain[i]) ?? 0) > 1 ? mirrorPath(outDir, input, ext, true) : plain[i]);
  });
  return out;
}

/**
 * Check after the directories exist that the real location (symlinks resolved) of a file's directory is still
 * inside the real output directory: a symlink planted inside DIR must not redirect a write elsewhere.
 */
export async function assertRealInside(outDir: string, fileDir: string): Promise<void> {
  const [realOut, realDir] = await Promise.all([realpath(outDir), realpath(fileDir)]);
  if (realDir !== realOut && !realDir.startsWith(realOut.endsWith(sep) ? realOut : realOut + sep)) {
    throw new Error(`refusing to write outside the output directory: ${fileDir} leads to ${realDir}`);
  }
}

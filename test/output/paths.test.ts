import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { assertRealInside, isInside, mirrorPath, mirrorPaths } from "../../src/output/paths.ts";

describe("mirrored output paths", () => {
  const out = resolve("/tmp/out");

  it("mirrors relative input paths and replaces the extension", () => {
    expect(mirrorPath(out, "a/b.pdf", ".json")).toBe(join(out, "a", "b.json"));
    expect(mirrorPath(out, "./a/./c.gbk.html", ".json")).toBe(join(out, "a", "c.gbk.json"));
    expect(mirrorPath(out, "noext", ".csv")).toBe(join(out, "noext.csv"));
  });

  it("never leaves the output directory, whatever the input path", () => {
    for (const p of ["../x.pdf", "../../../../etc/passwd", "/etc/passwd", "a/../../b.pdf", "..", "/", "a/..\\..\\c.pdf"]) {
      const m = mirrorPath(out, p, ".json");
      expect(m.startsWith(out + sep), `${p} → ${m}`).toBe(true);
      expect(isInside(out, m)).toBe(true);
    }
    expect(mirrorPath(out, "../x.pdf", ".json")).toBe(join(out, "__", "x.json"));
    expect(mirrorPath(out, "/abs/dir/y.pdf", ".json")).toBe(join(out, "abs", "dir", "y.json"));
  });

  it("keeps the extension only for inputs whose outputs would collide", () => {
    const m = mirrorPaths(out, ["s/doc.pdf", "s/doc.docx", "s/other.html"], ".json");
    expect(m.get("s/doc.pdf")).toBe(join(out, "s", "doc.pdf.json"));
    expect(m.get("s/doc.docx")).toBe(join(out, "s", "doc.docx.json"));
    expect(m.get("s/other.html")).toBe(join(out, "s", "other.json"));
  });

  it("refuses a directory that a symlink inside DIR redirects elsewhere", async () => {
    const base = mkdtempSync(join(tmpdir(), "jixiao-paths-"));
    const outDir = join(base, "out");
    const elsewhere = join(base, "elsewhere");
    mkdirSync(outDir);
    mkdirSync(elsewhere);
    mkdirSync(join(outDir, "real"));
    symlinkSync(elsewhere, join(outDir, "link"));
    await expect(assertRealInside(outDir, join(outDir, "real"))).resolves.toBeUndefined();
    await expect(assertRealInside(outDir, join(outDir, "link"))).rejects.toThrow(/outside the output directory/);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { assertRealInside, isInside, makeDirsInside, mirrorPath, planOutputPaths, resolveOutputPath } from "../../src/output/paths.ts";

describe("mirrored output paths", () => {
  const out = resolve("/tmp/out");

  it("mirrors input paths and appends the format's extension to the whole file name", () => {
    expect(mirrorPath(out, "a/b.pdf", ".json")).toBe(join(out, "a", "b.pdf.json"));
    expect(mirrorPath(out, "./a/./c.gbk.html", ".json")).toBe(join(out, "a", "c.gbk.html.json"));
    expect(mirrorPath(out, "noext", ".csv")).toBe(join(out, "noext.csv"));
    expect(mirrorPath(out, "<stdin>", ".json")).toBe(join(out, "stdin.json"));
  });

  it("never leaves the output directory, whatever the input path", () => {
    for (const p of ["../x.pdf", "../../../../etc/passwd", "/etc/passwd", "a/../../b.pdf", "..", "/", "a/..\\..\\c.pdf"]) {
      const m = mirrorPath(out, p, ".json");
      expect(m.startsWith(out + sep), `${p} → ${m}`).toBe(true);
      expect(isInside(out, m)).toBe(true);
    }
    expect(mirrorPath(out, "../x.pdf", ".json")).toBe(join(out, "__", "x.pdf.json"));
    expect(mirrorPath(out, "/abs/dir/y.pdf", ".json")).toBe(join(out, "abs", "dir", "y.pdf.json"));
  });

  it("one rule whatever else is in the batch: a file's output name does not depend on its neighbours", () => {
    const alone = planOutputPaths(out, ["s/doc.html"], ".json").paths.get("s/doc.html");
    const names = ["doc.html", "doc.pdf", "doc.gbk.html", "doc.docx"];
    const withOthers = planOutputPaths(
      out,
      names.map((n) => `s/${n}`),
      ".json",
    );
    expect(alone).toBe(join(out, "s", "doc.html.json"));
    expect(names.map((n) => withOthers.paths.get(`s/${n}`))).toEqual(names.map((n) => join(out, "s", `${n}.json`)));
    expect(withOthers.renames).toEqual([]);
  });

  it("sanitised names that collide get distinct numbered names, deterministically, and each rename is reported", () => {
    const inputs = ['d/a"b.docx', "d/a_b.docx", "d/c?d.docx", "d/c_d.docx", "d/c*d.docx", "d/c_d.docx~2"];
    const plan = planOutputPaths(out, inputs, ".json");
    const got = Object.fromEntries(inputs.map((i) => [i, plan.paths.get(i)?.slice(out.length + 1)]));
    expect(got).toEqual({
      // The input whose name needed no change keeps it; the others, in code-point order, get ~2, ~3, … (skipping
      // a name another input already has: `c_d.docx~2` is a real input here).
      "d/a_b.docx": "d/a_b.docx.json",
      'd/a"b.docx': "d/a_b.docx~2.json",
      "d/c_d.docx": "d/c_d.docx.json",
      "d/c*d.docx": "d/c_d.docx~3.json",
      "d/c?d.docx": "d/c_d.docx~4.json",
      "d/c_d.docx~2": "d/c_d.docx~2.json",
    });
    expect(new Set(plan.paths.values()).size).toBe(inputs.length);
    expect(plan.renames.map((r) => [r.input, r.clashesWith])).toEqual([
      ['d/a"b.docx', "d/a_b.docx"],
      ["d/c*d.docx", "d/c_d.docx"],
      ["d/c?d.docx", "d/c_d.docx"],
    ]);
    // The same set in another order: the same names.
    const again = planOutputPaths(out, [...inputs].reverse(), ".json");
    for (const i of inputs) expect(again.paths.get(i)).toBe(plan.paths.get(i));
  });

  it("a folder name that needed sanitising gives way to one that did not", () => {
    const plan = planOutputPaths(out, ["x?/a.pdf", "x_/a.pdf"], ".json");
    expect(plan.paths.get("x_/a.pdf")).toBe(join(out, "x_", "a.pdf.json"));
    expect(plan.paths.get("x?/a.pdf")).toBe(join(out, "x_", "a.pdf~2.json"));
  });

  it("names that differ only in case count as one (case-insensitive file systems)", () => {
    const plan = planOutputPaths(out, ["x/Doc.pdf", "x/doc.pdf"], ".json");
    expect(plan.paths.get("x/Doc.pdf")).toBe(join(out, "x", "Doc.pdf.json"));
    expect(plan.paths.get("x/doc.pdf")).toBe(join(out, "x", "doc.pdf~2.json"));
  });

  it("a name too long for the file system once the extension is added is cut and given a hash", () => {
    const long = "项".repeat(84) + ".pdf"; // 256 bytes: already at the limit before `.json`
    const m = mirrorPath(out, `a/${long}`, ".json");
    const name = m.slice(m.lastIndexOf(sep) + 1);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255 - 7);
    expect(name).toMatch(/^项+-[0-9a-f]{8}\.json$/);
    expect(mirrorPath(out, `a/${long.slice(1)}`, ".json")).not.toBe(m);
  });
});

describe("folders below the output directory", () => {
  function base(): { base: string; outDir: string; elsewhere: string } {
    const b = realpathSync(mkdtempSync(join(tmpdir(), "jixiao-paths-")));
    const outDir = join(b, "out");
    const elsewhere = join(b, "elsewhere");
    mkdirSync(outDir);
    mkdirSync(elsewhere);
    return { base: b, outDir, elsewhere };
  }

  it("refuses a directory that a symlink inside DIR redirects elsewhere", async () => {
    const { outDir, elsewhere } = base();
    mkdirSync(join(outDir, "real"));
    symlinkSync(elsewhere, join(outDir, "link"));
    await expect(assertRealInside(outDir, join(outDir, "real"))).resolves.toBeUndefined();
    await expect(assertRealInside(outDir, join(outDir, "link"))).rejects.toThrow(/outside the output directory/);
  });

  it("a symlink planted inside DIR never makes it create folders outside DIR (issue 13, item 9)", async () => {
    const { outDir, elsewhere } = base();
    symlinkSync(elsewhere, join(outDir, "link"));
    await expect(makeDirsInside(outDir, join(outDir, "link", "sub", "deeper"))).rejects.toThrow(/outside the output directory/);
    expect(readdirSync(elsewhere)).toEqual([]);
    // A symlink that stays inside DIR is followed; new folders are made below its real location.
    mkdirSync(join(outDir, "real"));
    symlinkSync(join(outDir, "real"), join(outDir, "inner"));
    await expect(makeDirsInside(outDir, join(outDir, "inner", "a", "b"))).resolves.toBe(join(outDir, "real", "a", "b"));
    expect(existsSync(join(outDir, "real", "a", "b"))).toBe(true);
  });
});

describe("resolveOutputPath", () => {
  it("resolves `..` after a missing folder lexically and after a symlink for real", async () => {
    const b = realpathSync(mkdtempSync(join(tmpdir(), "jixiao-resolve-")));
    mkdirSync(join(b, "deep", "er"), { recursive: true });
    symlinkSync(join(b, "deep", "er"), join(b, "link"));
    // (path.join would already resolve the `..` lexically: the paths are written out.)
    expect(await resolveOutputPath(`${b}/missing/../out`)).toBe(join(b, "out"));
    expect(await resolveOutputPath(`${b}/link/../out`)).toBe(join(b, "deep", "out"));
    expect(await resolveOutputPath(`${b}/a/b/../../c`)).toBe(join(b, "c"));
  });
});

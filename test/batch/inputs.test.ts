import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs } from "../../src/batch/inputs.ts";

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-inputs-"));
  for (const f of ["b.pdf", "a.html", "sub/c.docx", "sub/deep/d.pdf", ".hidden/x.pdf", ".DS_Store"]) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), "x");
  }
  return dir;
}

describe("expandInputs", () => {
  it("walks folders recursively in a stable order, skipping hidden entries", async () => {
    const dir = tree();
    const { items, problems, single } = await expandInputs([dir]);
    expect(items.map((i) => i.path.slice(dir.length + 1))).toEqual(["a.html", "b.pdf", "sub/c.docx", "sub/deep/d.pdf"]);
    expect(items.every((i) => !i.explicit)).toBe(true);
    expect(problems).toEqual([]);
    expect(single).toBe(false);
  });

  it("expands quoted globs, keeps explicit files explicit, and drops duplicates", async () => {
    const dir = tree();
    const { items, single } = await expandInputs([join(dir, "b.pdf"), join(dir, "**/*.pdf"), "-"]);
    expect(items).toEqual([
      { path: join(dir, "b.pdf"), explicit: true },
      { path: join(dir, "sub/deep/d.pdf"), explicit: false },
      { path: "-", explicit: true },
    ]);
    expect(single).toBe(false);
  });

  it("reports missing files and empty globs as problems; one named file is `single`", async () => {
    const dir = tree();
    const r = await expandInputs([join(dir, "missing.pdf"), join(dir, "*.xlsx")]);
    expect(r.items).toEqual([]);
    expect(r.problems.map((p) => p.reason)).toEqual(["no such file", "no files match this pattern"]);
    expect((await expandInputs([join(dir, "b.pdf")])).single).toBe(true);
    expect((await expandInputs([join(dir, "nope.pdf")])).single).toBe(true);
    expect((await expandInputs(["-"])).single).toBe(true);
  });
});

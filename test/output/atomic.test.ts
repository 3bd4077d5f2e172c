import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AtomicFile, removeLiveTempFiles, writeFileAtomic } from "../../src/output/atomic.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "jixiao-atomic-"));

describe("atomic writes", () => {
  it("writes the whole file and leaves no temp file behind", async () => {
    const dir = tmp();
    await writeFileAtomic(join(dir, "sub", "a.json"), "{\"a\":1}\n");
    expect(readFileSync(join(dir, "sub", "a.json"), "utf8")).toBe("{\"a\":1}\n");
    expect(readdirSync(join(dir, "sub"))).toEqual(["a.json"]);
  });

  it("keeps the old file until commit, and abort leaves it untouched with no temp file", async () => {
    const dir = tmp();
    const target = join(dir, "out.csv");
    writeFileSync(target, "old");
    const f = await AtomicFile.create(target);
    await f.write("new part 1,");
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toHaveLength(1);
    await f.abort();
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["out.csv"]);

    const g = await AtomicFile.create(target);
    await g.write("new");
    await g.commit();
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("removes temp files still being written when interrupted", async () => {
    const dir = tmp();
    const f = await AtomicFile.create(join(dir, "half.json"));
    await f.write("{\"proj");
    removeLiveTempFiles();
    expect(readdirSync(dir)).toEqual([]);
  });
});

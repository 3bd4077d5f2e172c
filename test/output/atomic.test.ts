import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AtomicFile, removeLiveTempFiles, writeFileAtomic, type WriteFn } from "../../src/output/atomic.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "jixiao-atomic-"));

describe("atomic writes", () => {
  it("writes the whole file and leaves no temp file behind", async () => {
    const dir = tmp();
    await writeFileAtomic(join(dir, "sub", "a.json"), '{"a":1}\n');
    expect(readFileSync(join(dir, "sub", "a.json"), "utf8")).toBe('{"a":1}\n');
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

  it("writes a target whose name is as long as the file system allows (the temp name is shortened)", async () => {
    const dir = tmp();
    const name = "项".repeat(83) + ".json"; // 254 bytes
    await writeFileAtomic(join(dir, name), "{}");
    expect(readdirSync(dir)).toEqual([name]);
  });

  it("removes temp files still being written when interrupted", async () => {
    const dir = tmp();
    const f = await AtomicFile.create(join(dir, "half.json"));
    await f.write('{"proj');
    removeLiveTempFiles();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("atomic writes on a full disk (issue 13)", () => {
  /** A writer that accepts at most `chunk` bytes a call and `capacity` bytes in all, then fails like a full disk. */
  const fullDisk = (capacity: number, chunk = 4096): WriteFn => {
    let used = 0;
    return async (fh, data, offset, length) => {
      const n = Math.min(length, chunk, capacity - used);
      if (n <= 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      used += n;
      return (await fh.write(data, offset, n)).bytesWritten;
    };
  };

  it("continues after short writes: the whole text arrives", async () => {
    const dir = tmp();
    const text = "绩效".repeat(20_000);
    await writeFileAtomic(join(dir, "a.json"), text, { write: fullDisk(Infinity, 1000) });
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(text);
  });

  it("a full disk: the write fails, the temp file is removed and nothing is renamed into place", async () => {
    const dir = tmp();
    const target = join(dir, "a.json");
    writeFileSync(target, "old");
    await expect(writeFileAtomic(target, "x".repeat(100_000), { write: fullDisk(65_536) })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(readdirSync(dir)).toEqual(["a.json"]);
    expect(readFileSync(target, "utf8")).toBe("old");
  });

  it("a write that makes no progress is an error, and commit after a failed write never renames", async () => {
    const dir = tmp();
    const zero: WriteFn = async () => 0;
    await expect(writeFileAtomic(join(dir, "z.json"), "abc", { write: zero })).rejects.toMatchObject({ code: "ENOSPC" });
    const f = await AtomicFile.create(join(dir, "b.json"), { write: fullDisk(10) });
    await expect(f.write("0123456789abcdef")).rejects.toMatchObject({ code: "ENOSPC" });
    await expect(f.commit()).rejects.toMatchObject({ code: "ENOSPC" });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("never renames over a FIFO, a directory or a symlink at the target", async () => {
    const dir = tmp();
    execFileSync("mkfifo", [join(dir, "fifo.json")]);
    mkdirSync(join(dir, "dir.json"));
    symlinkSync(join(dir, "elsewhere"), join(dir, "link.json"));
    for (const name of ["fifo.json", "dir.json", "link.json"]) {
      await expect(writeFileAtomic(join(dir, name), "{}"), name).rejects.toMatchObject({ code: "ENOTREG" });
    }
    expect(lstatSync(join(dir, "fifo.json")).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, "dir.json")).isDirectory()).toBe(true);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["dir.json", "fifo.json", "link.json"]);
  });
});

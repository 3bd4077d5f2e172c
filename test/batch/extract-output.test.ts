/**
 * Where `extract` writes, through the library function with a stand-in task module (no real reading): a full
 * disk, special files at `-o`, colliding output names, symlinks inside the output folder, `x/../out` (issue 13).
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { extractBatch, type ExtractBatchOptions } from "../../src/batch/extract.ts";
import type { BatchLog } from "../../src/batch/log.ts";
import type { WriteFn } from "../../src/output/atomic.ts";

const fake = new URL("./fixtures/fake-task.mjs", import.meta.url);

function tmp(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), "jixiao-extract-out-")));
}

/** Every file below dir, relative, sorted (temp files included: none may be left). */
function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

function recordingLog(): BatchLog & { errors: string[]; notes: string[] } {
  const errors: string[] = [];
  const notes: string[] = [];
  return {
    errors,
    notes,
    error: (l) => void errors.push(l),
    note: (l) => void notes.push(l),
    verbose: () => undefined,
    report: () => undefined,
    progress: () => undefined,
    summary: () => undefined,
  };
}

/** Run `extract` over paths (the fake task "reads" any path as `text of <path>`). */
async function run(paths: string[], out: string, extra: Partial<ExtractBatchOptions> = {}) {
  const log = recordingLog();
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on("data", (b: Buffer) => chunks.push(b));
  const outcome = await extractBatch({
    inputs: { items: paths.map((path) => ({ path, explicit: true })), problems: [], single: paths.length === 1 },
    format: "json",
    out,
    jobs: 1,
    stdout,
    log,
    run: { taskModule: fake },
    ...extra,
  });
  return { ...outcome, log, stdout: () => Buffer.concat(chunks).toString("utf8") };
}

/** A disk that is full for every file whose text mentions `marker`: one short write, then ENOSPC. */
const fullFor =
  (marker: string): WriteFn =>
  async (fh, data, offset, length) => {
    if (!Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8").includes(marker)) {
      return (await fh.write(data, offset, length)).bytesWritten;
    }
    if (offset > 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    return (await fh.write(data, offset, Math.max(1, length >> 1))).bytesWritten;
  };

describe("extract -o on a full disk (issue 13, item 1)", () => {
  it("one file per input: the input whose output did not fit fails (exit 3), named, with no file and no temp file", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const r = await run(["in/ok-1.txt", "in/ok-2.txt", "in/ok-3.txt"], out, { write: fullFor("ok-2") });
    expect(r.exitCode).toBe(3);
    expect(r.stats.failed).toBe(1);
    expect(r.log.errors).toEqual([`in/ok-2.txt: cannot write ${join(out, "in", "ok-2.txt.json")}: no space left on device`]);
    expect(listTree(out)).toEqual(["in/ok-1.txt.json", "in/ok-3.txt.json"]);
    expect(readFileSync(join(out, "in", "ok-1.txt.json"), "utf8")).toBe("text of in/ok-1.txt\n\n");
  });

  it("one output file: the single input fails (exit 2), the line names the input and the output, never the temp file", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.json"), "old");
    const r = await run(["ok-1.txt"], join(dir, "a.json"), { write: fullFor("ok-1") });
    expect(r.exitCode).toBe(2);
    expect(r.log.errors).toEqual([`ok-1.txt: cannot write ${join(dir, "a.json")}: no space left on device`]);
    expect(readdirSync(dir)).toEqual(["a.json"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("old");
  });

  it("a combined output of several inputs: exit 3, one line naming the output, nothing renamed into place", async () => {
    const dir = tmp();
    const r = await run(["ok-1.txt", "ok-2.txt"], join(dir, "all.ndjson"), { format: "ndjson", write: fullFor("ok-2") });
    expect(r.exitCode).toBe(3);
    expect(r.log.errors).toEqual([`${join(dir, "all.ndjson")}: cannot write output: no space left on device`]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("extract -o naming a special file (issue 13, item 2)", () => {
  it("/dev/null and /dev/stdout are written as streams; several JSON documents make an array", async () => {
    const n = await run(["ok-1.txt", "ok-2.txt"], "/dev/null");
    expect([n.exitCode, n.log.errors]).toEqual([0, []]);
    const s = await run(["ok-1.txt", "ok-2.txt"], "/dev/stdout");
    expect([s.exitCode, s.log.errors]).toEqual([0, []]);
    expect(s.stdout()).toMatch(/^\[\s*text of ok-1\.txt\s*,\s*text of ok-2\.txt\s*\]\s*$/);
  });

  it("a socket, a block device or another character device is refused with one usage line, and left alone", async () => {
    const dir = tmp();
    const sock = join(dir, "s.sock");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      await expect(run(["ok-1.txt"], sock)).rejects.toMatchObject({
        kind: "usage",
        message: expect.stringMatching(/^not a regular file \(socket\)/),
      });
      await expect(run(["ok-1.txt"], "/dev/zero")).rejects.toMatchObject({
        kind: "usage",
        message: expect.stringMatching(/character device/),
      });
      expect(readdirSync(dir)).toEqual(["s.sock"]);
    } finally {
      server.close();
    }
  });

  it("a FIFO or a device inside the output folder is never replaced: that input fails", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    mkdirSync(out);
    symlinkSync("/dev/null", join(out, "ok-1.txt.json"));
    execFileSync("mkfifo", [join(out, "ok-2.txt.json")]);
    const r = await run(["ok-1.txt", "ok-2.txt", "ok-3.txt"], out);
    expect(r.exitCode).toBe(3);
    expect(r.log.errors).toEqual([
      expect.stringMatching(/^ok-1\.txt: cannot write .*ok-1\.txt\.json: a symbolic link is in the way, not a regular file/),
      expect.stringMatching(/^ok-2\.txt: cannot write .*ok-2\.txt\.json: a FIFO is in the way, not a regular file/),
    ]);
    expect(lstatSync(join(out, "ok-1.txt.json")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(out, "ok-2.txt.json")).isFIFO()).toBe(true);
    expect(listTree(out)).toEqual(["ok-1.txt.json", "ok-2.txt.json", "ok-3.txt.json"]);
  });
});

describe("extract -o FILE through a symlink", () => {
  it("replaces the file the link points to; the link stays a link", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "real.json"), "old");
    symlinkSync("real.json", join(dir, "link.json"));
    const r = await run(["ok-1.txt"], join(dir, "link.json"));
    expect([r.exitCode, r.log.errors]).toEqual([0, []]);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.json"), "utf8")).toBe("text of ok-1.txt\n\n");
    expect(readdirSync(dir).sort()).toEqual(["link.json", "real.json"]);
  });
});

describe("extract -o DIR naming (issue 13, item 3)", () => {
  it("inputs whose sanitised names collide each get their own file, and the renames are reported", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const r = await run(['d/a"b.docx', "d/a_b.docx", "d/c?d.docx", "d/c_d.docx"], out);
    expect(r.exitCode).toBe(0);
    expect(listTree(out)).toEqual(["d/a_b.docx.json", "d/a_b.docx~2.json", "d/c_d.docx.json", "d/c_d.docx~2.json"]);
    expect(readFileSync(join(out, "d", "a_b.docx~2.json"), "utf8")).toBe('text of d/a"b.docx\n\n');
    expect(readFileSync(join(out, "d", "c_d.docx.json"), "utf8")).toBe("text of d/c_d.docx\n\n");
    expect(r.log.notes).toEqual([
      `d/a"b.docx: warning: its output name ${join(out, "d", "a_b.docx.json")} is taken by d/a_b.docx; writing ${join(out, "d", "a_b.docx~2.json")}`,
      `d/c?d.docx: warning: its output name ${join(out, "d", "c_d.docx.json")} is taken by d/c_d.docx; writing ${join(out, "d", "c_d.docx~2.json")}`,
    ]);
  });

  it("`-o x/../out` with x missing writes to ./out", async () => {
    const dir = tmp();
    const r = await run(["ok-1.txt", "ok-2.txt"], `${dir}/x/../out`);
    expect([r.exitCode, r.log.errors]).toEqual([0, []]);
    expect(listTree(dir)).toEqual(["out/ok-1.txt.json", "out/ok-2.txt.json"]);
  });
});

describe("extract -o DIR with a symlink planted inside (issue 13, item 9)", () => {
  it("creates no folder outside DIR; the input that would lead there fails, the others are written", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, "link"));
    const r = await run(["link/sub/ok-1.txt", "ok-2.txt"], out);
    expect(r.exitCode).toBe(3);
    expect(r.log.errors).toEqual([
      expect.stringMatching(/^link\/sub\/ok-1\.txt: cannot write .*: refusing to write outside the output directory/),
    ]);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(listTree(out)).toEqual(["link", "ok-2.txt.json"]);
  });
});

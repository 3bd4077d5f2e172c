/**
 * Writing output as users run the CLI (spawned): a file-size limit standing in for a full disk, stdout on a full
 * device, `-o` naming a FIFO or /dev/stdout, file names with control characters on stderr (issue 13).
 */
import { spawn, type StdioOptions } from "node:child_process";
import { closeSync, copyFileSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract.ts";
import { lines, ROOT, runCli } from "./run-cli.ts";

const SEED_HTML = join(ROOT, "fixtures/seeds/003-tianjin-cdpf-2023/doc.html");
/** Whether the HTML backend reads the seed today (its JSON is ~200 KB, well above the limits used below). */
const htmlWorks = await extract(SEED_HTML).then(
  (doc) => doc.projects.length > 0,
  () => false,
);

const tmp = () => mkdtempSync(join(tmpdir(), "jixiao-cli-out-"));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI under `sh -c` (for `ulimit`), with stdout going wherever `stdout` says. A file-size limit makes
 * the kernel do what a full disk does: one short write, then an error (EFBIG).
 */
function runShell(script: string, args: string[], opts: { cwd: string; stdout?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const stdio: StdioOptions = ["ignore", opts.stdout ?? "pipe", "pipe"];
    const child = spawn("/bin/sh", ["-c", `${script}; exec "$0" "$@"`, process.execPath, join(ROOT, "bin/jixiao.js"), ...args], {
      cwd: opts.cwd,
      stdio,
      env: { ...process.env, NO_COLOR: "1" },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (b: Buffer) => out.push(b));
    child.stderr?.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
  });
}

describe.runIf(htmlWorks)("a full disk (issue 13, item 1)", () => {
  it("-o DIR: every input whose output did not fit fails (exit 3) with a line naming it; no truncated file is kept", async () => {
    const dir = tmp();
    copyFileSync(SEED_HTML, join(dir, "a.html"));
    copyFileSync(SEED_HTML, join(dir, "b.html"));
    // 64 KB per file: each JSON is written in part, then the kernel refuses the rest.
    const r = await runShell("ulimit -f 64", ["extract", "a.html", "b.html", "-o", "out", "-j", "1"], { cwd: dir });
    expect(r.code).toBe(3);
    const errs = lines(r.stderr);
    for (const f of ["a.html", "b.html"]) {
      expect(
        errs.filter((l) => l.startsWith(`jixiao: ${f}: cannot write out/${f}.json: file too large`)),
        f,
      ).toHaveLength(1);
    }
    expect(errs.some((l) => l.includes(".tmp"))).toBe(false);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
  });

  it("-o FILE with one input: exit 2, the line names the input, the old file is kept", async () => {
    const dir = tmp();
    copyFileSync(SEED_HTML, join(dir, "a.html"));
    writeFileSync(join(dir, "a.json"), "old");
    const r = await runShell("ulimit -f 64", ["extract", "a.html", "-o", "a.json"], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, "jixiao: a.html: cannot write a.json: file too large (file-size limit reached)\n"]);
    expect(readdirSync(dir).sort()).toEqual(["a.html", "a.json"]);
  });

  it("stdout on a full device: exit 2 and one line, not a silent loss", async () => {
    const dir = tmp();
    const full = openSync("/dev/full", "w");
    try {
      const r = await runShell("true", ["extract", SEED_HTML], { cwd: dir, stdout: full });
      expect([r.code, r.stderr]).toEqual([2, `jixiao: ${SEED_HTML}: cannot write stdout: no space left on device\n`]);
      const t = await runShell("true", ["tables", SEED_HTML], { cwd: dir, stdout: full });
      expect([t.code, t.stderr]).toEqual([2, `jixiao: ${SEED_HTML}: cannot write stdout: no space left on device\n`]);
      const v = await runShell("true", ["validate", SEED_HTML, "--fail-on", "never"], { cwd: dir, stdout: full });
      expect([v.code, v.stderr]).toEqual([2, "jixiao: stdout: cannot write the report: no space left on device\n"]);
      const s = await runShell("true", ["schema"], { cwd: dir, stdout: full });
      expect([s.code, s.stderr]).toEqual([2, "jixiao: stdout: cannot write output: no space left on device\n"]);
    } finally {
      closeSync(full);
    }
  });
});

describe("-o naming a special file (issue 13, item 2)", () => {
  it("a FIFO is written as a stream to its reader, and stays a FIFO", async () => {
    const dir = tmp();
    const fifo = join(dir, "pipe");
    await new Promise((r) => spawn("mkfifo", [fifo]).on("close", r));
    // The reader: `cat` waits for a writer; the CLI opens the FIFO and writes; cat sees the end when it closes.
    const cat = spawn("cat", [fifo]);
    const got: Buffer[] = [];
    cat.stdout.on("data", (b: Buffer) => got.push(b));
    const catDone = new Promise((r) => cat.on("close", r));
    try {
      const e = await runCli(["tables", SEED_HTML, "-o", fifo], { cwd: dir });
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(dir)).toEqual(["pipe"]);
      expect([e.code, e.stderr]).toEqual([0, ""]);
      await catDone;
      expect(JSON.parse(Buffer.concat(got).toString("utf8"))).toMatchObject({ path: SEED_HTML });
    } finally {
      cat.kill();
    }
  });

  it("-o /dev/stdout writes to the descriptor already open (a pipe here), never renames over it", async () => {
    const r = await runCli(["tables", SEED_HTML, "-o", "/dev/stdout"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout.toString("utf8"))).toMatchObject({ path: SEED_HTML });
  });

  it("a character device other than /dev/null, or a directory for tables, is refused with one line, exit 2", async () => {
    const r = await runCli(["tables", SEED_HTML, "-o", "/dev/zero"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^jixiao: \/dev\/zero: not a regular file \(character device\): refusing to write to it; -o takes a file, a directory, a FIFO, \/dev\/stdout or \/dev\/null\n$/,
    );
    const d = await runCli(["tables", SEED_HTML, "-o", tmpdir()]);
    expect([d.code, lines(d.stderr)]).toEqual([2, [`jixiao: ${tmpdir()}: is a directory: -o takes the file to write`]]);
  });
});

describe("file names on stderr (issue 13, item 11)", () => {
  it("control characters and ANSI escapes in a file name are shown escaped, on one line", async () => {
    const dir = tmp();
    const name = "evil\x1b[2J\x1b]0;title\x07\rname\n.pdf";
    writeFileSync(join(dir, name), "%PDF-1.4 truncated");
    writeFileSync(join(dir, "other.pdf"), "%PDF-1.4 truncated");
    const r = await runCli(["extract", ".", "-o", "out", "-q"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    const errs = lines(r.stderr);
    expect(errs).toHaveLength(2);
    expect(errs.filter((l) => l.startsWith("jixiao: evil\\x1b[2J\\x1b]0;title\\x07\\x0dname\\x0a.pdf: "))).toHaveLength(1);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

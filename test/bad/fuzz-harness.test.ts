/** The fuzz harness's own pieces (scripts/fuzz): seeded mutants, structure-aware mutations, the judge, ddmin. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { judgeExtract, judgeProcess, judgeValidate } from "../../scripts/fuzz/judge.ts";
import { ddmin } from "../../scripts/fuzz/minimise.ts";
import { mutate, type Seed } from "../../scripts/fuzz/mutate.ts";
import { Rng } from "../../scripts/fuzz/rng.ts";
import type { RunResult } from "../../scripts/fuzz/run.ts";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const seed = (name: string, format: Seed["format"]): Seed => ({
  path: name,
  format,
  bytes: new Uint8Array(readFileSync(join(FIXTURES, name))),
});
/** A PDF with Flate content streams (pdfkit), and the corpus's small .docx and HTML. */
const SEEDS = [seed("pdf/borderless.pdf", "pdf"), seed("bad/corpus/ok.docx", "docx"), seed("bad/corpus/ok.html", "html")];

/** Every stream with a direct /Length: its data ends at /Length, and FlateDecode data inflates. */
function streamsIntact(bytes: Uint8Array): boolean {
  const s = Buffer.from(bytes).toString("latin1");
  const re = /<<((?:(?!stream)[\s\S]){0,2000}?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(s))) {
    const len = /\/Length (\d+)(?! \d+ R)/.exec(m[1]);
    if (!len) continue;
    const start = m.index + m[0].length;
    const end = start + Number(len[1]);
    if (!/^\s*endstream/.test(s.slice(end, end + 12))) return false;
    if (/FlateDecode/.test(m[1])) inflateSync(bytes.subarray(start, end));
    n++;
    re.lastIndex = end;
  }
  return n > 0;
}

const run = (over: Partial<RunResult>): RunResult => ({
  code: 3,
  signal: null,
  stdout: "",
  stderr: "",
  hung: false,
  memoryKilled: false,
  peakRssMb: 100,
  wallMs: 1000,
  ...over,
});

describe("mutants", () => {
  it("case i of seed S is always the same mutant", () => {
    for (let i = 0; i < 30; i++) {
      const a = mutate(Rng.forCase(7, i), SEEDS[i % 3], SEEDS);
      const b = mutate(Rng.forCase(7, i), SEEDS[i % 3], SEEDS);
      expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
      expect(b.ops).toEqual(a.ops);
    }
  });

  it("structured mutations keep their container readable: a .docx stays a zip, PDF streams keep /Length and inflate", () => {
    expect(streamsIntact(SEEDS[0].bytes)).toBe(true);
    let zips = 0;
    let streams = 0;
    for (let i = 0; i < 120; i++) {
      const m = mutate(Rng.forCase(1, i), i % 2 ? SEEDS[1] : SEEDS[0], SEEDS);
      if (m.ops.length !== 1) continue; // a byte-level op may follow and break the container on purpose
      if (m.ops[0].startsWith("docx-xml(word/")) {
        expect(() => unzipSync(m.bytes)).not.toThrow();
        zips++;
      }
      if (/^pdf-stream-(numbers|lines|scale)\(\d/.test(m.ops[0])) {
        expect(streamsIntact(m.bytes), m.ops[0]).toBe(true);
        streams++;
      }
    }
    expect(zips).toBeGreaterThan(5);
    expect(streams).toBeGreaterThan(5);
  });
});

describe("the judge", () => {
  it("a stack trace, an internal error, an exit code outside 0–3 are crashes; a hang and memory are their own", () => {
    expect(judgeProcess(run({ stderr: "Error: x\n    at f (a.js:1:1)\n" }), 512, [1]).map((f) => f.category)).toEqual(["crash"]);
    expect(judgeProcess(run({ code: 70, stderr: "jixiao: internal error: boom\n" }), 512, [1]).map((f) => f.category)).toEqual([
      "crash",
      "crash",
    ]);
    expect(judgeProcess(run({ code: null, signal: "SIGKILL", hung: true }), 512, [1]).map((f) => f.category)).toEqual(["hang"]);
    expect(judgeProcess(run({ peakRssMb: 600 }), 512, [1]).map((f) => f.category)).toEqual(["memory"]);
    expect(judgeProcess(run({ stderr: "jixiao: in/c00004.pdf: worker crashed: out of memory\n" }), 512, [4, 5])).toEqual([
      { category: "worker", cases: [4], detail: "jixiao: in/c00004.pdf: worker crashed: out of memory" },
    ]);
    expect(judgeProcess(run({ code: 3, stderr: "jixiao: in/c00001.pdf: damaged PDF\n" }), 512, [1])).toEqual([]);
  });

  it("an input neither written nor named is lost; one both written and named is double", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-judge-"));
    try {
      mkdirSync(join(dir, "in"));
      writeFileSync(join(dir, "in/c00001.pdf.json"), "{}");
      writeFileSync(join(dir, "in/c00003.pdf.json"), "{}");
      writeFileSync(join(dir, "in/c00005.pdf.json"), '{"source":');
      writeFileSync(join(dir, "in/.c00006.json.tmp-1"), "{");
      const files = ["c00001.pdf.json", "c00003.pdf.json", "c00005.pdf.json", ".c00006.json.tmp-1"].map((f) => join(dir, "in", f));
      const stderr = "jixiao: in/c00002.pdf: damaged PDF\njixiao: in/c00003.pdf: empty file\njixiao: in/c00006.pdf: empty file\n";
      const j = judgeExtract(run({ stderr }), [1, 2, 3, 4, 5, 6], dir, files, 512);
      expect(j.failures.map((f) => [f.category, f.cases])).toEqual([
        ["partial", [5]],
        ["partial", [6]],
        ["double", [3]],
        ["lost", [4]],
        ["lost", [5]],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("validate: the report must parse and list every input not named on stderr", () => {
    const ok = judgeValidate(
      run({ stdout: JSON.stringify([{ document: "in/c00001.pdf" }]), stderr: "jixiao: in/c00002.pdf: empty file\n" }),
      [1, 2],
      512,
    );
    expect(ok.failures).toEqual([]);
    const cut = judgeValidate(run({ stdout: '[{"document": "in/c000' }), [1], 512);
    expect(cut.failures.map((f) => f.category)).toEqual(["partial", "lost"]);
  });
});

describe("ddmin", () => {
  it("shrinks an input to the bytes the failure needs, within its budget", async () => {
    const input = new TextEncoder().encode("aaaaaaaaaaXbbbbbbbbbbYcccccccccc");
    const fails = async (b: Uint8Array) => {
      const s = new TextDecoder().decode(b);
      return s.includes("X") && s.includes("Y");
    };
    const out = await ddmin(input, fails, { attempts: 500, deadline: Date.now() + 10_000 });
    expect(new TextDecoder().decode(out)).toBe("XY");
    const bounded = await ddmin(input, fails, { attempts: 3, deadline: Date.now() + 10_000 });
    expect(bounded.length).toBeGreaterThan(2);
  });
});

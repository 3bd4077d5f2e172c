/**
 * The hand-made bad-input corpus (fixtures/bad/corpus, written by scripts/fixtures-bad/make-corpus.mjs) through
 * the built CLI: every input gets exactly one outcome — an output whose `source.path` is that input, or one
 * stderr line naming it — with no stack trace, an exit code in 0–3, nothing written outside `-o`, and time
 * bounded by the tool's own `--timeout` (no timing assertions). Odd file names (spaces, unicode, a leading dash,
 * control characters, ANSI escapes) are made here in a temp folder: they are not committed.
 *
 * One `extract -o` batch over everything (run once, checked by several tests) and one `validate` batch.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CORPUS = join(ROOT, "fixtures/bad/corpus");
const BIN = join(ROOT, "bin/jixiao.js");
/** The tool's own per-file limit: the slow inputs (10,000 pages, zip bombs) end at it or at a stated limit. */
const TOOL_TIMEOUT = ["--timeout", "2"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    // A safety net only (the tool's --timeout bounds each file); not an assertion on time.
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (s: string) => s.split("\n").filter((l) => l !== "");
/** Lines about one input (`jixiao: <file>: …`), without the closing summary. */
const fileLines = (stderr: string) => lines(stderr).filter((l) => l.startsWith("jixiao: ") && !/^jixiao: \d+ files? in /.test(l));
const stackLines = (stderr: string) => lines(stderr).filter((l) => /^ {4}at /.test(l));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).map((r) => join(dir, r)).filter((p) => statSync(p).isFile());
}

/** Every path under `dir` but `skip`, with size and mtime: what a run may not touch. */
function snapshot(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    if (rel === skip || rel.startsWith(skip + "/")) continue;
    const s = statSync(join(dir, rel));
    out.set(rel, `${s.size}:${s.mtimeMs}`);
  }
  return out;
}

const manifest = JSON.parse(readFileSync(join(CORPUS, "MANIFEST.json"), "utf8")) as { name: string; bytes: number; about: string }[];
const corpus = manifest.map((m) => `corpus/${m.name}`);
/** Readable pages under odd names. */
const ODD = [
  "with space 空格.html",
  "-leading-dash.html",
  "#hash%percent&amp.html",
  "quote'single.html",
  "名称（全角）.html",
  "emoji 📄.html",
].map((n) => `odd/${n}`);
/** Unreadable files whose names carry control characters: their error lines must not carry them raw. */
const CONTROL = ["ansi-\x1b[31mred\x1b[0m.pdf", "tab\tname.pdf", "cr\rname.pdf", "bell\x07name.pdf", "newline\nname.pdf"].map(
  (n) => `control/${n}`,
);
const ALL = [...corpus, ...ODD, ...CONTROL];

/** Outcomes that do not depend on limits still being tuned (the rest: either, but exactly one). */
const READ = [
  "ok.html",
  "ok.docx",
  "ok.pdf",
  "pdf-as.docx",
  "html-as.pdf",
  "docx-as.html",
  "zip-slip.docx",
  "billion-laughs.docx",
  "external-entity.docx",
  "html-utf16.html",
];
const FAILED = [
  "empty.pdf",
  "empty.docx",
  "empty.html",
  "header-only.pdf",
  "truncated.pdf",
  "truncated.docx",
  "random.pdf",
  "random.docx",
  "encrypted.pdf",
  "page-tree-loop.pdf",
  "page-tree-self.pdf",
  "docx-no-document.docx",
  "text-as.pdf",
];
/** Left out of the validate batch (extract covers them): each takes the whole --timeout or a large inflate. */
const HEAVY = ["pages-10000.pdf", "zip-bomb.docx", "zip-bomb-part.docx", "zip-bomb-lying-size.docx"];

/** The input a stderr line is about: its name printed as is, or with control characters escaped. */
function inputOf(line: string, inputs: readonly string[]): string | undefined {
  return inputs.find((p) => {
    const [head, ...rest] = p.split(/[\x00-\x1f]/);
    return (
      line.startsWith(`jixiao: in/${head}`) &&
      rest.every((r) => line.includes(r)) &&
      (rest.length > 0 || line.startsWith(`jixiao: in/${p}: `))
    );
  });
}

describe("the bad-input corpus", () => {
  let dir: string;
  let run: Run;
  let before: Map<string, string>;
  const slipTargets = ["/tmp/jixiao-zip-slip.txt", "/tmp/jixiao-zip-slip-abs.txt"].filter((p) => !existsSync(p));
  /** Input (relative to in/) → what happened to it: `written <file>` or its stderr line. */
  const outcomes = new Map<string, string[]>();
  const strays: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jixiao-bad-"));
    for (const sub of ["corpus", "odd", "control"]) mkdirSync(join(dir, "in", sub), { recursive: true });
    for (const m of manifest) cpSync(join(CORPUS, m.name), join(dir, "in/corpus", m.name));
    for (const p of ODD) cpSync(join(CORPUS, "ok.html"), join(dir, "in", p));
    for (const p of CONTROL) cpSync(join(CORPUS, "random.pdf"), join(dir, "in", p));
    before = snapshot(dir, "out");
    run = await cli(["extract", "in", "-o", "out", "--jobs", "2", ...TOOL_TIMEOUT], dir);
    for (const p of ALL) outcomes.set(p, []);
    for (const f of filesUnder(join(dir, "out"))) {
      let source = "";
      try {
        source = (JSON.parse(readFileSync(f, "utf8")) as { source: { path: string } }).source.path;
      } catch (e) {
        strays.push(`${relative(dir, f)}: ${(e as Error).message}`);
        continue;
      }
      const list = outcomes.get(relative("in", source));
      if (list) list.push(`written ${relative(dir, f)}`);
      else strays.push(`${relative(dir, f)} names ${source}`);
    }
    for (const line of fileLines(run.stderr)) {
      const p = inputOf(line, ALL);
      if (p) outcomes.get(p)!.push(line);
      else strays.push(`a stderr line about no input: ${line}`);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("MANIFEST.json lists exactly the committed files", () => {
    const onDisk = readdirSync(CORPUS)
      .filter((n) => n !== "MANIFEST.json")
      .sort();
    expect(onDisk).toEqual(manifest.map((m) => m.name).sort());
    for (const m of manifest) expect(statSync(join(CORPUS, m.name)).size, m.name).toBe(m.bytes);
  });

  it("extract -o: no stack trace, no internal error, exit code 0–3", () => {
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stderr).not.toMatch(/internal error|worker crashed/i);
    expect([0, 1, 2, 3]).toContain(run.code);
  });

  it("extract -o: every input has exactly one outcome, every output is whole JSON naming its input", () => {
    expect(strays).toEqual([]);
    const notOne = [...outcomes].filter(([, o]) => o.length !== 1);
    expect(notOne, "inputs with no outcome or more than one").toEqual([]);
    for (const f of filesUnder(join(dir, "out"))) expect(f, "only finished JSON files in the output folder").toMatch(/\.json$/);
  });

  it("extract -o: the outcomes that do not depend on tunable limits", () => {
    for (const n of READ) expect(outcomes.get(`corpus/${n}`)?.[0], n).toMatch(/^written /);
    for (const n of FAILED) expect(outcomes.get(`corpus/${n}`)?.[0], n).toMatch(/^jixiao: /);
    expect(outcomes.get("corpus/encrypted.pdf")?.[0]).toMatch(/password/);
    for (const p of ODD) expect(outcomes.get(p)?.[0], p).toMatch(/^written /);
    for (const p of CONTROL) expect(outcomes.get(p)?.[0], JSON.stringify(p)).toMatch(/^jixiao: /);
  });

  it("extract -o: nothing written outside -o (inputs untouched, zip-slip entries not extracted)", () => {
    expect(snapshot(dir, "out")).toEqual(before);
    for (const p of slipTargets) expect(existsSync(p), p).toBe(false);
  });

  it("control characters and ANSI escapes in names never reach stderr raw", () => {
    // Nothing but line ends: an ANSI escape would recolour the terminal, a CR overwrite the line.
    expect(run.stderr.replace(/\n/g, "")).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it("a leading dash on the command line, made a path, is read", async () => {
    const r = await cli(["extract", "./in/odd/-leading-dash.html"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source.path).toMatch(/-leading-dash\.html$/);
  });

  it("validate: every input in the JSON report or on stderr exactly once, no stack trace, exit 0–3", async () => {
    const light = manifest.map((m) => m.name).filter((n) => !HEAVY.includes(n));
    const vdir = join(dir, "validate");
    mkdirSync(join(vdir, "in"), { recursive: true });
    for (const n of light) cpSync(join(CORPUS, n), join(vdir, "in", n));
    const r = await cli(["validate", "in", "--format", "json", "--fail-on", "never", "--jobs", "2", ...TOOL_TIMEOUT], vdir);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stderr).not.toMatch(/internal error|worker crashed/i);
    expect([0, 1, 2, 3]).toContain(r.code);
    const report = JSON.parse(r.stdout) as { document: string }[];
    const seen = report.map((d) => relative("in", d.document));
    // An input that failed may be in the report or only on stderr, but never missing and never listed twice.
    const onlyStderr = fileLines(r.stderr)
      .map((l) => light.find((n) => l.startsWith(`jixiao: in/${n}: `)))
      .filter((n): n is string => n !== undefined && !seen.includes(n));
    expect([...seen, ...onlyStderr].sort()).toEqual([...light].sort());
  });
});

/**
 * The CLI as users run it (spawned). Parts that need a working format backend check what the backend can do
 * today (`extract` on the seed HTML) and assert the full behaviour once it can.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract.ts";
import { documentJson } from "../../src/output/json.ts";
import { sampleDocument } from "../output/sample-doc.ts";
import { lines, ROOT, runCli } from "./run-cli.ts";

const SEED_HTML = join(ROOT, "fixtures/seeds/003-tianjin-cdpf-2023/doc.html");
/** Whether the HTML backend reads the seed today (it is being written while these tests are). */
const htmlWorks = await extract(SEED_HTML).then(
  (doc) => doc.projects.length > 0,
  () => false,
);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "jixiao-cli-"));
}

/** Every file below dir, relative, sorted. */
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

/** A folder with good, broken and unknown files. */
function mixedFolder(): { dir: string; good: string[]; broken: string[]; unknown: string[] } {
  const dir = tmp();
  mkdirSync(join(dir, "in", "sub"), { recursive: true });
  const good = ["in/good.html", "in/sub/good2.html"];
  if (existsSync(SEED_HTML)) for (const g of good) copyFileSync(SEED_HTML, join(dir, g));
  const broken: Record<string, string | Buffer> = {
    "in/truncated.pdf": "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R",
    "in/not-a-zip.docx": "plain text pretending to be Word",
    "in/sub/empty.pdf": "",
    "in/sub/random.pdf": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
  };
  const unknown: Record<string, string | Buffer> = {
    "in/readme.txt": "some notes",
    "in/sub/picture.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  };
  for (const [f, b] of Object.entries({ ...broken, ...unknown })) writeFileSync(join(dir, f), b);
  return { dir, good: existsSync(SEED_HTML) ? good : [], broken: Object.keys(broken), unknown: Object.keys(unknown) };
}

describe("CLI basics", () => {
  it("prints the version from package.json and help with examples", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const v = await runCli(["--version"]);
    expect([v.code, v.stdout.toString().trim()]).toEqual([0, pkg.version]);
    const h = await runCli(["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout.toString()).toMatch(/Examples:[\s\S]*jixiao extract/);
    const eh = await runCli(["extract", "--help"]);
    expect(eh.code).toBe(0);
    expect(eh.stdout.toString()).toContain("--csv-level");
  });

  it("exits 2 with one line for bad usage", async () => {
    for (const args of [
      ["bogus"],
      ["extract"],
      ["extract", "--jobs", "0", "x.pdf"],
      ["extract", "--format", "xml", "x.pdf"],
      ["validate", "--enable", "no-such-rule", "x.json"],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(lines(r.stderr), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(/^jixiao: /);
    }
  });

  it("a missing single input: exit 2, one line naming it, nothing on stdout", async () => {
    const r = await runCli(["extract", "no/such/file.pdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("jixiao: no/such/file.pdf: no such file\n");
    expect(r.stdout.length).toBe(0);
    const t = await runCli(["tables", "no/such/file.pdf"]);
    expect([t.code, t.stderr]).toEqual([2, "jixiao: no/such/file.pdf: no such file\n"]);
  });

  it("a single input that is not a document, from a file or stdin: exit 2, one line, no stack", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "x.pdf"), "not a pdf");
    const r = await runCli(["extract", join(dir, "x.pdf")]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`jixiao: ${join(dir, "x.pdf")}: not a valid PDF file (damaged or mislabelled)`]);
    const s = await runCli(["extract", "-"], { input: "" });
    expect([s.code, s.stderr]).toEqual([2, "jixiao: <stdin>: empty file\n"]);
  });

  it("schema prints a valid JSON Schema that accepts a document", async () => {
    const r = await runCli(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout.toString()) as Record<string, unknown>;
    const ajv = new Ajv2020.default({ strict: false });
    const check = ajv.compile(schema);
    expect(check(JSON.parse(documentJson(sampleDocument())))).toBe(true);
    expect(check({ source: {} })).toBe(false);
    const f = await runCli(["schema", "--finding"]);
    expect((JSON.parse(f.stdout.toString()) as { title: string }).title).toBe("jixiao Finding");
  });

  it("rules lists every rule id with its severity", async () => {
    const j = await runCli(["rules", "--format", "json"]);
    const rules = JSON.parse(j.stdout.toString()) as { id: string; severity: string }[];
    expect(rules.length).toBeGreaterThan(0);
    const t = await runCli(["rules"]);
    const text = t.stdout.toString();
    for (const r of rules) expect(text).toMatch(new RegExp(`^${r.id}\\s+${r.severity}\\s`, "m"));
  });

  it("Ctrl-C: exit 130 promptly, one line, no output file", async () => {
    const dir = tmp();
    // Waiting on stdin that never ends: only the interrupt can stop it. The signal waits until the CLI has surely
    // started (a loaded 2-core CI box can take most of a second to load it); "promptly" is measured from the signal.
    const signalAfterMs = 1500;
    const t0 = performance.now();
    const r = await runCli(["extract", "-", "-o", "out.json"], { cwd: dir, keepStdinOpen: true, signalAfterMs });
    expect([r.code, r.stderr]).toEqual([130, "jixiao: interrupted\n"]);
    expect(performance.now() - t0 - signalAfterMs).toBeLessThan(2000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits quietly when stdout is closed early (| head)", async () => {
    const r = await runCli(["schema"], { closeStdout: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("CLI batches", () => {
  it("a folder of good, broken and unknown files: exit 3, each broken file named once, the others written", async () => {
    const { dir, good, broken, unknown } = mixedFolder();
    const r = await runCli(["extract", "in", "-o", "out", "--jobs", "2"], { cwd: dir });
    expect(r.code).toBe(3);
    const errs = lines(r.stderr);
    const failing = htmlWorks ? broken : [...broken, ...good];
    for (const b of failing)
      expect(
        errs.filter((l) => l.startsWith(`jixiao: ${b}: `)),
        b,
      ).toHaveLength(1);
    for (const u of unknown) expect(errs.filter((l) => l.includes(u))).toEqual([expect.stringMatching(/: skipped: /)]);
    expect(errs.at(-1)).toMatch(
      new RegExp(`^jixiao: ${broken.length + good.length + unknown.length} files in .*${failing.length} failed, ${unknown.length} skipped`),
    );
    expect(errs.every((l) => l.startsWith("jixiao: ") && !/^\s+at /.test(l))).toBe(true);
    const written = listTree(join(dir, "out"));
    expect(written).toEqual(htmlWorks ? good.map((g) => `${g}.json`).sort() : []);
    for (const w of written) {
      const doc = JSON.parse(readFileSync(join(dir, "out", w), "utf8")) as { projects: unknown[] };
      expect(doc.projects.length).toBeGreaterThan(0);
    }
  });

  it("-o DIR mirrors input paths and never writes outside DIR", async () => {
    const base = tmp();
    mkdirSync(join(base, "work"));
    mkdirSync(join(base, "src", "a"), { recursive: true });
    if (existsSync(SEED_HTML)) copyFileSync(SEED_HTML, join(base, "src", "a", "b.html"));
    writeFileSync(join(base, "src", "a", "broken.pdf"), "%PDF-1.4 truncated");
    const r = await runCli(["extract", "../src", join(base, "src", "a", "b.html"), "-o", "out"], { cwd: join(base, "work") });
    expect(r.code).toBe(3);
    expect(listTree(base).filter((p) => !p.startsWith("work/out/") && !p.startsWith("src/"))).toEqual([]);
    if (htmlWorks) {
      const absMirror = join("work/out", join(base, "src", "a", "b.html.json").slice(1));
      expect(listTree(base).filter((p) => p.startsWith("work/out/"))).toEqual(["work/out/__/src/a/b.html.json", absMirror].sort());
    }
  });

  it("a rerun into an output folder inside the input folder does not read its own outputs", async () => {
    const { dir } = mixedFolder();
    await runCli(["extract", "in", "-o", "in/out", "-q"], { cwd: dir });
    const again = await runCli(["extract", "in", "-o", "in/out"], { cwd: dir });
    expect(again.stderr).not.toContain("in/out/");
    expect(listTree(join(dir, "in", "out")).every((p) => !p.startsWith("in/out"))).toBe(true);
  });

  it("refuses -o pointing at a file when there are several inputs", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "out"), "x");
    writeFileSync(join(dir, "a.pdf"), "%PDF-1.4");
    writeFileSync(join(dir, "b.pdf"), "%PDF-1.4");
    const r = await runCli(["extract", "a.pdf", "b.pdf", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("jixiao: out: several inputs need a directory for -o, but this is a file\n");
    expect(readFileSync(join(dir, "out"), "utf8")).toBe("x");
  });

  it("a single input that fails leaves no -o file and no temp file", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.pdf"), "%PDF-1.4 truncated");
    const r = await runCli(["extract", "a.pdf", "-o", "a.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(["a.pdf"]);
  });

  it("CSV to stdout: BOM and header even when every input failed; a combined -o file otherwise", async () => {
    const { dir } = mixedFolder();
    const r = await runCli(["extract", "in", "--format", "csv", "-q"], { cwd: dir });
    expect(r.code).toBe(3);
    const text = r.stdout.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toMatch(/^document,projectIndex,title,name,/);
    expect(lines(r.stderr).every((l) => !l.includes("skipped") && !l.includes(" files in "))).toBe(true);
    const o = await runCli(["extract", "in", "--format", "csv", "-o", "all.csv", "-q"], { cwd: dir });
    expect(o.code).toBe(3);
    const csv = readFileSync(join(dir, "all.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe("\uFEFF" + text.slice(1).split("\r\n")[0]);
    if (htmlWorks) expect(csv.split("\r\n").filter((l) => l.includes("good.html")).length).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.startsWith("."))).toEqual([]);
  });

  it.runIf(htmlWorks)("NDJSON: one document per line", async () => {
    const { dir, good } = mixedFolder();
    const r = await runCli(["extract", ...good, "--format", "ndjson"], { cwd: dir });
    expect(r.code).toBe(0);
    const ls = r.stdout.toString().split("\n");
    expect(ls.pop()).toBe("");
    expect(ls.map((l) => (JSON.parse(l) as { source: { path: string } }).source.path)).toEqual(good);
  });

  it("validate: JSON from extract, a report on stdout, --fail-on, and exit 3 when an input is broken", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.json"), documentJson(sampleDocument("a.pdf")));
    writeFileSync(join(dir, "b.json"), documentJson(sampleDocument("b.pdf")));
    const ok = await runCli(["validate", "a.json", "b.json", "--format", "json", "--fail-on", "never", "-q"], { cwd: dir });
    expect([ok.code, ok.stderr]).toEqual([0, ""]);
    const report = JSON.parse(ok.stdout.toString()) as { document: string }[];
    expect(report.map((d) => d.document)).toEqual(["a.pdf", "b.pdf"]);
    // Other JSON in a folder is skipped; output of extract that does not fit the schema is a failure.
    writeFileSync(join(dir, "expected.json"), '{"projects": []}');
    const skip = await runCli(["validate", ".", "--format", "json", "--fail-on", "never"], { cwd: dir });
    expect(skip.code).toBe(0);
    expect(lines(skip.stderr)[0]).toBe("jixiao: expected.json: skipped: JSON that is not jixiao output");
    writeFileSync(join(dir, "c.json"), '{"source": {"path": 1}, "projects": []}');
    const bad = await runCli(["validate", ".", "--format", "json", "-q"], { cwd: dir });
    expect(bad.code).toBe(3);
    expect(lines(bad.stderr)).toEqual([expect.stringMatching(/^jixiao: c\.json: not a jixiao document \(source\.path: /)]);
  });
});

describe.runIf(htmlWorks)("CLI on a real document", () => {
  const SEED_DOCX = join(ROOT, "fixtures/seeds/002-qinhuangdao-beidaihe-2020/doc.docx");

  it("--validate adds a findings array and exits by --fail-on", async () => {
    const r = await runCli(["extract", SEED_DOCX, "--validate", "--fail-on", "error"]);
    const doc = JSON.parse(r.stdout.toString()) as { projects: unknown[]; findings: { severity: string; rule: string }[] };
    expect(doc.projects.length).toBeGreaterThan(0);
    expect(Array.isArray(doc.findings)).toBe(true);
    expect(r.code).toBe(doc.findings.some((f) => f.severity === "error") ? 1 : 0);
    if (doc.findings.length) expect(r.stderr.length).toBeGreaterThan(0);
    const never = await runCli(["extract", SEED_DOCX, "--validate", "-q"]);
    expect([never.code, never.stderr]).toEqual([0, ""]);
    // Selecting rules implies validation.
    const only = await runCli(["extract", SEED_DOCX, "--enable", "value-format", "-q"]);
    const onlyDoc = JSON.parse(only.stdout.toString()) as { findings: { rule: string }[] };
    expect(onlyDoc.findings.every((f) => f.rule.startsWith("value-format/"))).toBe(true);
  });

  it("reads a document from stdin", async () => {
    const r = await runCli(["extract", "-"], { input: readFileSync(SEED_HTML) });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout.toString()) as { source: { path: string; format: string }; projects: unknown[] };
    expect(doc.source).toMatchObject({ path: "<stdin>", format: "html" });
    expect(doc.projects.length).toBeGreaterThan(0);
  });

  it("--csv-level project writes one row per project and department table", async () => {
    const json = JSON.parse((await runCli(["extract", SEED_HTML])).stdout.toString()) as { projects: unknown[]; departments: unknown[] };
    const r = await runCli(["extract", SEED_HTML, "--format", "csv", "--csv-level", "project", "--no-bom"]);
    expect(r.code).toBe(0);
    const text = r.stdout.toString();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const { parseString } = await import("fast-csv");
    const rows = await new Promise<Record<string, string>[]>((res, rej) => {
      const out: Record<string, string>[] = [];
      parseString(text, { headers: true })
        .on("data", (d: Record<string, string>) => out.push(d))
        .on("error", rej)
        .on("end", () => res(out));
    });
    expect(rows).toHaveLength(json.projects.length + json.departments.length);
  });

  it("tables: the raw grids as JSON, or CSV blocks with merged cells repeated or blank", async () => {
    const j = await runCli(["tables", SEED_HTML]);
    expect(j.code).toBe(0);
    const grid = JSON.parse(j.stdout.toString()) as { path: string; tables: { cells: { text: string; rowspan: number }[] }[] };
    expect(grid.path).toBe(SEED_HTML);
    expect(grid.tables.length).toBeGreaterThan(0);
    const repeat = (await runCli(["tables", SEED_HTML, "--format", "csv"])).stdout.toString();
    const blank = (await runCli(["tables", SEED_HTML, "--format", "csv", "--merged", "blank"])).stdout.toString();
    expect(repeat.charCodeAt(0)).toBe(0xfeff);
    expect(repeat.slice(1)).toMatch(/^table=0,/);
    expect(repeat.slice(1).match(/^table=\d+,/gm)).toHaveLength(grid.tables.length);
    const merged = grid.tables.some((t) => t.cells.some((c) => c.rowspan > 1));
    if (merged) expect(blank.length).toBeLessThan(repeat.length);
  });
});

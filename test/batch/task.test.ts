import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, type TaskConfig, type TaskResult } from "../../src/batch/task.ts";
import { documentJson, documentNdjsonLine } from "../../src/output/json.ts";
import { sampleDocument } from "../output/sample-doc.ts";

const extractJson: TaskConfig = { command: "extract", format: "json", csvLevel: "indicator", validate: null };
const validateCfg: TaskConfig = { command: "validate", validate: {} };

function files(spec: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-task-"));
  for (const [name, body] of Object.entries(spec)) writeFileSync(join(dir, name), body);
  return dir;
}

const failed = (r: TaskResult) => (r.status === "failed" ? r.error : `not failed: ${r.status}`);

describe("the per-file task", () => {
  const dir = files({
    "notes.txt": "just some notes",
    "empty.pdf": "",
    "empty.txt": "",
    "fake.docx": "this is not a zip at all",
    "truncated.pdf": "%PDF-1.7\n1 0 obj << /Type /Catalog",
    "old.doc": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    "out.json": documentJson(sampleDocument("docs/a.pdf")),
    "many.ndjson": documentNdjsonLine(sampleDocument("x.pdf")) + documentNdjsonLine(sampleDocument("y.pdf")),
    "bad.json": '{"source": 1}',
  });
  const p = (n: string) => join(dir, n);

  it("skips files found in a folder that are not documents, with a reason", async () => {
    for (const [name, reason] of [
      ["notes.txt", "skipped: not a PDF, Word or HTML document"],
      ["empty.txt", "skipped: empty file"],
      ["out.json", "skipped: a JSON file, not a document"],
    ]) {
      const r = await run({ path: p(name), explicit: false }, extractJson);
      expect(r).toEqual({ status: "skipped", path: p(name), reason });
    }
  });

  it("fails files that claim to be documents but are broken, naming the file once", async () => {
    expect(failed(await run({ path: p("empty.pdf"), explicit: false }, extractJson))).toBe(`${p("empty.pdf")}: empty file`);
    expect(failed(await run({ path: p("fake.docx"), explicit: false }, extractJson))).toBe(
      `${p("fake.docx")}: not a valid Word (.docx) file (damaged or mislabelled)`,
    );
    expect(failed(await run({ path: p("old.doc"), explicit: false }, extractJson))).toMatch(/^.*old\.doc: legacy Word \.doc/);
    const t = failed(await run({ path: p("truncated.pdf"), explicit: false }, extractJson));
    expect(t.startsWith(`${p("truncated.pdf")}: `)).toBe(true);
    expect(t).not.toContain("\n");
  });

  it("fails a file named on the command line even when it is not a document", async () => {
    expect(failed(await run({ path: p("notes.txt"), explicit: true }, extractJson))).toBe(
      `${p("notes.txt")}: not a PDF, Word (.docx) or HTML document`,
    );
    expect(failed(await run({ path: p("missing.pdf"), explicit: true }, extractJson))).toBe(`${p("missing.pdf")}: no such file`);
  });

  it("validates JSON written by extract (one object or NDJSON) without re-extracting", async () => {
    const one = await run({ path: p("out.json"), explicit: false }, validateCfg);
    expect(one.status).toBe("ok");
    if (one.status !== "ok") return;
    expect(one.docs.map((d) => [d.document, d.projects, d.indicators])).toEqual([["docs/a.pdf", 2, 5]]);
    expect(Array.isArray(one.docs[0].findings)).toBe(true);
    const many = await run({ path: p("many.ndjson"), explicit: true }, validateCfg);
    expect(many.status === "ok" && many.docs.map((d) => d.document)).toEqual(["x.pdf", "y.pdf"]);
    expect(failed(await run({ path: p("bad.json"), explicit: true }, validateCfg))).toMatch(/bad\.json: not a jixiao document \(source: /);
  });

  it("reads stdin bytes given with the task", async () => {
    const r = await run({ path: "<stdin>", explicit: true, bytes: new Uint8Array() }, extractJson);
    expect(failed(r)).toBe("<stdin>: empty file");
  });
});

import { describe, expect, it } from "vitest";
import { DocumentSchema } from "../../src/model/schema.ts";
import { documentJson, documentNdjsonLine, JsonArrayWriter, parseDocumentsJson } from "../../src/output/json.ts";
import { sampleDocument } from "./sample-doc.ts";

describe("JSON writers", () => {
  it("NDJSON is one document per line, each parsing back to the same document", () => {
    const docs = [sampleDocument("a.pdf"), sampleDocument("b/多行.pdf")];
    const text = docs.map((d) => documentNdjsonLine(d)).join("");
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(2);
    lines.forEach((l, i) => expect(DocumentSchema.parse(JSON.parse(l))).toEqual(docs[i]));
  });

  it("puts findings next to the document's own keys", () => {
    const finding = {
      rule: "value-format/empty-value",
      severity: "warning" as const,
      document: "a.pdf",
      project: "x",
      projectIndex: 0,
      kind: "project" as const,
      cells: [],
      message: "m",
    };
    const obj = JSON.parse(documentJson(sampleDocument("a.pdf"), [finding]));
    expect(Object.keys(obj)).toEqual(["source", "projects", "departments", "totals", "warnings", "diagnostics", "findings"]);
    expect(obj.findings).toEqual([finding]);
    expect(JSON.parse(documentJson(sampleDocument("a.pdf")))).not.toHaveProperty("findings");
  });

  it("streams a valid JSON array, empty or not, and reads it back", async () => {
    for (const n of [0, 1, 3]) {
      let text = "";
      const w = new JsonArrayWriter(async (t) => {
        text += t;
      });
      for (let i = 0; i < n; i++) await w.item(documentJson(sampleDocument(`${i}.pdf`)));
      await w.end();
      const parsed = JSON.parse(text);
      expect(parsed).toHaveLength(n);
      expect(parseDocumentsJson(text)).toHaveLength(n);
    }
  });

  it("reads back a single object, an array, and NDJSON", () => {
    const one = documentJson(sampleDocument("a.pdf"));
    expect(parseDocumentsJson("\uFEFF" + one)).toHaveLength(1);
    const nd = documentNdjsonLine(sampleDocument("a.pdf")) + documentNdjsonLine(sampleDocument("b.pdf"));
    expect(parseDocumentsJson(nd).map((d) => (d as { source: { path: string } }).source.path)).toEqual(["a.pdf", "b.pdf"]);
    expect(() => parseDocumentsJson("{not json")).toThrow();
  });
});

/**
 * mammoth as an oracle for the Word backend. The backend reads word/document.xml itself because mammoth's HTML
 * loses gridBefore/gridAfter, text in vMerge continuation cells, altChunk HTML and list numbers (see
 * src/formats/docx/). What mammoth does read must not be lost: every non-empty cell mammoth shows in a table
 * must appear, with the same text, in our grid of the same document.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { htmlToGrid } from "../../src/formats/html/index.ts";
import { readDocx } from "../../src/formats/index.ts";
import type { GridDocument } from "../../src/grid/types.ts";

const fixtures = new URL("../../fixtures/", import.meta.url).pathname;
const docxFiles = [
  ...["seeds", "layouts"].flatMap((g) =>
    existsSync(join(fixtures, g)) ? readdirSync(join(fixtures, g)).map((d) => join(fixtures, g, d, "doc.docx")) : [],
  ),
  ...readdirSync(join(fixtures, "word"))
    .filter((f) => f.endsWith(".docx") && f !== "encrypted.docx")
    .map((f) => join(fixtures, "word", f)),
].filter((f) => existsSync(f));

// mammoth keeps Symbol-font glyphs as private-use code points and U+2011 as is; we map both to Unicode.
const norm = (t: string) => t.replace(/[\s\ue000-\uf8ff]+/g, "").replace(/\u2011/g, "-");
const cellTexts = (g: GridDocument) => g.tables.flatMap((t) => t.cells.map((c) => norm(c.text))).filter((t) => t.length > 0);
const isSubsequence = (small: string, big: string) => {
  let i = 0;
  for (const ch of big) if (ch === small[i]) i++;
  return i === small.length;
};

/** Text of runs marked hidden (w:vanish): Word does not show it, mammoth does. */
async function hiddenTexts(bytes: Buffer): Promise<string[]> {
  const { default: JSZip } = await import("jszip");
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*?<w:vanish\/>(?:(?!<\/w:r>).)*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map((m) => norm(m[1]));
}

describe("Word backend keeps everything mammoth reads", () => {
  it("has .docx fixtures", () => expect(docxFiles.length).toBeGreaterThanOrEqual(15));
  for (const file of docxFiles) {
    it(file.slice(fixtures.length), async () => {
      const bytes = readFileSync(file);
      const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
      const hidden = await hiddenTexts(bytes);
      const oracle = cellTexts(htmlToGrid(html))
        .map((t) => hidden.reduce((x, h) => (h ? x.replace(h, "") : x), t))
        .filter(Boolean);
      const ours = new Set(cellTexts(await readDocx(bytes, file)));
      // A cell mammoth shows may be ours less what mammoth dropped (vMerge continuation text, list numbers,
      // symbol glyphs), so its text must be a subsequence of one of our cells.
      const missing = oracle.filter((t) => !ours.has(t) && ![...ours].some((o) => isSubsequence(t, o)));
      expect(missing).toEqual([]);
      expect(ours.size).toBeGreaterThan(0);
    });
  }
});

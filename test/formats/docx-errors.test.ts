/**
 * Word files that cannot be read: each gives one JixiaoError line saying why — legacy .doc (with the conversion
 * command), password-protected, not a zip, damaged zip, zip bombs (refused before inflating), a workbook or an
 * OpenDocument file in a .docx's clothes.
 */
import { readFileSync } from "node:fs";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx, readGrid } from "../../src/formats/index.ts";
import { ZIP_LIMITS } from "../../src/formats/docx/zip.ts";
import { JixiaoError, describeError } from "../../src/errors.ts";

const dir = new URL("../../fixtures/word/", import.meta.url).pathname;
const fixture = (name: string) => new Uint8Array(readFileSync(dir + name));

async function failure(p: Promise<unknown>): Promise<JixiaoError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(JixiaoError);
    expect(describeError(err)).not.toMatch(/\n/);
    return err as JixiaoError;
  }
  throw new Error("expected a JixiaoError");
}

const minimalDocx = (documentXml: string) =>
  zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(documentXml),
  });

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (inner: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const oneCell = body(
  "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
);

/** Overwrite the declared uncompressed size of the entry `name` (local header and central directory). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && Buffer.from(out.subarray(i + 30, i + 30 + nameBytes.length)).equals(nameBytes))
      view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && Buffer.from(out.subarray(i + 46, i + 46 + nameBytes.length)).equals(nameBytes))
      view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("readDocx: files it cannot read", () => {
  it("a minimal hand-zipped .docx reads (the baseline for the damaged variants below)", async () => {
    const g = await readDocx(minimalDocx(oneCell), "ok.docx");
    expect(g.tables[0].cells[0].text).toBe("项目名称");
  });

  it("legacy .doc (LibreOffice-written Word 97): not supported, with the conversion command", async () => {
    for (const read of [readDocx, readGrid]) {
      const err = await failure(read(fixture("legacy.doc"), "legacy.doc"));
      expect(err.kind).toBe("unsupported");
      expect(err.message).toMatch(/\.doc is not supported.*soffice --headless --convert-to docx/);
      expect(err.file).toBe("legacy.doc");
    }
  });

  it("password-protected .docx (EncryptedPackage in an OLE2 file): says so, not 'legacy .doc'", async () => {
    for (const read of [readDocx, readGrid]) {
      const err = await failure(read(fixture("encrypted.docx"), "encrypted.docx"));
      expect(err.kind).toBe("encrypted");
      expect(err.message).toMatch(/password-protected/);
      expect(err.message).not.toMatch(/legacy/);
    }
  });

  it("not a zip at all", async () => {
    const err = await failure(readDocx(strToU8("这不是一个Word文件"), "x.docx"));
    expect(err.kind).toBe("damaged");
    expect(err.message).toMatch(/not a valid Word \.docx file/);
  });

  it("a truncated zip", async () => {
    const bytes = fixture("grid-before.docx");
    const err = await failure(readDocx(bytes.subarray(0, Math.floor(bytes.length * 0.6)), "cut.docx"));
    expect(err.kind).toBe("damaged");
    expect(err.message).toMatch(/zip cannot be read/);
  });

  it("a zip without word/document.xml, an Excel workbook, an OpenDocument text", async () => {
    expect((await failure(readDocx(zipSync({ "a.txt": strToU8("x") }), "a.docx"))).message).toMatch(/no word\/document\.xml/);
    const xlsx = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    expect((await failure(readDocx(xlsx, "book.docx"))).message).toMatch(/Excel workbook/);
    const odt = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }], "content.xml": strToU8("<x/>") });
    expect((await failure(readDocx(odt, "t.docx"))).message).toMatch(/OpenDocument text.*--convert-to docx/);
    expect((await failure(readGrid(odt, "t.odt"))).message).toMatch(/OpenDocument text/);
  });

  it("document.xml cut short inside the zip", async () => {
    const err = await failure(readDocx(minimalDocx(oneCell.slice(0, oneCell.length - 40)), "short.docx"));
    expect(err.kind).toBe("damaged");
    expect(err.message).toMatch(/word\/document\.xml is incomplete/);
  });

  it("zip bomb: a part declaring more than the limit is refused before inflating", async () => {
    const bomb = declareSize(minimalDocx(oneCell), "word/document.xml", ZIP_LIMITS.maxPartBytes + 1);
    const err = await failure(readDocx(bomb, "bomb.docx"));
    expect(err.kind).toBe("too-large");
    expect(err.message).toMatch(/refusing/);
  });

  it("zip bomb: an impossible compression ratio is refused before inflating", async () => {
    const bomb = declareSize(minimalDocx(oneCell), "word/document.xml", 200 * 1024 * 1024);
    const err = await failure(readDocx(bomb, "ratio.docx"));
    expect(err.kind).toBe("too-large");
    expect(err.message).toMatch(/compression ratio/);
  });

  it("zip bomb: an entry that inflates beyond its declared size is cut off there (bounded memory), then reported damaged", async () => {
    const big = body(`<w:p><w:r><w:t>${"零".repeat(3_000_000)}</w:t></w:r></w:p>`); // 9 MB of XML
    const liar = declareSize(minimalDocx(big), "word/document.xml", 1000);
    const before = process.memoryUsage().arrayBuffers;
    const err = await failure(readDocx(liar, "liar.docx"));
    expect(err.kind).toBe("damaged");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(5 * 1024 * 1024);
  });

  it("zip bomb: too many entries", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) files[`m/${i}`] = new Uint8Array(0);
    const err = await failure(readDocx(zipSync(files, { level: 0 }), "many.docx"));
    expect(err.kind).toBe("too-large");
    expect(err.message).toMatch(/entries/);
  });
});

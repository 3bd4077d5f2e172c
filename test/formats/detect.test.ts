/**
 * Format detection from the bytes, on real files of each kind: a name only breaks ties for plain text.
 */
import { readFileSync } from "node:fs";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/formats/detect.ts";

const root = new URL("../../fixtures/", import.meta.url).pathname;
const file = (path: string) => new Uint8Array(readFileSync(root + path));
const seed = "seeds/004-lianjiang-dept-2024/";

describe("detectFormat", () => {
  it("reads the kind from the bytes whatever the name says", () => {
    expect(detectFormat(file(seed + "doc.html"), "page.pdf")).toBe("html");
    expect(detectFormat(file(seed + "doc.gbk.html"), "公告.doc")).toBe("html");
    expect(detectFormat(file(seed + "doc.docx"), "table.doc")).toBe("docx");
    expect(detectFormat(file(seed + "doc.lo.pdf"), "table.html")).toBe("pdf");
    expect(detectFormat(file("word/lo-html.docx"), "x")).toBe("docx");
  });

  it("tells legacy .doc from a password-protected .docx (both OLE2 files)", () => {
    expect(detectFormat(file("word/legacy.doc"), "a.doc")).toBe("doc");
    expect(detectFormat(file("word/legacy.doc"), "a.docx")).toBe("doc");
    expect(detectFormat(file("word/encrypted.docx"), "a.docx")).toBe("encrypted");
    expect(detectFormat(file("word/encrypted.docx"), "a.doc")).toBe("encrypted");
  });

  it("a PDF with bytes before its header, HTML mentioning %PDF-, plain text by its name", () => {
    const pdf = file(seed + "doc.lo.pdf");
    expect(detectFormat(new Uint8Array([...strToU8("\r\n\r\n"), ...pdf.subarray(0, 2048)]))).toBe("pdf");
    expect(detectFormat(strToU8("<html><body><p>附件格式：%PDF-1.7</p></body></html>"), "x.pdf")).toBe("html");
    expect(detectFormat(strToU8("项目名称\t康复"), "x.html")).toBe("html");
    expect(detectFormat(strToU8("项目名称\t康复"), "x.txt")).toBe("unknown");
    expect(detectFormat(strToU8('{"source": {"path": "a.pdf"}}'), "out")).toBe("json");
  });

  it("zips: Word, Excel, other", () => {
    expect(detectFormat(zipSync({ "xl/workbook.xml": strToU8("<x/>") }))).toBe("xlsx");
    expect(detectFormat(zipSync({ "a.txt": strToU8("x") }))).toBe("zip");
    // the names are also found in the central directory at the end of a large zip
    const big = zipSync({
      "media/a.bin": [new Uint8Array(3 << 20).map((_, i) => (i * 7919) & 255), { level: 0 }],
      "word/document.xml": strToU8("<x/>"),
    });
    expect(detectFormat(big)).toBe("docx");
  });
});

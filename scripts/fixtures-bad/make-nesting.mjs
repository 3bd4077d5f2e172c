#!/usr/bin/env node
/**
 * Hostile Word and HTML inputs for the Word/HTML limits (issue 13, items 4 and 10; src/settings/limits.ts), built
 * from strings with Node only (node:zlib deflate, a minimal zip writer with fixed dates, so the bytes are
 * reproducible). The .docx files are a few KB because deflate squeezes the repetition;
 * the HTML ones cannot be squeezed, so only small ones are written and tests build the large ones in memory from
 * the same functions (`import { … } from "scripts/fixtures-bad/make-nesting.mjs"`).
 *
 *   node scripts/fixtures-bad/make-nesting.mjs        # writes fixtures/bad/nesting-*, size-*
 *
 * nesting-docx-tables.docx       100,000 tables each nested in the cell of the one before (~5 KB)
 * nesting-docx-sdt.docx          100,000 nested block content controls (w:sdt/w:sdtContent) (~4 KB)
 * nesting-docx-paragraphs.docx   100,000 paragraphs opened and never closed (~2 KB)
 * size-docx-big-part.docx        a document.xml of 41 MiB (one table row repeated), over the 40 MiB part limit
 * size-docx-many-nodes.docx      1,000,000 empty paragraphs: 6 MB of XML, over the node limit (~10 KB)
 * size-docx-wide-table.docx      a table of 1,001 rows under a row spanning 1,000 grid columns (over 10^6 cells)
 * nesting-html-tables.html       2,000 nested tables (30 KB; tests use 100,000, built in memory)
 * size-html-span-bomb.html       a table whose first cell spans 2,000 rows × 1,000 columns
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A document.xml around some body content. */
export function documentXml(body) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
}

const strToU8 = (s) => new Uint8Array(Buffer.from(s, "utf8"));

/** A zip of deflated entries (DOS date 1980-01-01 00:00, no extra fields, no data descriptors). */
export function zip(entries) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data, { level: 9 });
    const header = (signature, size) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const lh = header(0x04034b50, 30);
    lh.writeUInt16LE(20, 4); // version needed
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(8, 8); // deflate
    lh.writeUInt16LE(0, 10); // time
    lh.writeUInt16LE(0x21, 12); // date: 1980-01-01
    lh.writeUInt32LE(crc32(data), 14);
    lh.writeUInt32LE(packed.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(nameBytes.length, 26);
    local.push(lh, nameBytes, packed);
    const ch = header(0x02014b50, 46);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    lh.copy(ch, 8, 6, 30); // flags … name length, as in the local header
    ch.writeUInt32LE(offset, 42);
    central.push(ch, nameBytes);
    offset += lh.length + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}

/** A minimal .docx (content types, package relationships, document.xml). */
export function docx(xml) {
  return zip({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": typeof xml === "string" ? strToU8(xml) : xml,
  });
}

const cellP = (text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** `n` tables, each inside the only cell of the one before. */
export function nestedTablesXml(n) {
  const open = "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>";
  const close = "</w:tc></w:tr></w:tbl>";
  return documentXml(open.repeat(n) + cellP("最里面") + close.repeat(n) + cellP("后记"));
}

/** `n` block content controls, each inside the content of the one before. */
export function nestedSdtXml(n) {
  return documentXml("<w:sdt><w:sdtContent>".repeat(n) + cellP("内容") + "</w:sdtContent></w:sdt>".repeat(n));
}

/** `n` paragraphs opened and never closed (not well-formed: the body ends while they are open). */
export function unclosedParagraphsXml(n) {
  return documentXml("<w:p><w:r><w:t>段</w:t></w:r>".repeat(n));
}

/** A table of `rows` rows under a first row whose one cell spans `cols` grid columns. */
export function wideTableXml(rows, cols) {
  const first = `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="${cols}"/></w:tcPr>${cellP("标题")}</w:tc></w:tr>`;
  return documentXml(`<w:tbl>${first}${`<w:tr><w:tc>${cellP("行")}</w:tc></w:tr>`.repeat(rows)}</w:tbl>`);
}

/** A document.xml of about `bytes` bytes: one ordinary two-column table row repeated. */
export function bigDocumentXml(bytes) {
  const row = `<w:tr><w:tc>${cellP("项目名称")}</w:tc><w:tc>${cellP("残疾人康复服务")}</w:tc></w:tr>`;
  const rows = Math.ceil(bytes / Buffer.byteLength(row));
  return documentXml(`<w:tbl>${row.repeat(rows)}</w:tbl>`);
}

/** `n` empty paragraphs. */
export function manyParagraphsXml(n) {
  return documentXml("<w:p/>".repeat(n));
}

/** An HTML page with `n` tables, each inside the only cell of the one before. */
export function nestedTablesHtml(n) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${"<table><tr><td>".repeat(n)}最里面${"</td></tr></table>".repeat(n)}</body></html>`;
}

/** An HTML table of `rows` rows whose first cell spans all of them and `cols` columns. */
export function spanBombHtml(rows, cols) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table><tr><td rowspan="${rows}" colspan="${cols}">x</td><td>y</td></tr>${"<tr><td>y</td></tr>".repeat(rows - 1)}</table></body></html>`;
}

function main() {
  const out = fileURLToPath(new URL("../../fixtures/bad/", import.meta.url));
  mkdirSync(out, { recursive: true });
  const files = {
    "nesting-docx-tables.docx": docx(nestedTablesXml(100_000)),
    "nesting-docx-sdt.docx": docx(nestedSdtXml(100_000)),
    "nesting-docx-paragraphs.docx": docx(unclosedParagraphsXml(100_000)),
    "size-docx-big-part.docx": docx(bigDocumentXml(41 * 1024 * 1024)),
    "size-docx-many-nodes.docx": docx(manyParagraphsXml(1_000_000)),
    "size-docx-wide-table.docx": docx(wideTableXml(1001, 1000)),
    "nesting-html-tables.html": strToU8(nestedTablesHtml(2000)),
    "size-html-span-bomb.html": strToU8(spanBombHtml(2000, 1000)),
  };
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(out, name), bytes);
    console.log(`${name}  ${bytes.length.toLocaleString("en-US")} bytes`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

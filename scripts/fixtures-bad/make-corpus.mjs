#!/usr/bin/env node
/**
 * The hand-made bad-input corpus (issue 13): small hostile or broken inputs, each holding one construct, written
 * by hand (raw PDF syntax, zips built with fflate, HTML as bytes) — no PDF library, no external tool — and
 * deterministic (seeded random bytes), so re-running the script reproduces the committed files exactly.
 *
 *   node scripts/fixtures-bad/make-corpus.mjs          # writes fixtures/bad/corpus/* and its MANIFEST.json
 *
 * Odd file names (spaces, unicode, a leading dash, ANSI escapes and other control characters) are not committed:
 * some file systems and git setups choke on them. test/bad/corpus.test.ts makes them in a temp folder.
 * MANIFEST.json lists every file with what it exercises.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { zipSync } from "fflate";

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = join(root, "fixtures/bad/corpus");

const files = [];
/** Register one corpus file: its name, its bytes and what it exercises. */
function add(name, bytes, about) {
  files.push({ name, bytes: Buffer.from(bytes), about });
}

// ────────────────────────────────────────────────────────────────────────────── helpers

/** Deterministic bytes (mulberry32). */
function randomBytes(seed, n) {
  let s = seed >>> 0;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const hex = (b) => b.toString("hex").toUpperCase();

/** A GBK encoder for the few characters used here, built from the platform's GBK decoder. */
const gbkTable = (() => {
  const dec = new TextDecoder("gbk");
  const map = new Map();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== "\ufffd" && !map.has(ch)) map.set(ch, [a, b]);
    }
  }
  return map;
})();
function gbk(text) {
  const bytes = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

/**
 * A PDF from object bodies (strings, or {dict, stream, deflate} for streams), object 1 being the catalog.
 * `trailer` is added to the trailer dictionary; the xref offsets are exact unless `rawTail` replaces the end.
 */
function pdf(objects, { trailer = "", tail } = {}) {
  const chunks = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let length = chunks[0].length;
  const offsets = [];
  const push = (b) => {
    chunks.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === "string") push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, "latin1"));
    else {
      const data = o.deflate ? deflateSync(Buffer.from(o.stream, "latin1"), { level: 9 }) : Buffer.from(o.stream, "latin1");
      const filter = o.deflate ? " /Filter /FlateDecode" : "";
      push(Buffer.from(`${i + 1} 0 obj\n<< ${o.dict ?? ""} /Length ${data.length}${filter} >>\nstream\n`, "latin1"));
      push(data);
      push(Buffer.from("\nendstream\nendobj\n", "latin1"));
    }
  });
  if (tail) {
    push(Buffer.from(tail(length, offsets), "latin1"));
    return Buffer.concat(chunks);
  }
  const xref = length;
  let table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) table += `${String(off).padStart(10, "0")} 00000 n \n`;
  table += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  push(Buffer.from(table, "latin1"));
  return Buffer.concat(chunks);
}

const PAGE_TEXT = [
  "BT /F1 10 Tf 50 760 Td (Project name) Tj 150 0 Td (Training) Tj ET",
  "BT /F1 10 Tf 50 740 Td (Level 1) Tj 150 0 Td (Output) Tj ET",
  "45 730 m 400 730 l S 45 770 m 400 770 l S 45 730 m 45 770 l S 400 730 m 400 770 l S",
].join("\n");
const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** A readable one-page PDF: catalog, pages, page, contents, font. */
function goodPdf({ count = "1", mediaBox = "0 0 612 792", trailer = "" } = {}) {
  return pdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      `<< /Type /Pages /Kids [3 0 R] /Count ${count} >>`,
      `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
      { stream: PAGE_TEXT },
      FONT,
    ],
    { trailer },
  );
}

const TABLE_ROWS = [
  ["项目名称", "测试项目", "", ""],
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ["产出指标", "数量指标", "培训人数", "≥100人"],
];

function htmlPage({ charset = "utf-8", rows = TABLE_ROWS, attrs = () => "" } = {}) {
  const body = rows.map((r, i) => `<tr>${r.map((c, j) => `<td${attrs(i, j)}>${c}</td>`).join("")}</tr>`).join("\n");
  return `<!DOCTYPE html>\n<html><head><meta charset="${charset}"><title>预算绩效目标表</title></head><body>\n<p>项目支出绩效目标表</p>\n<table border="1">\n${body}\n</table>\n</body></html>\n`;
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function wordTable(rows = TABLE_ROWS, tcPr = () => "") {
  const cols = rows[0].length;
  return `<w:tbl><w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(cols)}</w:tblGrid>${rows
    .map((r, i) => `<w:tr>${r.map((c, j) => `<w:tc>${tcPr(i, j)}<w:p><w:r><w:t>${c}</w:t></w:r></w:p></w:tc>`).join("")}</w:tr>`)
    .join("")}</w:tbl>`;
}

function documentXml(body, prolog = "") {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prolog}<w:document ${W_NS}><w:body><w:p><w:r><w:t>项目支出绩效目标表</w:t></w:r></w:p>${body}<w:sectPr/></w:body></w:document>`;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx from parts (strings or bytes); [Content_Types].xml and _rels/.rels are added unless given. */
function docx(parts, level = 6) {
  const all = { "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, ...parts };
  const z = {};
  for (const [k, v] of Object.entries(all)) if (v !== null) z[k] = [typeof v === "string" ? Buffer.from(v, "utf8") : v, { level }];
  return Buffer.from(zipSync(z, { mtime: new Date("2026-01-01T00:00:00Z") }));
}

/** Rewrite the declared uncompressed size of `name` in its local header and central directory entry. */
function lieAboutSize(zip, name, size) {
  const b = Buffer.from(zip);
  const nameBuf = Buffer.from(name, "utf8");
  for (let i = 0; i < b.length - 46; i++) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x04034b50 && b.subarray(i + 30, i + 30 + nameBuf.length).equals(nameBuf)) b.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && b.subarray(i + 46, i + 46 + nameBuf.length).equals(nameBuf)) b.writeUInt32LE(size, i + 24);
  }
  return b;
}

// ────────────────────────────────────────────────────────────────────────────── the corpus

const html = Buffer.from(htmlPage(), "utf8");
const doc = docx({ "word/document.xml": documentXml(wordTable()) });
const onePage = goodPdf();

// Baselines: a readable document per format, so the corpus also shows the tool reading something.
add("ok.html", html, "baseline: a readable HTML table");
add("ok.docx", doc, "baseline: a readable .docx table");
add("ok.pdf", onePage, "baseline: a readable one-page PDF (ASCII text, ruled box)");

// Empty and truncated.
add("empty.pdf", "", "zero bytes named .pdf");
add("empty.docx", "", "zero bytes named .docx");
add("empty.html", "", "zero bytes named .html");
add("header-only.pdf", "%PDF-1.7\n", "a PDF header and nothing else");
add("truncated.pdf", onePage.subarray(0, Math.floor(onePage.length * 0.6)), "a PDF cut at 60% (no xref, no %%EOF)");
add("truncated.docx", doc.subarray(0, Math.floor(doc.length * 0.6)), "a .docx zip cut at 60% (no central directory)");
add("truncated.html", html.subarray(0, html.indexOf("<td>培训人数") + 6), "an HTML page cut inside a cell");
add(
  "truncated-xml.docx",
  docx({ "word/document.xml": documentXml(wordTable()).slice(0, 400) }),
  "a whole zip whose document.xml is cut mid-element",
);

// Random bytes and plain text.
add("random.pdf", randomBytes(1, 4096), "4 KB of random bytes named .pdf");
add("random.docx", randomBytes(2, 4096), "4 KB of random bytes named .docx");
add("random.html", randomBytes(3, 4096), "4 KB of random bytes named .html");
add("random.bin", randomBytes(4, 4096), "4 KB of random bytes, no known extension");
add("text-as.pdf", "这不是PDF文件。\nJust a line of text.\n", "plain text named .pdf");
add(
  "zip-not-docx.docx",
  Buffer.from(zipSync({ "a.txt": Buffer.from("hello") }, { mtime: new Date("2026-01-01T00:00:00Z") })),
  "a valid zip without any Word part",
);

// Mislabelled (the format is decided by the bytes).
add("pdf-as.docx", onePage, "a readable PDF named .docx");
add("html-as.pdf", html, "a readable HTML page named .pdf");
add("docx-as.html", doc, "a readable .docx named .html");

// Encrypted PDF: a Standard security handler whose /U does not match the empty user password.
add(
  "encrypted.pdf",
  pdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      { stream: "BT /F1 10 Tf 50 760 Td (secret) Tj ET" },
      FONT,
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(randomBytes(5, 32))}> /U <${hex(randomBytes(6, 32))}> /P -44 >>`,
    ],
    { trailer: `/Encrypt 6 0 R /ID [<${hex(randomBytes(7, 16))}> <${hex(randomBytes(7, 16))}>] ` },
  ),
  "hand-written /Encrypt (Standard, RC4 40-bit) with a user password: password-protected",
);

// PDF structure loops and lies.
add(
  "page-tree-loop.pdf",
  pdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
  ]),
  "a page tree whose /Kids lead back to the root (2 → 3 → 2)",
);
add(
  "page-tree-self.pdf",
  pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>"]),
  "a /Pages node that is its own kid, twice",
);
add(
  "xref-loop.pdf",
  pdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      { stream: PAGE_TEXT },
      FONT,
    ],
    {
      // Two xref sections whose /Prev point at each other.
      tail: (at, offsets) => {
        const entries = `0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
        const first = `xref\n0 ${offsets.length + 1}\n${entries}`;
        const firstAt = at;
        const secondAt = firstAt + first.length + `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Prev 0000000000 >>\n`.length;
        const second = `xref\n0 ${offsets.length + 1}\n${entries}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Prev ${String(firstAt).padStart(10, "0")} >>\nstartxref\n${secondAt}\n%%EOF\n`;
        return `${first}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Prev ${String(secondAt).padStart(10, "0")} >>\n${second}`;
      },
    },
  ),
  "two xref sections whose /Prev point at each other",
);
add("count-lie.pdf", goodPdf({ count: "2000000000" }), "/Count 2×10^9 on a one-page tree");
add("huge-mediabox.pdf", goodPdf({ mediaBox: "-1e30 -1e30 1e30 1e30" }), "a page box 10^30 points wide and tall");
add("no-pages.pdf", pdf(["<< /Type /Catalog >>"]), "a catalog without /Pages");

// 10,000 pages, compact: the page dictionaries in one compressed object stream, a compressed xref stream.
{
  const PAGES = 10_000;
  const GROUP = 100;
  const groups = PAGES / GROUP;
  // 1 catalog, 2 root pages, 3 contents, 4 font, 5 object stream, 6 … 6+groups-1 intermediate nodes, then pages,
  // then the xref stream.
  const firstGroup = 6;
  const firstPage = firstGroup + groups;
  const xrefObj = firstPage + PAGES;
  const inStream = [];
  for (let g = 0; g < groups; g++) {
    const kids = Array.from({ length: GROUP }, (_, k) => `${firstPage + g * GROUP + k} 0 R`).join(" ");
    inStream.push([firstGroup + g, `<</Type/Pages/Parent 2 0 R/Count ${GROUP}/Kids[${kids}]>>`]);
  }
  for (let p = 0; p < PAGES; p++)
    inStream.push([firstPage + p, `<</Type/Page/Parent ${firstGroup + Math.floor(p / GROUP)} 0 R/Contents 3 0 R>>`]);
  let header = "";
  let body = "";
  for (const [num, text] of inStream) {
    header += `${num} ${body.length} `;
    body += text + "\n";
  }
  const objStm = deflateSync(Buffer.from(header + body, "latin1"), { level: 9 });
  const rootKids = Array.from({ length: groups }, (_, g) => `${firstGroup + g} 0 R`).join(" ");
  const direct = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Count ${PAGES} /Kids [${rootKids}] /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> >>`,
  ];
  const chunks = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let length = chunks[0].length;
  const offsets = [];
  const push = (b) => {
    chunks.push(typeof b === "string" ? Buffer.from(b, "latin1") : b);
    length += chunks[chunks.length - 1].length;
  };
  direct.forEach((o, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n${o}\nendobj\n`);
  });
  offsets.push(length);
  push(`3 0 obj\n<< /Length ${PAGE_TEXT.length} >>\nstream\n${PAGE_TEXT}\nendstream\nendobj\n`);
  offsets.push(length);
  push(`4 0 obj\n${FONT}\nendobj\n`);
  offsets.push(length);
  push(
    `5 0 obj\n<< /Type /ObjStm /N ${inStream.length} /First ${header.length} /Filter /FlateDecode /Length ${objStm.length} >>\nstream\n`,
  );
  push(objStm);
  push("\nendstream\nendobj\n");
  const xrefAt = length;
  // /W [1 4 2]: type, offset or object stream number, generation or index.
  const rows = Buffer.alloc((xrefObj + 1) * 7);
  const row = (n, type, a, b) => {
    rows.writeUInt8(type, n * 7);
    rows.writeUInt32BE(a, n * 7 + 1);
    rows.writeUInt16BE(b, n * 7 + 5);
  };
  row(0, 0, 0, 65535);
  offsets.forEach((o, i) => row(i + 1, 1, o, 0));
  inStream.forEach(([num], i) => row(num, 2, 5, i));
  row(xrefObj, 1, xrefAt, 0);
  const xrefData = deflateSync(rows, { level: 9 });
  push(
    `${xrefObj} 0 obj\n<< /Type /XRef /Size ${xrefObj + 1} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${xrefData.length} >>\nstream\n`,
  );
  push(xrefData);
  push(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  add("pages-10000.pdf", Buffer.concat(chunks), "10,000 pages (page dictionaries in a compressed object stream, an xref stream)");
}

// Word: zip bombs, billion laughs, zip-slip names, missing and broken parts.
{
  // 200 MB of blanks between two elements of document.xml: ~200 KB compressed.
  const pad = Buffer.alloc(200 << 20, 0x20);
  const xml = documentXml(wordTable());
  const cut = xml.indexOf("<w:tbl>");
  const bomb = Buffer.concat([Buffer.from(xml.slice(0, cut), "utf8"), pad, Buffer.from(xml.slice(cut), "utf8")]);
  add(
    "zip-bomb.docx",
    docx({ "word/document.xml": bomb }, 9),
    "document.xml inflating to 200 MB (blanks between elements), ~200 KB on disk",
  );
  const small = docx({ "word/document.xml": bomb.subarray(0, 64 << 20) }, 9);
  add(
    "zip-bomb-lying-size.docx",
    lieAboutSize(small, "word/document.xml", 1000),
    "document.xml inflating to 64 MB while its zip headers declare 1,000 bytes",
  );
  add(
    "zip-bomb-part.docx",
    docx({ "word/document.xml": documentXml(wordTable()), "word/media/blank.bin": Buffer.alloc(128 << 20) }, 9),
    "a readable document plus an unreferenced part inflating to 128 MB",
  );
}
add(
  "billion-laughs.docx",
  docx({
    "word/document.xml": documentXml(
      wordTable([["项目名称", "&lol9;", "", ""], ...TABLE_ROWS.slice(1)]),
      `<!DOCTYPE w:document [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("\n")}\n]>\n`,
    ),
  }),
  "document.xml with a DTD of nested entities (10^9 'lol' if expanded) used in a cell",
);
add(
  "external-entity.docx",
  docx({
    "word/document.xml": documentXml(
      wordTable([["项目名称", "&xxe;", "", ""], ...TABLE_ROWS.slice(1)]),
      '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    ),
  }),
  "document.xml with an external entity (file:///etc/passwd) used in a cell",
);
add(
  "zip-slip.docx",
  docx({
    "word/document.xml": documentXml(wordTable()),
    "../../../../tmp/jixiao-zip-slip.txt": "escaped",
    "/tmp/jixiao-zip-slip-abs.txt": "escaped",
    "word/../../evil.xml": "<x/>",
    "C:\\evil.txt": "escaped",
  }),
  "a readable document plus entries named ../…, /tmp/…, word/../../… and C:\\…",
);
add("docx-no-document.docx", docx({ "word/styles.xml": "<w:styles/>" }), "a Word package without word/document.xml");
add("docx-garbage-xml.docx", docx({ "word/document.xml": randomBytes(8, 2048) }), "word/document.xml of random bytes");
add(
  "docx-rels-loop.docx",
  docx({
    "_rels/.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="../../../word/document.xml"/></Relationships>',
    "word/document.xml": documentXml(wordTable()),
  }),
  "the main-document relationship targets ../../../word/document.xml",
);
add(
  "docx-huge-spans.docx",
  docx({
    "word/document.xml": documentXml(
      wordTable(TABLE_ROWS, (i, j) =>
        i === 0 && j === 1
          ? '<w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>'
          : i === 1 && j === 0
            ? '<w:tcPr><w:vMerge w:val="restart"/><w:gridSpan w:val="-5"/></w:tcPr>'
            : "",
      ),
    ),
  }),
  "gridSpan 10^8 and a negative gridSpan",
);

// HTML: lying charsets, absurd spans, NULs.
add("charset-lie-gbk.html", Buffer.from(htmlPage({ charset: "gbk" }), "utf8"), "UTF-8 bytes under <meta charset=gbk>");
add("charset-lie-utf8.html", gbk(htmlPage({ charset: "utf-8" })), "GBK bytes under <meta charset=utf-8>");
add(
  "charset-lie-bom.html",
  Buffer.concat([Buffer.from([0xff, 0xfe]), gbk(htmlPage({ charset: "gbk" }))]),
  "a UTF-16LE BOM before GBK bytes",
);
add("charset-unknown.html", Buffer.from(htmlPage({ charset: "x-no-such-charset" }), "utf8"), "an unknown charset name");
add(
  "html-huge-spans.html",
  Buffer.from(
    htmlPage({
      attrs: (i, j) =>
        i === 0 && j === 1
          ? ' colspan="100000000"'
          : i === 1 && j === 0
            ? ' rowspan="1000000000"'
            : i === 2 && j === 2
              ? ' colspan="-3" rowspan="abc"'
              : "",
    }),
    "utf8",
  ),
  "colspan 10^8, rowspan 10^9, negative and non-numeric spans",
);
add(
  "html-nul.html",
  Buffer.from(
    htmlPage()
      .replace(/<\/td>/g, "\u0000</td>")
      .replace("<table", "\u0000<table"),
    "utf8",
  ),
  "NUL characters in cells and before the table",
);
add(
  "html-utf16.html",
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(htmlPage({ charset: "utf-16" }), "utf16le")]),
  "a UTF-16LE page with its BOM (a readable page)",
);

// ────────────────────────────────────────────────────────────────────────────── write

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const f of files) writeFileSync(join(out, f.name), f.bytes);
const manifest = files.map((f) => ({ name: f.name, bytes: f.bytes.length, about: f.about }));
writeFileSync(join(out, "MANIFEST.json"), JSON.stringify(manifest, null, 2) + "\n");
const total = files.reduce((s, f) => s + f.bytes.length, 0);
process.stdout.write(`${files.length} files, ${total} bytes in ${out} (${readdirSync(out).length - 1} on disk)\n`);

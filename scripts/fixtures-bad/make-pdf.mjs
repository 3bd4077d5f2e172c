#!/usr/bin/env node
/**
 * Hostile PDFs for the PDF backend's limits (issue 13, items 5, 6, 7, 10), written as raw PDF syntax by hand —
 * no PDF library, no external tool — so each file holds exactly the construct under test and nothing else.
 * Content streams are Flate-compressed with node:zlib where they would otherwise be large.
 *
 *   node scripts/fixtures-bad/make-pdf.mjs          # writes fixtures/bad/pdf-*.pdf
 *
 * pdf-tall-rule-1e9.pdf      a table ruled by vertical lines only (rows from the text), one rule 10^9 points tall
 * pdf-tall-rule-1e31.pdf     the same with rules 10^31 points long, up, down and across, and a text run 10^31 points tall
 * pdf-dense-text.pdf         one page with 20,000 tiny text runs laid out as a table (100 lines × 200 cells)
 * pdf-dense-text-same.pdf    20,000 runs of the same string on 20 baselines (fake-bold detection compares them)
 * pdf-many-rules.pdf         one path of 40,000 short strokes (one operator, 40,000 ruling segments)
 * pdf-million-lines.pdf      one page painting a 1,000-line form XObject 1,000 times: 10^6 tiny lines
 * pdf-million-runs.pdf       one page painting a 1,000-run form XObject 1,000 times: 10^6 text runs
 * pdf-cmap-range-2e24.pdf    a font whose /ToUnicode CMap maps one range of 2^24 codes (<000000> <FFFFFF>): pdf.js would
 *                            fill 800 MB for it; refused before pdf.js reads it
 * pdf-cmap-full-range.pdf    the same table with a whole 2-byte range (<0000> <FFFF>, 65,536 codes): read as usual
 * pdf-cff-overlap.pdf        a Type1C font (FontFile3) whose CharStrings INDEX offsets go back and forth: 4,000 glyph
 *                            programs in a 72 KB font claim 128 MB, which pdf.js would copy into JavaScript arrays;
 *                            refused before pdf.js reads it
 * pdf-bad-number.pdf         four pages, the first and third page objects holding an invalid number: pdf.js
 *                            prefetches the page dictionaries and leaves one rejection unhandled, after the file
 *                            is read (`FormatError: Invalid number: ]`)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = join(root, "fixtures/bad");
mkdirSync(out, { recursive: true });

/**
 * A PDF from object bodies (strings or {dict, stream} for stream objects), object 1 being the catalog.
 * Offsets in the xref table are computed, so every file is well-formed apart from what it is meant to break.
 */
function pdf(objects) {
  const chunks = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let length = chunks[0].length;
  const offsets = [];
  const add = (b) => {
    chunks.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === "string") add(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, "latin1"));
    else {
      const data = o.deflate ? deflateSync(Buffer.from(o.stream, "latin1"), { level: 9 }) : Buffer.from(o.stream, "latin1");
      const filter = o.deflate ? " /Filter /FlateDecode" : "";
      add(Buffer.from(`${i + 1} 0 obj\n<< ${o.dict ?? ""} /Length ${data.length}${filter} >>\nstream\n`, "latin1"));
      add(data);
      add(Buffer.from("\nendstream\nendobj\n", "latin1"));
    }
  });
  const xref = length;
  let table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) table += `${String(off).padStart(10, "0")} 00000 n \n`;
  table += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  add(Buffer.from(table, "latin1"));
  return Buffer.concat(chunks);
}

/**
 * One-or-more-page document: `pages` is a list of {content, deflate?, resources?}; objects 1 (catalog), 2 (pages),
 * 3 (Helvetica), then page/content pairs, then `extra` objects (numbered from 4 + 2 × pages).
 */
function doc(pages, extra = []) {
  const n = pages.length;
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  pages.forEach((p, i) => {
    const resources = `<< /Font << /F1 3 0 R >> ${p.resources ?? ""} >>`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${5 + 2 * i} 0 R >>`);
    objects.push({ stream: p.content, deflate: p.deflate });
  });
  return pdf([...objects, ...extra]);
}

/** A 3 × 3 ruled table with text at (x, y) (PDF user space, y up), cells 120 × 20. */
function table(x, y) {
  let s = "0 0 0 RG 1 w\n";
  for (let r = 0; r <= 3; r++) s += `${x} ${y - 20 * r} m ${x + 360} ${y - 20 * r} l S\n`;
  for (let c = 0; c <= 3; c++) s += `${x + 120 * c} ${y} m ${x + 120 * c} ${y - 60} l S\n`;
  const words = [
    ["Name", "Value", "Unit"],
    ["alpha", "12", "kg"],
    ["beta", "34", "m"],
  ];
  s += "BT /F1 10 Tf\n";
  words.forEach((row, r) => row.forEach((w, c) => (s += `1 0 0 1 ${x + 120 * c + 4} ${y - 20 * r - 14} Tm (${w}) Tj\n`)));
  return s + "ET\n";
}

const files = {};

/**
 * A 4-column table ruled by its vertical lines only (x = 100, 220, 340, 460, from y = 700 down to 600), five rows of
 * text; `extra` is drawn after it (the absurd rules).
 */
function vruled(extra) {
  let s = "0 0 0 RG 1 w\n";
  for (let c = 0; c < 4; c++) s += `${100 + 120 * c} 700 m ${100 + 120 * c} 600 l S\n`;
  const rows = [
    ["Name", "Value", "Unit"],
    ["alpha", "12", "kg"],
    ["beta", "34", "m"],
    ["gamma", "56", "s"],
    ["delta", "78", "A"],
  ];
  s += "BT /F1 10 Tf\n";
  rows.forEach((row, r) => row.forEach((w, c) => (s += `1 0 0 1 ${100 + 120 * c + 4} ${700 - 20 * r - 14} Tm (${w}) Tj\n`)));
  return s + "ET\n" + extra;
}

// Item 5: one absurdly tall ruling line: the table's right border runs 10^9 points up.
files["pdf-tall-rule-1e9.pdf"] = doc([{ content: vruled("580 600 m 580 1000000000 l S\n") }]);
const E31 = "10000000000000000000000000000000";
// Also a text run 10^31 points tall (it starts on the page: pdf.js keeps it), never visible: dropped with a warning.
files["pdf-tall-rule-1e31.pdf"] = doc([
  {
    content: vruled(
      `580 600 m 580 ${E31} l S\n590 650 m 590 -${E31} l S\n-${E31} 590 m ${E31} 590 l S\nBT /F1 10 Tf 1 0 0 ${E31} 300 650 Tm (far) Tj ET\n`,
    ),
  },
]);

// Item 6: dense text. 20,000 one-character runs 1 pt high, each at its own place (100 lines 1.5 pt apart × 200
// cells 2.7 pt apart), so pdf.js cannot join them into longer runs and the lines look like the rows of a table.
{
  let s = "BT /F1 1 Tf\n";
  for (let r = 0; r < 100; r++)
    for (let c = 0; c < 200; c++)
      s += `1 0 0 1 ${(20 + 2.7 * c).toFixed(1)} ${820 - 1.5 * r} Tm (${String.fromCharCode(97 + ((r * 7 + c) % 26))}) Tj\n`;
  files["pdf-dense-text.pdf"] = doc([{ content: s + "ET\n", deflate: true }]);
}
// The same string everywhere: 20,000 runs of "x" on 20 baselines.
{
  let s = "BT /F1 0.5 Tf\n";
  for (let r = 0; r < 20; r++) for (let c = 0; c < 1000; c++) s += `1 0 0 1 ${20 + 0.55 * c} ${800 - 30 * r} Tm (x) Tj\n`;
  files["pdf-dense-text-same.pdf"] = doc([{ content: s + "ET\n", deflate: true }]);
}
// Many rulings: one path of 20,000 short horizontal and 20,000 short vertical strokes, painted by one operator.
{
  let s = "0.1 w\n";
  for (let r = 0; r < 200; r++)
    for (let c = 0; c < 100; c++) {
      const x = 20 + 5.5 * c,
        y = 820 - 4 * r;
      s += `${x} ${y} m ${x + 1.5} ${y} l ${x + 3} ${y - 0.5} m ${x + 3} ${y - 2} l\n`;
    }
  files["pdf-many-rules.pdf"] = doc([{ content: s + "S\n", deflate: true }]);
}
// Item 10: 10^6 tiny lines — a form XObject of 1,000 lines painted 1,000 times.
{
  let form = "0.1 w\n";
  for (let i = 0; i < 1000; i++) form += `${i % 40} ${Math.floor(i / 40)} m ${(i % 40) + 2} ${Math.floor(i / 40)} l S\n`;
  let page = "";
  for (let i = 0; i < 1000; i++) page += `q 1 0 0 1 ${20 + 13 * (i % 40)} ${20 + 32 * Math.floor(i / 40)} cm /X1 Do Q\n`;
  const xobj = { dict: "/Type /XObject /Subtype /Form /BBox [0 0 40 25]", stream: form, deflate: true };
  files["pdf-million-lines.pdf"] = doc([{ content: page, deflate: true, resources: "/XObject << /X1 6 0 R >>" }], [xobj]);
}
{
  let form = "BT /F1 0.5 Tf\n";
  for (let i = 0; i < 1000; i++) form += `1 0 0 1 ${(i % 40) * 0.9} ${Math.floor(i / 40)} Tm (z) Tj\n`;
  form += "ET\n";
  let page = "";
  for (let i = 0; i < 1000; i++) page += `q 1 0 0 1 ${20 + 13 * (i % 40)} ${20 + 32 * Math.floor(i / 40)} cm /X1 Do Q\n`;
  const xobj = {
    dict: "/Type /XObject /Subtype /Form /BBox [0 0 40 25] /Resources << /Font << /F1 3 0 R >> >>",
    stream: form,
    deflate: true,
  };
  files["pdf-million-runs.pdf"] = doc([{ content: page, deflate: true, resources: "/XObject << /X1 6 0 R >>" }], [xobj]);
}

// Item 10: a font's /ToUnicode CMap with one absurd range (a damaged number in a real one: 2^24 codes, ~800 MB in
// pdf.js), and one with a whole 2-byte range, which real files have. Object 6 is the CMap stream.
function toUnicode(range) {
  const cmap =
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
    `1 begincodespacerange\n<00> <FF>\nendcodespacerange\n1 beginbfrange\n${range}\nendbfrange\n` +
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    { stream: table(100, 700), deflate: true },
    { stream: cmap, deflate: true },
  ];
  return pdf(objects);
}
files["pdf-cmap-range-2e24.pdf"] = toUnicode("<000000> <FFFFFF> <0000>");
files["pdf-cmap-full-range.pdf"] = toUnicode("<0000> <FFFF> <0000>");

// Item 10: a CFF font program whose CharStrings INDEX (4,000 objects, 2-byte offsets) alternates offsets 1 and
// 65,535, so every other glyph program spans the 64 KB of the font after the offsets: 2,000 × 64 KB claimed.
{
  const int5 = (n) => [29, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const index = (objects) => {
    // count, offSize 1, offsets, data (small objects only)
    const offsets = [1];
    for (const o of objects) offsets.push(offsets[offsets.length - 1] + o.length);
    return [0, objects.length, 1, ...offsets, ...objects.flat()];
  };
  const header = [1, 0, 4, 1];
  const name = index([[0x46]]);
  const strings = [0, 0];
  const gsubrs = [0, 0];
  const topLength = 2 + 1 + 2 + 6; // the top DICT INDEX itself: count, offSize, 2 offsets, a 6-byte dict
  const charStringsAt = header.length + name.length + topLength + strings.length + gsubrs.length;
  const top = index([[...int5(charStringsAt), 17]]);
  const count = 4000;
  const charStrings = [count >> 8, count & 255, 2];
  for (let i = 0; i <= count; i++) charStrings.push(...(i % 2 ? [0xff, 0xff] : [0, 1]));
  const cff = Buffer.concat([
    Buffer.from([...header, ...name, ...top, ...strings, ...gsubrs, ...charStrings, 14]),
    Buffer.alloc(64 * 1024, 14),
  ]);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
    { stream: table(100, 700) + "BT /F2 12 Tf 100 600 Td (abc) Tj ET\n", deflate: true },
    "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+F /FirstChar 97 /LastChar 99 /Widths [500 500 500] /FontDescriptor 7 0 R >>",
    "<< /Type /FontDescriptor /FontName /ABCDEF+F /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile3 8 0 R >>",
    { dict: "/Subtype /Type1C", stream: cff.toString("latin1"), deflate: true },
  ];
  files["pdf-cff-overlap.pdf"] = pdf(objects);
}

// Item 7: page objects 1 and 3 of 4 hold an invalid number (`-]`, `+(`) in their /MediaBox. pdf.js reads what it can,
// in recovery mode, and a prefetched page dictionary rejects with nobody awaiting it.
{
  const boxes = ["[0 0 595.+( 842]", "[0 0 595 842]", "[0 0 595 -]", "[0 0 595 842]"];
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R 6 0 R 8 0 R 10 0 R] /Count 4 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  boxes.forEach((box, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox ${box} /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push({ stream: `BT /F1 12 Tf 72 700 Td (Page ${i + 1}) Tj ET` });
  });
  files["pdf-bad-number.pdf"] = pdf(objects);
}

for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(join(out, name), bytes);
  console.log(`${name}  ${bytes.length} bytes`);
}

/**
 * Seeded mutations of the fixture documents: byte flips, chunk deletion and duplication, splices of two files,
 * XML mutations inside .docx zips, number and line mutations inside inflated PDF content streams, numbers in
 * PDF dictionaries, and tag/attribute mutations in HTML. Each mutation returns new bytes and a short label; a
 * case applies one to three of them, structured ones (inside the zip, inside the streams) before byte ones.
 */
import { deflateSync, inflateSync } from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { Rng } from "./rng.ts";

export type Format = "pdf" | "docx" | "html";

export interface Seed {
  path: string;
  format: Format;
  bytes: Uint8Array;
}

export interface Mutant {
  bytes: Uint8Array;
  /** What was done, in order (`pdf-stream-numbers(3)`, `byte-flip(12)`, `splice(…)`). */
  ops: string[];
}

/** No mutant grows past this (a duplication is cut back to it). */
const MAX_BYTES = 8 << 20;

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

// ────────────────────────────────────────────────────────────────────────────── byte-level (any format)

function byteFlips(rng: Rng, b: Uint8Array): [Uint8Array, string] {
  const out = b.slice();
  const n = rng.geometric(64);
  for (let i = 0; i < n && out.length; i++) {
    const at = rng.int(out.length);
    out[at] = rng.chance(0.5) ? out[at] ^ (1 << rng.int(8)) : rng.int(256);
  }
  return [out, `byte-flip(${n})`];
}

function chunkLength(rng: Rng, size: number): number {
  return Math.max(1, Math.min(size, rng.chance(0.2) ? rng.int(Math.max(1, size >> 1)) : rng.geometric(4096)));
}

function chunkDelete(rng: Rng, b: Uint8Array): [Uint8Array, string] {
  if (b.length < 2) return [b, "chunk-delete(0)"];
  const len = chunkLength(rng, b.length - 1);
  const at = rng.int(b.length - len);
  return [concat(b.subarray(0, at), b.subarray(at + len)), `chunk-delete(${at}+${len})`];
}

function chunkDuplicate(rng: Rng, b: Uint8Array): [Uint8Array, string] {
  if (!b.length) return [b, "chunk-dup(0)"];
  const len = chunkLength(rng, b.length);
  const from = rng.int(b.length - len + 1);
  const chunk = b.subarray(from, from + len);
  const times = Math.max(1, Math.min(rng.geometric(16), Math.floor((MAX_BYTES - b.length) / len)));
  const at = rng.int(b.length + 1);
  const copies = concat(...Array.from({ length: times }, () => chunk));
  return [concat(b.subarray(0, at), copies, b.subarray(at)), `chunk-dup(${from}+${len}x${times}@${at})`];
}

function truncate(rng: Rng, b: Uint8Array): [Uint8Array, string] {
  const at = rng.int(b.length);
  return [b.subarray(0, at), `truncate(${at})`];
}

function splice(rng: Rng, a: Uint8Array, other: Seed): [Uint8Array, string] {
  const cutA = rng.int(a.length + 1);
  const cutB = rng.int(other.bytes.length + 1);
  return [concat(a.subarray(0, cutA), other.bytes.subarray(cutB)).slice(0, MAX_BYTES), `splice(${cutA}|${other.path}@${cutB})`];
}

// ────────────────────────────────────────────────────────────────────────────── numbers in text

/** A replacement for a number: off by one, negated, scaled, zero, tiny, huge, absurd. */
function mutateNumber(rng: Rng, text: string): string {
  const x = Number(text);
  const v = Number.isFinite(x) ? x : 1;
  switch (rng.int(10)) {
    case 0:
      return "0";
    case 1:
      return String(-v || -1);
    case 2:
      return String(v + rng.range(-3, 3));
    case 3:
      return (v * 10 ** rng.range(1, 4)).toFixed(rng.int(3));
    case 4:
      return (v / 10 ** rng.range(1, 4)).toFixed(rng.range(2, 6));
    case 5:
      return "1" + "0".repeat(rng.pick([6, 9, 12, 31]));
    case 6:
      return "-" + "9".repeat(rng.range(6, 12));
    case 7:
      return rng.pick(["0.0001", ".5", "-.", "1e3", "00", "4294967296", "2147483648", "-0"]);
    case 8:
      return String(rng.int(1000));
    default:
      return text + text.slice(-1);
  }
}

/** Replace `k` of the numbers matching `re` in `s`. */
function mutateNumbersIn(rng: Rng, s: string, re: RegExp, k: number): [string, number] {
  const hits = [...s.matchAll(re)];
  if (!hits.length) return [s, 0];
  const chosen = new Set<number>();
  for (let i = 0; i < k; i++) chosen.add(rng.int(hits.length));
  let out = "";
  let last = 0;
  [...chosen]
    .sort((a, b) => a - b)
    .forEach((i) => {
      const m = hits[i];
      const at = m.index ?? 0;
      out += s.slice(last, at) + mutateNumber(rng, m[0]);
      last = at + m[0].length;
    });
  return [out + s.slice(last), chosen.size];
}

const PDF_NUMBER = /-?(?:\d+\.?\d*|\.\d+)/g;

// ────────────────────────────────────────────────────────────────────────────── PDF

interface PdfStream {
  /** Offsets of the dictionary text (between `obj` and `stream`). */
  dictStart: number;
  dictEnd: number;
  /** Offsets of the raw stream data. */
  dataStart: number;
  dataEnd: number;
  dict: string;
}

function pdfStreams(s: string): PdfStream[] {
  const out: PdfStream[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (s.slice(m.index - 3, m.index) === "end") continue;
    const objAt = s.lastIndexOf(" obj", m.index);
    if (objAt < 0 || m.index - objAt > 4000) continue;
    const dict = s.slice(objAt + 4, m.index);
    const dataStart = m.index + m[0].length;
    const len = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let dataEnd = len ? dataStart + Number(len[1]) : -1;
    if (dataEnd < 0 || dataEnd > s.length || s.slice(dataEnd, dataEnd + 12).indexOf("endstream") < 0) {
      dataEnd = s.indexOf("endstream", dataStart);
      if (dataEnd < 0) continue;
      while (dataEnd > dataStart && (s[dataEnd - 1] === "\n" || s[dataEnd - 1] === "\r")) dataEnd--;
    }
    out.push({ dictStart: objAt + 4, dictEnd: m.index, dataStart, dataEnd, dict });
    re.lastIndex = dataEnd;
  }
  return out;
}

/** Inflate one FlateDecode stream (no predictor), change its text, deflate it back and fix a direct /Length. */
function pdfStreamMutation(rng: Rng, b: Uint8Array, kind: "numbers" | "lines"): [Uint8Array, string] {
  const s = latin1(b);
  const candidates = pdfStreams(s).filter(
    (st) => /\/FlateDecode/.test(st.dict) && !/\/DecodeParms|\/Image|\/FontFile|\/Length1/.test(st.dict),
  );
  if (!candidates.length) return [b, `pdf-stream-${kind}(none)`];
  const st = rng.pick(candidates);
  let text: string;
  try {
    text = inflateSync(b.subarray(st.dataStart, st.dataEnd)).toString("latin1");
  } catch {
    return [b, `pdf-stream-${kind}(uninflatable)`];
  }
  let label: string;
  if (kind === "numbers") {
    // Mostly a few numbers; sometimes a tenth of them; sometimes every coordinate of a path scaled by 10^k.
    const pick = rng.int(10);
    if (pick < 7) {
      const [t, n] = mutateNumbersIn(rng, text, PDF_NUMBER, rng.geometric(32));
      text = t;
      label = `pdf-stream-numbers(${n}@${st.dataStart})`;
    } else if (pick < 9) {
      const all = (text.match(PDF_NUMBER) ?? []).length;
      const [t, n] = mutateNumbersIn(rng, text, PDF_NUMBER, Math.max(1, Math.floor(all / 10)));
      text = t;
      label = `pdf-stream-numbers(${n} of ${all}@${st.dataStart})`;
    } else {
      const k = rng.pick([3, 6, 9, 15, 31]);
      let n = 0;
      text = text.replace(/((?:-?(?:\d+\.?\d*|\.\d+)\s+){2,4})(re|m|l)\b/g, (m, nums: string, op: string) => {
        if (!rng.chance(0.2)) return m;
        n++;
        return (
          nums.replace(PDF_NUMBER, (x) =>
            (Number(x) * 10 ** k)
              .toExponential()
              .replace(/e\+?/, "e")
              .replace(/^(.*)e(\d+)$/, (_, a: string, e: string) => (Number(a) * 1).toFixed(0) + "0".repeat(Number(e))),
          ) + op
        );
      });
      label = `pdf-stream-scale(${n} paths x1e${k}@${st.dataStart})`;
    }
  } else {
    const lines = text.split("\n");
    const at = rng.int(lines.length);
    const len = Math.min(lines.length - at, rng.geometric(16));
    const op = rng.int(3);
    if (op === 0) lines.splice(at, len);
    else {
      const copies = op === 1 ? rng.geometric(64) : rng.geometric(2048);
      const chunk = lines.slice(at, at + len);
      const many: string[] = [];
      for (let i = 0; i < copies && many.length < 200_000; i++) many.push(...chunk);
      lines.splice(at, 0, ...many);
    }
    text = lines.join("\n");
    label = `pdf-stream-lines(${["delete", "dup", "dup-many"][op]} ${len}@${st.dataStart})`;
  }
  const data = new Uint8Array(deflateSync(Buffer.from(text, "latin1")));
  const dict = st.dict.replace(/\/Length\s+\d+(?!\s+\d+\s+R)/, `/Length ${data.length}`);
  return [concat(b.subarray(0, st.dictStart), fromLatin1(dict), b.subarray(st.dictEnd, st.dataStart), data, b.subarray(st.dataEnd)), label];
}

/** Numbers in the uncompressed object dictionaries: /MediaBox, /Count, /W, /Length, object references. */
function pdfDictNumbers(rng: Rng, b: Uint8Array): [Uint8Array, string] {
  const s = latin1(b);
  const streams = pdfStreams(s);
  // Work on the text outside stream data only.
  const pieces: { text: string; mutable: boolean }[] = [];
  let last = 0;
  for (const st of streams) {
    pieces.push({ text: s.slice(last, st.dataStart), mutable: true }, { text: s.slice(st.dataStart, st.dataEnd), mutable: false });
    last = st.dataEnd;
  }
  pieces.push({ text: s.slice(last), mutable: true });
  const mutable = pieces.filter((p) => p.mutable && /\d/.test(p.text));
  if (!mutable.length) return [b, "pdf-dict-numbers(none)"];
  const target = rng.pick(mutable);
  // Prefer the interesting keys, otherwise any number.
  const keyed =
    /\/(?:MediaBox|CropBox|Count|W|Length|Size|Prev|First|N|Rotate|Index|BBox|Matrix|FontBBox|Widths|FirstChar|LastChar)\s*\[?[^/>]*/g;
  const n = rng.geometric(8);
  let changed = 0;
  if (
    rng.chance(0.7) &&
    /\/(?:MediaBox|CropBox|Count|W|Length|Size|Prev|First|N|Rotate|Index|BBox|Matrix|FontBBox|Widths|FirstChar|LastChar)\b/.test(
      target.text,
    )
  ) {
    target.text = target.text.replace(keyed, (m) => {
      if (!rng.chance(0.3)) return m;
      const [t, k] = mutateNumbersIn(rng, m, PDF_NUMBER, 1 + rng.int(2));
      changed += k;
      return t;
    });
  }
  if (!changed) {
    const [t, k] = mutateNumbersIn(rng, target.text, PDF_NUMBER, n);
    target.text = t;
    changed = k;
  }
  return [fromLatin1(pieces.map((p) => p.text).join("")), `pdf-dict-numbers(${changed})`];
}

// ────────────────────────────────────────────────────────────────────────────── XML / HTML text

/** Ranges `[start, end)` of elements named `name` (the first matching close tag; nesting is not tracked). */
function elementRanges(s: string, name: string): [number, number][] {
  const out: [number, number][] = [];
  const open = new RegExp(`<${name}[\\s>/]`, "g");
  const close = `</${name}>`;
  let m: RegExpExecArray | null;
  while ((m = open.exec(s)) && out.length < 5000) {
    const end = s.indexOf(close, m.index);
    if (end < 0) break;
    out.push([m.index, end + close.length]);
  }
  return out;
}

const GARBAGE = [
  "&#0;",
  "&unknown;",
  "&#xFFFE;",
  "<![CDATA[",
  "]]>",
  "<!--",
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  "<",
  ">",
  "\u0000",
  "\uFFFF",
  "\uD800",
  "﻿",
  "\u202E",
  '"',
  "'",
  "&",
  "𠀀",
];

/** One mutation of markup text: XML inside a .docx or an HTML page. */
function markupMutation(rng: Rng, s: string, elements: readonly string[], numericAttr: RegExp): [string, string] {
  const op = rng.int(9);
  switch (op) {
    case 0: {
      // Drop a tag (open or close).
      const tags = [...s.matchAll(/<[^<>]{1,200}>/g)];
      if (!tags.length) break;
      const n = rng.geometric(8);
      let out = s;
      for (let i = 0; i < n; i++) {
        const t = rng.pick(tags);
        out = out.replace(t[0], "");
      }
      return [out, `drop-tag(${n})`];
    }
    case 1:
    case 2: {
      // Duplicate an element (a row, a cell, a paragraph, a table) a few or many times.
      const name = rng.pick(elements);
      const ranges = elementRanges(s, name);
      if (!ranges.length) break;
      const [a, b] = rng.pick(ranges);
      const times = op === 1 ? rng.geometric(8) : rng.geometric(512);
      const copies = Math.max(1, Math.min(times, Math.floor(MAX_BYTES / 2 / Math.max(1, b - a))));
      return [s.slice(0, b) + s.slice(a, b).repeat(copies) + s.slice(b), `dup-${name}(x${copies})`];
    }
    case 3: {
      // Nest an element inside copies of itself.
      const name = rng.pick(elements);
      const ranges = elementRanges(s, name);
      if (!ranges.length) break;
      const [a, b] = rng.pick(ranges);
      const inner = s.slice(a, b);
      const openEnd = inner.indexOf(">") + 1;
      const openTag = inner.slice(0, openEnd);
      const depth = rng.geometric(rng.chance(0.1) ? 4096 : 32);
      return [s.slice(0, a) + openTag.repeat(depth) + inner + `</${name}>`.repeat(depth) + s.slice(b), `nest-${name}(${depth})`];
    }
    case 4: {
      // Numeric attributes: spans, widths, merges.
      const [t, n] = mutateNumbersIn(rng, s, numericAttr, rng.geometric(16));
      if (!n) break;
      return [t, `attr-numbers(${n})`];
    }
    case 5: {
      // Numbers in the text (amounts, percentages).
      const [t, n] = mutateNumbersIn(rng, s, /\d+(?:\.\d+)?/g, rng.geometric(32));
      return [t, `text-numbers(${n})`];
    }
    case 6: {
      const at = rng.int(s.length);
      const g = rng.pick(GARBAGE).repeat(rng.geometric(8));
      return [s.slice(0, at) + g + s.slice(at), `garbage(${JSON.stringify(g.slice(0, 12))}@${at})`];
    }
    case 7: {
      const at = rng.int(s.length);
      return [s.slice(0, at), `truncate-markup(${at})`];
    }
    default: {
      // Swap two tags' names.
      const tags = [...s.matchAll(/<(\/?)([\w:]+)/g)];
      if (tags.length < 2) break;
      const a = rng.pick(tags);
      const bTag = rng.pick(tags);
      return [s.replace(a[0], `<${a[1]}${bTag[2]}`), `rename-tag(${a[2]}→${bTag[2]})`];
    }
  }
  return [s, "markup(noop)"];
}

const WORD_ELEMENTS = ["w:tbl", "w:tr", "w:tc", "w:p", "w:r", "w:sdt", "w:tcPr", "w:tblGrid", "w:ins", "w:del"];
const WORD_NUMERIC_ATTR = /(?<=w:(?:val|w|gridSpan|gridBefore|gridAfter)=")-?\d+/g;
const HTML_ELEMENTS = ["table", "tr", "td", "th", "p", "tbody", "span", "div"];
const HTML_NUMERIC_ATTR = /(?<=(?:rowspan|colspan|width|height)=["']?)-?\d+/gi;

function docxMutation(rng: Rng, b: Uint8Array): [Uint8Array, string] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(b);
  } catch {
    return [b, "docx-xml(unzip failed)"];
  }
  const names = Object.keys(entries);
  const xml = names.filter((n) => /\.(xml|rels)$/.test(n));
  if (!xml.length) return [b, "docx-xml(no xml)"];
  const name = names.includes("word/document.xml") && rng.chance(0.75) ? "word/document.xml" : rng.pick(xml);
  let op: string;
  if (rng.chance(0.05)) {
    // Drop or rename a whole part.
    delete entries[name];
    if (rng.chance(0.5)) entries[name.replace(/\w+\./, "renamed.")] = new Uint8Array();
    op = "drop-part";
  } else {
    let [t, label] = markupMutation(rng, strFromU8(entries[name]), WORD_ELEMENTS, WORD_NUMERIC_ATTR);
    for (let retry = 0; retry < 4 && label === "markup(noop)"; retry++)
      [t, label] = markupMutation(rng, strFromU8(entries[name]), WORD_ELEMENTS, WORD_NUMERIC_ATTR);
    entries[name] = strToU8(t);
    op = label;
  }
  const zippable: Zippable = {};
  for (const [k, v] of Object.entries(entries)) zippable[k] = [v, { level: 6 }];
  return [zipSync(zippable), `docx-xml(${name}: ${op})`];
}

function htmlMutation(rng: Rng, b: Uint8Array): [Uint8Array, string] {
  if (rng.chance(0.1)) {
    // Lie about the charset (the bytes stay as they are).
    const s = latin1(b);
    const cs = rng.pick(["utf-8", "gbk", "gb2312", "big5", "utf-16le", "x-unknown", "iso-8859-1", "shift_jis"]);
    const t = /charset=["']?[\w-]+/i.test(s) ? s.replace(/charset=["']?[\w-]+/i, `charset=${cs}`) : `<meta charset="${cs}">` + s;
    return [fromLatin1(t), `charset(${cs})`];
  }
  // Work on latin1 so GBK pages keep their bytes outside the mutated spot.
  let [t, label] = markupMutation(rng, latin1(b), HTML_ELEMENTS, HTML_NUMERIC_ATTR);
  for (let retry = 0; retry < 4 && label === "markup(noop)"; retry++)
    [t, label] = markupMutation(rng, latin1(b), HTML_ELEMENTS, HTML_NUMERIC_ATTR);
  return [fromLatin1(t), `html(${label})`];
}

// ────────────────────────────────────────────────────────────────────────────── a case

type Op = (rng: Rng, b: Uint8Array, other: () => Seed) => [Uint8Array, string];

const bytes: Record<string, Op> = {
  flip: (r, b) => byteFlips(r, b),
  del: (r, b) => chunkDelete(r, b),
  dup: (r, b) => chunkDuplicate(r, b),
  trunc: (r, b) => truncate(r, b),
  splice: (r, b, other) => splice(r, b, other()),
};

const STRUCTURED: Record<Format, [number, Op][]> = {
  pdf: [
    [5, (r, b) => pdfStreamMutation(r, b, "numbers")],
    [2, (r, b) => pdfStreamMutation(r, b, "lines")],
    [2, (r, b) => pdfDictNumbers(r, b)],
  ],
  docx: [[1, (r, b) => docxMutation(r, b)]],
  html: [[1, (r, b) => htmlMutation(r, b)]],
};

const BYTE_OPS: [number, Op][] = [
  [3, bytes.flip],
  [3, bytes.del],
  [1.5, bytes.dup],
  [0.5, bytes.trunc],
  [1, bytes.splice],
];

/** Mutate `seed`: with probability ~0.7 one or two structured mutations, then zero to two byte-level ones. */
export function mutate(rng: Rng, seed: Seed, others: readonly Seed[]): Mutant {
  let b = seed.bytes;
  const ops: string[] = [];
  const other = () => rng.pick(others);
  const structured = rng.chance(seed.format === "docx" ? 0.8 : 0.65);
  const nStructured = structured ? (rng.chance(0.3) ? 2 : 1) : 0;
  for (let i = 0; i < nStructured; i++) {
    const op = rng.weighted(STRUCTURED[seed.format]);
    const [nb, label] = op(rng, b, other);
    b = nb;
    ops.push(label);
  }
  const nBytes = structured ? (rng.chance(seed.format === "docx" ? 0.15 : 0.3) ? 1 : 0) : rng.chance(0.3) ? 2 : 1;
  for (let i = 0; i < nBytes; i++) {
    const op = rng.weighted(BYTE_OPS);
    const [nb, label] = op(rng, b, other);
    b = nb;
    ops.push(label);
  }
  if (b.length > MAX_BYTES) b = b.subarray(0, MAX_BYTES);
  return { bytes: b, ops };
}

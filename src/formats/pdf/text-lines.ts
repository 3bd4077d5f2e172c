/**
 * Text runs → lines → strings. Lines are runs sharing a baseline; within a line runs are joined with no space
 * between CJK characters and one space where a real gap separates Latin letters or digits.
 */
import type { TextRun } from "./types.ts";

export interface TextLine {
  runs: TextRun[];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

/** Characters written without spaces between them (Han, kana, CJK punctuation, full-width forms, radicals). */
const CJK =
  /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u31A0-\u31FF\u3200-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Group runs into lines in reading order (top to bottom, then left to right). Rotated runs are lines of their own. */
export function groupLines(runs: TextRun[]): TextLine[] {
  const upright = runs.filter((r) => r.upright).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines: TextLine[] = [];
  let cur: TextLine | null = null;
  for (const r of upright) {
    if (cur && Math.abs(r.baseline - cur.baseline) <= 0.45 * Math.max(r.size, cur.size)) {
      cur.runs.push(r);
      cur.top = Math.min(cur.top, r.top);
      cur.bottom = Math.max(cur.bottom, r.bottom);
      cur.x0 = Math.min(cur.x0, r.x0);
      cur.x1 = Math.max(cur.x1, r.x1);
      cur.size = Math.max(cur.size, r.size);
    } else {
      cur = { runs: [r], top: r.top, bottom: r.bottom, x0: r.x0, x1: r.x1, baseline: r.baseline, size: r.size };
      lines.push(cur);
    }
  }
  for (const r of runs) {
    if (!r.upright) lines.push({ runs: [r], top: r.top, bottom: r.bottom, x0: r.x0, x1: r.x1, baseline: r.baseline, size: r.size });
  }
  for (const l of lines) l.runs.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

/** The narrowest gap between CJK runs read as a space (a CJK font's space is about 0.22–0.33 em). */
const CJK_SPACE_EM = 0.2;

export interface JoinOptions {
  /** Gaps wider than this many ems become a space even between CJK characters (free text, not cells). */
  wideGapEm?: number;
}

/** Estimated advance of a character in ems (CJK full width, the rest about half). */
function advance(ch: string): number {
  return isCjk(ch) ? 1 : 0.5;
}

/**
 * Put runs that lie inside another run of the line back where they are drawn. Some producers draw a glyph from
 * another font (quotes “”) separately; pdf.js then reports the surrounding text as one run with a space where
 * the glyph sits, and the glyph as a run of its own.
 */
function spliceInner(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const host = out.at(-1);
    // Only runs lying within the host; a run merely overlapping its end is punctuation squeezed closer (Chromium).
    const inside = host && host.upright && r.x0 < host.x1 - 0.3 * r.size && r.x1 <= host.x1 + 0.3 * r.size;
    if (!host || !inside || r.x1 - r.x0 >= host.x1 - host.x0) {
      out.push(r);
      continue;
    }
    const chars = Array.from(host.str);
    const units = chars.map(advance);
    const total = units.reduce((a, b) => a + b, 0) || 1;
    const scale = (host.x1 - host.x0) / total;
    // Index of the character boundary nearest the inner run's start.
    let x = host.x0;
    let at = chars.length;
    for (let i = 0; i < chars.length; i++) {
      if (x + (units[i] * scale) / 2 > r.x0) {
        at = i;
        break;
      }
      x += units[i] * scale;
    }
    const before = chars.slice(0, at);
    let after = chars.slice(at);
    // The host's placeholder space (at or right after the insertion point) is the inner glyph's slot.
    if (after[0] === " ") after = after.slice(1);
    else if (before.at(-1) === " ") before.pop();
    out[out.length - 1] = { ...host, str: before.join("") + r.str + after.join(""), x1: Math.max(host.x1, r.x1) };
  }
  return out;
}

/** A line's text. */
export function lineText(line: TextLine, opts: JoinOptions = {}): string {
  let out = "";
  let prev: TextRun | null = null;
  for (const r of spliceInner(line.runs)) {
    const str = r.str;
    if (prev && out) {
      const gap = r.x0 - prev.x1;
      const em = Math.min(r.size, prev.size);
      const last = out.at(-1)!;
      const first = str.trimStart()[0] ?? "";
      const wordish = !isCjk(last) && !isCjk(first) && last !== " " && first !== "";
      // CJK text is set with no gaps, so a gap of a space's width there is a space the producer drew as
      // an advance (LibreOffice drops the glyph; pdf.js's whitespace-only item is gone by now).
      // Between a digit and a CJK character the font changes and gaps mean nothing; only CJK-to-CJK counts.
      const cjkPair = isCjk(last) && isCjk(first);
      const spaceEm = wordish ? 0.15 : cjkPair ? Math.min(opts.wideGapEm ?? CJK_SPACE_EM, CJK_SPACE_EM) : opts.wideGapEm;
      if (spaceEm !== undefined && gap > spaceEm * em && last !== " " && !str.startsWith(" ")) out += " ";
    }
    out += str;
    prev = r;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Lines of runs → the text of a block (a cell): lines joined with `\n`. */
export function blockText(runs: TextRun[]): string[] {
  return groupLines(runs)
    .map((l) => lineText(l))
    .filter((t) => t !== "");
}

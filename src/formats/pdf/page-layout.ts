/**
 * One page → its tables (ruled first; borderless only where the page has no ruled table) and the text lines
 * outside them, in reading order.
 */
import { PDF_MAX_RUNS_FOR_BORDERLESS } from "../../settings/limits.ts";
import { findLatticeFrames } from "./lattice.ts";
import { anchor, slotAt, type PageCell, type PageTable, type TableFrame } from "./page-table.ts";
import { mergeRules } from "./rule-merge.ts";
import { findStreamTables } from "./stream.ts";
import { borderlessRules } from "./stream-rows.ts";
import { cleanRuns } from "./text-cleanup.ts";
import { groupLines, isCjk, lineText } from "./text-lines.ts";
import { virtualColumns } from "./virtual-rules.ts";
import { virtualRows } from "./virtual-rows.ts";
import type { PageData, TextRun } from "./types.ts";

export interface FreeLine {
  text: string;
  page: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** Font size (largest on the line). */
  size: number;
}

export interface PageLayout {
  number: number;
  width: number;
  height: number;
  tables: PageTable[];
  lines: FreeLine[];
  /** Text runs on the page (after cleanup). */
  textRuns: number;
  /** Why the page could not be read. */
  error?: string;
  /** Skipped for being over a per-page limit (`error` says which). */
  overLimit?: boolean;
  warnings: string[];
}

export function layoutPage(page: PageData): PageLayout {
  const runs = cleanRuns(page.texts);
  const merged = mergeRules(page.h, page.v);
  const v = merged.v;
  let h = merged.h;
  const notes: string[] = [];
  let frames = findLatticeFrames(h, v, page.height, notes);
  // Finding tables without rulings compares the page's text blocks with one another: past a limit the page keeps
  // its ruled tables and free lines only (a warning says so).
  const dense = runs.length > PDF_MAX_RUNS_FOR_BORDERLESS;
  if (dense) {
    notes.push(
      `${runs.length.toLocaleString("en")} text runs, more than ${PDF_MAX_RUNS_FOR_BORDERLESS.toLocaleString("en")}: tables not fully ruled not looked for`,
    );
  }
  // No ruled table: a table without rulings (or with only its frame) gets virtual rules between its rows, then
  // its columns as rows ruled without column borders do, each table on its own (stacked tables stay apart).
  const borderless = frames.length === 0 && !dense ? borderlessRules(runs, h, v, page.width, page.height) : [];
  if (borderless.length > 0) h = mergeRules([...h, ...borderless.flat()], []).h;
  // Rows ruled without column borders: columns from the text between the rules.
  const vv =
    borderless.length > 0
      ? borderless.flatMap((rows) => virtualColumns(rows, runs, frames, page.height))
      : dense
        ? []
        : virtualColumns(h, runs, frames, page.height);
  // Columns ruled without row borders: rows from the text between the rules.
  const vh = dense ? [] : virtualRows(v, runs, frames, page.height);
  if (vv.length > 0 || vh.length > 0) {
    const all = mergeRules([...h, ...vh], [...v, ...vv]);
    frames = findLatticeFrames(vh.length > 0 ? all.h : h, all.v, page.height, notes);
  }
  const byFrame: TextRun[][][] = frames.map((f) => f.slots.map(() => []));
  const free: TextRun[] = [];
  for (const r of runs.flatMap((run) => splitAtBorders(run, frames))) {
    const [x, y] = anchor(r);
    let placed = false;
    for (let i = 0; i < frames.length && !placed; i++) {
      const slot = slotAt(frames[i], x, y);
      if (slot >= 0) {
        byFrame[i][slot].push(r);
        placed = true;
      }
    }
    if (!placed) free.push(r);
  }
  let tables: PageTable[] = frames.map((f, i) => frameTable(f, byFrame[i], page.number));
  tables.forEach((t) => {
    if (vh.length > 0 || vv.some((l) => l.x >= t.box.x0 - 1 && l.x <= t.box.x1 + 1 && l.y0 >= t.box.y0 - 1 && l.y1 <= t.box.y1 + 1))
      t.guessed = true;
  });
  let rest = free;
  if (tables.length === 0 && !dense) {
    const stream = findStreamTables(free, page.number);
    tables = stream.tables;
    rest = stream.rest;
  }
  tables.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const lines: FreeLine[] = [];
  for (const l of groupLines(rest)) {
    const text = lineText(l, { wideGapEm: 2 });
    if (text) lines.push({ text, page: page.number, top: l.top, bottom: l.bottom, x0: l.x0, x1: l.x1, size: l.size });
  }
  const warnings: string[] = [];
  if (page.overLimit) warnings.push(`page ${page.number}: ${page.error}, skipped`);
  else if (page.error) warnings.push(`page ${page.number}: damaged, skipped (${page.error})`);
  else if (runs.length === 0 && page.images.length > 0) warnings.push(`page ${page.number}: no text layer (scanned?)`);
  else if (runs.length > 0 && hasUntextedImage(page, runs)) {
    warnings.push(`page ${page.number}: a large image with no text over it (a scanned table?)`);
  }
  if (page.offPage)
    warnings.push(`page ${page.number}: ${page.offPage} text run${page.offPage > 1 ? "s" : ""} drawn beyond the page, ignored`);
  for (const note of [...new Set(notes)]) warnings.push(`page ${page.number}: ${note}`);
  const layout: PageLayout = {
    number: page.number,
    width: page.width,
    height: page.height,
    tables,
    lines,
    textRuns: runs.length,
    warnings,
  };
  if (page.error) layout.error = page.error;
  if (page.overLimit) layout.overLimit = true;
  return layout;
}

/** Estimated advance of a character in ems. */
const advance = (ch: string) => (isCjk(ch) ? 1 : ch === " " ? 0.35 : 0.55);

/**
 * pdf.js joins text that follows closely in the same font into one run, with a space for the gap: the texts of
 * two neighbouring cells can arrive as one run ("98.40 其他资金"). Split a run at a space that sits on a cell
 * border, when the parts on either side of it fall in different cells.
 */
function splitAtBorders(r: TextRun, frames: TableFrame[]): TextRun[] {
  if (!r.upright || frames.length === 0 || !r.str.trim().includes(" ")) return [r];
  const chars = Array.from(r.str);
  const units = chars.map(advance);
  const scale = (r.x1 - r.x0) / (units.reduce((a, b) => a + b, 0) || 1);
  let x = r.x0;
  const starts = units.map((u) => {
    const at = x;
    x += u * scale;
    return at;
  });
  const y = r.baseline - 0.35 * r.size;
  for (let i = 1; i < chars.length - 1; i++) {
    if (chars[i] !== " ") continue;
    const leftStr = chars.slice(0, i).join("").trimEnd();
    const rightStr = chars
      .slice(i + 1)
      .join("")
      .trimStart();
    if (!leftStr || !rightStr) continue;
    // Where the gap is by proportional widths; or, for a run much wider than its text (the gap a whole cell
    // wide), between the two parts at their natural widths from either end.
    const leftEnd = r.x0 + units.slice(0, i).reduce((a, b) => a + b, 0) * r.size;
    const rightStart = r.x1 - units.slice(i + 1).reduce((a, b) => a + b, 0) * r.size;
    const guesses: [number, number, number, number][] = [[starts[i], starts[i + 1], starts[i] - r.size, starts[i + 1] + r.size]];
    if (rightStart - leftEnd > 2 * r.size) guesses.push([leftEnd, rightStart, leftEnd, rightStart]);
    for (const [lx1, rx0, lo, hi] of guesses) {
      const left = { ...r, str: leftStr, x1: lx1 };
      const right = { ...r, str: rightStr, x0: rx0 };
      const frame = frames.find((f) => slotAt(f, anchor(left)[0], y) >= 0);
      if (!frame) continue;
      const a = slotAt(frame, anchor(left)[0], y);
      const b = slotAt(frame, anchor(right)[0], y);
      // The gap must straddle the border between the two cells (a word space elsewhere stays).
      const border = frame.xs.find((bx) => bx >= lo && bx <= hi);
      if (b >= 0 && b !== a && border !== undefined) return [left, ...splitAtBorders(right, frames)];
    }
  }
  return [r];
}

function frameTable(frame: TableFrame, runsBySlot: TextRun[][], page: number): PageTable {
  const cells: PageCell[] = frame.slots.map((s, i) => {
    const lines = groupLines(runsBySlot[i])
      .map((l) => ({ text: lineText(l), x1: l.x1, size: l.size }))
      .filter((l) => l.text !== "");
    const last = lines.at(-1);
    // Less room left than a character plus the cell padding: the line was wrapped there.
    const lastLineFull = last !== undefined && frame.xs[s.c1] - last.x1 <= last.size + 6;
    return { ...s, lines: lines.map((l) => l.text), page, lastLineFull };
  });
  return { kind: "lattice", page, pages: [page], xs: frame.xs, ys: frame.ys, cells, box: frame.box };
}

/** An image covering a quarter of the page with (almost) no text on it is probably a scan of something. */
function hasUntextedImage(page: PageData, runs: TextRun[]): boolean {
  const pageArea = page.width * page.height;
  for (const im of page.images) {
    const area = (im.x1 - im.x0) * (im.y1 - im.y0);
    if (area < 0.25 * pageArea) continue;
    const inside = runs.filter((r) => r.x0 >= im.x0 && r.x1 <= im.x1 && r.top >= im.y0 && r.bottom <= im.y1).length;
    if (inside < 3) return true;
  }
  return false;
}

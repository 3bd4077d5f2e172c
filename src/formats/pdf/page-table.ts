/** A table as found on one page, before tables continuing over a page break are joined. */
import type { Box, TextRun } from "./types.ts";

export interface PageCell {
  /** Grid slots covered: rows r0 ≤ r < r1, columns c0 ≤ c < c1. */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  /** Text lines of the cell (joined with \n in the output). */
  lines: string[];
  /** 1-based page of the cell's top-left. */
  page: number;
  /** The cell has no border on this side at the table's edge: it goes on across the page break. */
  openTop: boolean;
  openBottom: boolean;
  /** The last line fills the cell's width: its text may go on in a row split by a page break. */
  lastLineFull: boolean;
}

export interface PageTable {
  kind: "lattice" | "stream";
  /** Page of the first part. */
  page: number;
  /** Pages the table covers (more than one once parts are joined). */
  pages: number[];
  /** Column and row boundaries (cols = xs.length - 1, rows = ys.length - 1). */
  xs: number[];
  ys: number[];
  cells: PageCell[];
  /** Bounds of the last part, on its page. */
  box: Box;
  /** Some column boundaries were read from the text (no ruling there): they may shift a little from page to page. */
  guessed?: boolean;
}

/** Locates the cell under a point; used while assigning text to cells. */
export interface TableFrame {
  xs: number[];
  ys: number[];
  /** Elementary slot (r * cols + c) → index into `slots`, or -1 where the frame has no cell (outside the borders). */
  cellOf: Int32Array;
  slots: Omit<PageCell, "lines" | "page" | "lastLineFull">[];
  box: Box;
}

/** Index i with xs[i] ≤ v < xs[i + 1], or -1 outside. */
export function bracket(xs: number[], v: number): number {
  if (v < xs[0] || v > xs[xs.length - 1]) return -1;
  let lo = 0;
  let hi = xs.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where a run belongs: the middle of its first glyph, so text overflowing a narrow cell stays in the cell it starts in. */
export function anchor(r: TextRun): [number, number] {
  if (!r.upright) return [(r.x0 + r.x1) / 2, (r.top + r.bottom) / 2];
  return [r.x0 + Math.min(0.5 * r.size, 0.5 * (r.x1 - r.x0)), r.baseline - 0.35 * r.size];
}

/** The slot index in `frame` for a point, or -1. */
export function slotAt(frame: TableFrame, x: number, y: number): number {
  const c = bracket(frame.xs, x);
  const r = bracket(frame.ys, y);
  if (c < 0 || r < 0) return -1;
  return frame.cellOf[r * (frame.xs.length - 1) + c];
}

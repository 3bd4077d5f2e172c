/**
 * Ruled tables: merged ruling lines → groups of lines that cross each other (one group per table) → the grid
 * of every distinct column and row boundary in the group → elementary cells joined wherever the border
 * between them is missing (merged cells, hence rowspan/colspan). A cell whose side at the table's left or right
 * edge has no border lies outside the table; one whose top or bottom edge has none is open there (the table
 * goes on across a page break).
 */
import { PDF_MAX_GRID_SLOTS } from "../../settings/limits.ts";
import type { HRule, VRule } from "./types.ts";
import type { TableFrame } from "./page-table.ts";

/** A line ending this close to another still meets it. */
const MEET = 3;
/** Vertical borders reaching this far past the outermost horizontal one leave the table open on that side. */
const OPEN = 4;
/** Share of the page height at the top and bottom where a table may be cut open by a page break. */
const EDGE_BAND = 0.2;

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

/**
 * Borders closer than this are one grid line: a double border (two strokes a few points apart) would otherwise
 * make a sliver column of empty cells. No real row or column is this narrow.
 */
const SAME_LINE = 4;

/** Sorted distinct positions, positions within SAME_LINE merged. */
function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[0] > SAME_LINE) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Does the union of intervals cover (almost all of) [a, b]? */
function covers(intervals: [number, number][], a: number, b: number): boolean {
  const need = Math.max(0.5 * (b - a), b - a - 2 * MEET);
  let got = 0;
  for (const [p, q] of intervals) got += Math.max(0, Math.min(q, b) - Math.max(p, a));
  return got >= need;
}

/**
 * Find the ruled tables on a page. Frames are ordered smallest first (nested tables win their text).
 * `pageHeight` limits open (borderless) ends to the page's top and bottom, where a page break cuts a table.
 */
export function findLatticeFrames(h: HRule[], v: VRule[], pageHeight: number, notes: string[] = []): TableFrame[] {
  const nh = h.length;
  const uf = new UnionFind(nh + v.length);
  for (let i = 0; i < nh; i++) {
    const a = h[i];
    for (let j = 0; j < v.length; j++) {
      const b = v[j];
      if (b.x >= a.x0 - MEET && b.x <= a.x1 + MEET && a.y >= b.y0 - MEET && a.y <= b.y1 + MEET) uf.union(i, nh + j);
    }
  }
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  for (let i = 0; i < nh + v.length; i++) {
    const root = uf.find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (i < nh) g.h.push(h[i]);
    else g.v.push(v[i - nh]);
  }
  const frames: TableFrame[] = [];
  for (const g of groups.values()) {
    // One horizontal line is enough for the piece of a table cut off by a page break, open at top or bottom.
    if (g.h.length < 1 || g.v.length < 2) continue;
    const frame = buildFrame(g.h, g.v, pageHeight, notes);
    if (frame) frames.push(frame);
  }
  const area = (f: TableFrame) => (f.box.x1 - f.box.x0) * (f.box.y1 - f.box.y0);
  return frames.sort((a, b) => area(a) - area(b));
}

function buildFrame(hs: HRule[], vs: VRule[], pageHeight: number, notes: string[]): TableFrame | null {
  const xs = positions(vs.map((l) => l.x));
  const ys = positions(hs.map((l) => l.y));
  if (xs.length < 2) return null;
  // Verticals running on past the outermost horizontals near the top or bottom of the page: a row cut by the
  // page break, without its closing border (Chromium).
  const vTop = Math.min(...vs.map((l) => l.y0));
  const vBottom = Math.max(...vs.map((l) => l.y1));
  if (vBottom > ys[ys.length - 1] + OPEN && vBottom > (1 - EDGE_BAND) * pageHeight) ys.push(vBottom);
  if (vTop < ys[0] - OPEN && vTop < EDGE_BAND * pageHeight) ys.unshift(vTop);
  if (ys.length < 2) return null;
  const nc = xs.length - 1;
  const nr = ys.length - 1;
  // Every array below is sized by the grid: an absurd one (a mesh of rules) is no table to read.
  if (nr * nc > PDF_MAX_GRID_SLOTS) {
    notes.push(
      `a ruled grid of ${nr.toLocaleString("en")} × ${nc.toLocaleString("en")} cells, more than ${PDF_MAX_GRID_SLOTS.toLocaleString("en")}: not read as a table`,
    );
    return null;
  }

  // Border pieces along each grid line.
  const vAt: [number, number][][] = xs.map(() => []);
  for (const l of vs) {
    const i = nearest(xs, l.x);
    if (i >= 0) vAt[i].push([l.y0, l.y1]);
  }
  const hAt: [number, number][][] = ys.map(() => []);
  for (const l of hs) {
    const i = nearest(ys, l.y);
    if (i >= 0) hAt[i].push([l.x0, l.x1]);
  }
  const vBorder = (i: number, r: number) => covers(vAt[i], ys[r], ys[r + 1]);
  const hBorder = (j: number, c: number) => covers(hAt[j], xs[c], xs[c + 1]);

  const uf = new UnionFind(nr * nc);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !vBorder(c + 1, r)) uf.union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && !hBorder(r + 1, c)) uf.union(r * nc + c, (r + 1) * nc + c);
    }
  }
  const members = new Map<number, number[]>();
  for (let k = 0; k < nr * nc; k++) {
    const root = uf.find(k);
    const list = members.get(root);
    if (list) list.push(k);
    else members.set(root, [k]);
  }

  const cellOf = new Int32Array(nr * nc).fill(-1);
  const slots: TableFrame["slots"] = [];
  for (const list of members.values()) {
    let outside = false;
    for (const k of list) {
      const r = Math.floor(k / nc);
      const c = k % nc;
      if ((c === 0 && !vBorder(0, r)) || (c === nc - 1 && !vBorder(nc, r))) outside = true;
    }
    if (outside) continue;
    const rs = list.map((k) => Math.floor(k / nc));
    const cs = list.map((k) => k % nc);
    const r0 = Math.min(...rs),
      r1 = Math.max(...rs) + 1,
      c0 = Math.min(...cs),
      c1 = Math.max(...cs) + 1;
    const pieces: [number, number, number, number][] = [];
    if ((r1 - r0) * (c1 - c0) === list.length) pieces.push([r0, r1, c0, c1]);
    else {
      // Not a rectangle (a border broken off part-way): fall back to one cell per row run.
      const inGroup = new Set(list);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) {
          if (!inGroup.has(r * nc + c)) continue;
          let e = c;
          while (e + 1 < c1 && inGroup.has(r * nc + e + 1)) e++;
          pieces.push([r, r + 1, c, e + 1]);
          c = e;
        }
      }
    }
    for (const [pr0, pr1, pc0, pc1] of pieces) {
      let openTop = false;
      let openBottom = false;
      for (let c = pc0; c < pc1; c++) {
        if (pr0 === 0 && !hBorder(0, c)) openTop = true;
        if (pr1 === nr && !hBorder(nr, c)) openBottom = true;
      }
      const idx = slots.length;
      slots.push({ r0: pr0, r1: pr1, c0: pc0, c1: pc1, openTop, openBottom });
      for (let r = pr0; r < pr1; r++) for (let c = pc0; c < pc1; c++) cellOf[r * nc + c] = idx;
    }
  }
  // A lone box (a framed paragraph, a page border) is not a table.
  if (slots.length < 2) return null;
  return { xs, ys, cellOf, slots, box: { x0: xs[0], y0: ys[0], x1: xs[nc], y1: ys[nr] } };
}

function nearest(sorted: number[], v: number): number {
  let best = -1;
  let bestD = SAME_LINE + 0.01;
  for (let i = 0; i < sorted.length; i++) {
    const d = Math.abs(sorted[i] - v);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

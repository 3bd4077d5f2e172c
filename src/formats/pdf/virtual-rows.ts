/**
 * Tables drawn with vertical rules only (or with the row borders missing): rows from the text between the
 * rules, found as columns are for horizontal rules only (virtual-rules.ts) with x and y exchanged — a row
 * boundary is where the columns' texts leave a strip free together, or where one column's texts are too far
 * apart to be lines of one cell — and a label centred on the rows it spans (set at the first of them, in tables
 * whose cells are set at their top) read as spanning them. Spans nest: a column does not merge rows the column
 * before parts between two of its texts, nor end a span inside a cell of the column after it. Where column
 * borders stop short, the cell spans those columns (the lattice reads that from the real rules).
 */
import { anchor, type TableFrame } from "./page-table.ts";
import { columnBoundaries, distinct, inFrame, SAME_Y, textOutside, textPieces, TOUCH } from "./virtual-rules.ts";
import type { HRule, TextRun, VRule } from "./types.ts";

/** Vertical rules shorter than this (points) are not a table's. */
const MIN_RULE = 12;
/** Share of the page height at the bottom where a table may be cut by the page break. */
const EDGE_BAND = 0.2;

/** A text run turned about the diagonal: x for y, so that rows can be found the way columns are. */
function transposed(r: TextRun): TextRun {
  return { ...r, str: "x", x0: r.top, x1: r.bottom, top: r.x0, bottom: r.x1, baseline: r.x1 };
}

/**
 * Virtual horizontal rules completing stacks of vertical rules that form no table with the real horizontal
 * ones: the rows are the whitespace strips that the text of the columns agrees on (found as columns are, with
 * x and y exchanged), drawn in each column except where text crosses them, and at the rules' ends.
 */
export function virtualRows(v: VRule[], runs: TextRun[], frames: TableFrame[], pageHeight = Infinity): HRule[] {
  // A row of one line of text is about 15 points high: its borders are rules, a box glyph's sides are not.
  const loose = v.filter((l) => l.y1 - l.y0 > MIN_RULE && !inFrame(frames, l.x, l.x, l.y0, l.y1)).sort((a, b) => a.x - b.x);
  // A table needs three column borders at least (most pages have none outside their ruled tables).
  if (loose.length < 3) return [];
  const text = textOutside(runs, frames);
  // The page's common type size (the same for every stack of rules on it).
  const em = median(text.map((r) => r.size));
  const out: HRule[] = [];
  // The tables of a page are set alike: how their rows' texts sit is counted over all of them, then each is read.
  const counts = { atTop: 0, centred: 0 };
  const later: ((top: boolean) => void)[] = [];
  for (const stack of tableStacks(loose)) {
    const xs = distinct(stack.map((l) => l.x));
    if (xs.length < 3) continue;
    const y0 = Math.min(...stack.map((l) => l.y0));
    const y1 = Math.max(...stack.map((l) => l.y1));
    const ruled = (k: number, y: number) => stack.some((l) => Math.abs(l.x - xs[k]) <= SAME_Y && y >= l.y0 - SAME_Y && y <= l.y1 + SAME_Y);
    const cols = xs.slice(0, -1).map((x, i) => ({ x0: x, x1: xs[i + 1], runs: [] as TextRun[] }));
    for (const r of text) {
      const [ax, ay] = anchor(r);
      if (ay < y0 || ay > y1) continue;
      const j = cols.findIndex((cl) => ax >= cl.x0 && ax < cl.x1);
      if (j < 0) continue;
      // A cell whose column borders stop short spans the columns beside it: its text is theirs too.
      const ym = (r.top + r.bottom) / 2;
      let a = j;
      while (a > 0 && !ruled(a, ym)) a--;
      let b = j;
      while (b + 1 < cols.length && !ruled(b + 1, ym)) b++;
      for (let k = a; k <= b; k++) cols[k].runs.push(r);
    }
    if (cols.filter((c) => c.runs.length > 0).length < 2) continue;
    const bands = cols.map((c) => ({ runs: c.runs.map(transposed) }));
    const pieces = bands.map((b) => textPieces(b.runs, y0, y1));
    // A column empty over several rows (the values of a few rows spanning the columns to the right) says
    // nothing about where those rows part.
    const found = withPartedTexts(
      columnBoundaries(bands, y0, y1, false).map((b) => b.x),
      pieces,
      em,
    );
    const rows = centredChoice(found, pieces, y0, y1, em);
    // No row boundary: one row, if its texts are one line across (a table's last row on its page).
    if (rows.length === 0 && !oneLine(pieces.flat())) continue;
    out.push({ y: y0, x0: xs[0], x1: xs[xs.length - 1] }, { y: y1, x0: xs[0], x1: xs[xs.length - 1] });
    const atBreak = y1 > (1 - EDGE_BAND) * pageHeight;
    rowSetting(pieces, rows, y0, y1, em, atBreak, counts);
    // Each column's row boundaries, left to right; then again, each column's cells now also ending where the
    // cells of the column after it end.
    const keep = (right: number[][] | null, top: boolean): number[][] => {
      const all: number[][] = [];
      // Where the column before parts two texts (the rule between the two columns there).
      let parted: (y: number) => boolean = () => false;
      cols.forEach((_, k) => {
        const ps = pieces[k];
        const drawn = rows.filter((y) => !ps.some((t) => t.p < y - TOUCH && t.q > y + TOUCH));
        // Cells spanning rows nest as a tree from the left: a row boundary between two texts of the column
        // before is one this column's cells keep too, and one that ends a cell of this column is one the
        // column after it has.
        const ends =
          right && k + 1 < cols.length ? (y: number) => y >= y1 - TOUCH || !ruled(k + 1, y) || right[k + 1].includes(y) : () => true;
        const inside = top ? topRuns(ps, drawn, y0, y1, parted, ends) : spannedRows(ps, drawn, y0, y1, parted, ends, atBreak);
        const kept = [y0, ...drawn.filter((y) => !inside.has(y)), y1];
        all.push(kept);
        const filled = (a: number, b: number) => ps.some((t) => t.q > a + TOUCH && t.p < b - TOUCH);
        parted = (y: number) => {
          const i = kept.indexOf(y);
          return k + 1 < cols.length && i > 0 && i + 1 < kept.length && ruled(k + 1, y) && filled(kept[i - 1], y) && filled(y, kept[i + 1]);
        };
      });
      return all;
    };
    later.push((top) => {
      const kept = keep(keep(null, top), top);
      cols.forEach((c, k) => {
        for (const y of kept[k].slice(1, -1)) out.push({ y, x0: c.x0, x1: c.x1 });
      });
    });
  }
  // Cells set at their top rather than centred (Word's default): a label spanning rows sits in the first.
  const top = counts.atTop >= 3 && counts.atTop > 3 * counts.centred;
  for (const finish of later) finish(top);
  return out;
}

const median = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1] : 10);

/** Do all the texts share one line (each overlapping every other one)? */
function oneLine(pieces: { p: number; q: number }[]): boolean {
  return pieces.length > 0 && Math.max(...pieces.map((t) => t.p)) < Math.min(...pieces.map((t) => t.q));
}

/** Two texts of one column this many ems apart are in two cells (wrapped lines of one cell are closer). */
const PARTED_EM = 0.6;
/** Sampling step (points) along a column. */
const STEP = 0.5;

/**
 * Two texts of one column far enough apart to be in two cells are parted by a row boundary even where the
 * other columns are empty there (a value alone in its row, below a row of labels): if none was found between
 * them, one goes where most columns leave the space free, in the middle of that strip.
 */
function withPartedTexts(rows: number[], pieces: { p: number; q: number }[][], em: number): number[] {
  const out = [...rows];
  const free = (y: number) => pieces.filter((ps) => !ps.some((t) => t.p <= y && t.q >= y)).length;
  for (const ps of pieces) {
    for (let i = 0; i + 1 < ps.length; i++) {
      const a = ps[i].q + TOUCH;
      const b = ps[i + 1].p - TOUCH;
      if (b - a < PARTED_EM * em || out.some((y) => y > a && y < b)) continue;
      let best = -1;
      let from = a;
      let to = a;
      for (let y = a; y <= b; y += STEP) {
        const f = free(y);
        if (f > best) [best, from, to] = [f, y, y];
        else if (f === best && to >= y - STEP - 1e-9) to = y;
      }
      out.push((from + to) / 2);
    }
  }
  return out.sort((x, y) => x - y);
}

/**
 * How a table's cells are set, counted into `counts`: rows holding a text of several lines beside shorter ones
 * where the shorter ones start where the tall one does (at the top), or share its middle (centred).
 */
function rowSetting(
  pieces: { p: number; q: number }[][],
  rows: number[],
  y0: number,
  y1: number,
  em: number,
  cut: boolean,
  counts: { atTop: number; centred: number },
): void {
  const edges = [y0, ...rows, y1];
  // (A row cut by the page break is set at its top whatever the table's setting.)
  for (let i = 0; i + (cut ? 2 : 1) < edges.length; i++) {
    const a = edges[i];
    const b = edges[i + 1];
    const inRow = pieces.flatMap((ps) => ps.filter((t) => t.p >= a - TOUCH && t.q <= b + TOUCH));
    if (inRow.length < 2) continue;
    const tall = Math.max(...inRow.map((t) => t.q - t.p));
    let up = 0;
    let mid = 0;
    for (const t of inRow) {
      if (tall - (t.q - t.p) < em) continue;
      const above = t.p - a;
      const below = b - t.q;
      if (below - above > 0.8 * em) up++;
      else if (Math.abs(below - above) < 0.5 * em) mid++;
    }
    if (up > mid) counts.atTop++;
    else if (mid > up) counts.centred++;
  }
}

/**
 * In a table set at the top of its cells, a column's text and the empty cells under it down to its next text
 * are one cell (a label spanning rows), where the column before does not part them and the column after ends a
 * cell at its end; otherwise the text keeps the rows it covers.
 */
function topRuns(
  pieces: { p: number; q: number }[],
  rows: number[],
  y0: number,
  y1: number,
  parted: (y: number) => boolean,
  ends: (y: number) => boolean,
): Set<number> {
  const inside = new Set<number>();
  const edges = [y0, ...rows, y1];
  pieces.forEach((t, i) => {
    const start = Math.max(...edges.filter((e) => e <= t.p + TOUCH));
    const next = pieces[i + 1];
    const end = next ? Math.max(...edges.filter((e) => e <= next.p + TOUCH)) : y1;
    const inner = rows.filter((e) => e > start + TOUCH && e < end - TOUCH);
    const own = Math.min(...edges.filter((e) => e >= t.q - TOUCH));
    const ok = !inner.some((e) => e > own + TOUCH && parted(e)) && ends(start) && ends(end);
    for (const e of inner) if (ok || e < own - TOUCH) inside.add(e);
  });
  return inside;
}

/**
 * Row boundaries closer than an em (no row is that low), or both in one gap of a column too short to hold a
 * row, are one boundary found twice: two columns' gaps that barely overlap, each crossed by another column's
 * text, or one gap split by a label centred on the boundary. The one kept (of the two and the point halfway) is
 * where the texts on either side sit best in the middle of their rows (cells are centred vertically); a text
 * crossing it counts as half an em off.
 */
function centredChoice(rows: number[], pieces: { p: number; q: number }[][], y0: number, y1: number, em: number): number[] {
  const cost = (c: number, prev: number, next: number) => {
    let sum = 0;
    for (const t of pieces.flat()) {
      if (t.p < c - TOUCH && t.q > c + TOUCH) sum += 0.5 * em;
      else if (t.p >= prev - TOUCH && t.q <= c + TOUCH) sum += Math.abs((t.p + t.q) / 2 - (prev + c) / 2);
      else if (t.p >= c - TOUCH && t.q <= next + TOUCH) sum += Math.abs((t.p + t.q) / 2 - (c + next) / 2);
    }
    return sum;
  };
  // Both in one gap of a column too short to hold a row between them.
  const oneGap = (a: number, b: number) =>
    pieces.some((ps) => ps.some((t, k) => k + 1 < ps.length && t.q <= a + TOUCH && ps[k + 1].p >= b - TOUCH && ps[k + 1].p - t.q < 2 * em));
  const out: number[] = [];
  rows.forEach((r, i) => {
    const last = out.length ? out[out.length - 1] : null;
    if (last === null || (r - last >= em && !oneGap(last, r))) {
      out.push(r);
      return;
    }
    const prev = out.length > 1 ? out[out.length - 2] : y0;
    const next = i + 1 < rows.length ? rows[i + 1] : y1;
    // Of the two, or halfway between them (the two sides of a label centred on the boundary).
    const options = [last, r, (last + r) / 2];
    out[out.length - 1] = options.reduce((a, b) => (cost(b, prev, next) < cost(a, prev, next) ? b : a));
  });
  return out;
}

/**
 * Vertical rules (in order across) grouped into tables: a rule lying mostly within the height of another is of
 * its table (the borders of a few columns stop where the cells above them span those columns).
 */
function tableStacks(rules: VRule[]): VRule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < rules.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = rules[i];
      const b = rules[j];
      const o = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (o >= 0.6 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, VRule[]>();
  rules.forEach((l, i) => {
    const g = groups.get(find(i)) ?? [];
    g.push(l);
    groups.set(find(i), g);
  });
  return [...groups.values()];
}

/**
 * A column whose cells are mostly empty, its texts each centred on a run of rows (labels spanning rows, drawn
 * without the borders that would show it): the row boundaries inside those runs. Each text's run starts where
 * the one before ended and ends where the text is its middle; if any run does not end on a row boundary (or
 * overruns the next text), the column is left as it is. The first text's run may start lower, at the longest
 * run that fits: the empty cells above it are of a cell continued from the page before, or empty cells.
 * The last one may be set at the top of a run reaching the table's bottom at the foot of the page (a cell cut
 * by the page break: Chromium sets its text at the top of the part on the first page).
 */
function spannedRows(
  pieces: { p: number; q: number }[],
  rows: number[],
  y0: number,
  y1: number,
  parted: (y: number) => boolean,
  ends: (y: number) => boolean,
  atBreak: boolean,
): Set<number> {
  const none = new Set<number>();
  const edges = [y0, ...rows, y1];
  if (pieces.length < 1 || edges.length - 1 <= pieces.length) return none;
  const heights = edges
    .slice(1)
    .map((e, i) => e - edges[i])
    .sort((a, b) => a - b);
  const slack = 0.3 * heights[heights.length >> 1];
  /** The end of the run of rows text i is centred on from `top`, and the boundaries inside it; or null. */
  const run = (i: number, top: number): { end: number; inner: number[] } | null => {
    const t = pieces[i];
    if (t.p < top - TOUCH) return null;
    const target = t.p + t.q - top;
    let end = edges[0];
    for (const e of edges) if (Math.abs(e - target) < Math.abs(end - target)) end = e;
    if (Math.abs(end - target) > slack || end < t.q - TOUCH) return null;
    const next = pieces[i + 1];
    if (next && end > next.p + TOUCH) return null;
    const inner = rows.filter((e) => e > top + TOUCH && e < end - TOUCH);
    return inner.some(parted) || (inner.length > 0 && (!ends(top) || !ends(end))) ? null : { end, inner };
  };
  // The last text at the top of its row (or filling it), the column empty below it to the table's bottom at the
  // foot of the page: a cell cut by the page break, its text set at the top of the part on this page.
  const toBottom = (t: { p: number; q: number }, top: number): { end: number; inner: number[] } | null => {
    const start = Math.max(...edges.filter((e) => e <= t.p + TOUCH));
    const below = Math.min(...edges.filter((e) => e >= t.q - TOUCH));
    if (!atBreak || start < top || !(t.p - start <= below - t.q)) return null;
    const inner = rows.filter((e) => e > start + TOUCH && e < y1 - TOUCH);
    return inner.some(parted) ? null : { end: y1, inner };
  };
  const inside = new Set<number>();
  let top = y0;
  for (let i = 0; i < pieces.length; i++) {
    const starts = edges.filter((e) => e >= top && e <= pieces[i].p + TOUCH);
    let found: { end: number; inner: number[] } | null = null;
    for (const s of starts) if ((found = run(i, s))) break;
    // The last text: cut by the page break rather than centred on rows ending above the table's bottom.
    if (i === pieces.length - 1 && !(found && found.end >= y1 - TOUCH)) found = toBottom(pieces[i], top) ?? found;
    if (!found) return none;
    for (const e of found.inner) inside.add(e);
    top = found.end;
  }
  // The last run reaches the end of the column, or the rows after it stay empty cells of their own.
  return inside;
}

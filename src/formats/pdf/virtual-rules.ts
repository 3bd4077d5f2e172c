/**
 * Tables drawn with only some of their rulings (in the spirit of pdfplumber's mixed strategies: horizontal
 * "lines" + vertical "text"). Horizontal rules that no ruled table uses, stacked over the same width, bound rows;
 * the columns are the whitespace strips that the text of those rows agrees on. Virtual vertical borders are
 * drawn there — in each row except where text crosses the strip (a value spanning several columns) — and at the
 * rules' outer ends, so the lattice finder builds the table from real and virtual lines together, merged cells
 * included: a cell spanning rows still shows as a horizontal rule that stops short of its column.
 *
 * Vertical rules alone are completed the same way turned by 90° (virtual-rows.ts).
 *
 * Only rules outside every table the real rulings form are looked at: a complete lattice is read as before.
 */
import { anchor, type TableFrame } from "./page-table.ts";
import { isCjk } from "./text-lines.ts";
import type { HRule, TextRun, VRule } from "./types.ts";

/** A column boundary: where, how many rows' gaps agree on it, how wide the strip they agree on. */
export interface Boundary {
  x: number;
  votes: number;
  width: number;
  /** Rows next to a real rule ending there (a cell spanning rows begins): drawn in these rows for certain. */
  certain?: Set<number>;
  /** The cell spanning rows lies left of it (the rule started there) rather than right (the rule ended there). */
  spanLeft?: boolean;
}

/** A boundary's votes must fall by this share of them on both sides (to the text of the columns it parts). */
const PROMINENCE = 0.5;
/** A boundary with fewer votes than this share of the best one's is not a column of the whole table. */
const WEAK = 0.2;
/** No column is narrower than this (points). */
const MIN_COL = 12;

/** A row between two rules (or above the first one) and the text anchored in it. */
interface Band {
  y0: number;
  y1: number;
  runs: TextRun[];
}

/** Share of the page height at the top where a table may go on from the page before. */
const EDGE_BAND = 0.2;
/** Rules this close (points) are one row boundary. */
export const SAME_Y = 2;
/** Text closer than this (points) to a table's outer edge is not in a cell of it (cells have padding). */
const PAD = 1;
/** Sampling step (points) of the column profile. */
const STEP = 0.5;
/** A column gap must be at least this wide (points) where the rows agree on it. */
const MIN_GAP = 1.5;
/** Text reaching this far (points) into a gap still leaves it open. */
export const TOUCH = 0.5;
/** Text pieces of a row closer than this many ems are one piece (a word space is narrower). */
const GAP_EM = 0.5;
/** A gap this many ems wide between two pieces of a row's text separates cells even where no column does. */
const LOCAL_GAP_EM = 1.5;
/** The lines of a wrapped cell are closer than this many ems (text box to text box). */
const WRAP_EM = 0.75;

/** Do two intervals overlap over most of the longer one? (A row rule stopping short of a spanning label does.) */
function overlapMost(a0: number, a1: number, b0: number, b1: number): boolean {
  const o = Math.min(a1, b1) - Math.max(a0, b0);
  return o >= 0.6 * Math.max(a1 - a0, b1 - b0);
}

export function inFrame(frames: TableFrame[], x0: number, x1: number, y0: number, y1: number): boolean {
  return frames.some((f) => x1 > f.box.x0 - SAME_Y && x0 < f.box.x1 + SAME_Y && y1 >= f.box.y0 - SAME_Y && y0 <= f.box.y1 + SAME_Y);
}

/** Parallel rules (in order across) grouped into stacks of rules that span (mostly) the same stretch. */
function stacked<T>(rules: T[], span: (l: T) => [number, number]): T[][] {
  const stacks: T[][] = [];
  for (const l of rules) {
    const [a, b] = span(l);
    const s = stacks.find((st) => st.some((o) => overlapMost(...span(o), a, b)));
    if (s) s.push(l);
    else stacks.push([l]);
  }
  return stacks;
}

/** Sorted positions, those within SAME_Y of the one before dropped. */
export function distinct(sorted: number[]): number[] {
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > SAME_Y) out.push(v);
  return out;
}

/** Upright text outside the ruled tables. */
export function textOutside(runs: TextRun[], frames: TableFrame[]): TextRun[] {
  return runs.filter((r) => {
    if (!r.upright || r.str.trim() === "") return false;
    const [ax, ay] = anchor(r);
    return !inFrame(frames, ax, ax, ay, ay);
  });
}

/**
 * Virtual vertical rules completing stacks of horizontal rules that form no table with the real vertical ones.
 * `frames` are the tables the real rules already form; their rules are left alone.
 */
export function virtualColumns(h: HRule[], runs: TextRun[], frames: TableFrame[], pageHeight: number): VRule[] {
  const loose = h.filter((l) => l.x1 - l.x0 > 20 && !inFrame(frames, l.x0, l.x1, l.y, l.y)).sort((a, b) => a.y - b.y);
  const text = textOutside(runs, frames);
  const out: VRule[] = [];
  for (const stack of stacked(loose, (l) => [l.x0, l.x1])) {
    const ys = distinct(stack.map((l) => l.y));
    // A single row needs to be the last on its page: a table's first row, its others carried to the next page.
    const bottom = ys[ys.length - 1] > (1 - EDGE_BAND) * pageHeight;
    if (ys.length < 3 && !bottom) continue;
    const x0 = Math.min(...stack.map((l) => l.x0));
    const x1 = Math.max(...stack.map((l) => l.x1));
    // Rows between consecutive rules, with the text anchored in them.
    const bands: Band[] = ys.slice(0, -1).map((y, i) => ({ y0: y, y1: ys[i + 1], runs: [] as TextRun[] }));
    for (const r of text) {
      const [ax, ay] = anchor(r);
      if (ax < x0 || ax > x1) continue;
      const b = bands.find((bd) => ay >= bd.y0 && ay < bd.y1);
      if (b) b.runs.push(r);
    }
    // A thin empty band between two stacks of rows is the space between two tables, not a row.
    const sizes = text.map((r) => r.size).sort((a, b) => a - b);
    const em = sizes.length ? sizes[sizes.length >> 1] : 10;
    let group: typeof bands = [];
    const groups: (typeof bands)[] = [];
    for (const b of bands) {
      // So is a band holding a ruled table, and one whose text starts at the rules' left end (lines between two
      // tables as wide as the page's text): the text of a cell keeps its padding from the cell's borders.
      const holdsTable = inFrame(frames, x0, x1, b.y0 + SAME_Y, b.y1 - SAME_Y);
      const outside = b.runs.some((r) => r.x0 <= x0 + PAD);
      if ((b.runs.length === 0 && b.y1 - b.y0 < 1.2 * em) || holdsTable || outside) {
        if (group.length) groups.push(group);
        group = [];
      } else group.push(b);
    }
    if (group.length) groups.push(group);
    // The rows after the last rule, cut by the page break before their bottom rule.
    const lastGroup = groups.at(-1);
    if (lastGroup && lastGroup.at(-1) === bands.at(-1)) {
      const cut = rowBelowBreak(lastGroup, text, x0, x1, pageHeight);
      if (cut) lastGroup.push(cut);
    }
    // A row carried alone over the page break, its top rule missing, its bottom rule right above the next table
    // (a thin empty band between them): a table of its own, open at the top, for the one before to take it.
    const first = bands[0];
    if (
      first &&
      first.runs.length === 0 &&
      first.y1 - first.y0 < 1.2 * em &&
      ys[0] < EDGE_BAND * pageHeight &&
      groups[0]?.[0] === bands[1]
    ) {
      const carried = rowAboveBreak([{ y0: ys[0], y1: ys[0], runs: [] }, ...groups[0]], text, x0, x1);
      if (carried) groups.unshift([carried]);
    }
    for (const g of groups) {
      const carried = g.length === 1 && g[0].y1 === ys[0];
      const single = bottom && g.length === 1 && g[0].y1 === ys[ys.length - 1] && textPieces(g[0].runs, x0, x1).length >= 2;
      if (!single && !carried && (g.length < 2 || g.filter((b) => b.runs.length > 0).length < 2)) continue;
      if (!carried && g[0].y0 < EDGE_BAND * pageHeight) {
        const cut = rowAboveBreak(g, text, x0, x1);
        if (cut) g.unshift(cut);
      }
      const gy0 = g[0].y0;
      const gy1 = g[g.length - 1].y1;
      // Rules of other stacks ending inside this one's rows (a part of the table ruled on its own, over
      // fewer columns) show where in a strip the text leaves free its column boundary is.
      const otherEnds = loose.filter((l) => !stack.includes(l) && l.y > gy0 + SAME_Y && l.y < gy1 - SAME_Y).flatMap((l) => [l.x0, l.x1]);
      // A row that a shorter rule splits (see below) votes as the two rows it is over that rule's stretch.
      const innerOf = (b: Band) =>
        loose.find((l) => !stack.includes(l) && l.y > b.y0 + SAME_Y && l.y < b.y1 - SAME_Y && l.x0 >= x0 - SAME_Y && l.x1 <= x1 + SAME_Y);
      const voters = g.flatMap((b) => {
        const inner = innerOf(b);
        if (!inner) return [b];
        return [b.runs.filter((r) => anchor(r)[1] < inner.y), b.runs.filter((r) => anchor(r)[1] >= inner.y)].map((runs) => ({
          ...b,
          runs,
        }));
      });
      const found = columnBoundaries(voters, x0, x1).map((c) => {
        const e = otherEnds.find((x) => x > x0 + MIN_COL && x < x1 - MIN_COL && Math.abs(x - c.x) <= c.width / 2 + TOUCH);
        return e === undefined ? c : { ...c, x: e };
      });
      const cols = withRuleEnds(found, stack, g, x0, x1);
      const perBand = bandBorders(g, cols, x0, x1);
      if (perBand.every((xs) => xs.length === 0)) continue;
      out.push({ x: x0, y0: g[0].y0, y1: g[g.length - 1].y1 }, { x: x1, y0: g[0].y0, y1: g[g.length - 1].y1 });
      g.forEach((b, k) => {
        const inner = innerOf(b);
        if (!inner) {
          for (const x of perBand[k]) out.push({ x, y0: b.y0, y1: b.y1 });
          return;
        }
        // A rule of fewer columns inside the row (a header cell over sub-columns, 指标值 over its parts): over its
        // stretch the row is two rows, each with the borders its own text leaves free (the text above the rule
        // spanning the columns the text below it separates).
        const within = (x: number) => x > inner.x0 + SAME_Y && x < inner.x1 - SAME_Y;
        for (const x of perBand[k]) if (!within(x)) out.push({ x, y0: b.y0, y1: b.y1 });
        const mine = b.runs.filter((r) => within(anchor(r)[0]));
        const halves: Band[] = [
          { y0: b.y0, y1: inner.y, runs: mine.filter((r) => anchor(r)[1] < inner.y) },
          { y0: inner.y, y1: b.y1, runs: mine.filter((r) => anchor(r)[1] >= inner.y) },
        ];
        const sub = cols.filter((c) => within(c.x));
        const halfBorders = bandBorders(halves, sub, inner.x0, inner.x1);
        halves.forEach((hb, j) => {
          for (const x of halfBorders[j]) if (within(x)) out.push({ x, y0: hb.y0, y1: hb.y1 });
        });
      });
    }
  }
  return out;
}

/** Estimated advance of a character in ems. */
const advance = (ch: string) => (isCjk(ch) ? 1 : 0.55);

/**
 * A run's words with their estimated extents. pdf.js joins the texts of neighbouring cells into one run with a
 * space for the gap ("银川市… 实施单位"): the words keep their natural widths and the spaces share the rest.
 */
export function words(r: TextRun): { p: number; q: number; em: number }[] {
  const parts = r.str.trim().split(/\s+/);
  if (parts.length < 2) return [{ p: r.x0, q: r.x1, em: r.size }];
  const widths = parts.map((w) => Array.from(w).reduce((a, ch) => a + advance(ch), 0) * r.size);
  const natural = widths.reduce((a, b) => a + b, 0);
  if (natural >= r.x1 - r.x0) return [{ p: r.x0, q: r.x1, em: r.size }];
  const space = (r.x1 - r.x0 - natural) / (parts.length - 1);
  const out: { p: number; q: number; em: number }[] = [];
  let x = r.x0;
  for (const w of widths) {
    out.push({ p: x, q: x + w, em: r.size });
    x += w + space;
  }
  return out;
}

/** The text of a row as pieces along x: words closer than half an em are one piece. */
export function textPieces(runs: TextRun[], x0: number, x1: number): { p: number; q: number }[] {
  const pieces = joinWords(runs, x0, x1);
  // A justified line stretches its spaces: the first line of a wrapped cell ("其中：财政 资" over "金") may show
  // a gap as wide as one between cells. Its next line, centred in the cell, is centred on the whole first line
  // and not on either side of the gap: the two sides are one text.
  const lines = baselineLines(runs);
  // Each line's top and texts as a whole, worked out once (asked again for every close pair of pieces).
  let lineTexts: { top: number; texts: { p: number; q: number }[] }[] | null = null;
  for (let i = 0; i + 1 < pieces.length; i++) {
    const a = pieces[i];
    const c = pieces[i + 1];
    const em = Math.min(a.em, c.em);
    if (c.p - a.q >= LOCAL_GAP_EM * em) continue;
    const mid = (a.p + c.q) / 2;
    // The line right above holds text on both sides of the gap.
    const under = (top: number) =>
      runs.some((o) => o.bottom <= top && top - o.bottom < WRAP_EM * em && o.x1 > a.p - TOUCH && o.x0 < a.q + TOUCH) &&
      runs.some((o) => o.bottom <= top && top - o.bottom < WRAP_EM * em && o.x1 > c.p - TOUCH && o.x0 < c.q + TOUCH);
    lineTexts ??= lines.map((l) => ({ top: Math.min(...l.map((r) => r.top)), texts: joinWords(l, x0, x1) }));
    const joins = lineTexts.some(({ top, texts }) => {
      // A text of the line as a whole (a left-aligned paragraph's next line begins where its first line does).
      return texts.some(
        (w) =>
          w.p > a.p + 0.5 * em &&
          w.q < c.q - 0.5 * em &&
          Math.abs(w.p - c.p) > 0.5 * em &&
          Math.abs((w.p + w.q) / 2 - mid) <= 0.15 * em &&
          Math.abs((w.p + w.q) / 2 - (a.p + a.q) / 2) > 0.5 * em &&
          Math.abs((w.p + w.q) / 2 - (c.p + c.q) / 2) > 0.5 * em &&
          under(top),
      );
    });
    if (!joins) continue;
    a.q = c.q;
    pieces.splice(i + 1, 1);
    i--;
  }
  return pieces.map(({ p, q }) => ({ p, q }));
}

/** Runs grouped into lines: those whose baselines are within about half the type size of a line's first run. */
function baselineLines(runs: TextRun[]): TextRun[][] {
  const lines: TextRun[][] = [];
  for (const r of runs) {
    const l = lines.find((x) => Math.abs(x[0].baseline - r.baseline) <= 0.45 * r.size);
    if (l) l.push(r);
    else lines.push([r]);
  }
  return lines;
}

/** Words closer than half an em joined into pieces along x. */
function joinWords(runs: TextRun[], x0: number, x1: number): { p: number; q: number; em: number }[] {
  const spans = runs
    .flatMap(words)
    .map((w) => ({ p: Math.max(w.p, x0), q: Math.min(w.q, x1), em: w.em }))
    .filter((w) => w.q > w.p)
    .sort((a, c) => a.p - c.p);
  const pieces: { p: number; q: number; em: number }[] = [];
  for (const s of spans) {
    const last = pieces.at(-1);
    if (last && s.p - last.q < GAP_EM * s.em) last.q = Math.max(last.q, s.q);
    else pieces.push({ p: s.p, q: s.q, em: s.em });
  }
  return pieces;
}

/**
 * Where a rule of the rows stops short of the table's edge (or is broken off), a cell spanning rows begins: a
 * column boundary for certain in the rows on either side of that rule, and as good as the best one found from
 * the text elsewhere. It replaces a boundary found from the text nearby.
 */
function withRuleEnds(found: Boundary[], stack: HRule[], g: Band[], x0: number, x1: number): Boundary[] {
  const ends: { x: number; rows: Set<number>; spanLeft: boolean }[] = [];
  for (const l of stack) {
    const rows = g.flatMap((b, k) => (Math.abs(b.y0 - l.y) <= SAME_Y || Math.abs(b.y1 - l.y) <= SAME_Y ? [k] : []));
    if (rows.length === 0) continue;
    for (const e of [l.x0, l.x1]) {
      if (e <= x0 + MIN_COL || e >= x1 - MIN_COL) continue;
      let end = ends.find((x) => Math.abs(x.x - e) <= SAME_Y);
      if (!end) ends.push((end = { x: e, rows: new Set(), spanLeft: e === l.x0 }));
      for (const k of rows) end.rows.add(k);
    }
  }
  if (ends.length === 0) return found;
  // A rule's end inside the strip the rows' text leaves free there is where in the strip the boundary is.
  const kept = found.filter((c) => !ends.some((e) => Math.abs(e.x - c.x) < Math.max(MIN_COL, c.width / 2 + TOUCH)));
  const top = Math.max(1, ...found.map((c) => c.votes));
  // A rule's end just outside the strip the rows' text leaves free next to it (rules guessed from the text, as
  // for a table without rulings, end where the text suggests, not on the border) is a border at that strip:
  // text of other rows crosses the end itself.
  const at = (e: { x: number }) => {
    const c = found.find((f) => Math.abs(f.x - e.x) < MIN_COL && Math.abs(f.x - e.x) > f.width / 2 + TOUCH);
    return c ? c.x : e.x;
  };
  const sure = ends.map((e) => ({ x: at(e), votes: top, width: MIN_COL, certain: e.rows, spanLeft: e.spanLeft }));
  return [...kept, ...sure].sort((a, b) => a.x - b.x);
}

/**
 * A row carried over a page break without its top rule (Chromium): lines right above the first rule of a
 * stack near the page top, as close to it as the text of the other rows is to their bottom rules, holding at
 * least two pieces of text. It becomes a row open at the top (the borders reach above the first rule).
 */
function rowAboveBreak(g: Band[], text: TextRun[], x0: number, x1: number): Band | null {
  const top = g[0].y0;
  const pads: number[] = [];
  const heads: number[] = [];
  for (const b of g) {
    if (b.runs.length === 0) continue;
    pads.push(b.y1 - Math.max(...b.runs.map((r) => r.bottom)));
    heads.push(Math.min(...b.runs.map((r) => r.top)) - b.y0);
  }
  if (pads.length < 2) return null;
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
  const pad = median(pads);
  const head = median(heads);
  const free = text.filter((r) => {
    const ax = anchor(r)[0];
    return ax >= x0 && ax <= x1 && r.bottom <= top + TOUCH;
  });
  // Lines upward from the rule, each close under the next.
  const lines = new Map<number, TextRun[]>();
  for (const r of free) {
    const key = Math.round(r.baseline);
    const l = [...lines.keys()].find((k) => Math.abs(k - r.baseline) <= 0.45 * r.size);
    if (l === undefined) lines.set(key, [r]);
    else lines.get(l)!.push(r);
  }
  const sorted = [...lines.values()].sort((a, b) => Math.max(...b.map((r) => r.bottom)) - Math.max(...a.map((r) => r.bottom)));
  const taken: TextRun[] = [];
  let edge = top;
  let gapAllowed = pad + 1.5;
  for (const l of sorted) {
    const bottom = Math.max(...l.map((r) => r.bottom));
    if (edge - bottom > gapAllowed) break;
    taken.push(...l);
    edge = Math.min(edge, ...l.map((r) => r.top));
    gapAllowed = 0.6 * Math.max(...l.map((r) => r.size));
  }
  if (taken.length === 0 || Math.abs(top - Math.max(...taken.map((r) => r.bottom)) - pad) > 1.5) return null;
  if (textPieces(taken, x0, x1).length < 2) return null;
  return { y0: edge - head, y1: top, runs: taken };
}

/**
 * Rows cut by the page break without their bottom rule (Chromium): the lines right below the last rule of a
 * stack, each close under the one before, reaching the foot of the page and holding at least two pieces of
 * text. They become one row open at the bottom (the borders reach below the last rule).
 */
function rowBelowBreak(g: Band[], text: TextRun[], x0: number, x1: number, pageHeight: number): Band | null {
  const top = g[g.length - 1].y1;
  const pads = g.filter((b) => b.runs.length > 0).map((b) => b.y1 - Math.max(...b.runs.map((r) => r.bottom)));
  if (pads.length < 2) return null;
  const pad = [...pads].sort((a, b) => a - b)[pads.length >> 1];
  const below = text
    .filter((r) => {
      const ax = anchor(r)[0];
      return ax >= x0 && ax <= x1 && r.top >= top - TOUCH;
    })
    .sort((a, b) => a.top - b.top);
  const taken: TextRun[] = [];
  let edge = top;
  for (const r of below) {
    // A gap of two lines ends the rows (text after the table, a page footer).
    if (r.top - edge > 2 * r.size) break;
    taken.push(r);
    edge = Math.max(edge, r.bottom);
  }
  if (taken.length === 0 || edge + pad < (1 - EDGE_BAND) * pageHeight) return null;
  if (textPieces(taken, x0, x1).length < 2) return null;
  return { y0: top, y1: edge + pad, runs: taken };
}

/**
 * The borders of each row. A row whose text leaves a column boundary free gets that border; within a gap
 * between two pieces of its text only the first boundary (the value next to its label, centred over the
 * columns it spans; of equal votes, one a rule shows, then the wider strip); text across a boundary merges the cells there. A wide gap of a row that no boundary
 * explains (a few rows laid out otherwise, such as the key–value rows above an indicator matrix) gets a border
 * of its own, shared with the neighbouring rows whose gaps overlap it.
 */
function bandBorders(bands: { runs: TextRun[] }[], found: Boundary[], x0: number, x1: number): number[][] {
  const cols = found.map((c) => c.x);
  const out: number[][] = bands.map(() => []);
  // Unexplained gaps, chained over consecutive rows: [lo, hi] is the strip all rows of the chain leave free.
  let open: { lo: number; hi: number; rows: number[] }[] = [];
  const chains: { lo: number; hi: number; rows: number[] }[] = [];
  bands.forEach((b, k) => {
    const pieces = textPieces(b.runs, x0, x1);
    if (pieces.length === 0) {
      out[k].push(...cols);
      chains.push(...open);
      open = [];
      return;
    }
    const first = pieces[0].p;
    const last = pieces[pieces.length - 1].q;
    // Left of the row's first text, the borders of the empty cells there; but not those inside the cell the text
    // is centred in (a boundary a few rows' ripples make in a column of wide centred texts).
    const home = centredHome(pieces[0], cols, x0, x1, Math.min(...b.runs.map((r) => r.size)));
    const sure = (x: number) => found.some((c) => c.x === x && c.certain?.has(k));
    for (const x of cols) if ((x < first - TOUCH && !(home && x > home + TOUCH && !sure(x))) || x > last + TOUCH) out[k].push(x);
    const next: typeof open = [];
    for (let i = 0; i + 1 < pieces.length; i++) {
      const lo = pieces[i].q + TOUCH;
      const hi = pieces[i + 1].p - TOUCH;
      const inGap = found
        .filter((c) => c.x >= lo && c.x <= hi)
        .sort((a, c) => c.votes - a.votes || Number(!!c.certain) - Number(!!a.certain) || c.width - a.width);
      const certain = inGap.filter((c) => c.certain?.has(k));
      const em = Math.min(...b.runs.map((r) => r.size));
      const proven = emptyBetween(pieces[i], pieces[i + 1], inGap, found, x0, x1, em, i === 0, i + 2 === pieces.length);
      out[k].push(...proven.filter((x) => !certain.some((c) => c.x === x)));
      if (certain.length) {
        // With the best of the others: the gap left by an empty cell under a label spanning rows holds both.
        // (only on the side of the spanning cell: the rule stopped short at its start, at x0, or at its end).
        const spanSide = (c: Boundary) =>
          certain.every((d) => Math.abs(d.x - c.x) >= MIN_COL) && certain.some((d) => (d.spanLeft ? c.x < d.x : c.x > d.x));
        const other = inGap.find((c) => !c.certain?.has(k) && spanSide(c));
        out[k].push(...certain.map((c) => c.x), ...(other ? [other.x] : []));
        continue;
      }
      if (inGap.length) {
        out[k].push(inGap[0].x);
        continue;
      }
      const chain = open.find((c) => Math.min(c.hi, hi) - Math.max(c.lo, lo) >= MIN_GAP);
      // A narrow gap (two texts filling their cells, only the padding between them) starts no border of its own,
      // but goes on with the strip the rows above leave free there: that strip narrowed to it.
      if (hi - lo < LOCAL_GAP_EM * em && linesAcross(b.runs, lo, hi) < 2 && !chain) continue;
      if (chain) {
        open.splice(open.indexOf(chain), 1);
        next.push({ lo: Math.max(chain.lo, lo), hi: Math.min(chain.hi, hi), rows: [...chain.rows, k] });
      } else next.push({ lo, hi, rows: [k] });
    }
    chains.push(...open);
    open = next;
  });
  chains.push(...open);
  for (const c of chains) for (const k of c.rows) out[k].push((c.lo + c.hi) / 2);
  bands.forEach((b, k) => {
    const pieces = textPieces(b.runs, x0, x1);
    // Only borders the columns do not know: where the chain meets the columns, the rows' own reading stands.
    const chain = centredChain(pieces, x0, x1, b.runs);
    const fresh = chain && chain.every((x) => cols.every((c) => Math.abs(c - x) >= MIN_COL));
    out[k] = fresh ? chain : emptyCells(pieces, out[k], found, x0, x1, b.runs, bands.length === 1);
  });
  return out;
}

/**
 * The left border of the narrowest cell between column boundaries (or the table's edges) that a text is centred
 * in, when it begins left of the text; else null.
 */
function centredHome(t: { p: number; q: number }, cols: number[], x0: number, x1: number, em: number): number | null {
  const edges = [x0, ...cols, x1];
  const mid = (t.p + t.q) / 2;
  let best: [number, number] | null = null;
  for (const lo of edges) {
    if (lo > t.p - TOUCH) continue;
    for (const hi of edges) {
      if (hi < t.q + TOUCH || Math.abs((lo + hi) / 2 - mid) > 0.25 * em) continue;
      if (!best || hi - lo < best[1] - best[0]) best = [lo, hi];
    }
  }
  return best ? best[0] : null;
}

/**
 * A row whose every text is centred in its own cell, side by side from the table's left edge to its right one:
 * each text's cell ends as far right of its middle as it begins left of it, so the borders follow one from the
 * other, from the left edge on. When that chain lands on the right edge, with every border in the gap between
 * two texts, the row's borders are settled whatever the other rows show (a row of few wide cells, such as a
 * header over the columns of two paragraphs, or key–value rows alone at the foot of a page). Null otherwise.
 */
function centredChain(pieces: { p: number; q: number }[], x0: number, x1: number, runs: TextRun[]): number[] | null {
  if (pieces.length < 2) return null;
  const em = Math.min(...runs.map((r) => r.size));
  const borders: number[] = [];
  let lo = x0;
  for (let i = 0; i < pieces.length; i++) {
    const t = pieces[i];
    if (t.p - lo < TOUCH) return null;
    const hi = t.p + t.q - lo;
    if (i + 1 < pieces.length) {
      // The border lies in the gap before the next text, each text keeping some padding from it.
      if (hi < t.q + TOUCH || hi > pieces[i + 1].p - TOUCH) return null;
      borders.push(hi);
    } else if (Math.abs(hi - x1) > 0.4 * em) return null;
    lo = hi;
  }
  return borders;
}

/**
 * How many lines of a row have text on both sides of the strip [lo, hi]. Wrapped paragraphs in two cells side
 * by side leave only the cells' padding between them, narrower than the wide gap a single line needs to show a
 * border; but the same strip left free line after line, text on both sides, is no word space (CJK has none,
 * and spaces do not line up down a paragraph): it is the border between the two cells.
 */
function linesAcross(runs: TextRun[], lo: number, hi: number): number {
  return baselineLines(runs).filter((l) => {
    const ws = l.flatMap(words);
    return ws.some((w) => w.q <= lo) && ws.some((w) => w.p >= hi);
  }).length;
}

/**
 * The boundaries of a gap between two texts that the texts' centring proves: the left text centred between the
 * boundary before it and one in the gap, the right text between one in the gap and the boundary after it (each
 * in the cell of those it could span that cellOf picks). The cells left between those two hold no text: all boundaries there
 * are drawn (a row of mostly empty cells).
 */
function emptyBetween(
  a: { p: number; q: number },
  c: { p: number; q: number },
  inGap: Boundary[],
  found: Boundary[],
  x0: number,
  x1: number,
  em: number,
  first: boolean,
  last: boolean,
): number[] {
  const edges = [x0, ...found.map((f) => f.x), x1];
  // The cell a text is centred in, of all the cells it could span: the one reaching the table's edge for the
  // row's first or last text (a value spanning the rest of the row), else the narrowest.
  const cellOf = (t: { p: number; q: number }, edge: number | null) => {
    const fits = edges
      .flatMap((lo) => edges.filter((hi) => lo <= t.p + TOUCH && hi >= t.q - TOUCH).map((hi) => [lo, hi]))
      .filter(([lo, hi]) => Math.abs((t.p + t.q) / 2 - (lo + hi) / 2) <= 0.5 * em)
      .sort((f, g) => Number(g.includes(edge!)) - Number(f.includes(edge!)) || f[1] - f[0] - (g[1] - g[0]));
    return fits.length > 0 ? fits[0] : null;
  };
  const ca = cellOf(a, first ? x0 : null);
  const cc = cellOf(c, last ? x1 : null);
  if (!ca || !cc) return [];
  const left = inGap.find((f) => f.x === ca[1]);
  const right = inGap.find((f) => f.x === cc[0]);
  if (!left || !right || left.x >= right.x) return [];
  return inGap.filter((f) => f.x >= left.x && f.x <= right.x).map((f) => f.x);
}

/**
 * In a row of centred cells, text in the last cell centred well left of the cell's middle was centred in a
 * narrower cell followed by an empty one (a label whose value was left blank): the border between them is
 * where the text's cell, mirrored about the text, ends. Likewise inside the row, but only across a gap that
 * holds a single column boundary, found from this row alone (where it holds several, the cells left by the one
 * drawn are wider than the texts' own; where other rows agree on it, it is a column of theirs).
 */
function emptyCells(
  pieces: { p: number; q: number }[],
  borders: number[],
  found: Boundary[],
  x0: number,
  x1: number,
  runs: TextRun[],
  lone = false,
): number[] {
  if (pieces.length === 0) return borders;
  const em = Math.min(...runs.map((r) => r.size));
  const centredIn = (t: { p: number; q: number }, lo: number, hi: number) =>
    hi - lo - (t.q - t.p) >= 2 * em && Math.abs((t.p + t.q) / 2 - (lo + hi) / 2) <= 0.5 * em;
  // Text centred over the rest of the row (a value spanning the columns to the table's edge): the columns
  // other rows have there do not cut it.
  const first = pieces[0];
  const lastPiece = pieces[pieces.length - 1];
  // Centred from the nearest border before it, or failing that from one further left with no text between
  // (the cell begins after a label's column spanning rows, the borders between it and the text left empty).
  const before = pieces.length > 1 ? pieces[pieces.length - 2].q : x0;
  const los = [x0, ...borders].filter((e) => e <= lastPiece.p + TOUCH && e >= before - TOUCH).sort((a, b) => b - a);
  const loLast = los.find((lo) => centredIn(lastPiece, lo, x1));
  if (loLast !== undefined) borders = borders.filter((e) => e <= loLast + TOUCH || (e > lastPiece.p + TOUCH && e <= lastPiece.q + TOUCH));
  const hiFirst = Math.min(x1, ...borders.filter((e) => e >= first.q - TOUCH));
  if (centredIn(first, x0, hiFirst)) borders = borders.filter((e) => e >= first.p - TOUCH);
  if (pieces.length < 2) return borders;
  const edges = [x0, ...borders, x1].sort((a, b) => a - b);
  const cells = pieces.map((t) => ({
    lo: Math.max(...edges.filter((e) => e <= t.p + TOUCH)),
    hi: Math.min(...edges.filter((e) => e >= t.q - TOUCH)),
  }));
  const alone = (i: number) => pieces.filter((_, j) => cells[j].lo === cells[i].lo && cells[j].hi === cells[i].hi).length === 1;
  const centred = (i: number) => alone(i) && centredIn(pieces[i], cells[i].lo, cells[i].hi);
  if (!pieces.some((_, j) => centred(j))) return borders;
  const out = [...borders];
  const last = pieces.length - 1;
  const t = pieces[last];
  const { lo, hi } = cells[last];
  // The row's last cell, its text off-centre and hugging neither border: centred in [lo, end].
  if (hi === x1 && alone(last) && !centred(last) && t.p - lo >= em && hi - t.q >= em) {
    const end = t.p + t.q - lo;
    if (hi - end >= 2 * em) out.push(end);
  }
  // Likewise the first cell of a row standing alone (carried over the page break, its label column left on the
  // page before), its text far from the table's left edge and not centred there: centred in [start, hi] after an
  // empty cell. (In a table of several rows, the other rows show the first column.)
  const f = pieces[0];
  if (lone && last > 0 && cells[0].lo === x0 && alone(0) && !centred(0) && f.p - x0 >= 2 * em) {
    const start = f.p - (cells[0].hi - f.q);
    if (start - x0 >= 2 * em) out.push(start);
  }
  // Between two texts whose gap holds one column boundary and no other: the left text's cell mirrored from its
  // left border, the right one's from its right border; a wide strip left between them is an empty cell.
  for (let i = 0; i < last; i++) {
    const a = pieces[i];
    const c = pieces[i + 1];
    const inGap = found.filter((f) => f.x > a.q && f.x < c.p);
    // A boundary other rows agree on is a column of theirs; only a gap of this row's own is looked into.
    if (inGap.length !== 1 || inGap[0].certain || inGap[0].votes > 1 || !alone(i) || !alone(i + 1)) continue;
    if (!pieces.some((_, j) => j !== i && j !== i + 1 && centred(j))) continue;
    const b = cells[i].hi;
    if (b !== cells[i + 1].lo || !out.includes(b)) continue;
    const right = a.q + Math.max(a.p - cells[i].lo, TOUCH);
    const left = c.p - Math.max(cells[i + 1].hi - c.q, TOUCH);
    if (left - right < 2 * em) continue;
    out.splice(out.indexOf(b), 1, right, left);
  }
  return out;
}

/**
 * A plateau [i, j] inside a band's gap too short to hold a row between two boundaries, where more bands agree
 * elsewhere in that gap: one boundary is there, this is a ripple (a label starting close to it beside).
 */
function ripple(support: Int32Array, gaps: [number, number][][], i: number, j: number, em: number): boolean {
  const v = support[i];
  return gaps.some((own) =>
    own.some(([a, c]) => a <= i && c >= j && (c - a) * STEP < 2 * em && support.subarray(a, c + 1).some((x) => x > v)),
  );
}

/**
 * A plateau [i, j] of the votes standing out from the nearest valleys on its sides, against the votes of the
 * bands not empty all the way between those valleys: a row boundary beside rows whose other columns are empty
 * (a row of a few key cells above the rows of a matrix beside it).
 */
function localPeak(support: Int32Array, gaps: [number, number][][], i: number, j: number): boolean {
  const v = support[i];
  let l = i - 1;
  while (l > 0 && support[l - 1] <= support[l]) l--;
  let r = j + 1;
  while (r < support.length - 1 && support[r + 1] <= support[r]) r++;
  const through = gaps.filter((own) => own.some(([a, c]) => a <= l && c >= r)).length;
  return v - Math.max(support[l], support[r]) >= Math.max(1, PROMINENCE * (v - through));
}

/**
 * Column boundaries inside [x0, x1] from the text of the rows: strips that rows leave empty between two pieces
 * of their text (a gap of at least half an em; a word space is narrower). Each row votes for its gaps; a
 * boundary is the middle of a strip more rows agree on than on its surroundings. A row whose text crosses a
 * boundary (a value spanning several columns) neither votes for it nor stops it. `throughVotes` false: a band
 * leaving the whole stretch around a strip empty does not raise the bar (empty columns beside rows of text),
 * and a band is empty before its first text and after its last.
 */
export function columnBoundaries(bands: { runs: TextRun[] }[], x0: number, x1: number, throughVotes = true): Boundary[] {
  const n = Math.max(1, Math.ceil((x1 - x0) / STEP));
  const support = new Int32Array(n + 1);
  /** Each band's gaps, as sample ranges. */
  const gaps: [number, number][][] = [];
  for (const b of bands) {
    const pieces = textPieces(b.runs, x0, x1);
    const own: [number, number][] = [];
    // Without throughVotes, the stretches before a band's first text and after its last are empty too.
    const ends = throughVotes
      ? []
      : [
          { p: x0, q: x0 - TOUCH },
          { p: x1 + TOUCH, q: x1 },
        ];
    const bounded = throughVotes ? pieces : [ends[0], ...pieces, ends[1]];
    for (let k = 0; k + 1 < bounded.length; k++) {
      const a = Math.ceil((bounded[k].q + TOUCH - x0) / STEP);
      const c = Math.floor((bounded[k + 1].p - TOUCH - x0) / STEP);
      for (let i = a; i <= c; i++) support[i] += 1;
      own.push([a, c]);
    }
    gaps.push(own);
  }
  const sizes = bands.flatMap((b) => b.runs.map((r) => r.size)).sort((a, b) => a - b);
  const em = sizes.length ? sizes[sizes.length >> 1] : 10;
  // Peaks of the votes: plateaus at least MIN_GAP wide, higher than their surroundings.
  const out: Boundary[] = [];
  let i = 0;
  while (i <= n) {
    let j = i;
    while (j + 1 <= n && support[j + 1] === support[i]) j++;
    const v = support[i];
    const leftLower = i === 0 || support[i - 1] < v;
    const rightLower = j === n || support[j + 1] < v;
    if (v >= 1 && leftLower && rightLower && (j - i) * STEP >= MIN_GAP && i > 0 && j < n) {
      // Prominence: how far the votes fall on either side before they rise above this peak again. Short
      // centred texts in a wide column leave ripples of gaps there, not a valley between two columns.
      let lmin = v;
      for (let k = i - 1; k >= 0 && support[k] <= v; k--) lmin = Math.min(lmin, support[k]);
      let rmin = v;
      for (let k = j + 1; k <= n && support[k] <= v; k++) rmin = Math.min(rmin, support[k]);
      // Without throughVotes, votes the valleys on both sides share (bands empty all along) count for neither.
      const base = throughVotes ? v : v - Math.min(lmin, rmin);
      const stands = v - Math.max(lmin, rmin) >= Math.max(1, PROMINENCE * base);
      if (throughVotes ? stands : (stands || localPeak(support, gaps, i, j)) && !ripple(support, gaps, i, j, em))
        out.push({ x: x0 + ((i + j) / 2) * STEP, votes: v, width: (j - i) * STEP });
    }
    i = j + 1;
  }
  // Two peaks closer than the narrowest column are one strip with a dip in it (one row's text reaching into
  // it): the stronger, or of equal ones the whole strip from the one's left end to the other's right end.
  const merged: Boundary[] = [];
  for (const c of out) {
    const prev = merged.at(-1);
    if (!prev || c.x - prev.x >= MIN_COL) {
      merged.push(c);
      continue;
    }
    if (c.votes > prev.votes) merged[merged.length - 1] = c;
    else if (c.votes === prev.votes) {
      const lo = prev.x - prev.width / 2;
      const hi = c.x + c.width / 2;
      merged[merged.length - 1] = { x: (lo + hi) / 2, votes: c.votes, width: hi - lo };
    }
  }
  // A strip a handful of rows agree on, where many rows agree on others, is theirs alone (rows laid out
  // otherwise, such as the key–value rows above a matrix): left to those rows' own gaps.
  const most = Math.max(0, ...merged.map((c) => c.votes));
  return merged.filter((c) => c.votes >= WEAK * most);
}

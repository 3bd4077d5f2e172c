/**
 * Tables drawn without ruling lines (none at all, or only the outer frame): the row boundaries a ruled table
 * would have, as virtual horizontal rules. The partial-rulings path (virtual-rules.ts) then reads the columns
 * from the text between them and the lattice finder builds the grid, so borderless tables get the same column
 * finding, merged cells and cell text as tables drawn with horizontal rules only.
 *
 * In the spirit of pdfplumber's and Camelot's stream modes, from the text alone:
 * - the table's extent: a frame bounds it; without one, a run of lines holding several pieces of text (cells
 *   apart by a wide gap), with the lines between them close and in the same type size (the title, unit line
 *   and notes around a table are single pieces, larger or further apart); a gap well over the one between its
 *   rows ends it (tables stacked one under the other);
 * - cells: the pieces of text of each line, a piece joined to the one right above it when only the leading of
 *   a paragraph parts them (a wrapped cell);
 * - rows: where the text of one row ends and the next begins, a strip that every cell leaves free, or all but
 *   cells spanning rows (a label centred beside several rows crosses it) when no fewer cells end right above
 *   it with a cell beginning right under them in the same column (cells crossing it left of all those are
 *   labels grouping the rows, and do not count where two columns or more show the rows);
 * - a cell centred beside empty cells above and below it in its column, with text right of it in each of those
 *   rows (a label spanning rows whose middle row holds its line), spans them: the rules between those rows stop
 *   short of its column. Labels nest: one neither begins nor ends inside the rows of a cell right of it, nor
 *   spans rows beside a cell left of it that cannot (the keys of key–value rows);
 * - a table cut by the page break (it runs into the page's foot with nothing close under it) prints the text of a
 *   cell crossing the break at the top of its part, not centred on it: a cell starting with its row's text, with
 *   empty cells under it down to the break beside rows laid out like its own, spans them;
 * - the outer edges: the frame, or the text's extent with its padding, at the page's text margins when the
 *   table reaches them.
 * The virtual rules are only the rows; where the text does not settle a question (a blank cell under a centred
 * value could be a cell of its own or the value spanning it), the table stays as the text shows it.
 */
import { columnBoundaries, words } from "./virtual-rules.ts";
import { groupLines } from "./text-lines.ts";
import type { Box, HRule, TextRun, VRule } from "./types.ts";

/** A gap this many ems wide parts two cells of a line (a word space is far narrower). */
const PIECE_GAP_EM = 0.6;
/** Lines closer than this many ems (text box to text box) are the lines of one wrapped cell. */
const WRAP_GAP_EM = 0.75;
/** Lines of a table are closer than this many ems; a wider gap ends it. */
const BLOCK_GAP_EM = 2.2;
/** Type sizes within this share are the table's. */
const SIZE_SLACK = 0.15;
/** A table needs this many lines with several pieces of text. */
const MIN_MULTI = 2;
/** Share of the page height at its foot where a table may be cut by the page break. */
const FOOT_BAND = 0.2;
/** Rules (points) this close are the same position. */
const SAME = 3;

interface Piece {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  /** Index of the line in the region. */
  line: number;
}

/** A cell's text as found: one piece, or several wrapped lines. */
interface Block {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  last: Piece;
}

interface Line {
  runs: TextRun[];
  pieces: Piece[];
  top: number;
  bottom: number;
  x0: number;
  size: number;
}

function piecesOf(runs: TextRun[], line: number): Piece[] {
  const out: Piece[] = [];
  // Runs joining neighbouring cells split at their spaces, as for the partial-rulings path.
  const spans = runs.flatMap((r) => words(r).map((w) => ({ x0: w.p, x1: w.q, r }))).sort((a, b) => a.x0 - b.x0);
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.x0 - last.x1 < PIECE_GAP_EM * Math.min(s.r.size, last.size)) {
      last.x1 = Math.max(last.x1, s.x1);
      last.top = Math.min(last.top, s.r.top);
      last.bottom = Math.max(last.bottom, s.r.bottom);
    } else out.push({ x0: s.x0, x1: s.x1, top: s.r.top, bottom: s.r.bottom, size: s.r.size, line });
  }
  return out;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];

/**
 * A rectangle drawn around a table: two vertical rules of the same height, a horizontal one joining them (a
 * table cut by a page break leaves a frame open there; the piece carried over may be a single short row).
 */
function frameBoxes(h: HRule[], v: VRule[]): Box[] {
  const out: Box[] = [];
  for (const l of v) {
    for (const r of v) {
      if (r.x - l.x < 40 || Math.abs(r.y0 - l.y0) > SAME || Math.abs(r.y1 - l.y1) > SAME || l.y1 - l.y0 < 8) continue;
      const joins = (y: number) => h.some((e) => Math.abs(e.y - y) <= SAME && e.x0 <= l.x + SAME && e.x1 >= r.x - SAME);
      if (!joins(l.y0) && !joins(l.y1)) continue;
      out.push({ x0: l.x, y0: Math.min(l.y0, r.y0), x1: r.x, y1: Math.max(l.y1, r.y1) });
    }
  }
  return out;
}

/** Rules that are a frame's edges. */
function onBox(b: Box, l: HRule | VRule): boolean {
  if ("y" in l) return (Math.abs(l.y - b.y0) <= SAME || Math.abs(l.y - b.y1) <= SAME) && l.x0 >= b.x0 - SAME && l.x1 <= b.x1 + SAME;
  return (Math.abs(l.x - b.x0) <= SAME || Math.abs(l.x - b.x1) <= SAME) && l.y0 >= b.y0 - SAME && l.y1 <= b.y1 + SAME;
}

/**
 * Virtual horizontal rules for the borderless tables of a page, one list per table (or none). Only pages whose
 * rules are nothing but frames are looked at: a page with other rules is the partial-rulings path's.
 */
export function borderlessRules(runs: TextRun[], h: HRule[], v: VRule[], pageWidth = 0, pageHeight = 0): HRule[][] {
  const boxes = frameBoxes(h, v);
  if (h.some((l) => !boxes.some((b) => onBox(b, l))) || v.some((l) => !boxes.some((b) => onBox(b, l)))) return [];
  const upright = runs.filter((r) => r.upright && r.str.trim() !== "");
  const inBox = (r: TextRun, b: Box) => {
    const cy = (r.top + r.bottom) / 2;
    return r.x0 >= b.x0 - 1 && r.x1 <= b.x1 + 1 && cy >= b.y0 && cy <= b.y1;
  };
  const out: HRule[][] = [];
  // A table's first row alone at the foot of its page, the rest carried over to the next: one line of several
  // pieces, the last text of the page, low on it.
  const atFoot = (l: Line) => pageHeight > 0 && l.bottom > (1 - FOOT_BAND) * pageHeight && !upright.some((r) => r.top > l.bottom);
  for (const b of boxes) {
    const lines = linesOf(upright.filter((r) => inBox(r, b)));
    const multi = lines.filter((l) => l.pieces.length >= 2);
    const footRow = multi.length === 1 && lines.length === 1 && atFoot(lines[0]);
    if (multi.length < MIN_MULTI && !footRow) continue;
    // A frame reaching into the page's foot band with no text close under it is left open by the page break.
    const cut =
      pageHeight > 0 &&
      b.y1 > (1 - FOOT_BAND) * pageHeight &&
      upright.every((r) => r.top <= b.y1 || r.top - b.y1 > BLOCK_GAP_EM * (r.bottom - r.top));
    out.push(tableRules(lines, b, null, footRow, cut));
  }
  const free = upright.filter((r) => !boxes.some((b) => inBox(r, b)));
  const left = Math.min(...upright.map((r) => r.x0));
  const margins: [number, number] | null = pageWidth > 0 && upright.length > 0 ? [left, pageWidth - left] : null;
  const freeLines = linesOf(free);
  const found = regions(freeLines);
  // The rest of a row cut by the page break, above the table at the head of the next page: the lines of a cell
  // (wrapped, one piece each) in one of the table's columns, the first text of the page, as close to the table as
  // its rows. A title or unit line there is wider than any column, or set in another size, or off the columns.
  const head = found[0];
  if (head && pageHeight > 0) {
    const k = freeLines.indexOf(head[0]);
    const above = freeLines.slice(0, k);
    const size = head[0].size;
    const cells = head.flatMap((l) => l.pieces);
    const inColumn = (l: Line) => cells.some((q) => l.pieces[0].x0 >= q.x0 - size && l.pieces[0].x1 <= q.x1 + size);
    const stacked = above.every((l, j) => j === 0 || l.top - above[j - 1].bottom < WRAP_GAP_EM * size);
    if (
      above.length > 0 &&
      above[0].top < FOOT_BAND * pageHeight &&
      stacked &&
      head[0].top - above[above.length - 1].bottom <= 1.5 * size &&
      above.every((l) => l.pieces.length === 1 && Math.abs(l.size - size) <= SIZE_SLACK * size && inColumn(l))
    ) {
      head.unshift(...above);
    }
  }
  // A table running into the page's foot band with nothing after it but lines set apart (a page footer) is cut
  // by the page break.
  const cutAtFoot = (region: Line[]) => {
    const end = region[region.length - 1];
    if (pageHeight <= 0 || end.bottom <= (1 - FOOT_BAND) * pageHeight) return false;
    const after = freeLines.slice(freeLines.indexOf(end) + 1);
    return after.every((l) => l.pieces.length === 1 && l.top - end.bottom > BLOCK_GAP_EM * l.size);
  };
  for (const region of found) out.push(tableRules(region, null, margins, false, cutAtFoot(region)));
  // Without a frame, the row also follows the text above it as closely as a table's rows do (a page footer such
  // as 第3页 共6页 sits apart in the margin).
  const last = freeLines.at(-1);
  const before = freeLines.at(-2);
  if (
    last &&
    before &&
    last.pieces.length >= 2 &&
    atFoot(last) &&
    !found.some((r) => r.includes(last)) &&
    last.top - before.bottom <= BLOCK_GAP_EM * last.size
  ) {
    out.push(tableRules([last], null, margins, true));
  }
  return out.filter((rules) => rules.length > 0);
}

function linesOf(runs: TextRun[]): Line[] {
  return groupLines(runs).map((l, i) => ({
    runs: l.runs,
    pieces: piecesOf(l.runs, i),
    top: l.top,
    bottom: l.bottom,
    x0: l.x0,
    size: median(l.runs.map((r) => r.size)),
  }));
}

/** Runs of lines that look like a table (see the header). */
function regions(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  const gap = (j: number) => lines[j].top - lines[j - 1].bottom;
  let i = 0;
  while (i < lines.length) {
    if (lines[i].pieces.length < 2) {
      i++;
      continue;
    }
    const size = lines[i].size;
    let j = i + 1;
    while (j < lines.length && gap(j) <= BLOCK_GAP_EM * size && Math.abs(lines[j].size - size) <= SIZE_SLACK * size) j++;
    // Lines right above the first: the first lines of its wrapped cells.
    let start = i;
    while (
      start > 0 &&
      gap(start) < WRAP_GAP_EM * size &&
      Math.abs(lines[start - 1].size - size) <= SIZE_SLACK * size &&
      !out.some((r) => r.includes(lines[start - 1]))
    )
      start--;
    // Tables stacked one under the other, or a note under a table: a gap well over the one between rows (gaps
    // over the leading of wrapped lines).
    const rowGaps: number[] = [];
    for (let k = start + 1; k < j; k++) if (gap(k) >= 0.45 * size) rowGaps.push(gap(k));
    const typical = rowGaps.length ? median(rowGaps) : WRAP_GAP_EM * size;
    const limit = Math.max(1.5 * typical, typical + 0.5 * size);
    let from = start;
    for (let k = start + 1; k <= j; k++) {
      if (k < j && gap(k) <= limit) continue;
      // Not where the gap is at most twice the rows' and the text on both sides lines up in the same columns: one
      // table whose rows are set apart more there (single lines centred in a row made tall by a wrapped cell, a
      // label centred on the rows it spans). A wider gap parts tables even on one grid.
      if (k < j && gap(k) <= 2 * typical && oneTable(lines.slice(Math.max(from, k - 3), k), lines.slice(k, j))) continue;
      let part = tableStart(lines.slice(from, k), size);
      // A part starting with lines of one piece set apart from the rest (a caption, a unit line) starts after them.
      while (part.length > 1 && part[0].pieces.length < 2 && part[1].top - part[0].bottom >= WRAP_GAP_EM * size) part = part.slice(1);
      if (part.filter((l) => l.pieces.length >= 2).length >= MIN_MULTI) out.push(part);
      from = k;
    }
    i = j;
  }
  return out;
}

/** Piece edges this close (ems) line up: cells of one column are set by one layout, to a fraction of a point. */
const ALIGN_EM = 0.1;

/**
 * Whether a line's text lines up with another line's: a piece starts, ends or is centred where a piece of the
 * other line does (cells of one column, left-aligned or centred). Pieces starting at the same place say nothing
 * more when they are the lines' first (the lines of a paragraph all start at its indent, and two fields of about
 * the same length then also end alike); a first piece counts by its middle or end only where it starts elsewhere
 * (labels of different lengths centred in one column).
 */
function linesUp(l: Line, o: Line): boolean {
  const tol = ALIGN_EM * l.size;
  const near = (a: number, b: number) => Math.abs(a - b) <= tol;
  return l.pieces.some((p, k) =>
    o.pieces.some((q, j) => {
      const mids = near((p.x0 + p.x1) / 2, (q.x0 + q.x1) / 2) || near(p.x1, q.x1);
      if (k === 0 || j === 0) return near(p.x0, q.x0) ? near(p.x1, q.x1) : mids;
      return near(p.x0, q.x0) || mids;
    }),
  );
}

/**
 * The text on both sides of a gap in the same columns: the first two lines of several pieces after it each line
 * up with one of the lines right before it (one such line could line up by chance).
 */
function oneTable(before: Line[], after: Line[]): boolean {
  const next = after.filter((l) => l.pieces.length >= 2).slice(0, 2);
  return next.length === 2 && next.every((l) => before.some((o) => linesUp(l, o)));
}

/**
 * A run of lines without its leading paragraph lines: fields printed as text above a table (`预算数：326.00万元
 * 其中：财政资金：…`, the fields apart by wide spaces) have several pieces on a line, but none of them lines up
 * with another line's text, as a table's cells do in their columns. Such lines (and the lines of one piece before
 * them) stay outside, as the title does; the table starts at its first line that lines up, with the lines right
 * above it that are the first lines of its wrapped cells. A run in which no line lines up is no table.
 */
function tableStart(part: Line[], size: number): Line[] {
  const multi = part.filter((l) => l.pieces.length >= 2);
  const need = multi.length > 3 ? 2 : 1;
  const first = part.findIndex((l) => l.pieces.length >= 2 && part.filter((o) => o !== l && linesUp(l, o)).length >= need);
  if (first < 0) return [];
  let start = first;
  while (start > 0 && part[start].top - part[start - 1].bottom < WRAP_GAP_EM * size && part[start - 1].pieces.length < 2) start--;
  return part.slice(start);
}

/**
 * The widest gap (in ems) between the lines of one cell: the leading, well under the gap between rows. Cells
 * padded as a browser pads them put rows about an em apart; a word processor's tight cells, under three
 * quarters of an em. The rows' gap is a common gap between text stacked in a column, wider than leading.
 */
function wrapGapOf(lines: Line[]): number {
  const pieces = lines.flatMap((l) => l.pieces);
  const gaps: number[] = [];
  // Gaps under the least a row's can be: the leading of the wrapped lines seen.
  let leading = -Infinity;
  for (const p of pieces) {
    let best = Infinity;
    for (const q of pieces) {
      if (q.line <= p.line || q.x0 >= p.x1 || q.x1 <= p.x0) continue;
      best = Math.min(best, q.top - p.bottom);
    }
    if (best < Infinity && best >= 0.45 * p.size) gaps.push(best / p.size);
    else if (best >= 0 && best < Infinity) leading = Math.max(leading, best / p.size);
  }
  // The rows' gap: a low quantile (labels spanning rows leave wider gaps in their columns).
  gaps.sort((a, b) => a - b);
  const wrap = gaps.length >= 3 ? Math.min(WRAP_GAP_EM, 0.8 * gaps[Math.floor(gaps.length / 4)]) : WRAP_GAP_EM;
  // A word processor pads cells so little that the rows of a wrapped cell part from the next by not much more
  // than a line's leading plus that padding, under the common gap of one-line rows (set by the rows' least
  // height): where the cells' own leading shows, the least gap between stacked text over it is a row's, and the
  // lines of a cell are those closer than halfway between the two.
  return leading > -Infinity && gaps.length >= 3 ? Math.min(wrap, (leading + gaps[0]) / 2) : wrap;
}

/** The wrapped lines of a cell joined: a piece right under another, overlapping it, with only leading between. */
function blocksOf(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  const wrapGap = wrapGapOf(lines);
  for (const l of lines) {
    for (const p of l.pieces) {
      const above = blocks.filter((b) => b.last.line < p.line && b.last.x1 > p.x0 && b.last.x0 < p.x1);
      // The nearest block above over this piece; the piece joins it if only leading parts them.
      const b = above.sort((a, c) => c.bottom - a.bottom)[0];
      if (b && p.top - b.bottom < wrapGap * Math.min(p.size, b.size) && p.top - b.bottom > -0.3 * p.size) {
        b.x0 = Math.min(b.x0, p.x0);
        b.x1 = Math.max(b.x1, p.x1);
        b.bottom = Math.max(b.bottom, p.bottom);
        b.last = p;
      } else blocks.push({ x0: p.x0, x1: p.x1, top: p.top, bottom: p.bottom, size: p.size, last: p });
    }
  }
  return blocks;
}

interface Cut {
  y: number;
  /** Blocks crossing it (cells spanning the rows on both sides). */
  crossing: Block[];
  height: number;
}

/** Row boundaries: strips where cells end above and others begin below (see the header). */
function rowCuts(blocks: Block[]): Cut[] {
  const eps = 0.2;
  const em = median(blocks.map((b) => b.size));
  const events = [...new Set(blocks.flatMap((b) => [b.top, b.bottom]))].sort((a, b) => a - b);
  const cuts: Cut[] = [];
  // Cells found spanning a row boundary: where they end is no row boundary of its own (a label centred between
  // two rows ends inside the second one).
  const spanning = new Set<Block>();
  const ends = (y: number) => blocks.some((b) => Math.abs(b.bottom - y) <= eps && !spanning.has(b));
  const endsAny = (y: number) => blocks.some((b) => Math.abs(b.bottom - y) <= eps);
  const starts = (y: number) => blocks.some((b) => Math.abs(b.top - y) <= eps);
  for (let k = 0; k + 1 < events.length; k++) {
    // Where text stops ending and starts beginning; the strip reaches up over the ends right above it and
    // down over the beginnings right below it (a label ending or beginning there does not split it).
    if (!starts(events[k + 1]) || events[k + 1] - events[k] < 0.5) continue;
    // The last end may be a spanning cell's (a label over several rows ends under the last row's own text).
    if (!ends(events[k]) && !(endsAny(events[k]) && !starts(events[k]))) continue;
    let lo = k;
    while (lo > 0 && endsAny(events[lo - 1]) && !starts(events[lo - 1])) lo--;
    if (!events.slice(lo, k + 1).some(ends)) continue;
    let hi = k + 1;
    while (hi + 1 < events.length && starts(events[hi + 1]) && !ends(events[hi + 1])) hi++;
    const y = (events[k] + events[k + 1]) / 2;
    const crossing = blocks.filter((b) => b.top < y && b.bottom > y);
    // A strip no text crosses parts two rows. One that cells cross needs cells ending above it with cells
    // beginning right under them in the same column, at least as many as cross it (counting edges near the
    // strip: a row's cells do not all end at the same height): text ending in one column and beginning in
    // another (a label centred between two rows, next to a row's single lines) proves nothing.
    const above = blocks.filter((b) => b.bottom <= y && b.bottom >= events[lo] - em && !spanning.has(b));
    const below = blocks.filter((b) => b.top >= y && b.top <= events[hi] + em);
    if (above.length === 0 || below.length === 0) continue;
    const pairs = above.filter((a) => below.some((b) => b.x0 < a.x1 && b.x1 > a.x0));
    const stacked = pairs.length;
    // Cells crossing it left of all the stacked ones are labels spanning rows beside them (labels nest: the
    // rows a label groups are right of it), when at least two columns show rows ending and beginning there.
    const firstStacked = Math.min(...pairs.map((a) => a.x0));
    const against = stacked >= 2 ? crossing.filter((b) => b.x1 > firstStacked) : crossing;
    if (crossing.length > 0 && against.length > stacked) continue;
    // A cell reaching over all the text of the row above (or below), centred on that row rather than on the
    // boundary and clear of all other text, is that row's tallest cell, its single lines centred beside it: no
    // boundary there.
    const mid = (b: Block) => (b.top + b.bottom) / 2;
    const topAbove = Math.min(...above.map((b) => b.top));
    const bottomBelow = Math.max(...below.map((b) => b.bottom));
    const midAbove = median(above.map(mid));
    const midBelow = median(below.map(mid));
    // (Text boxes of neighbouring lines may touch: an overlap counts from a third of a line.)
    const overlaps = (b: Block, bs: Block[]) => bs.some((o) => Math.min(o.bottom, b.bottom) - Math.max(o.top, b.top) > 0.3 * em);
    const others = (b: Block, row: Block[]) => blocks.filter((o) => o !== b && !row.includes(o) && !crossing.includes(o));
    const ownRow = (b: Block) =>
      (b.top <= topAbove + eps && Math.abs(mid(b) - midAbove) <= Math.abs(mid(b) - y) && !overlaps(b, others(b, above))) ||
      (b.bottom >= bottomBelow - eps && Math.abs(mid(b) - midBelow) <= Math.abs(mid(b) - y) && !overlaps(b, others(b, below)));
    if (crossing.some(ownRow)) continue;
    for (const b of crossing) spanning.add(b);
    cuts.push({ y, crossing, height: events[k + 1] - events[k] });
  }
  return cuts;
}

/** The virtual rules of one table: its lines, and its frame if it has one. */
function tableRules(lines: Line[], frame: Box | null, margins: [number, number] | null, oneRow = false, cutAtFoot = false): HRule[] {
  const blocks = blocksOf(lines);
  if (blocks.length < (oneRow ? 2 : 4)) return [];
  const cuts = oneRow ? [] : rowCuts(blocks);
  if (cuts.length === 0 && !oneRow) return [];
  const em = median(blocks.map((b) => b.size));
  // Outer edges: the frame, or the text's extent with the padding seen between rows.
  const pad = cuts.length ? Math.min(0.6 * em, Math.max(1.5, median(cuts.map((c) => c.height)) / 2)) : 0.6 * em;
  const textTop = Math.min(...blocks.map((b) => b.top));
  const textBottom = Math.max(...blocks.map((b) => b.bottom));
  const textX0 = Math.min(...blocks.map((b) => b.x0));
  const textX1 = Math.max(...blocks.map((b) => b.x1));
  const y0 = frame ? frame.y0 : textTop - pad;
  const y1 = frame ? frame.y1 : textBottom + pad;
  let x0 = frame ? frame.x0 : textX0 - Math.max(2, pad);
  let x1 = frame ? frame.x1 : textX1 + Math.max(2, pad);
  // A table reaching (almost) to the page's text margins is as wide as the text column, its cells padded inside
  // it: the margins are its edges (the page's left margin where its lines start, the right one mirrored).
  // A table whose left edge is at the margin and whose text reaches past the page's middle fills the text
  // column: its right edge is the mirrored margin, however short the texts of its last column.
  if (!frame && margins) {
    const [left, right] = margins;
    const atLeft = left < x0 && x0 - left <= 2 * em;
    if (atLeft) x0 = left;
    if (right > x1 && (right - x1 <= 2 * em || (atLeft && textX1 > (left + right) / 2))) x1 = right;
  }
  const ys = [y0, ...cuts.map((c) => c.y), y1];
  const nRows = ys.length - 1;
  // Blocks by row (a block crossing cuts is in every row it touches).
  // rowsOf depends on the block alone once the rows are known: worked out once per block (the nesting checks below
  // ask it for every block again and again).
  const rowsMemo = new Map<Block, number[]>();
  const rowsOf = (b: Block) => {
    let rs = rowsMemo.get(b);
    if (rs) return rs;
    rs = [];
    for (let r = 0; r < nRows; r++) if (b.top < ys[r + 1] && b.bottom > ys[r]) rs.push(r);
    rowsMemo.set(b, rs);
    return rs;
  };
  const bands = rowBands(
    lines.flatMap((l) => l.runs),
    ys,
  );
  const cols = columnBoundaries(bands, x0, x1).map((c) => c.x);
  // The column(s) of every cell: between the column boundaries around it; where text lies whole between such a
  // boundary and the cell, apart from it (a column too few rows show to be found), halfway to that text.
  const ranges = cellColumns(blocks, cols, x0, x1, em);
  const colRange = (b: Block): [number, number] => ranges.get(b)!;
  // spans[k]: x ranges where the rule under row k is not drawn.
  const open: [number, number][][] = cuts.map((c) => c.crossing.map(colRange));
  // A cell with empty cells above and below it in its column, centred on them: spans them.
  const claimed: [number, number, number][] = []; // row, x0, x1
  const occupied = (r: number, a: number, c: number, self: Block) =>
    blocks.some((o) => o !== self && o.x1 > a + 0.5 && o.x0 < c - 0.5 && o.top < ys[r + 1] && o.bottom > ys[r]) ||
    claimed.some(([cr, ca, cc]) => cr === r && cc > a + 0.5 && ca < c - 0.5);
  const heights = ys.slice(1).map((y, r) => y - ys[r]);
  const tol = Math.min(0.3 * median(heights), 0.5 * em);
  // Rows spanned by cells, known so far: labels nest, so the cells right of a label are settled first (from the
  // right), and a label's rows neither begin nor end inside the rows of a cell right of it.
  const spans: { a: number; s: number; e: number }[] = [];
  for (const b of blocks) {
    const rs = rowsOf(b);
    if (rs.length > 1) spans.push({ a: colRange(b)[0], s: rs[0], e: rs[rs.length - 1] });
  }
  const nests = (s: number, e: number, c: number) => spans.every((o) => o.a < c - 0.5 || ((s <= o.s || s > o.e) && (e >= o.e || e < o.s)));
  // Likewise a cell left of the label, beside some of its rows, that cannot reach over the others (its column
  // holds text there): a key of a row laid out otherwise (key–value rows), not a label spanning rows.
  const nestsLeft = (s: number, e: number, a: number, self: Block) =>
    blocks.every((o) => {
      if (o === self || o.x1 > a + 0.5) return true;
      const rs = rowsOf(o);
      if (rs.length === 0 || rs[rs.length - 1] < s || rs[0] > e || (rs[0] <= s && rs[rs.length - 1] >= e)) return true;
      const [oa, oc] = colRange(o);
      for (let k = s; k <= e; k++) if (!rs.includes(k) && occupied(k, oa, oc, o)) return false;
      return true;
    });
  for (const b of [...blocks].sort((p, q) => q.x0 - p.x0 || p.top - q.top)) {
    const rs = rowsOf(b);
    if (rs.length === 0) continue;
    const r0 = rs[0];
    const r1 = rs[rs.length - 1];
    const [a, c] = colRange(b);
    // A cell spanning rows groups the cells right of it (a label beside its rows): the rows it spans hold text
    // after its column. A blank value under or over another one in the table's last column spans nothing.
    const free = (r: number) => !occupied(r, a, c, b) && blocks.some((o) => o.x0 >= c - 0.5 && o.top < ys[r + 1] && o.bottom > ys[r]);
    let up = r0;
    while (up > 0 && free(up - 1)) up--;
    let down = r1;
    while (down + 1 < nRows && free(down + 1)) down++;
    const centre = (b.top + b.bottom) / 2;
    let best: [number, number] | null = null;
    for (let s = up; s <= r0; s++) {
      for (let e = r1; e <= down; e++) {
        if (s === r0 && e === r1) continue;
        if (Math.abs((ys[s] + ys[e + 1]) / 2 - centre) > tol || !nests(s, e, c) || !nestsLeft(s, e, a, b)) continue;
        if (!best || e - s > best[1] - best[0]) best = [s, e];
      }
    }
    // A cell cut by the page break prints its text at the top of its part, not centred on it: a cell whose text
    // starts with its row's, with empty cells under it down to the table's cut foot, spans those rows.
    // Those rows are laid out like the label's own: a cell begins in each column where one begins right of the
    // label in its row (a label groups whole rows alike; a value over a blank cell, beside a row of other text
    // set elsewhere, groups nothing).
    if (!best && cutAtFoot && down === nRows - 1 && r1 < down) {
      const beside = blocks.filter((o) => o !== b && o.x0 >= c - 0.5 && rowsOf(o).includes(r0));
      const rowTop = Math.min(...beside.map((o) => o.top));
      const startsIn = (k: number, [p, q]: [number, number]) => blocks.some((o) => o.x0 >= p - 0.5 && o.x0 < q && rowsOf(o)[0] === k);
      let rows = beside.length > 0;
      for (let k = r1 + 1; k <= down; k++) rows &&= beside.every((o) => startsIn(k, colRange(o)));
      if (rows && Math.abs(b.top - rowTop) <= 0.5 * em && nests(r0, down, c) && nestsLeft(r0, down, a, b)) best = [r0, down];
    }
    if (!best) continue;
    for (let k = best[0]; k < best[1]; k++) if (k < r0 || k >= r1) open[k].push([a, c]);
    for (let k = best[0]; k <= best[1]; k++) if (k < r0 || k > r1) claimed.push([k, a, c]);
    spans.push({ a, s: best[0], e: best[1] });
  }
  const out: HRule[] = [
    { y: y0, x0, x1 },
    { y: y1, x0, x1 },
  ];
  cuts.forEach((cut, k) => {
    const gaps = open[k].sort((p, q) => p[0] - q[0]);
    let from = x0;
    for (const [a, c] of gaps) {
      if (a - from > SAME) out.push({ y: cut.y, x0: from, x1: a });
      from = Math.max(from, c);
    }
    if (x1 - from > SAME) out.push({ y: cut.y, x0: from, x1 });
  });
  return out;
}

/** Index of the first element of ascending `xs` greater than v (xs.length if none). */
function upperBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of ascending `xs` at least v (xs.length if none). */
function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Insert v into ascending `xs`, keeping it sorted. */
function insertSorted(xs: number[], v: number): void {
  xs.splice(upperBound(xs, v), 0, v);
}

/**
 * Each block's column range in a table of `blocks` whose column boundaries are `cols`, inside [x0, x1]: from the
 * nearest boundaries around it, drawn in to halfway to the nearest text lying whole between such a boundary and
 * the block (more than half an em from it), at the middle of the strip no text covers there. Worked out for all
 * blocks at once in O(n log n) (sorted sweeps); the same values as asking each block on its own.
 */
function cellColumns(blocks: Block[], cols: number[], x0: number, x1: number, em: number): Map<Block, [number, number]> {
  const sortedCols = [...cols].sort((a, b) => a - b);
  // The middle of the strip that no text of the table covers around x (the same for every cell beside it), or x:
  // the first text span starting right of x, unless a span before it reaches x.
  const covered = blocks.map((b) => [b.x0, b.x1] as [number, number]).sort((p, q) => p[0] - q[0]);
  const starts = covered.map(([p]) => p);
  const reach: number[] = []; // reach[k]: the furthest end of the spans before k, from x0
  let far = x0;
  for (const [, q] of covered) {
    reach.push(far);
    far = Math.max(far, q);
  }
  // Largest end among the first k spans: endMax[k - 1].
  const endMax: number[] = [];
  let m = -Infinity;
  for (const [, q] of covered) {
    m = Math.max(m, q);
    endMax.push(m);
  }
  const gapMiddle = (x: number) => {
    const k = upperBound(starts, x);
    if (k > 0 && endMax[k - 1] >= x) return x;
    if (k === covered.length) return x;
    return (reach[k] + covered[k][0]) / 2;
  };
  const out = new Map<Block, [number, number]>();
  const bounds = blocks.map((b) => {
    const i = upperBound(sortedCols, b.x0 + 0.5);
    const j = lowerBound(sortedCols, b.x1 - 0.5);
    return [i > 0 ? Math.max(x0, sortedCols[i - 1]) : x0, j < sortedCols.length ? Math.min(x1, sortedCols[j]) : x1];
  });
  // Left: the largest end x1 ≤ b.x0 − em/2 among blocks starting at or right of a (queries by a, falling).
  const left = new Map<Block, number>();
  {
    const byStart = [...blocks].sort((p, q) => q.x0 - p.x0);
    const queries = blocks.map((_b, k) => k).sort((p, q) => bounds[q][0] - bounds[p][0]);
    const ends: number[] = [];
    let next = 0;
    for (const k of queries) {
      const a = bounds[k][0];
      while (next < byStart.length && byStart[next].x0 >= a) insertSorted(ends, byStart[next++].x1);
      const b = blocks[k];
      const at = upperBound(ends, b.x0 - 0.5 * em);
      if (at > 0) left.set(b, ends[at - 1]);
    }
  }
  // Right: the smallest start x0 ≥ b.x1 + em/2 among blocks ending at or left of c (queries by c, rising).
  const right = new Map<Block, number>();
  {
    const byEnd = [...blocks].sort((p, q) => p.x1 - q.x1);
    const queries = blocks.map((_b, k) => k).sort((p, q) => bounds[p][1] - bounds[q][1]);
    const startsIn: number[] = [];
    let next = 0;
    for (const k of queries) {
      const c = bounds[k][1];
      while (next < byEnd.length && byEnd[next].x1 <= c) insertSorted(startsIn, byEnd[next++].x0);
      const b = blocks[k];
      const at = lowerBound(startsIn, b.x1 + 0.5 * em);
      if (at < startsIn.length) right.set(b, startsIn[at]);
    }
  }
  blocks.forEach((b, k) => {
    let [a, c] = bounds[k];
    const l = left.get(b);
    const r = right.get(b);
    if (l !== undefined) a = gapMiddle((l + b.x0) / 2);
    if (r !== undefined) c = gapMiddle((r + b.x1) / 2);
    out.set(b, [a, c]);
  });
  return out;
}

/** The runs whose middle lies strictly inside each row [ys[r], ys[r + 1]], in their order (binary search per run). */
function rowBands(runs: TextRun[], ys: number[]): { runs: TextRun[] }[] {
  const bands = ys.slice(0, -1).map(() => ({ runs: [] as TextRun[] }));
  const sorted = ys.every((y, i) => i === 0 || ys[i - 1] <= y);
  for (const t of runs) {
    const mid = (t.top + t.bottom) / 2;
    if (sorted) {
      const r = upperBound(ys, mid) - 1;
      if (r >= 0 && r < bands.length && mid > ys[r] && mid < ys[r + 1]) bands[r].runs.push(t);
    } else {
      for (let r = 0; r < bands.length; r++) if (mid > ys[r] && mid < ys[r + 1]) bands[r].runs.push(t);
    }
  }
  return bands;
}

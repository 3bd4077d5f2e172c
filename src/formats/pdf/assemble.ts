/**
 * Pages → the document grid: tables in reading order with the text lines standing between them as context,
 * tables continuing over a page break joined to their first part.
 */
import { cleanCellText, cleanLine } from "../../grid/text.ts";
import type { Cell, GridDocument, Table } from "../../grid/types.ts";
import type { FreeLine, PageLayout } from "./page-layout.ts";
import type { PageCell, PageTable } from "./page-table.ts";

/** Column edges this close line up. */
const ALIGN = 3;
/** Columns read from the text on two pages are the same when their boundaries are this close (points). */
const GUESS_ALIGN = 20;
/** A table ending with more free space than this below it (share of the page height) did not run into the page break. */
const BOTTOM_SLACK = 0.25;
/** Page numbers sit within this share of the page height from the top or bottom edge. */
const PAGE_NUMBER_BAND = 0.1;
/** Running headers and footers sit in the page margin: this share of the page height. */
const MARGIN = 0.07;
/** Print this large is a title, not a running header. */
const TITLE_SIZE = 12;

type Item = { kind: "line"; line: FreeLine } | { kind: "table"; table: PageTable };

/** Lines within `share` of the page height from its top or bottom edge. */
function nearEdge(line: FreeLine, page: PageLayout, share: number): boolean {
  return line.top < share * page.height || line.bottom > (1 - share) * page.height;
}

/** Digits do not make a running header different from page to page. */
const furnitureKey = (text: string) => text.replace(/\d+/g, "#").replace(/\s+/g, "");

/**
 * Lines repeated (digits aside) in the page margins of two or more pages, in small print: running headers and
 * footers. A title repeated above every table ("项目支出绩效目标表") sits lower and larger, and a unit line is
 * never furniture.
 */
function runningLines(pages: PageLayout[]): Set<string> {
  const seen = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!nearEdge(line, page, MARGIN) || line.size >= TITLE_SIZE || /单位/.test(line.text)) continue;
      const key = furnitureKey(line.text);
      (seen.get(key) ?? seen.set(key, new Set()).get(key)!).add(page.number);
    }
  }
  return new Set([...seen].filter(([, on]) => on.size >= 2).map(([k]) => k));
}

/** Lines that are nothing but a page number ("- 3 -", "第3页", "3/12", "Page 3 of 12"). */
function isPageNumber(text: string): boolean {
  return /^[-—–\s]*(第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*(\/\s*\d+)?|page\s*\d+(\s*of\s*\d+)?)[-—–\s]*$/i.test(text);
}

export function assemble(pages: PageLayout[]): Pick<GridDocument, "tables" | "trailing"> {
  const running = runningLines(pages);
  /** Page numbers and running headers/footers: never context, never in the way of a table's continuation. */
  const isFurniture = (line: FreeLine, page: PageLayout) =>
    (nearEdge(line, page, PAGE_NUMBER_BAND) && isPageNumber(line.text)) ||
    (nearEdge(line, page, MARGIN) && running.has(furnitureKey(line.text)) && line.size < TITLE_SIZE);
  const items: Item[] = [];
  let previous: PageTable | null = null;
  for (const page of pages) {
    const seq: (Item & { top: number })[] = [
      ...page.tables.map((t) => ({ kind: "table" as const, table: t, top: t.box.y0 })),
      ...page.lines.map((l) => ({ kind: "line" as const, line: l, top: l.top })),
    ].sort((a, b) => a.top - b.top);
    const body = seq.filter((it) => it.kind === "table" || !isFurniture(it.line, page));
    const first = body[0];
    let continuation: PageTable | null = null;
    let joined: PageTable | null = null;
    if (previous && first?.kind === "table" && continues(previous, first.table)) {
      continuation = first.table;
      joined = join(previous, first.table);
      replaceLast(items, previous, joined);
    }
    for (const it of seq) {
      if (it.kind === "line" && isFurniture(it.line, page)) continue;
      if (it.kind === "table" && it.table === continuation) continue;
      items.push(it.kind === "table" ? { kind: "table", table: it.table } : { kind: "line", line: it.line });
    }
    const last = body.at(-1);
    const reachesBreak = last?.kind === "table" && last.table.box.y1 > (1 - BOTTOM_SLACK) * page.height;
    previous = reachesBreak ? (last.table === continuation ? joined : last.table) : null;
  }

  // Right edge of each page's content: a context line reaching it was wrapped, not ended.
  const rightEdges = new Map<number, number>();
  for (const page of pages) {
    const xs = [...page.lines.map((l) => l.x1), ...page.tables.map((t) => t.box.x1)];
    if (xs.length) rightEdges.set(page.number, Math.max(...xs));
  }
  const tables: Table[] = [];
  let context: string[] = [];
  let open: FreeLine | null = null; // the previous context line, while a paragraph may still continue
  for (const it of items) {
    if (it.kind === "line") {
      const line = cleanLine(it.line.text);
      if (!line) continue;
      if (open && context.length && wrapsInto(open, it.line, rightEdges.get(it.line.page) ?? 0)) {
        context[context.length - 1] = joinWrapped(context[context.length - 1], line);
      } else context.push(line);
      open = it.line;
    } else {
      open = null;
      tables.push(toTable(it.table, tables.length, context));
      context = [];
    }
  }
  return { tables, trailing: context };
}

function replaceLast(items: Item[], old: PageTable, now: PageTable): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i];
    if (it.kind === "table" && it.table === old) {
      items[i] = { kind: "table", table: now };
      return;
    }
  }
}

/** Same kind of table, same outer edges, and one's column edges a subset of the other's. */
function continues(a: PageTable, b: PageTable): boolean {
  if (a.kind !== "lattice" || b.kind !== "lattice") return false;
  // Tables read from the text on both pages (no rulings to go by) have edges more uncertain than their
  // columns: a page holding narrower texts than the page before puts them further in.
  const edge = a.guessed && b.guessed ? 2 * GUESS_ALIGN : ALIGN;
  if (Math.abs(a.xs[0] - b.xs[0]) > edge || Math.abs(a.xs.at(-1)! - b.xs.at(-1)!) > edge) return false;
  if (sameGuessedColumns(a, b) || guessedWithin(a, b) || guessedWithin(b, a)) return true;
  const within = (p: number[], q: number[]) => p.every((x) => q.some((y) => Math.abs(x - y) <= ALIGN));
  return within(a.xs, b.xs) || within(b.xs, a.xs);
}

/**
 * Columns read from the text on both pages (no vertical rules): as many, each boundary within a column's slack
 * of its twin. The text decides where in the gap between two columns a boundary falls, and that varies by page.
 */
function sameGuessedColumns(a: PageTable, b: PageTable): boolean {
  if (!a.guessed || !b.guessed || a.xs.length !== b.xs.length) return false;
  const last = a.xs.length - 1;
  return a.xs.every((x, i) => Math.abs(x - b.xs[i]) <= (i === 0 || i === last ? 2 * GUESS_ALIGN : GUESS_ALIGN));
}

/**
 * Columns read from the text on both pages, those of `p` fewer (a row carried alone, its cells spanning some of
 * the columns): each of p's boundaries within a column's slack of a boundary of q's, a different one each.
 */
function guessedWithin(p: PageTable, q: PageTable): boolean {
  if (!p.guessed || !q.guessed || p.xs.length >= q.xs.length) return false;
  return guessedMap(p.xs, q, false) !== null;
}

/**
 * Each of `xs` (fewer guessed columns) paired with a boundary of `q`, a different one each, in order, or null.
 * A boundary guessed in a wide gap may lie as near one of q's boundaries as another (the key rows above q's
 * indicator rows part its columns more finely): when `xs` continues q, q's last row's cells say which boundaries
 * go on over the break, so those are taken first.
 */
function guessedMap(xs: number[], q: PageTable, continues: boolean): number[] | null {
  const fits = (map: number[]) => xs.every((x, i) => Math.abs(x - q.xs[map[i]]) <= GUESS_ALIGN && (i === 0 || map[i] > map[i - 1]));
  if (continues) {
    const n = q.ys.length - 1;
    const last = new Set(q.cells.filter((c) => c.r1 === n).flatMap((c) => [c.c0, c.c1]));
    const map = columnMap(xs, q.xs, last);
    if (fits(map)) return map;
  }
  const map = columnMap(xs, q.xs);
  return fits(map) ? map : null;
}

/** Column index in `union` of each of `xs`: the nearest boundary, of those in `among` if one is near enough. */
function columnMap(xs: number[], union: number[], among?: Set<number>): number[] {
  return xs.map((x) => {
    let best = 0;
    for (let i = 1; i < union.length; i++) if (Math.abs(union[i] - x) < Math.abs(union[best] - x)) best = i;
    let pick = -1;
    for (const i of among ?? []) if (pick < 0 || Math.abs(union[i] - x) < Math.abs(union[pick] - x)) pick = i;
    return pick >= 0 && Math.abs(union[pick] - x) <= GUESS_ALIGN ? pick : best;
  });
}

function rowTexts(t: PageTable, row: number): string[] {
  return t.cells
    .filter((c) => c.r0 === row)
    .sort((p, q) => p.c0 - q.c0)
    .map((c) => c.lines.join("\n"));
}

/** `b` continues `a` on the next page: one table, open cells at the break joined. */
function join(a: PageTable, b: PageTable): PageTable {
  // Guessed columns that pair up one to one are the same columns; so are fewer ones that pair up with some.
  const aWithin = guessedWithin(a, b);
  const bWithin = guessedWithin(b, a);
  const union = aWithin ? [...b.xs] : [...a.xs];
  if (!sameGuessedColumns(a, b) && !aWithin && !bWithin) {
    for (const x of b.xs) if (!union.some((u) => Math.abs(u - x) <= ALIGN)) union.push(x);
  }
  union.sort((p, q) => p - q);
  const amap = columnMap(a.xs, union);
  const bmap = (bWithin && guessedMap(b.xs, a, true)) || columnMap(b.xs, union);
  const nA = a.ys.length - 1;
  let bCells = b.cells;
  let bRows = b.ys.length - 1;
  // A repeated header row is dropped.
  const ah = rowTexts(a, 0);
  if (bRows > 1 && ah.join("\t") !== "" && ah.join("\t") === rowTexts(b, 0).join("\t") && b.cells.every((c) => c.r0 > 0 || c.r1 === 1)) {
    bCells = b.cells.filter((c) => c.r0 > 0).map((c) => ({ ...c, r0: c.r0 - 1, r1: c.r1 - 1, openTop: false }));
    bRows--;
  }
  const cells: PageCell[] = a.cells.map((c) => ({ ...c, c0: amap[c.c0], c1: amap[c.c1] }));
  const moved: PageCell[] = bCells.map((c) => ({ ...c, r0: c.r0 + nA, r1: c.r1 + nA, c0: bmap[c.c0], c1: bmap[c.c1] }));
  const absorbed = new Set<PageCell>();
  const absorb = (above: PageCell, below: PageCell) => {
    above.r1 = below.r1;
    above.lines = [...above.lines, ...below.lines];
    above.openBottom = below.openBottom;
    above.lastLineFull = below.lastLineFull;
    absorbed.add(below);
  };
  const pairs = moved.filter((c) => c.r0 === nA).map((b) => [b, cells.find((p) => p.r1 === nA && p.c0 === b.c0 && p.c1 === b.c1)] as const);
  // Borders left open at the break (Chromium): the cells on both sides are one cell.
  for (const [b, above] of pairs) if (above && b.openTop && above.openBottom) absorb(above, b);
  // Closed borders (LibreOffice, Word draw them at the break): a row split by the break has text that goes on
  // from cells whose last line was full (wrapped) and is empty elsewhere; an empty cell under a merged cell
  // continues the merged cell.
  const rest = pairs.filter(([b]) => !absorbed.has(b));
  let wrapped = false;
  let other = false;
  for (const [b, above] of rest) {
    if (!above) other = true;
    else if (b.lines.length > 0) {
      if (above.lines.length > 0 && above.lastLineFull) wrapped = true;
      else other = true;
    }
  }
  for (const [b, above] of rest) {
    if (!above) continue;
    const mergedAbove = above.r1 - above.r0 >= 2;
    if ((wrapped && !other) || (b.lines.length === 0 && mergedAbove)) absorb(above, b);
  }
  for (const c of moved) if (!absorbed.has(c)) cells.push(c);
  // Row positions are per page and only counted from here on.
  const ys = [...a.ys, ...b.ys.slice(b.ys.length - bRows)];
  const pages = [...new Set([...a.pages, ...b.pages])].sort((p, q) => p - q);
  const joined: PageTable = { kind: "lattice", page: a.page, pages, xs: union, ys, cells, box: b.box };
  if (a.guessed && b.guessed) joined.guessed = true;
  return compact(joined);
}

/** Remove rows and columns where no cell starts (left by joins), shrinking the spans across them. */
function compact(t: PageTable): PageTable {
  const nr = t.ys.length - 1;
  const nc = t.xs.length - 1;
  const rowStarts = new Set(t.cells.map((c) => c.r0));
  const colStarts = new Set(t.cells.map((c) => c.c0));
  const rowIdx: number[] = [];
  let k = 0;
  for (let r = 0; r <= nr; r++) {
    rowIdx.push(k);
    if (r < nr && rowStarts.has(r)) k++;
  }
  const colIdx: number[] = [];
  k = 0;
  for (let c = 0; c <= nc; c++) {
    colIdx.push(k);
    if (c < nc && colStarts.has(c)) k++;
  }
  const cells = t.cells.map((c) => ({ ...c, r0: rowIdx[c.r0], r1: rowIdx[c.r1], c0: colIdx[c.c0], c1: colIdx[c.c1] }));
  const ys = t.ys.filter((_, r) => r === nr || rowStarts.has(r));
  const xs = t.xs.filter((_, c) => c === nc || colStarts.has(c));
  return { ...t, xs, ys, cells };
}

function toTable(table: PageTable, index: number, context: string[]): Table {
  const t = compact(table);
  const cells: Cell[] = t.cells
    .filter((c) => c.r1 > c.r0 && c.c1 > c.c0)
    .map((c) => ({ text: cleanCellText(c.lines), row: c.r0, col: c.c0, rowspan: c.r1 - c.r0, colspan: c.c1 - c.c0, page: c.page }))
    .sort((p, q) => p.row - q.row || p.col - q.col);
  return { index, rows: t.ys.length - 1, cols: t.xs.length - 1, cells, context, pages: t.pages };
}

/**
 * Whether `next` continues the paragraph of `line`: a title or sentence the page wrapped (`2.白内障…（2023年-市级残`
 * / `保金）绩效目标表`). The first line reaches the content's right edge, the next one follows right below it in
 * the same type size, and does not start where a new paragraph would (an indented or numbered line).
 */
function wrapsInto(line: FreeLine, next: FreeLine, rightEdge: number): boolean {
  if (next.page !== line.page) return false;
  const size = line.size;
  if (Math.abs(next.size - size) > 0.1 * size) return false;
  if (next.top - line.bottom > 0.8 * size || next.top < line.bottom - 0.2 * size) return false;
  if (line.x1 < rightEdge - 1.5 * size) return false;
  if (next.x0 > line.x0 + 0.5 * size && next.x1 < line.x1 - 0.5 * size) {
    // A centred wrap: the short remainder sits in the middle, under the long line.
    return Math.abs((next.x0 + next.x1) / 2 - (line.x0 + line.x1) / 2) < size;
  }
  return next.x0 < line.x0 + 0.5 * size;
}

function joinWrapped(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Borderless tables, found by whitespace alignment (in the spirit of Camelot's stream mode): lines broken into
 * chunks by wide gaps, runs of consecutive lines that have several chunks, columns where every such line leaves
 * the same vertical strip empty, one row per line. Conservative on purpose: prose has no wide gaps, so it never
 * has several chunks per line, and a block needs at least three multi-chunk lines and two columns.
 */
import type { PageCell, PageTable } from "./page-table.ts";
import { groupLines, lineText, type TextLine } from "./text-lines.ts";
import type { TextRun } from "./types.ts";

/** A gap this many ems wide separates cells. */
const CELL_GAP_EM = 1.2;
/** A vertical gap this many ems high ends a table. */
const BLOCK_GAP_EM = 1.6;
const MIN_ROWS = 3;

interface Chunk {
  runs: TextRun[];
  x0: number;
  x1: number;
}

interface Row {
  line: TextLine;
  chunks: Chunk[];
}

function chunksOf(line: TextLine): Chunk[] {
  const out: Chunk[] = [];
  for (const r of line.runs) {
    const last = out.at(-1);
    if (last && r.x0 - last.x1 < CELL_GAP_EM * Math.min(r.size, line.size)) {
      last.runs.push(r);
      last.x1 = Math.max(last.x1, r.x1);
    } else out.push({ runs: [r], x0: r.x0, x1: r.x1 });
  }
  return out;
}

/** Column boundaries: strips that no chunk of the given rows covers. */
function columnEdges(rows: Row[], minGap: number): number[] {
  const spans = rows.flatMap((r) => r.chunks.map((c) => [c.x0, c.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const edges: number[] = [spans[0][0]];
  let end = spans[0][1];
  for (const [a, b] of spans.slice(1)) {
    if (a - end >= minGap) edges.push((a + end) / 2);
    end = Math.max(end, b);
  }
  edges.push(end);
  return edges;
}

function columnOf(edges: number[], c: Chunk): number {
  for (let i = 0; i + 1 < edges.length; i++) {
    if (c.x0 >= edges[i] - 0.5 && c.x1 <= edges[i + 1] + 0.5) return i;
  }
  return -1;
}

export function findStreamTables(runs: TextRun[], page: number): { tables: PageTable[]; rest: TextRun[] } {
  const lines = groupLines(runs).filter((l) => l.runs[0].upright);
  const rows: Row[] = lines.map((line) => ({ line, chunks: chunksOf(line) }));
  const tables: PageTable[] = [];
  const used = new Set<TextRun>();
  let i = 0;
  while (i < rows.length) {
    if (rows[i].chunks.length < 2) {
      i++;
      continue;
    }
    // Grow a block of close lines starting at a multi-chunk line.
    let j = i + 1;
    while (j < rows.length && rows[j].line.top - rows[j - 1].line.bottom < BLOCK_GAP_EM * rows[j - 1].line.size) j++;
    const block = rows.slice(i, j);
    const table = blockTable(block, page);
    if (table) {
      tables.push(table.table);
      for (const r of block.slice(0, table.used)) for (const run of r.line.runs) used.add(run);
      i += table.used;
    } else i = j;
  }
  return { tables, rest: runs.filter((r) => !used.has(r)) };
}

/** A table from the start of a block of lines, or null; `used` says how many lines it took. */
function blockTable(block: Row[], page: number): { table: PageTable; used: number } | null {
  // Leading multi-chunk lines decide the columns; a later line that does not fit them ends the table.
  const multi = block.filter((r) => r.chunks.length >= 2);
  if (multi.length < MIN_ROWS) return null;
  const em = Math.min(...multi.map((r) => r.line.size));
  let edges = columnEdges(multi, CELL_GAP_EM * em);
  if (edges.length < 3) return null;
  let used = 0;
  const grid: { row: Row; cols: Chunk[][] }[] = [];
  for (const row of block) {
    const cols: Chunk[][] = Array.from({ length: edges.length - 1 }, () => []);
    let fits = true;
    for (const c of row.chunks) {
      const k = columnOf(edges, c);
      if (k < 0) fits = false;
      else cols[k].push(c);
    }
    if (!fits) break;
    grid.push({ row, cols });
    used++;
  }
  // Trailing single-chunk lines far from the columns' body are notes, not rows.
  while (grid.length && grid[grid.length - 1].row.chunks.length < 2) {
    const last = grid[grid.length - 1];
    const prev = grid[grid.length - 2];
    const continues = prev && last.row.line.top - prev.row.line.bottom < 0.5 * last.row.line.size;
    if (continues) break;
    grid.pop();
    used--;
  }
  const filledRows = grid.filter((g) => g.cols.filter((c) => c.length).length >= 2).length;
  if (filledRows < MIN_ROWS) return null;
  // Drop columns nobody uses (edges from a line that was cut off).
  const usedCols = edges.slice(0, -1).map((_, k) => grid.some((g) => g.cols[k].length > 0));
  if (usedCols.filter(Boolean).length < 2) return null;

  // One row per line; a single-chunk line right under a row continues that row's cell (wrapped text).
  const rowsOut: { texts: string[][]; top: number; bottom: number }[] = [];
  for (const g of grid) {
    const texts = g.cols.map((cs) => cs.map((c) => lineText({ ...g.row.line, runs: c.runs })).filter(Boolean));
    const prev = rowsOut.at(-1);
    const k = g.cols.findIndex((c) => c.length > 0);
    if (prev && g.row.chunks.length === 1 && g.row.line.top - prev.bottom < 0.5 * g.row.line.size && prev.texts[k].length > 0) {
      prev.texts[k].push(...texts[k]);
      prev.bottom = g.row.line.bottom;
    } else rowsOut.push({ texts, top: g.row.line.top, bottom: g.row.line.bottom });
  }
  const keep = usedCols.map((u, k) => (u ? k : -1)).filter((k) => k >= 0);
  edges = [edges[keep[0]], ...keep.map((k) => edges[k + 1])];
  const ys = [rowsOut[0].top, ...rowsOut.map((r, n) => (n + 1 < rowsOut.length ? (r.bottom + rowsOut[n + 1].top) / 2 : r.bottom))];
  const cells: PageCell[] = [];
  rowsOut.forEach((r, ri) =>
    keep.forEach((k, ci) => {
      cells.push({
        r0: ri,
        r1: ri + 1,
        c0: ci,
        c1: ci + 1,
        lines: r.texts[k],
        page,
        openTop: false,
        openBottom: false,
        lastLineFull: false,
      });
    }),
  );
  return {
    table: {
      kind: "stream",
      page,
      pages: [page],
      xs: edges,
      ys,
      cells,
      box: { x0: edges[0], y0: ys[0], x1: edges[edges.length - 1], y1: ys[ys.length - 1] },
    },
    used,
  };
}

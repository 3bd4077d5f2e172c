import type { Cell, Table } from "./types.ts";

/**
 * Expand a table into a dense row × col matrix where every slot points at the cell covering it
 * (the same Cell object for all slots of a merged cell), or null for an uncovered slot.
 */
export function toMatrix(table: Table): (Cell | null)[][] {
  const m: (Cell | null)[][] = Array.from({ length: table.rows }, () => Array<Cell | null>(table.cols).fill(null));
  for (const cell of table.cells) {
    for (let r = cell.row; r < Math.min(cell.row + cell.rowspan, table.rows); r++) {
      for (let c = cell.col; c < Math.min(cell.col + cell.colspan, table.cols); c++) m[r][c] = cell;
    }
  }
  return m;
}

/**
 * Build a Table from rows of HTML-like cells (each with rowspan/colspan), placing each cell in the first
 * free slot of its row the way browsers do. Used by every backend that sees rows of spanning cells.
 */
export function tableFromRows(
  rows: { text: string; rowspan?: number; colspan?: number; page?: number }[][],
  index: number,
  context: string[] = [],
): Table {
  const occupied: boolean[][] = [];
  const cells: Cell[] = [];
  let cols = 0;
  const take = (r: number, c: number) => (occupied[r] ??= [])[c] === true;
  rows.forEach((row, r) => {
    let c = 0;
    for (const src of row) {
      while (take(r, c)) c++;
      const rowspan = Math.max(1, Math.min(src.rowspan ?? 1, rows.length - r));
      const colspan = Math.max(1, src.colspan ?? 1);
      for (let rr = r; rr < r + rowspan; rr++) for (let cc = c; cc < c + colspan; cc++) (occupied[rr] ??= [])[cc] = true;
      const cell: Cell = { text: src.text, row: r, col: c, rowspan, colspan };
      if (src.page !== undefined) cell.page = src.page;
      cells.push(cell);
      c += colspan;
      cols = Math.max(cols, c);
    }
  });
  return { index, rows: rows.length, cols, cells, context };
}

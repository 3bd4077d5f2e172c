/**
 * Turning a document read in order — text lines and tables — into the grid: each table keeps the lines that
 * stood between it and the previous table as its context, lines after the last table are `trailing`.
 * Shared by the HTML and Word backends so both attach titles and unit lines the same way; it knows cells and
 * lines only, nothing of any format.
 */
import type { Cell, Table } from "./types.ts";
import { cleanCellText } from "./text.ts";

/** A table before it gets its place in the document: the expanded grid and its anchored cells. */
export interface TableShape {
  rows: number;
  cols: number;
  cells: Cell[];
}

export class GridAssembler {
  readonly tables: Table[] = [];
  private pending: string[] = [];

  /** A visual line of text outside any data table. Blank lines are dropped. */
  line(text: string): void {
    const clean = cleanCellText([text]);
    if (clean) this.pending.push(...clean.split("\n"));
  }

  /**
   * A data table. One whose cells are all empty is passed over (spacer and border tables in exported pages):
   * it says nothing, and the title above it belongs to the table that follows.
   */
  table(shape: TableShape): void {
    if (shape.rows === 0 || shape.cols === 0 || !shape.cells.some((c) => c.text !== "")) return;
    this.tables.push({ index: this.tables.length, rows: shape.rows, cols: shape.cols, cells: shape.cells, context: this.pending });
    this.pending = [];
  }

  /** Whether the last table is table number `count` (1-based) and no line has come after it. */
  adjoinsTable(count: number): boolean {
    return count > 0 && this.tables.length === count && this.pending.length === 0;
  }

  /** Replace the last table's grid: it turned out to go on in the table that followed it. */
  replaceLast(shape: TableShape): void {
    const last = this.tables[this.tables.length - 1];
    Object.assign(last, { rows: shape.rows, cols: shape.cols, cells: shape.cells });
  }

  /** Lines after the last table. */
  get trailing(): string[] {
    return this.pending;
  }
}

/**
 * Drop grid columns and rows in which no cell starts: they have no width or height of their own on the page
 * (an oversized `colspan`, an empty `<tr>` under a `rowspan`), and a reader would not count them.
 */
export function compactTable(shape: TableShape): TableShape {
  const colStarts = new Set(shape.cells.map((c) => c.col));
  const rowStarts = new Set(shape.cells.map((c) => c.row));
  if (colStarts.size === shape.cols && rowStarts.size === shape.rows) return shape;
  const colMap = remap(shape.cols, colStarts);
  const rowMap = remap(shape.rows, rowStarts);
  const cells = shape.cells.map((c) => {
    const row = rowMap[c.row];
    const col = colMap[c.col];
    const cell: Cell = { ...c, row, col, rowspan: rowMap[c.row + c.rowspan] - row, colspan: colMap[c.col + c.colspan] - col };
    return cell;
  });
  return { rows: rowStarts.size, cols: colStarts.size, cells };
}

/** Old index → new index for 0..n (n included, so an end boundary maps too), keeping only `keep`. */
function remap(n: number, keep: Set<number>): number[] {
  const map: number[] = [];
  let next = 0;
  for (let i = 0; i <= n; i++) {
    map.push(next);
    if (keep.has(i)) next++;
  }
  return map;
}

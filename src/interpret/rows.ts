import type { Cell, Table } from "../grid/types.ts";
import { toMatrix } from "../grid/matrix.ts";
import type { CellRef } from "../model/types.ts";

/** One cell as seen from one row: merged cells appear once per row they cover. */
export interface Slot {
  cell: Cell;
  /** The cell starts in this row (false: it is covered from a row above by a rowspan). */
  anchored: boolean;
  /** First and one-past-last column the cell covers. */
  col: number;
  colEnd: number;
}

/** A table as rows of distinct cells, left to right. Uncovered slots are skipped. */
export function tableRows(table: Table): Slot[][] {
  const m = toMatrix(table);
  return m.map((row, r) => {
    const out: Slot[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || (out.length && out[out.length - 1].cell === cell)) continue;
      out.push({ cell, anchored: cell.row === r, col: cell.col, colEnd: cell.col + cell.colspan });
    }
    return out;
  });
}

export function refOf(table: Table, cell: Cell): CellRef {
  const ref: CellRef = { table: table.index, row: cell.row, col: cell.col };
  if (cell.page !== undefined) ref.page = cell.page;
  return ref;
}

/** The slot of a row that covers column `col`, if any. */
export function slotAt(row: Slot[], col: number): Slot | undefined {
  return row.find((s) => s.col <= col && col < s.colEnd);
}

/**
 * A Word table (w:tbl) → the grid, placed the way Word places it: every row starts at column `w:gridBefore`,
 * a cell covers `w:gridSpan` grid columns, and a `w:vMerge` continuation cell extends the cell above it in the
 * SAME grid column (Word's merge is by column, not by position in the row as in HTML). Text typed into a
 * continuation cell is not lost: it is appended to the merged cell's text (unless it merely repeats it), as Word
 * shows it when the merge is undone. The grid has as many columns as `w:tblGrid` declares, or more if a row needs them.
 */
import type { TableShape } from "../../grid/assemble.ts";
import type { Cell } from "../../grid/types.ts";
import { cleanCellText } from "../../grid/text.ts";
import { DOCX_MAX_COLS as MAX_COLS, DOCX_MAX_TABLE_SLOTS } from "../../settings/limits.ts";
import { tooManySlots } from "../table-limit.ts";
import type { DomNode, WordNames } from "./wordml.ts";

/** Rows in order, looking through row-level content controls and custom XML; deleted and hidden rows dropped. */
export function tableRows(tbl: DomNode, names: WordNames): DomNode[] {
  const rows: DomNode[] = [];
  const visit = (node: DomNode) => {
    for (const child of node.children ?? []) {
      if (names.isAlternateContent(child)) {
        const branch = names.alternate(child);
        if (branch) visit(branch);
        continue;
      }
      const local = names.local(child);
      if (local === "tr") {
        const trPr = names.child(child, "trPr");
        if (names.child(trPr, "del") || names.isOn(names.child(trPr, "hidden"))) continue;
        rows.push(child);
      } else if (local === "sdt") visit(names.child(child, "sdtContent") ?? { type: "tag", children: [] });
      else if (local === "customXml" || local === "ins" || local === "moveTo") visit(child);
    }
  };
  visit(tbl);
  return rows;
}

/** Cells of a row in order, looking through cell-level content controls; deleted cells dropped. */
export function rowCells(tr: DomNode, names: WordNames): DomNode[] {
  const cells: DomNode[] = [];
  const visit = (node: DomNode) => {
    for (const child of node.children ?? []) {
      if (names.isAlternateContent(child)) {
        const branch = names.alternate(child);
        if (branch) visit(branch);
        continue;
      }
      const local = names.local(child);
      if (local === "tc") {
        if (!names.child(names.child(child, "tcPr"), "cellDel")) cells.push(child);
      } else if (local === "sdt") visit(names.child(child, "sdtContent") ?? { type: "tag", children: [] });
      else if (local === "customXml" || local === "ins" || local === "moveTo") visit(child);
    }
  };
  visit(tr);
  return cells;
}

function intVal(names: WordNames, prop: DomNode | undefined, fallback: number): number {
  const v = names.attr(prop, "val");
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

interface Building {
  cell: Cell;
  lines: string[];
}

/** Build the grid of a table that holds no other table. `cellLines` reads a cell's visual lines. */
export function wordTableShape(tbl: DomNode, names: WordNames, cellLines: (tc: DomNode) => string[]): TableShape {
  const declaredCols = names.children(names.child(tbl, "tblGrid") ?? { type: "tag" }, "gridCol").length;
  const rows = tableRows(tbl, names);
  const built: Building[] = [];
  // owner[r][c]: the cell covering grid slot (r, c), for finding the cell a vMerge continuation extends.
  const owner: (Building | undefined)[][] = [];
  let cols = Math.min(declaredCols, MAX_COLS);

  rows.forEach((tr, r) => {
    const trPr = names.child(tr, "trPr");
    let col = Math.min(intVal(names, names.child(trPr, "gridBefore"), 0), MAX_COLS);
    const slots: (Building | undefined)[] = (owner[r] = []);
    let last: Building | undefined;
    for (const tc of rowCells(tr, names)) {
      if (col >= MAX_COLS) break;
      const tcPr = names.child(tc, "tcPr");
      const span = Math.max(1, Math.min(intVal(names, names.child(tcPr, "gridSpan"), 1), MAX_COLS - col));
      const vMerge = names.child(tcPr, "vMerge");
      const hMerge = names.child(tcPr, "hMerge");
      const lines = cellLines(tc);
      let target: Building | undefined;
      if (vMerge && names.attr(vMerge, "val") !== "restart") {
        const above = r > 0 ? owner[r - 1][col] : undefined;
        if (above && above.cell.col === col) {
          above.cell.rowspan = r - above.cell.row + 1;
          target = above;
        }
      } else if (hMerge && names.attr(hMerge, "val") !== "restart" && last && last.cell.col + last.cell.colspan === col) {
        // Legacy horizontal merge: the continuation widens the cell to its left.
        last.cell.colspan += span;
        target = last;
      }
      if (target) {
        // Some generators repeat the merged label in every continuation cell; that is one label, not several.
        if (cleanCellText(lines) !== cleanCellText(target.lines)) target.lines.push(...lines);
      } else {
        target = { cell: { text: "", row: r, col, rowspan: 1, colspan: span }, lines };
        built.push(target);
      }
      for (let c = col; c < col + span; c++) slots[c] = target;
      last = target;
      col += span;
    }
    col += intVal(names, names.child(trPr, "gridAfter"), 0);
    cols = Math.max(cols, Math.min(col, MAX_COLS));
    if ((r + 1) * cols > DOCX_MAX_TABLE_SLOTS) throw tooManySlots(r + 1, cols, DOCX_MAX_TABLE_SLOTS);
  });

  const cells = built.map(({ cell, lines }) => ({ ...cell, text: cleanCellText(lines) }));
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { rows: rows.length, cols, cells };
}

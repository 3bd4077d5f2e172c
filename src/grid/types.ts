/**
 * The grid: the one intermediate every format backend produces and the interpreter reads.
 * It knows tables, cells, spans and where each cell came from — nothing about performance tables.
 */

/** Where a cell came from. `page` is 1-based and present for paged formats (PDF). Rows/cols are 0-based. */
export interface CellRef {
  page?: number;
  table: number;
  row: number;
  col: number;
}

/** One anchored cell: stored once at its top-left slot, covering rowspan × colspan slots. */
export interface Cell {
  /** Cell text. Line breaks inside the cell (`<br>`, paragraphs, wrapped PDF lines) are `\n`. */
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** 1-based page of the cell's top-left (PDF only). */
  page?: number;
}

export interface Table {
  /** 0-based index of the table in the document. */
  index: number;
  /** Number of rows and columns of the expanded grid. */
  rows: number;
  cols: number;
  /** Anchored cells in reading order (row, then col). Slots not covered by any cell are empty. */
  cells: Cell[];
  /**
   * Text lines that stand between the previous table (or the document start) and this one:
   * titles (`1.综合服务园区…绩效目标表`), unit lines (`563201天津市… 单位：万元`), headings.
   */
  context: string[];
  /** Pages the table covers (PDF only), ascending. */
  pages?: number[];
}

export type SourceFormat = "pdf" | "docx" | "html";

export interface GridDocument {
  format: SourceFormat;
  tables: Table[];
  /** Text lines after the last table (notes such as `备注：…`). */
  trailing: string[];
  /** Page count for paged formats. */
  pages?: number;
  /** Non-fatal problems a backend noticed (an image-only page, an unknown charset guess …). */
  warnings: string[];
}

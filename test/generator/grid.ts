/**
 * Content-spec blocks → the grid a perfect backend would produce, the same way
 * test/interpret/fixture-content.test.ts does it: the paragraphs before a table (split into lines) are its
 * context, each table goes through tableFromRows, paragraphs after the last table are `trailing`.
 */
import { compactTable } from "../../src/grid/assemble.ts";
import { tableFromRows } from "../../src/grid/matrix.ts";
import type { GridDocument, Table } from "../../src/grid/types.ts";
import type { Block } from "./render.ts";

export function toGrid(blocks: Block[], opts: { joinBreaks?: boolean; compact?: boolean } = {}): GridDocument {
  const tables: Table[] = [];
  let context: string[] = [];
  let page = 1;
  // A table split by a page break with nothing but the break between its parts: one table (joinBreaks), its
  // cells knowing their page, as the PDF backend hands over a table it joined across pages.
  let open: { table: Table; rows: SpecRow[]; pages: number[] } | null = null;
  let onlyBreak = false;
  for (const b of blocks) {
    if (b.type === "table") {
      const rows: SpecRow[] = b.rows.map((r) =>
        r.map((c) => (typeof c === "string" ? { text: c } : { text: c.t, rowspan: c.rs, colspan: c.cs })),
      );
      if (opts.joinBreaks && open && onlyBreak && !context.some((l) => l.trim()) && open.table.cols === b.cols) {
        open.rows.push(...rows);
        open.pages.push(...rows.map(() => page));
        tables[tables.length - 1] = paged(tableFromRows(open.rows, open.table.index, open.table.context), open.pages);
        open.table = tables[tables.length - 1];
      } else {
        const built = tableFromRows(rows, tables.length, context);
        const table = opts.joinBreaks
          ? paged(
              built,
              rows.map(() => page),
            )
          : built;
        tables.push(table);
        open = { table, rows: [...rows], pages: rows.map(() => page) };
      }
      context = [];
      onlyBreak = false;
    } else {
      if (b.pageBreak) page++;
      if (b.pageBreak && !b.text.trim()) onlyBreak = true;
      else if (b.text.trim()) onlyBreak = false;
      context.push(...b.text.split("\n"));
    }
  }
  const out = opts.compact ? tables.map((t) => ({ ...t, ...compactTable(t) })) : tables;
  return { format: opts.joinBreaks ? "pdf" : "html", tables: out, trailing: context, warnings: [] };
}

type SpecRow = { text: string; rowspan?: number; colspan?: number }[];

/** Each cell's page: the page of the spec row it starts in. */
function paged(table: Table, pages: number[]): Table {
  return { ...table, cells: table.cells.map((c) => ({ ...c, page: pages[c.row] ?? pages[pages.length - 1] })) };
}

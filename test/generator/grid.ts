/**
 * Content-spec blocks → the grid a perfect backend would produce, the same way
 * test/interpret/fixture-content.test.ts does it: the paragraphs before a table (split into lines) are its
 * context, each table goes through tableFromRows, paragraphs after the last table are `trailing`.
 */
import { tableFromRows } from "../../src/grid/matrix.ts";
import type { GridDocument, Table } from "../../src/grid/types.ts";
import type { Block } from "./render.ts";

export function toGrid(blocks: Block[]): GridDocument {
  const tables: Table[] = [];
  let context: string[] = [];
  for (const b of blocks) {
    if (b.type === "table") {
      const rows = b.rows.map((r) => r.map((c) => (typeof c === "string" ? { text: c } : { text: c.t, rowspan: c.rs, colspan: c.cs })));
      tables.push(tableFromRows(rows, tables.length, context));
      context = [];
    } else context.push(...b.text.split("\n"));
  }
  return { format: "html", tables, trailing: context, warnings: [] };
}

/**
 * Output of `jixiao tables`: the raw grids of any document, before interpretation.
 *
 * CSV layout: one block per table, blocks separated by an empty line. A block starts with a marker row
 * `table=<index>`, `pages=<p1 p2…>` (empty for non-paged formats), then the table's context lines (the text
 * above it), one per cell; then the expanded row × col matrix. A merged cell's text is repeated in every slot it
 * covers (`merged: "repeat"`, default: each row reads on its own) or only in its top-left slot, others empty
 * (`merged: "blank"`, how a spreadsheet un-merges).
 */
import type { GridDocument, Table } from "../grid/types.ts";
import { toMatrix } from "../grid/matrix.ts";
import { BOM, formatCsvRows } from "./csv.ts";

export type MergedSlots = "repeat" | "blank";

export function gridJson(grid: GridDocument, path: string): string {
  return JSON.stringify({ path, ...grid }, null, 2);
}

function tableRows(table: Table, merged: MergedSlots): string[][] {
  const marker = [`table=${table.index}`, `pages=${(table.pages ?? []).join(" ")}`, ...table.context];
  const body = toMatrix(table).map((row, r) =>
    row.map((cell, c) => {
      if (!cell) return "";
      if (merged === "blank" && (cell.row !== r || cell.col !== c)) return "";
      return cell.text;
    }),
  );
  return [marker, ...body];
}

export async function gridCsv(grid: GridDocument, opts: { merged?: MergedSlots; bom?: boolean } = {}): Promise<string> {
  const blocks: string[] = [];
  for (const table of grid.tables) blocks.push(await formatCsvRows(tableRows(table, opts.merged ?? "repeat")));
  return (opts.bom === false ? "" : BOM) + blocks.join("\r\n");
}

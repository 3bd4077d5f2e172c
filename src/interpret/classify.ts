/**
 * What a row is. One function decides, from the row's cells and the reading state, and the reader (index.ts)
 * keeps one handler per kind. The order of the checks is the order of precedence, written once here:
 * structure (a header, a row that fits the open matrix) before words (a field label), so a name that equals a
 * label inside a matrix is still a name.
 */
import type { Table } from "../grid/types.ts";
import type { Cell } from "../grid/types.ts";
import { readContext } from "./context.ts";
import { readTaskHeader, type TaskMap } from "./department.ts";
import { labelOfSlot, scanRow } from "./fields.ts";
import { continueHeader, findHeader, type MatrixMap } from "./header.ts";
import { fitsMatrix, inferMatrix } from "./matrix.ts";
import type { Slot } from "./rows.ts";
import type { ReadingState, Unit } from "./state.ts";
import { joinLines } from "./text.ts";

export type RowKind =
  | { kind: "blank" }
  /** Percentages under the period labels of a 资金支出计划 row. */
  | { kind: "planValues" }
  /** A matrix header of `rows` rows. */
  | { kind: "header"; map: MatrixMap; rows: number }
  /** A title (`…绩效目标表`) or unit statement (`单位：万元`) printed as a row of the table. */
  | { kind: "banner"; title: string | null; statedUnit: Unit | null }
  /** A row of a wide table (a project, unit or 合计 row, with an indicator alongside). */
  | { kind: "wide" }
  /** The rest of a header a page break cut: sub-column names opening the next table. */
  | { kind: "subHeader"; map: MatrixMap }
  /** A row of the open matrix. */
  | { kind: "indicator" }
  /** The first row of a matrix without a header, typed by its content. */
  | { kind: "headerless"; map: MatrixMap }
  /** A department's task header (名称 | 主要实施内容 | 拟投入的资金 | 期望达到的目标). */
  | { kind: "taskHeader"; map: TaskMap }
  /** Label/value cells: project fields, or a department's name, goal and budget lines. */
  | { kind: "keyValue" }
  /** None of these: ends the open matrix. */
  | { kind: "other" };

const filledCells = (row: Slot[]) => row.filter((s) => s.anchored && joinLines(s.cell.text));

/** A title or unit row: one or two filled cells, no field label, reading as a title or `单位：万元`. */
function banner(row: Slot[]): { title: string | null; statedUnit: Unit | null } | null {
  const filled = filledCells(row);
  if (filled.length < 1 || filled.length > 2 || filled.some((s) => labelOfSlot(s))) return null;
  const read = readContext(filled.map((s) => joinLines(s.cell.text)));
  return read.title || read.statedUnit ? { title: read.title, statedUnit: read.statedUnit } : null;
}

export function classifyRow(table: Table, rows: Slot[][], r: number, state: ReadingState, grid: (Cell | null)[][]): RowKind {
  const row = rows[r];
  const t = state.table;
  if (!filledCells(row).length) return { kind: "blank" };
  if (t.plan) return { kind: "planValues" };
  const header = findHeader(table, rows, r, grid);
  if (header) return { kind: "header", ...header };
  const b = banner(row);
  if (b) return { kind: "banner", ...b };
  const m = state.matrix;
  if (m && m.fieldCols.name !== undefined) return { kind: "wide" };
  if (m && t.continues && t.beforeFirstBody) {
    const rest = continueHeader(row, m);
    if (rest) return { kind: "subHeader", map: rest };
  }
  if (m && fitsMatrix(row, m)) return { kind: "indicator" };
  const inferred = inferMatrix(rows, r);
  if (inferred) return { kind: "headerless", map: inferred };
  if (state.entity?.kind === "department") {
    const th = readTaskHeader(row);
    if (th) return { kind: "taskHeader", map: th };
    return { kind: "keyValue" };
  }
  const { hits, pending } = scanRow(row, t.pending);
  return hits.length || pending.length ? { kind: "keyValue" } : { kind: "other" };
}

/**
 * Matrix headers over one to three rows. A header is a block of rows whose cells are column names: the first
 * row names columns or groups of columns (`绩效指标` spanning 一级 | 二级 | 三级 | 指标值, `项目资金` spanning the
 * amounts, `指标值` spanning 数值 | 单位), each later row only subdivides cells of the row above it. Every column
 * takes its type from the lowest cell above it that names one; a group's own type (指标值) goes to the first of its
 * sub-columns no label claimed. Nothing here depends on where the header sits or which words surround it.
 */
import type { Table } from "../grid/types.ts";
import type { Cell } from "../grid/types.ts";
import { toMatrix } from "../grid/matrix.ts";
import type { Slot } from "./rows.ts";
import { joinLines } from "./text.ts";
import {
  canonicalLevel1,
  canonicalLevel2,
  isGroupLabel,
  isLongTermLabel,
  squash,
  subColumnOf,
  unitInLabel,
  wideFieldOf,
  type FieldKey,
  type IndicatorColumn,
} from "./vocabulary.ts";

export interface MatrixMap {
  /** Column of each indicator field (its leftmost grid column). */
  cols: Partial<Record<IndicatorColumn, number>>;
  /** Project columns in a wide table (one row per project: 单位编码 | 单位及项目名称 | 金额 | 绩效目标 | 指标…). */
  fieldCols: Partial<Record<FieldKey, number>>;
  /** Unit stated in a header such as 金额(元). */
  headerUnits: Partial<Record<FieldKey, "万元" | "元">>;
  /** Column count of the table the header was read from: a continuation table must have the same … */
  width?: number;
  /** … or as many as the header itself reaches (rows above it may make its table wider than the matrix). */
  span?: number;
  /** A matrix without a header: where its first row stands. */
  bodyFrom?: { table: number; row: number };
  /** Where the header stands, and its signature (column types by position) to recognise it when a page repeats it. */
  header?: { table: number; first: number; last: number; signature: string };
  /** 长期/中长期绩效指标: a multi-year matrix beside the annual one; its rows count only when no annual matrix exists. */
  longTerm?: boolean;
  /** Indicators read under this header, shared with its repeats on later pages: a header that yields none is reported. */
  reads?: { count: number; table: number; row: number };
}

/** How many header rows a matrix header may have. */
const MAX_HEADER_ROWS = 3;
/** A cell of unknown words in a header row is at most this long; longer text is data. */
const UNKNOWN_HEADER_MAX_CHARS = 12;

type CellType = { kind: "column"; col: IndicatorColumn | "other" } | { kind: "field"; key: FieldKey } | { kind: "group" } | null;

function cellType(text: string): CellType {
  const t = joinLines(text);
  if (!t) return null;
  const sub = subColumnOf(t);
  if (sub) return { kind: "column", col: sub };
  const f = wideFieldOf(t);
  if (f) return { kind: "field", key: f };
  if (isGroupLabel(t) || isLongTermLabel(t)) return { kind: "group" };
  return null;
}

/** A cell that may stand in a header row: a known column, field or group name, or a short word that is no data. */
function headerish(text: string): boolean {
  const t = joinLines(text);
  if (!t || cellType(t)) return true;
  const form = squash(t);
  return form.length <= UNKNOWN_HEADER_MAX_CHARS && !/\d/.test(form) && !canonicalLevel1(t) && !canonicalLevel2(t);
}

/** A row whose anchored cells could all be column names, with at least one that names a matrix column or group. */
function namesColumns(row: Slot[]): boolean {
  const filled = row.filter((s) => s.anchored && joinLines(s.cell.text));
  if (!filled.length || !filled.every((s) => headerish(s.cell.text))) return false;
  return filled.some((s) => {
    const t = cellType(s.cell.text);
    return t !== null && t.kind !== "field";
  });
}

/**
 * A row under a header row that only subdivides it: every filled cell of its own is narrower than the header cell
 * above it (a sub-column of a group), and at least one of them names a column.
 */
function subdivides(row: Slot[], above: (Cell | null)[]): boolean {
  let named = false;
  for (const s of row) {
    if (!s.anchored) continue;
    const text = joinLines(s.cell.text);
    if (!text) continue;
    const parent = above[s.col];
    if (!parent || parent.colspan <= s.cell.colspan || parent.col > s.col || parent.col + parent.colspan < s.colEnd) return false;
    if (!headerish(text)) return false;
    const t = cellType(text);
    if (t && t.kind === "column") named = true;
  }
  return named;
}

/** The header starting at row `r`, with the number of rows it takes, or null. */
export function findHeader(table: Table, rows: Slot[][], r: number, grid = toMatrix(table)): { map: MatrixMap; rows: number } | null {
  if (!namesColumns(rows[r])) return null;
  let last = r;
  while (last + 1 < rows.length && last + 1 - r < MAX_HEADER_ROWS && subdivides(rows[last + 1], grid[last])) last++;
  // Try the whole block first; a block whose lower rows spoil it (a data row that looked like labels) shrinks.
  for (let end = last; end >= r; end--) {
    const map = mapBlock(table, grid, r, end);
    if (map) return { map, rows: end - r + 1 };
  }
  return null;
}

/** Column types of a header block; null when it is no matrix header. */
function mapBlock(table: Table, grid: (Cell | null)[][], first: number, last: number): MatrixMap | null {
  const cols: MatrixMap["cols"] = {};
  const fieldCols: MatrixMap["fieldCols"] = {};
  const headerUnits: MatrixMap["headerUnits"] = {};
  // A column's type: a matrix column, or `field:<key>` for a project column of a wide table (keys and matrix
  // columns share names such as `name`).
  const typeOfCol: (string | null)[] = Array(table.cols).fill(null);
  let longTerm = false;
  // Lowest row first: a sub-column's own name wins over its group's.
  const seen = new Set<Cell>();
  for (let r = last; r >= first; r--) {
    for (let c = 0; c < table.cols; c++) {
      const cell = grid[r][c];
      if (!cell || seen.has(cell)) continue;
      seen.add(cell);
      const text = joinLines(cell.text);
      const t = cellType(text);
      if (isLongTermLabel(text)) longTerm = true;
      if (!t || t.kind === "group") continue;
      const covered = range(cell.col, Math.min(cell.col + cell.colspan, table.cols));
      const value = t.kind === "column" ? t.col : `field:${t.key}`;
      if (covered.some((x) => typeOfCol[x] === value)) continue; // a sub-column already holds this name
      const free = covered.find((x) => typeOfCol[x] === null);
      if (free === undefined) continue;
      typeOfCol[free] = value;
      if (t.kind === "field") {
        const u = unitInLabel(cell.text);
        if (u) headerUnits[t.key] = u;
      }
    }
  }
  typeOfCol.forEach((t, c) => {
    if (t === null || t === "other") return;
    if (t.startsWith("field:")) fieldCols[t.slice("field:".length) as FieldKey] ??= c;
    else if (isIndicatorColumn(t)) cols[t] ??= c;
  });
  // A matrix always names its indicators: with no 三级指标/指标名称 column, a lone 指标内容/指标描述 column holds the names.
  if (cols.name === undefined && cols.description !== undefined && cols.level2 !== undefined && cols.value !== undefined) {
    cols.name = cols.description;
    delete cols.description;
  }
  // A field column that is also a matrix column (a 单位 column read as 计量单位 in a wide table) stays a field.
  const levels = (cols.level1 !== undefined ? 1 : 0) + (cols.level2 !== undefined ? 1 : 0);
  const hasName = cols.name !== undefined;
  const hasValue = cols.value !== undefined;
  if (!(levels >= 1 && (hasName || hasValue) && levels + (hasName ? 1 : 0) + (hasValue ? 1 : 0) >= 3)) return null;
  const signature = typeOfCol.map((t) => t ?? "").join("|");
  let span = 0;
  for (let r = first; r <= last; r++)
    for (const cell of grid[r]) if (cell && joinLines(cell.text)) span = Math.max(span, cell.col + cell.colspan);
  const map: MatrixMap = { cols, fieldCols, headerUnits, width: table.cols, span, header: { table: table.index, first, last, signature } };
  if (longTerm) map.longTerm = true;
  return map;
}

const INDICATOR_COLUMNS = new Set<string>([
  "level1",
  "level2",
  "name",
  "description",
  "value",
  "basis",
  "operator",
  "measure",
  "valueType",
  "direction",
  "serial",
  "score",
  "remark",
]);

function isIndicatorColumn(t: string): t is IndicatorColumn {
  return INDICATOR_COLUMNS.has(t);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/**
 * The last row of a header cut off by a page break (`计算符号 | 指标值 | 计量单位` under the 指标值 of the page
 * before): only sub-column names, nothing in the level and name columns. The matrix's columns, each cell's type
 * taking over its grid column; null when the row is anything else.
 */
export function continueHeader(row: Slot[], map: MatrixMap): MatrixMap | null {
  const filled = row.filter((s) => s.anchored && joinLines(s.cell.text));
  if (filled.length < 2) return null;
  const typed: [IndicatorColumn, number][] = [];
  for (const s of filled) {
    const t = cellType(joinLines(s.cell.text));
    if (!t || t.kind !== "column" || t.col === "other" || !isIndicatorColumn(t.col)) return null;
    if (t.col === "level1" || t.col === "level2" || t.col === "name") return null;
    typed.push([t.col, s.col]);
  }
  const cols: MatrixMap["cols"] = { ...map.cols };
  const claimed = new Set(typed.map(([, c]) => c));
  for (const k of Object.keys(cols) as IndicatorColumn[]) if (claimed.has(cols[k]!)) delete cols[k];
  for (const [k, c] of typed) cols[k] = c;
  if (cols.value === undefined) return null;
  return { ...map, cols };
}

/**
 * The first rows of a header a page break cut off, left at the bottom of the page before (`绩效指标 | 指标值确定依据`
 * with 指标值确定依据 spanning down over the break): group labels and column names only. The column each name
 * stands over; null when the row is anything else.
 */
export function headerStub(row: Slot[]): HeaderStub | null {
  const filled = row.filter((s) => s.anchored && joinLines(s.cell.text));
  if (!filled.length) return null;
  const out: Partial<Record<IndicatorColumn, number>> = {};
  let groupStart = Infinity;
  let groupEnd = -1;
  for (const s of filled) {
    const t = cellType(joinLines(s.cell.text));
    if (t?.kind === "group") {
      groupStart = Math.min(groupStart, s.col);
      groupEnd = Math.max(groupEnd, s.colEnd);
    } else if (t?.kind === "column" && t.col !== "other" && isIndicatorColumn(t.col)) out[t.col] ??= s.col;
    else return null;
  }
  return groupEnd >= 0 ? { cols: out, groupStart, groupEnd } : null;
}

/**
 * The stub's columns in a continuation `width` columns wide when the stub's table was `stubWidth` wide: the same,
 * or — the difference being columns under the group label that one of the two tables splits and the other does not
 * (a reader drops columns no cell starts in) — placed from the left edge left of the group, from the right edge
 * right of it.
 * Null when they cannot be placed.
 */
export function placeStub(stub: HeaderStub, stubWidth: number, width: number): Partial<Record<IndicatorColumn, number>> | null {
  if (stubWidth === width) return stub.cols;
  // Left of the group label a column keeps its place; right of it, it keeps its distance from the right edge.
  const moved = Object.entries(stub.cols).map(([k, c]) => {
    const col = c as number;
    return [k, col < stub.groupStart ? col : col >= stub.groupEnd ? col + width - stubWidth : -1] as const;
  });
  return moved.every(([, c]) => c >= 0 && c < width) ? Object.fromEntries(moved) : null;
}

export interface HeaderStub {
  cols: Partial<Record<IndicatorColumn, number>>;
  /** The grid columns the group label (`绩效指标`) spans in the stub's table. */
  groupStart: number;
  groupEnd: number;
}

/** A header read below a cut-off stub: columns it left unnamed take the names the stub gave them. */
export function withStub(map: MatrixMap, stub: Partial<Record<IndicatorColumn, number>>): MatrixMap {
  const cols: MatrixMap["cols"] = { ...map.cols };
  const used = new Set(Object.values(cols));
  for (const [k, c] of Object.entries(stub) as [IndicatorColumn, number][]) {
    if (cols[k] === undefined && !used.has(c)) {
      cols[k] = c;
      used.add(c);
    }
  }
  return { ...map, cols };
}

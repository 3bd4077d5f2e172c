/**
 * Indicator matrices: find the header row (一级指标 | 二级指标 | 三级指标 | [描述] | 指标值 | [依据]), map its
 * columns, and read each following row as an indicator — merged level-1/level-2 cells filled down, codes
 * stripped and labels canonicalised, split value columns (计算符号 | 指标值 | 计量单位) joined.
 */
import type { Table } from "../grid/types.ts";
import type { Indicator, Target } from "../model/types.ts";
import { fieldOf, indicatorColumnOf, type FieldKey, type IndicatorColumn } from "./labels.ts";
import { refOf, slotAt, type Slot } from "./rows.ts";
import { canonicalLevel1, canonicalLevel2, impliedLevel1, stripLabel } from "./taxonomy.ts";
import { joinLines, labelForm } from "./text.ts";
import { parseValue } from "./value.ts";

export interface MatrixMap {
  cols: Partial<Record<IndicatorColumn, number>>;
  /** Project columns in a wide table (one row per project: 单位编码 | 单位及项目名称 | 金额 | 绩效目标 | 指标…). */
  fieldCols: Partial<Record<FieldKey, number>>;
  /** Unit stated in a header such as 金额(元). */
  headerUnits: Partial<Record<FieldKey, "万元" | "元">>;
  /** Column count of the table the header was read from: a continuation table must have the same … */
  width?: number;
  /**
   * … or as many as the header row itself reaches, when rows above it (title, key–value rows) made its
   * table wider than the matrix (a continuation page holds only the matrix columns).
   */
  span?: number;
  /** The header row itself (table, row, its slots), to recognise a second header row right under it. */
  header?: { table: number; row: number; slots: Slot[] };
  /**
   * The matrix is labelled 长期/中长期绩效指标 (a multi-year plan beside the 年度绩效指标 of the year): its rows are
   * the project's indicators only when the project has no annual matrix.
   */
  longTerm?: boolean;
}

/** A label naming a matrix of multi-year targets: 长期绩效指标, 中长期绩效指标, 长期指标. */
const LONG_TERM_MATRIX = /^(中)?长期(绩效)?指标$|^(中)?长期绩效目标指标$/;

/** How many columns a header row reaches: the end of its last non-empty cell. */
export function headerSpan(row: Slot[]): number {
  return row.reduce((end, s) => (s.anchored && joinLines(s.cell.text) ? Math.max(end, s.colEnd) : end), 0);
}

/** Running state while reading rows of one matrix: labels carried down over blank cells. */
export interface FillState {
  level1: { label: string; slotRow: number } | null;
  level2: { label: string; slotRow: number } | null;
}

export function newFillState(): FillState {
  return { level1: null, level2: null };
}

export function readIndicatorHeader(row: Slot[], unitOf: (text: string) => "万元" | "元" | null): MatrixMap | null {
  const cols: MatrixMap["cols"] = {};
  const fieldCols: MatrixMap["fieldCols"] = {};
  const headerUnits: MatrixMap["headerUnits"] = {};
  // Header cells reaching down from the row above (`指标值` spanning two header rows beside `绩效指标` over
  // 一级 | 二级 | 三级指标) name their columns too, when this row holds header cells of its own.
  const ownHeader = row.some((s) => s.anchored && indicatorColumnOf(joinLines(s.cell.text)) !== null);
  for (const s of row) {
    if (!s.anchored && !ownHeader) continue;
    const text = joinLines(s.cell.text);
    const ic = indicatorColumnOf(text);
    if (ic && cols[ic] === undefined) {
      cols[ic] = s.col;
      continue;
    }
    if (!s.anchored) continue;
    const f = fieldOf(text) ?? wideFieldOf(text);
    if (f && fieldCols[f] === undefined) {
      fieldCols[f] = s.col;
      const u = unitOf(text);
      if (u) headerUnits[f] = u;
    }
  }
  // A matrix always names its indicators: with no 三级指标/指标名称 column, a lone 指标内容/指标描述 column holds the names.
  if (cols.name === undefined && cols.description !== undefined && cols.level2 !== undefined && cols.value !== undefined) {
    cols.name = cols.description;
    delete cols.description;
  }
  const levels = (cols.level1 !== undefined ? 1 : 0) + (cols.level2 !== undefined ? 1 : 0);
  const hasName = cols.name !== undefined;
  const hasValue = cols.value !== undefined;
  if (levels >= 1 && (hasName || hasValue) && levels + (hasName ? 1 : 0) + (hasValue ? 1 : 0) >= 3) {
    // A container label left of the columns (`长期绩效指标` spanning the matrix) says which matrix this is.
    const first = Math.min(...(Object.values(cols) as number[]));
    const longTerm = row.some((s) => s.colEnd <= first && LONG_TERM_MATRIX.test(labelForm(joinLines(s.cell.text))));
    return longTerm ? { cols, fieldCols, headerUnits, longTerm } : { cols, fieldCols, headerUnits };
  }
  return null;
}

/**
 * A sub-column label: a matrix header, or the year split of 指标值 (`中长期 | 年度`: the annual one is the value,
 * the multi-year one is no column of the model).
 */
function subColumnOf(text: string): IndicatorColumn | "other" | null {
  const f = text.normalize("NFKC").replace(/\s+/g, "");
  if (/^(年度|本年度?|当年|\d{4}年(度)?)(指标值|目标值)?$/.test(f)) return "value";
  if (/^(中长期|长期|总体|实施期)(指标值|目标值)?$/.test(f)) return "other";
  return indicatorColumnOf(text);
}

/**
 * A second header row under a header whose cells span several columns (`指标值` over `数值 | 度量单位`, `指标值`
 * over `计算符号 | 目标值 | 计量单位`), while the header's other cells reach down into it by rowspan. Its
 * labels name the sub-columns; a parent column keeps the first sub-column no label claimed. Returns false
 * (and changes nothing) when the row is not such a row — any cell covered from elsewhere, or any text outside
 * a spanning header cell, makes it a data row. Empty cells under the other header cells are allowed: a page
 * break between the two header rows cuts the rowspans (LibreOffice), leaving blank cells on the next page.
 * At least one sub-label must be a known column name (度量单位, 计算符号 …), so a data row is never taken.
 */
export function readSubHeader(table: Table, row: Slot[], rowIndex: number, map: MatrixMap): boolean {
  const h = map.header;
  if (!h || h.table !== table.index || h.row !== rowIndex - 1) return false;
  const parentOf = (s: Slot) => h.slots.find((p) => p.anchored && p.cell.colspan > 1 && p.cell.rowspan === 1 && p.col <= s.col && s.colEnd <= p.colEnd);
  const subs: { slot: Slot; parent: Slot }[] = [];
  for (const s of row) {
    if (!s.anchored) {
      if (s.cell.row !== h.row) return false;
      continue;
    }
    const parent = parentOf(s);
    if (parent) subs.push({ slot: s, parent });
    else if (joinLines(s.cell.text) || !h.slots.some((p) => p.anchored && p.col <= s.col && s.colEnd <= p.colEnd)) return false;
  }
  const claimed = new Map<number, IndicatorColumn | "other">();
  for (const { slot } of subs) {
    const ic = subColumnOf(joinLines(slot.cell.text));
    if (ic) claimed.set(slot.col, ic);
  }
  if (!claimed.size) return false;
  for (const [col, ic] of claimed) if (ic !== "other") map.cols[ic] = col;
  // A parent whose column a sub-label took over (指标值 over 计算符号 | 数值) moves to its first unclaimed sub-column.
  for (const [ic, col] of Object.entries(map.cols) as [IndicatorColumn, number][]) {
    const parent = h.slots.find((p) => p.col === col && p.anchored && p.cell.colspan > 1);
    const owner = claimed.get(col);
    if (!parent || owner === undefined || owner === ic) continue;
    const free = subs.find((x) => x.parent === parent && !claimed.has(x.slot.col));
    if (free) map.cols[ic] = free.slot.col;
  }
  map.header = undefined;
  return true;
}

/**
 * A matrix with no header row: a row that starts with a level-1 label followed by a level-2 label
 * (`产出指标 | 数量指标 | 名称 | 值`). Name is the column after level 2 and value the last column.
 */
export function inferMatrixFromRow(row: Slot[]): MatrixMap | null {
  const cells = row.filter((s) => joinLines(s.cell.text) || !s.anchored);
  if (cells.length < 4) return null;
  const [a, b] = cells;
  if (!canonicalLevel1(joinLines(a.cell.text)) || !canonicalLevel2(joinLines(b.cell.text))) return null;
  const rest = row.filter((s) => s.col >= b.colEnd);
  if (rest.length < 2) return null;
  return {
    cols: { level1: a.col, level2: b.col, name: rest[0].col, value: rest[rest.length - 1].col },
    fieldCols: {},
    headerUnits: {},
  };
}

/** Headers that only wide tables use for their project columns. */
function wideFieldOf(text: string): FieldKey | null {
  const f = text.normalize("NFKC").replace(/\s+/g, "").replace(/[(（].*?[)）]/g, "");
  if (/^单位及项目名称$|^项目及单位名称$|^单位\/?项目名称$/.test(f)) return "name";
  if (/^金额$|^资金$|^预算金额$|^项目金额$/.test(f)) return "budget.total";
  return null;
}

/** Canonical level-1/level-2 names for the printed labels of a row. */
export function canonicalLevels(l1: string | null, l2: string | null): Pick<Indicator, "level1" | "level2"> {
  let level2 = l2 ? (canonicalLevel2(l2) ?? (stripLabel(l2) || null)) : null;
  let level1: string | null = l1 ? canonicalLevel1(l1) : null;
  if (l1 && !level1) {
    // A level-2 label printed in the level-1 column (社会效益指标 where 效益指标 belongs).
    const asLevel2 = canonicalLevel2(l1);
    if (asLevel2) {
      level1 = impliedLevel1(asLevel2);
      level2 ??= asLevel2;
    } else level1 = stripLabel(l1) || null;
  }
  if (!level1 && level2) level1 = impliedLevel1(canonicalLevel2(level2));
  return { level1, level2 };
}

/**
 * Read one row of a matrix. Returns null for rows that carry no indicator (a level-1 label alone on its
 * row, a blank row); `end` is set when the row cannot belong to the matrix (a full-width note row).
 */
export function readIndicatorRow(
  table: Table,
  row: Slot[],
  rowIndex: number,
  map: MatrixMap,
  fill: FillState,
): { indicator: Indicator | null; end: boolean } {
  const at = (c: IndicatorColumn) => (map.cols[c] === undefined ? undefined : slotAt(row, map.cols[c]!));
  const text = (s: Slot | undefined) => (s ? joinLines(s.cell.text) : "");

  const s1 = at("level1");
  const s2 = at("level2");
  const sName = at("name");
  const sValue = at("value");
  // A single cell across the name and value columns is a note or a section title, not an indicator.
  if (sName && sName === sValue && row.length <= 2) return { indicator: null, end: true };

  const level = (s: Slot | undefined, key: "level1" | "level2"): string | null => {
    if (s && text(s)) {
      fill[key] = { label: text(s), slotRow: s.cell.row };
      return text(s);
    }
    // A blank, unmerged level cell repeats the label above it (tables that do not merge).
    return s && !s.anchored ? text(s) || null : (fill[key]?.label ?? null);
  };
  // A new level-1 block resets the level-2 carried down from the previous block.
  if (s1 && s1.anchored && text(s1) && fill.level1 && fill.level1.slotRow !== s1.cell.row) fill.level2 = null;
  const l1 = level(s1, "level1");
  const l2 = s2 && s2 !== s1 ? level(s2, "level2") : s2 === s1 ? null : (fill.level2?.label ?? null);

  // A header cell reaching into this row (一级指标 spanning two header rows) makes it no indicator row.
  if ([s1, s2].some((s) => s && !s.anchored && /^(level1|level2)$/.test(indicatorColumnOf(text(s)) ?? ""))) return { indicator: null, end: false };
  const nameSlot = sName && sName !== s2 && sName !== s1 ? sName : undefined;
  const name = nameSlot && nameSlot.anchored ? text(nameSlot) : "";
  const value = readValue(row, map);
  if (!name && !value.text) return { indicator: null, end: false };

  const descSlot = at("description");
  const basisSlot = at("basis");
  const { level1, level2 } = canonicalLevels(l1, l2);
  const indicator: Indicator = {
    level1,
    level1Label: l1,
    level2,
    level2Label: l2,
    name,
    value: value.text,
    target: withDirection(parseValue(value.text), directionOf(row, map)),
    at: {
      name: nameSlot ? refOf(table, nameSlot.cell) : null,
      value: value.slot ? refOf(table, value.slot.cell) : null,
    },
  };
  if (map.cols.description !== undefined) indicator.description = descSlot && descSlot.anchored ? text(descSlot) || null : null;
  if (map.cols.basis !== undefined) indicator.basis = basisSlot && basisSlot.anchored ? text(basisSlot) || null : null;
  void rowIndex;
  return { indicator, end: false };
}

/**
 * 正向 (more is better) makes a bare number a floor, 反向 (less is better) a ceiling: `正向 | 90 | %` is ≥90%,
 * `反向 | 0 | 起` is ≤0起. Read from a 指标方向 column, or a 指标性质 column holding 正向/反向(指标).
 */
function directionOf(row: Slot[], map: MatrixMap): "<=" | ">=" | null {
  for (const c of ["direction", "valueType"] as const) {
    const col = map.cols[c];
    const s = col === undefined ? undefined : slotAt(row, col);
    const t = s && s.anchored ? joinLines(s.cell.text).replace(/\s+/g, "") : "";
    if (/^正向(指标)?$/.test(t)) return ">=";
    if (/^反向(指标)?$/.test(t)) return "<=";
  }
  return null;
}

function withDirection(target: Target, op: "<=" | ">=" | null): Target {
  if (!op || (target.kind !== "quantity" && target.kind !== "duration") || target.op !== "=") return target;
  return { ...target, op };
}

/** A comparison printed on its own in a column of signs: ≥ ≤ = > < (also ASCII >= <=, ≧ ≦, 大于等于 …). */
const COMPARISON = /^(≥|≤|=|>|<|>=|<=|=<|=>|≧|≦|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不超过|不大于|不小于)$/;

/** The printed value; split columns (计算符号 | 指标值 | 计量单位) are joined into one string. */
function readValue(row: Slot[], map: MatrixMap): { text: string; slot: Slot | undefined } {
  const get = (c: IndicatorColumn) => {
    const col = map.cols[c];
    const s = col === undefined ? undefined : slotAt(row, col);
    return s && s.anchored ? s : undefined;
  };
  const v = get("value");
  let text = v ? joinLines(v.cell.text) : "";
  const unit = get("measure");
  const op = get("operator");
  if (op && op !== v) {
    const o = joinLines(op.cell.text).replace(/^(定性|定量)$/, "");
    if (o && text) text = o + text;
  } else if (map.cols.operator === undefined) {
    // Without a 计算符号 column, a 指标性质/指标值类型 column may hold the comparison itself (≥ ≤ =, beside
    // 定性 for text values) rather than 定量/定性: join it when it reads as a sign.
    const vt = get("valueType");
    const o = vt && vt !== v ? joinLines(vt.cell.text) : "";
    if (o && text && COMPARISON.test(o.normalize("NFKC"))) text = o + text;
  }
  if (unit && unit !== v) {
    const u = joinLines(unit.cell.text);
    if (u && text && !text.endsWith(u)) text += u;
  }
  return { text, slot: v };
}

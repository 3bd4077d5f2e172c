/**
 * Reading an indicator matrix once its columns are known (header.ts, or inferMatrix for a matrix without a
 * header): each body cell is read by its column — a name that happens to equal a field label is still a name —,
 * merged level-1/level-2 cells filled down, codes stripped and labels canonicalised, split value columns
 * (计算符号 | 指标值 | 计量单位) joined. Whether a row belongs to the matrix is a question of its shape (fitsMatrix).
 */
import type { Table } from "../grid/types.ts";
import type { Indicator, Target } from "../model/types.ts";
import type { MatrixMap } from "./header.ts";
import { refOf, slotAt, type Slot } from "./rows.ts";
import { labelOfSlot } from "./fields.ts";
import { joinLines } from "./text.ts";
import { parseValue } from "./value.ts";
import {
  canonicalLevel1,
  canonicalLevel2,
  COMPARISON,
  directionOf as directionWord,
  fieldOf,
  impliedLevel1,
  indicatorColumnOf,
  isLevelLabel,
  isTotalLabel,
  stripLabel,
  type IndicatorColumn,
} from "./vocabulary.ts";

export type { MatrixMap } from "./header.ts";

/** Running state while reading rows of one matrix: labels carried down over blank cells. */
export interface FillState {
  level1: { label: string; slotRow: number } | null;
  level2: { label: string; slotRow: number } | null;
}

export function newFillState(): FillState {
  return { level1: null, level2: null };
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
    // A blank level cell, unmerged (tables that do not merge) or merged (what a page break leaves of a merged
    // cell cut in two), repeats the label above it.
    return s && !s.anchored && text(s) ? text(s) : (fill[key]?.label ?? null);
  };
  // A new level-1 block resets the level-2 carried down from the previous block.
  if (s1 && s1.anchored && text(s1) && fill.level1 && fill.level1.slotRow !== s1.cell.row) fill.level2 = null;
  const l1 = level(s1, "level1");
  const l2 = s2 && s2 !== s1 ? level(s2, "level2") : s2 === s1 ? null : (fill.level2?.label ?? null);

  // A header cell reaching into this row (一级指标 spanning two header rows) makes it no indicator row.
  if ([s1, s2].some((s) => s && !s.anchored && /^(level1|level2)$/.test(indicatorColumnOf(text(s)) ?? "")))
    return { indicator: null, end: false };
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
    const op = s && s.anchored ? directionWord(joinLines(s.cell.text)) : null;
    if (op) return op;
  }
  return null;
}

function withDirection(target: Target, op: "<=" | ">=" | null): Target {
  if (!op || (target.kind !== "quantity" && target.kind !== "duration") || target.op !== "=") return target;
  return { ...target, op };
}

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

/** Longest text a level cell of unknown wording may hold. */
const LEVEL_LABEL_MAX_CHARS = 16;

/** The first column the indicator's own cells start at (name, or value when there is no name column). */
function bodyStart(map: MatrixMap): number {
  return map.cols.name ?? map.cols.value ?? Infinity;
}

/**
 * Whether a row belongs to the matrix, by its shape alone. A row whose cells left of the name column (the level
 * and 序号 columns) hold a field label, a 合计 or any text that is neither a level label nor a serial number is a
 * key–value row, a total or a note: the matrix ends there. A row whose text starts at the name column, beside
 * level cells that are merged from above, blank or labelled, is an indicator — whatever words its name holds
 * (`资金支出计划`, `项目资金` are names there). One cell running from the level columns across the name and value
 * columns is a note or a section title.
 */
export function fitsMatrix(row: Slot[], map: MatrixMap): boolean {
  const start = bodyStart(map);
  const nameSlot = map.cols.name === undefined ? undefined : slotAt(row, map.cols.name);
  const valueSlot = map.cols.value === undefined ? undefined : slotAt(row, map.cols.value);
  if (nameSlot && valueSlot && nameSlot === valueSlot && nameSlot.col < start) return false;
  if (nameSlot && valueSlot && nameSlot === valueSlot && row.filter((s) => s.anchored && joinLines(s.cell.text)).length <= 1) return false;
  // `项目名称：… | 主管部门：…`: two `label：value` cells are fields printed inline (the next project's), however
  // the cells line up with the matrix's columns.
  if (row.filter((s) => s.anchored && labelOfSlot(s)?.inline !== undefined).length >= 2) return false;
  // One text cell over both level columns and the name (`项目名称` spanning them above the project's name) is
  // laid out like a form, not like an indicator: an indicator's name may take over a missing level 2, never both.
  const l1 = map.cols.level1;
  const l2 = map.cols.level2;
  if (l1 !== undefined && l2 !== undefined && l1 !== l2 && map.cols.name !== undefined && map.cols.name > Math.max(l1, l2)) {
    const across = row.find((s) => s.anchored && joinLines(s.cell.text) && s.col <= Math.min(l1, l2) && s.colEnd > map.cols.name!);
    if (across) return false;
  }
  for (const s of row) {
    // Cells reaching the name column are the indicator's own (a wide name may start a column early).
    if (!s.anchored || s.col >= start || s.colEnd > start) continue;
    const text = joinLines(s.cell.text);
    if (!text) continue;
    if (isTotalLabel(text)) return false;
    if (isLevelLabel(text) || /^\d{1,3}[.、]?$/.test(text.normalize("NFKC").trim())) continue;
    if (fieldOf(text) || /^[^:：]{2,12}[:：]/.test(text)) return false;
    // An unknown level wording (a level cell printed in a form's own words) is still a level cell when it is
    // short; a long text left of the names is a paragraph.
    if (text.length > LEVEL_LABEL_MAX_CHARS) return false;
  }
  return true;
}

/** Whether the row holds an indicator's own text (a name or a value), read by the matrix's columns. */
export function hasIndicatorText(row: Slot[], map: MatrixMap): boolean {
  for (const c of ["name", "value"] as const) {
    const col = map.cols[c];
    const s = col === undefined ? undefined : slotAt(row, col);
    if (s && s.anchored && joinLines(s.cell.text)) return true;
  }
  return false;
}

/** A row that looks like an indicator wherever it stands: a level label beside at least two more filled cells. */
export function looksLikeIndicator(row: Slot[]): boolean {
  const filled = row.filter((s) => s.anchored && joinLines(s.cell.text));
  return filled.length >= 3 && filled.some((s) => isLevelLabel(joinLines(s.cell.text)));
}

/** How much a cell reads as a target: a typed value counts fully, a verbal one half. */
function valueScore(text: string): number {
  if (!text) return 0;
  const t = parseValue(text);
  if (t.kind === "empty" || t.kind === "unparsed") return 0;
  return t.kind === "qualitative" ? 0.5 : 1;
}

/** Rows looked at to type the columns of a matrix without a header. */
const CONTENT_SAMPLE_ROWS = 12;

/**
 * A matrix with no header, typed by its content: from a row that opens with a level-1 and a level-2 label
 * (`产出指标 | 数量指标 | 名称 | 值`, or a level-2 alone under a level-1 merged from above). The name is the first
 * column after level 2; the value is, among the columns after the name, the one whose cells read best as targets
 * over the rows that follow (a basis or remark column may stand after it).
 */
export function inferMatrix(rows: Slot[][], r: number): MatrixMap | null {
  const cells = rows[r].filter((s) => joinLines(s.cell.text));
  // Level 1, level 2 and a name; the value may be blank in this first row (its column is still there).
  if (cells.length < 3) return null;
  const [a, b] = cells;
  if (!canonicalLevel1(joinLines(a.cell.text)) || !canonicalLevel2(joinLines(b.cell.text))) return null;
  const rest = rows[r].filter((s) => s.col >= b.colEnd && s.anchored);
  if (rest.length < 2 || !joinLines(rest[0].cell.text)) return null;
  const name = rest[0].col;
  const candidates = rest.slice(1).map((s) => s.col);
  const sample = rows.slice(r, r + CONTENT_SAMPLE_ROWS);
  let best = candidates[candidates.length - 1];
  let bestScore = -1;
  for (const col of candidates) {
    let score = 0;
    for (const row of sample) {
      const s = slotAt(row, col);
      if (s && s.anchored) score += valueScore(joinLines(s.cell.text));
    }
    if (score > bestScore) {
      best = col;
      bestScore = score;
    }
  }
  return { cols: { level1: a.col, level2: b.col, name, value: best }, fieldCols: {}, headerUnits: {} };
}

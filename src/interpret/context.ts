/**
 * What the text above a table says: its title (`1.综合服务园区…绩效目标表`), the unit that publishes it
 * (`563201天津市残疾人康复服务指导中心`) and the unit amounts are stated in (`单位：万元`).
 */
import { detectAmountUnit } from "./amount.ts";
import { fieldOf, TITLE, TITLE_MAX_CHARS, UNIT_CODE_LINE, UNIT_NAMED_LINE, UNIT_STATEMENT, type FieldKey } from "./vocabulary.ts";

/** A `label：value` pair written in a line of text (`主管部门：某局　　实施单位：某中心`). */
export interface ContextField {
  key: FieldKey;
  label: string;
  raw: string;
}

export interface TableContext {
  title: string | null;
  unitCode: string | null;
  unit: string | null;
  statedUnit: "万元" | "元" | null;
  /** Field pairs of the lines after the title: the fields of a table that holds only the matrix. */
  fields: ContextField[];
}

/**
 * The `label：value` pairs of one line, or [] when the line does not start with a field label. Several pairs
 * may share a line, with or without spaces between them (a PDF may drop the full-width spaces): each colon is
 * preceded by the longest field label ending there (`其中：财政资金：` is one label).
 */
/**
 * How far before a colon a label may start: the longest label with OCR spaces between its characters
 * (`项 目 年 度 金 额 （ 万 元 ）`).
 */
const LABEL_LOOKBACK_CHARS = 32;

/**
 * Whether the spaces inside a label are the label's own: none, OCR spacing between every character
 * (`项 目 名 称`), or before its unit (`预算数 （万元）`). `项目　　实施期` is the end of one value (`一次性项目`)
 * and the next label (`实施期`), not one label.
 */
function wordGapFree(label: string): boolean {
  const words = label
    .replace(/[(（][^)）]*[)）]/g, " ")
    .split(/\s+/)
    .filter((w) => w);
  return words.length <= 1 || words.every((w) => [...w].length === 1);
}

export function fieldPairs(line: string): ContextField[] {
  const found: { key: FieldKey; label: string; start: number; end: number }[] = [];
  for (const m of line.matchAll(/[:：]/g)) {
    const c = m.index!;
    const from = Math.max(0, c - LABEL_LOOKBACK_CHARS);
    for (let i = from; i < c - 1; i++) {
      if (/\s/.test(line[i])) continue; // the label starts at its first character
      const label = line.slice(i, c).trim();
      const key = label.length >= 2 && wordGapFree(label) ? fieldOf(label) : null;
      if (!key || key === "spendingPlan") continue;
      if (found.length && i < found[found.length - 1].end) break; // inside the previous pair's label
      // `其中：财政资金：` is one label: the `其中：` before it belongs to it, not to the previous value.
      const lead = line.slice(0, i).match(/其\s*中\s*[:：]\s*$/);
      const start = lead ? i - lead[0].length : i;
      if (found.length && start < found[found.length - 1].end) break;
      found.push({ key, label: line.slice(start, c).trim(), start, end: c + 1 });
      break;
    }
  }
  if (!found.length || line.slice(0, found[0].start).trim() !== "") return [];
  return found.map((f, k) => {
    const to = k + 1 < found.length ? found[k + 1].start : line.length;
    // A separator before the next pair is no part of the value; at the line's end it may be (a wrapped goal).
    const value = line.slice(f.end, to).trim();
    const raw = k + 1 < found.length ? value.replace(/[,，;；、]$/, "").trim() : value;
    return { key: f.key, label: f.label, raw };
  });
}

/** A line opening with a label's unit and colon (`（元）：…`) or a bare colon: the label began on the line before. */
const LABEL_TAIL = /^(?:[(（]\s*(?:万\s*)?元\s*[)）]\s*)?[:：]/;

export function readContext(lines: string[]): TableContext {
  const clean: string[] = [];
  for (const raw of lines) {
    const l = raw.replace(/\s+/g, " ").trim();
    if (!l) continue;
    if (clean.length && LABEL_TAIL.test(l)) clean[clean.length - 1] += l;
    else clean.push(l);
  }
  let title: string | null = null;
  let unitCode: string | null = null;
  let unit: string | null = null;
  let fields: ContextField[] = [];
  let last: ContextField | null = null;
  for (const line of clean) {
    if (TITLE.test(line) && line.length <= TITLE_MAX_CHARS) {
      title = line.replace(UNIT_STATEMENT, "").trim();
      unitCode = null; // a new title: unit lines before it belonged to an earlier table
      unit = null;
      fields = [];
      last = null;
      continue;
    }
    const rest = line.replace(UNIT_STATEMENT, "").trim();
    const pairs = rest ? fieldPairs(rest) : [];
    if (pairs.length) {
      for (const f of pairs) if (!fields.some((x) => x.key === f.key)) fields.push(f);
      last = pairs[pairs.length - 1];
      continue;
    }
    // A line that wrapped after a label's colon: the next line is that label's value.
    const amount = /^[\d,，.]+\s*(万元|元)?$/.test(rest);
    if (last && !last.raw.trim() && rest && rest === line && (amount || (!UNIT_CODE_LINE.test(rest) && !UNIT_NAMED_LINE.test(rest)))) {
      last.raw = rest;
      continue;
    }
    // A long value (the goal) wrapped onto the next line goes on; a unit statement or a code line ends it.
    if (last && rest && rest === line && !/^\d{6,12}/.test(rest) && (last.key === "goal" || last.key === "purpose")) {
      last.raw += rest;
      continue;
    }
    last = null;
    const m = amount ? null : rest.match(UNIT_CODE_LINE);
    if (m && !/[。；;，,]/.test(m[2])) {
      unitCode = m[1];
      unit = m[2].trim();
    } else {
      const named = rest.match(UNIT_NAMED_LINE);
      if (named) {
        unitCode = named[1] ?? null;
        unit = named[2].trim();
      }
    }
  }
  // `单位名称：某单位` with no project name beside it is a unit line (it holds for every project below), not one
  // project's field.
  const unitField = fields.find((f) => f.key === "unit");
  if (unitField && unit === null && !fields.some((f) => f.key === "name")) unit = unitField.raw.trim() || null;
  return { title, unitCode, unit, statedUnit: detectAmountUnit(clean), fields };
}

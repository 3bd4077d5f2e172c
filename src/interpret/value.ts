/**
 * The indicator value grammar (docs/domain.md "Values"): one printed 指标值 → one typed Target.
 *
 * Tried in order, each on the normalised text: template leftovers, dates (before numbers, so `2023年` is a
 * year and not 2023 of something), quantities and durations, schedules, verbal targets. A cell holding
 * several targets (`40元/天，≤10000元/年`) becomes a compound. Anything else is kept as unparsed with a
 * reason a budget officer can read; the parser never throws.
 */
import type { Op, Target } from "../model/types.ts";
import { parseDate } from "./value/date.ts";
import { displayText, normalizeValue, trimPunctuation } from "./value/normalize.ts";
import { parseQualitative, MAX_QUALITATIVE_LENGTH } from "./value/qualitative.ts";
import { parseQuantity } from "./value/quantity.ts";
import { parseSchedule } from "./value/schedule.ts";
import { type BaseTarget, unparsed } from "./value/types.ts";

/** Unfilled template text: `XX%`, `×××`, `**`, `是/否` left for the filler to choose. */
const PLACEHOLDER = /[xX×*]{2,}|^[≥≤<>=]?[xX×*]+/;
const UNCHOSEN = /^(是\/否|有\/无|是或否|是否)$/;

/** Separators between targets in one cell (after NFKC, so `，` is `,`). */
const SEPARATORS = /[,;、\n]+/;
/** A verbal part of a compound is a short word (`达标，≥90%`), never a clause. */
const MAX_VERBAL_PART = 8;

export function parseValue(raw: string): Target {
  try {
    return parse(raw);
  } catch (e) {
    return unparsed(raw.trim(), `解析出错：${e instanceof Error ? e.message : String(e)}`);
  }
}

function parse(raw: string): Target {
  const text = displayText(raw);
  // Lines kept apart: a cell may hold one target per line.
  const lines = raw
    .split(/\r?\n/)
    .map((l) => normalizeValue(l))
    .filter((l) => l.length > 0);
  const s = trimPunctuation(lines.join(""));
  if (!s) return { kind: "empty" };
  const single = parseSingle(s, text);
  if (single.kind !== "unparsed") return single;
  const compound = parseCompound(trimPunctuation(lines.join("\n")));
  return compound ?? single;
}

function parseSingle(s: string, text: string): BaseTarget {
  if (UNCHOSEN.test(s)) return unparsed(text, "模板选项未选择（是/否）");
  if (PLACEHOLDER.test(s)) return unparsed(text, "模板占位符未填写");
  const date = parseDate(s, text);
  if (date) return date;
  const half = halfPeriod(s);
  if (half) return half;
  const relative = relativePeriod(s);
  if (relative) return relative;
  const quantity = parseQuantity(s, text);
  if (quantity) return quantity;
  const schedule = parseSchedule(s, text);
  if (schedule) return schedule;
  const verbal = parseQualitative(s, text);
  if (verbal) return verbal;
  if (s.length > MAX_QUALITATIVE_LENGTH) return unparsed(text, "长句描述，不是可识别的指标值");
  if (/\d/.test(s)) return unparsed(text, "含数字但无法识别为数值、日期或期限");
  return unparsed(text, "无法识别的表述");
}

/** `半年`, `半年内`, `半个月`: durations written without a number. */
function halfPeriod(s: string): BaseTarget | null {
  const m = s.match(/^(?:([≤<≥>])|不超过)?半(个月|年)(以内|之内|内)?$/);
  if (!m) return null;
  const sign: Record<string, Op> = { "≥": ">=", ">": ">", "≤": "<=", "<": "<" };
  const op: Op = m[1] ? sign[m[1]] : s.startsWith("不超过") || m[3] ? "<=" : "=";
  return m[2] === "年" ? { kind: "duration", op, value: 6, unit: "月" } : { kind: "duration", op, value: 0.5, unit: "月" };
}

/**
 * A period counted from an event: `培训结束后3个月内`, `收到申请之日起15个工作日内`. The event names when the clock
 * starts; the target is the period (the raw text keeps the event).
 */
function relativePeriod(s: string): BaseTarget | null {
  const m = s.match(/^[\u3400-\u9fff]{2,16}(?:之后|以后|后|之日起|起)(.+)$/);
  if (!m) return null;
  const t = parseQuantity(m[1], m[1]);
  return t && t.kind === "duration" ? t : null;
}

/**
 * Several targets in one cell: every part must be typed, at least one must be a number, date or period,
 * and verbal parts must be short words. Otherwise the cell is a sentence and stays unparsed as a whole.
 */
function parseCompound(s: string): Target | null {
  const parts = s
    .split(SEPARATORS)
    .map((p) => trimPunctuation(p))
    .filter((p) => p.length > 0);
  if (parts.length < 2 || parts.length > 6) return null;
  const targets = parts.map((p) => parseSingle(p, p));
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k];
    if (t.kind === "unparsed" || t.kind === "empty") return null;
    if ((t.kind === "qualitative" || t.kind === "schedule") && parts[k].length > MAX_VERBAL_PART) return null;
  }
  if (!targets.some((t) => t.kind === "quantity" || t.kind === "date" || t.kind === "duration")) return null;
  return { kind: "compound", parts: targets };
}

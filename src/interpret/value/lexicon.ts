/** Words of the value grammar: comparison words, measure words, periods. */
import type { Op } from "../../model/types.ts";
import type { DurationUnit } from "./types.ts";

/** Leading comparison words and signs, longest first so 大于等于 wins over 大于. */
const PREFIX_OPS: [string, Op][] = [
  ["大于或者等于", ">="],
  ["大于或等于", ">="],
  ["小于或等于", "<="],
  ["低于或等于", "<="],
  ["不得低于", ">="],
  ["不得少于", ">="],
  ["不应低于", ">="],
  ["不应少于", ">="],
  ["不得超过", "<="],
  ["不得高于", "<="],
  ["不应超过", "<="],
  ["大于等于", ">="],
  ["小于等于", "<="],
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["不超过", "<="],
  ["不超出", "<="],
  ["不高于", "<="],
  ["不大于", "<="],
  ["不多于", "<="],
  ["控制在", "<="],
  ["至少", ">="],
  ["最少", ">="],
  ["最低", ">="],
  ["达到", ">="],
  ["最多", "<="],
  ["至多", "<="],
  ["最高", "<="],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["多于", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["少于", "<"],
  ["≥", ">="],
  ["≤", "<="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
  ["≈", "="],
];

/** Softer leading words (`约100人`, `达95%`): read only before any other operator, never after a subject. */
const START_ONLY_OPS: [string, Op][] = [
  ["大约", "="],
  ["约", "="],
  ["达", ">="],
  ["为", "="],
];

export function readPrefixOp(s: string, i: number, startOnly: boolean): { op: Op; end: number; word: string } | null {
  for (const [w, op] of startOnly ? [...PREFIX_OPS, ...START_ONLY_OPS] : PREFIX_OPS) {
    if (s.startsWith(w, i)) return { op, end: i + w.length, word: w };
  }
  return null;
}

/** Words before a number that do not change it (`共计100人`, `全年不少于…`). */
export const IGNORED_PREFIX = /(共计|合计|累计|总计|全年|年度|共|计|总)/y;

/** Trailing words after a number: their operator, or null when they only confirm it (`完成`). */
export const SUFFIX_WORDS: [string, Op | null][] = [
  ["及以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
  ["内", "<="],
  ["左右", "="],
  ["上下", "="],
  ["完成", null],
  ["达标", null],
];

/**
 * Measure words a value may end with, longest first. Anything else of 1-3 CJK characters is accepted as a
 * unit too; this list decides where a unit ends when words follow it (`200名残疾人`, `15个工作日内`).
 */
export const KNOWN_UNITS = [
  "个工作日",
  "平方公里",
  "工作日",
  "个小时",
  "个星期",
  "平方米",
  "立方米",
  "千瓦时",
  "个月",
  "小时",
  "星期",
  "人次",
  "人日",
  "场次",
  "分钟",
  "户次",
  "台次",
  "台套",
  "平米",
  "公里",
  "公顷",
  "公斤",
  "千克",
  "课时",
  "学时",
  "元",
  "人",
  "户",
  "台",
  "次",
  "个",
  "例",
  "名",
  "家",
  "所",
  "项",
  "场",
  "期",
  "吨",
  "度",
  "册",
  "套",
  "件",
  "篇",
  "天",
  "年",
  "月",
  "日",
  "周",
  "位",
  "辆",
  "座",
  "间",
  "张",
  "本",
  "份",
  "处",
  "只",
  "头",
  "亩",
  "批",
  "条",
  "部",
  "支",
  "门",
  "节",
  "岁",
  "分",
  "米",
  "块",
  "幅",
  "株",
  "棵",
  "轮",
  "班",
  "组",
  "队",
  "届",
  "小区",
  "村",
  "镇",
  "站",
];

/** One spelling per unit where the tables use several. */
export function canonicalUnit(u: string): string {
  switch (u) {
    case "平米":
    case "m2":
    case "m²":
      return "平方米";
    case "m3":
    case "m³":
      return "立方米";
    default:
      return u;
  }
}

/** Periods after a slash, in brackets or after 每: they go to perPeriod, not per. */
const PERIODS: Record<string, string> = {
  年: "年",
  年度: "年",
  月: "月",
  个月: "月",
  季: "季",
  季度: "季",
  半年: "半年",
  周: "周",
  星期: "周",
  天: "天",
  日: "日",
  学期: "学期",
  小时: "小时",
};

export function periodOf(word: string): string | null {
  return PERIODS[word] ?? null;
}

/** Quantity units that make the value a duration (`3个月`, `15个工作日内`, `≤24小时`). */
const DURATION_UNITS: Record<string, DurationUnit> = {
  年: "年",
  个月: "月",
  周: "周",
  星期: "周",
  个星期: "周",
  天: "天",
  日: "日",
  小时: "小时",
  个小时: "小时",
  // Response times of services and IT platforms (故障响应时间 30分钟).
  分钟: "分钟",
  工作日: "工作日",
  个工作日: "工作日",
};

export function durationUnitOf(unit: string | null): DurationUnit | null {
  return unit === null ? null : (DURATION_UNITS[unit] ?? null);
}

/** CJK ideographs (after NFKC), the characters units, subjects and qualitative words are made of. */
export const CJK = /[\u3400-\u9fff]/;

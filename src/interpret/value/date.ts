/**
 * Dates and deadlines: `2023年12月31日前`, `2023年底`, `2023年12月`, `2023.12.31`, `2023-12-31`,
 * `2023年1月-12月`. `iso` is the latest day the target allows. Month–day values without a year (`12月底前`)
 * are not guessed: they come back unparsed with the reason.
 */
import { type DateTarget, type UnparsedTarget, unparsed } from "./types.ts";

interface Point {
  year: number;
  month: number | null;
  day: number | null;
  /** Last month of a period that is not a calendar month (quarter, half year). */
  lastMonth: number;
  /** The text said the end of its period (`底`, `末`). */
  end: boolean;
}

const CN_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

/** A year-led date at `i`. `yearHint` lets a range's second end omit the year (`2023年1月-12月`). */
function readPoint(s: string, i: number, yearHint: number | null): { p: Point; end: number } | null {
  const tries: [RegExp, (m: RegExpExecArray) => Point | null][] = [
    [/(\d{4})年(\d{1,2})月(\d{1,2})[日号]/y, (m) => ymd(+m[1], +m[2], +m[3])],
    [/(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?!\d)日?/y, (m) => ymd(+m[1], +m[3], +m[4])],
    [/(\d{4})年(\d{1,2})月(?:份)?/y, (m) => ym(+m[1], +m[2])],
    [/(\d{4})[/-](\d{1,2})(?![\d.])/y, (m) => ym(+m[1], +m[2])],
    // `2023.12` is a month, `2023.6` alone could be an amount: a one-digit month needs a range or a marker.
    [/(\d{4})\.(0\d|1[0-2]|\d(?=[-~至到底末前止]))(?![\d.])/y, (m) => ym(+m[1], +m[2])],
    [/(\d{4})年(?:度)?第?([一二三四1-4])季度?/y, (m) => quarter(+m[1], CN_QUARTER[m[2]])],
    [/(\d{4})年(?:度)?([上下])半年/y, (m) => half(+m[1], m[2] === "上")],
    [/(\d{4})年(?:度)?/y, (m) => (validYear(+m[1]) ? { year: +m[1], month: null, day: null, lastMonth: 12, end: false } : null)],
  ];
  if (yearHint !== null) {
    tries.push([/(\d{1,2})月(\d{1,2})[日号]/y, (m) => ymd(yearHint, +m[1], +m[2])], [/(\d{1,2})月(?:份)?/y, (m) => ym(yearHint, +m[1])]);
  }
  for (const [re, make] of tries) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) continue;
    const p = make(m);
    if (p) return { p, end: i + m[0].length };
  }
  return null;
}

function ymd(year: number, month: number, day: number): Point | null {
  if (!validYear(year) || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day, lastMonth: month, end: false };
}

function ym(year: number, month: number): Point | null {
  if (!validYear(year) || month < 1 || month > 12) return null;
  return { year, month, day: null, lastMonth: month, end: false };
}

function quarter(year: number, q: number): Point | null {
  return validYear(year) ? { year, month: null, day: null, lastMonth: q * 3, end: false } : null;
}

function half(year: number, first: boolean): Point | null {
  return validYear(year) ? { year, month: null, day: null, lastMonth: first ? 6 : 12, end: false } : null;
}

/** `底`/`末` after a point: the end of its period, which is where iso already sits. */
const END_MARK = /(年底|年末|年终|底|末)/y;
const BEFORE = /(之前|以前|为止|前|止|以内|之内|内)/y;
const AFTER = /(之后|以后|后|起|开始)/y;
const LEAD = /(截止到|截止至|截至|截止|不晚于|不迟于|于|在|到|至|≤|<|≥|>|=)/y;
/** What a deadline is for: `前完成`, `前全部支付完毕`. Only action words, so a description is never read as a date. */
const ACTION =
  /^(?:全部|全面|按时|及时|按期)?(?:完成|完工|竣工|办结|结束|支付|发放|拨付|到位|实施|验收|兑现|落实|交付|上报|开展|启动|开工|执行)+(?:完毕|到位|完成)?(?:任务|工作)?$/;
const RANGE = /(-|~|至|到)/y;

function iso(p: Point): string {
  const month = p.month ?? p.lastMonth;
  const day = p.day ?? daysIn(p.year, month);
  return `${p.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function sticky(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

/** Dates and deadlines: a DateTarget, unparsed (a date without its year), or null (not a date at all). */
export function parseDate(s: string, text: string): DateTarget | UnparsedTarget | null {
  let i = 0;
  let op: DateTarget["op"] | null = null;
  const lead = sticky(LEAD, s, 0);
  if (lead && /\d/.test(s[lead[0].length] ?? "")) {
    const w = lead[1];
    op = w === "≥" || w === ">" ? ">=" : w === "=" || w === "于" || w === "在" ? null : "<=";
    i = lead[0].length;
  }
  const first = readPoint(s, i, null);
  if (!first) return yearless(s, text);
  let point = first.p;
  i = first.end;
  let ranged = false;
  const sep = sticky(RANGE, s, i);
  if (sep) {
    const second = readPoint(s, i + sep[0].length, point.year);
    if (second) {
      point = second.p;
      i = second.end;
      ranged = true;
    }
  }
  let marked: DateTarget["op"] | null = null;
  const endMark = sticky(END_MARK, s, i);
  if (endMark) {
    // `2023年年底` / `2023年12月底`: only a year may take 年底; 底 after a day means nothing.
    if (endMark[1].startsWith("年") && point.month !== null) return null;
    if (point.day !== null) return null;
    marked = "<=";
    i += endMark[0].length;
  }
  const before = sticky(BEFORE, s, i);
  const after = before ? null : sticky(AFTER, s, i);
  if (before) {
    marked = "<=";
    i += before[0].length;
  } else if (after) {
    marked = ">=";
    i += after[0].length;
  }
  const rest = s.slice(i);
  if (rest && !ACTION.test(rest)) return null;
  const finalOp = op ?? marked ?? (ranged ? "<=" : "=");
  return { kind: "date", op: finalOp, year: point.year, month: point.month, day: point.day, iso: iso(point) };
}

const YEARLESS = [
  /^(截至|截止)?(1[0-2]|0?[1-9])月(?:(\d{1,2})[日号])?(底|末|上旬|中旬|下旬)?(之前|以前|前|止|内)?(.*)$/,
  /^(1[0-2]|0?[1-9])月?[-~至到](1[0-2]|0?[1-9])月(.*)$/,
  /^(截至|截止)?(当年|本年度?|当年度|年底|年末|年内|年度内|次年|上半年|下半年)(之前|以前|前|止|内)?(.*)$/,
];

/** `12月底前`, `1-6月`, `年底前`: a time with no year. Reported, never completed with a guessed year. */
function yearless(s: string, text: string): UnparsedTarget | null {
  for (const re of YEARLESS) {
    const m = s.match(re);
    if (!m) continue;
    const rest = m[m.length - 1];
    if (rest && !ACTION.test(rest)) continue;
    return unparsed(text, "日期未写年份（不推测年份）");
  }
  return null;
}

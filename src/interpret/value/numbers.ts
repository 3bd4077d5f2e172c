/** Numbers in values: Arabic (`1273.72`, after normalizeValue), small Chinese numerals (`三个月`) and scales. */

export interface NumberToken {
  value: number;
  /** Written in Chinese numerals: only trusted in front of a known measure word (`三个工作日`, not `一流`). */
  chinese: boolean;
  end: number;
}

const ARABIC = /-?\d+(?:\.\d+)?|\.\d+/y;
const CHINESE = /[零〇一二两三四五六七八九十百]+/y;
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九百九十九; null for anything that is not a well-formed numeral (`十十`). */
export function chineseNumeral(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 1000;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return null;
      digit = DIGITS[ch];
    } else if (ch === "十" || ch === "百") {
      const unit = ch === "十" ? 10 : 100;
      if (unit >= lastUnit) return null;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** A number at `i`: Arabic, `百分之九十` (the caller sees `percent`), or a Chinese numeral. */
export function readNumber(s: string, i: number): (NumberToken & { percent: boolean }) | null {
  let percent = false;
  let at = i;
  if (s.startsWith("百分之", at)) {
    percent = true;
    at += 3;
  }
  ARABIC.lastIndex = at;
  const a = ARABIC.exec(s);
  if (a) {
    // `-5` only at the very start of the value: elsewhere a dash is a range.
    if (a[0].startsWith("-") && at !== 0) return null;
    return { value: Number(a[0]), chinese: false, end: at + a[0].length, percent };
  }
  CHINESE.lastIndex = at;
  const c = CHINESE.exec(s);
  if (c) {
    if (percent && c[0] === "百") return { value: 100, chinese: true, end: at + 1, percent };
    const v = chineseNumeral(c[0]);
    if (v !== null) return { value: v, chinese: true, end: at + c[0].length, percent };
  }
  return null;
}

/** 万, 亿, 千 … right after a number. 千 before 克/米/瓦 is part of the unit (千克), not a scale. */
const SCALE = /(百万|千万|十万|万|亿|千(?![克米瓦卡帕焦兆]))/y;
const SCALES: Record<string, number> = { 十万: 1e5, 百万: 1e6, 千万: 1e7, 万: 1e4, 亿: 1e8, 千: 1e3 };

export function readScale(s: string, i: number): { scale: number; end: number } | null {
  SCALE.lastIndex = i;
  const m = SCALE.exec(s);
  return m ? { scale: SCALES[m[1]], end: i + m[1].length } : null;
}

/** Money and products of scales kept to cents-and-below precision (0.63 × 10000 is 6300, not 6300.000000000001). */
export function roundMoney(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Text fixes specific to what PDF producers do to characters. Only these characters are touched: no NFKC of
 * anything else (full-width punctuation, ≥, ％ stay as printed).
 */
import { GLYPH_ALIASES } from "./glyph-aliases.ts";
import type { TextRun } from "./types.ts";

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) → the ideograph a reader sees. NFKC maps only two of these; Chromium's
 * ToUnicode picks them for glyphs Noto CJK shares between a radical and a simplified character (长 → ⻓).
 * From Unicode's EquivalentUnifiedIdeograph data, for the code points that stand for a whole character or a
 * component with its own code point.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  "⺁": "厂",
  "⺄": "乙",
  "⺅": "亻",
  "⺆": "冂",
  "⺇": "几",
  "⺉": "刂",
  "⺊": "卜",
  "⺋": "㔾",
  "⺌": "小",
  "⺎": "兀",
  "⺏": "尣",
  "⺐": "尢",
  "⺒": "巳",
  "⺓": "幺",
  "⺔": "彑",
  "⺕": "彐",
  "⺖": "忄",
  "⺗": "㣺",
  "⺘": "扌",
  "⺙": "攵",
  "⺛": "旡",
  "⺜": "日",
  "⺝": "月",
  "⺞": "歺",
  "⺟": "母",
  "⺠": "民",
  "⺡": "氵",
  "⺢": "氺",
  "⺣": "灬",
  "⺤": "爫",
  "⺥": "爫",
  "⺦": "丬",
  "⺧": "牛",
  "⺨": "犭",
  "⺩": "王",
  "⺪": "疋",
  "⺫": "罒",
  "⺬": "示",
  "⺭": "礻",
  "⺮": "竹",
  "⺯": "糹",
  "⺰": "纟",
  "⺱": "罓",
  "⺲": "罒",
  "⺳": "㓁",
  "⺶": "羊",
  "⺷": "羊",
  "⺹": "耂",
  "⺺": "聿",
  "⺻": "聿",
  "⺼": "月",
  "⺽": "臼",
  "⺾": "艹",
  "⺿": "艹",
  "⻀": "艹",
  "⻁": "虎",
  "⻂": "衤",
  "⻃": "覀",
  "⻄": "西",
  "⻅": "见",
  "⻆": "角",
  "⻈": "讠",
  "⻉": "贝",
  "⻋": "车",
  "⻌": "辶",
  "⻍": "辶",
  "⻎": "辶",
  "⻏": "阝",
  "⻐": "钅",
  "⻑": "長",
  "⻒": "镸",
  "⻓": "长",
  "⻔": "门",
  "⻖": "阝",
  "⻗": "雨",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻟": "飠",
  "⻠": "饣",
  "⻡": "首",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻪": "黾",
  "⻫": "斉",
  "⻬": "齐",
  "⻭": "歯",
  "⻮": "齿",
  "⻯": "竜",
  "⻰": "龙",
  "⻱": "龜",
  "⻲": "亀",
  "⻳": "龟",
};

const RADICALS = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;
// C0/C1 controls other than tab/newline, and the private-use area pdf.js uses for glyphs it cannot map.
const JUNK = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\uFFFD]/g;

/** Map Kangxi radicals (U+2F00–U+2FDF, by NFKC) and supplement radicals (table) back to ideographs. */
export function mapRadicals(s: string): string {
  if (!/[\u2E80-\u2FDF]/.test(s)) return s;
  return s.replace(RADICALS, (ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x2f00) return ch.normalize("NFKC");
    return RADICAL_SUPPLEMENT[ch] ?? ch;
  });
}

const ALIASED = new RegExp(`[${[...GLYPH_ALIASES.keys()].join("")}]`, "gu");

/** Characters that stand for a GB2312 character drawn with the same glyph (see glyph-aliases.ts). */
export function mapGlyphAliases(s: string): string {
  return s.replace(ALIASED, (ch) => GLYPH_ALIASES.get(ch) ?? ch);
}

/**
 * One text run's characters as a reader means them: radicals and glyph aliases mapped, controls dropped,
 * whitespace runs as one space.
 */
export function cleanRunText(s: string): string {
  return mapGlyphAliases(mapRadicals(s)).replace(JUNK, "").replace(/\s+/g, " ");
}

/** Earlier kept runs of one string that start at one x, sorted by baseline. */
interface Column {
  baselines: number[];
  runs: TextRun[];
}

/** Earlier kept runs of one string: their distinct x0 values sorted, each with its column. */
interface SameString {
  xs: number[];
  columns: Column[];
}

/**
 * Drop runs drawn twice at (almost) the same spot — the "fake bold" of producers that overprint a string
 * with a small offset instead of using a bold font. Earlier kept runs of the same string are bucketed by x0 (the
 * distinct values sorted) and, within one x0, sorted by baseline, so each run is compared only with those within
 * its tolerance both across and down: a page of 50,000 runs of one character stays fast, and so does a column of
 * thousands of copies of one string at one x (the same figure down a table). `stats.comparisons` counts the
 * comparisons made.
 */
export function dropOverprints(runs: TextRun[], stats?: { comparisons: number }): TextRun[] {
  const seen = new Map<string, SameString>();
  const out: TextRun[] = [];
  let comparisons = 0;
  for (const r of runs) {
    let same = seen.get(r.str);
    const tol = 0.3 * r.size;
    let dup = false;
    if (same) {
      // A little wider than the tolerance, so rounding never hides a candidate; the test itself is exact.
      const slack = 1e-6 * (1 + Math.abs(r.x0));
      const slackY = 1e-6 * (1 + Math.abs(r.baseline));
      search: for (let i = firstAtLeast(same.xs, r.x0 - tol - slack); i < same.xs.length && same.xs[i] <= r.x0 + tol + slack; i++) {
        const col = same.columns[i];
        for (
          let j = firstAtLeast(col.baselines, r.baseline - tol - slackY);
          j < col.baselines.length && col.baselines[j] <= r.baseline + tol + slackY;
          j++
        ) {
          const o = col.runs[j];
          comparisons++;
          if (Math.abs(o.x0 - r.x0) <= tol && Math.abs(o.baseline - r.baseline) <= tol && Math.abs(o.size - r.size) <= tol) {
            dup = true;
            break search;
          }
        }
      }
    }
    if (dup) continue;
    if (!same) seen.set(r.str, (same = { xs: [], columns: [] }));
    out.push(r);
    // NaN positions (never produced by read-pages) go last, where no range reaches them.
    if (Number.isNaN(r.x0) || Number.isNaN(r.baseline)) {
      same.xs.push(NaN);
      same.columns.push({ baselines: [r.baseline], runs: [r] });
      continue;
    }
    const at = firstAtLeast(same.xs, r.x0);
    let col = same.xs[at] === r.x0 ? same.columns[at] : undefined;
    if (!col) {
      col = { baselines: [], runs: [] };
      same.xs.splice(at, 0, r.x0);
      same.columns.splice(at, 0, col);
    }
    const k = firstAtLeast(col.baselines, r.baseline);
    col.baselines.splice(k, 0, r.baseline);
    col.runs.splice(k, 0, r);
  }
  if (stats) stats.comparisons += comparisons;
  return out;
}

/** Index of the first element of ascending `xs` at least v. */
function firstAtLeast(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Clean every run's text; drop runs left empty and slanted runs (watermarks drawn across the page). */
export function cleanRuns(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (r.slanted) continue;
    const str = cleanRunText(r.str);
    if (str.trim()) out.push(str === r.str ? r : { ...r, str });
  }
  return dropOverprints(out);
}

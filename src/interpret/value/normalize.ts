import { joinLines } from "../text.ts";

/**
 * One spelling for the value grammar: NFKC (full-width digits, ％, ＞, ～, Kangxi radicals from PDF fonts →
 * their ordinary forms), no whitespace (Chinese values carry none that matters: `≥ 90 %`), one glyph per
 * operator and dash, and no thousands separators.
 */
export function normalizeValue(raw: string): string {
  let s = raw
    // NFKC would make ㎡ `m2` and ㎏ `kg`; keep area in the spelling the tables use.
    .replace(/㎡/g, "平方米")
    .replace(/㎥/g, "立方米")
    .replace(/㎞/g, "公里")
    .normalize("NFKC")
    .replace(/\s+/g, "");
  s = s
    .replace(/[≧⩾]|>=|=>|≥=/g, "≥")
    .replace(/[≦⩽]|<=|=</g, "≤")
    .replace(/≮/g, "≥")
    .replace(/≯/g, "≤")
    .replace(/[〜∼]/g, "~")
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/[·•・]/g, "·")
    .replace(/[“”"]/g, "")
    // `1,273.72`: a comma followed by exactly three digits sits inside a number.
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  return s;
}

/** Punctuation that cut-off PDF cells leave around a value (`。较显著`) or that ends a sentence. */
export function trimPunctuation(s: string): string {
  return s.replace(/^[。，,.;；:：、!！?？]+/, "").replace(/[。，,.;；:：、!！]+$/, "");
}

/** The value as shown in a typed target: wrapped lines joined as the cell reads, stray punctuation off. */
export function displayText(raw: string): string {
  return trimPunctuation(joinLines(raw).replace(/\s+/g, " ")).trim();
}

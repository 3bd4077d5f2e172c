/** Text helpers for reading cell contents as values and labels. */

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—]/;

/**
 * Join a cell's lines into one string. Lines wrapped inside a cell carry no separator in Chinese
 * (`人大批复后按规定时间发\n放到位` → one phrase), so lines are joined without a space unless both sides
 * are Latin letters or digits (a wrapped English phrase or `100 元`).
 */
export function joinLines(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  let out = "";
  for (const line of lines) {
    if (!out) out = line;
    else {
      const a = out[out.length - 1];
      const b = line[0];
      out += CJK.test(a) || CJK.test(b) ? line : /[A-Za-z]/.test(a) && /[A-Za-z]/.test(b) ? " " + line : line;
    }
  }
  return out;
}

/** Keep paragraphs (for long texts such as goals): lines trimmed, empty lines dropped, `\n` between. */
export function paragraphs(text: string): string {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join("\n");
}

/**
 * A label's comparable form: NFKC (full-width → ASCII punctuation), no whitespace, no trailing colon,
 * no leading `其中:`/codes, no unit in brackets (`预算数(万元)` → `预算数`), no `*` required-field marks.
 */
export function labelForm(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[*＊]/g, "")
    .replace(/^其中[:：]?/, "")
    .replace(/^[0-9]+[-.、]/, "")
    .replace(/[(（][^()（）]*[)）]$/, "")
    .replace(/[:：]$/, "");
}

/** The unit stated inside a label, as in `金额(万元)` or `预算数（元）`. */
export function unitInLabel(text: string): "万元" | "元" | null {
  const m = text.normalize("NFKC").match(/[(（]\s*(?:单位[:：]?)?\s*(万元|元)\s*[)）]/);
  return m ? (m[1] as "万元" | "元") : null;
}

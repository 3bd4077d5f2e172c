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

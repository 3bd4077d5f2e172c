/**
 * Cell and context text as every backend should hand it to the interpreter: one string per visual line,
 * spacing normalised, characters otherwise exactly as printed (no NFKC: `（）：，％` stay full-width, because
 * the interpreter decides what they mean and the report quotes what the document says).
 */

/** Every horizontal space a document may use: ASCII, tab, NBSP (`&nbsp;`), U+3000 full-width, the U+2000 family. */
const SPACE_RUN = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
/** Invisible characters that only get in the way of matching labels (zero-width space/joiners, BOM, soft hyphen). */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** One line: invisible characters removed, space runs → one ASCII space, trimmed. */
export function cleanLine(line: string): string {
  return line.replace(INVISIBLE, "").replace(SPACE_RUN, " ").trim();
}

/**
 * A cell's lines (each may itself hold `\n`/`\r`) → the cell text: lines cleaned, empty lines dropped, joined by
 * `\n`. An empty cell is `""`.
 */
export function cleanCellText(lines: readonly string[]): string {
  const out: string[] = [];
  for (const chunk of lines) {
    for (const line of chunk.split(/\r\n|[\r\n\u2028\u2029\u000b\u0085]/)) {
      const clean = cleanLine(line);
      if (clean) out.push(clean);
    }
  }
  return out.join("\n");
}

/**
 * Whether a character is East Asian wide (CJK ideographs, kana, hangul, full-width forms and CJK punctuation).
 * A source line break between two such characters is not a space (CSS Text 3 segment-break rules): Word's HTML
 * export wraps long Chinese text in the middle of a phrase.
 */
export function isWide(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x2e80 && c <= 0x303e) || // radicals, CJK symbols and punctuation
    (c >= 0x3041 && c <= 0x33ff) || // kana, bopomofo, CJK compatibility
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff01 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

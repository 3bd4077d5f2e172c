#!/usr/bin/env node
/**
 * Derive the glyph aliases of src/formats/pdf/glyph-aliases.ts from the Noto CJK fonts on this machine.
 *
 * Chromium (Skia) writes a PDF's ToUnicode from the font's cmap read backwards, taking the lowest code point
 * that maps to a glyph. When the text was shaped with a regional form ('locl' for another Chinese region, or
 * a glyph the font shares between two code points), the glyph drawn for 户 is the one the cmap gives to 戶, and
 * the PDF says 戶. For every GB2312 character this finds the glyphs it can be drawn with in Noto Sans/Serif CJK
 * SC and the code point Skia would report for each; when that is a different, non-GB2312 character, it is an
 * alias of the GB2312 one. Radicals (below U+3000) are left to the radical mapping.
 *
 * Needs fontkit (installed with pdfkit) and python3 (for the GB2312 codec).
 *   node scripts/fixtures-pdf/glyph-aliases.mjs > /tmp/aliases.txt
 */
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";

const require = createRequire(import.meta.url);
const fontkit = require("fontkit");

const gb2312 = JSON.parse(
  execFileSync("python3", [
    "-c",
    "import json\nout=[]\nfor hi in range(0xA1,0xF8):\n  for lo in range(0xA1,0xFF):\n    try: out.append(bytes([hi,lo]).decode('gb2312'))\n    except Exception: pass\nprint(json.dumps(out))",
  ]).toString(),
);
const inGb = new Set(gb2312);

const fonts = [
  ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular"],
  ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular"],
];
const langs = ["ZHS ", "ZHT ", "ZHH ", "KOR ", "JAN "];
const alias = new Map();
const conflicts = new Set();
for (const [path, name] of fonts) {
  const font = fontkit.openSync(path, name);
  // glyph → lowest code point mapped to it (what Skia reports).
  const lowest = new Map();
  for (const cp of font.characterSet) {
    const id = font.glyphForCodePoint(cp).id;
    if (id !== 0 && (!lowest.has(id) || cp < lowest.get(id))) lowest.set(id, cp);
  }
  for (const ch of gb2312) {
    for (const lang of langs) {
      const glyph = font.layout(ch, ["locl"], "hani", lang).glyphs[0];
      const cp = glyph && lowest.get(glyph.id);
      if (cp === undefined || cp < 0x3000) continue;
      const reported = String.fromCodePoint(cp);
      if (reported === ch || inGb.has(reported)) continue;
      if (alias.has(reported) && alias.get(reported) !== ch) conflicts.add(reported);
      alias.set(reported, ch);
    }
  }
}
for (const c of conflicts) alias.delete(c);
const entries = [...alias].sort((a, b) => a[0].codePointAt(0) - b[0].codePointAt(0));
console.log(entries.map(([k, v]) => k + v).join(""));
console.error(`${entries.length} aliases, ${conflicts.size} ambiguous dropped`);

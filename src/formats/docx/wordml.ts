/**
 * Reading WordprocessingML (word/document.xml) text the way Word shows it with all tracked changes accepted:
 * inserted text kept, deleted text dropped, field codes hidden (their results shown), hidden (`w:vanish`) runs
 * dropped, content controls, smart tags, hyperlinks and custom XML read through, text boxes read as lines.
 */
import dingbat from "dingbat-to-unicode";
import type { DomNode } from "../dom.ts";

export type { DomNode };

const WORDML = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const MARKUP_COMPAT = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Names in one document: the prefixes it binds to WordprocessingML and markup compatibility. */
export class WordNames {
  readonly w: string;
  readonly mc: string;

  constructor(root: DomNode) {
    let w = "w";
    let mc = "mc";
    for (const [key, value] of Object.entries(root.attribs ?? {})) {
      if (!key.startsWith("xmlns:")) continue;
      if (WORDML.has(value)) w = key.slice(6);
      if (value === MARKUP_COMPAT) mc = key.slice(6);
    }
    this.w = w + ":";
    this.mc = mc + ":";
  }

  /** The WordprocessingML local name of an element, or null for elements of other vocabularies. */
  local(node: DomNode): string | null {
    if (node.type !== "tag" || !node.name?.startsWith(this.w)) return null;
    return node.name.slice(this.w.length);
  }

  /** `w:<name>` attribute. */
  attr(node: DomNode | undefined, name: string): string | undefined {
    return node?.attribs?.[this.w + name];
  }

  /** First direct child `w:<name>`. */
  child(node: DomNode | undefined, name: string): DomNode | undefined {
    return node?.children?.find((c) => this.local(c) === name);
  }

  children(node: DomNode, name: string): DomNode[] {
    return (node.children ?? []).filter((c) => this.local(c) === name);
  }

  /** An on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`). */
  isOn(prop: DomNode | undefined): boolean {
    if (!prop) return false;
    const v = this.attr(prop, "val");
    return v === undefined || !/^(0|false|off)$/i.test(v);
  }

  /** The branch of `mc:AlternateContent` to read: the fallback (plain WordprocessingML) if there is one. */
  alternate(node: DomNode): DomNode | undefined {
    const kids = (node.children ?? []).filter((c) => c.type === "tag");
    return kids.find((c) => c.name === this.mc + "Fallback") ?? kids.find((c) => c.name === this.mc + "Choice");
  }

  isAlternateContent(node: DomNode): boolean {
    return node.type === "tag" && node.name === this.mc + "AlternateContent";
  }
}

/** Inline content Word never shows as text, and tracked deletions (accepted changes drop them). */
const NOT_TEXT = new Set([
  "pPr",
  "rPr",
  "sectPr",
  "tblPr",
  "trPr",
  "tcPr",
  "sdtPr",
  "sdtEndPr",
  "tblGrid",
  "tblPrEx",
  "del",
  "moveFrom",
  "delText",
  "instrText",
  "delInstrText",
  "fldData",
  "footnoteReference",
  "endnoteReference",
  "commentReference",
  "annotationRef",
  "footnoteRef",
  "endnoteRef",
  "bookmarkStart",
  "bookmarkEnd",
  "commentRangeStart",
  "commentRangeEnd",
  "proofErr",
  "permStart",
  "permEnd",
  "lastRenderedPageBreak",
]);

/**
 * Collects visual lines: `w:br`/`w:cr` and paragraph ends call `breakLine()`, which hands the line on at once so
 * that lines from text boxes and the paragraphs around them keep their order.
 */
export class TextLines {
  private current = "";
  constructor(private readonly onLine: (line: string) => void) {}

  add(text: string): void {
    this.current += text;
  }

  breakLine(): void {
    if (this.current) this.onLine(this.current);
    this.current = "";
  }
}

/**
 * Append the text of a paragraph's inline content (runs, hyperlinks, fields, content controls, text boxes…)
 * to `out`. `onBlock` reads block content met inside a run (a text box's paragraphs and tables).
 */
export function readInline(
  node: DomNode,
  names: WordNames,
  out: TextLines,
  onBlock: (container: DomNode) => void,
  symbolFont?: string,
): void {
  for (const child of node.children ?? []) {
    if (child.type !== "tag") continue;
    if (names.isAlternateContent(child)) {
      const branch = names.alternate(child);
      if (branch) readInline(branch, names, out, onBlock, symbolFont);
      continue;
    }
    const local = names.local(child);
    if (local === null) {
      // Other vocabularies (DrawingML, VML) only matter for the text boxes they may hold.
      readInline(child, names, out, onBlock, symbolFont);
      continue;
    }
    if (NOT_TEXT.has(local)) continue;
    switch (local) {
      case "t":
        out.add(symbolFont ? fromSymbolFont(textOf(child), symbolFont) : textOf(child));
        break;
      case "tab":
      case "ptab":
        out.add("\t");
        break;
      case "br":
      case "cr":
        out.breakLine();
        break;
      case "noBreakHyphen":
        out.add("-");
        break;
      case "softHyphen":
        break;
      case "sym":
        out.add(symbolText(names.attr(child, "font"), names.attr(child, "char")));
        break;
      case "r": {
        const rPr = names.child(child, "rPr");
        if (!names.isOn(names.child(rPr, "vanish"))) readInline(child, names, out, onBlock, runSymbolFont(names, rPr));
        break;
      }
      case "txbxContent":
        out.breakLine();
        onBlock(child);
        out.breakLine();
        break;
      case "p":
      case "tbl":
        // Block content where inline content was expected (a text box's body reached through a drawing).
        out.breakLine();
        onBlock({ type: "tag", name: "", children: [child] });
        out.breakLine();
        break;
      default:
        // hyperlink, smartTag, customXml, sdt/sdtContent, ins, moveTo, fldSimple, dir, bdo, ruby…
        readInline(child, names, out, onBlock, symbolFont);
    }
  }
}

function textOf(node: DomNode): string {
  let s = "";
  for (const c of node.children ?? []) if (c.type === "text") s += c.data ?? "";
  return s;
}

/** Fonts whose characters Word stores as private-use code points (U+F020–U+F0FF). */
export const SYMBOL_FONTS = /^\s*(symbol|wingdings( 2| 3)?|webdings)\s*$/i;

/** The symbol font a run is set in (`w:rFonts`), if any: its text is in the font's private-use code points. */
function runSymbolFont(names: WordNames, rPr: DomNode | undefined): string | undefined {
  const fonts = names.child(rPr, "rFonts");
  if (!fonts) return undefined;
  for (const key of ["ascii", "hAnsi", "cs", "eastAsia"]) {
    const font = names.attr(fonts, key);
    if (font && SYMBOL_FONTS.test(font)) return font.trim();
  }
  return undefined;
}

/** Private-use characters of a symbol font (U+F020–U+F0FF, as Word and LibreOffice store them) → Unicode. */
function fromSymbolFont(text: string, font: string): string {
  return text.replace(/[\uf020-\uf0ff]/g, (ch) => dingbat.codePoint(font, ch.charCodeAt(0) - 0xf000)?.string ?? ch);
}

/** `w:sym`: a character of a symbol font (`Symbol` F0B3 is ≥), as Unicode where a mapping exists. */
function symbolText(font: string | undefined, hex: string | undefined): string {
  if (!hex || !/^[0-9a-f]{1,6}$/i.test(hex)) return "";
  let code = parseInt(hex, 16);
  if (font) {
    const fromFont = dingbat.codePoint(font, code >= 0xf000 ? code - 0xf000 : code);
    if (fromFont) return fromFont.string;
  }
  if (code >= 0xf000 && code <= 0xf0ff) code -= 0xf000;
  return code >= 0x20 ? String.fromCodePoint(code) : "";
}

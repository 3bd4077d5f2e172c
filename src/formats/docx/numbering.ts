/**
 * Automatic paragraph numbering (`1.`, `一、`, `（一）`, `①`): Word draws it from word/numbering.xml, so it is not in
 * the paragraph's text. Titles and goal lists in budget documents use it; without it `1.保障…` reads `保障…`.
 * Counters follow Word: one sequence per abstract list (list instances sharing it continue it unless they
 * override the start), deeper levels restart when a shallower one advances.
 */
import type { DomNode } from "../dom.ts";
import { WordNames } from "./wordml.ts";

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

interface Instance {
  abstractId: string;
  startOverrides: Map<number, number>;
  overrideApplied: boolean;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, Instance>();
  private readonly styleNumbering = new Map<string, { numId: string; ilvl: number }>();
  private readonly counters = new Map<string, number[]>();

  private readonly names: WordNames;

  /** `numbering`, `styles`: the parsed parts (their roots), when the document has them. */
  constructor(numbering: DomNode | undefined, styles: DomNode | undefined) {
    const rootOf = (part: DomNode | undefined) => part?.children?.find((c) => c.type === "tag");
    this.names = new WordNames(rootOf(numbering) ?? rootOf(styles) ?? { type: "tag" });
    if (numbering) this.readNumbering(numbering);
    if (styles) this.readStyles(styles);
  }

  /** The number label Word shows before this paragraph (advancing the counters), or "". */
  label(p: DomNode): string {
    const n = this.names;
    const pPr = n.child(p, "pPr");
    const numPr = n.child(pPr, "numPr");
    let numId = n.attr(n.child(numPr, "numId"), "val");
    let ilvl = Number(n.attr(n.child(numPr, "ilvl"), "val") ?? NaN);
    const style = n.attr(n.child(pPr, "pStyle"), "val");
    const fromStyle = style ? this.styleNumbering.get(style) : undefined;
    if (numId === undefined && fromStyle) numId = fromStyle.numId;
    if (!Number.isInteger(ilvl)) ilvl = fromStyle?.ilvl ?? 0;
    if (numId === undefined || numId === "0") return "";
    const instance = this.instances.get(numId);
    const levels = instance ? this.abstracts.get(instance.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!instance || !levels || !level) return "";

    const counters = this.counters.get(instance.abstractId) ?? [];
    this.counters.set(instance.abstractId, counters);
    if (!instance.overrideApplied) {
      instance.overrideApplied = true;
      for (const [lvl, start] of instance.startOverrides) counters[lvl] = start - 1;
    }
    counters[ilvl] = (counters[ilvl] ?? level.start - 1) + 1;
    counters.length = ilvl + 1; // deeper levels restart

    if (level.format === "none" || level.format === "bullet") return ""; // a bullet is decoration, not content
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levels.get(k);
      const value = counters[k] ?? l?.start ?? 1;
      return formatNumber(value, level.legal ? "decimal" : (l?.format ?? "decimal"));
    });
    return text + (level.suffix === "nothing" ? "" : " ");
  }

  private readNumbering(root: DomNode): void {
    const n = this.names;
    const numbering = root.children?.find((c) => n.local(c) === "numbering");
    if (!numbering) return;
    for (const abs of n.children(numbering, "abstractNum")) {
      const id = n.attr(abs, "abstractNumId");
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of n.children(abs, "lvl")) levels.set(Number(n.attr(lvl, "ilvl") ?? 0), this.readLevel(lvl));
      this.abstracts.set(id, levels);
    }
    for (const num of n.children(numbering, "num")) {
      const id = n.attr(num, "numId");
      const abstractId = n.attr(n.child(num, "abstractNumId"), "val");
      if (id === undefined || abstractId === undefined) continue;
      const startOverrides = new Map<number, number>();
      for (const override of n.children(num, "lvlOverride")) {
        const start = n.attr(n.child(override, "startOverride"), "val");
        if (start !== undefined) startOverrides.set(Number(n.attr(override, "ilvl") ?? 0), Number(start));
        // A full level redefinition inside the override replaces the abstract level for this instance only;
        // rare enough to read as the abstract level.
      }
      this.instances.set(id, { abstractId, startOverrides, overrideApplied: false });
    }
  }

  private readLevel(lvl: DomNode): Level {
    const n = this.names;
    return {
      start: Number(n.attr(n.child(lvl, "start"), "val") ?? 1),
      format: n.attr(n.child(lvl, "numFmt"), "val") ?? "decimal",
      text: n.attr(n.child(lvl, "lvlText"), "val") ?? "",
      suffix: n.attr(n.child(lvl, "suff"), "val") ?? "tab",
      legal: n.isOn(n.child(lvl, "isLgl")),
    };
  }

  /** Paragraph styles that carry numbering (headings numbered through their style), following `basedOn`. */
  private readStyles(root: DomNode): void {
    const n = this.names;
    const styles = root.children?.find((c) => n.local(c) === "styles");
    if (!styles) return;
    const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
    for (const style of n.children(styles, "style")) {
      const id = n.attr(style, "styleId");
      if (!id) continue;
      const numPr = n.child(n.child(style, "pPr"), "numPr");
      const ilvl = n.attr(n.child(numPr, "ilvl"), "val");
      own.set(id, {
        numId: n.attr(n.child(numPr, "numId"), "val"),
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
        basedOn: n.attr(n.child(style, "basedOn"), "val"),
      });
    }
    for (const id of own.keys()) {
      let numId: string | undefined;
      let ilvl: number | undefined;
      const seen = new Set<string>();
      for (let s: string | undefined = id; s && !seen.has(s); s = own.get(s)?.basedOn) {
        seen.add(s);
        numId ??= own.get(s)?.numId;
        ilvl ??= own.get(s)?.ilvl;
      }
      if (numId !== undefined) this.styleNumbering.set(id, { numId, ilvl: ilvl ?? 0 });
    }
  }
}

const CHINESE_DIGITS = "〇一二三四五六七八九";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    case "upperRoman":
      return roman(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperLetter":
      return letters(value);
    case "lowerLetter":
      return letters(value).toLowerCase();
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return chinese(value, CHINESE_DIGITS, "十", "百", "千");
    case "chineseLegalSimplified":
    case "ideographLegalTraditional":
      return chinese(value, LEGAL_DIGITS, "拾", "佰", "仟");
    case "ideographTraditional":
      return HEAVENLY_STEMS[(value - 1) % 10] ?? String(value);
    case "ideographZodiac":
      return EARTHLY_BRANCHES[(value - 1) % 12] ?? String(value);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
    case "ideographEnclosedCircle":
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2460 + value - 1) : String(value);
    case "decimalEnclosedParen":
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2474 + value - 1) : `(${value})`;
    case "decimalEnclosedFullstop":
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2488 + value - 1) : `${value}.`;
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(value).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case "bullet":
    case "none":
      return "";
    default:
      return String(value);
  }
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [n, s] of table) {
    while (value >= n) {
      out += s;
      value -= n;
    }
  }
  return out;
}

/** Word's letter numbering: A…Z, then AA…ZZ, AAA… */
function letters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

/** 1–9999 in Chinese counting (十一, 二十, 一百零五); larger values as digits. */
function chinese(value: number, digits: string, ten: string, hundred: string, thousand: string): string {
  if (value <= 0 || value >= 10000) return String(value);
  if (value < 10) return digits[value];
  if (value < 20 && digits === CHINESE_DIGITS) return ten + (value % 10 ? digits[value % 10] : "");
  const units = [thousand, hundred, ten, ""];
  const parts = String(value).padStart(4, "0").split("").map(Number);
  let out = "";
  let zero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += digits[d] + units[i];
  });
  return out;
}

/**
 * How the generator prints its own data: indicator values (whole or split over 计算符号 | 指标值 | 计量单位),
 * amounts in 万元 or 元, labels with OCR spaces and full- or half-width brackets. The renderer prints with
 * these, and the expected model states what a reader must get back from the same data (the printed value,
 * the amount in 万元) — never from the interpreter's output.
 */
import type { Choices } from "./dimensions.ts";

export type Op = "≥" | "≤" | "";

/** An indicator value as the generator thinks of it. */
export type Val =
  | { kind: "num"; op: Op; num: number; decimals: number; unit: string }
  | { kind: "range"; lo: number; hi: number; unit: string }
  | { kind: "text"; text: string }
  | { kind: "empty" };

const withThousands = (s: string) => {
  const [int, frac] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};

/** Full-width or half-width punctuation, as the document prints it. */
export function widthForm(text: string, c: Choices): string {
  if (c.widthForms === "halfwidth") return text.replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":").replace(/％/g, "%");
  return text
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/(?<![0-9]):(?![0-9])/g, "：")
    .replace(/%/g, "％");
}

/** A label as printed: width forms, and with OCR spacing a space between every character. */
export function label(text: string, c: Choices): string {
  const t = widthForm(text, c);
  return c.labelSpacing === "spaced" ? [...t].join(" ") : t;
}

const unitText = (unit: string, c: Choices) => (unit === "%" ? (c.widthForms === "fullwidth" ? "％" : "%") : unit);

function opText(op: Op, c: Choices): string {
  if (!op) return "";
  if (c.valueForms === "ascii") return op === "≥" ? ">=" : "<=";
  if (c.valueForms === "words") return op === "≥" ? "不低于" : "不超过";
  return op;
}

export function numText(n: number, decimals: number, c: Choices): string {
  const s = n.toFixed(decimals);
  return c.numberFormat === "thousands" && Math.abs(n) >= 1000 ? withThousands(s) : s;
}

/** The parts of a value as split columns print them: sign, number (or text), unit. */
export function valueParts(v: Val, c: Choices): { op: string; num: string; unit: string } {
  switch (v.kind) {
    case "num":
      return { op: opText(v.op, c), num: numText(v.num, v.decimals, c), unit: unitText(v.unit, c) };
    case "range":
      return { op: "", num: `${v.lo}-${v.hi}`, unit: unitText(v.unit, c) };
    case "text":
      return { op: "", num: v.text, unit: "" };
    case "empty":
      return { op: "", num: "", unit: "" };
  }
}

/** The value in one 指标值 cell. */
export function singleValue(v: Val, c: Choices): string {
  if (v.kind === "range") {
    const u = unitText(v.unit, c);
    return `${v.lo}${u}-${v.hi}${u}`;
  }
  const p = valueParts(v, c);
  return p.op + p.num + p.unit;
}

/**
 * The value columns of one row, in the order the header names them (render.ts valueKinds), and the
 * value a reader joins from them: 计算符号 + 指标值 + 计量单位; a 指标性质 column counts as the sign only when it
 * holds one; 指标方向 (正向/反向) is no printed sign.
 */
export function splitValue(v: Val, c: Choices): { cells: string[]; joined: string } {
  const p = valueParts(v, c);
  const quantity = v.kind === "num" || v.kind === "range";
  // An exact number carries `=` in a sign column (Excel exports print it); a range or text has no sign.
  const sign = p.op || (v.kind === "num" ? "=" : "");
  switch (c.valueColumns) {
    case "opValueUnit":
      return { cells: [sign, p.num, p.unit], joined: (p.num ? sign : "") + p.num + p.unit };
    case "typeOpValueUnit": {
      const type = v.kind === "empty" ? "" : quantity ? "定量" : "定性";
      return { cells: [type, sign, p.num, p.unit], joined: (p.num ? sign : "") + p.num + p.unit };
    }
    case "natureSign": {
      const nature = v.kind === "text" ? "定性" : sign;
      return { cells: [nature, p.num, p.unit], joined: (p.num ? sign : "") + p.num + p.unit };
    }
    case "direction": {
      const dir = v.kind === "empty" ? "" : v.kind === "text" ? "定性" : v.kind === "num" && v.op === "≤" ? "反向" : "正向";
      return { cells: [dir, p.num, p.unit], joined: p.num + p.unit };
    }
    default: {
      const s = singleValue(v, c);
      return { cells: [s], joined: s };
    }
  }
}

/** Amounts are kept as integer hundredths of 万元 so that 元 (× 10000) stays exact. */
export type Cents = number;

export type AmountUnit = "万元" | "元";

/** The unit the amounts of a table are printed in. */
export function amountUnitOf(c: Choices): AmountUnit {
  return /Yuan$/.test(c.amountUnit) ? "元" : "万元";
}

/** The printed amount: in the table's unit, in the chosen number format, with the unit in the cell when chosen. */
export function amountText(cents: Cents, c: Choices): string {
  const unit = amountUnitOf(c);
  let s: string;
  if (unit === "元") {
    const yuan = cents * 100;
    s = c.numberFormat === "integer" ? String(yuan) : c.numberFormat === "sixDecimals" ? yuan.toFixed(6) : yuan.toFixed(2);
  } else {
    const wan = cents / 100;
    s =
      c.numberFormat === "integer" && cents % 100 === 0 ? String(wan) : c.numberFormat === "sixDecimals" ? wan.toFixed(6) : wan.toFixed(2);
  }
  if (c.numberFormat === "thousands") s = withThousands(s);
  return /^cell/.test(c.amountUnit) ? s + unit : s;
}

/** The unit suffix of an amount label (`预算数（元）`) when the table states its unit in its labels. */
export function labelUnitSuffix(c: Choices): string {
  return c.amountUnit === "labelWan" ? "（万元）" : c.amountUnit === "labelYuan" ? "（元）" : "";
}

/** The `单位：…` statement line, when the table states its unit above it. */
export function unitStatement(c: Choices): string | null {
  return c.amountUnit === "lineWan" ? widthForm("单位：万元", c) : c.amountUnit === "lineYuan" ? widthForm("单位：元", c) : null;
}

/**
 * statedUnit, the convention of this generator: the unit the table states — in a `单位：` line, or in its
 * amount labels/headers (`预算数（元）`, `金额（元）`); a unit printed only inside each amount cell is no
 * statement of the table, so it stays 万元 (as the paragraph-fields fixture has it).
 */
export function statedUnitOf(c: Choices): AmountUnit {
  return c.amountUnit === "lineYuan" || c.amountUnit === "labelYuan" ? "元" : "万元";
}

/**
 * Cut a text into two non-empty parts near `frac`, never between two Latin letters (a reader joins those with a
 * space) and never next to whitespace; with `keepNumbers`, never inside a number (a value wraps between words).
 * Returns null when no such place exists.
 */
export function cutAt(text: string, frac: number, keepNumbers = false): number | null {
  const chars = [...text];
  if (chars.length < 2) return null;
  const num = /[0-9.,，]/;
  const ok = (i: number) => {
    const a = chars[i - 1];
    const b = chars[i];
    if (keepNumbers && num.test(a) && num.test(b)) return false;
    return !/\s/.test(a) && !/\s/.test(b) && !(/[A-Za-z]/.test(a) && /[A-Za-z]/.test(b));
  };
  const want = Math.min(chars.length - 1, Math.max(1, Math.round(chars.length * frac)));
  for (let d = 0; d < chars.length; d++) {
    for (const i of [want - d, want + d]) if (i >= 1 && i < chars.length && ok(i)) return chars.slice(0, i).join("").length;
  }
  return null;
}

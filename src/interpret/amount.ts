/**
 * Budget amounts (预算数, 财政资金, 金额(万元) cells) and the unit a table states them in.
 *
 * Cells carry `98.40`, `2.000000`, `1,273.72`, `１２.５`, ` 20.00 `, sometimes a unit (`15万元`), and
 * `—`/`-`/`无`/blank for "nothing". The model keeps every amount in 万元 (toWanYuan).
 */

export type AmountUnit = "万元" | "元" | "亿元" | "千元";

export interface Amount {
  value: number;
  /** The unit printed in the cell itself (`15万元`); null for a bare number, which takes the table's unit. */
  unit: AmountUnit | null;
}

/** 无 and dashes say "no amount"; so does an empty cell. */
const NOTHING = /^(无|-+|\/|\\|—+|－+|空|\/+)?$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d*)?$/;
const SUFFIX = /(亿元|万元|千元|元|万|亿)$/;

/** An amount and the unit printed with it, or null when the cell holds no number. */
export function readAmount(raw: string): Amount | null {
  let t = raw
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^(人民币|RMB|[¥￥])/i, "");
  if (NOTHING.test(t)) return null;
  let unit: AmountUnit | null = null;
  const m = t.match(SUFFIX);
  if (m) {
    unit = m[1] === "万" ? "万元" : m[1] === "亿" ? "亿元" : (m[1] as AmountUnit);
    t = t.slice(0, -m[1].length);
  }
  const n = t.match(NUMBER);
  if (!n) return null;
  const value = Number(`${n[1]}${n[2].replace(/,/g, "")}${n[3] && n[3] !== "." ? n[3] : ""}`);
  return Number.isFinite(value) ? { value, unit } : null;
}

/** The number in an amount cell as printed (no unit conversion), or null. `15万元` → 15; see readAmount for the unit. */
export function parseAmount(raw: string): number | null {
  return readAmount(raw)?.value ?? null;
}

/**
 * The unit a table states its amounts in: `单位：万元`, `单位:元`, `金额单位：元`, `(单位：万元)`,
 * `单位：人民币万元`, `单位(万元)`, in the lines above a table or in a header cell. The statement nearest the table (the
 * last one) wins. `实施单位：…` and `单位：元/人` are not amount units.
 */
export function detectAmountUnit(lines: string[]): "万元" | "元" | null {
  let found: "万元" | "元" | null = null;
  for (const line of lines) {
    const l = line.normalize("NFKC").replace(/\s+/g, "");
    // No word boundary needed before 单位: an organisation is never named 元 or 万元, and a name that
    // merely starts so (元宝山区) is refused by the lookahead.
    const re = /单位[:(]?(?:人民币)?(万元|元)(?![/\u3400-\u9fff])/g;
    for (const m of l.matchAll(re)) found = m[1] as "万元" | "元";
  }
  return found;
}

/** An amount in 万元, the model's unit. A null unit is already 万元 (the tables' default). */
export function toWanYuan(value: number, unit: AmountUnit | null): number {
  const factor = unit === "元" ? 1e-4 : unit === "千元" ? 0.1 : unit === "亿元" ? 1e4 : 1;
  return Math.round(value * factor * 1e6) / 1e6;
}

/**
 * A cell's amount in 万元: the unit printed in the cell wins, then the label's (`金额(元)`), then the table's
 * (`单位：元` above it). Null when the cell holds no number.
 */
export function amountInWan(raw: string, labelUnit: AmountUnit | null, tableUnit: AmountUnit): number | null {
  const a = readAmount(raw);
  return a === null ? null : toWanYuan(a.value, a.unit ?? labelUnit ?? tableUnit);
}

/**
 * Money, the shared logic of the cost rules. Everything is compared in 元.
 *
 * - Budgets in the model are 万元; ×10000 gives 元.
 * - A target's operator gives an interval: `≤38.2万元` is [0, 382000], `≥8000人` is [8000, ∞), `=` is a point.
 *   An upper bound at or above the real figure is consistent, so comparisons ask whether the budget can lie
 *   inside the interval, with a rounding tolerance (money.toleranceRatio of the budget, at least
 *   money.toleranceYuan).
 * - A cost amount printed without a unit (`302000`, `6000`, `25000`) is read by magnitude (see readBareAmount).
 */
import type { Indicator, Op, Target } from "../model/types.ts";
import type { Thresholds } from "./config.ts";
import { isMoneyUnit, isPercentUnit, isRateName, moneyUnitFromName } from "./units.ts";

export const YUAN_PER_WAN = 10000;

export function wanToYuan(wan: number): number {
  return round(wan * YUAN_PER_WAN, 2);
}

export function round(n: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The difference money comparisons forgive around `baseYuan`. */
export function moneyTolerance(baseYuan: number, t: Thresholds): number {
  return Math.max(t["money.toleranceYuan"], t["money.toleranceRatio"] * Math.abs(baseYuan));
}

/** `200000` → `20万元`, `2500` → `2500元`: how a budget officer reads an amount. */
export function formatYuan(yuan: number): string {
  if (!Number.isFinite(yuan)) return "不限";
  if (Math.abs(yuan) >= YUAN_PER_WAN) return `${trimNumber(yuan / YUAN_PER_WAN)}万元`;
  return `${trimNumber(yuan)}元`;
}

export function formatWan(wan: number): string {
  return `${trimNumber(wan)}万元`;
}

export function trimNumber(n: number): string {
  return String(round(n, 4));
}

export interface Interval {
  min: number;
  max: number;
}

/** The values a target with this operator allows. `>`/`<` are treated like `≥`/`≤` (tolerance covers the edge). */
export function intervalOf(op: Op, value: number, max?: number): Interval {
  switch (op) {
    case "<=":
    case "<":
      return { min: 0, max: value };
    case ">=":
    case ">":
      return { min: value, max: Infinity };
    case "range":
      return { min: Math.min(value, max ?? value), max: Math.max(value, max ?? value) };
    default:
      return { min: value, max: value };
  }
}

export function scaleInterval(i: Interval, k: number): Interval {
  return { min: i.min * k, max: i.max * k };
}

export function multiply(a: Interval, b: Interval): Interval {
  const mul = (x: number, y: number) => (x === 0 || y === 0 ? 0 : x * y);
  return { min: mul(a.min, b.min), max: mul(a.max, b.max) };
}

export function addIntervals(list: Interval[]): Interval {
  return list.reduce((s, i) => ({ min: s.min + i.min, max: s.max + i.max }), { min: 0, max: 0 });
}

/** How the unit of an amount was decided. */
export type UnitBasis =
  | "explicit" // printed with the amount: 65520元, ≤38.2万元, 2万
  | "name" // printed in the indicator's name: 所需费用(万) | ≤3
  | "stated" // the table's 单位：万元 / 单位：元
  | "magnitude" // a bare number far too large (or small) for the stated unit: 302000 in a 万元 table is 元
  | "assumed"; // a bare per-unit amount (30/人) taken as 元

/** What one cost value (or one part of a compound value) says about money. */
export type CostReading =
  | { kind: "absolute"; interval: Interval; basis: UnitBasis; raw: string; op: Op }
  | {
      kind: "unit-cost";
      interval: Interval;
      per: string;
      perPeriod: string | null;
      basis: UnitBasis;
      raw: string;
      op: Op;
    }
  /** An amount whose reading is unsure: a bare number implausible in both 元 and 万元, or a per-unit named only in the name. */
  | { kind: "unknown"; raw: string; reason: string; candidates?: { unit: "元" | "万元"; yuan: number }[] }
  | { kind: "not-money" };

export interface MoneyContext {
  statedUnit: "万元" | "元";
  /** The budget in 元, when known: the reference for reading bare amounts by magnitude. */
  budgetYuan: number | null;
  thresholds: Thresholds;
}

type QuantityTarget = Extract<Target, { kind: "quantity" }>;

/** Multiplier to 元 of a money unit as the parser may give it (元 with scale 10000, or 万元 itself). */
function unitMultiplier(unit: string, scale: number): number {
  const u = unit.normalize("NFKC").trim();
  if (u === "万元" || u === "万") return scale === YUAN_PER_WAN ? scale : scale * YUAN_PER_WAN;
  if (u === "亿元" || u === "亿") return scale === 1e8 ? scale : scale * 1e8;
  if (u === "千元") return scale * 1000;
  return scale;
}

/**
 * Names that say the amount is per head or per item (`人均`, `单价`, `每人每年5万元`). When the value itself
 * has no `/人` we cannot tell a unit cost from a total (`每人每年5万元经费保障 | 350000` is the total), so such a
 * value is read as unknown rather than guessed.
 */
const PER_IN_NAME = /人均|户均|均价|单价|每(人|户|台|例|名|个|次|家|所|辆|套|件|场|期|项|月|天|日|生|床)|标准[(（]?元?\/|\/(人|户|台|例)/;

/**
 * A bare amount (no unit) in a cost indicator. The table's stated unit is tried first; when it makes the amount
 * implausible against the budget (outside [bareAmountMinRatio, bareAmountMaxRatio] × budget) the other unit
 * (元 ↔ 万元, a factor of 10000) is tried. The window is narrower than 10000, so at most one reading fits;
 * when neither fits the amount is unknown, and the rules warn instead of erring.
 * Examples, 万元 table: `6000` with budget 3万 → 6000元 (6000万 would be 2000× the budget); `302000` with
 * budget 16.8万 → 30.2万元; `15` with budget 15万 → 15万元.
 */
export function readBareAmount(
  amount: number,
  ctx: MoneyContext,
  nameUnit: "元" | "万元" | null,
): { yuan: number; basis: UnitBasis } | { candidates: { unit: "元" | "万元"; yuan: number }[] } {
  const inUnit = (u: "元" | "万元") => (u === "万元" ? amount * YUAN_PER_WAN : amount);
  if (nameUnit) return { yuan: inUnit(nameUnit), basis: "name" };
  const stated = ctx.statedUnit;
  const other = stated === "万元" ? "元" : "万元";
  if (ctx.budgetYuan === null || ctx.budgetYuan <= 0) return { yuan: inUnit(stated), basis: "stated" };
  const plausible = (yuan: number) => {
    const r = yuan / ctx.budgetYuan!;
    return r >= ctx.thresholds["money.bareAmountMinRatio"] && r <= ctx.thresholds["money.bareAmountMaxRatio"];
  };
  if (plausible(inUnit(stated))) return { yuan: inUnit(stated), basis: "stated" };
  if (plausible(inUnit(other))) return { yuan: inUnit(other), basis: "magnitude" };
  return {
    candidates: [
      { unit: "元", yuan: inUnit("元") },
      { unit: "万元", yuan: inUnit("万元") },
    ],
  };
}

function readQuantity(q: QuantityTarget, ind: Indicator, raw: string, ctx: MoneyContext): CostReading {
  if (isPercentUnit(q.unit)) return { kind: "not-money" };
  const unit = q.unit?.normalize("NFKC").trim() || null;
  const money = unit !== null && isMoneyUnit(unit);
  if (unit !== null && !money) return { kind: "not-money" };
  // A bare number under a rate or count name (成本控制率 | 100, 人数 | 5) is not an amount.
  if (!money && q.scale === 1 && (isRateName(ind.name) || /(数|数量)$/.test(ind.name))) return { kind: "not-money" };

  const perUnit = q.per?.normalize("NFKC").trim() || null;
  const annualPer = perUnit !== null && /^年$/.test(perUnit);
  const per = annualPer ? null : perUnit;
  const perPeriod = q.perPeriod ?? null;

  let factor: number;
  let basis: UnitBasis;
  if (money) {
    factor = unitMultiplier(unit!, q.scale);
    basis = "explicit";
  } else if (q.scale !== 1) {
    factor = q.scale; // `2万` in a cost line: 2万元
    basis = "explicit";
  } else if (per !== null) {
    const nameUnit = moneyUnitFromName(ind.name);
    factor = nameUnit === "万元" ? YUAN_PER_WAN : 1;
    basis = nameUnit ? "name" : "assumed";
  } else {
    const top = q.op === "range" ? (q.max ?? q.value) : q.value;
    const bare = readBareAmount(top, ctx, moneyUnitFromName(ind.name));
    if ("candidates" in bare) {
      return { kind: "unknown", raw, reason: "bare amount implausible in 元 and in 万元", candidates: bare.candidates };
    }
    factor = bare.yuan / top;
    basis = bare.basis;
  }
  const interval = scaleInterval(intervalOf(q.op, q.value, q.max), factor);
  // A per-time amount (元/月, 元/天) is a unit cost too: its count of periods is not in the table.
  if (per !== null) return { kind: "unit-cost", interval, per, perPeriod, basis, raw, op: q.op };
  if (PER_IN_NAME.test(ind.name.normalize("NFKC")) && !annualPerIsTotal(ind.name)) {
    return { kind: "unknown", raw, reason: "the name speaks of a per-unit amount but the value has no per-unit" };
  }
  if (perPeriod && !/^年$/.test(perPeriod)) {
    return { kind: "unit-cost", interval, per: perPeriod, perPeriod: null, basis, raw, op: q.op };
  }
  return { kind: "absolute", interval, basis, raw, op: q.op };
}

/** `项目年度总额` etc. mention a year but are totals, not per-year unit costs. */
function annualPerIsTotal(name: string): boolean {
  return /总额|总预算|总金额|总经费|合计/.test(name);
}

/** Read every part of a cost indicator's value as money. */
export function readCostValue(ind: Indicator, ctx: MoneyContext): CostReading[] {
  const t = ind.target;
  const parts = t.kind === "compound" ? t.parts : [t];
  return parts.map((p): CostReading => {
    if (p.kind === "quantity") return readQuantity(p, ind, ind.value, ctx);
    // A value with digits that the parser could not type may still hold an amount: unsure, never silent as "no money".
    if ((p.kind === "unparsed" || p.kind === "qualitative") && /\d/.test(ind.value) && /元|万/.test(ind.value)) {
      return { kind: "unknown", raw: ind.value, reason: "unparsed amount" };
    }
    return { kind: "not-money" };
  });
}

/** How a reading's unit was decided, in words for a message (empty when printed). */
export function basisNote(basis: UnitBasis, statedUnit: string): string {
  switch (basis) {
    case "name":
      return "（单位取自指标名称）";
    case "stated":
      return `（未注明单位，按表头“单位：${statedUnit}”理解）`;
    case "magnitude":
      return statedUnit === "万元"
        ? "（未注明单位；按万元理解将远超预算数，故按元理解）"
        : "（未注明单位；按元理解将远小于预算数，故按万元理解）";
    case "assumed":
      return "（未注明单位，按元理解）";
    default:
      return "";
  }
}

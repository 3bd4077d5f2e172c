import type { Indicator, Severity } from "../../../model/types.ts";
import { basisNote, formatYuan, intervalOf, moneyTolerance, multiply, scaleInterval, trimNumber, type Interval } from "../../money.ts";
import { budgetSource, isCostIndicator, level1Of, quoteIndicator, sourceCell, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { isPercentUnit, isTimeUnit, unitFamily, unitFromName } from "../../units.ts";
import { projectCosts } from "./cost-lines.ts";
import { numbers } from "./stated-total.ts";

interface Quantity {
  ind: Indicator;
  interval: Interval;
  unit: string;
}

/** Output counts with a unit: `80户`, `≥8000人`, or a bare `80` under a name ending in 户数. */
export function quantitiesOf(indicators: Indicator[]): Quantity[] {
  const out: Quantity[] = [];
  for (const ind of indicators) {
    if (isCostIndicator(ind) || level1Of(ind) !== "产出指标") continue;
    const t = ind.target;
    if (t.kind !== "quantity" || t.per || isPercentUnit(t.unit)) continue;
    const unit = t.unit ?? unitFromName(ind.name);
    if (!unit || /元/.test(unit)) continue;
    out.push({ ind, unit, interval: scaleInterval(intervalOf(t.op, t.value, t.max), t.scale) });
  }
  return out;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function similarity(a: string, b: string): number {
  const A = bigrams(a);
  let n = 0;
  for (const g of bigrams(b)) if (A.has(g)) n++;
  return n;
}

/** The quantity a unit cost multiplies: same unit family; among several, the one whose name is closest. */
function matchQuantity(costName: string, per: string, quantities: Quantity[]): { q: Quantity; sure: boolean } | null {
  const family = unitFamily(per);
  const same = quantities.filter((q) => unitFamily(q.unit) === family);
  if (same.length === 0) return null;
  if (same.length === 1) return { q: same[0], sure: true };
  const scored = same.map((q) => ({ q, s: similarity(costName, q.ind.name) })).sort((a, b) => b.s - a.s);
  if (scored[0].s === scored[1].s) return null; // cannot tell which count the price applies to
  return { q: scored[0].q, sure: false };
}

/** How many times a per-period unit cost is paid in the (assumed one-year) project. */
function periodsPerYear(perPeriod: string | null): { k: number; assumed: boolean } | null {
  if (!perPeriod) return { k: 1, assumed: false };
  if (/^年$/.test(perPeriod)) return { k: 1, assumed: false };
  if (/^月$/.test(perPeriod)) return { k: 12, assumed: true };
  if (/^(季|季度)$/.test(perPeriod)) return { k: 4, assumed: true };
  if (/^半年$/.test(perPeriod)) return { k: 2, assumed: true };
  return null; // per day or week: the number of days is not in the table
}

export const rule: SubjectRule = {
  id: "cost-budget-mismatch/unit-cost-times-quantity",
  severity: "error",
  subjects: ["project"],
  description:
    "A unit cost (每户2500元, 60元/人, ≤0.2万元/台) times the output quantity counted in the same unit (80户, ≥8000人, " +
    "≥1000台; 人 also matches 名) must fit the budget (预算数), and the amount its own cell states (40元/天，≤10000元/年). " +
    "The operators are respected: a unit cost of at most X times a count of at least N says nothing about the " +
    "total, while 60元/人 × at least 8000人 cannot cost less than 48万元. A product that must exceed the budget is " +
    "an error (a warning when the unit or the count had to be guessed, or a monthly cost was counted 12 times); a " +
    "product that cannot reach the budget, when this is the project's only cost line, is a warning or info.",
  checkSubject(subject, { thresholds: t }) {
    if (subject.kind !== "project") return [];
    const costs = projectCosts(subject.project, t);
    if (!costs || costs.unitCosts.length === 0) return [];
    const quantities = quantitiesOf(subject.project.indicators);
    const B = costs.budgetYuan;
    const tol = moneyTolerance(B, t);
    const budgetText = `预算数${formatYuan(B)}（${budgetSource(subject.project)}）`;
    const onlyLine = costs.lines.length === 1;
    const drafts: Draft[] = [];

    for (const line of costs.unitCosts) {
      const r = line.reading;
      if (isTimeUnit(r.per)) continue;
      const match = matchQuantity(line.ind.name, r.per, quantities);
      const periods = periodsPerYear(r.perPeriod);
      if (!match || !periods) continue;
      const product = scaleInterval(multiply(r.interval, match.q.interval), periods.k);
      const guessed = !match.sure || periods.assumed || r.basis === "assumed";
      const formula =
        `单位成本${quoteIndicator(line.ind)}${basisNote(r.basis, costs.money.statedUnit)} × 数量${quoteIndicator(match.q.ind)}` +
        (periods.k > 1 ? ` × ${periods.k}（按${r.perPeriod}计，假定全年）` : "");
      const cells = [...valueCell(line.ind), ...valueCell(match.q.ind)];

      // The same cell may state the line's own amount: 40元/天，≤10000元/年.
      const own = costs.absolute.filter((a) => a.ind === line.ind);
      for (const a of own) {
        if (product.min > a.reading.interval.max + moneyTolerance(a.reading.interval.max, t)) {
          drafts.push({
            subject,
            cells,
            severity: guessed ? "warning" : undefined,
            message: `${formula}至少为${formatYuan(product.min)}，超过同一指标所列金额${formatYuan(a.reading.interval.max)}，多${formatYuan(product.min - a.reading.interval.max)}。`,
            numbers: numbers(a.reading.interval.max, product.min),
          });
        }
      }

      const exact = product.min === product.max;
      if (product.min > B + tol) {
        drafts.push({
          subject,
          cells: [...cells, ...sourceCell(subject.project.sources, "budget.total")],
          severity: guessed ? "warning" : undefined,
          message: `${formula} ${exact ? "=" : "≥"} ${formatYuan(product.min)}，超过${budgetText}，多${formatYuan(product.min - B)}。`,
          numbers: numbers(B, product.min),
        });
      } else if (onlyLine && product.max < B - tol) {
        const share = product.max / B;
        const severity: Severity = share < t["money.belowBudgetRatio"] && !guessed ? "warning" : "info";
        drafts.push({
          subject,
          cells: [...cells, ...sourceCell(subject.project.sources, "budget.total")],
          severity,
          message: `${formula} ${exact ? "=" : "≤"} ${formatYuan(product.max)}，低于${budgetText}，少${formatYuan(B - product.max)}（仅占${trimNumber(Math.round(share * 1000) / 10)}%）。`,
          numbers: numbers(B, product.max),
        });
      }
    }
    return drafts;
  },
};

export default rule;

import type { Severity } from "../../../model/types.ts";
import { basisNote, formatYuan, moneyTolerance, round, YUAN_PER_WAN } from "../../money.ts";
import { budgetSource, quoteIndicator, sourceCell, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { projectCosts, type CostLine } from "./cost-lines.ts";

export const rule: SubjectRule = {
  id: "cost-budget-mismatch/stated-total",
  severity: "error",
  subjects: ["project"],
  description:
    "A cost indicator (成本指标) that states the project's whole amount — named 项目总预算, 项目金额, 资金总额, 所需经费 " +
    "and the like, or the only amount among the cost indicators — must agree with the budget (预算数). An upper " +
    "bound (≤) at or above the budget is consistent. Amounts are compared in 元 with a rounding tolerance; an " +
    "amount printed without a unit is read in the table's unit unless its size makes that impossible (302000 " +
    "in a 万元 table is 元). A total that exceeds the budget, or a named total that differs from it, is an error; " +
    "a sole cost line well below the budget is a warning (less than money.belowBudgetRatio of it) or info.",
  checkSubject(subject, { thresholds: t }) {
    if (subject.kind !== "project") return [];
    const costs = projectCosts(subject.project, t);
    if (!costs) return [];
    const B = costs.budgetYuan;
    const tol = moneyTolerance(B, t);
    const budgetCells = sourceCell(subject.project.sources, "budget.total");
    const budgetText = `预算数${formatYuan(B)}`;
    const drafts: Draft[] = [];

    const named = costs.absolute.filter((l) => l.statesTotal);
    const sole = costs.lines.length === 1 && costs.absolute.length === 1 && !costs.absolute[0].statesTotal ? costs.absolute : [];

    for (const line of [...named, ...sole]) {
      const r = line.reading;
      const amount = `${quoteIndicator(line.ind)}${basisNote(r.basis, costs.money.statedUnit)}`;
      const what = line.statesTotal ? "成本指标所列项目总额" : "唯一的成本金额指标";
      const cells = [...valueCell(line.ind), ...budgetCells];
      if (r.interval.min > B + tol) {
        const diff = r.interval.min - B;
        // A multi-year project may state its whole cost against one year's budget: likely, but not surely, wrong.
        const multiYear = isMultiYear(subject.project.period, subject.project.category);
        drafts.push({
          subject,
          cells,
          severity: multiYear && line.statesTotal ? "warning" : undefined,
          message:
            `${what}${amount}${r.interval.min === r.interval.max ? "为" : "至少为"}${formatYuan(r.interval.min)}，超过${budgetText}（${budgetSource(subject.project)}），多${formatYuan(diff)}` +
            (multiYear && line.statesTotal
              ? `；项目为多年期（${subject.project.period ?? subject.project.category}），所列可能是多年总额。`
              : "。"),
          numbers: numbers(B, r.interval.min),
        });
      } else if (r.interval.max < B - tol) {
        const share = r.interval.max / B;
        const exact = r.interval.min === r.interval.max;
        let severity: Severity;
        if (line.statesTotal) severity = exact ? "error" : "warning";
        else severity = share < t["money.belowBudgetRatio"] ? "warning" : "info";
        drafts.push({
          subject,
          cells,
          severity,
          message: `${what}${amount}${exact ? "为" : "最多为"}${formatYuan(r.interval.max)}，低于${budgetText}（${budgetSource(subject.project)}），少${formatYuan(B - r.interval.max)}（仅占${Math.round(share * 1000) / 10}%）。`,
          numbers: numbers(B, r.interval.max),
        });
      }
    }

    // A sole amount printed without a unit that fits neither 元 nor 万元: say so, but only as a warning.
    if (costs.lines.length === 1 && costs.unknown.length === 1 && costs.unknown[0].reading.candidates) {
      const line: CostLine = costs.unknown[0];
      const c = costs.unknown[0].reading.candidates!;
      drafts.push({
        subject,
        cells: [...valueCell(line.ind), ...budgetCells],
        severity: "warning",
        message: `成本指标${quoteIndicator(line.ind)}未注明单位：按元为${formatYuan(c[0].yuan)}，按万元为${formatYuan(c[1].yuan)}，都与${budgetText}相差悬殊，请注明单位并核对金额。`,
        numbers: { expected: round(B / YUAN_PER_WAN), unit: "万元" },
      });
    }
    return drafts;
  },
};

/** `3年`, `2023-2025年`, `03-多年期延续性项目`: the budget may be one year of a longer project. */
export function isMultiYear(period: string | null, category: string | null): boolean {
  const p = (period ?? "").normalize("NFKC");
  const years = p.match(/^(\d+)\s*年$/);
  if (years) return Number(years[1]) > 1;
  if (/^一\s*年/.test(p)) return false;
  if (/[二三四五六七八九十两]\s*年/.test(p) || /\d{4}\s*[-—~至到]\s*\d{4}/.test(p)) return true;
  return /多年/.test(category ?? "");
}

export function numbers(budgetYuan: number, actualYuan: number) {
  return {
    expected: round(budgetYuan / YUAN_PER_WAN),
    actual: round(actualYuan / YUAN_PER_WAN),
    difference: round((actualYuan - budgetYuan) / YUAN_PER_WAN),
    unit: "万元",
  };
}

export default rule;

import type { Severity } from "../../../model/types.ts";
import { addIntervals, basisNote, formatYuan, moneyTolerance } from "../../money.ts";
import { budgetSource, sourceCell, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { projectCosts } from "./cost-lines.ts";
import { numbers } from "./stated-total.ts";

export const rule: SubjectRule = {
  id: "cost-budget-mismatch/cost-lines-sum",
  severity: "error",
  subjects: ["project"],
  description:
    "The absolute amounts of the cost indicators (成本指标) together must fit the budget (预算数). Lines whose " +
    "smallest possible total (= and ≥ amounts; ≤ amounts count as 0) exceeds the budget are an error. Lines " +
    "stated as upper bounds (≤38.2万元, ≤4.7万元 …) whose caps together (= amounts plus ≤ bounds: the total if every " +
    "line were spent to its cap) exceed the budget are a warning: the breakdown does not fit the budget. When every " +
    "cost line is an absolute amount, lines whose largest possible total stays well below the budget are a " +
    "warning (below money.belowBudgetRatio of it) or info: part of the money has no cost target. Unit costs " +
    "(每户2500元) and amounts whose unit cannot be told are left to other rules and suppress the below-budget check.",
  checkSubject(subject, { thresholds: t }) {
    if (subject.kind !== "project") return [];
    const costs = projectCosts(subject.project, t);
    if (!costs) return [];
    const parts = costs.absolute.filter((l) => !l.statesTotal);
    const soleHandledElsewhere = costs.lines.length === 1;
    if (parts.length === 0 || soleHandledElsewhere) return [];
    const B = costs.budgetYuan;
    const tol = moneyTolerance(B, t);
    const sum = addIntervals(parts.map((l) => l.reading.interval));
    const cells = [...parts.flatMap((l) => valueCell(l.ind)), ...sourceCell(subject.project.sources, "budget.total")];
    const list = parts.map((l) => `“${l.ind.name}”${l.reading.raw}${basisNote(l.reading.basis, costs.money.statedUnit)}`).join("、");
    const budgetText = `预算数${formatYuan(B)}（${budgetSource(subject.project)}）`;
    const drafts: Draft[] = [];
    if (sum.min > B + tol) {
      drafts.push({
        subject,
        cells,
        message: `成本指标金额${list}合计${sum.min === sum.max ? "" : "至少"}${formatYuan(sum.min)}，超过${budgetText}，多${formatYuan(sum.min - B)}。`,
        numbers: numbers(B, sum.min),
      });
    } else if (parts.length >= 2 && Number.isFinite(sum.max) && sum.max > B + tol) {
      // Upper bounds (≤) that together exceed the budget: each line may be spent below its cap, but the caps
      // as printed are a breakdown that does not fit the budget.
      drafts.push({
        subject,
        cells,
        severity: "warning",
        message:
          `成本指标上限合计${formatYuan(sum.max)}（${list}），超过${budgetText}，多${formatYuan(sum.max - B)}：` +
          `若各项都按上限支出，合计将超出预算。请核对各项成本上限与预算数是否相符。`,
        numbers: numbers(B, sum.max),
      });
    } else if (
      parts.length >= 2 &&
      costs.unitCosts.length === 0 &&
      costs.unknown.length === 0 &&
      costs.absolute.every((l) => !l.statesTotal) &&
      sum.max < B - tol
    ) {
      const share = sum.max / B;
      const severity: Severity = share < t["money.belowBudgetRatio"] ? "warning" : "info";
      drafts.push({
        subject,
        cells,
        severity,
        message: `成本指标金额${list}合计${sum.min === sum.max ? "" : "最多"}${formatYuan(sum.max)}，低于${budgetText}，少${formatYuan(B - sum.max)}（仅占${Math.round(share * 1000) / 10}%），部分资金没有对应的成本指标。`,
        numbers: numbers(B, sum.max),
      });
    }
    return drafts;
  },
};

export default rule;

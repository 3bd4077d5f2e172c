import { cellOf } from "../../subjects.ts";
import type { SubjectRule } from "../../types.ts";
import { filledEntries, isPerPeriodShares } from "./plan.ts";

export const rule: SubjectRule = {
  id: "spending-plan/not-increasing",
  severity: "warning",
  subjects: ["project"],
  description:
    "A spending plan (资金支出计划（%）, 3月底/6月底/10月底/12月底) gives the cumulative share of the budget spent by " +
    "each date, so it cannot go down. A plan whose entries fall is reported, unless the entries add up to 100 " +
    "(then they are shares per period, 25/25/25/25). Empty entries are skipped.",
  checkSubject(subject, { thresholds }) {
    if (subject.kind !== "project") return [];
    const tol = thresholds["spendingPlan.tolerance"];
    const entries = filledEntries(subject.project.spendingPlan);
    if (entries.length < 2 || isPerPeriodShares(entries, tol)) return [];
    const drop = entries.findIndex((e, i) => i > 0 && e.percent < entries[i - 1].percent - tol);
    if (drop < 0) return [];
    const a = entries[drop - 1];
    const b = entries[drop];
    return [
      {
        subject,
        cells: [...cellOf(a.at, a.raw), ...cellOf(b.at, b.raw)],
        message: `资金支出计划应为累计进度，但${b.label}（${b.percent}%）低于${a.label}（${a.percent}%）。`,
        numbers: { expected: a.percent, actual: b.percent, difference: b.percent - a.percent, unit: "%" },
      },
    ];
  },
};

export default rule;

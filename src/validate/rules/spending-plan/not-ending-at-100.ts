import { cellOf } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { filledEntries, isYearEnd } from "./plan.ts";

export const rule: SubjectRule = {
  id: "spending-plan/not-ending-at-100",
  severity: "warning",
  subjects: ["project"],
  description:
    "By the end of the year (12月底) a spending plan should reach 100% of the budget, and no entry may exceed " +
    "100%. A plan whose year-end entry is below 100 leaves money unplanned; one that adds up to 100 as shares per " +
    "period is accepted. Plans whose last column is not the year end are not checked for reaching 100.",
  checkSubject(subject, { thresholds }) {
    if (subject.kind !== "project") return [];
    const tol = thresholds["spendingPlan.tolerance"];
    const plan = subject.project.spendingPlan ?? [];
    const entries = filledEntries(plan);
    if (entries.length === 0) return [];
    const drafts: Draft[] = [];
    const over = entries.find((e) => e.percent > 100 + tol);
    if (over) {
      drafts.push({
        subject,
        cells: cellOf(over.at, over.raw),
        severity: "error",
        message: `资金支出计划${over.label}为${over.percent}%，超过100%。`,
        numbers: { expected: 100, actual: over.percent, difference: over.percent - 100, unit: "%" },
      });
      return drafts;
    }
    const last = plan[plan.length - 1];
    if (!last || !isYearEnd(last.label)) return drafts;
    const sum = entries.reduce((s, e) => s + e.percent, 0);
    if (Math.abs(sum - 100) <= tol) return drafts; // shares per period, or only the year-end entry at 100
    const reached = Math.max(...entries.map((e) => e.percent));
    if (reached >= 100 - tol) return drafts;
    drafts.push({
      subject,
      cells: cellOf(last.at, last.raw),
      message:
        last.percent === null
          ? `资金支出计划没有填写${last.label}的进度，已填写的最高进度为${reached}%，未达到100%。`
          : `资金支出计划到${last.label}只有${last.percent}%，未达到100%。`,
      numbers: { expected: 100, actual: reached, difference: reached - 100, unit: "%" },
    });
    return drafts;
  },
};

export default rule;

import { sourceCell } from "../../subjects.ts";
import { sumNumbers, sumTolerance, wan } from "../../arithmetic.ts";
import type { Draft, SubjectRule } from "../../types.ts";

export const rule: SubjectRule = {
  id: "budget-arithmetic/department-parts",
  severity: "error",
  subjects: ["department"],
  description:
    "In a department's overall table, basic spending (基本支出) plus project spending (项目支出) must equal the " +
    "department's total, and the income sources (财政拨款 plus 其他资金) must equal it too. Checked when the " +
    "amounts are printed; rounding of 0.01万元 is forgiven.",
  checkSubject(subject, { thresholds }) {
    if (subject.kind !== "department") return [];
    const d = subject.department;
    const { total, basic, project, fiscal, other } = d.budget;
    const drafts: Draft[] = [];
    const cell = (k: string) => sourceCell(d.sources, `budget.${k}`);
    if (total !== null && basic !== null && project !== null) {
      const sum = basic + project;
      if (Math.abs(sum - total) > sumTolerance(total, thresholds)) {
        drafts.push({
          subject,
          cells: [...cell("total"), ...cell("basic"), ...cell("project")],
          message: `部门预算支出${wan(total)}不等于基本支出${wan(basic)}加项目支出${wan(project)}（合计${wan(sum)}），相差${wan(Math.abs(sum - total))}。`,
          numbers: sumNumbers(total, sum),
        });
      }
    }
    const spending = total ?? (basic !== null && project !== null ? basic + project : null);
    if (spending !== null && fiscal !== null) {
      const income = fiscal + (other ?? 0);
      if (Math.abs(income - spending) > sumTolerance(spending, thresholds)) {
        drafts.push({
          subject,
          cells: [...cell("total"), ...cell("basic"), ...cell("project"), ...cell("fiscal"), ...cell("other")],
          message: `收入来源合计${wan(income)}（财政拨款${wan(fiscal)}、其他资金${wan(other ?? 0)}）与部门预算支出${wan(spending)}不一致，相差${wan(Math.abs(income - spending))}。`,
          numbers: sumNumbers(spending, income),
        });
      }
    }
    return drafts;
  },
};

export default rule;

import { sourceCell } from "../../subjects.ts";
import { sumNumbers, sumTolerance, wan } from "../../arithmetic.ts";
import type { SubjectRule } from "../../types.ts";

export const rule: SubjectRule = {
  id: "budget-arithmetic/fiscal-plus-other",
  severity: "error",
  subjects: ["project"],
  description:
    "A project's budget (预算数) must equal its fiscal funds (其中：财政资金) plus its other funds (其他资金; an " +
    "empty cell counts as 0). Checked when the budget and the fiscal funds are printed; amounts printed to " +
    "0.01万元 are forgiven their rounding.",
  checkSubject(subject, { thresholds }) {
    if (subject.kind !== "project") return [];
    const p = subject.project;
    const { total, fiscal, other } = p.budget;
    if (total === null || fiscal === null) return [];
    const sum = fiscal + (other ?? 0);
    if (Math.abs(sum - total) <= sumTolerance(total, thresholds)) return [];
    const cells = [
      ...sourceCell(p.sources, "budget.total"),
      ...sourceCell(p.sources, "budget.fiscal"),
      ...sourceCell(p.sources, "budget.other"),
    ];
    return [
      {
        subject,
        cells,
        message: `预算数${wan(total)}不等于财政资金${wan(fiscal)}加其他资金${wan(other ?? 0)}（合计${wan(sum)}），相差${wan(Math.abs(sum - total))}。`,
        numbers: sumNumbers(total, sum),
      },
    ];
  },
};

export default rule;

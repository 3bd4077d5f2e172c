import { cellOf, sourceCell } from "../../subjects.ts";
import { sumNumbers, sumTolerance, wan } from "../../arithmetic.ts";
import type { Draft, DocumentRule } from "../../types.ts";

export const rule: DocumentRule = {
  id: "budget-arithmetic/total-row",
  severity: "error",
  description:
    "A 合计 (total) row must equal the sum of the budgets of the projects it totals. Checked when the row and " +
    "every one of its projects have an amount; amounts printed to 0.01万元 are forgiven their rounding.",
  checkDocument({ doc, thresholds }) {
    const drafts: Draft[] = [];
    for (const row of doc.totals) {
      if (row.amount === null || row.members.length === 0) continue;
      const members = row.members.map((i) => doc.projects[i]).filter((p) => p !== undefined);
      if (members.length !== row.members.length || members.some((p) => p.budget.total === null)) continue;
      const sum = members.reduce((s, p) => s + p.budget.total!, 0);
      if (Math.abs(sum - row.amount) <= sumTolerance(row.amount, thresholds) * Math.max(1, members.length / 4)) continue;
      drafts.push({
        subject: null,
        cells: [...cellOf(row.at, row.raw), ...members.flatMap((p) => sourceCell(p.sources, "budget.total"))],
        message: `“${row.label}”行为${wan(row.amount)}，但所含${members.length}个项目的预算数合计${wan(sum)}，相差${wan(Math.abs(sum - row.amount))}。`,
        numbers: sumNumbers(row.amount, sum),
      });
    }
    return drafts;
  },
};

export default rule;

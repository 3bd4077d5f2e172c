import { extractionRule, who } from "./diagnostic.ts";

export const rule = extractionRule(
  "missing-budget",
  "warning",
  "The project's table has an amount column (预算数, 项目年度金额, 金额(万元) …) but no budget could be read from " +
    "it. The budget checks (预算数 = 财政资金 + 其他资金, cost lines against the budget, 合计 rows) did not run for it.",
  (_d, { subject, place }) =>
    `表中有金额栏，但未能读出${subject ? "该项目的" : ""}预算数${place}。${who(subject)}与预算有关的核对` +
    `（预算数＝财政资金＋其他资金、成本指标与预算是否相符、合计行）因此没有进行；请对照原表核对“预算数/项目年度金额”。`,
);

export default rule;

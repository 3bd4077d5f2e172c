import type { Target } from "../../../model/types.ts";
import { isMoneyCostIndicator, isSatisfactionIndicator, level2Of, quoteIndicator, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { isBoundedRateName, isMoneyUnit, isPercentUnit, isTimeUnit } from "../../units.ts";

type Quantity = Extract<Target, { kind: "quantity" }>;

function quantities(t: Target): Quantity[] {
  const parts = t.kind === "compound" ? t.parts : [t];
  return parts.filter((p): p is Quantity => p.kind === "quantity");
}

export const rule: SubjectRule = {
  id: "value-format/unit-mismatch",
  severity: "warning",
  description:
    "The unit of a value must suit its indicator: a satisfaction or completion rate is a percentage, not an " +
    "amount of money or a head count (满意度 | 500元); a deadline (时效指标) is not an amount of money; a cost " +
    "indicator (成本指标, 经济成本指标) states money, not a count of people or households (成本指标 | 80户).",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      for (const q of quantities(ind.target)) {
        const unit = q.unit;
        if (!unit || isPercentUnit(unit)) continue;
        const money = isMoneyUnit(unit) || q.per !== null;
        let problem: string | null = null;
        if (isSatisfactionIndicator(ind) || isBoundedRateName(ind.name)) {
          problem = `是比率，应以百分比表示，却写成了“${unit}”${q.per ? `/${q.per}` : ""}`;
        } else if (level2Of(ind) === "时效指标" && isMoneyUnit(unit)) {
          problem = "是时效指标，却写成了金额";
        } else if (isMoneyCostIndicator(ind) && !money && !isTimeUnit(unit)) {
          problem = `是成本指标，应写金额，却以“${unit}”为单位`;
        }
        if (!problem) continue;
        drafts.push({ subject, cells: valueCell(ind), message: `指标${quoteIndicator(ind)}${problem}。` });
        break;
      }
    }
    return drafts;
  },
};

export default rule;

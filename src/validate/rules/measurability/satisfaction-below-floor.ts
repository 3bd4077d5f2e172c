import { isSatisfactionIndicator, quoteIndicator, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { isPercentUnit } from "../../units.ts";

export const rule: SubjectRule = {
  id: "measurability/satisfaction-below-floor",
  severity: "info",
  description:
    "A satisfaction target below the usual floor (satisfaction.floor, 80% by default) is unusually low — often a " +
    "typo (≥9% for ≥90%) or a dissatisfaction rate filed as satisfaction.",
  checkSubject(subject, { thresholds }) {
    const floor = thresholds["satisfaction.floor"];
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      if (!isSatisfactionIndicator(ind) || /不满意|投诉/.test(ind.name)) continue;
      const t = ind.target;
      if (t.kind !== "quantity" || t.op === "<=" || t.op === "<" || t.per) continue;
      if (!(isPercentUnit(t.unit) || t.unit === null)) continue;
      const low = t.value * t.scale;
      if (low <= 0 || low > 100 || low >= floor) continue;
      drafts.push({
        subject,
        cells: valueCell(ind),
        message: `满意度指标${quoteIndicator(ind)}的目标${low}%低于常见下限${floor}%，请核对。`,
        numbers: { expected: floor, actual: low, difference: low - floor, unit: "%" },
      });
    }
    return drafts;
  },
};

export default rule;

import { isSatisfactionIndicator, quoteIndicator, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";

export const rule: SubjectRule = {
  id: "measurability/satisfaction-not-percent",
  severity: "warning",
  description:
    "A satisfaction indicator (满意度指标) is measured by a survey and its target is a percentage (≥90%). A verbal " +
    "target (满意, 较高, 有所提高) cannot be checked. A value in another unit is reported by " +
    "value-format/unit-mismatch.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      if (!isSatisfactionIndicator(ind)) continue;
      const raw = ind.value.trim();
      if (!raw || ind.target.kind === "empty" || /\d/.test(raw.normalize("NFKC"))) continue;
      drafts.push({
        subject,
        cells: valueCell(ind),
        message: `满意度指标${quoteIndicator(ind)}没有给出百分比目标（如≥90%），无法考核。`,
      });
    }
    return drafts;
  },
};

export default rule;

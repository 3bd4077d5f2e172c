import { level2Of, quoteIndicator, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";

const VAGUE = /提高|提升|改善|增强|增加|显著|明显|有效|良好|较好|加强|进一步|逐步|稳步|持续|不断|大幅|积极|有所/;

export const rule: SubjectRule = {
  id: "measurability/vague-target",
  severity: "warning",
  description:
    "Output targets must be checkable. A quantity indicator (数量指标) needs a number; a quality indicator " +
    "(质量指标) should not be a bare direction such as 有所提高, 进一步提升, 较显著 — write the rate or standard to " +
    "reach (≥95%, 符合国家标准). Effect indicators (效益指标) often are verbal and are not reported here.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      const l2 = level2Of(ind);
      if (l2 !== "数量指标" && l2 !== "质量指标") continue;
      const raw = ind.value.normalize("NFKC").trim();
      if (!raw || /\d/.test(raw) || ind.target.kind === "empty") continue;
      const vague = VAGUE.test(raw);
      if (l2 === "质量指标" && !vague) continue;
      drafts.push({
        subject,
        cells: valueCell(ind),
        message:
          l2 === "数量指标"
            ? `数量指标${quoteIndicator(ind)}没有给出数量，无法考核。`
            : `质量指标${quoteIndicator(ind)}只是一个方向性表述，应给出可考核的比率或标准。`,
      });
    }
    return drafts;
  },
};

export default rule;

import { isSatisfactionIndicator, quoteIndicator, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { isBoundedRateName, isPercentUnit } from "../../units.ts";
import { gluedRange } from "./glued-range.ts";

const GROWTH = /增长|增幅|增加|提高|提升|同比|环比|增速|倍/;

export const rule: SubjectRule = {
  id: "value-format/percent-over-100",
  severity: "error",
  description:
    "A satisfaction, completion, coverage or similar rate cannot exceed 100%. Values like 292% (≥92% misread by " +
    "OCR) or a bare 120 under a satisfaction indicator are reported: error for rates bounded by 100%, warning " +
    "for other percentages. Growth rates (增长率, 提高) may exceed 100% and are left alone; glued ranges (85100) " +
    "are reported by value-format/glued-range.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      const t = ind.target;
      const parts = t.kind === "compound" ? t.parts : [t];
      if (gluedRange(ind.value) || GROWTH.test(ind.name)) continue;
      const bounded = isBoundedRateName(ind.name) || isSatisfactionIndicator(ind);
      for (const p of parts) {
        if (p.kind !== "quantity" || p.per) continue;
        const top = Math.max(p.value, p.max ?? p.value) * p.scale;
        if (top <= 100) continue;
        const percent = isPercentUnit(p.unit);
        if (!percent && !(p.unit === null && bounded)) continue;
        drafts.push({
          subject,
          cells: valueCell(ind),
          severity: bounded ? undefined : "warning",
          message: `指标${quoteIndicator(ind)}的值为${top}${percent ? "%" : ""}，${bounded ? "该比率不可能超过100%" : "超过100%"}，请核对（是否把“≥”识别成了“2”，或漏了小数点）。`,
          numbers: { actual: top, expected: 100, difference: top - 100, unit: "%" },
        });
        break;
      }
    }
    return drafts;
  },
};

export default rule;

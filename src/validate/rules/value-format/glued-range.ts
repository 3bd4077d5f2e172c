import type { Indicator } from "../../../model/types.ts";
import { isSatisfactionIndicator, level2Of, quoteIndicator, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { isRateName } from "../../units.ts";

/**
 * `85100` for 85-100, `8090` for 80-90: two multiples of 5, the first smaller, the second at most 100, written
 * without the dash. Both must be multiples of 5 so that a year (`2023`) or a count is not taken for a range.
 */
export function gluedRange(raw: string): { low: number; high: number } | null {
  const s = raw.normalize("NFKC").replace(/\s+/g, "");
  const m = s.match(/^(?:[≥>]=?|不低于|大于等于)?(\d{2})(\d{2,3})%?$/);
  if (!m) return null;
  const low = Number(m[1]);
  const high = Number(m[2]);
  if (m[2].length === 3 && high !== 100) return null;
  if (low < 10 || low >= high || high > 100 || low % 5 !== 0 || high % 5 !== 0) return null;
  return { low, high };
}

export function percentContext(ind: Indicator): boolean {
  return (
    isRateName(ind.name) ||
    (ind.description != null && isRateName(ind.description)) ||
    isSatisfactionIndicator(ind) ||
    /[%％]/.test(ind.value)
  );
}

export const rule: SubjectRule = {
  id: "value-format/glued-range",
  severity: "error",
  description:
    "A value such as 85100 or 90100 under a rate or satisfaction indicator is a range (85%-100%) printed without " +
    "its dash; read literally it is a number far above 100%. Error for rates and satisfaction, warning for other " +
    "non-count indicators; never raised on counts and amounts (数量指标, 成本指标) whose names are not rates.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      const g = gluedRange(ind.value);
      if (!g) continue;
      const l2 = level2Of(ind);
      const rate = percentContext(ind);
      if (!rate && (l2 === "数量指标" || l2 === "成本指标" || l2 === "时效指标")) continue;
      drafts.push({
        subject,
        cells: valueCell(ind),
        severity: rate ? undefined : "warning",
        message: `指标${quoteIndicator(ind)}的值“${ind.value.trim()}”像是漏了连接号的区间${g.low}%-${g.high}%，按原样读是${ind.value.trim()}${rate ? "，超过100%" : ""}。`,
        numbers: { actual: Number(ind.value.replace(/\D/g, "")), expected: g.high, unit: "%" },
      });
    }
    return drafts;
  },
};

export default rule;

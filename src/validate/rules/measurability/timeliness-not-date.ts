import type { Target } from "../../../model/types.ts";
import { level2Of, quoteIndicator, valueCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";
import { isPercentUnit, isRateName } from "../../units.ts";
import { gluedRange } from "../value-format/glued-range.ts";

/** Wording that names a time even when the parser could not type it (2023年底前, 按季, 15个工作日内). */
const TIMEISH =
  /\d{4}\s*年|\d{1,2}\s*月|[月年季]底|[月年季]末|年内|年度内|季度|上半年|下半年|按[日周月季年旬]|每[日周月季年旬]|\d+\s*(个)?(工作)?(日|天|月|周|小时|分钟|年)(内|以内|前)?/;

function isTime(t: Target): boolean {
  if (t.kind === "compound") return t.parts.some(isTime);
  return t.kind === "date" || t.kind === "duration" || t.kind === "schedule";
}

function isPercent(t: Target, name: string): boolean {
  if (t.kind === "compound") return t.parts.some((p) => isPercent(p, name));
  return t.kind === "quantity" && (isPercentUnit(t.unit) || (t.unit === null && t.value <= 100 && isRateName(name)));
}

export const rule: SubjectRule = {
  id: "measurability/timeliness-not-date",
  severity: "warning",
  description:
    "A timeliness indicator (时效指标) should state when: a date or deadline (2023年12月31日前, 2023年底), a period " +
    "(3个月内) or a schedule (按月支付). A wording without a time (人大批复后按规定时间发放到位, 及时) is a warning; " +
    "a completion rate (完成率 100%) is measurable but names no deadline, and is info.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      if (level2Of(ind) !== "时效指标") continue;
      const raw = ind.value.trim();
      if (!raw || ind.target.kind === "empty") continue;
      if (isTime(ind.target) || TIMEISH.test(raw.normalize("NFKC"))) continue;
      const percent = isPercent(ind.target, ind.name) || /^\d+(\.\d+)?\s*[%％]$/.test(raw) || gluedRange(raw) !== null;
      drafts.push({
        subject,
        cells: valueCell(ind),
        severity: percent ? "info" : undefined,
        message: percent
          ? `时效指标${quoteIndicator(ind)}只给出比率，没有写明完成时限。`
          : `时效指标${quoteIndicator(ind)}没有写明日期、期限或频次，无法考核是否按时完成。`,
      });
    }
    return drafts;
  },
};

export default rule;

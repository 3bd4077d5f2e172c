import { indicatorCells } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";

/** Rows that only say "not applicable" (`21-经济效益 | 无 | 无`): nothing to measure, nothing missing. */
const PLACEHOLDER = /^(无|—+|-+|－+|\/|／|空|不涉及|不适用|暂无)?$/;

export const rule: SubjectRule = {
  id: "value-format/empty-value",
  severity: "warning",
  description:
    "Every indicator needs a target value (指标值). An indicator with a name but an empty value cell promises " +
    "nothing. Rows whose name itself says 无 / 不涉及 (not applicable) are not reported.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      const empty = ind.target.kind === "empty" || ind.value.trim() === "";
      if (!empty || PLACEHOLDER.test(ind.name.trim())) continue;
      drafts.push({ subject, cells: indicatorCells(ind), message: `指标“${ind.name}”没有填写指标值。` });
    }
    return drafts;
  },
};

export default rule;

import { isCostIndicator } from "../../subjects.ts";
import type { SubjectRule } from "../../types.ts";
import { subjectCells } from "./missing-level1.ts";

export const rule: SubjectRule = {
  id: "taxonomy/no-cost-indicator",
  severity: "warning",
  description:
    "A table should say what its outputs cost: a 成本指标 under 产出指标 (old layout) or the level-1 group 成本指标 " +
    "with 经济成本指标 (2021 template, 财预〔2021〕101号). A table with indicators but no cost indicator cannot be " +
    "checked against its budget.",
  checkSubject(subject) {
    if (subject.indicators.length === 0 || subject.indicators.some(isCostIndicator)) return [];
    return [
      {
        subject,
        cells: subjectCells(subject),
        message: `${subject.kind === "project" ? "项目" : "部门整体绩效目标表"}没有成本指标，无法与预算数核对。`,
      },
    ];
  },
};

export default rule;

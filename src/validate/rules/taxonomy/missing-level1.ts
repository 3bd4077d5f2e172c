import { LEVEL1 } from "../../../interpret/vocabulary.ts";
import { level1Of, nameCell, sourceCell } from "../../subjects.ts";
import type { Subject, SubjectRule } from "../../types.ts";

const REQUIRED = ["产出指标", "效益指标", "满意度指标"] as const;

export function subjectCells(subject: Subject) {
  const sources = subject.kind === "project" ? subject.project.sources : subject.department.sources;
  const named = sourceCell(sources, "name");
  if (named.length) return named;
  return subject.indicators.length ? nameCell(subject.indicators[0]) : [];
}

export const rule: SubjectRule = {
  id: "taxonomy/missing-level1",
  severity: "warning",
  description:
    "Every performance table needs indicators under each level-1 group: 产出指标 (outputs), 效益指标 (effects) and " +
    "满意度指标 (satisfaction). A table without one of them, or without any indicator at all, is incomplete. (In the " +
    "2021 template 成本指标 is a level-1 group too; a table with no cost indicator is reported by " +
    "taxonomy/no-cost-indicator.)",
  checkSubject(subject) {
    const where = subject.kind === "project" ? "项目" : "部门整体绩效目标表";
    if (subject.indicators.length === 0) {
      return [{ subject, cells: subjectCells(subject), message: `${where}没有任何绩效指标。` }];
    }
    const present = new Set(subject.indicators.map(level1Of));
    const missing = REQUIRED.filter((g) => !present.has(g));
    if (missing.length === 0) return [];
    const have = LEVEL1.filter((g) => present.has(g));
    return [
      {
        subject,
        cells: subjectCells(subject),
        message: `${where}缺少一级指标：${missing.join("、")}（现有：${have.join("、") || "无可识别的一级指标"}）。`,
      },
    ];
  },
};

export default rule;

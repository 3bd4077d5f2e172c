import { canonicalLevel1, LEVEL2_PARENTS } from "../../../interpret/vocabulary.ts";
import { level2Of, nameCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";

export const rule: SubjectRule = {
  id: "taxonomy/level2-under-wrong-level1",
  severity: "warning",
  description:
    "Each level-2 indicator belongs under one level-1 group: 数量/质量/时效 under 产出指标; 经济/社会/生态效益 and " +
    "可持续影响 under 效益指标; 服务对象满意度 under 满意度指标; 经济/社会/生态环境成本 under 成本指标; 成本指标 " +
    "under 产出指标 (old layout) or as its own level-1 group (2021 layout). A level-2 printed under another group " +
    "is misfiled. Reported once per group of rows.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    for (const ind of subject.indicators) {
      const l1 = canonicalLevel1(ind.level1Label) ?? ind.level1;
      const l2 = level2Of(ind);
      if (!l1 || !l2) continue;
      const parents = LEVEL2_PARENTS[l2];
      if (!parents || parents.includes(l1 as (typeof parents)[number])) continue;
      if (l2 === "成本指标" && l1 === "成本指标") continue;
      const key = `${ind.level1Label ?? l1}|${ind.level2Label ?? l2}`;
      if (seen.has(key)) continue;
      seen.add(key);
      drafts.push({
        subject,
        cells: nameCell(ind),
        message: `二级指标“${ind.level2Label ?? l2}”应属于“${parents.join("或")}”，表中却列在一级指标“${ind.level1Label ?? l1}”下（如“${ind.name}”）。`,
      });
    }
    return drafts;
  },
};

export default rule;

import { canonicalLevel1, canonicalLevel2, stripLabel } from "../../../interpret/vocabulary.ts";
import { nameCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";

export const rule: SubjectRule = {
  id: "taxonomy/level-label-as-name",
  severity: "warning",
  description:
    "A level-3 indicator must name what is measured. An indicator whose name is itself a level-1 or level-2 " +
    "label (可持续影响指标, 满意度指标, 社会效益) says nothing measurable — usually a row shifted into the wrong " +
    "column, or a template left unfilled.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    for (const ind of subject.indicators) {
      const name = stripLabel(ind.name);
      if (!name) continue;
      const asLevel = canonicalLevel2(name) ?? canonicalLevel1(name);
      if (!asLevel) continue;
      // `服务对象满意度` is a common short name for the satisfaction indicator; a whole label (…指标) is not.
      if (!/指标$/.test(name) && !/效益$|^(数量|质量|时效|成本|产出|效果)$/.test(name)) continue;
      drafts.push({
        subject,
        cells: nameCell(ind),
        message: `三级指标名称“${ind.name}”是一个指标类别（${asLevel}），没有说明具体考核什么。`,
      });
    }
    return drafts;
  },
};

export default rule;

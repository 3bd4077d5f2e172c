import { cellOf, sourceCell } from "../../subjects.ts";
import { sumNumbers, sumTolerance, wan } from "../../arithmetic.ts";
import type { Draft, SubjectRule } from "../../types.ts";

export const rule: SubjectRule = {
  id: "budget-arithmetic/task-amounts",
  severity: "error",
  subjects: ["department"],
  description:
    "The money planned for a department's key tasks (年度重点工作任务, 拟投入的资金) must fit the spending it comes " +
    "from: no task, and not all tasks together, may exceed the department's project spending (项目支出), or its " +
    "total when project spending is not printed. Exceeding the project spending but not the total is a warning.",
  checkSubject(subject, { thresholds }) {
    if (subject.kind !== "department") return [];
    const d = subject.department;
    const tasks = d.tasks.filter((x) => x.amount !== null);
    if (tasks.length === 0) return [];
    const { total, project } = d.budget;
    const limit = project ?? total;
    if (limit === null) return [];
    const limitLabel = project !== null ? "项目支出" : "部门预算支出";
    const limitCells = sourceCell(d.sources, project !== null ? "budget.project" : "budget.total");
    const tol = sumTolerance(limit, thresholds);
    const drafts: Draft[] = [];
    for (const task of tasks) {
      if (task.amount! > limit + tol) {
        drafts.push({
          subject,
          cells: [...cellOf(task.at, task.name), ...limitCells],
          message: `任务“${task.name}”拟投入${wan(task.amount!)}，超过${limitLabel}${wan(limit)}。`,
          numbers: sumNumbers(limit, task.amount!),
        });
      }
    }
    const sum = tasks.reduce((s, x) => s + x.amount!, 0);
    if (drafts.length === 0 && sum > limit + tol) {
      const withinTotal = project !== null && total !== null && sum <= total + sumTolerance(total, thresholds);
      drafts.push({
        subject,
        cells: [...tasks.flatMap((x) => cellOf(x.at, x.name)), ...limitCells],
        severity: withinTotal ? "warning" : undefined,
        message: `${tasks.length}项工作任务拟投入资金合计${wan(sum)}，超过${limitLabel}${wan(limit)}，多${wan(sum - limit)}。`,
        numbers: sumNumbers(limit, sum),
      });
    }
    return drafts;
  },
};

export default rule;

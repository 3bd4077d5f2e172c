import { cellOf, indicatorCells, sourceCell } from "../../subjects.ts";
import type { Draft, SubjectRule } from "../../types.ts";

/** Placeholders a template asks to replace: `**`, `XX`, `×××`, `某某`, `○○`, `___`. */
const LEFTOVER = /\*{2,}|＊{2,}|[XＸ]{2,}|[xｘ]{2,}|×{2,}|某某|○{2,}|〇{2,}|□{2,}|_{3,}|＿{2,}/;

export function leftover(text: string | null | undefined): string | null {
  if (!text) return null;
  return text.match(LEFTOVER)?.[0] ?? null;
}

export const rule: SubjectRule = {
  id: "value-format/template-leftover",
  severity: "warning",
  description:
    "Placeholders left over from the template (**, XX, ×××, 某某, ○○, ___) in a project name, goal, indicator " +
    "name or value mean the table was published unfilled.",
  checkSubject(subject) {
    const drafts: Draft[] = [];
    const sources = subject.kind === "project" ? subject.project.sources : subject.department.sources;
    for (const [key, label] of [
      ["name", "名称"],
      ["goal", "绩效目标"],
    ] as const) {
      const text = key === "name" ? subject.name : subject.goal;
      const hit = leftover(text);
      if (hit) {
        drafts.push({
          subject,
          cells: sourceCell(sources, key),
          message: `${label}中有未替换的模板占位符“${hit}”：${text!.length > 60 ? text!.slice(0, 60) + "…" : text}`,
        });
      }
    }
    for (const ind of subject.indicators) {
      const inName = leftover(ind.name);
      const inValue = leftover(ind.value);
      if (!inName && !inValue) continue;
      drafts.push({
        subject,
        cells: inValue ? cellOf(ind.at.value, ind.value) : indicatorCells(ind),
        message: `指标“${ind.name}”${inValue ? `的值“${ind.value}”` : "的名称"}中有未替换的模板占位符“${inValue ?? inName}”。`,
      });
    }
    return drafts;
  },
};

export default rule;

/** The subjects rules look at (projects and department tables), their indicators, and cell evidence. */
import type { CellRef, Document, Indicator, Project, Sourced } from "../model/types.ts";
import { canonicalLevel1, canonicalLevel2, impliedLevel1 } from "../interpret/vocabulary.ts";
import type { CellEvidence, Subject } from "./types.ts";

export function subjectsOf(doc: Document): Subject[] {
  const out: Subject[] = doc.projects.map((project, index) => ({
    kind: "project" as const,
    index,
    name: project.name ?? project.title,
    project,
    indicators: project.indicators,
    goal: project.goal,
  }));
  doc.departments.forEach((department, index) =>
    out.push({
      kind: "department",
      index,
      name: department.name ?? department.title,
      department,
      indicators: department.indicators,
      goal: department.goal,
    }),
  );
  return out;
}

export function level2Of(ind: Indicator): string | null {
  return ind.level2 ?? canonicalLevel2(ind.level2Label);
}

export function level1Of(ind: Indicator): string | null {
  return ind.level1 ?? canonicalLevel1(ind.level1Label) ?? impliedLevel1(level2Of(ind));
}

const COST_LEVEL2 = new Set(["成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"]);

export function isCostIndicator(ind: Indicator): boolean {
  const l2 = level2Of(ind);
  return (l2 !== null && COST_LEVEL2.has(l2)) || level1Of(ind) === "成本指标";
}

/** Money cost lines: 成本指标 in the old layout, 经济成本指标 (or unlabelled 成本) in the 2021 layout. */
export function isMoneyCostIndicator(ind: Indicator): boolean {
  const l2 = level2Of(ind);
  if (l2 === "社会成本指标" || l2 === "生态环境成本指标") return false;
  return isCostIndicator(ind);
}

export function isQuantityIndicator(ind: Indicator): boolean {
  return level2Of(ind) === "数量指标";
}

export function isSatisfactionIndicator(ind: Indicator): boolean {
  return level1Of(ind) === "满意度指标" || level2Of(ind) === "服务对象满意度指标";
}

function evidence(at: CellRef | null | undefined, text: string | undefined): CellEvidence[] {
  if (!at) return [];
  const e: CellEvidence = { ...at };
  if (text !== undefined) e.text = text;
  return [e];
}

/** The indicator's value cell (with its printed value), or its name cell when the value has no position. */
export function valueCell(ind: Indicator): CellEvidence[] {
  if (ind.at.value) return evidence(ind.at.value, ind.value);
  return evidence(ind.at.name, ind.name);
}

export function nameCell(ind: Indicator): CellEvidence[] {
  return evidence(ind.at.name, ind.name);
}

/** Name and value cells, for findings that are about the whole indicator row. */
export function indicatorCells(ind: Indicator): CellEvidence[] {
  return [...nameCell(ind), ...valueCell(ind)].filter(
    (c, i, all) => all.findIndex((d) => d.table === c.table && d.row === c.row && d.col === c.col) === i,
  );
}

export function sourceCell(sources: Record<string, Sourced>, key: string): CellEvidence[] {
  const s = sources[key];
  return s ? evidence(s.at, s.raw) : [];
}

export function cellOf(at: CellRef | null | undefined, text?: string): CellEvidence[] {
  return evidence(at, text);
}

/** `“物业费预算资金”（≤50.4万元）` — how messages name an indicator. */
export function quoteIndicator(ind: Indicator): string {
  const v = ind.value.trim();
  return v ? `“${ind.name}”（${v}）` : `“${ind.name}”`;
}

export function budgetSource(project: Project): string {
  return project.sources["budget.total"]?.raw ?? String(project.budget.total);
}

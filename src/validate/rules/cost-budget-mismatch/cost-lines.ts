/** The cost lines of a project read as money: shared by the cost-budget-mismatch rules. */
import type { Indicator, Project } from "../../../model/types.ts";
import type { Thresholds } from "../../config.ts";
import { readCostValue, wanToYuan, type CostReading, type MoneyContext } from "../../money.ts";
import { isMoneyCostIndicator } from "../../subjects.ts";

export interface CostLine {
  ind: Indicator;
  reading: CostReading;
  /** The name says the line is the whole project's money (项目总预算, 项目金额, 资金总额, 所需经费 …). */
  statesTotal: boolean;
}

/**
 * Names of cost lines that state the project total: 项目总预算, 项目金额, 项目支出总预算, 所需经费, 资金总额.
 * A component's money (`特奥日项目经费`, `培训经费`) is not a total, so 项目 must open the name; a sole absolute
 * line is compared with the budget anyway.
 */
const TOTAL_NAME =
  /^(本|该)?项目(总)?(金额|预算|资金|经费|投资|投入|成本)|^(本|该)?项目(支出)?总(额|金额|预算|经费|投资|投入|成本)|^(项目)?(所需|使用)?(总)?(经费|资金|预算|金额)(总额|合计)?$|^总(预算|经费|投资|投入|成本|金额)|^(预算|资金|经费)总(额|金额)$/;

export function statesTotal(name: string): boolean {
  return TOTAL_NAME.test(name.normalize("NFKC").replace(/\s+/g, ""));
}

export interface ProjectCosts {
  budgetYuan: number;
  money: MoneyContext;
  lines: CostLine[];
  absolute: (CostLine & { reading: Extract<CostReading, { kind: "absolute" }> })[];
  unitCosts: (CostLine & { reading: Extract<CostReading, { kind: "unit-cost" }> })[];
  unknown: (CostLine & { reading: Extract<CostReading, { kind: "unknown" }> })[];
}

/** Null when the project has no budget to compare with. */
export function projectCosts(project: Project, thresholds: Thresholds): ProjectCosts | null {
  if (project.budget.total === null || !(project.budget.total > 0)) return null;
  const budgetYuan = wanToYuan(project.budget.total);
  const money: MoneyContext = { statedUnit: project.budget.statedUnit, budgetYuan, thresholds };
  const lines: CostLine[] = [];
  for (const ind of project.indicators) {
    if (!isMoneyCostIndicator(ind)) continue;
    for (const reading of readCostValue(ind, money)) {
      if (reading.kind !== "not-money") lines.push({ ind, reading, statesTotal: statesTotal(ind.name) });
    }
  }
  // Several lines named like a total cannot all be the total: then none is taken as one.
  const named = lines.filter((l) => l.statesTotal && l.reading.kind === "absolute");
  if (named.length > 1) for (const l of named) l.statesTotal = false;
  return {
    budgetYuan,
    money,
    lines,
    absolute: lines.filter((l) => l.reading.kind === "absolute") as ProjectCosts["absolute"],
    unitCosts: lines.filter((l) => l.reading.kind === "unit-cost") as ProjectCosts["unitCosts"],
    unknown: lines.filter((l) => l.reading.kind === "unknown") as ProjectCosts["unknown"],
  };
}

/**
 * Small builders for Documents in validator tests. Targets are written by hand (the value parser is not
 * used), as the parser is specified to produce them: `每户2500元` → quantity 2500 元 per 户.
 */
import type {
  CellRef,
  Department,
  Diagnostic,
  Document,
  Indicator,
  Op,
  Project,
  SpendingPlanEntry,
  Target,
  Task,
  TotalRow,
} from "../../src/model/types.ts";

type Quantity = Extract<Target, { kind: "quantity" }>;

/** A quantity target: q(">=", 8000, "人"), q("=", 2500, "元", { per: "户" }), q("=", 2, null, { scale: 10000 }). */
export function q(
  op: Op,
  value: number,
  unit: string | null,
  extra: Partial<Omit<Quantity, "kind" | "op" | "value" | "unit">> = {},
): Quantity {
  const t: Quantity = { kind: "quantity", op, value, scale: extra.scale ?? 1, unit, per: extra.per ?? null };
  if (extra.max !== undefined) t.max = extra.max;
  if (extra.perPeriod !== undefined) t.perPeriod = extra.perPeriod;
  if (unit === "元" || unit === "万元") t.yuan = value * (extra.scale ?? 1) * (unit === "万元" ? 10000 : 1);
  return t;
}

export const range = (low: number, high: number, unit: string | null = "%"): Quantity => q("range", low, unit, { max: high });
export const qual = (text: string, polarity: Extract<Target, { kind: "qualitative" }>["polarity"] = "other"): Target => ({
  kind: "qualitative",
  text,
  polarity,
});
export const date = (year: number, month: number | null, day: number | null, op: "<=" | "=" = "<="): Target => ({
  kind: "date",
  op,
  year,
  month,
  day,
  iso: `${year}-${String(month ?? 12).padStart(2, "0")}-${String(day ?? 31).padStart(2, "0")}`,
});
export const schedule = (every: string, text: string): Target => ({ kind: "schedule", every, text });
export const empty: Target = { kind: "empty" };
export const unparsed = (text: string): Target => ({ kind: "unparsed", text, reason: "test" });

/** One indicator row: [level1Label, level2Label, name, value, target]. Canonical levels are filled in. */
export type Row = [level1: string, level2: string, name: string, value: string, target: Target];

const L1: Record<string, string> = { 产出: "产出指标", 效益: "效益指标", 满意度: "满意度指标", 成本: "成本指标", 效果: "效益指标" };
const L2: Record<string, string> = {
  数量: "数量指标",
  质量: "质量指标",
  时效: "时效指标",
  成本: "成本指标",
  经济成本: "经济成本指标",
  社会成本: "社会成本指标",
  生态环境成本: "生态环境成本指标",
  经济效益: "经济效益指标",
  社会效益: "社会效益指标",
  生态效益: "生态效益指标",
  可持续影响: "可持续影响指标",
  服务对象满意度: "服务对象满意度指标",
};

function canon(label: string, table: Record<string, string>): string | null {
  const s = label.replace(/^[0-9]+-/, "").replace(/指标$/, "");
  return table[s] ?? null;
}

let tableCounter = 0;

export function indicators(rows: Row[], table: number, firstRow = 10): Indicator[] {
  return rows.map(([l1, l2, name, value, target], i) => ({
    level1: canon(l1, L1),
    level1Label: l1,
    level2: canon(l2, L2),
    level2Label: l2,
    name,
    value,
    target,
    at: { name: { table, row: firstRow + i, col: 2 }, value: { table, row: firstRow + i, col: 3 } },
  }));
}

export interface ProjectSpec {
  name: string;
  budget: number | null;
  fiscal?: number | null;
  other?: number | null;
  statedUnit?: "万元" | "元";
  goal?: string;
  rows?: Row[];
  plan?: (number | null)[];
  planLabels?: string[];
}

export function project(spec: ProjectSpec): Project {
  const table = tableCounter++;
  const at = (row: number, col = 1): CellRef => ({ table, row, col });
  const sources: Project["sources"] = { name: { raw: spec.name, at: at(0) } };
  if (spec.budget !== null) sources["budget.total"] = { raw: spec.budget.toFixed(2), at: at(2) };
  if (spec.fiscal != null) sources["budget.fiscal"] = { raw: spec.fiscal.toFixed(2), at: at(2, 3) };
  if (spec.other != null) sources["budget.other"] = { raw: spec.other.toFixed(2), at: at(2, 5) };
  if (spec.goal) sources.goal = { raw: spec.goal, at: at(4) };
  const labels = spec.planLabels ?? ["3月底", "6月底", "10月底", "12月底"];
  const plan: SpendingPlanEntry[] | null = spec.plan
    ? spec.plan.map((p, i) => ({ label: labels[i], percent: p, raw: p === null ? "" : p.toFixed(2), at: at(6, i + 1) }))
    : null;
  return {
    title: null,
    name: spec.name,
    code: null,
    department: null,
    unit: null,
    unitCode: null,
    category: null,
    period: null,
    office: null,
    budget: {
      total: spec.budget,
      fiscal: spec.fiscal === undefined ? spec.budget : spec.fiscal,
      other: spec.other ?? null,
      statedUnit: spec.statedUnit ?? "万元",
    },
    purpose: null,
    goal: spec.goal ?? null,
    spendingPlan: plan,
    indicators: indicators(spec.rows ?? [], table),
    sources,
    tables: [table],
  };
}

export interface DepartmentSpec {
  name: string;
  total?: number | null;
  basic?: number | null;
  project?: number | null;
  fiscal?: number | null;
  other?: number | null;
  goal?: string;
  tasks?: [name: string, amount: number | null][];
  rows?: Row[];
}

export function department(spec: DepartmentSpec): Department {
  const table = tableCounter++;
  const at = (row: number, col = 2): CellRef => ({ table, row, col });
  const sources: Department["sources"] = {};
  const keys = ["total", "basic", "project", "fiscal", "other"] as const;
  keys.forEach((k, i) => {
    const v = spec[k];
    if (v != null) sources[`budget.${k}`] = { raw: String(v), at: at(3 + i) };
  });
  if (spec.goal) sources.goal = { raw: spec.goal, at: at(9) };
  const tasks: Task[] = (spec.tasks ?? []).map(([name, amount], i) => ({
    name,
    content: null,
    amount,
    goal: null,
    group: "年度重点工作任务",
    at: at(11 + i, 1),
  }));
  return {
    title: null,
    name: spec.name,
    staff: null,
    budget: {
      total: spec.total ?? null,
      basic: spec.basic ?? null,
      project: spec.project ?? null,
      fiscal: spec.fiscal ?? null,
      other: spec.other ?? null,
      statedUnit: "万元",
      lines: [],
    },
    goal: spec.goal ?? null,
    tasks,
    indicators: indicators(spec.rows ?? [], table, 30),
    sources,
    tables: [table],
  };
}

export function doc(
  projects: Project[],
  extra: { departments?: Department[]; totals?: TotalRow[]; path?: string; diagnostics?: Diagnostic[] } = {},
): Document {
  const diagnostics = extra.diagnostics ?? [];
  return {
    source: { path: extra.path ?? "test.pdf", format: "pdf", sha256: "0".repeat(64) },
    projects,
    departments: extra.departments ?? [],
    totals: extra.totals ?? [],
    warnings: diagnostics.map((d) => d.message),
    diagnostics,
  };
}

/** A diagnostic as the interpreter emits it: diag("unread-table", "…", null, [{ table: 2, row: 0, col: 0 }]). */
export function diag(code: Diagnostic["code"], message: string, project: number | null = null, at: CellRef[] = []): Diagnostic {
  return { code, message, project, at };
}

/** The usual tail of a well-formed table: an effect and a satisfaction indicator. */
export const TAIL: Row[] = [
  ["2-效益指标", "22-社会效益", "提高残疾人生活质量", "较显著", qual("较显著", "significant")],
  ["3-满意度指标", "31-服务对象满意度", "受助残疾人满意度", "≥90%", q(">=", 90, "%")],
];

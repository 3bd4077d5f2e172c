/**
 * The CSV columns: one row per indicator with its project's columns repeated (or one row per project).
 * Column names and order are part of the interface: add new columns at the end only. Formatting (BOM, CRLF)
 * is in csv.ts; this module has no dependencies so the CLI can show the columns in --help cheaply.
 *
 * Department-overall tables (部门整体绩效目标表) are rows too: `kind` says `department`, `projectIndex` is the
 * department's index, `name` and `department` hold the department name.
 */
import type { CellRef, Department, Document, Indicator, Project, Target } from "../model/types.ts";

export type CsvLevel = "indicator" | "project";

interface Column<T> {
  name: string;
  description: string;
  get: (row: T) => string | number | null | undefined;
}

interface IndicatorRow {
  doc: Document;
  kind: "project" | "department";
  index: number;
  owner: OwnerFields;
  indicator: Indicator | null;
}

interface ProjectRow {
  doc: Document;
  kind: "project" | "department";
  index: number;
  owner: OwnerFields;
  goal: string | null;
  purpose: string | null;
  indicators: number;
  tables: number[];
}

/** The project columns shared by both levels, filled from a project or a department. */
interface OwnerFields {
  title: string | null;
  name: string | null;
  code: string | null;
  department: string | null;
  unit: string | null;
  unitCode: string | null;
  category: string | null;
  period: string | null;
  budgetTotal: number | null;
  budgetFiscal: number | null;
  budgetOther: number | null;
}

function projectOwner(p: Project): OwnerFields {
  return {
    title: p.title,
    name: p.name,
    code: p.code,
    department: p.department,
    unit: p.unit,
    unitCode: p.unitCode,
    category: p.category,
    period: p.period,
    budgetTotal: p.budget.total,
    budgetFiscal: p.budget.fiscal,
    budgetOther: p.budget.other,
  };
}

function departmentOwner(d: Department): OwnerFields {
  return {
    title: d.title,
    name: d.name,
    code: null,
    department: d.name,
    unit: null,
    unitCode: null,
    category: null,
    period: null,
    budgetTotal: d.budget.total,
    budgetFiscal: d.budget.fiscal,
    budgetOther: d.budget.other,
  };
}

const OWNER_COLUMNS: Column<{ doc: Document; kind: string; index: number; owner: OwnerFields }>[] = [
  { name: "document", description: "source.path of the document", get: (r) => r.doc.source.path },
  { name: "projectIndex", description: "0-based index of the project (or department) in the document", get: (r) => r.index },
  { name: "title", description: "title line above the table", get: (r) => r.owner.title },
  { name: "name", description: "项目名称 (department name for department tables)", get: (r) => r.owner.name },
  { name: "code", description: "项目编码", get: (r) => r.owner.code },
  { name: "department", description: "主管部门", get: (r) => r.owner.department },
  { name: "unit", description: "实施单位", get: (r) => r.owner.unit },
  { name: "unitCode", description: "单位编码", get: (r) => r.owner.unitCode },
  { name: "category", description: "项目属性", get: (r) => r.owner.category },
  { name: "period", description: "项目期限", get: (r) => r.owner.period },
  { name: "budgetTotal", description: "预算数 in 万元", get: (r) => r.owner.budgetTotal },
  { name: "budgetFiscal", description: "财政资金 in 万元", get: (r) => r.owner.budgetFiscal },
  { name: "budgetOther", description: "其他资金 in 万元", get: (r) => r.owner.budgetOther },
];

/** The first quantity-like part of a target, for the flat target columns. */
function flatTarget(t: Target): Exclude<Target, { kind: "compound" }> | null {
  if (t.kind !== "compound") return t;
  return t.parts.find((p) => p.kind === "quantity") ?? t.parts[0] ?? null;
}

/** value × scale without binary noise (0.2 × 10000 → 2000, 1.1 × 10000 → 11000). */
function scaled(value: number, scale: number): number {
  return Number((value * scale).toPrecision(12));
}

function targetValue(t: Target): string | number | null {
  const f = flatTarget(t);
  if (!f) return null;
  switch (f.kind) {
    case "quantity":
      return scaled(f.value, f.scale);
    case "date":
      return f.iso;
    case "duration":
      return f.value;
    case "schedule":
      return f.every;
    case "qualitative":
      return f.polarity;
    default:
      return null;
  }
}

function targetField(t: Target, key: "op" | "max" | "unit" | "per"): string | number | null {
  const f = flatTarget(t);
  if (!f) return null;
  if (key === "op") return "op" in f ? f.op : null;
  if (key === "unit") return f.kind === "quantity" || f.kind === "duration" ? f.unit : null;
  if (f.kind !== "quantity") return null;
  if (key === "max") return f.max === undefined ? null : scaled(f.max, f.scale);
  return f.per;
}

function whereOf(i: Indicator | null): CellRef | null {
  return i ? (i.at.value ?? i.at.name) : null;
}

export const INDICATOR_COLUMNS: Column<IndicatorRow>[] = [
  ...OWNER_COLUMNS,
  { name: "level1", description: "一级指标, canonical", get: (r) => r.indicator?.level1 },
  { name: "level2", description: "二级指标, canonical", get: (r) => r.indicator?.level2 },
  { name: "indicator", description: "三级指标 (indicator name)", get: (r) => r.indicator?.name },
  { name: "value", description: "指标值 as printed", get: (r) => r.indicator?.value },
  {
    name: "targetKind",
    description: "quantity | date | duration | schedule | qualitative | compound | empty | unparsed",
    get: (r) => r.indicator?.target.kind,
  },
  { name: "targetOp", description: "=, >=, <=, >, <, range", get: (r) => (r.indicator ? targetField(r.indicator.target, "op") : null) },
  {
    name: "targetValue",
    description: "number with 万/亿 applied (lower bound of a range); ISO date for dates; polarity for verbal targets",
    get: (r) => (r.indicator ? targetValue(r.indicator.target) : null),
  },
  {
    name: "targetMax",
    description: "upper bound of a range, scale applied",
    get: (r) => (r.indicator ? targetField(r.indicator.target, "max") : null),
  },
  {
    name: "targetUnit",
    description: "base unit (%, 元, 人 …)",
    get: (r) => (r.indicator ? targetField(r.indicator.target, "unit") : null),
  },
  {
    name: "targetPer",
    description: "per-unit denominator (台 in 0.2万元/台)",
    get: (r) => (r.indicator ? targetField(r.indicator.target, "per") : null),
  },
  { name: "description", description: "绩效指标描述", get: (r) => r.indicator?.description },
  { name: "basis", description: "指标值确定依据", get: (r) => r.indicator?.basis },
  { name: "page", description: "1-based page of the value cell (PDF)", get: (r) => whereOf(r.indicator)?.page },
  { name: "table", description: "0-based table index", get: (r) => whereOf(r.indicator)?.table },
  { name: "row", description: "0-based row", get: (r) => whereOf(r.indicator)?.row },
  { name: "col", description: "0-based column", get: (r) => whereOf(r.indicator)?.col },
  { name: "kind", description: "project | department", get: (r) => r.kind },
];

export const PROJECT_COLUMNS: Column<ProjectRow>[] = [
  ...OWNER_COLUMNS,
  { name: "goal", description: "年度绩效目标", get: (r) => r.goal },
  { name: "purpose", description: "资金用途", get: (r) => r.purpose },
  { name: "indicators", description: "number of indicators", get: (r) => r.indicators },
  { name: "tables", description: "0-based table indices, space-separated", get: (r) => r.tables.join(" ") },
  { name: "kind", description: "project | department", get: (r) => r.kind },
];

/** Column names of a CSV level, in order. */
export function csvColumns(level: CsvLevel): string[] {
  return (level === "project" ? PROJECT_COLUMNS : INDICATOR_COLUMNS).map((c) => c.name);
}

/** Column names with what each holds (for documentation and `--help`). */
export function csvColumnDescriptions(level: CsvLevel): { name: string; description: string }[] {
  return (level === "project" ? PROJECT_COLUMNS : INDICATOR_COLUMNS).map(({ name, description }) => ({ name, description }));
}

function cellText(v: string | number | null | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

/** Rows of one document at a level, as arrays of cell strings in column order. */
export function csvRows(doc: Document, level: CsvLevel): string[][] {
  const owners = [
    ...doc.projects.map((p, index) => ({ kind: "project" as const, index, owner: projectOwner(p), src: p })),
    ...doc.departments.map((d, index) => ({ kind: "department" as const, index, owner: departmentOwner(d), src: d })),
  ];
  if (level === "project") {
    return owners.map((o) => {
      const row: ProjectRow = {
        doc,
        kind: o.kind,
        index: o.index,
        owner: o.owner,
        goal: o.src.goal,
        purpose: "purpose" in o.src ? o.src.purpose : null,
        indicators: o.src.indicators.length,
        tables: o.src.tables,
      };
      return PROJECT_COLUMNS.map((c) => cellText(c.get(row)));
    });
  }
  const rows: string[][] = [];
  for (const o of owners) {
    // A project without indicators still gets a row, so no project disappears from the sheet.
    const indicators: (Indicator | null)[] = o.src.indicators.length ? o.src.indicators : [null];
    for (const indicator of indicators) {
      const row: IndicatorRow = { doc, kind: o.kind, index: o.index, owner: o.owner, indicator };
      rows.push(INDICATOR_COLUMNS.map((c) => cellText(c.get(row))));
    }
  }
  return rows;
}

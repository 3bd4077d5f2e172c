/**
 * The document model, defined once. Types are inferred from these schemas (src/model/types.ts) and
 * `jixiao schema` prints the JSON Schema generated from them.
 *
 * Conventions: every amount is a number in 万元 (converted when the table states 元); every value that
 * came from a cell keeps its raw text and where it came from in `sources` (field key → {raw, at}).
 */
import { z } from "zod";

export const CellRefSchema = z
  .object({
    page: z.number().int().positive().optional().describe("1-based page (PDF only)"),
    table: z.number().int().nonnegative().describe("0-based table index in the document"),
    row: z.number().int().nonnegative(),
    col: z.number().int().nonnegative(),
  })
  .describe("Where a value came from: table, row, column (0-based) and page");

export const SourcedSchema = z.object({
  raw: z.string().describe("The text as printed"),
  at: CellRefSchema,
});

/** Comparison operators of a numeric target. `range` uses value..max. */
export const OpSchema = z.enum(["=", ">=", "<=", ">", "<", "range"]);

const QuantityTarget = z
  .object({
    kind: z.literal("quantity"),
    op: OpSchema,
    value: z.number().describe("The number as printed (lower bound of a range), scale not applied"),
    max: z.number().optional().describe("Upper bound of a range"),
    scale: z.number().describe("Multiplier from 万/亿 (1, 10000, 100000000)"),
    unit: z.string().nullable().describe("Base unit without the scale: %, 元, 人, 户, 台, 次 …"),
    per: z.string().nullable().describe("Per-unit denominator: 台 in 0.2万元/台, 户 in 每户2500元"),
    perPeriod: z.string().nullable().optional().describe("A period qualifier: 月 in 100元/人(月), 年 in 每人每年"),
    yuan: z.number().optional().describe("For money: value × scale in 元 (upper bound of a range in yuanMax)"),
    yuanMax: z.number().optional(),
  })
  .describe("A number with an operator, unit and optional per-unit");

const DateTarget = z
  .object({
    kind: z.literal("date"),
    op: z.enum(["<=", "=", ">="]).describe("<= for deadlines (前, 底, 以前), = for a date or month"),
    year: z.number().int(),
    month: z.number().int().min(1).max(12).nullable(),
    day: z.number().int().min(1).max(31).nullable(),
    iso: z.string().describe("The latest day the target allows, YYYY-MM-DD"),
  })
  .describe("A date or deadline");

const DurationTarget = z
  .object({
    kind: z.literal("duration"),
    op: OpSchema,
    value: z.number(),
    unit: z.enum(["年", "月", "周", "天", "日", "小时", "分钟", "工作日"]),
  })
  .describe("A period such as 1年, 3个月, 15个工作日内, ≤30分钟 (a response time)");

const ScheduleTarget = z
  .object({ kind: z.literal("schedule"), every: z.string().describe("月, 季, 年, 半年 …"), text: z.string() })
  .describe("A recurring timing such as 按月支付, 按季");

const QualitativeTarget = z
  .object({
    kind: z.literal("qualitative"),
    text: z.string(),
    polarity: z
      .enum(["yes", "no", "improve", "significant", "stable", "none", "other"])
      .describe("是 → yes, 否/无 → no/none, 有所提高 → improve, 较显著 → significant, 持续/稳定 → stable"),
  })
  .describe("A verbal target");

const BaseTarget = z.discriminatedUnion("kind", [
  QuantityTarget,
  DateTarget,
  DurationTarget,
  ScheduleTarget,
  QualitativeTarget,
  z.object({ kind: z.literal("empty") }).describe("No value printed"),
  z.object({ kind: z.literal("unparsed"), text: z.string(), reason: z.string() }).describe("A value the parser could not type; kept raw"),
]);

export const TargetSchema = z.union([
  BaseTarget,
  z.object({ kind: z.literal("compound"), parts: z.array(BaseTarget) }).describe("Several targets in one cell: 40元/天，≤10000元/年"),
]);

export const IndicatorSchema = z.object({
  level1: z.string().nullable().describe("Canonical level-1 name (产出指标, 效益指标, 满意度指标, 成本指标)"),
  level1Label: z.string().nullable().describe("Level-1 label as printed, e.g. 1-产出指标"),
  level2: z.string().nullable().describe("Canonical level-2 name (数量指标 …)"),
  level2Label: z.string().nullable().describe("Level-2 label as printed, e.g. 11-数量指标"),
  name: z.string().describe("Level-3 indicator name, wrapped lines joined"),
  description: z.string().nullable().optional().describe("绩效指标描述 / 指标解释"),
  value: z.string().describe("指标值 as printed (split value columns are joined: 计算符号+指标值+计量单位)"),
  basis: z.string().nullable().optional().describe("指标值确定依据"),
  target: TargetSchema,
  at: z.object({ name: CellRefSchema.nullable(), value: CellRefSchema.nullable() }),
});

export const BudgetSchema = z.object({
  total: z.number().nullable().describe("预算数 in 万元"),
  fiscal: z.number().nullable().describe("其中：财政资金 in 万元"),
  other: z.number().nullable().describe("其他资金 in 万元"),
  statedUnit: z.enum(["万元", "元"]).describe("The unit the table stated for amounts (converted to 万元 here)"),
});

export const SpendingPlanEntrySchema = z.object({
  label: z.string().describe("3月底, 6月底 …"),
  percent: z.number().nullable(),
  raw: z.string(),
  at: CellRefSchema.nullable(),
});

export const ProjectSchema = z.object({
  title: z.string().nullable().describe("The title line above the table, if any"),
  name: z.string().nullable(),
  code: z.string().nullable(),
  department: z.string().nullable(),
  unit: z.string().nullable(),
  unitCode: z.string().nullable(),
  category: z.string().nullable(),
  period: z.string().nullable(),
  office: z.string().nullable(),
  budget: BudgetSchema,
  purpose: z.string().nullable(),
  goal: z.string().nullable(),
  spendingPlan: z.array(SpendingPlanEntrySchema).nullable(),
  indicators: z.array(IndicatorSchema),
  sources: z.record(z.string(), SourcedSchema).describe("Field key (name, budget.total …) → raw text and cell"),
  tables: z.array(z.number().int()).describe("Indices of the tables this project was read from"),
});

export const TaskSchema = z.object({
  name: z.string(),
  content: z.string().nullable(),
  amount: z.number().nullable().describe("万元"),
  goal: z.string().nullable(),
  group: z.string().nullable().describe("年度重点工作任务, 其他需完成的任务 …"),
  at: CellRefSchema,
});

export const DepartmentSchema = z.object({
  title: z.string().nullable(),
  name: z.string().nullable().describe("部门名称"),
  staff: z.number().nullable().describe("财政供养人员数 / 编制人数"),
  budget: z.object({
    total: z.number().nullable().describe("部门预算支出 total in 万元 (stated or basic + project)"),
    basic: z.number().nullable().describe("基本支出"),
    project: z.number().nullable().describe("项目支出"),
    fiscal: z.number().nullable().describe("财政拨款"),
    other: z.number().nullable().describe("其他资金"),
    statedUnit: z.enum(["万元", "元"]),
    lines: z
      .array(z.object({ label: z.string(), amount: z.number().nullable(), raw: z.string(), at: CellRefSchema }))
      .describe("Every labelled amount of the budget block, as printed"),
  }),
  goal: z.string().nullable(),
  tasks: z.array(TaskSchema),
  indicators: z.array(IndicatorSchema),
  sources: z.record(z.string(), SourcedSchema),
  tables: z.array(z.number().int()),
});

export const TotalRowSchema = z.object({
  label: z.string(),
  amount: z.number().nullable().describe("万元"),
  raw: z.string(),
  at: CellRefSchema,
  members: z.array(z.number().int()).describe("Indices of the projects the row totals"),
});

export const SourceSchema = z.object({
  path: z.string(),
  format: z.enum(["pdf", "docx", "html"]),
  sha256: z.string(),
  pages: z.number().int().optional(),
});

/**
 * What the interpreter could not read with confidence. Every diagnostic is also a line in `warnings` and a
 * validator finding (`extraction/<code>`), so a misread never passes silently.
 */
export const DiagnosticSchema = z.object({
  code: z
    .enum([
      "nameless-project",
      "missing-budget",
      "orphan-indicators",
      "unplaced-rows",
      "missing-projects",
      "unread-table",
      "backend-warning",
    ])
    .describe(
      "nameless-project: a project without a name; missing-budget: no budget though its table has an amount column; " +
        "orphan-indicators: indicator rows before any project; unplaced-rows: indicator-like rows that fit no matrix; " +
        "missing-projects: fewer projects than the document's titles or name labels suggest; unread-table: a table " +
        "with indicator labels that yielded no indicator; backend-warning: what a format backend noticed",
    ),
  message: z.string().describe("One line in plain words"),
  project: z.number().int().nullable().describe("Index of the project concerned, if any"),
  at: z.array(CellRefSchema).describe("The cells concerned (may be empty)"),
});

export const DocumentSchema = z.object({
  source: SourceSchema,
  projects: z.array(ProjectSchema),
  departments: z.array(DepartmentSchema),
  totals: z.array(TotalRowSchema).describe("合计 rows, kept for checking"),
  warnings: z.array(z.string()),
  diagnostics: z.array(DiagnosticSchema).default([]).describe("Structured form of the interpreter's warnings (see extraction/* rules)"),
  get findings() {
    return z.array(FindingSchema).optional().describe("Validator findings, present with extract --validate");
  },
});

export const CellEvidenceSchema = CellRefSchema.extend({ text: z.string().optional() });

export const FindingSchema = z.object({
  rule: z.string().describe("Stable id family/name, e.g. cost-budget-mismatch/unit-cost-times-quantity"),
  severity: z.enum(["error", "warning", "info"]),
  document: z.string(),
  project: z.string().nullable(),
  projectIndex: z.number().int().nullable(),
  kind: z.enum(["project", "department", "document"]),
  cells: z.array(CellEvidenceSchema),
  message: z.string(),
  numbers: z
    .object({
      expected: z.number().optional(),
      actual: z.number().optional(),
      difference: z.number().optional(),
      unit: z.string().optional(),
    })
    .optional(),
});

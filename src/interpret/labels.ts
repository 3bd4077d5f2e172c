/**
 * Field labels and their synonyms (DOMAIN.md "Fields"). Matching is on the label's comparable form
 * (labelForm), and exact: a value cell that merely contains a label word is not a label.
 */
import { labelForm } from "./text.ts";

export type FieldKey =
  | "name"
  | "code"
  | "department"
  | "unit"
  | "unitCode"
  | "category"
  | "period"
  | "office"
  | "budget.total"
  | "budget.fiscal"
  | "budget.other"
  | "purpose"
  | "goal"
  | "spendingPlan";

const FIELD_SYNONYMS: Record<FieldKey, string[]> = {
  name: ["项目名称", "项目支出名称", "项目全称", "项目名"],
  code: ["项目编码", "项目代码", "项目编号"],
  department: ["主管部门", "主管部门及编码", "业务主管部门", "部门名称", "主管单位", "主管部门名称"],
  unit: ["实施单位", "项目实施单位", "预算单位", "单位名称", "项目单位", "申报单位", "实施单位名称", "预算单位名称"],
  unitCode: ["单位编码", "单位代码", "预算编码", "预算单位编码", "单位编号"],
  category: ["项目属性", "项目性质", "项目类别", "项目类型"],
  period: ["项目期限", "实施期", "项目起止时间", "建设周期", "实施期限", "项目周期", "起止时间", "项目实施期", "实施周期", "项目实施周期", "起止年限", "项目起止年限"],
  office: ["项目主管处室", "支出股室", "主管处室", "业务处室", "主管科室", "业务股室"],
  "budget.total": [
    "预算数",
    "项目年度金额",
    "年度资金总额",
    "当年年度预算",
    "金额",
    "项目资金",
    "年度预算数",
    "资金总额",
    "预算金额",
    "项目总金额",
    "年度金额",
    "项目金额",
    "年度预算",
    "预算资金",
    "项目预算",
    "资金总额合计",
    "年度资金总额合计",
    "本年预算数",
    "预算总额",
    "项目资金总额",
    "资金总额(万元)",
  ],
  "budget.fiscal": ["财政资金", "财政拨款", "一般公共预算", "财政性资金", "本级财政资金", "财政拨款资金", "一般公共预算资金", "当年财政拨款"],
  "budget.other": ["其他资金", "自有资金", "事业收入", "上年结转", "上年结转资金", "结转资金", "其他来源资金", "单位自有资金", "其他收入"],
  purpose: ["资金用途", "预算规模及资金用途", "主要用途", "资金主要用途", "项目资金用途"],
  goal: [
    "年度总体绩效目标",
    "绩效目标",
    "年度目标",
    "本年度绩效目标",
    "总体目标",
    "年度绩效目标",
    "项目绩效目标",
    "总体绩效目标",
    "年度总体目标",
    "项目年度绩效目标",
    "部门整体绩效目标",
  ],
  spendingPlan: ["资金支出计划", "资金支出计划(%)", "资金支出进度计划", "支出计划"],
};

const FIELD_BY_FORM = new Map<string, FieldKey>();
for (const [key, syns] of Object.entries(FIELD_SYNONYMS) as [FieldKey, string[]][]) {
  for (const s of syns) FIELD_BY_FORM.set(labelForm(s), key);
}

/** The field a label cell names, or null. */
export function fieldOf(text: string): FieldKey | null {
  const form = labelForm(text);
  if (!form || form.length > 16) return null;
  return FIELD_BY_FORM.get(form) ?? null;
}

/** Amount fields: their values are numbers in the table's unit. */
export const AMOUNT_FIELDS: ReadonlySet<FieldKey> = new Set(["budget.total", "budget.fiscal", "budget.other"]);

/** Columns of an indicator matrix. */
export type IndicatorColumn = "level1" | "level2" | "name" | "description" | "value" | "basis" | "operator" | "measure" | "valueType" | "direction";

const INDICATOR_HEADERS: [RegExp, IndicatorColumn][] = [
  [/^一级(绩效)?指标(名称)?$/, "level1"],
  [/^二级(绩效)?指标(名称)?$/, "level2"],
  [/^三级(绩效)?指标(名称)?$|^(绩效)?指标名称$|^三级指标内容$/, "name"],
  [/^(绩效)?指标(描述|解释|说明|内容)$|^指标值说明$/, "description"],
  [
    /^(年度|全年|预期)?(绩效)?指标值(及(计量)?单位)?$|^全年目标值$|^绩效值$|^(年度)?目标值$|^指标目标值$|^绩效指标值$|^年度指标值$|^预期目标值$|^目标值及单位$|^指标值\(包含数字及文字描述\)$/,
    "value",
  ],
  // 评（扣）分标准 / 扣分标准 (Beijing): the rule a target is scored by, a basis like 评分标准.
  [/^指标值确定依据$|^绩效标准$|^指标值设定依据$|^确定依据$|^评[分价]标准$|^评\(扣\)分标准$|^评扣分标准$|^扣分标准$/, "basis"],
  [/^计算符号$|^符号$|^比较符$|^运算符号$/, "operator"],
  [/^计量单位$|^度量单位$|^单位$/, "measure"],
  [/^指标值类型$|^指标性质$|^指标类型$/, "valueType"],
  // 正向/反向: which way is better (the target is a floor or a ceiling), not a printed sign.
  [/^指标方向(性)?$|^方向$/, "direction"],
];

/** Which indicator-matrix column a header cell names, or null. */
export function indicatorColumnOf(text: string): IndicatorColumn | null {
  const form = text.normalize("NFKC").replace(/\s+/g, "").replace(/[:：]$/, "");
  if (!form || form.length > 24) return null;
  for (const [re, col] of INDICATOR_HEADERS) if (re.test(form)) return col;
  // A qualifier in brackets after a known header: 指标值（年度）, 年度指标值（2024年）, 目标值(定量).
  const bare = form.replace(/\([^()]*\)$/, "");
  if (bare !== form && bare) for (const [re, col] of INDICATOR_HEADERS) if (re.test(bare)) return col;
  return null;
}

/** A 合计/总计 row label. */
export function isTotalLabel(text: string): boolean {
  return /^(合计|总计|小计|总合计)$/.test(labelForm(text));
}

/** Department-overall tables: labels that only they carry. */
export function isDepartmentLabel(text: string): boolean {
  const f = labelForm(text);
  return /^(基本支出|项目支出|部门预算支出|年度重点工作任务|财政供养人员数|部门整体(支出)?绩效目标|年度主要任务|重点工作任务|编制人数|实有人数)$/.test(f);
}

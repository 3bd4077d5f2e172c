/**
 * Every word the interpreter knows, in one place: field labels and their synonyms, matrix column headers, level
 * labels of the indicator taxonomy, group and container labels, department and task labels, title and unit lines.
 * All of it is matched on one normal form (`labelForm`), so a label printed with codes, OCR spaces between its
 * characters, full-width punctuation or a unit in brackets is still the label. Knowledge as data: adding a synonym
 * is adding a word here, never a branch elsewhere.
 */

// ───────────────────────────── the normaliser ─────────────────────────────

/**
 * The one normal form of a printed label: NFKC (full-width → ASCII punctuation and digits), no whitespace at all
 * (OCR text puts spaces between characters: `产 出 指 标`), no `*` required-field marks, no trailing colon.
 */
export function squash(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[*]/g, "")
    .replace(/[:：]+$/, "");
}

/**
 * A leading code: `1-`, `11-`, `0101-`, `1.`, `1、`, `(一)`, `一、`, outline numbers `1.1`, `2.3.`. A numeral
 * directly followed by text is no code (`一级指标`, `三级指标`): a code ends with a separator, a bracket or
 * (outline numbers only) the end of the digits.
 */
const CODE = /^(?:\([0-9一二三四五六七八九十]+\)|[0-9一二三四五六七八九十]+[-—.、:]+|[0-9]+(?:\.[0-9]+)+\.?)/;

/** `labelForm` with the leading code, `其中：` and a trailing bracket qualifier (`预算数(万元)`) removed. */
export function labelForm(text: string): string {
  return squash(text)
    .replace(/^其中:?/, "")
    .replace(CODE, "")
    .replace(/\([^()]*\)$/, "")
    .replace(/:$/, "");
}

/** The unit stated inside a label, as in `金额(万元)` or `预算数（元）`. */
export function unitInLabel(text: string): "万元" | "元" | null {
  const m = squash(text).match(/\((?:单位:?)?(万元|元)\)/);
  return m ? (m[1] as "万元" | "元") : null;
}

// ───────────────────────────── project fields ─────────────────────────────

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
  period: [
    "项目期限",
    "实施期",
    "项目起止时间",
    "建设周期",
    "实施期限",
    "项目周期",
    "起止时间",
    "项目实施期",
    "实施周期",
    "项目实施周期",
    "起止年限",
    "项目起止年限",
  ],
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
  ],
  "budget.fiscal": [
    "财政资金",
    "财政拨款",
    "一般公共预算",
    "财政性资金",
    "本级财政资金",
    "财政拨款资金",
    "一般公共预算资金",
    "当年财政拨款",
  ],
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

/** Longest label a field can have after normalising: longer cells are values, not labels. */
const FIELD_LABEL_MAX_CHARS = 16;

/** The field a label cell names, or null. Matching is exact on the normal form: a value merely containing a label word is no label. */
export function fieldOf(text: string): FieldKey | null {
  const form = labelForm(text);
  if (!form || form.length > FIELD_LABEL_MAX_CHARS) return null;
  return FIELD_BY_FORM.get(form) ?? null;
}

/** Amount fields: their values are numbers in the table's unit. */
export const AMOUNT_FIELDS: ReadonlySet<FieldKey> = new Set(["budget.total", "budget.fiscal", "budget.other"]);

/** Headers that only wide tables use for their project columns (`单位及项目名称 | 金额 | 绩效目标 | 一级指标 …`). */
const WIDE_FIELDS: [RegExp, FieldKey][] = [
  [/^单位及项目名称$|^项目及单位名称$|^单位\/?项目名称$/, "name"],
  [/^金额$|^资金$|^预算金额$|^项目金额$/, "budget.total"],
];

/** A field named by a wide table's header cell: the ordinary labels, or a header only wide tables use. */
export function wideFieldOf(text: string): FieldKey | null {
  const f = fieldOf(text);
  if (f) return f;
  const form = labelForm(text);
  return WIDE_FIELDS.find(([re]) => re.test(form))?.[1] ?? null;
}

/** A container label over a funds block (`资金来源`, `资金情况（万元）`, `项目资金`) spanning several rows. */
export const FUNDS_CONTAINER = /资金|经费|预算/;

/** Container words that may stand before a colon in a label cell (`资金来源：财政拨款`): the label is what follows. */
const LABEL_CONTAINER = /^(资金来源|收入来源|其中|资金构成|按收入性质分|按支出性质分|按资金来源分|支出构成)[:：]/;

/** A label written after a container word and a colon: `资金来源：财政拨款` → `财政拨款`; other text unchanged. */
export function withoutContainer(text: string): string {
  return squash(text).replace(LABEL_CONTAINER, "");
}

/** Period labels of a spending plan (3月底, 6月底, 第一季度 …). */
export const PLAN_PERIOD = /^(\d{1,2}月(底|末)?|第?[一二三四1-4]季度(末)?|[上下]半年|全年)$/;

/** Check boxes of a field printed as options (`新增项目□　延续项目√`). */
export const UNCHECKED_BOX = /[□☐]/;
export const CHECKED_MARKS = "☑☒■√✓✔";

// ───────────────────────────── indicator matrices ─────────────────────────────

/** Columns of an indicator matrix. `serial`, `score` and `remark` are known columns that hold no model field. */
export type IndicatorColumn =
  | "level1"
  | "level2"
  | "name"
  | "description"
  | "value"
  | "basis"
  | "operator"
  | "measure"
  | "valueType"
  | "direction"
  | "serial"
  | "score"
  | "remark";

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
  [/^序号$|^编号$/, "serial"],
  [/^分值$|^权重$|^分值权重$|^权重\(分值\)$/, "score"],
  [/^备注$|^说明$/, "remark"],
];

/** Longest header a matrix column can have after normalising. */
const HEADER_LABEL_MAX_CHARS = 24;

function matchHeader(form: string): IndicatorColumn | null {
  for (const [re, col] of INDICATOR_HEADERS) if (re.test(form)) return col;
  return null;
}

/** Which indicator-matrix column a header cell names, or null. A bracket qualifier is allowed: 指标值（年度）. */
export function indicatorColumnOf(text: string): IndicatorColumn | null {
  const form = squash(text);
  if (!form || form.length > HEADER_LABEL_MAX_CHARS) return null;
  return matchHeader(form) ?? matchHeader(labelForm(text));
}

/**
 * Sub-column labels under a spanning header cell: the year split of 指标值 (`中长期 | 年度`: the annual one is the
 * value, the multi-year one no column of the model) and the parts of a split value (`数值 | 单位`).
 */
export function subColumnOf(text: string): IndicatorColumn | "other" | null {
  const f = squash(text);
  if (/^(年度|本年度?|当年|\d{4}年(度)?)(指标值|目标值)?$/.test(f)) return "value";
  if (/^(中长期|长期|总体|实施期)(指标值|目标值)?$/.test(f)) return "other";
  if (/^(数值|数量|目标数值|指标数值)$/.test(f)) return "value";
  return indicatorColumnOf(text);
}

/**
 * Group labels that span the matrix's columns in a header of several rows (`绩效指标` over 一级 | 二级 | 三级 |
 * 指标值, `指标值` over 数值 | 单位, `项目资金` over amounts): they name no column of their own.
 */
const GROUP_LABEL =
  /^(绩效指标|指标|绩效目标指标|年度绩效指标|项目绩效指标|绩效指标体系|指标值|项目资金|资金情况|预算资金|资金来源|年度预算|绩效目标及指标)$/;

export function isGroupLabel(text: string): boolean {
  return GROUP_LABEL.test(labelForm(text));
}

/** A label naming a matrix of multi-year targets: 长期绩效指标, 中长期绩效指标, 长期指标. */
const LONG_TERM_MATRIX = /^(中)?长期(绩效)?指标$|^(中)?长期绩效目标指标$/;

export function isLongTermLabel(text: string): boolean {
  return LONG_TERM_MATRIX.test(labelForm(text));
}

/** A comparison printed on its own in a column of signs: ≥ ≤ = > < (also ASCII >= <=, ≧ ≦, 大于等于 …). */
export const COMPARISON = /^(≥|≤|=|>|<|>=|<=|=<|=>|≧|≦|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不超过|不大于|不小于)$/;

/** 正向 (more is better: a floor) or 反向 (less is better: a ceiling) in a 指标方向/指标性质 cell. */
export function directionOf(text: string): "<=" | ">=" | null {
  const t = squash(text);
  if (/^正向(指标)?$/.test(t)) return ">=";
  if (/^反向(指标)?$/.test(t)) return "<=";
  return null;
}

// ───────────────────────────── the indicator taxonomy ─────────────────────────────

export const LEVEL1 = ["产出指标", "成本指标", "效益指标", "满意度指标"] as const;
export type Level1 = (typeof LEVEL1)[number];

/** Level-2 canonical names and the level-1 groups they may stand under (成本指标 appears in both layouts). */
export const LEVEL2_PARENTS: Record<string, Level1[]> = {
  数量指标: ["产出指标"],
  质量指标: ["产出指标"],
  时效指标: ["产出指标"],
  成本指标: ["产出指标"],
  经济成本指标: ["成本指标"],
  社会成本指标: ["成本指标"],
  生态环境成本指标: ["成本指标"],
  经济效益指标: ["效益指标"],
  社会效益指标: ["效益指标"],
  生态效益指标: ["效益指标"],
  可持续影响指标: ["效益指标"],
  服务对象满意度指标: ["满意度指标"],
};

/**
 * Codes before level labels, more liberal than before field labels: no level label starts with a numeral, so
 * digits glued to the label (`11数量指标`) are a code too.
 */
const LEVEL_CODE = /^\(?[0-9一二三四五六七八九十]+(?:\.[0-9]+)*\)?[-—.、:]*/;

/** A level label without its code, spaces and marks: `11-数量指标` → `数量指标`, `（一）产出指标` → `产出指标`. */
export function stripLabel(label: string): string {
  return squash(label)
    .replace(/^其中:?/, "")
    .replace(LEVEL_CODE, "");
}

const LEVEL1_SYNONYMS: [RegExp, Level1][] = [
  [/^(项目)?产出(指标)?$|^项目完成(指标)?$|^产出\(工作量\)(指标)?$/, "产出指标"],
  [/^(项目)?(效益|效果)(指标)?$/, "效益指标"],
  [/^满意度(指标)?$|^(社会公众或|服务对象)?满意度指标$/, "满意度指标"],
  [/^成本(指标)?$/, "成本指标"],
];

const LEVEL2_SYNONYMS: [RegExp, string][] = [
  [/^数量(指标)?$/, "数量指标"],
  [/^质量(指标)?$/, "质量指标"],
  [/^时效(指标)?$|^进度(指标)?$/, "时效指标"],
  [/^(产出)?成本(指标)?$/, "成本指标"],
  [/^经济成本(指标)?$/, "经济成本指标"],
  [/^社会成本(指标)?$/, "社会成本指标"],
  [/^(生态)?环境成本(指标)?$|^生态环境成本(指标)?$/, "生态环境成本指标"],
  [/^经济效益(指标)?$/, "经济效益指标"],
  [/^社会效益(指标)?$/, "社会效益指标"],
  [/^(生态|环境|生态环境)效益(指标)?$/, "生态效益指标"],
  [/^可持续(发展)?影响(指标)?$|^可持续(指标)?$/, "可持续影响指标"],
  [/^(服务对象|社会公众或服务对象|社会公众|受益对象|服务对象及社会公众)满意度(指标)?$|^满意度(指标)?$/, "服务对象满意度指标"],
];

/** Level labels in their canonical form, tried bare and with a trailing bracket (`产出指标（工作量）`). */
function levelForms(label: string): string[] {
  const s = stripLabel(label);
  const bare = s.replace(/\([^()]*\)$/, "");
  return bare === s ? [s] : [s, bare];
}

/** Canonical level-1 name for a printed label, or null when it is not a level-1 label. */
export function canonicalLevel1(label: string | null | undefined): Level1 | null {
  if (!label) return null;
  for (const s of levelForms(label)) for (const [re, name] of LEVEL1_SYNONYMS) if (re.test(s)) return name;
  return null;
}

/** Canonical level-2 name for a printed label, or null when it is not a known level-2 label. */
export function canonicalLevel2(label: string | null | undefined): string | null {
  if (!label) return null;
  for (const s of levelForms(label)) for (const [re, name] of LEVEL2_SYNONYMS) if (re.test(s)) return name;
  return null;
}

/** A level-1 or level-2 label of the taxonomy. */
export function isLevelLabel(text: string): boolean {
  return canonicalLevel1(text) !== null || canonicalLevel2(text) !== null;
}

/** The level-1 group a level-2 name implies when the level-1 cell is missing or wrong. */
export function impliedLevel1(level2: string | null, layout2021 = false): Level1 | null {
  if (!level2) return null;
  const parents = LEVEL2_PARENTS[level2];
  if (!parents) return null;
  if (level2 === "成本指标") return layout2021 ? "成本指标" : "产出指标";
  return parents[0];
}

// ───────────────────────────── totals, titles, units ─────────────────────────────

/** A 合计/总计 row label. */
export function isTotalLabel(text: string): boolean {
  return /^(合计|总计|小计|总合计)$/.test(labelForm(text));
}

/** The title line of a table (`1.综合服务园区…绩效目标表`, `…项目支出绩效目标申报表（2024年）`). */
export const TITLE = /(绩效目标表|目标表|绩效表|申报表|目标申报表)\s*([(（][^)）]*[)）])?\s*$/;
/** Longest line taken as a title. */
export const TITLE_MAX_CHARS = 80;
/** `单位：万元`, `(金额单位：元)` inside a line of text. */
export const UNIT_STATEMENT = /[(（]?\s*(金额)?单位\s*[:：]\s*(万元|元)\s*[)）]?/;
/** A cell holding only a unit statement. */
export const UNIT_CELL = /^[(（]?(金额)?单位\s*[:：]\s*(万元|元)[)）]?$/;
/** Longest cell read as a unit statement. */
export const UNIT_CELL_MAX_CHARS = 14;
/** A unit line above a table: `563201天津市残疾人康复服务指导中心`, `563201-某单位`. */
export const UNIT_CODE_LINE = /^(\d{6,12})\s*[-－—:：]?\s*([^\d\s.,，．].{1,60})$/;
/** A unit named in a line above a table: `单位名称：某局`, `填报单位：563201某中心`. */
export const UNIT_NAMED_LINE = /^(?:单位名称|预算单位|填报单位|编制单位)\s*[:：]\s*(?:(\d{6,12})\s*)?(.+)$/;

// ───────────────────────────── department overall tables ─────────────────────────────

/** Labels that only department-overall tables carry. */
const DEPARTMENT_LABEL =
  /^(基本支出|项目支出|部门预算支出|年度重点工作任务|财政供养人员数|部门整体(支出)?绩效目标|年度主要任务|重点工作任务|编制人数|实有人数)$/;

export function isDepartmentLabel(text: string): boolean {
  return DEPARTMENT_LABEL.test(labelForm(text));
}

/** The department's own name label (`部门名称`, `单位（部门）名称`). */
export const DEPARTMENT_NAME = /^(部门|单位)(\(单位\)|\(部门\))?名称$/;

export type DepartmentBudgetKey = "total" | "basic" | "project" | "fiscal" | "other";

export const DEPARTMENT_BUDGET: [RegExp, DepartmentBudgetKey][] = [
  [
    /^(部门预算支出|预算支出合计|部门预算总额|支出合计|年度预算总额|部门预算|预算总额|收入合计|部门支出预算|部门预算总支出|资金总额|年度资金总额|部门整体支出预算|预算资金总额|部门收入预算|收入预算合计)$/,
    "total",
  ],
  [/^基本支出$/, "basic"],
  [/^项目支出$/, "project"],
  [/^(财政拨款|财政拨款收入|财政拨款资金|财政资金|财政性资金)(合计)?$/, "fiscal"],
  // 其他资金 beside 财政专户, 事业收入 … is one income line among the non-fiscal ones: `other` sums them all
  // (finishDepartment); only a printed subtotal is taken as it stands.
  [/^(其他资金|其他收入|非财政拨款)合计$/, "other"],
];

/**
 * Income lines that are government money (财政拨款 in the broad sense): when no 财政拨款 total is printed, the
 * fiscal amount is their sum. The rest of the income lines (财政专户, 事业收入 …) make up the other money.
 */
export const FISCAL_PART =
  /^(一般公共预算(拨款|收入|资金)?(收入)?|政府性基金(预算)?(拨款|收入)?(收入)?|国有资本经营预算(拨款|收入)?(收入)?|上级补助(收入)?)$/;
export const OTHER_PART =
  /^(财政专户(管理资金|资金|拨款)?(收入)?|事业收入|经营收入|附属单位上缴收入|上年结转(结余)?|单位自有资金|自有资金|其他来源|其他资金|其他收入|其他资金收入)$/;

export const STAFF = /^(财政供养人员数|编制人数|在职人员数|实有人数|人员编制数|在职人数|财政供养人数)$/;
/** Labels of money lines in a department's budget block. */
export const MONEYISH = /支出|拨款|资金|收入|预算|经费|结转|结余|基金|专户/;

/** Header cells of a department's task block: 名称 | 主要实施内容 | 拟投入的资金 | 期望达到的目标 | [对应项目]. */
export const TASK_HEADER = {
  name: /^(任务)?名称$|^重点工作任务名称$|^任务$|^工作任务$/,
  content: /实施内容|工作内容|^主要内容$|^任务内容$/,
  amount: /拟投入|资金|金额|预算/,
  goal: /目标/,
  project: /^对应项目$|^对应项目名称$|^涉及项目$|^项目名称$/,
};
/** A task name's own numbering: `任务1：`, `任务一、`. */
export const TASK_NUMBER = /^任务\s*[0-9一二三四五六七八九十]+\s*[:：.、]\s*/;

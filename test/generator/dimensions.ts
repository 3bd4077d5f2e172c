/**
 * The layout dimensions, as data. A case is one option per applicable dimension, each drawn from the
 * dimension's own random stream (random.ts), so the choices are independent of each other except where an
 * option cannot exist without another (`when`: split value sub-headers need split value columns) or a
 * dimension has no meaning in a family (`applies`: wide tables have no key–value rows). Those constraints are
 * the only coupling; they are listed in README.md.
 */
import { Rng } from "./random.ts";

export type Choices = Record<string, string>;

export interface Option {
  id: string;
  /** Relative weight (default 1): the common layouts a bit more often than the rare ones. */
  weight?: number;
  /** The option exists only with these earlier choices. */
  when?: (c: Choices) => boolean;
}

export interface Dimension {
  name: string;
  doc: string;
  /** The dimension means something only with these earlier choices; otherwise it is left out of the case. */
  applies?: (c: Choices) => boolean;
  options: Option[];
}

const kv = (c: Choices) => c.family === "kv";
const wide = (c: Choices) => c.family === "wide";
const dept = (c: Choices) => c.family === "department";
const tableFields = (c: Choices) => kv(c) && c.fieldLayout !== "paragraphs";
/** A plain four-column matrix: the only one a reader can take without a header row. */
const plainMatrix = (c: Choices) =>
  !kv(c) ||
  (c.valueColumns === "single" &&
    c.serialCol === "no" &&
    c.descriptionCol === "no" &&
    c.basisCol === "none" &&
    c.scoreCol === "none" &&
    c.remarkCol === "no");
const splitValue = (c: Choices) => kv(c) && c.valueColumns !== "single";

export const DIMENSIONS: Dimension[] = [
  {
    name: "family",
    doc: "kv: key–value rows + indicator matrix per project; wide: Qinghai-style wide table; department: 部门整体绩效目标表",
    options: [
      { id: "kv", weight: 6 },
      { id: "wide", weight: 2 },
      { id: "department", weight: 2 },
    ],
  },
  {
    name: "projects",
    doc: "number of projects in the document",
    applies: (c) => !dept(c),
    options: [{ id: "1" }, { id: "2" }, { id: "3" }, { id: "4" }],
  },
  {
    name: "template",
    doc: "classic: 成本指标 under 产出指标; central2021: 成本指标 as level 1 (经济/社会/生态环境成本指标)",
    options: [{ id: "classic", weight: 3 }, { id: "central2021" }],
  },
  {
    name: "fieldLayout",
    doc: "pairsN: N label|value pairs per row; above: labels over their values; inline: `label：value` in one cell; paragraphs: fields as lines above a matrix-only table",
    applies: kv,
    options: [{ id: "pairs1" }, { id: "pairs2", weight: 2 }, { id: "pairs3" }, { id: "above" }, { id: "inline" }, { id: "paragraphs" }],
  },
  {
    name: "paragraphWrap",
    doc: "paragraph fields: none; atColon: the funds line wraps after its last colon (the value opens the next line, as LibreOffice breaks a full line); beforeColon: it wraps inside the last label, before its unit or colon (`其他资金` | `（元）：…`)",
    applies: (c) => kv(c) && c.fieldLayout === "paragraphs",
    options: [{ id: "none", weight: 2 }, { id: "atColon" }, { id: "beforeColon" }],
  },
  {
    name: "fieldSet",
    doc: "minimal: name, budget, goal; typical: + 主管部门, 期限; full: + 项目编码, 项目主管处室, 资金用途",
    applies: kv,
    options: [{ id: "minimal" }, { id: "typical", weight: 2 }, { id: "full" }],
  },
  {
    name: "funds",
    doc: "the budget block: row: 预算数|X|其中：财政资金|Y|其他资金|Z; rows: one pair a row; spanning: 项目资金 over 年度资金总额/其中：财政拨款/其他资金; spanningAbove: 项目资金 beside labels over figures; scaleAndUse: 预算规模及资金用途 over the amounts and the purpose; listCell: one cell listing 资金总额：/财政拨款：/自有资金：; labelsAbove: 预算数|财政资金|其他资金 over figures",
    applies: (c) => kv(c) && c.fieldLayout !== "paragraphs" && c.fieldLayout !== "inline",
    options: [
      { id: "row", weight: 2 },
      { id: "rows" },
      { id: "spanning", weight: 2 },
      { id: "spanningAbove" },
      { id: "scaleAndUse" },
      { id: "listCell" },
      { id: "labelsAbove" },
    ],
  },
  {
    name: "unitSource",
    doc: "field: 实施单位 cell; fieldWithCode: 实施单位 `331001某单位`; fieldAndCode: 实施单位 and 单位编码 cells; lineCode: `563201某单位` line above the table; lineNamed: `单位名称：某单位` line above; none",
    applies: kv,
    options: [
      { id: "field", weight: 2 },
      { id: "fieldWithCode" },
      { id: "fieldAndCode" },
      { id: "lineCode" },
      { id: "lineNamed" },
      { id: "none" },
    ],
  },
  {
    name: "category",
    doc: "项目属性: none; text; check boxes `新增项目□　延续项目√` (tick after) or `☑新增项目　□延续项目` (tick before)",
    applies: kv,
    options: [{ id: "none", weight: 2 }, { id: "text" }, { id: "checkboxAfter" }, { id: "checkboxBefore" }],
  },
  {
    name: "goalPlace",
    doc: "the goal row before the matrix or below its indicators in the same table",
    applies: tableFields,
    options: [{ id: "beforeMatrix", weight: 2 }, { id: "afterMatrix" }],
  },
  {
    name: "spendingPlan",
    doc: "资金支出计划（%） over 3月底|6月底|… and a row of percentages: none, before the matrix, after it",
    applies: tableFields,
    options: [{ id: "none", weight: 2 }, { id: "beforeMatrix" }, { id: "afterMatrix" }],
  },
  {
    name: "stacking",
    doc: "tablePerProject: each project its own table(s); oneTable: every project stacked in one table",
    applies: (c) => tableFields(c) && c.projects !== "1",
    options: [{ id: "tablePerProject", weight: 2 }, { id: "oneTable" }],
  },
  {
    name: "tableSplit",
    doc: "one: fields and matrix in one table; two: a fields table, then a matrix table",
    applies: (c) => (tableFields(c) && c.stacking !== "oneTable") || dept(c),
    options: [{ id: "one", weight: 2 }, { id: "two" }],
  },
  {
    name: "wideTables",
    doc: "single: every project in one wide table; perUnit: one table per unit; perProject: one table per project",
    applies: wide,
    options: [{ id: "single", weight: 2 }, { id: "perUnit" }, { id: "perProject" }],
  },
  {
    name: "wideUnitSource",
    doc: "rows: unit rows (code | unit name | unit total) above their projects; line: `146001某单位` above each table; none",
    applies: wide,
    options: [{ id: "rows", weight: 2 }, { id: "line" }, { id: "none" }],
  },
  {
    name: "wideTotal",
    doc: "a 合计 row: none, before all units, after all projects",
    applies: wide,
    options: [{ id: "none" }, { id: "before" }, { id: "after" }],
  },
  {
    name: "wideProjectCols",
    doc: "project cells (code, name, amount, goal): merged over the project's rows, repeated on every row, or written once with blanks below",
    applies: wide,
    options: [{ id: "merged", weight: 2 }, { id: "repeated" }, { id: "once" }],
  },
  {
    name: "deptBudget",
    doc: "sideBySide: 部门预算支出 | 预算金额 | 收入来源 | 预算金额; stacked: 按收入性质分 / 按支出性质分 group labels, label | value spanning right; stackedPlain: the same without group labels; labelsOverFigures: labels over a row of amounts",
    applies: dept,
    options: [{ id: "sideBySide" }, { id: "stacked" }, { id: "stackedPlain" }, { id: "labelsOverFigures" }],
  },
  {
    name: "deptIncome",
    doc: "simple: 财政拨款 + 其他资金; detailed: 一般公共预算, 政府性基金, 国有资本经营预算, 财政专户, 其他资金",
    applies: dept,
    options: [{ id: "simple" }, { id: "detailed" }],
  },
  {
    name: "deptTotal",
    doc: "a printed total line (支出合计/收入合计, 部门预算总额)",
    applies: dept,
    options: [{ id: "none" }, { id: "row" }],
  },
  {
    name: "deptStaff",
    doc: "staff count: none; single (财政供养人员数 | 34); pair (… beside 下属二级单位数 | 2)",
    applies: dept,
    options: [{ id: "none" }, { id: "single" }, { id: "pair" }],
  },
  { name: "deptFunctions", doc: "a 部门职能 text row (no model field)", applies: dept, options: [{ id: "no" }, { id: "yes" }] },
  {
    name: "deptTasks",
    doc: "年度重点工作任务: none; 名称|内容|资金|目标; 任务名称|对应项目|主要内容|预算金额; without amounts",
    applies: dept,
    options: [{ id: "none" }, { id: "withAmounts", weight: 2 }, { id: "withProjects" }, { id: "noAmounts" }],
  },
  {
    name: "deptGoalPlace",
    doc: "the goal row before or after the task block",
    applies: (c) => dept(c) && c.deptTasks !== "none",
    options: [{ id: "beforeTasks" }, { id: "afterTasks" }],
  },
  {
    name: "titles",
    doc: "perTable: a …绩效目标表 line above each table; numbered: `1.X项目绩效目标表`; docOnly: one heading above the first table; none; inTable: a title row (and unit row) inside the table",
    options: [
      { id: "perTable", weight: 3 },
      { id: "numbered", weight: 2 },
      { id: "docOnly" },
      { id: "none" },
      { id: "inTable", when: (c) => !dept(c) && c.fieldLayout !== "paragraphs" },
    ],
  },
  {
    name: "amountUnit",
    doc: "none (万元 implied); lineWan/lineYuan: `单位：万元/元` above; labelWan/labelYuan: in the amount labels or headers; cellWan/cellYuan: in each amount cell",
    options: [
      { id: "none" },
      { id: "lineWan", weight: 2 },
      { id: "lineYuan" },
      { id: "labelWan" },
      { id: "labelYuan" },
      { id: "cellWan" },
      { id: "cellYuan" },
    ],
  },
  {
    name: "valueColumns",
    doc: "single 指标值; opValueUnit: 计算符号|指标值|计量单位; typeOpValueUnit: 指标性质(定量/定性) before them; natureSign: 指标性质 holding the sign; direction: 指标方向(正向/反向) | 数值 | 度量单位",
    applies: kv,
    options: [{ id: "single", weight: 4 }, { id: "opValueUnit" }, { id: "typeOpValueUnit" }, { id: "natureSign" }, { id: "direction" }],
  },
  { name: "serialCol", doc: "a 序号 column first", applies: kv, options: [{ id: "no", weight: 3 }, { id: "yes" }] },
  {
    name: "descriptionCol",
    doc: "a 绩效指标描述/指标解释 column after the name",
    applies: kv,
    options: [{ id: "no", weight: 3 }, { id: "yes" }],
  },
  {
    name: "basisCol",
    doc: "a basis column: 指标值确定依据/绩效标准, or 评（扣）分标准",
    applies: kv,
    options: [{ id: "none", weight: 3 }, { id: "basis" }, { id: "scoreStandard" }],
  },
  {
    name: "scoreCol",
    doc: "a 分值 column before or after the value",
    applies: kv,
    options: [{ id: "none", weight: 3 }, { id: "beforeValue" }, { id: "afterValue" }],
  },
  { name: "remarkCol", doc: "a 备注 column last", applies: kv, options: [{ id: "no", weight: 3 }, { id: "yes" }] },
  {
    name: "headerStyle",
    doc: "one header row; groupTop: 绩效指标 spanning the indicator columns on a row above them; valueSub: 指标值 over its split columns on a second row; groupAndSub: both (three rows); containerLeft: 绩效指标 spanning the matrix rows on the left; none: the matrix starts with a level-1|level-2 row",
    options: [
      { id: "one", weight: 4 },
      { id: "groupTop" },
      { id: "valueSub", when: splitValue },
      { id: "groupAndSub", when: splitValue },
      { id: "containerLeft", when: (c) => !wide(c) },
      { id: "none", when: (c) => !wide(c) && plainMatrix(c) },
    ],
  },
  {
    name: "levelMerge",
    doc: "level cells merged over their rows, repeated on every row, or written once with blanks below",
    options: [{ id: "rowspan", weight: 2 }, { id: "repeat" }, { id: "blankBelow" }],
  },
  {
    name: "pageBreak",
    doc: "none; continued: the matrix goes on in the next table without a header; headerRepeated: with the header again; rowSplit: one row cut by the break (name/value fragments in the next table's first row, level cells blank); mergedCut: merged level cells cut by the break; headerCut: a header of two or three rows cut by the break (its last rows open the next table)",
    applies: (c) => !wide(c),
    options: [
      { id: "none", weight: 4 },
      { id: "continued" },
      { id: "headerRepeated", when: (c) => c.headerStyle !== "none" && c.headerStyle !== "containerLeft" },
      { id: "rowSplit" },
      { id: "mergedCut", when: (c) => c.levelMerge !== "repeat" },
      { id: "headerCut", when: (c) => c.headerStyle === "groupTop" || c.headerStyle === "valueSub" || c.headerStyle === "groupAndSub" },
    ],
  },
  {
    name: "breakAs",
    doc: "how a backend hands over the page break: tables (the part on each page a table of its own, as HTML and Word pages split by hand) or joined (one table over the break, each cell knowing its page, as the PDF backend joins tables across pages)",
    applies: (c) => c.pageBreak !== undefined && c.pageBreak !== "none",
    options: [{ id: "tables" }, { id: "joined" }],
  },
  {
    name: "gridColumns",
    doc: "declared: every table keeps the width its cells declare; compact: grid columns and rows no cell starts in are dropped, as the HTML and Word readers do (a table cut off a header holds fewer columns than its continuation)",
    options: [{ id: "declared" }, { id: "compact" }],
  },
  {
    name: "levelStyle",
    doc: "plain; codeDash `1-产出指标`/`11-数量指标`; codeDot `1.产出指标`/`1.1数量指标`; chinese `（一）产出指标`/`1.数量指标`; short level 2 without 指标 (`社会效益`); synonym (效果指标, 产出（工作量）指标, 环境效益 …)",
    options: [{ id: "plain", weight: 3 }, { id: "codeDash" }, { id: "codeDot" }, { id: "chinese" }, { id: "short" }, { id: "synonym" }],
  },
  {
    name: "labelVocab",
    doc: "canonical labels; any synonym docs/domain.md lists; any synonym the interpreter's label lists know",
    options: [{ id: "canonical", weight: 2 }, { id: "domain", weight: 2 }, { id: "extended" }],
  },
  {
    name: "labelSpacing",
    doc: "spaces between every character of labels (OCR text)",
    options: [{ id: "none", weight: 4 }, { id: "spaced" }],
  },
  { name: "widthForms", doc: "full-width （）：％ or half-width ():%", options: [{ id: "fullwidth" }, { id: "halfwidth" }] },
  {
    name: "valueForms",
    doc: "signs as ≥ ≤, as ASCII >= <=, or as words 不低于/不超过",
    options: [{ id: "unicode", weight: 3 }, { id: "ascii" }, { id: "words" }],
  },
  {
    name: "numberFormat",
    doc: "amounts printed 98.40, 1,273.72 (thousands), 2.000000 (six decimals) or 98 (whole numbers)",
    options: [{ id: "plain", weight: 2 }, { id: "thousands" }, { id: "sixDecimals" }, { id: "integer" }],
  },
  {
    name: "nameHazard",
    doc: "an indicator named like a field label (资金支出计划, 项目资金 …) last or in the middle of the matrix, like a level label (数量指标), or 合计 (a cost total line); labelValue: a value that reads like a label (项目资金, 合计)",
    options: [
      { id: "none", weight: 4 },
      { id: "fieldLabelLast" },
      { id: "fieldLabelMiddle" },
      { id: "levelLabel" },
      { id: "totalLabel" },
      { id: "labelValue" },
    ],
  },
  { name: "emptyValues", doc: "one or two indicators with an empty value cell", options: [{ id: "no", weight: 3 }, { id: "yes" }] },
  {
    name: "lineBreaks",
    doc: "line breaks inside indicator names (and values) as wrapped cells have them",
    options: [{ id: "none", weight: 2 }, { id: "names" }, { id: "namesAndValues" }],
  },
];

/** Draw every applicable dimension for a seed; each from its own stream. */
export function chooseAll(seed: number): Choices {
  const c: Choices = {};
  for (const d of DIMENSIONS) {
    if (d.applies && !d.applies(c)) continue;
    const options = d.options.filter((o) => !o.when || o.when(c));
    const rng = new Rng(seed, `dim:${d.name}`);
    c[d.name] = rng.weighted(options.map((o) => [o.id, o.weight ?? 1] as const));
  }
  return c;
}

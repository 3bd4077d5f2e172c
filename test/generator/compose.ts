/**
 * Seed → choices + the abstract document: what the document says (projects, fields, amounts, indicators, the
 * department's budget and tasks) and how it is arranged (which projects share a table, the lines above each
 * table, where a page break falls). Everything a reader must get back is decided here, in the generator's own
 * terms, so render.ts only lays it out and expected.ts only restates it in the model's terms.
 */
import { chooseAll, type Choices } from "./dimensions.ts";
import { cutAt, label, unitStatement, widthForm, type Cents, type Op, type Val } from "./print.ts";
import { Rng } from "./random.ts";
import {
  BASES,
  CATEGORIES,
  CHECKBOX_SETS,
  DEPT_LABELS,
  FIELD_LIKE_NAMES,
  FUNCTIONS,
  LABEL_LIKE_VALUES,
  LEVEL_LIKE_NAMES,
  OFFICES,
  PLACES,
  PLACE_SUFFIX,
  REMARKS,
  SCORE_STANDARDS,
  SECTORS,
  YEARS,
  labelPool,
  type Sector,
} from "./vocab.ts";

export type Level1 = "产出指标" | "成本指标" | "效益指标" | "满意度指标";

export interface AbsIndicator {
  level1: Level1;
  /** Canonical level-2 name. */
  level2: string;
  name: string;
  /** Where the printed name wraps (a character offset), or null. The name read back is the joined text. */
  nameBreak: number | null;
  value: Val;
  /** Whether the printed value wraps in its cell (cut near the middle, see print.ts cutAt). */
  valueBreak: boolean;
  description: string;
  basis: string;
  score: string;
  remark: string;
}

export interface Para {
  role: string;
  text: string;
  pageBreak?: boolean;
}

export interface AbsProject {
  name: string;
  code: string | null;
  department: string | null;
  /** The unit as the document names it (field, line above the table, or unit row), and its code; null when not printed. */
  unit: string | null;
  unitCode: string | null;
  category: { text: string; boxes: [string, string] | null } | null;
  period: string | null;
  office: string | null;
  budget: { total: Cents; fiscal: Cents; other: Cents | null; otherBlank: string };
  purpose: string[] | null;
  goal: string[];
  plan: { label: string; percent: number | null; raw: string }[] | null;
  indicators: AbsIndicator[];
  /** The title a reader assigns to this project (the line above its table, or its title row), or null. */
  title: string | null;
}

/** Projects sharing one table (or a fields table + a matrix table), and the lines above it. */
export interface KvGroup {
  projects: number[];
  before: Para[];
  /** Title rows inside the table, one per project (titles = inTable), and the unit statement row under each. */
  banners: (string | null)[];
  bannerUnit: string | null;
}

export interface BreakPlan {
  /** Index of the project (kv) whose matrix the break cuts; 0 for a department. */
  project: number;
  /** The indicator at which the next table starts (rowSplit: the indicator cut in two). */
  at: number;
  kind: "continued" | "headerRepeated" | "rowSplit" | "mergedCut" | "headerCut";
  /** rowSplit: where the name is cut; headerCut: how many header rows stay above the break. */
  nameCut: number;
  valueMode: "first" | "second" | "split";
}

export interface KvDoc {
  family: "kv";
  projects: AbsProject[];
  groups: KvGroup[];
  brk: BreakPlan | null;
}

export interface WideUnit {
  code: string;
  name: string;
}
export type WideItem = { kind: "total" } | { kind: "unit"; unit: number } | { kind: "project"; project: number };
export interface WideTable {
  items: WideItem[];
  before: Para[];
  banner: string | null;
  bannerUnit: string | null;
}
export interface WideDoc {
  family: "wide";
  projects: (AbsProject & { unitIndex: number })[];
  units: WideUnit[];
  tables: WideTable[];
}

export interface AbsTask {
  prefix: string;
  name: string;
  project: string;
  content: string;
  amount: Cents | null;
  goal: string | null;
}
export interface AbsDepartment {
  title: string | null;
  name: string;
  staff: number | null;
  subunits: number;
  functions: string | null;
  basic: Cents;
  project: Cents;
  total: Cents;
  /** Income lines in print order; amount null = printed blank. */
  incomes: { key: keyof typeof DEPT_LABELS; group: "fiscal" | "other"; amount: Cents | null }[];
  goal: string[];
  taskGroup: string;
  tasks: AbsTask[];
  indicators: AbsIndicator[];
}
export interface DeptDoc {
  family: "department";
  dept: AbsDepartment;
  before: Para[];
  brk: BreakPlan | null;
}

export type AbsDoc = KvDoc | WideDoc | DeptDoc;

// ------------------------------------------------------------------------------------------------ indicators

const LEVEL2_ORDER: Record<string, [Level1, number]> = {
  数量指标: ["产出指标", 1],
  质量指标: ["产出指标", 2],
  时效指标: ["产出指标", 3],
  成本指标: ["产出指标", 4],
  经济成本指标: ["成本指标", 1],
  社会成本指标: ["成本指标", 2],
  生态环境成本指标: ["成本指标", 3],
  经济效益指标: ["效益指标", 1],
  社会效益指标: ["效益指标", 2],
  生态效益指标: ["效益指标", 3],
  可持续影响指标: ["效益指标", 4],
  服务对象满意度指标: ["满意度指标", 1],
};
export function level2Order(level2: string): [Level1, number] {
  return LEVEL2_ORDER[level2];
}

export function level1Order(level1: Level1, template: string): number {
  return template === "central2021"
    ? { 产出指标: 1, 成本指标: 2, 效益指标: 3, 满意度指标: 4 }[level1]
    : { 产出指标: 1, 成本指标: 2, 效益指标: 2, 满意度指标: 3 }[level1];
}

const COST_KINDS = new Set(["成本指标", "经济成本指标"]);

interface Ctx {
  rng: Rng;
  sector: Sector;
  year: number;
  budget: Cents;
  c: Choices;
}

const pct = (rng: Rng): Val =>
  rng.weighted<Val>([
    [{ kind: "num", op: "≥", num: rng.pick([85, 90, 95, 98]), decimals: 0, unit: "%" }, 4],
    [{ kind: "num", op: "", num: 100, decimals: 0, unit: "%" }, 2],
    [{ kind: "num", op: "≥", num: 99.5, decimals: 1, unit: "%" }, 1],
    [{ kind: "range", lo: rng.pick([80, 85, 90]), hi: 100, unit: "%" }, 1],
  ]);
const count = (rng: Rng, unit: string): Val => {
  const mag = rng.weighted([
    [1, 2],
    [10, 3],
    [100, 3],
    [1000, 2],
  ] as const);
  const num = rng.int(1, 9) * mag + (mag >= 100 ? rng.int(0, 9) * (mag / 10) : 0);
  return { kind: "num", op: rng.pick<Op>(["≥", "≥", ""]), num, decimals: 0, unit };
};
const qualitative = (rng: Rng, words: string[]): Val => ({ kind: "text", text: rng.pick(words) });

type Made = { name: string; value: Val };

/** One indicator of a level-2 kind: a name and a value that fit it. */
function makeIndicator(x: Ctx, level2: string): Made {
  const { rng, sector, year } = x;
  const person = rng.pick(sector.people);
  const thing = rng.pick(sector.things);
  switch (level2) {
    case "数量指标":
      return rng.pick<() => Made>([
        () => ({ name: `完成${thing.noun}`, value: count(rng, thing.unit) }),
        () => ({ name: `${thing.noun}数量`, value: count(rng, thing.unit) }),
        () => ({ name: `服务${person}人数`, value: count(rng, "人") }),
        () => ({ name: `培训${person}人次`, value: count(rng, "人次") }),
        () => ({ name: `开展宣传活动`, value: count(rng, "场次") }),
        () => ({ name: `覆盖乡镇（街道）数量`, value: count(rng, "个") }),
        () => ({ name: `受益${person}户数`, value: count(rng, "户") }),
        () => ({ name: `印发宣传资料`, value: count(rng, "份") }),
      ])();
    case "质量指标":
      return rng.pick<() => Made>([
        () => ({ name: `${thing.noun}验收合格率`, value: pct(rng) }),
        () => ({ name: `资金使用合规率`, value: pct(rng) }),
        () => ({ name: `${person}信息准确率`, value: pct(rng) }),
        () => ({ name: `设施设备完好率`, value: pct(rng) }),
        () => ({ name: `服务质量达标率`, value: pct(rng) }),
        () => ({ name: `补助对象认定准确率`, value: pct(rng) }),
      ])();
    case "时效指标":
      return rng.pick<() => Made>([
        () => ({
          name: `项目完成时间`,
          value: qualitative(rng, [`${year}年12月31日前`, `${year}年底`, `${year}年11月底前`, `${year}年12月`]),
        }),
        () => ({ name: `资金拨付及时率`, value: pct(rng) }),
        () => ({ name: `补助资金发放时间`, value: qualitative(rng, ["按月发放", "按季度发放", `${year}年10月底前`]) }),
        () => ({ name: `${thing.noun}任务完成时限`, value: qualitative(rng, ["30个工作日内", "3个月内", `${year}年9月30日前`]) }),
        () => ({ name: `问题整改完成时间`, value: { kind: "num", op: "≤", num: rng.pick([15, 30, 60]), decimals: 0, unit: "天" } }),
      ])();
    case "成本指标":
    case "经济成本指标":
      return rng.pick<() => Made>([
        () => ({
          name: `${person}人均补助标准`,
          value: { kind: "num", op: "≤", num: rng.pick([300, 600, 1200, 2500]), decimals: 0, unit: "元/人" },
        }),
        () => ({
          name: `${thing.noun}单位成本`,
          value: { kind: "num", op: "≤", num: rng.pick([50, 380, 1600, 3000]), decimals: 0, unit: `元/${thing.unit}` },
        }),
        () => ({ name: `项目总成本`, value: { kind: "num", op: "≤", num: x.budget / 100, decimals: 2, unit: "万元" } }),
        () => ({ name: `每户补助标准`, value: qualitative(rng, ["每户2500元", "每户1200元"]) }),
        () => ({
          name: `${thing.noun}建设成本`,
          value: { kind: "num", op: "≤", num: rng.pick([0.2, 1.5, 3.2, 12]), decimals: 1, unit: `万元/${thing.unit}` },
        }),
      ])();
    case "社会成本指标":
      return rng.pick<() => Made>([
        () => ({ name: `对周边群众生产生活的影响`, value: qualitative(rng, ["无", "无明显影响", "影响较小"]) }),
        () => ({ name: `项目实施产生的社会负面影响`, value: qualitative(rng, ["无", "无明显影响"]) }),
      ])();
    case "生态环境成本指标":
      return rng.pick<() => Made>([
        () => ({ name: `对生态环境的影响`, value: qualitative(rng, ["无", "无明显影响"]) }),
        () => ({ name: `施工产生的环境污染`, value: qualitative(rng, ["无", "控制在标准范围内"]) }),
      ])();
    case "经济效益指标":
      return rng.pick<() => Made>([
        () => ({ name: `带动${person}增收`, value: { kind: "num", op: "≥", num: rng.pick([300, 500, 1000]), decimals: 0, unit: "元/人" } }),
        () => ({ name: `降低${person}经济负担`, value: qualitative(rng, ["有所降低", "明显降低"]) }),
        () => ({ name: `节约运行成本`, value: { kind: "num", op: "≥", num: rng.pick([5, 10, 20]), decimals: 0, unit: "万元" } }),
      ])();
    case "社会效益指标":
      return rng.pick<() => Made>([
        () => ({ name: rng.pick(sector.aims), value: qualitative(rng, ["有效提升", "明显改善", "较显著", "是", "有所提高"]) }),
        () => ({ name: `${person}受益人数`, value: count(rng, "人") }),
        () => ({ name: `社会认可度`, value: qualitative(rng, ["有所提高", "明显提高"]) }),
        () => ({ name: `${person}生活水平`, value: qualitative(rng, ["有所提高", "稳步提升"]) }),
      ])();
    case "生态效益指标":
      return rng.pick<() => Made>([
        () => ({ name: `森林覆盖率`, value: qualitative(rng, ["稳中有升", "有所提高"]) }),
        () => ({ name: `生态环境质量`, value: qualitative(rng, ["明显改善", "持续改善"]) }),
        () => ({ name: `水质达标率`, value: pct(rng) }),
      ])();
    case "可持续影响指标":
      return rng.pick<() => Made>([
        () => ({ name: `长效管理机制`, value: qualitative(rng, ["持续完善", "逐步健全", "基本建立"]) }),
        () => ({ name: `项目持续发挥作用年限`, value: { kind: "num", op: "≥", num: rng.pick([3, 5, 10]), decimals: 0, unit: "年" } }),
        () => ({ name: `${thing.noun}持续使用`, value: qualitative(rng, ["持续发挥作用", "长期"]) }),
      ])();
    default:
      return rng.pick<() => Made>([
        () => ({ name: `${person}满意度`, value: pct(rng) }),
        () => ({ name: `受益群众满意度`, value: pct(rng) }),
        () => ({ name: `服务对象满意度`, value: pct(rng) }),
      ])();
  }
}

/** The level-2 kinds of a project's matrix, in canonical order, with n rows in all. */
function planLevels(rng: Rng, n: number, template: string, needCost: boolean, needLongOutput: boolean): string[] {
  const required = ["数量指标", "社会效益指标", "服务对象满意度指标"];
  if (template === "central2021") required.push("经济成本指标");
  else if (needCost) required.push("成本指标");
  if (needLongOutput) required.push("数量指标");
  const pool: [string, number][] =
    template === "central2021"
      ? [
          ["数量指标", 3],
          ["质量指标", 2],
          ["时效指标", 2],
          ["经济成本指标", 1],
          ["社会成本指标", 1],
          ["生态环境成本指标", 1],
          ["经济效益指标", 1],
          ["社会效益指标", 2],
          ["生态效益指标", 1],
          ["可持续影响指标", 1],
          ["服务对象满意度指标", 1],
        ]
      : [
          ["数量指标", 3],
          ["质量指标", 2],
          ["时效指标", 2],
          ["成本指标", 2],
          ["经济效益指标", 1],
          ["社会效益指标", 2],
          ["生态效益指标", 1],
          ["可持续影响指标", 1],
          ["服务对象满意度指标", 1],
        ];
  const kinds = [...required];
  while (kinds.length < n) kinds.push(rng.weighted(pool));
  const key = (l2: string) => {
    const [l1, i] = LEVEL2_ORDER[l2];
    return level1Order(l1, template) * 10 + i;
  };
  return kinds.sort((a, b) => key(a) - key(b));
}

function makeIndicators(x: Ctx, n: number, needs: { cost: boolean; longOutput: boolean }): AbsIndicator[] {
  const { rng, c } = x;
  const kinds = planLevels(rng, n, c.template, needs.cost || c.nameHazard === "totalLabel", needs.longOutput);
  const names = new Set<string>();
  const out: AbsIndicator[] = [];
  for (const level2 of kinds) {
    let made = makeIndicator(x, level2);
    for (let tries = 0; names.has(made.name) && tries < 30; tries++) made = makeIndicator(x, level2);
    if (names.has(made.name)) made = { ...made, name: `${made.name}（${rng.pick(x.sector.people)}）` };
    names.add(made.name);
    out.push(indicatorOf(x, level2, made.name, made.value));
  }
  applyHazards(x, out);
  return out;
}

function indicatorOf(x: Ctx, level2: string, name: string, value: Val): AbsIndicator {
  const { rng } = x;
  const describe = rng.pick([`反映${name}情况`, `考核${name}`, `${name}的完成情况`, ""]);
  return {
    level1: LEVEL2_ORDER[level2][0],
    level2,
    name,
    nameBreak: null,
    value,
    valueBreak: false,
    description: describe,
    basis: x.c.basisCol === "scoreStandard" ? rng.pick(SCORE_STANDARDS) : rng.pick([...BASES, ""]),
    score: String(rng.pick([5, 10, 15, 20])),
    remark: rng.pick(REMARKS),
  };
}

/** Names like labels, empty values, wrapped names: the content hazards, as the choices ask. */
function applyHazards(x: Ctx, inds: AbsIndicator[]): void {
  const { rng, c } = x;
  const hazard = (i: number) => {
    const f = rng.pick(FIELD_LIKE_NAMES);
    if (inds.some((d) => d.name === f.name)) return;
    inds[i] = { ...inds[i], name: f.name, value: { kind: "text", text: f.value } };
  };
  if (c.nameHazard === "fieldLabelLast") hazard(inds.length - 1);
  else if (c.nameHazard === "fieldLabelMiddle") hazard(rng.int(1, inds.length - 2));
  else if (c.nameHazard === "levelLabel") {
    const i = rng.int(0, inds.length - 1);
    const name = rng.pick(LEVEL_LIKE_NAMES);
    if (!inds.some((d) => d.name === name)) inds[i] = { ...inds[i], name };
  } else if (c.nameHazard === "labelValue") {
    const f = rng.pick(LABEL_LIKE_VALUES);
    const i = rng.int(0, inds.length - 1);
    if (!inds.some((d) => d.name === f.name)) inds[i] = { ...inds[i], name: f.name, value: { kind: "text", text: f.value } };
  } else if (c.nameHazard === "totalLabel") {
    // A cost block closing with its 合计 line (the total of the cost lines above it).
    let last = -1;
    inds.forEach((d, i) => {
      if (COST_KINDS.has(d.level2)) last = i;
    });
    if (last >= 0) {
      const total = indicatorOf(x, inds[last].level2, "合计", { kind: "num", op: "≤", num: x.budget / 100, decimals: 2, unit: "万元" });
      inds.splice(last + 1, 0, total);
    }
  }
  if (c.emptyValues === "yes") {
    for (const i of rng.sample([...inds.keys()], rng.int(1, 2))) inds[i] = { ...inds[i], value: { kind: "empty" } };
  }
  if (c.lineBreaks !== "none") {
    for (const d of inds) {
      if ([...d.name].length >= 6 && rng.chance(0.5)) d.nameBreak = cutAt(d.name, rng.pick([0.4, 0.5, 0.6]));
      if (c.lineBreaks === "namesAndValues" && rng.chance(0.5)) d.valueBreak = true;
    }
  }
}

// ------------------------------------------------------------------------------------------------ projects

const place = (rng: Rng) => rng.pick(PLACES) + rng.pick(PLACE_SUFFIX);

/** A budget in hundredths of 万元: whole 万元 when amounts print as whole numbers. */
function budgetCents(rng: Rng, c: Choices): Cents {
  const wan = rng.weighted([
    [rng.int(2, 99), 3],
    [rng.int(100, 999), 4],
    [rng.int(1000, 6000), 2],
  ] as const);
  return c.numberFormat === "integer" ? wan * 100 : wan * 100 + rng.int(0, 99);
}

function splitBudget(rng: Rng, total: Cents, c: Choices): AbsProject["budget"] {
  const kind = rng.weighted([
    ["none", 3],
    ["zero", 1],
    ["some", 2],
  ] as const);
  let other: Cents | null = null;
  if (kind === "zero") other = 0;
  else if (kind === "some") {
    other = Math.max(1, Math.round((total * rng.int(5, 30)) / 100));
    if (c.numberFormat === "integer") other = Math.max(100, Math.round(other / 100) * 100);
    if (other >= total) other = null;
  }
  return { total, fiscal: total - (other ?? 0), other, otherBlank: rng.pick(["", "", "无", "—"]) };
}

function goalText(rng: Rng, sector: Sector, project: string, year: number): string[] {
  const thing = rng.pick(sector.things);
  const parts = [
    `${year}年完成${project}年度任务，${rng.pick(sector.aims)}。`,
    `${rng.pick(["做好", "落实", "推进"])}${thing.noun}相关工作，${rng.pick(sector.aims)}，${rng.pick(sector.people)}满意度达到90%以上。`,
    `加强资金管理，确保专款专用，${rng.pick(["提高资金使用效益", "按时完成支出进度", "发挥财政资金效益"])}。`,
  ];
  const k = rng.int(1, 3);
  const chosen = parts.slice(0, k);
  if (k > 1 && rng.chance(0.5)) return chosen.map((p, i) => `${i + 1}.${p}`);
  return chosen;
}

function planOf(rng: Rng, c: Choices): AbsProject["plan"] {
  const labels = rng.pick([
    ["3月底", "6月底", "9月底", "12月底"],
    ["3月底", "6月底", "10月底", "12月底"],
    ["第一季度", "第二季度", "第三季度", "第四季度"],
  ]);
  const steps = rng.pick([
    [25, 50, 75, 100],
    [30, 60, 90, 100],
    [null, 40, null, 100],
    [null, null, 100, null],
  ]);
  const style = rng.pick(["bare", "decimals", "percent"] as const);
  return labels.map((l, i) => {
    const p = steps[i];
    const raw =
      p === null
        ? ""
        : style === "bare"
          ? String(p)
          : style === "decimals"
            ? p.toFixed(2)
            : `${p}${c.widthForms === "fullwidth" ? "％" : "%"}`;
    return { label: l, percent: p, raw };
  });
}

function projectCode(rng: Rng, year: number): string {
  const digits = (k: number) => Array.from({ length: k }, () => rng.int(0, 9)).join("");
  return rng.pick([`${digits(6)}${year % 100}Y${digits(12)}`, `${digits(3)}-${digits(4)}-${digits(2)}`, `${year}${digits(8)}`]);
}

const unitCodeOf = (rng: Rng) => String(rng.int(100, 999)) + String(rng.int(1, 99)).padStart(3, "0");

interface ProjectSeed {
  sector: Sector;
  deptName: string;
  unit: { name: string; code: string };
}

function composeProject(
  rng: Rng,
  c: Choices,
  year: number,
  s: ProjectSeed,
  used: Set<string>,
  needs: { cost: boolean; longOutput: boolean },
): AbsProject {
  let name = rng.pick(s.sector.projects);
  for (let i = 0; used.has(name) && i < 20; i++) name = rng.pick(s.sector.projects);
  if (used.has(name)) name = `${name}（${year}年）`;
  used.add(name);
  const total = budgetCents(rng, c);
  const n = rng.int(3, 12);
  const x: Ctx = { rng, sector: s.sector, year, budget: total, c };
  const full = c.fieldSet === "full";
  const typical = full || c.fieldSet === "typical";
  const printsPurpose = full || c.funds === "scaleAndUse";
  const catText = rng.pick(CATEGORIES);
  const boxes = rng.pick(CHECKBOX_SETS);
  const ticked = rng.int(0, 1);
  return {
    name,
    code: full ? projectCode(rng, year) : null,
    department: typical ? s.deptName : null,
    unit: null,
    unitCode: null,
    category:
      c.category === "text"
        ? { text: catText, boxes: null }
        : c.category === "checkboxAfter" || c.category === "checkboxBefore"
          ? { text: boxes[ticked], boxes }
          : null,
    period: typical
      ? rng.pick([
          `${year}年1月-${year}年12月`,
          "1年",
          `${year}年`,
          `${year}年1月1日-${year}年12月31日`,
          `${year - 1}年3月至${year + 1}年12月`,
        ])
      : null,
    office: full ? rng.pick(OFFICES) : null,
    budget: splitBudget(rng, total, c),
    purpose: printsPurpose ? [`用于${name}相关支出，${rng.pick(s.sector.aims)}。`] : null,
    goal: goalText(rng, s.sector, name, year),
    plan: c.spendingPlan && c.spendingPlan !== "none" ? planOf(rng, c) : null,
    indicators: makeIndicators(x, n, needs),
    title: null,
  };
}

/** Where the page break of this case falls, or null; chosen on the project's own rows. */
function breakPlan(rng: Rng, c: Choices, inds: AbsIndicator[], project: number): BreakPlan | null {
  const kind = c.pageBreak as BreakPlan["kind"] | "none" | undefined;
  if (!kind || kind === "none") return null;
  if (kind === "headerCut")
    return { project, at: 0, kind, nameCut: c.headerStyle === "groupAndSub" ? rng.pick([1, 2]) : 1, valueMode: "first" };
  const candidates: number[] = [];
  for (let k = 1; k < inds.length; k++) {
    const newBlock = inds[k].level1 !== inds[k - 1].level1;
    if ((kind === "continued" || kind === "headerRepeated") && newBlock) candidates.push(k);
    if (kind === "mergedCut" && !newBlock) candidates.push(k);
    if (kind === "rowSplit" && [...inds[k].name].length >= 4) candidates.push(k);
  }
  if (!candidates.length) return null;
  let at = rng.pick(candidates);
  if (kind === "mergedCut") {
    // Prefer a cut inside a level-2 run too, so both level columns continue blank on the next page.
    const inner = candidates.filter((k) => inds[k].level2 === inds[k - 1].level2);
    if (inner.length) at = rng.pick(inner);
    // A row without a value just before the break, or just after it under blank level cells, is exactly what a
    // row cut by the break looks like (rowSplit): only the wording could tell them apart. Keep both rows valued
    // so that the document says one thing.
    for (const k of [at - 1, at]) if (inds[k].value.kind === "empty") inds[k].value = { kind: "text", text: "按期完成" };
  }
  const split = inds[at];
  const nameCut = kind === "rowSplit" ? (cutAt(split.name, rng.pick([0.3, 0.5, 0.7])) ?? 1) : 0;
  if (kind === "rowSplit") split.nameBreak = null; // the cut stands for the wrap
  const valueMode = rng.pick(["first", "second", "split"] as const);
  return { project, at, kind, nameCut, valueMode };
}

// ------------------------------------------------------------------------------------------------ arrangement

function titleLines(c: Choices, rng: Rng, year: number, groupIndex: number, firstName: string, deptName: string): Para[] {
  const out: Para[] = [];
  if (c.titles === "docOnly" && groupIndex === 0) out.push({ role: "heading1", text: `${deptName}${year}年项目支出绩效目标表` });
  if (c.titles === "perTable")
    out.push({
      role: "title",
      text: widthForm(rng.pick([`${year}年项目支出绩效目标表`, `${firstName}绩效目标表`, `项目支出绩效目标表（${year}年度）`]), c),
    });
  if (c.titles === "numbered")
    out.push({
      role: "title",
      text: rng.pick([`${groupIndex + 1}.${firstName}项目绩效目标表`, `${groupIndex + 1}、${firstName}绩效目标表`]),
    });
  return out;
}

/** The title a reader gives the first project of a table: the last title line above it. */
function titleOf(before: Para[]): string | null {
  let t: string | null = null;
  for (const p of before) if (p.role === "title" || p.role === "heading1") t = p.text;
  return t;
}

function composeKv(seed: number, c: Choices): KvDoc {
  const rng = new Rng(seed, "content");
  const year = rng.pick(YEARS);
  const sector = rng.pick(SECTORS);
  const where = place(rng);
  const deptName = `${where}${sector.bureau}`;
  const units = sector.units.map((u) => ({ name: `${where}${u}`, code: unitCodeOf(rng) }));
  const n = Number(c.projects);
  const used = new Set<string>();
  const breakProject = rng.int(0, n - 1);
  const needs = (i: number) => ({ cost: false, longOutput: i === breakProject && c.pageBreak === "mergedCut" });
  const projects = Array.from({ length: n }, (_, i) =>
    composeProject(rng, c, year, { sector, deptName, unit: rng.pick(units) }, used, needs(i)),
  );
  // Projects sharing a table also share the unit line above it.
  const stacked = c.stacking === "oneTable";
  const groups: KvGroup[] = (stacked ? [projects.map((_, i) => i)] : projects.map((_, i) => [i])).map((ps, gi) => {
    const unit = rng.pick(units);
    const first = projects[ps[0]];
    const before = titleLines(c, rng, year, gi, first.name, deptName);
    if (c.unitSource === "lineCode") before.push({ role: "unit", text: `${unit.code}${unit.name}` });
    if (c.unitSource === "lineNamed") before.push({ role: "unit", text: `单位名称：${unit.name}` });
    const statement = unitStatement(c);
    if (statement && c.titles !== "inTable" && (c.titles !== "docOnly" || gi === 0)) before.push({ role: "unit", text: statement });
    if (gi > 0) before.length ? (before[0].pageBreak = true) : before.push({ role: "blank", text: "", pageBreak: true });
    const banners = ps.map((i) => (c.titles === "inTable" ? rng.pick(["项目支出绩效目标表", `${projects[i].name}绩效目标表`]) : null));
    for (const i of ps) {
      const p = projects[i];
      if (c.unitSource === "lineCode") [p.unit, p.unitCode] = [unit.name, unit.code];
      if (c.unitSource === "lineNamed") p.unit = unit.name;
    }
    const title = titleOf(before);
    ps.forEach((i, k) => (projects[i].title = c.titles === "inTable" ? banners[k] : k === 0 ? title : null));
    return { projects: ps, before, banners, bannerUnit: c.titles === "inTable" ? unitStatement(c) : null };
  });
  for (const p of projects) {
    if (c.unitSource === "field" || c.unitSource === "fieldWithCode" || c.unitSource === "fieldAndCode") {
      const u = rng.pick(units);
      p.unit = u.name;
      p.unitCode = c.unitSource === "field" ? null : u.code;
    }
  }
  const brk = breakPlan(rng, c, projects[breakProject].indicators, breakProject);
  return { family: "kv", projects, groups, brk };
}

function composeWide(seed: number, c: Choices): WideDoc {
  const rng = new Rng(seed, "content");
  const year = rng.pick(YEARS);
  const sector = rng.pick(SECTORS);
  const where = place(rng);
  const deptName = `${where}${sector.bureau}`;
  const n = Number(c.projects);
  const unitCount = c.wideUnitSource === "rows" && n > 1 ? rng.int(1, 2) : 1;
  const units: WideUnit[] = rng
    .sample(sector.units, unitCount)
    .map((u, i) => ({ name: i === 0 && rng.chance(0.5) ? `${deptName}本级` : `${where}${u}`, code: unitCodeOf(rng) }));
  const used = new Set<string>();
  const projects = Array.from({ length: n }, (_, i) => {
    const unitIndex = Math.min(unitCount - 1, Math.floor((i * unitCount) / n));
    const p = composeProject(rng, { ...c, fieldSet: "minimal" }, year, { sector, deptName, unit: units[unitIndex] }, used, {
      cost: false,
      longOutput: false,
    });
    // A wide table prints name, amount, goal and the matrix; nothing else of the project.
    return { ...p, department: null, category: null, period: null, office: null, code: null, purpose: null, plan: null, unitIndex };
  });
  for (const p of projects) {
    p.budget = { total: p.budget.total, fiscal: p.budget.total, other: null, otherBlank: "" };
    if (c.wideUnitSource !== "none") [p.unit, p.unitCode] = [units[p.unitIndex].name, units[p.unitIndex].code];
  }
  // Rows in document order, then cut into tables.
  const rowsOfUnit = (u: number): WideItem[] => [
    ...(c.wideUnitSource === "rows" ? [{ kind: "unit", unit: u } as WideItem] : []),
    ...projects.flatMap((p, i) => (p.unitIndex === u ? [{ kind: "project", project: i } as WideItem] : [])),
  ];
  let tablesItems: WideItem[][];
  if (c.wideTables === "single") tablesItems = [units.flatMap((_, u) => rowsOfUnit(u))];
  else if (c.wideTables === "perUnit") tablesItems = units.map((_, u) => rowsOfUnit(u));
  else {
    tablesItems = projects.map((p, i) => {
      const firstOfUnit = projects.findIndex((q) => q.unitIndex === p.unitIndex) === i;
      return [
        ...(firstOfUnit && c.wideUnitSource === "rows" ? [{ kind: "unit", unit: p.unitIndex } as WideItem] : []),
        { kind: "project", project: i } as WideItem,
      ];
    });
  }
  if (c.wideTotal === "before") tablesItems[0].unshift({ kind: "total" });
  if (c.wideTotal === "after") tablesItems[tablesItems.length - 1].push({ kind: "total" });
  const tables: WideTable[] = tablesItems.map((items, ti) => {
    const firstProject = items.find((x) => x.kind === "project") as { project: number } | undefined;
    const firstUnit = firstProject ? projects[firstProject.project].unitIndex : 0;
    // A title names the project, or the unit when the document names units at all (else the department).
    const titleName =
      c.wideTables === "perProject" && firstProject
        ? projects[firstProject.project].name
        : c.wideUnitSource === "none"
          ? deptName
          : units[firstUnit].name;
    const before = titleLines(c, rng, year, ti, titleName, deptName);
    if (c.wideUnitSource === "line") before.push({ role: "unit", text: `${units[0].code}${units[0].name}` });
    const statement = unitStatement(c);
    if (statement && c.titles !== "inTable" && (c.titles !== "docOnly" || ti === 0)) before.push({ role: "unit", text: statement });
    if (ti > 0) before.length ? (before[0].pageBreak = true) : before.push({ role: "blank", text: "", pageBreak: true });
    const banner = c.titles === "inTable" ? rng.pick([`${deptName}${year}年项目支出绩效目标表`, "项目支出绩效目标表"]) : null;
    if (firstProject) projects[firstProject.project].title = banner ?? titleOf(before);
    return { items, before, banner, bannerUnit: banner ? unitStatement(c) : null };
  });
  return { family: "wide", projects, units, tables };
}

function composeDepartment(seed: number, c: Choices): DeptDoc {
  const rng = new Rng(seed, "content");
  const year = rng.pick(YEARS);
  const sector = rng.pick(SECTORS);
  const name = `${place(rng)}${sector.bureau}`;
  const whole = c.numberFormat === "integer";
  const wan = (lo: number, hi: number) => rng.int(lo, hi) * 100 + (whole ? 0 : rng.int(0, 99));
  const basic = wan(100, 2000);
  const project = wan(50, 3000);
  const total = basic + project;
  // Income lines that add up to the total: 一般公共预算 always carries the rest.
  const incomes: AbsDepartment["incomes"] = [];
  if (c.deptIncome === "simple") {
    const other = rng.chance(0.5) ? null : Math.min(total - 100, wan(1, 200));
    incomes.push({ key: "fiscal", group: "fiscal", amount: total - (other ?? 0) });
    incomes.push({ key: "otherSimple", group: "other", amount: other });
  } else {
    const part = () => (rng.chance(0.5) ? null : Math.min(Math.floor(total / 8), wan(1, 150)));
    const fund = part();
    const capital = rng.chance(0.8) ? null : part();
    const special = part();
    const other = part();
    const general = total - (fund ?? 0) - (capital ?? 0) - (special ?? 0) - (other ?? 0);
    incomes.push({ key: "general", group: "fiscal", amount: general });
    incomes.push({ key: "fund", group: "fiscal", amount: fund });
    incomes.push({ key: "stateCapital", group: "fiscal", amount: capital });
    incomes.push({ key: "specialAccount", group: "other", amount: special });
    incomes.push({ key: "otherDetailed", group: "other", amount: other });
  }
  const taskCount = c.deptTasks === "none" ? 0 : rng.int(2, 5);
  const projects = rng.sample(sector.projects, taskCount);
  const prefixStyle = rng.pick(["none", "colon", "ascii", "dun"] as const);
  const tasks: AbsTask[] = projects.map((p, i) => ({
    prefix:
      prefixStyle === "none"
        ? ""
        : prefixStyle === "colon"
          ? `任务${i + 1}：`
          : prefixStyle === "ascii"
            ? `任务${i + 1}:`
            : `任务${"一二三四五"[i]}、`,
    name: `${p}工作`,
    project: p,
    content: `${rng.pick(["组织实施", "推进", "开展"])}${p}，${rng.pick(sector.aims)}`,
    amount: c.deptTasks === "noAmounts" ? null : Math.max(100, Math.floor(project / (taskCount + 1)) - rng.int(0, 50) * (whole ? 100 : 1)),
    goal: c.deptTasks === "withProjects" ? null : rng.pick(["全部完成支出", "按期完成年度任务", rng.pick(sector.aims)]),
  }));
  const x: Ctx = { rng, sector, year, budget: project, c };
  const indicators = makeIndicators(x, rng.int(4, 12), { cost: false, longOutput: c.pageBreak === "mergedCut" });
  const before: Para[] = [];
  if (c.titles === "perTable" || c.titles === "numbered" || c.titles === "docOnly")
    before.push({ role: "title", text: rng.pick([`${name}${year}年部门整体支出绩效目标表`, `${year}年部门整体绩效目标表`]) });
  const statement = unitStatement(c);
  if (statement) before.push({ role: "unit", text: statement });
  const dept: AbsDepartment = {
    title: titleOf(before),
    name,
    staff: c.deptStaff === "none" ? null : rng.int(12, 320),
    subunits: rng.int(0, 6),
    functions: c.deptFunctions === "yes" ? rng.pick(FUNCTIONS) : null,
    basic,
    project,
    total,
    incomes,
    goal: goalText(rng, sector, `${name}年度重点工作`, year),
    // The group label is read back as printed (004's convention), so it is never OCR-spaced here.
    taskGroup: label(rng.pick(labelPool(DEPT_LABELS.taskGroup, c)), { ...c, labelSpacing: "none" }),
    tasks,
    indicators,
  };
  return { family: "department", dept, before, brk: breakPlan(rng, c, indicators, 0) };
}

export function compose(seed: number): { choices: Choices; doc: AbsDoc } {
  const choices = chooseAll(seed);
  const doc =
    choices.family === "wide"
      ? composeWide(seed, choices)
      : choices.family === "department"
        ? composeDepartment(seed, choices)
        : composeKv(seed, choices);
  return { choices, doc };
}

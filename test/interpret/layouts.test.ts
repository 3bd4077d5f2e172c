/**
 * The interpreter on each layout family of docs/domain.md, with grids built by hand the way the backends
 * produce them (merged cells as spans, titles in context). Labels are varied on purpose (synonyms,
 * codes, spaces) so these tests check recognition by label, not a layout's exact wording.
 */
import { describe, expect, it } from "vitest";
import { tableFromRows } from "../../src/grid/matrix.ts";
import type { GridDocument, Table } from "../../src/grid/types.ts";
import { checkedOption, interpret } from "../../src/interpret/index.ts";
import { DocumentSchema } from "../../src/model/schema.ts";
import { validate } from "../../src/validate/index.ts";

type C = string | { t: string; rs?: number; cs?: number };
const rows = (r: C[][]) =>
  r.map((row) => row.map((c) => (typeof c === "string" ? { text: c } : { text: c.t, rowspan: c.rs, colspan: c.cs })));
const table = (i: number, r: C[][], context: string[] = []): Table => tableFromRows(rows(r), i, context);
const doc = (...tables: Table[]) => {
  const grid: GridDocument = { format: "html", tables, trailing: [], warnings: [] };
  const d = interpret(grid, { path: "t.html", format: "html", sha256: "0" });
  DocumentSchema.parse(d);
  return d;
};

describe("key–value header + indicator matrix", () => {
  it("reads fields, a coded indicator matrix with merged level-1 cells and wrapped values", () => {
    const d = doc(
      table(
        0,
        [
          ["项目名称", { t: "助残服务项目", cs: 3 }],
          ["主管部门", "某市残疾人联合会", "实施单位", "某市残疾人联合会本级"],
          ["项目属性", "02-经常性项目", "项目期限", "1年"],
          ["项目主管处室", "06-社保股", "项目年度金额", "2.500000"],
          ["年度总体绩效目标", { t: "举办活动，丰富残疾人精神文化生活。", cs: 3 }],
          ["一级指标", "二级指标", "三级指标", "绩效值"],
          [{ t: "1-产出指标", rs: 3 }, "11-数量指标", "开展活动数", "≥2"],
          ["13-时效指标", "项目完成时限", "2023年12月底"],
          ["14-成本指标", "活动费用", "25000"],
          [{ t: "2-效益指标", rs: 2 }, "22-社会效益", "推进文化工作", "较显著"],
          ["24-可持续影响", "丰富生活", "中长期"],
          ["3-满意度指标", "31-服务对象满意度", "受助残疾人满意度", "人大批复后按规定时间发\n放到位"],
        ],
        ["部门项目支出预算绩效目标表", "单位：万元"],
      ),
    );
    expect(d.projects).toHaveLength(1);
    const p = d.projects[0];
    expect(p).toMatchObject({
      title: "部门项目支出预算绩效目标表",
      name: "助残服务项目",
      department: "某市残疾人联合会",
      unit: "某市残疾人联合会本级",
      category: "02-经常性项目",
      period: "1年",
      office: "06-社保股",
      goal: "举办活动，丰富残疾人精神文化生活。",
      budget: { total: 2.5, fiscal: null, other: null, statedUnit: "万元" },
    });
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "开展活动数", "≥2"],
      ["产出指标", "时效指标", "项目完成时限", "2023年12月底"],
      ["产出指标", "成本指标", "活动费用", "25000"],
      ["效益指标", "社会效益指标", "推进文化工作", "较显著"],
      ["效益指标", "可持续影响指标", "丰富生活", "中长期"],
      ["满意度指标", "服务对象满意度指标", "受助残疾人满意度", "人大批复后按规定时间发放到位"],
    ]);
    expect(p.indicators[0].level1Label).toBe("1-产出指标");
    expect(p.indicators[0].at.value).toEqual({ table: 0, row: 6, col: 3 });
    expect(p.sources["budget.total"]).toEqual({ raw: "2.500000", at: { table: 0, row: 3, col: 3 } });
  });

  it("joins a header table and the indicator table that follows it, with a unit line and 元 amounts", () => {
    const header = table(
      0,
      [
        ["项目编码", "762-0504-X", "项目支出名称", "城镇残疾人医疗保险补贴"],
        [{ t: "预算规模及资金用途", rs: 2 }, "年度资金总额", "35000", "其中：财政    资金", "35000", "其他资金", ""],
        [{ t: "用于城镇残疾人基本医疗保险补贴", cs: 6 }],
        ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"],
        ["", "25", "50", "75", "100"],
        ["绩效目标", { t: "1、促进残疾人增收\n2、保障基本生活", cs: 4 }],
      ],
      ["2、城镇残疾人医疗保险补贴绩效目标表", "762002 某区残疾人联合会", "单位：元"],
    );
    const matrix = table(1, [
      ["一级指标", "二级指标", "三级指标", "指标解释", "年度指标值", "指标值确定依据"],
      ["产出指标", "数量指标", "补贴人数", "享受补贴人数", "≥30人", "上年人数"],
      ["", "质量指标", "发放准确率", "准确率", "100%", ""],
      ["效果指标", "社会效益指标", "补贴发放率", "发放率", "85100", ""],
      ["满意度指标", "服务对象满意度指标", "满意度", "受助者满意程度", "≥90%", ""],
    ]);
    const d = doc(header, matrix);
    expect(d.projects).toHaveLength(1);
    const p = d.projects[0];
    expect(p).toMatchObject({
      title: "2、城镇残疾人医疗保险补贴绩效目标表",
      name: "城镇残疾人医疗保险补贴",
      code: "762-0504-X",
      unitCode: "762002",
      unit: "某区残疾人联合会",
      purpose: "用于城镇残疾人基本医疗保险补贴",
      goal: "1、促进残疾人增收\n2、保障基本生活",
      budget: { total: 3.5, fiscal: 3.5, other: null, statedUnit: "元" },
      tables: [0, 1],
    });
    expect(p.spendingPlan?.map((e) => [e.label, e.percent])).toEqual([
      ["3月底", 25],
      ["6月底", 50],
      ["10月底", 75],
      ["12月底", 100],
    ]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.description, i.basis])).toEqual([
      ["产出指标", "数量指标", "补贴人数", "≥30人", "享受补贴人数", "上年人数"],
      ["产出指标", "质量指标", "发放准确率", "100%", "准确率", null],
      ["效益指标", "社会效益指标", "补贴发放率", "85100", "发放率", null],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "受助者满意程度", null],
    ]);
  });

  it("starts a new project at each 项目名称 and continues a matrix split over two tables", () => {
    const proj = (i: number, name: string) =>
      table(i, [
        ["项目名称", name],
        ["预算数", "10"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        [{ t: "产出指标", rs: 2 }, "数量指标", `${name}数量`, "1个"],
        ["质量指标", `${name}质量`, "100%"],
      ]);
    const continuation = table(2, [[{ t: "效益指标" }, "社会效益指标", "B效益", "有所提高"]]);
    const d = doc(proj(0, "A"), proj(1, "B"), continuation);
    expect(d.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ["A", 2],
      ["B", 3],
    ]);
    expect(d.projects[1].indicators[2]).toMatchObject({ level1: "效益指标", name: "B效益", value: "有所提高" });
  });
});

describe("2021 central template and split value columns", () => {
  it("keeps 成本指标 as level 1 and joins 计算符号 | 指标值 | 计量单位", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "设备购置", cs: 5 }],
        ["当年年度预算", "50", "财政拨款", "50", "其他资金", "0"],
        ["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"],
        ["产出指标", "数量指标", "购置设备数量", "≥", "100", "台"],
        [{ t: "成本指标", rs: 2 }, "经济成本指标", "设备单价", "≤", "0.5", "万元/台"],
        ["社会成本指标", "无", "", "", ""],
        ["效益指标", "社会效益指标", "服务能力", "定性", "提高", ""],
        ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥", "90", "%"],
      ]),
    );
    const ind = d.projects[0].indicators;
    expect(ind.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "购置设备数量", "≥100台"],
      ["成本指标", "经济成本指标", "设备单价", "≤0.5万元/台"],
      ["成本指标", "社会成本指标", "无", ""],
      ["效益指标", "社会效益指标", "服务能力", "提高"],
      ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%"],
    ]);
    expect(d.projects[0].budget).toMatchObject({ total: 50, fiscal: 50, other: 0 });
  });
});

describe("one wide table per project with unit and 合计 rows", () => {
  it("reads unit rows, 合计 rows and projects whose cells span their indicator rows", () => {
    const d = doc(
      table(
        0,
        [
          ["单位编码", "单位及项目名称", "金额(万元)", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值"],
          ["", "合计", "30", "", "", "", "", ""],
          ["101001", "某省残疾人联合会", "30", "", "", "", "", ""],
          [
            { t: "", rs: 3 },
            { t: "康复救助项目", rs: 3 },
            { t: "20", rs: 3 },
            { t: "救助残疾儿童", rs: 3 },
            "产出指标",
            "数量指标",
            "救助人数",
            "≥100人",
          ],
          ["效益指标", "社会效益指标", "生活质量", "有所提高"],
          ["满意度指标", "服务对象满意度指标", "家长满意度", "≥90%"],
          [
            { t: "", rs: 2 },
            { t: "辅具适配项目", rs: 2 },
            { t: "10", rs: 2 },
            { t: "适配辅具", rs: 2 },
            "产出指标",
            "数量指标",
            "适配件数",
            "500件",
          ],
          ["满意度指标", "服务对象满意度指标", "满意度", "≥85%"],
        ],
        ["2023年项目支出绩效目标表"],
      ),
    );
    expect(d.projects.map((p) => [p.name, p.budget.total, p.goal, p.unit, p.unitCode, p.indicators.length])).toEqual([
      ["康复救助项目", 20, "救助残疾儿童", "某省残疾人联合会", "101001", 3],
      ["辅具适配项目", 10, "适配辅具", "某省残疾人联合会", "101001", 2],
    ]);
    expect(d.totals.map((t) => [t.label, t.amount, t.members])).toEqual([
      ["合计", 30, [0, 1]],
      ["某省残疾人联合会", 30, [0, 1]],
    ]);
    expect(d.projects[1].indicators[1]).toMatchObject({ level1: "满意度指标", name: "满意度", value: "≥85%" });
  });
});

describe("department overall table", () => {
  it("reads staff, budget parts, goal, tasks and the indicator matrix of the next table", () => {
    const main = table(
      0,
      [
        ["部门名称", { t: "某市残疾人联合会", cs: 4 }],
        [{ t: "基本信息", rs: 1 }, "财政供养人员数", "34", "下属二级单位数", "0"],
        [{ t: "预算整体情况", rs: 3 }, "部门预算支出", "预算金额(万元)", "收入来源", "预算金额(万元)"],
        ["基本支出", "278.55", "财政拨款", "1,273.72"],
        ["项目支出", "995.17", "其他资金", ""],
        ["总体绩效目标", { t: "1、提供康复服务；\n2、无障碍改造", cs: 4 }],
        [{ t: "年度重点工作任务", rs: 3 }, "名称", "主要实施内容", "拟投入的资金(万元)", "期望达到的目标(概述)"],
        ["任务1: 无障碍改造", "实施无障碍改造", "14.4", "全部完成支出"],
        ["任务2: 社区康园中心", "运营", "45", "全部完成支出"],
        ["其他需完成的任务(可选填)", "任务1: 精神病防治经费", "预防培训服务", "5", "全部完成支出"],
      ],
      ["2024年市级部门整体预算绩效目标表"],
    );
    const indicators = table(1, [
      ["", "一级指标", "二级指标", "三级指标", "指标值"],
      [{ t: "绩效指标", rs: 4 }, { t: "产出指标", rs: 2 }, "数量指标", "改造户数", "240户"],
      ["成本指标", "改造任务", "600元/户"],
      [{ t: "社会效益指标", rs: 1 }, "社会效益指标", "居家便利程度", "是"],
      ["满意度指标", "服务对象 满意度指标", "满意度(%)", "≥90"],
    ]);
    const d = doc(main, indicators);
    expect(d.projects).toHaveLength(0);
    expect(d.departments).toHaveLength(1);
    const dep = d.departments[0];
    expect(dep).toMatchObject({
      title: "2024年市级部门整体预算绩效目标表",
      name: "某市残疾人联合会",
      staff: 34,
      goal: "1、提供康复服务；\n2、无障碍改造",
      budget: { basic: 278.55, project: 995.17, fiscal: 1273.72, other: null, total: 1273.72 },
    });
    expect(dep.tasks.map((t) => [t.name, t.amount, t.group])).toEqual([
      ["无障碍改造", 14.4, "年度重点工作任务"],
      ["社区康园中心", 45, "年度重点工作任务"],
      ["精神病防治经费", 5, "其他需完成的任务(可选填)"],
    ]);
    expect(dep.indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "改造户数", "240户"],
      ["产出指标", "成本指标", "改造任务", "600元/户"],
      ["效益指标", "社会效益指标", "居家便利程度", "是"],
      ["满意度指标", "服务对象满意度指标", "满意度(%)", "≥90"],
    ]);
  });
});

describe("other arrangements of the same labels", () => {
  it("reads labels above their values, a container label over several rows and a title row inside the table", () => {
    const d = doc(
      table(0, [
        [{ t: "项目支出绩效目标申报表", cs: 4 }],
        [{ t: "（单位：元）", cs: 4 }],
        ["项目名称", "主管部门", "实施单位", "项目期限"],
        ["残疾人培训", "某县残联", "某县残疾人就业服务所", "2024年"],
        [{ t: "项目资金（元）", rs: 3 }, "年度资金总额", { t: "300,000.00", cs: 2 }],
        ["其中：当年财政拨款", { t: "250,000.00", cs: 2 }],
        ["上年结转资金", { t: "50,000.00", cs: 2 }],
      ]),
      // No header row in the matrix: recognised from the level labels themselves.
      table(1, [
        [{ t: "产出指标", rs: 2 }, "数量指标", "培训人数", "≥100人"],
        ["时效指标", "完成时间", "2024年12月31日前"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
      ]),
    );
    expect(d.projects).toHaveLength(1);
    expect(d.projects[0]).toMatchObject({
      title: "项目支出绩效目标申报表",
      name: "残疾人培训",
      department: "某县残联",
      unit: "某县残疾人就业服务所",
      period: "2024年",
      budget: { total: 30, fiscal: 25, other: 5, statedUnit: "元" },
    });
    expect(d.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "培训人数", "≥100人"],
      ["产出指标", "时效指标", "完成时间", "2024年12月31日前"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ]);
  });

  it("ignores tables that are not performance tables", () => {
    const d = doc(
      table(0, [
        ["首页", "政务公开", "办事服务"],
        ["2024-01-01", "通知", "公告"],
      ]),
    );
    expect(d.projects).toEqual([]);
    expect(d.departments).toEqual([]);
  });
});

describe("spreadsheet-authored tables (a sheet saved as HTML or printed)", () => {
  it("reads a second project stacked in the same table, with its own title row and 单位：元", () => {
    const d = doc(
      table(0, [
        [{ t: "项目支出绩效目标表（2025年度）", cs: 4 }],
        [{ t: "单位：万元", cs: 4 }],
        ["项目名称", { t: "甲项目", cs: 3 }],
        ["预算数", { t: "12.50", cs: 3 }],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人次", "≥300人次"],
        [""],
        [{ t: "乙项目绩效目标表", cs: 4 }],
        [{ t: "单位：元", cs: 4 }],
        ["项目名称", { t: "乙项目", cs: 3 }],
        ["预算数", { t: "2,400,000.00", cs: 3 }],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
      ]),
    );
    expect(d.projects.map((p) => [p.title, p.name, p.budget.total, p.budget.statedUnit, p.indicators.length])).toEqual([
      ["项目支出绩效目标表（2025年度）", "甲项目", 12.5, "万元", 1],
      ["乙项目绩效目标表", "乙项目", 240, "元", 1],
    ]);
  });

  it("continues a matrix on a page whose table holds only the matrix columns", () => {
    // Page 1: key–value rows reach a sixth column the matrix leaves empty; page 2: five columns.
    const d = doc(
      table(0, [
        ["项目名称", { t: "丙项目", cs: 5 }],
        ["预算数", { t: "30", cs: 2 }, "其中：财政资金", { t: "30", cs: 2 }],
        ["一级指标", "二级指标", "三级指标", "指标解释", "指标值", ""],
        ["产出指标", "数量指标", "巡查次数", "全年巡查", "≥12次", ""],
        ["效益指标", "社会效益指标", "环境改善", "城乡环境", "明显改善", ""],
      ]),
      table(1, [
        ["", "", "群众参与度", "参与比例", "≥60%"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "问卷调查", "≥85%"],
      ]),
    );
    expect(d.projects).toHaveLength(1);
    expect(d.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "巡查次数", "≥12次"],
      ["效益指标", "社会效益指标", "环境改善", "明显改善"],
      ["效益指标", "社会效益指标", "群众参与度", "≥60%"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥85%"],
    ]);
  });
});

describe("matrices with extra columns around the value", () => {
  it("ignores 序号, 分值 and 备注 columns around levels repeated on every row", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "丁项目", cs: 6 }],
        ["预算数", "80", "财政资金", "80", "其他资金", { t: "", cs: 2 }],
        ["序号", "一级指标", "二级指标", "三级指标", "指标值", "分值", "备注"],
        ["1", "产出指标", "数量指标", "维修设施", "≥40处", "20", "含水电设施"],
        ["2", "产出指标", "时效指标", "完工时间", "2025年10月底前", "10", ""],
        ["3", "效益指标", "社会效益指标", "安全隐患", "明显减少", "30", "对照上年台账"],
        ["4", "满意度指标", "服务对象满意度指标", "住户满意度", "100", "40", ""],
      ]),
    );
    expect(d.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "维修设施", "≥40处"],
      ["产出指标", "时效指标", "完工时间", "2025年10月底前"],
      ["效益指标", "社会效益指标", "安全隐患", "明显减少"],
      ["满意度指标", "服务对象满意度指标", "住户满意度", "100"],
    ]);
  });

  it("joins a 指标性质 column holding the comparison (≥ ≤ = or 定性) with 指标值 and 度量单位", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "戊项目", cs: 6 }],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重（%）"],
        [{ t: "产出指标", rs: 3 }, "数量指标", "采购设备", "≥", "12", "套", "30"],
        ["质量指标", "验收合格率", "＝", "100", "%", "20"],
        ["成本指标", "设备单价", "≤", "3.5", "万元/套", "20"],
        ["效益指标", "社会效益指标", "服务能力", "定性", "显著提升", "", "15"],
        ["满意度指标", "服务对象满意度指标", "使用单位满意度", "≥", "90", "%", "15"],
      ]),
    );
    const ind = d.projects[0].indicators;
    expect(ind.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "采购设备", "≥12套"],
      ["产出指标", "质量指标", "验收合格率", "＝100%"],
      ["产出指标", "成本指标", "设备单价", "≤3.5万元/套"],
      ["效益指标", "社会效益指标", "服务能力", "显著提升"],
      ["满意度指标", "服务对象满意度指标", "使用单位满意度", "≥90%"],
    ]);
    expect(ind[0].target).toMatchObject({ kind: "quantity", op: ">=", value: 12 });
    expect(ind[4].target).toMatchObject({ kind: "quantity", op: ">=", value: 90, unit: "%" });
  });

  it("takes 年度指标值 as the value beside a multi-year 中长期指标值 column", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "己项目", cs: 4 }],
        ["一级指标", "二级指标", "三级指标", "中长期指标值", "年度指标值"],
        ["产出指标", "数量指标", "建设站点", "≥30个", "≥10个"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥85%", "≥80%"],
      ]),
    );
    expect(d.projects[0].indicators.map((i) => i.value)).toEqual(["≥10个", "≥80%"]);
  });
});

describe("fields the model does not have", () => {
  it("reads the annual goal under 总体目标 spanning a 中长期目标 | 年度目标 heading row, and skips 项目负责人 / 联系电话", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "庚项目", cs: 4 }],
        ["主管部门", "某省科技厅", "项目负责人", { t: "李某", cs: 2 }],
        ["实施单位", "某省科技中心", "联系电话", { t: "0000-1234567", cs: 2 }],
        [
          { t: "总体目标", rs: 2 },
          { t: "中长期目标", cs: 2 },
          { t: "年度目标", cs: 2 },
        ],
        [
          { t: "三年内建成服务网络", cs: 2 },
          { t: "本年建成十个服务站", cs: 2 },
        ],
        ["一级指标", "二级指标", "三级指标", "中长期指标值", "年度指标值"],
        ["产出指标", "数量指标", "服务站", "≥30个", "≥10个"],
      ]),
    );
    expect(d.projects).toHaveLength(1);
    expect(d.projects[0]).toMatchObject({ name: "庚项目", department: "某省科技厅", unit: "某省科技中心", goal: "本年建成十个服务站" });
    expect(d.projects[0].indicators.map((i) => [i.name, i.value])).toEqual([["服务站", "≥10个"]]);
  });
});

describe("two-row matrix headers and other value-column labels", () => {
  it("reads sub-headers under a spanning 指标值: 数值 | 度量单位, and 计算符号 | 目标值 | 计量单位", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "辛项目", cs: 5 }],
        [
          { t: "一级指标", rs: 2 },
          { t: "二级指标", rs: 2 },
          { t: "三级指标", rs: 2 },
          { t: "指标方向", rs: 2 },
          { t: "指标值", cs: 2 },
        ],
        ["数值", "度量单位"],
        [{ t: "产出指标", rs: 2 }, "数量指标", "培训人次", "正向", "6", "万人次"],
        ["质量指标", "合格率", "正向", "90", "%"],
        ["满意度指标", "服务对象满意度指标", "满意度", "定性", "较高", ""],
      ]),
      table(1, [
        ["项目名称", { t: "壬项目", cs: 5 }],
        [
          { t: "一级指标", rs: 2 },
          { t: "二级指标", rs: 2 },
          { t: "三级指标", rs: 2 },
          { t: "指标值", cs: 3 },
        ],
        ["计算符号", "目标值", "计量单位"],
        ["产出指标", "数量指标", "服务站", "≥", "10", "个"],
      ]),
    );
    expect(d.projects.map((p) => p.indicators.map((i) => [i.level1, i.level2, i.name, i.value]))).toEqual([
      [
        ["产出指标", "数量指标", "培训人次", "6万人次"],
        ["产出指标", "质量指标", "合格率", "90%"],
        ["满意度指标", "服务对象满意度指标", "满意度", "较高"],
      ],
      [["产出指标", "数量指标", "服务站", "≥10个"]],
    ]);
  });

  it("takes a sub-header row whose rowspans a page break cut (blank cells under the other headers)", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "癸项目", cs: 4 }],
        ["一级指标", "二级指标", "三级指标", { t: "指标值", cs: 2 }],
        ["", "", "", "数值", "计量单位"],
        ["产出指标", "数量指标", "服务站", "10", "个"],
      ]),
    );
    expect(d.projects[0].indicators.map((i) => [i.name, i.value])).toEqual([["服务站", "10个"]]);
  });

  it("never takes the first data row for a sub-header", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "子项目", cs: 4 }],
        ["一级指标", "二级指标", "三级指标", { t: "指标值", cs: 2 }],
        ["产出指标", "数量指标", "服务站", "≥", "10个"],
      ]),
    );
    // The row has level labels outside the spanning 指标值 cell: an indicator, not a sub-header.
    expect(d.projects[0].indicators.map((i) => [i.level2, i.name])).toEqual([["数量指标", "服务站"]]);
  });

  it("reads 评（扣）分标准 as the basis and skips a 分值 column before the value", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "丑项目", cs: 4 }],
        ["一级指标", "二级指标", "三级指标", "分值", "指标值", "评（扣）分标准"],
        ["产出指标", "数量指标", "培训人次", "10", "≥6500人次", "每少100人次扣1分"],
      ]),
    );
    expect(d.projects[0].indicators.map((i) => [i.name, i.value, i.basis])).toEqual([["培训人次", "≥6500人次", "每少100人次扣1分"]]);
  });
});

describe("department budget block as labels over figures", () => {
  const dept = (basic: string) =>
    doc(
      table(
        0,
        [
          ["部门（单位）名称", { t: "某区民政局", cs: 5 }],
          ["部门职能", { t: "负责全区社会救助、养老服务等工作。", cs: 5 }],
          [{ t: "年度预算情况（万元）", rs: 2 }, "资金总额", "财政拨款", "其他资金", "基本支出", "项目支出"],
          ["1,000.00", "900.00", "100.00", basic, "700.00"],
          [{ t: "年度主要任务", rs: 2 }, "任务名称", { t: "主要内容", cs: 3 }, "预算金额（万元）"],
          ["养老服务", { t: "新增长者食堂", cs: 3 }, "600.00"],
          ["年度总体目标", { t: "保障基本民生。", cs: 5 }],
        ],
        ["单位：万元"],
      ),
    );

  it("pairs each label with the figure under it, beside a container label spanning both rows", () => {
    const d = dept("300.00");
    expect(d.departments).toHaveLength(1);
    expect(d.departments[0]).toMatchObject({
      name: "某区民政局",
      goal: "保障基本民生。",
      budget: { total: 1000, fiscal: 900, other: 100, basic: 300, project: 700 },
      tasks: [{ name: "养老服务", content: "新增长者食堂", amount: 600, goal: null, group: "年度主要任务" }],
    });
    expect(validate(d).filter((f) => f.rule.startsWith("budget-arithmetic/"))).toEqual([]);
  });

  it("lets the validator see 基本支出 + 项目支出 ≠ 资金总额", () => {
    const f = validate(dept("400.00")).filter((x) => x.rule === "budget-arithmetic/department-parts");
    expect(f.length).toBeGreaterThanOrEqual(1);
  });

  it("does not pair labels with a row of text below them", () => {
    const d = doc(
      table(0, [
        ["部门名称", { t: "某区民政局", cs: 2 }],
        ["基本支出", "项目支出", "其他资金"],
        ["人员经费", "业务经费", "无"],
      ]),
    );
    expect(d.departments).toHaveLength(1);
    expect(d.departments[0].budget).toMatchObject({ basic: null, project: null, other: null, lines: [] });
  });
});

describe("fields written as text above a matrix-only table", () => {
  const para = (other: string) =>
    doc(
      table(
        0,
        [
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "资助人数", "≥5200人"],
        ],
        [
          "1.甲项目绩效目标表",
          "项目名称：甲项目",
          "主管部门：某局　　实施单位：某中心",
          `预算数：326.00万元　　其中：财政资金：300.00万元　　其他资金：${other}`,
          "年度绩效目标：资助困难群众参保，",
          "防止因病致贫。",
        ],
      ),
      table(
        1,
        [
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "检查机构", "≥120家"],
        ],
        // A PDF may lose the full-width spaces between the pairs.
        [
          "2.乙项目绩效目标表",
          "项目名称：乙项目",
          "主管部门：某局实施单位：某局本级",
          "预算数：386,000.00元其中：财政资金：386,000.00元其他资金：无",
        ],
      ),
    );

  it("reads each 项目名称：… block as a project: pairs on one line, amounts with their own unit, a wrapped goal", () => {
    const d = para("26.00万元");
    expect(d.projects.map((p) => [p.title, p.name, p.department, p.unit, p.budget, p.goal, p.indicators.length])).toEqual([
      [
        "1.甲项目绩效目标表",
        "甲项目",
        "某局",
        "某中心",
        { total: 326, fiscal: 300, other: 26, statedUnit: "万元" },
        "资助困难群众参保，防止因病致贫。",
        1,
      ],
      ["2.乙项目绩效目标表", "乙项目", "某局", "某局本级", { total: 38.6, fiscal: 38.6, other: null, statedUnit: "万元" }, null, 1],
    ]);
    expect(validate(d).filter((f) => f.rule.startsWith("budget-arithmetic/"))).toEqual([]);
  });

  it("lets the validator see 预算数 ≠ 财政资金 + 其他资金 written as text", () => {
    const f = validate(para("20.00万元")).filter((x) => x.rule === "budget-arithmetic/fiscal-plus-other");
    expect(f.map((x) => x.project)).toEqual(["甲项目"]);
  });

  it("does not read a sentence with a colon as fields", () => {
    const d = doc(
      table(
        0,
        [
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "资助人数", "≥5200人"],
        ],
        ["说明：本表项目名称：见附件"],
      ),
    );
    expect(d.projects[0].name).toBeNull();
  });
});

describe("probes of other provinces' wording", () => {
  it("takes a lone 指标内容 column as the indicator names", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "甲", cs: 3 }],
        ["一级指标", "二级指标", "指标内容", "指标值"],
        ["产出指标", "数量指标", "培训人数", "≥100人"],
      ]),
    );
    expect(d.projects[0].indicators.map((i) => [i.name, i.value, i.description])).toEqual([["培训人数", "≥100人", undefined]]);
  });

  it("reads 合计 beside a 资金来源 label spanning the funds rows as the total", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "甲", cs: 3 }],
        [{ t: "资金来源（万元）", rs: 3 }, "合计", { t: "50.00", cs: 2 }],
        ["财政拨款", { t: "40.00", cs: 2 }],
        ["其他资金", { t: "10.00", cs: 2 }],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人数", "≥100人"],
      ]),
    );
    expect(d.projects[0].budget).toEqual({ total: 50, fiscal: 40, other: 10, statedUnit: "万元" });
  });
});

describe("指标方向 (正向/反向)", () => {
  it("makes a bare value a floor (正向) or a ceiling (反向) without changing the printed value", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "甲", cs: 5 }],
        ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位"],
        [{ t: "产出指标", rs: 4 }, "数量指标", "培训人次", "正向", "6", "万人次"],
        ["质量指标", "重大安全事故", "反向", "0", "起"],
        ["时效指标", "故障响应时间", "反向", "30", "分钟"],
        ["质量指标", "合格率", "正向", "≤5", "%"],
      ]),
    );
    expect(d.projects[0].indicators.map((i) => [i.value, i.target.kind, "op" in i.target ? i.target.op : null])).toEqual([
      ["6万人次", "quantity", ">="],
      ["0起", "quantity", "<="],
      ["30分钟", "duration", "<="],
      // A printed sign wins over the direction.
      ["≤5%", "quantity", "<="],
    ]);
  });
});

describe("county 申报表 forms (佳县/宁乡 style)", () => {
  const form = (annual: boolean) =>
    doc(
      table(
        0,
        [
          ["项目名称", { t: "甲项目", cs: 2 }, "项目属性", "新增项目□　延续项目√"],
          ["项目资金申请（万元）", { t: "资金总额：186.00\n财政拨款：160.00\n自有资金：26.00\n事业收入：\n其他：", cs: 4 }],
          [{ t: "长期绩效指标", rs: 2 }, "一级指标", "二级指标", "指标内容", "指标值"],
          ["产出指标", "数量指标", "累计建成基地", "≥2400亩"],
          ...(annual
            ? [
                [{ t: "年度绩效指标", rs: 2 }, "一级指标", "二级指标", "指标内容", "指标值"],
                ["产出指标", "数量指标", "新建基地", "≥800亩"],
              ]
            : []),
        ],
        ["金额单位：万元"],
      ),
    );

  it("reads the ticked option, several amounts listed in one cell, and the annual matrix as the indicators", () => {
    const p = form(true).projects[0];
    expect(p.category).toBe("延续项目");
    expect(p.budget).toEqual({ total: 186, fiscal: 160, other: 26, statedUnit: "万元" });
    expect(p.indicators.map((i) => [i.name, i.value])).toEqual([["新建基地", "≥800亩"]]);
  });

  it("keeps the long-term matrix when it is the only one", () => {
    expect(form(false).projects[0].indicators.map((i) => [i.name, i.value])).toEqual([["累计建成基地", "≥2400亩"]]);
  });

  it("reads check boxes ticked before the option, and leaves text without boxes alone", () => {
    expect(checkedOption("☑新增项目 □延续项目")).toBe("新增项目");
    expect(checkedOption("新增项目■ 延续项目□")).toBe("新增项目");
    expect(checkedOption("新增项目□ 延续项目□")).toBe("新增项目□ 延续项目□");
    expect(checkedOption("经常性项目√")).toBe("经常性项目√");
  });
});

describe("more two-row matrix headers", () => {
  it("reads levels in the second header row beside a 指标值 spanning both rows", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "甲", cs: 3 }],
        [
          { t: "绩效指标", cs: 3 },
          { t: "指标值", rs: 2 },
        ],
        ["一级指标", "二级指标", "三级指标"],
        ["产出指标", "数量指标", "培训人数", "≥100人"],
      ]),
    );
    expect(d.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "培训人数", "≥100人"],
    ]);
  });

  it("takes the 年度 sub-column of a 指标值 split into 中长期 | 年度", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "甲", cs: 4 }],
        [
          { t: "一级指标", rs: 2 },
          { t: "二级指标", rs: 2 },
          { t: "三级指标", rs: 2 },
          { t: "指标值", cs: 2 },
        ],
        ["中长期", "年度"],
        ["产出指标", "数量指标", "培训人数", "≥300人", "≥100人"],
      ]),
    );
    expect(d.projects[0].indicators.map((i) => [i.level1, i.name, i.value])).toEqual([["产出指标", "培训人数", "≥100人"]]);
  });
});

describe("a goal label spanning several rows", () => {
  it("joins the goal's rows (目标1：… / 目标2：…)", () => {
    const d = doc(
      table(0, [
        ["项目名称", { t: "甲", cs: 3 }],
        [
          { t: "绩效目标", rs: 2 },
          { t: "目标1：完成培训", cs: 3 },
        ],
        [{ t: "目标2：提升能力", cs: 3 }],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人数", "≥100人"],
      ]),
    );
    expect(d.projects[0].goal).toBe("目标1：完成培训\n目标2：提升能力");
  });
});

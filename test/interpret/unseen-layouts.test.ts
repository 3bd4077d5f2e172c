/**
 * Layouts that fell between the hand-written paths of the first interpreter (issue 12): a wide table whose
 * indicator columns sit under a group header, an indicator named like a field label, a header repeated after a
 * page break with a row split across it, merged level cells cut by a page break, department tables in other
 * arrangements — and grids where the interpreter is made to fail, which must say so (diagnostics).
 */
import { describe, expect, it } from "vitest";
import { tableFromRows } from "../../src/grid/matrix.ts";
import type { GridDocument, Table } from "../../src/grid/types.ts";
import { interpret } from "../../src/interpret/index.ts";
import { DocumentSchema } from "../../src/model/schema.ts";
import { validate } from "../../src/validate/index.ts";

type C = string | { t: string; rs?: number; cs?: number };
const table = (i: number, r: C[][], context: string[] = []): Table =>
  tableFromRows(
    r.map((row) => row.map((c) => (typeof c === "string" ? { text: c } : { text: c.t, rowspan: c.rs, colspan: c.cs }))),
    i,
    context,
  );
const read = (...tables: Table[]) => {
  const grid: GridDocument = { format: "html", tables, trailing: [], warnings: [] };
  const d = interpret(grid, { path: "t.html", format: "html", sha256: "0" });
  DocumentSchema.parse(d);
  return d;
};
const rowsOf = (d: ReturnType<typeof read>, i: number) => d.projects[i].indicators.map((x) => [x.level1, x.level2, x.name, x.value]);

describe("a wide table whose indicator columns sit under a group header", () => {
  const header: C[][] = [
    [
      { t: "单位编码", rs: 2 },
      { t: "单位及项目名称", rs: 2 },
      { t: "金额（万元）", rs: 2 },
      { t: "绩效目标", rs: 2 },
      { t: "绩效指标", cs: 4 },
    ],
    ["一级指标", "二级指标", "三级指标", "指标值"],
  ];
  const project = (name: string, amount: string, merged: boolean): C[][] => {
    const ind = [
      ["产出指标", "数量指标", `${name}覆盖人数`, "≥100人"],
      ["产出指标", "时效指标", "资金支出计划", "2024年12月底前"],
      ["效益指标", "社会效益指标", "群众获得感", "明显提升"],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"],
    ];
    if (merged)
      return ind.map((r, i) =>
        i === 0 ? [{ t: "", rs: 4 }, { t: name, rs: 4 }, { t: amount, rs: 4 }, { t: `${name}的年度目标。`, rs: 4 }, ...r] : r,
      );
    return ind.map((r) => ["", name, amount, `${name}的年度目标。`, ...r]);
  };
  for (const merged of [true, false]) {
    it(`reads every project, its unit and budget, unit and 合计 rows before each (${merged ? "merged" : "repeated"} project cells)`, () => {
      const d = read(
        table(
          0,
          [
            ...header,
            ["", "合计", "30.00", "", "", "", "", ""],
            ["301001", "某市民政局本级", "30.00", "", "", "", "", ""],
            ...project("社区养老服务", "10.00", merged),
            ["", "合计", "20.00", "", "", "", "", ""],
            ["301002", "某市救助管理站", "20.00", "", "", "", "", ""],
            ...project("流浪人员救助", "20.00", merged),
          ],
          ["某市民政局2024年项目支出绩效目标表", "单位：万元"],
        ),
      );
      expect(d.projects.map((p) => [p.name, p.unit, p.unitCode, p.budget.total, p.goal, p.indicators.length])).toEqual([
        ["社区养老服务", "某市民政局本级", "301001", 10, "社区养老服务的年度目标。", 4],
        ["流浪人员救助", "某市救助管理站", "301002", 20, "流浪人员救助的年度目标。", 4],
      ]);
      expect(rowsOf(d, 0)[1]).toEqual(["产出指标", "时效指标", "资金支出计划", "2024年12月底前"]);
      expect(d.totals.map((t) => [t.label, t.amount])).toEqual([
        ["合计", 30],
        ["某市民政局本级", 30],
        ["合计", 20],
        ["某市救助管理站", 20],
      ]);
      expect(d.diagnostics).toEqual([]);
    });
  }
});

describe("an indicator named like a field label", () => {
  it("keeps reading the matrix past 资金支出计划 and 项目资金 in the name column (2021 central template)", () => {
    const d = read(
      table(0, [
        ["项目名称", { t: "某信息系统运维", cs: 3 }],
        ["主管部门", "某局", "实施单位", "某中心"],
        ["项目资金（万元）", "年度资金总额", { t: "50", cs: 2 }],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        [{ t: "产出指标", rs: 3 }, "数量指标", "运维系统数", "≥3个"],
        ["时效指标", "资金支出计划", "按季度支付"],
        ["质量指标", "项目资金", "足额到位"],
        ["成本指标", "经济成本指标", "运维费用", "≤50万元"],
        ["效益指标", "社会效益指标", "系统可用率", "≥99%"],
        ["满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%"],
      ]),
    );
    expect(d.projects).toHaveLength(1);
    expect(rowsOf(d, 0).map((r) => r[2])).toEqual(["运维系统数", "资金支出计划", "项目资金", "运维费用", "系统可用率", "使用人员满意度"]);
    expect(d.projects[0].spendingPlan).toBeNull();
    expect(validate(d).filter((f) => f.rule.startsWith("taxonomy/") && f.severity === "error")).toEqual([]);
  });
});

describe("page breaks", () => {
  const head: C[] = ["一级指标", "二级指标", "三级指标", "指标值"];
  it("continues the matrix under a repeated header, joins a row split by the break, keeps merged levels cut by it", () => {
    const d = read(
      table(0, [
        ["项目名称", { t: "某培训项目", cs: 3 }],
        ["预算数", { t: "12", cs: 3 }],
        head,
        [{ t: "产出指标", rs: 3 }, { t: "数量指标", rs: 2 }, "培训人次", "≥200人次"],
        ["培训场次", "≥4场"],
        ["质量指标", "培训合格率达到国家职业", "≥95%"],
      ]),
      // The next page repeats the header; its first row is the rest of the split name; the merged cells end at the break.
      table(1, [
        head,
        ["", "", "技能标准的比例", ""],
        ["", "时效指标", "完成时间", "2024年11月底前"],
        [{ t: "效益指标", rs: 1 }, "社会效益指标", "就业率", "≥60%"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
      ]),
    );
    expect(d.projects).toHaveLength(1);
    expect(rowsOf(d, 0)).toEqual([
      ["产出指标", "数量指标", "培训人次", "≥200人次"],
      ["产出指标", "数量指标", "培训场次", "≥4场"],
      ["产出指标", "质量指标", "培训合格率达到国家职业技能标准的比例", "≥95%"],
      ["产出指标", "时效指标", "完成时间", "2024年11月底前"],
      ["效益指标", "社会效益指标", "就业率", "≥60%"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ]);
    expect(d.diagnostics).toEqual([]);
  });
});

describe("department overall tables in other arrangements", () => {
  it("adds 政府性基金拨款 to the fiscal money, reads 资金来源：财政拨款, and ends the tasks at 年度总体目标", () => {
    const d = read(
      table(0, [
        ["部门名称", { t: "某县农业农村局", cs: 3 }],
        [{ t: "年度预算情况（万元）", rs: 6 }, "部门预算支出", { t: "500", cs: 2 }],
        ["基本支出", { t: "300", cs: 2 }],
        ["项目支出", { t: "200", cs: 2 }],
        ["一般公共预算拨款", { t: "400", cs: 2 }],
        ["政府性基金拨款", { t: "80", cs: 2 }],
        ["财政专户管理资金", { t: "20", cs: 2 }],
        [{ t: "年度重点工作任务", rs: 3 }, "任务名称", "主要实施内容", "拟投入的资金（万元）"],
        ["高标准农田建设", "新建高标准农田1万亩", "150"],
        ["农技推广", "推广新技术10项", "50"],
        ["年度总体目标", { t: "完成高标准农田建设任务，推广农业新技术。", cs: 3 }],
      ]),
    );
    const dep = d.departments[0];
    expect(dep.name).toBe("某县农业农村局");
    expect(dep.budget).toMatchObject({ total: 500, basic: 300, project: 200, fiscal: 480, other: 20 });
    expect(dep.tasks.map((t) => [t.name, t.amount])).toEqual([
      ["高标准农田建设", 150],
      ["农技推广", 50],
    ]);
    expect(dep.goal).toBe("完成高标准农田建设任务，推广农业新技术。");
    expect(validate(d).filter((f) => f.rule === "budget-arithmetic/department-parts")).toEqual([]);
  });

  it("reads `资金来源：财政拨款` as the fiscal line", () => {
    const d = read(
      table(0, [
        ["部门名称", "某街道办事处"],
        ["基本支出", "100"],
        ["项目支出", "60"],
        ["资金来源：财政拨款", "150"],
        ["资金来源：其他资金", "10"],
      ]),
    );
    expect(d.departments[0].budget).toMatchObject({ total: 160, fiscal: 150, other: 10 });
  });
});

describe("misreads are never silent", () => {
  it("a header whose rows yield nothing is an unread table (an error finding)", () => {
    const d = read(
      table(0, [
        ["项目名称", "某项目"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
      ]),
    );
    expect(d.diagnostics.map((x) => x.code)).toContain("unread-table");
    expect(validate(d).find((f) => f.rule === "extraction/unread-table")?.severity).toBe("error");
  });

  it("indicator rows no matrix can take are reported as unplaced", () => {
    const d = read(
      table(0, [
        ["项目名称", { t: "某项目", cs: 3 }],
        ["预算数", { t: "10", cs: 3 }],
        ["备注", { t: "无", cs: 3 }],
        ["说明：", "产出指标", "培训人次", "≥200人次"],
      ]),
    );
    expect(d.diagnostics.map((x) => x.code)).toContain("unplaced-rows");
    expect(validate(d).some((f) => f.rule === "extraction/unplaced-rows" && f.severity === "warning")).toBe(true);
  });

  it("a project without a name, and a budget label whose amount cannot be read, are warnings", () => {
    const d = read(
      table(0, [
        ["主管部门", "某局"],
        ["预算数", "见附表"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人次", "≥200人次"],
      ]),
    );
    expect(d.diagnostics.map((x) => x.code).sort()).toEqual(["missing-budget", "nameless-project"]);
    expect(d.warnings.length).toBe(2);
  });

  it("indicators before any project are orphans", () => {
    const d = read(
      table(0, [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人次", "≥200人次"],
      ]),
    );
    expect(d.diagnostics.map((x) => x.code)).toEqual(["orphan-indicators"]);
  });

  it("fewer projects than 项目名称 labels is reported", () => {
    // The second 项目名称 sits where the reader takes it for a value of the first project's row.
    const d = read(
      table(0, [
        ["项目名称", "甲项目", "项目名称", "乙项目"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人次", "≥200人次"],
      ]),
    );
    expect(d.projects.length).toBe(1);
    expect(d.diagnostics.map((x) => x.code)).toContain("missing-projects");
  });
});

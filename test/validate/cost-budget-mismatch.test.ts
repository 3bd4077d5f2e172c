import { describe, expect, test } from "vitest";
import { project, q, TAIL, type Row } from "./factory.ts";
import { check, loud, summary } from "./helpers.ts";
import { seed000, seed003 } from "./seed-projects.ts";

const FAMILY = "cost-budget-mismatch";

describe("must catch (seed 000)", () => {
  test("每户2500元 × 80户 = 20万 vs budget 15万", () => {
    const f = check(FAMILY, [seed000.无障碍改造()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "cost-budget-mismatch/unit-cost-times-quantity",
      severity: "error",
      project: "贫困残疾人家庭无障碍改造项目",
      projectIndex: 0,
      kind: "project",
      numbers: { expected: 15, actual: 20, difference: 5, unit: "万元" },
    });
    expect(f[0].message).toContain("20万元");
    expect(f[0].message).toContain("15万元");
    // the unit-cost cell, the quantity cell and the budget cell
    expect(f[0].cells.map((c) => c.text)).toEqual(["每户2500元", "80", "15.00"]);
  });

  test("60元/人 × 大于等于8000人 ≥ 48万 vs budget 40万", () => {
    const f = check(FAMILY, [seed000.意外伤害保险()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "cost-budget-mismatch/unit-cost-times-quantity",
      severity: "error",
      numbers: { expected: 40, actual: 48, difference: 8 },
    });
  });

  test("a sole bare 6000 with budget 3万 is 6000元: well below the budget (warning, not error)", () => {
    const f = check(FAMILY, [seed000.专门协会()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "cost-budget-mismatch/stated-total",
      severity: "warning",
      numbers: { expected: 3, actual: 0.6, difference: -2.4 },
    });
    expect(f[0].message).toContain("按元理解");
  });

  test("a sole bare 302000 with budget 16.8万 is 30.2万元: above the budget (error)", () => {
    const f = check(FAMILY, [seed000.托养中心()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "cost-budget-mismatch/stated-total",
      severity: "error",
      numbers: { expected: 16.8, actual: 30.2, difference: 13.4 },
    });
  });
});

describe("must stay silent on consistent projects", () => {
  const consistent = {
    "seed 000 就业保障金 (2万 = 2.000000)": seed000.就业保障金,
    "seed 000 组织建设 (65520元 = 6.552万)": seed000.组织建设,
    "seed 000 聘用人员 (350000 = 35万; 每人每年 in the name)": seed000.聘用人员,
    "seed 000 助残日 (25000 = 2.5万)": seed000.助残日,
    "seed 000 孵化机构 (30000 = 3万)": seed000.孵化机构,
    "seed 000 基本康复 (300000 = 30万)": seed000.基本康复,
    "seed 000 数据更新 (50000 = 5万)": seed000.数据更新,
    "seed 000 人员工资 (cost line is words)": seed000.人员工资,
    "seed 000 换届 (所需经费 100000 = 10万)": seed000.换届,
    ...Object.fromEntries(Object.entries(seed003).map(([k, f]) => [`seed 003 ${k}`, f])),
  };
  for (const [label, make] of Object.entries(consistent)) {
    test(label, () => {
      expect(summary(check(FAMILY, [make()]))).toEqual([]);
    });
  }
});

/** A project with one cost block, for synthetic cases. */
function costProject(budget: number, cost: Row[], extra: Row[] = [], statedUnit: "万元" | "元" = "万元") {
  return project({
    name: "测试项目",
    budget,
    statedUnit,
    rows: [...extra, ...cost.map((r): Row => ["产出指标", "成本指标", r[2], r[3], r[4]]), ...TAIL],
  });
}
const c = (name: string, value: string, target: Row[4]): Row => ["产出指标", "成本指标", name, value, target];
const n = (name: string, value: string, target: Row[4]): Row => ["产出指标", "数量指标", name, value, target];

describe("more consistent projects stay silent (precision)", () => {
  const cases: [string, () => ReturnType<typeof costProject>][] = [
    ["bare amount in the stated unit equal to the budget", () => costProject(15, [c("项目经费", "15", q("=", 15, null))])],
    ["bare 元 amount in a 元 table", () => costProject(15, [c("项目经费", "150000", q("=", 150000, null))], [], "元")],
    ["bare 万元 amount in a 元 table (by magnitude)", () => costProject(15, [c("项目经费", "15", q("=", 15, null))], [], "元")],
    [
      "amount within rounding (98.4 vs 98.40 + 0.3%)",
      () => costProject(98.4, [c("经费", "98.7万元", q("=", 98.7, "元", { scale: 10000 }))]),
    ],
    ["≤ budget for a sole line", () => costProject(50, [c("项目成本", "≤50万元", q("<=", 50, "元", { scale: 10000 }))])],
    ["≤ above the budget for a sole line", () => costProject(50, [c("项目成本", "≤60万元", q("<=", 60, "元", { scale: 10000 }))])],
    [
      "≥ unit cost × ≥ count below the budget",
      () => costProject(40, [c("保险单价", "60元/人", q("=", 60, "元", { per: "人" }))], [n("参保人数", "≥6000人", q(">=", 6000, "人"))]),
    ],
    [
      "unit cost × count = budget exactly",
      () => costProject(15, [c("改造补助", "每户2500元", q("=", 2500, "元", { per: "户" }))], [n("改造户数", "60户", q("=", 60, "户"))]),
    ],
    [
      "unit cost per 名 × count in 人",
      () => costProject(3, [c("补助标准", "500元/名", q("=", 500, "元", { per: "名" }))], [n("补助人数", "60人", q("=", 60, "人"))]),
    ],
    [
      "≤ unit cost × ≥ count (no bound on the product)",
      () =>
        costProject(
          746.8,
          [c("采购单价", "≤0.2万元/台", q("<=", 0.2, "元", { scale: 10000, per: "台" }))],
          [n("采购数量", "≥1000台", q(">=", 1000, "台"))],
        ),
    ],
    [
      "unit cost with no matching count",
      () => costProject(10, [c("补助标准", "300元/次", q("=", 300, "元", { per: "次" }))], [n("服务人数", "100人", q("=", 100, "人"))]),
    ],
    [
      "unit cost per day (days unknown)",
      () => costProject(10, [c("伙食补助", "40元/天", q("=", 40, "元", { per: "天" }))], [n("参训人数", "300人", q("=", 300, "人"))]),
    ],
    [
      "two exact lines adding up to the budget",
      () =>
        costProject(8.4, [
          c("宣传费", "1.5万元", q("=", 1.5, "元", { scale: 10000 })),
          c("招聘会", "6.9万元", q("=", 6.9, "元", { scale: 10000 })),
        ]),
    ],
    [
      "lines with a named total equal to the budget",
      () =>
        costProject(217.7, [
          c("设备维护费", "≤1万元", q("<=", 1, "元", { scale: 10000 })),
          c("项目总预算", "≤217.7万元", q("<=", 217.7, "元", { scale: 10000 })),
        ]),
    ],
    ["a cost-control rate is not money", () => costProject(10, [c("成本控制率", "≤100%", q("<=", 100, "%"))])],
    ["a bare rate under 成本 is not money", () => costProject(10, [c("预算执行率", "100", q("=", 100, null))])],
    [
      "per-unit named in the name, bare value (ambiguous: silent)",
      () => costProject(35, [c("人均经费标准", "50000", q("=", 50000, null))], [n("人数", "7人", q("=", 7, "人"))]),
    ],
    [
      "a monthly unit cost (×12 assumed) that fits",
      () =>
        costProject(
          120,
          [c("生活补贴", "100元/人(月)", q("=", 100, "元", { per: "人", perPeriod: "月" }))],
          [n("补贴人数", "1000人", q("=", 1000, "人"))],
        ),
    ],
    [
      "2021 layout: social cost indicators are not money",
      () =>
        project({
          name: "2021模板项目",
          budget: 20,
          rows: [
            ["产出指标", "数量指标", "培训人数", "200人", q("=", 200, "人")],
            ["成本指标", "经济成本指标", "培训费用", "≤20万元", q("<=", 20, "元", { scale: 10000 })],
            ["成本指标", "社会成本指标", "对社会的负面影响", "无", { kind: "qualitative", text: "无", polarity: "none" }],
            ...TAIL,
          ],
        }),
    ],
  ];
  for (const [label, make] of cases) {
    test(label, () => {
      expect(summary(loud(check(FAMILY, [make()])))).toEqual([]);
    });
  }
});

describe("synthetic mismatches", () => {
  test("a named total that differs from the budget is an error either way", () => {
    const low = check(FAMILY, [costProject(10, [c("项目总预算", "8万元", q("=", 8, "元", { scale: 10000 }))])]);
    expect(low.map((f) => [f.rule, f.severity])).toEqual([["cost-budget-mismatch/stated-total", "error"]]);
    const high = check(FAMILY, [costProject(10, [c("所需经费", "12万元", q("=", 12, "元", { scale: 10000 }))])]);
    expect(high.map((f) => [f.rule, f.severity])).toEqual([["cost-budget-mismatch/stated-total", "error"]]);
  });

  test("a named ≤ total below the budget is only a warning", () => {
    const f = check(FAMILY, [costProject(10, [c("项目总额", "≤8万元", q("<=", 8, "元", { scale: 10000 }))])]);
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
  });

  test("absolute lines summing above the budget", () => {
    const f = check(FAMILY, [
      costProject(8.4, [
        c("宣传费", "2.5万元", q("=", 2.5, "元", { scale: 10000 })),
        c("招聘会", "6.9万元", q("=", 6.9, "元", { scale: 10000 })),
      ]),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "cost-budget-mismatch/cost-lines-sum", severity: "error", numbers: { actual: 9.4, expected: 8.4 } });
    expect(f[0].cells).toHaveLength(3);
  });

  test("absolute lines well below the budget: warning; slightly below: info (threshold configurable)", () => {
    const mk = (a: number, b: number) =>
      costProject(10, [c("甲", `${a}万元`, q("=", a, "元", { scale: 10000 })), c("乙", `${b}万元`, q("=", b, "元", { scale: 10000 }))]);
    expect(check(FAMILY, [mk(2, 3)]).map((f) => f.severity)).toEqual(["warning"]);
    expect(check(FAMILY, [mk(4, 5)]).map((f) => f.severity)).toEqual(["info"]);
    const t = { config: { thresholds: { "money.belowBudgetRatio": 0.95 } } };
    expect(check(FAMILY, [mk(4, 5)], t).map((f) => f.severity)).toEqual(["warning"]);
  });

  test("≥ lines: the smallest possible sum counts", () => {
    const f = check(FAMILY, [
      costProject(10, [c("甲", "≥6万元", q(">=", 6, "元", { scale: 10000 })), c("乙", "≥5万元", q(">=", 5, "元", { scale: 10000 }))]),
    ]);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["cost-budget-mismatch/cost-lines-sum", "error"]]);
  });

  test("upper bounds (≤) whose caps together exceed the budget: warning, not error", () => {
    const w = (v: number) => q("<=", v, "元", { scale: 10000 });
    const f = check(FAMILY, [
      costProject(98.4, [
        c("人员经费", "≤38.2万元", w(38.2)),
        c("办公经费", "≤4.7万元", w(4.7)),
        c("物业费", "≤50.4万元", w(50.4)),
        c("维修费", "≤10万元", w(10)),
      ]),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "cost-budget-mismatch/cost-lines-sum",
      severity: "warning",
      project: "测试项目",
      numbers: { expected: 98.4, actual: 103.3, difference: 4.9, unit: "万元" },
    });
    expect(f[0].message).toContain("成本指标上限合计103.3万元");
    expect(f[0].message).toContain("超过预算数98.4万元");
    expect(f[0].message).toContain("多4.9万元");
    expect(f[0].cells.map((x) => x.text)).toEqual(["≤38.2万元", "≤4.7万元", "≤50.4万元", "≤10万元", "98.40"]);
  });

  test("= amounts plus ≤ bounds over the budget: warning; the = amounts alone over it stay an error", () => {
    const capped = check(FAMILY, [
      costProject(10, [c("甲", "6万元", q("=", 6, "元", { scale: 10000 })), c("乙", "≤5万元", q("<=", 5, "元", { scale: 10000 }))]),
    ]);
    expect(capped.map((x) => [x.rule, x.severity, x.numbers?.actual])).toEqual([["cost-budget-mismatch/cost-lines-sum", "warning", 11]]);
    const over = check(FAMILY, [
      costProject(10, [c("甲", "11万元", q("=", 11, "元", { scale: 10000 })), c("乙", "≤5万元", q("<=", 5, "元", { scale: 10000 }))]),
    ]);
    expect(over.map((x) => [x.rule, x.severity, x.numbers?.actual])).toEqual([["cost-budget-mismatch/cost-lines-sum", "error", 11]]);
  });

  test("upper bounds that fit the budget, within rounding, or with a ≥ line (no cap) stay silent", () => {
    const w = (v: number) => q("<=", v, "元", { scale: 10000 });
    // seed 003 project 1: ≤38.2 + ≤4.7 + ≤3.1 + ≤50.4 + ≤2 = 98.4 = the budget
    const exact = costProject(98.4, [
      c("甲", "≤38.2万元", w(38.2)),
      c("乙", "≤4.7万元", w(4.7)),
      c("丙", "≤3.1万元", w(3.1)),
      c("丁", "≤50.4万元", w(50.4)),
      c("戊", "≤2万元", w(2)),
    ]);
    expect(summary(loud(check(FAMILY, [exact])))).toEqual([]);
    const rounding = costProject(98.4, [c("甲", "≤48.3万元", w(48.3)), c("乙", "≤50.3万元", w(50.3))]);
    expect(summary(loud(check(FAMILY, [rounding])))).toEqual([]);
    const floor = costProject(10, [c("甲", "≥2万元", q(">=", 2, "元", { scale: 10000 })), c("乙", "≤9万元", w(9))]);
    expect(summary(loud(check(FAMILY, [floor])))).toEqual([]);
  });

  test("below-budget is not claimed when some cost is a unit cost", () => {
    const f = check(FAMILY, [
      costProject(
        21,
        [c("改造补助", "每户2500元", q("=", 2500, "元", { per: "户" })), c("管理费", "1万元", q("=", 1, "元", { scale: 10000 }))],
        [n("改造户数", "80户", q("=", 80, "户"))],
      ),
    ]);
    expect(summary(f)).toEqual([]);
  });

  test("a sole unit cost × count well below the budget is a warning", () => {
    const f = check(FAMILY, [
      costProject(15, [c("改造补助", "每户2500元", q("=", 2500, "元", { per: "户" }))], [n("改造户数", "20户", q("=", 20, "户"))]),
    ]);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["cost-budget-mismatch/unit-cost-times-quantity", "warning"]]);
  });

  test("a monthly unit cost counted 12 times exceeds the budget: warning, since a year is assumed", () => {
    const f = check(FAMILY, [
      costProject(
        100,
        [c("生活补贴", "100元/人(月)", q("=", 100, "元", { per: "人", perPeriod: "月" }))],
        [n("补贴人数", "1000人", q("=", 1000, "人"))],
      ),
    ]);
    expect(f.map((x) => [x.rule, x.severity, x.numbers?.actual])).toEqual([
      ["cost-budget-mismatch/unit-cost-times-quantity", "warning", 120],
    ]);
  });

  test("unit cost × count above the line's own amount (40元/天 style compound)", () => {
    const f = check(FAMILY, [
      costProject(
        100,
        [
          c("补助", "500元/人，≤10000元", {
            kind: "compound",
            parts: [q("=", 500, "元", { per: "人" }), q("<=", 10000, "元")],
          }),
        ],
        [n("补助人数", "40人", q("=", 40, "人"))],
      ),
    ]);
    expect(f.map((x) => x.rule)).toContain("cost-budget-mismatch/unit-cost-times-quantity");
    expect(f.find((x) => x.rule.endsWith("unit-cost-times-quantity"))!.message).toContain("同一指标");
  });

  test("a bare amount implausible in both 元 and 万元 is a warning, never an error", () => {
    // 5万 budget: 500 as 元 is 1% … below the plausible window only when the window is narrowed
    const f = check(FAMILY, [costProject(5, [c("经费", "500", q("=", 500, null))])], {
      config: { thresholds: { "money.bareAmountMinRatio": 0.05 } },
    });
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["cost-budget-mismatch/stated-total", "warning"]]);
    expect(f[0].message).toContain("未注明单位");
  });

  test("a unit given in the name wins over magnitude: 所需费用(万) | ≤3", () => {
    const ok = check(FAMILY, [costProject(3, [c("残疾人培训所需费用(万)", "≤3", q("<=", 3, null))])]);
    expect(summary(ok)).toEqual([]);
    const over = check(FAMILY, [costProject(3, [c("残疾人培训所需费用(万)", "5", q("=", 5, null))])]);
    expect(over.map((x) => x.severity)).toEqual(["error"]);
  });

  test("no budget, no money findings", () => {
    const p = costProject(10, [c("项目总预算", "8万元", q("=", 8, "元", { scale: 10000 }))]);
    p.budget.total = null;
    expect(check(FAMILY, [p])).toEqual([]);
  });
});

describe("multi-year projects", () => {
  test("a named total above one year's budget is a warning when the project runs several years", () => {
    const p = costProject(15, [c("项目总预算", "45万元", q("=", 45, "元", { scale: 10000 }))]);
    expect(check(FAMILY, [p]).map((f) => f.severity)).toEqual(["error"]);
    p.period = "3年";
    const f = check(FAMILY, [p]);
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(f[0].message).toContain("多年期");
    // 项目期限 1年 wins over a 多年期延续性项目 category
    p.period = "1年";
    p.category = "03-多年期延续性项目";
    expect(check(FAMILY, [p]).map((x) => x.severity)).toEqual(["error"]);
  });
});

import { describe, expect, test } from "vitest";
import { doc, project, q, qual, TAIL, type Row } from "./factory.ts";
import { check } from "./helpers.ts";
import { seed000, seed002扶贫基地, seed003, seed004 } from "./seed-projects.ts";
import { validate } from "../../src/validate/index.ts";

const cost: Row = ["产出指标", "成本指标", "项目经费", "≤10万元", q("<=", 10, "元", { scale: 10000 })];
const count: Row = ["产出指标", "数量指标", "培训人数", "100人", q("=", 100, "人")];

describe("taxonomy/missing-level1", () => {
  const rule = "taxonomy/missing-level1";
  test("passes on complete tables", () => {
    expect(check(rule, [seed000.无障碍改造(), seed003.园区运行()])).toEqual([]);
  });
  test("reports a table without 效益 and 满意度", () => {
    const f = check(rule, [project({ name: "甲", budget: 10, rows: [count, cost] })]);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("效益指标、满意度指标");
  });
  test("reports a table with no indicators at all", () => {
    expect(check(rule, [project({ name: "甲", budget: 10 })]).map((f) => f.message)).toEqual(["项目没有任何绩效指标。"]);
  });
});

describe("taxonomy/level2-under-wrong-level1", () => {
  const rule = "taxonomy/level2-under-wrong-level1";
  test("passes on the old and the 2021 layout", () => {
    const l2021 = project({
      name: "乙",
      budget: 10,
      rows: [count, ["成本指标", "经济成本指标", "经费", "≤10万元", q("<=", 10, "元", { scale: 10000 })], ...TAIL],
    });
    expect(check(rule, [seed000.无障碍改造(), l2021])).toEqual([]);
  });
  test("reports 数量指标 under 效益指标, once per group", () => {
    const rows: Row[] = [
      ["效益指标", "数量指标", "受益人数", "100人", q("=", 100, "人")],
      ["效益指标", "数量指标", "受益户数", "50户", q("=", 50, "户")],
      ...TAIL,
    ];
    const f = check(rule, [project({ name: "甲", budget: 10, rows })]);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("产出指标");
  });
});

describe("taxonomy/no-cost-indicator", () => {
  const rule = "taxonomy/no-cost-indicator";
  test("passes when a cost indicator exists (either layout)", () => {
    expect(check(rule, [seed000.无障碍改造(), seed003.园区运行()])).toEqual([]);
  });
  test("reports seed 002's tables, which have none", () => {
    expect(check(rule, [seed002扶贫基地()]).map((f) => f.severity)).toEqual(["warning"]);
  });
});

describe("taxonomy/level-label-as-name", () => {
  const rule = "taxonomy/level-label-as-name";
  test("passes on real names, including the short 服务对象满意度", () => {
    const rows: Row[] = [count, cost, ...TAIL, ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", q(">=", 90, "%")]];
    expect(check(rule, [project({ name: "甲", budget: 10, rows })])).toEqual([]);
  });
  test("reports 可持续影响指标 used as a name (seed 004's shifted row)", () => {
    const rows: Row[] = [["效益指标", "可持续影响指标", "可持续影响指标", "改善残疾人生活状况", qual("改善残疾人生活状况")]];
    const f = check(rule, [project({ name: "甲", budget: 10, rows })]);
    expect(f).toHaveLength(1);
    expect(f[0].cells[0].text).toBe("可持续影响指标");
  });
  test("applies to department tables too", () => {
    const d = seed004();
    d.indicators.push({ ...d.indicators[0], level2: "满意度指标", name: "满意度指标", value: "", target: { kind: "empty" } });
    const f = validate(doc([], { departments: [d] }), { enable: [rule] });
    expect(f.map((x) => x.kind)).toEqual(["department"]);
  });
});

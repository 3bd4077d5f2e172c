import { describe, expect, test } from "vitest";
import { validate } from "../../src/validate/index.ts";
import { goalNumbers } from "../../src/validate/rules/consistency/goal-vs-indicator.ts";
import { doc, project, q, TAIL, type Row } from "./factory.ts";
import { check } from "./helpers.ts";
import { seed000, seed003, seed004 } from "./seed-projects.ts";

const rule = "consistency/goal-vs-indicator";

test("goal numbers: counts with units, not months, ages, ordinals or years", () => {
  const g = goalNumbers("为0-6岁儿童、3个月内、第5次、2023年为1,200名残疾人和80户家庭及21个中心服务，5万人次");
  expect(g.map((x) => [x.value, x.unit])).toEqual([
    [1200, "名"],
    [80, "户"],
    [21, "个"],
    [50000, "人次"],
  ]);
});

describe("consistency/goal-vs-indicator", () => {
  test("catches seed 000: goal 6000名 vs indicator 大于等于8000人", () => {
    const f = check(rule, [seed000.意外伤害保险()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", numbers: { expected: 6000, actual: 8000, difference: 2000 } });
    expect(f[0].message).toContain("6000名");
    expect(f[0].cells.map((c) => c.text)).toContain("大于等于8000人");
  });

  test("silent when the goal agrees (80户 = 80 under 户数; 91名 meets ≥91人; 5个; 200例)", () => {
    expect(check(rule, [seed000.无障碍改造(), seed000.组织建设(), seed000.专门协会(), seed003.助听器()])).toEqual([]);
  });

  test("silent on seed 004's department goal (240户, 21个, 448名 vs 残疾人培训人数(人) 448)", () => {
    expect(validate(doc([], { departments: [seed004()] }), { enable: [rule] })).toEqual([]);
  });

  test("a goal number that meets the operator agrees (goal 8000, indicator ≥6000)", () => {
    const rows: Row[] = [["产出指标", "数量指标", "参保人数", "≥6000人", q(">=", 6000, "人")], ...TAIL];
    expect(check(rule, [project({ name: "甲", budget: 40, goal: "为8000名残疾人参保", rows })])).toEqual([]);
  });

  test("an unrelated count of the same unit with no shared words is not compared", () => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "培训人数", "≥100人", q(">=", 100, "人")],
      ["产出指标", "数量指标", "康复人数", "≥50人", q(">=", 50, "人")],
      ...TAIL,
    ];
    expect(check(rule, [project({ name: "甲", budget: 40, goal: "全市持证残疾人共5000人，年度计划做好服务", rows })])).toEqual([]);
  });
});

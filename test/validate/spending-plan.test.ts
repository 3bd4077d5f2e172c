import { describe, expect, test } from "vitest";
import { project, TAIL } from "./factory.ts";
import { check } from "./helpers.ts";

const plan = (values: (number | null)[], labels?: string[]) =>
  project({ name: "测试项目", budget: 10, plan: values, planLabels: labels, rows: TAIL });

describe("spending-plan/not-increasing", () => {
  const rule = "spending-plan/not-increasing";
  test("passes on cumulative plans, empty entries and per-quarter shares", () => {
    for (const v of [
      [25, 50, 75, 100],
      [null, null, null, 100],
      [null, 50, null, 100],
      [25, 25, 25, 25],
      [10, 40, 30, 20],
    ]) {
      expect(check(rule, [plan(v)])).toEqual([]);
    }
  });
  test("reports a plan that falls", () => {
    const f = check(rule, [plan([30, 60, 50, 100])]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", numbers: { expected: 60, actual: 50 } });
    expect(f[0].cells.map((c) => c.text)).toEqual(["60.00", "50.00"]);
  });
});

describe("spending-plan/not-ending-at-100", () => {
  const rule = "spending-plan/not-ending-at-100";
  test("passes when the year ends at 100 (or shares add to 100)", () => {
    for (const v of [
      [25, 50, 75, 100],
      [null, null, null, 100],
      [null, null, 100, null],
      [25, 25, 25, 25],
    ]) {
      expect(check(rule, [plan(v)])).toEqual([]);
    }
    expect(check(rule, [project({ name: "无计划", budget: 1, rows: TAIL })])).toEqual([]);
  });
  test("reports a plan stopping at 80, and an entry over 100 as an error", () => {
    expect(check(rule, [plan([20, 40, 60, 80])]).map((f) => [f.severity, f.numbers?.actual])).toEqual([["warning", 80]]);
    expect(check(rule, [plan([20, 40, 60, 120])]).map((f) => f.severity)).toEqual(["error"]);
  });
  test("does not demand 100 when the last column is not the year end", () => {
    expect(check(rule, [plan([20, 40], ["3月底", "6月底"])])).toEqual([]);
  });
});

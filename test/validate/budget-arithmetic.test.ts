import { describe, expect, test } from "vitest";
import { validate } from "../../src/validate/index.ts";
import { department, doc, project, TAIL } from "./factory.ts";
import { summary } from "./helpers.ts";
import { seed004 } from "./seed-projects.ts";

const run = (d: ReturnType<typeof doc>, rule: string) => validate(d, { enable: [rule] });

describe("budget-arithmetic/fiscal-plus-other", () => {
  const rule = "budget-arithmetic/fiscal-plus-other";
  test("passes: 预算数 98.40 = 财政资金 98.40 + empty 其他资金; 20.11 = 20 + 0.11", () => {
    const d = doc([
      project({ name: "甲", budget: 98.4, fiscal: 98.4, other: null, rows: TAIL }),
      project({ name: "乙", budget: 20.11, fiscal: 20, other: 0.11, rows: TAIL }),
      project({ name: "丙", budget: 337.4, fiscal: null, other: 337.4, rows: TAIL }),
    ]);
    expect(summary(run(d, rule))).toEqual([]);
  });

  test("fails: 预算数 105 ≠ 100 + 3", () => {
    const f = run(doc([project({ name: "甲", budget: 105, fiscal: 100, other: 3, rows: TAIL })]), rule);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", numbers: { expected: 105, actual: 103, difference: -2, unit: "万元" } });
    expect(f[0].cells.map((c) => c.text)).toEqual(["105.00", "100.00", "3.00"]);
  });
});

describe("budget-arithmetic/total-row", () => {
  const rule = "budget-arithmetic/total-row";
  const ps = () => [project({ name: "甲", budget: 10.5 }), project({ name: "乙", budget: 20.25 })];
  test("passes when the 合计 row equals its members", () => {
    const d = doc(ps(), { totals: [{ label: "合计", amount: 30.75, raw: "30.75", at: { table: 0, row: 1, col: 2 }, members: [0, 1] }] });
    expect(run(d, rule)).toEqual([]);
  });
  test("fails when it does not, as a document-level finding", () => {
    const d = doc(ps(), { totals: [{ label: "合计", amount: 40, raw: "40.00", at: { table: 0, row: 1, col: 2 }, members: [0, 1] }] });
    const f = run(d, rule);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: "document", project: null, projectIndex: null, numbers: { expected: 40, actual: 30.75 } });
  });
});

describe("budget-arithmetic/department-parts", () => {
  const rule = "budget-arithmetic/department-parts";
  test("passes on seed 004: 278.55 + 995.17 = 1273.72 = 财政拨款", () => {
    expect(run(doc([], { departments: [seed004()] }), rule)).toEqual([]);
  });
  test("fails when basic + project ≠ total and when income ≠ total", () => {
    const d = doc([], {
      departments: [department({ name: "某部门", basic: 278.55, project: 900, total: 1273.72, fiscal: 1200, other: 10 })],
    });
    const f = run(d, rule);
    expect(f.map((x) => x.kind)).toEqual(["department", "department"]);
    expect(f[0].numbers).toMatchObject({ expected: 1273.72, actual: 1178.55 });
    expect(f[1].numbers).toMatchObject({ expected: 1273.72, actual: 1210 });
  });
});

describe("budget-arithmetic/task-amounts", () => {
  const rule = "budget-arithmetic/task-amounts";
  test("passes on seed 004: tasks total 125.9 ≤ 项目支出 995.17", () => {
    expect(run(doc([], { departments: [seed004()] }), rule)).toEqual([]);
  });
  test("fails when one task exceeds the project spending", () => {
    const d = doc([], {
      departments: [
        department({
          name: "某部门",
          project: 50,
          total: 80,
          tasks: [
            ["甲", 60],
            ["乙", 5],
          ],
        }),
      ],
    });
    const f = run(d, rule);
    expect(f.map((x) => [x.severity, x.numbers?.actual])).toEqual([["error", 60]]);
  });
  test("tasks together above project spending but within the total: warning", () => {
    const d = doc([], {
      departments: [
        department({
          name: "某部门",
          project: 50,
          total: 80,
          tasks: [
            ["甲", 30],
            ["乙", 30],
          ],
        }),
      ],
    });
    expect(run(d, rule).map((x) => x.severity)).toEqual(["warning"]);
  });
});

import { describe, expect, test } from "vitest";
import { gluedRange } from "../../src/validate/rules/value-format/glued-range.ts";
import { project, q, qual, range, TAIL, unparsed, type Row } from "./factory.ts";
import { check, summary } from "./helpers.ts";
import { seed000, seed002康复用品, seed002扶贫基地, seed003 } from "./seed-projects.ts";

const p = (rows: Row[], extra: { name?: string; goal?: string } = {}) =>
  project({ name: extra.name ?? "测试项目", budget: 10, goal: extra.goal, rows });

describe("value-format/glued-range", () => {
  const rule = "value-format/glued-range";
  test("recognises 85100, 90100, 8090 and not years, counts or 100", () => {
    expect(gluedRange("85100")).toEqual({ low: 85, high: 100 });
    expect(gluedRange("90100%")).toEqual({ low: 90, high: 100 });
    expect(gluedRange("8090")).toEqual({ low: 80, high: 90 });
    for (const s of ["2023", "100", "14000", "65520", "90", "85-100", "9100", "95101"]) expect(gluedRange(s)).toBeNull();
  });
  test("catches seed 002's 85100 / 90100 (error on rates, warning elsewhere)", () => {
    const f = check(rule, [seed002扶贫基地(), seed002康复用品()]);
    expect(f.map((x) => [x.project, x.severity, x.cells[0].text])).toEqual([
      ["残疾人扶贫基地配套资金", "error", "85100"],
      ["残疾人扶贫基地配套资金", "error", "85100"],
      ["残疾人康复用品用具配备及免费体检", "error", "90100"],
      ["残疾人康复用品用具配备及免费体检", "error", "90100"],
      ["残疾人康复用品用具配备及免费体检", "warning", "90100"],
    ]);
    expect(f[0].message).toContain("85%-100%");
  });
  test("silent on counts that look alike", () => {
    const rows: Row[] = [["产出指标", "数量指标", "服务人次", "8090", q("=", 8090, null)], ...TAIL];
    expect(check(rule, [p(rows), seed003.园区运行()])).toEqual([]);
  });
});

describe("value-format/percent-over-100", () => {
  const rule = "value-format/percent-over-100";
  test("passes on ordinary percentages, growth rates and glued ranges (reported elsewhere)", () => {
    const rows: Row[] = [
      ["产出指标", "质量指标", "完成率", "90%-100%", range(90, 100)],
      ["效益指标", "经济效益指标", "收入增长率", "≥120%", q(">=", 120, "%")],
      ["产出指标", "数量指标", "服务人次", "14000", q("=", 14000, null)],
      ...TAIL,
    ];
    expect(check(rule, [p(rows), seed002康复用品()])).toEqual([]);
  });
  test("reports 292% satisfaction (OCR of ≥92%) and a bare 120 satisfaction", () => {
    const rows: Row[] = [
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "292%", q("=", 292, "%")],
      ["满意度指标", "服务对象满意度指标", "家属满意度", "120", q("=", 120, null)],
      ["效益指标", "社会效益指标", "宣传覆盖面", "150%", q("=", 150, "%")],
    ];
    const f = check(rule, [p(rows)]);
    expect(f.map((x) => [x.severity, x.numbers?.actual])).toEqual([
      ["error", 292],
      ["error", 120],
      ["warning", 150],
    ]);
  });
});

describe("value-format/unit-mismatch", () => {
  const rule = "value-format/unit-mismatch";
  test("passes on suitable units", () => {
    expect(check(rule, [seed000.无障碍改造(), seed003.助听器()])).toEqual([]);
  });
  test("reports 满意度 in 元, a deadline in 万元, and a cost in 户", () => {
    const rows: Row[] = [
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "500元", q("=", 500, "元")],
      ["产出指标", "时效指标", "完成时间", "5万元", q("=", 5, "元", { scale: 10000 })],
      ["产出指标", "成本指标", "改造成本", "80户", q("=", 80, "户")],
    ];
    const f = check(rule, [p(rows)]);
    expect(f.map((x) => x.cells[0].text)).toEqual(["500元", "5万元", "80户"]);
  });
});

describe("value-format/empty-value", () => {
  const rule = "value-format/empty-value";
  test("passes on filled values and 无 placeholder rows (seed 000 `21-经济效益 | 无`)", () => {
    expect(check(rule, [seed000.无障碍改造()])).toEqual([]);
  });
  test("reports an indicator with an empty value", () => {
    const rows: Row[] = [["产出指标", "数量指标", "培训人数", "", { kind: "empty" }], ...TAIL];
    expect(check(rule, [p(rows)]).map((x) => x.message)).toEqual(["指标“培训人数”没有填写指标值。"]);
  });
});

describe("value-format/template-leftover", () => {
  const rule = "value-format/template-leftover";
  test("passes on real text, including a single × or *", () => {
    const rows: Row[] = [["产出指标", "数量指标", "*培训人数", "2×50人", q("=", 100, "人")], ...TAIL];
    expect(check(rule, [p(rows), seed000.意外伤害保险()])).toEqual([]);
  });
  test("reports **, XX, ××× in values, names and the goal", () => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "培训人数", "**人", unparsed("**人")],
      ["产出指标", "质量指标", "XX合格率", "≥90%", q(">=", 90, "%")],
      ...TAIL,
    ];
    const f = check(rule, [p(rows, { goal: "为×××名残疾人提供服务" })]);
    expect(f.map((x) => x.message.match(/占位符“([^”]*)”/)?.[1])).toEqual(["×××", "**", "XX"]);
  });
});

describe("value-format/unparsed", () => {
  const rule = "value-format/unparsed";
  test("passes on typed values", () => {
    expect(check(rule, [seed000.无障碍改造()])).toEqual([]);
  });
  test("reports an unparsed value as info", () => {
    const rows: Row[] = [["产出指标", "质量指标", "验收", "符合中国残联及自治", unparsed("符合中国残联及自治")], ...TAIL];
    expect(summary(check(rule, [p(rows)])).map((s) => s.split(" ")[0])).toEqual(["info"]);
  });
});

test("qualitative values are not empty", () => {
  const rows: Row[] = [["效益指标", "社会效益指标", "社会效益", "较显著", qual("较显著", "significant")]];
  expect(check("value-format/empty-value", [p(rows)])).toEqual([]);
});

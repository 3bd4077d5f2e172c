import { describe, expect, test } from "vitest";
import { parseValue } from "../../src/interpret/value.ts";
import { date, project, q, qual, range, schedule, TAIL, unparsed, type Row } from "./factory.ts";
import { check } from "./helpers.ts";
import { seed000, seed002扶贫基地, seed003 } from "./seed-projects.ts";

const p = (rows: Row[]) => project({ name: "测试项目", budget: 10, rows });

describe("measurability/timeliness-not-date", () => {
  const rule = "measurability/timeliness-not-date";
  test("passes on dates, deadlines, periods and schedules, typed or not", () => {
    const rows: Row[] = [
      ["产出指标", "时效指标", "完成时间", "2023年底", date(2023, 12, null)],
      ["产出指标", "时效指标", "支付时限", "按月支付", schedule("月", "按月支付")],
      ["产出指标", "时效指标", "物业费支付时限", "规定期限内按季支付", unparsed("规定期限内按季支付")],
      ["产出指标", "时效指标", "办结时限", "15个工作日内", { kind: "duration", op: "<=", value: 15, unit: "工作日" }],
    ];
    expect(check(rule, [p(rows), seed003.园区运行(), seed000.无障碍改造()])).toEqual([]);
  });
  test("frequencies (每个工作日一次, 每月2次 …) read by the value grammar are schedules, not missing deadlines", () => {
    const values = ["每个工作日一次", "每周一次", "每月2次", "每季度开展一次", "每年1次"];
    const rows = values.map((v, i): Row => ["产出指标", "时效指标", `频次${i + 1}`, v, parseValue(v)]);
    expect(rows.map((r) => r[4].kind)).toEqual(values.map(() => "schedule"));
    expect(check(rule, [p(rows)])).toEqual([]);
  });
  test("warns on words without a time; a completion rate is info", () => {
    const f = check(rule, [seed000.人员工资(), seed002扶贫基地()]);
    expect(f.map((x) => [x.severity, x.cells[0].text])).toEqual([
      ["warning", "人大批复后按规定时间发放到位"],
      ["info", "85100"],
    ]);
    const rate = check(rule, [p([["产出指标", "时效指标", "完成率", "100", q("=", 100, null)]])]);
    expect(rate.map((x) => x.severity)).toEqual(["info"]);
  });
});

describe("measurability/vague-target", () => {
  const rule = "measurability/vague-target";
  test("passes on numbers, standards and verbal effect indicators", () => {
    const rows: Row[] = [
      ["产出指标", "质量指标", "验收标准", "符合国家标准", qual("符合国家标准")],
      ["产出指标", "质量指标", "合格率", "≥95%", q(">=", 95, "%")],
      ["效益指标", "社会效益指标", "社会氛围", "有所提高", qual("有所提高", "improve")],
      ...TAIL,
    ];
    expect(check(rule, [p(rows)])).toEqual([]);
  });
  test("warns on 有所提高 under 质量 and on a 数量 without a number", () => {
    const rows: Row[] = [
      ["产出指标", "数量指标", "覆盖范围", "全区", qual("全区")],
      ["产出指标", "质量指标", "服务能力", "进一步提升", qual("进一步提升", "improve")],
    ];
    expect(check(rule, [p(rows)]).map((x) => x.severity)).toEqual(["warning", "warning"]);
    expect(check(rule, [seed000.聘用人员()]).map((x) => x.cells[0].text)).toEqual(["有所提高"]);
  });
});

describe("measurability/satisfaction-not-percent", () => {
  const rule = "measurability/satisfaction-not-percent";
  test("passes on ≥90%, a bare ≥90 and a range", () => {
    const rows: Row[] = [
      ["满意度指标", "服务对象满意度指标", "甲满意度", "≥90%", q(">=", 90, "%")],
      ["满意度指标", "服务对象满意度指标", "乙满意度", "≥90", q(">=", 90, null)],
      ["满意度指标", "服务对象满意度指标", "丙满意度", "90%-100%", range(90, 100)],
    ];
    expect(check(rule, [p(rows)])).toEqual([]);
  });
  test("warns on 满意 / 较高 (never an error)", () => {
    const rows: Row[] = [
      ["满意度指标", "服务对象满意度指标", "群众满意度", "满意", qual("满意", "yes")],
      ["满意度指标", "服务对象满意度指标", "家属满意度", "较高", qual("较高")],
    ];
    expect(check(rule, [p(rows)]).map((x) => x.severity)).toEqual(["warning", "warning"]);
  });
});

describe("measurability/satisfaction-below-floor", () => {
  const rule = "measurability/satisfaction-below-floor";
  test("passes at or above the floor and ignores dissatisfaction rates", () => {
    const rows: Row[] = [
      ["满意度指标", "服务对象满意度指标", "满意度", "≥80%", q(">=", 80, "%")],
      ["满意度指标", "服务对象满意度指标", "不满意率", "≤5%", q("<=", 5, "%")],
    ];
    expect(check(rule, [p(rows)])).toEqual([]);
  });
  test("reports ≥60% as info; the floor is a threshold", () => {
    const rows: Row[] = [["满意度指标", "服务对象满意度指标", "满意度", "≥60%", q(">=", 60, "%")]];
    expect(check(rule, [p(rows)]).map((x) => x.severity)).toEqual(["info"]);
    expect(check(rule, [p(rows)], { config: { thresholds: { "satisfaction.floor": 50 } } })).toEqual([]);
  });
});

import { describe, expect, test } from "vitest";
import { defaultThresholds } from "../../src/validate/config.ts";
import {
  formatYuan,
  intervalOf,
  moneyTolerance,
  multiply,
  readBareAmount,
  readCostValue,
  wanToYuan,
  type MoneyContext,
} from "../../src/validate/money.ts";
import { statesTotal } from "../../src/validate/rules/cost-budget-mismatch/cost-lines.ts";
import { unitFamily, unitFromName } from "../../src/validate/units.ts";
import { indicators, q } from "./factory.ts";

const t = defaultThresholds();
const ctx = (budgetWan: number | null, statedUnit: "万元" | "元" = "万元"): MoneyContext => ({
  statedUnit,
  budgetYuan: budgetWan === null ? null : wanToYuan(budgetWan),
  thresholds: t,
});

describe("bare amounts are read by magnitude against the budget", () => {
  test.each([
    [6000, 3, "万元", 6000, "magnitude"],
    [302000, 16.8, "万元", 302000, "magnitude"],
    [350000, 35, "万元", 350000, "magnitude"],
    [15, 15, "万元", 150000, "stated"],
    [2.5, 30, "万元", 25000, "stated"],
    [150000, 15, "元", 150000, "stated"],
    [15, 15, "元", 150000, "magnitude"],
  ] as const)("%d with budget %d万 in a %s table → %d元 (%s)", (amount, budget, unit, yuan, basis) => {
    expect(readBareAmount(amount, ctx(budget, unit), null)).toEqual({ yuan, basis });
  });

  test("implausible in both units: candidates, not a guess", () => {
    const r = readBareAmount(500, { ...ctx(5), thresholds: { ...t, "money.bareAmountMinRatio": 0.05 } }, null);
    expect(r).toEqual({
      candidates: [
        { unit: "元", yuan: 500 },
        { unit: "万元", yuan: 5000000 },
      ],
    });
  });

  test("a unit in the name wins; no budget means the stated unit", () => {
    expect(readBareAmount(3, ctx(3), "万元")).toEqual({ yuan: 30000, basis: "name" });
    expect(readBareAmount(6000, ctx(3), "元")).toEqual({ yuan: 6000, basis: "name" });
    expect(readBareAmount(6000, ctx(null), null)).toEqual({ yuan: 60000000, basis: "stated" });
  });
});

describe("cost values", () => {
  const read = (name: string, value: string, target: ReturnType<typeof q>, budget = 10) =>
    readCostValue(indicators([["产出指标", "成本指标", name, value, target]], 0)[0], ctx(budget));

  test("≤38.2万元 is [0, 382000]; 2万 is 20000; 65520元 is exact", () => {
    expect(read("采暖费", "≤38.2万元", q("<=", 38.2, "元", { scale: 10000 }))[0]).toMatchObject({
      kind: "absolute",
      interval: { min: 0, max: 382000 },
      basis: "explicit",
    });
    expect(read("经费", "2万", q("=", 2, null, { scale: 10000 }))[0]).toMatchObject({ interval: { min: 20000, max: 20000 } });
    expect(read("补贴", "65520元", q("=", 65520, "元"))[0]).toMatchObject({ interval: { min: 65520, max: 65520 } });
  });

  test("a parser that keeps 万元 as the unit is read the same", () => {
    expect(read("经费", "≤5万元", q("<=", 5, "万元"))[0]).toMatchObject({ interval: { max: 50000 } });
    expect(read("经费", "≤5万元", q("<=", 5, "万元", { scale: 10000 }))[0]).toMatchObject({ interval: { max: 50000 } });
  });

  test("unit costs, per-period amounts, rates and counts", () => {
    expect(read("改造补助", "每户2500元", q("=", 2500, "元", { per: "户" }))[0]).toMatchObject({ kind: "unit-cost", per: "户" });
    expect(read("补助", "≤10000元/年", q("<=", 10000, "元", { perPeriod: "年" }))[0]).toMatchObject({ kind: "absolute" });
    expect(read("伙食", "40元/天", q("=", 40, "元", { perPeriod: "天" }))[0]).toMatchObject({ kind: "unit-cost", per: "天" });
    expect(read("成本控制率", "≤100%", q("<=", 100, "%"))[0]).toEqual({ kind: "not-money" });
    expect(read("预算执行率", "100", q("=", 100, null))[0]).toEqual({ kind: "not-money" });
    expect(read("改造户数", "80户", q("=", 80, "户"))[0]).toEqual({ kind: "not-money" });
  });

  test("a per-unit name with a bare value is unknown: 每人每年5万元经费保障 | 350000", () => {
    expect(read("每人每年5万元经费保障", "350000", q("=", 350000, null), 35)[0]).toMatchObject({ kind: "unknown" });
    expect(read("劳务费经费年人均", "≤12.5万元/年", q("<=", 12.5, "元", { scale: 10000, perPeriod: "年" }), 217.7)[0]).toMatchObject({
      kind: "unknown",
    });
  });
});

test("intervals, tolerance, formatting", () => {
  expect(intervalOf(">=", 8000)).toEqual({ min: 8000, max: Infinity });
  expect(multiply(intervalOf("=", 60), intervalOf(">=", 8000))).toEqual({ min: 480000, max: Infinity });
  expect(multiply(intervalOf("<=", 2000), intervalOf(">=", 1000))).toEqual({ min: 0, max: Infinity });
  expect(moneyTolerance(150000, t)).toBe(750);
  expect(moneyTolerance(100, t)).toBe(1);
  expect(formatYuan(200000)).toBe("20万元");
  expect(formatYuan(2500)).toBe("2500元");
});

test("names that state the project total", () => {
  for (const n of ["项目总预算", "项目总预算金额", "项目金额", "所需经费", "项目支出总预算", "资金总额", "项目资金"])
    expect(statesTotal(n)).toBe(true);
  for (const n of [
    "特奥日项目经费不超过预算",
    "培训经费",
    "物业费预算资金",
    "残疾人培训所需费用(万)",
    "发放人员经费总额",
    "奖励发放金额",
  ]) {
    expect(statesTotal(n)).toBe(false);
  }
});

test("units: 人 = 名, units implied by names", () => {
  expect(unitFamily("名")).toBe(unitFamily("人"));
  expect(unitFamily("人次")).not.toBe(unitFamily("人"));
  expect(unitFromName("困难残疾人家庭进行无障碍改造户数")).toBe("户");
  expect(unitFromName("残疾人培训人数(人)")).toBe("人");
  expect(unitFromName("精神残疾人接受门诊发药人次")).toBe("人次");
  expect(unitFromName("社区康园中心个数(个)")).toBe("个");
  expect(unitFromName("项目完成数量")).toBeNull();
});

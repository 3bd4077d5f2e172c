/** Budget amount cells, the unit a table states its amounts in, and conversion to 万元. */
import { describe, expect, it } from "vitest";
import { detectAmountUnit, parseAmount, readAmount, toWanYuan } from "../../src/interpret/amount.ts";

describe("parseAmount / readAmount", () => {
  it.each([
    ["98.40", 98.4, null],
    ["2.000000", 2, null],
    ["15.000000", 15, null],
    ["1,273.72", 1273.72, null],
    ["1，273.72", 1273.72, null],
    ["１２.５", 12.5, null],
    [" 20.00 ", 20, null],
    ["20.00\n", 20, null],
    ["0", 0, null],
    ["0.00", 0, null],
    ["98.", 98, null],
    ["-5.00", -5, null],
    ["15万元", 15, "万元"],
    ["15万", 15, "万元"],
    ["65520元", 65520, "元"],
    ["65,520 元", 65520, "元"],
    ["1.5亿元", 1.5, "亿元"],
    ["¥100", 100, null],
    ["￥1,000.50元", 1000.5, "元"],
  ] as const)("%j → %s", (raw, value, unit) => {
    expect(parseAmount(raw)).toBe(value);
    expect(readAmount(raw)).toStrictEqual({ value, unit });
  });

  it.each(["", "   ", "—", "——", "-", "－", "/", "无", "abc", "12,34", "1.2.3", "万元", "约20", "20-30"])("%j → null", (raw) => {
    expect(parseAmount(raw)).toBeNull();
    expect(readAmount(raw)).toBeNull();
  });
});

describe("detectAmountUnit", () => {
  it.each([
    [["单位：万元"], "万元"],
    [["单位:元"], "元"],
    [["金额单位：元"], "元"],
    [["(单位：万元)"], "万元"],
    [["（单位：万元）"], "万元"],
    [["单位（万元）"], "万元"],
    [["单位： 万元"], "万元"],
    [["单位：人民币元"], "元"],
    [["563201天津市残疾人康复服务指导中心", "单位：万元"], "万元"],
    [["填报单位：北戴河区残联  单位：万元"], "万元"],
    [["部门项目支出预算绩效目标表", "单位：元"], "元"],
    // The statement nearest the table (the last) wins.
    [["单位：元", "2、下一张表", "单位：万元"], "万元"],
  ] as const)("%j → %s", (lines, unit) => {
    expect(detectAmountUnit([...lines])).toBe(unit);
  });

  it.each([
    [[]],
    [["实施单位：银川市金凤区残疾人联合会"]],
    [["单位名称：廉江市残疾人联合会"]],
    [["单位：元/人"]],
    [["主管单位：元宝山区残联"]],
    [["项目名称 残疾人就业保障金支出项目"]],
    [["金额(万元)"]],
  ] as const)("%j → null", (lines) => {
    expect(detectAmountUnit([...lines])).toBeNull();
  });
});

describe("toWanYuan", () => {
  it.each([
    [65520, "元", 6.552],
    [12345.67, "元", 1.234567],
    [98.4, "万元", 98.4],
    [98.4, null, 98.4],
    [1.5, "亿元", 15000],
    [500, "千元", 50],
    [0, "元", 0],
  ] as const)("%s %s → %s 万元", (value, unit, wan) => {
    expect(toWanYuan(value, unit)).toBe(wan);
  });

  it("round-trips a parsed cell", () => {
    const a = readAmount("65,520元")!;
    expect(toWanYuan(a.value, a.unit)).toBe(6.552);
  });
});

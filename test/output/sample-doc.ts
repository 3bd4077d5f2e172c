/**
 * A hand-built Document for writer tests: Chinese text, a comma, a quote and a line break inside cells,
 * a project with indicators, one without, and a department table.
 */
import { DocumentSchema } from "../../src/model/schema.ts";
import type { Document, Indicator } from "../../src/model/types.ts";

const at = (row: number, col: number) => ({ page: 2, table: 1, row, col });

function indicator(over: Partial<Indicator>): Indicator {
  return {
    level1: "产出指标",
    level1Label: "1-产出指标",
    level2: "数量指标",
    level2Label: "11-数量指标",
    name: "补助人数",
    description: null,
    value: "≥1000人",
    basis: null,
    target: { kind: "quantity", op: ">=", value: 1000, scale: 1, unit: "人", per: null },
    at: { name: at(5, 2), value: at(5, 3) },
    ...over,
  };
}

export function sampleDocument(path = "docs/示例.pdf"): Document {
  const doc: Document = {
    source: { path, format: "pdf", sha256: "0".repeat(64), pages: 3 },
    projects: [
      {
        title: '1.残疾人康复项目，2023年"重点"绩效目标表',
        name: "残疾人康复项目",
        code: "0101",
        department: "天津市残疾人联合会",
        unit: "天津市残疾人康复服务指导中心",
        unitCode: "563201",
        category: "一年期项目",
        period: "2023年",
        office: null,
        budget: { total: 98.4, fiscal: 98.4, other: null, statedUnit: "万元" },
        purpose: "保障康复中心运行",
        goal: "第一行\n第二行",
        spendingPlan: null,
        indicators: [
          indicator({}),
          indicator({
            level2: "成本指标",
            level2Label: "成本指标",
            name: "单台设备成本",
            value: "≤0.2万元/台",
            description: "含运输，安装",
            basis: "市场询价",
            target: { kind: "quantity", op: "<=", value: 0.2, scale: 10000, unit: "元", per: "台", yuan: 2000 },
            at: { name: at(6, 2), value: at(6, 3) },
          }),
          indicator({
            level1: "效益指标",
            level1Label: "效益指标",
            level2: "社会效益指标",
            level2Label: "社会效益",
            name: "满意度",
            value: "90%-100%",
            target: { kind: "quantity", op: "range", value: 90, max: 100, scale: 1, unit: "%", per: null },
            at: { name: at(7, 2), value: at(7, 3) },
          }),
          indicator({
            level2: "时效指标",
            level2Label: "时效指标",
            name: "完成时间",
            value: "2023年12月31日前",
            target: { kind: "date", op: "<=", year: 2023, month: 12, day: 31, iso: "2023-12-31" },
            at: { name: at(8, 2), value: null },
          }),
        ],
        sources: {},
        tables: [1],
      },
      {
        title: null,
        name: "空项目",
        code: null,
        department: null,
        unit: null,
        unitCode: null,
        category: null,
        period: null,
        office: null,
        budget: { total: null, fiscal: null, other: null, statedUnit: "万元" },
        purpose: null,
        goal: null,
        spendingPlan: null,
        indicators: [],
        sources: {},
        tables: [2],
      },
    ],
    departments: [
      {
        title: "2024年部门整体绩效目标表",
        name: "廉江市残疾人联合会",
        staff: 34,
        budget: { total: 1273.72, basic: 278.55, project: 995.17, fiscal: 1273.72, other: null, statedUnit: "万元", lines: [] },
        goal: null,
        tasks: [],
        indicators: [
          indicator({ name: "培训人数", value: "448人", at: { name: { table: 3, row: 9, col: 2 }, value: { table: 3, row: 9, col: 3 } } }),
        ],
        sources: {},
        tables: [3],
      },
    ],
    totals: [],
    warnings: [],
    diagnostics: [],
  };
  return DocumentSchema.parse(doc) as Document;
}

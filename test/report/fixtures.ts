import type { Finding } from "../../src/model/types.ts";
import type { DocumentResult } from "../../src/report/index.ts";

/** Findings with awkward text: XML specials, workflow-command specials, newlines, a control character. */
export function sampleResults(): DocumentResult[] {
  const base = { document: "docs/金凤区 2023.pdf", kind: "project" as const };
  const findings: Finding[] = [
    {
      ...base,
      rule: "cost-budget-mismatch/unit-cost-times-quantity",
      severity: "error",
      project: "贫困残疾人家庭无障碍改造项目",
      projectIndex: 1,
      cells: [
        { page: 2, table: 1, row: 13, col: 3, text: "每户2500元" },
        { page: 2, table: 1, row: 10, col: 3, text: "80" },
      ],
      message: '单位成本 <每户2500元> × 80 = 20万元 & 超过预算数15万元, 多5万元: 100% "确认"\n第二行\r\u0001',
      numbers: { expected: 15, actual: 20, difference: 5, unit: "万元" },
    },
    {
      ...base,
      rule: "value-format/glued-range",
      severity: "warning",
      project: "A,B:C",
      projectIndex: 2,
      cells: [{ table: 2, row: 4, col: 4, text: "90100" }],
      message: "指标“社会影响力”的值“90100”像是区间",
    },
    {
      ...base,
      rule: "value-format/unparsed",
      severity: "info",
      project: null,
      projectIndex: null,
      kind: "document",
      cells: [],
      message: "info with ]]> and 'quotes'",
    },
  ];
  return [
    { document: base.document, findings, projects: 3, indicators: 40 },
    { document: "clean.docx", findings: [], projects: 1, indicators: 9 },
    { document: "broken & <bad>.pdf", findings: [], error: "broken & <bad>.pdf: damaged file (truncated)" },
  ];
}

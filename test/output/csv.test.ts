import { parseString } from "fast-csv";
import { describe, expect, it } from "vitest";
import { csvColumns, csvHeader, documentCsv, documentCsvRows } from "../../src/output/csv.ts";
import { sampleDocument } from "./sample-doc.ts";

function parse(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString(text, { headers: true })
      .on("data", (r: Record<string, string>) => rows.push(r))
      .on("error", reject)
      .on("end", () => resolve(rows));
  });
}

describe("CSV writer", () => {
  it("writes the BOM, the documented header and CRLF rows", async () => {
    const text = await documentCsv(sampleDocument(), "indicator");
    const bytes = Buffer.from(text, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const firstLine = text.slice(1, text.indexOf("\r\n"));
    expect(firstLine).toBe(csvColumns("indicator").join(","));
    expect(csvColumns("indicator").slice(0, 13)).toEqual([
      "document",
      "projectIndex",
      "title",
      "name",
      "code",
      "department",
      "unit",
      "unitCode",
      "category",
      "period",
      "budgetTotal",
      "budgetFiscal",
      "budgetOther",
    ]);
    // Every line break between records is CRLF; a bare \n only inside a quoted field (the goal has none here).
    const outside = text.replace(/"(?:[^"]|"")*"/g, "");
    expect(outside.match(/\n/g)!.length).toBe(outside.match(/\r\n/g)!.length);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("round-trips Chinese text, commas and quotes through fast-csv's parser", async () => {
    const doc = sampleDocument();
    const rows = await parse((await documentCsv(doc, "indicator")).replace(/^\uFEFF/, ""));
    // 4 indicators + 1 row for the project without indicators + 1 department indicator.
    expect(rows).toHaveLength(6);
    const cost = rows.find((r) => r.indicator === "单台设备成本")!;
    expect(cost.title).toBe(doc.projects[0].title);
    expect(cost.description).toBe("含运输，安装");
    expect(cost.value).toBe("≤0.2万元/台");
    expect(cost.targetOp).toBe("<=");
    expect(cost.targetValue).toBe("2000");
    expect(cost.targetUnit).toBe("元");
    expect(cost.targetPer).toBe("台");
    expect(cost.budgetTotal).toBe("98.4");
    expect(cost.budgetOther).toBe("");
    expect([cost.page, cost.table, cost.row, cost.col]).toEqual(["2", "1", "6", "3"]);
    const range = rows.find((r) => r.value === "90%-100%")!;
    expect([range.targetOp, range.targetValue, range.targetMax, range.targetUnit]).toEqual(["range", "90", "100", "%"]);
    const date = rows.find((r) => r.indicator === "完成时间")!;
    expect([date.targetKind, date.targetValue, date.row, date.col]).toEqual(["date", "2023-12-31", "8", "2"]);
    const emptyProject = rows.find((r) => r.name === "空项目")!;
    expect([emptyProject.projectIndex, emptyProject.indicator, emptyProject.kind]).toEqual(["1", "", "project"]);
    const dept = rows.find((r) => r.kind === "department")!;
    expect([dept.name, dept.department, dept.indicator, dept.budgetTotal]).toEqual([
      "廉江市残疾人联合会",
      "廉江市残疾人联合会",
      "培训人数",
      "1273.72",
    ]);
  });

  it("writes one row per project at --csv-level project, multi-line goals quoted", async () => {
    const rows = await parse((await documentCsv(sampleDocument(), "project", { bom: false })).replace(/^\uFEFF/, ""));
    expect(rows.map((r) => [r.name, r.indicators, r.kind])).toEqual([
      ["残疾人康复项目", "4", "project"],
      ["空项目", "0", "project"],
      ["廉江市残疾人联合会", "1", "department"],
    ]);
    expect(rows[0].goal).toBe("第一行\n第二行");
  });

  it("omits the BOM when asked and keeps body rows header-free for combined files", async () => {
    const header = await csvHeader("indicator", { bom: false });
    expect(header.charCodeAt(0)).not.toBe(0xfeff);
    const body = await documentCsvRows(sampleDocument(), "indicator");
    expect(body.startsWith("document,")).toBe(false);
    const rows = await parse(header + body + body);
    expect(rows).toHaveLength(12);
  });
});

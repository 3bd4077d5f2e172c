/**
 * The Word backend on the hand-made cases in fixtures/word/ (scripts/fixtures-word/make-cases.py): each case's
 * exact grid. And on a second producer: LibreOffice's own .docx markup, from HTML and from re-saving the cases.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/formats/index.ts";
import { readHtml } from "../../src/formats/html/index.ts";
import { toMatrix } from "../../src/grid/matrix.ts";
import type { GridDocument, Table } from "../../src/grid/types.ts";

const dir = new URL("../../fixtures/word/", import.meta.url).pathname;
const word = (name: string): Promise<GridDocument> => readDocx(readFileSync(dir + name), name);
/** [row, col, rowspan, colspan, text] of every anchored cell, in reading order. */
const cells = (t: Table) => t.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan, c.text]);
/** What the page shows: each slot's text ("" where no cell or an empty one). */
const slots = (t: Table) => toMatrix(t).map((row) => row.map((c) => c?.text ?? ""));

describe("hand-made Word cases", () => {
  it("grid-before: rows starting late (gridBefore) or ending early (gridAfter) keep their grid columns", async () => {
    const g = await word("grid-before.docx");
    expect(g.tables).toHaveLength(1);
    const t = g.tables[0];
    expect([t.rows, t.cols]).toEqual([6, 5]);
    expect(cells(t)).toEqual([
      [0, 0, 1, 1, "项目名称"],
      [0, 1, 1, 4, "残疾人康复服务"],
      [1, 1, 1, 1, "预算数"],
      [1, 2, 1, 1, "98.40"],
      [1, 3, 1, 1, "其中：财政资金"],
      [1, 4, 1, 1, "98.40"],
      [2, 0, 1, 1, "一级指标"],
      [2, 1, 1, 1, "二级指标"],
      [2, 2, 1, 1, "三级指标"],
      [2, 3, 1, 1, "指标值"],
      [3, 0, 2, 1, "产出指标"],
      [3, 1, 1, 1, "数量指标"],
      [3, 2, 1, 1, "康复人数"],
      [3, 3, 1, 1, "≥100人"],
      [4, 1, 1, 1, "质量指标"],
      [4, 2, 1, 1, "康复有效率"],
      [4, 3, 1, 1, "≥95%"],
      [5, 2, 1, 2, "2023年底"],
    ]);
    expect(t.context).toEqual(["1.残疾人康复服务项目绩效目标表", "单位：万元"]);
    expect(g.trailing).toEqual(["备注：本表由系统导出。"]);
    expect(g.format).toBe("docx");
  });

  it("vmerge-text: text in a continuation cell is appended to the merged cell; a repeated label is not doubled", async () => {
    const t = (await word("vmerge-text.docx")).tables[0];
    expect(cells(t)).toEqual([
      [0, 0, 1, 1, "一级指标"],
      [0, 1, 1, 1, "二级指标"],
      [0, 2, 1, 1, "指标值"],
      [1, 0, 3, 1, "产出\n指标"],
      [1, 1, 1, 1, "数量指标"],
      [1, 2, 1, 1, "≥100人"],
      [2, 1, 1, 1, "质量指标"],
      [2, 2, 1, 1, "≥95%"],
      [3, 1, 1, 1, "时效指标"],
      [3, 2, 1, 1, "2023年底"],
      [4, 0, 2, 1, "效益指标"],
      [4, 1, 2, 1, "社会效益指标"],
      [4, 2, 1, 1, "有所提高"],
      [5, 2, 1, 1, "是"],
    ]);
  });

  it("sdt: content controls around a title, a row, a cell and a run are read through", async () => {
    const g = await word("sdt.docx");
    expect(g.tables[0].context).toEqual(["3.残疾人托养服务项目绩效目标表"]);
    expect(cells(g.tables[0])).toEqual([
      [0, 0, 1, 1, "项目名称"],
      [0, 1, 1, 2, "残疾人托养服务"],
      [1, 0, 1, 1, "主管部门"],
      [1, 1, 1, 1, "市残联"],
      [1, 2, 1, 1, "实施单位：托养中心"],
      [2, 0, 1, 1, "预算数"],
      [2, 1, 1, 1, "12.5"],
      [2, 2, 1, 1, "万元"],
    ]);
  });

  it("nested: the layout table's own text is context, the nested table is data, the next table keeps its own", async () => {
    const g = await word("nested.docx");
    expect(g.tables.map(cells)).toEqual([
      [
        [0, 0, 1, 1, "三级指标"],
        [0, 1, 1, 1, "指标值"],
        [1, 0, 1, 1, "培训人数"],
        [1, 1, 1, 1, "≥448人"],
      ],
      [
        [0, 0, 1, 1, "项目名称"],
        [0, 1, 1, 1, "残疾人培训"],
        [1, 0, 1, 1, "预算数"],
        [1, 1, 1, 1, "3"],
      ],
    ]);
    expect(g.tables.map((t) => t.context)).toEqual([["4.残疾人培训项目", "填报单位：廉江市残联", "项目绩效目标表"], ["单位：万元"]]);
  });

  it("tracked: changes read as accepted — insertions kept, deleted text, rows and moved-away runs dropped", async () => {
    const g = await word("tracked.docx");
    expect(g.tables[0].context).toEqual(["5.康复辅具适配项目绩效目标表"]);
    expect(cells(g.tables[0])).toEqual([
      [0, 0, 1, 1, "三级指标"],
      [0, 1, 1, 1, "指标值"],
      [0, 2, 1, 1, "说明"],
      [1, 0, 1, 1, "适配人数"],
      [1, 1, 1, 1, "≥95人"],
      [1, 2, 1, 1, ""],
      [2, 0, 1, 1, "适配满意度"],
      [2, 1, 1, 1, "≥90%"],
      [2, 2, 1, 1, "新位置"],
    ]);
  });

  it("breaks: soft breaks and paragraphs are lines; spaces normalised; symbols mapped; hidden text and field codes left out", async () => {
    const t = (await word("breaks.docx")).tables[0];
    expect(slots(t)).toEqual([
      ["三级指标", "指标值", "绩效指标描述"],
      ["改造户数\n（户）", "≥80户", "第一段\n第二段 说明\n全角缩进 多余空格"],
      ["单户补助标准", "每户100元", "2023-2024年度"],
      ["是否达标", "🗹是 🞎否", "≤5%"],
    ]);
  });

  it("numbering: automatic numbers are drawn as Word (and LibreOffice) draw them", async () => {
    const g = await word("numbering.docx");
    expect(g.tables.map((t) => t.context)).toEqual([
      ["一、部门整体绩效目标", "1.综合服务园区运行经费绩效目标表"],
      ["二、项目绩效目标", "2.残疾人就业项目绩效目标表", "未编号的标题", "5.残疾人托养项目绩效目标表"],
    ]);
    expect(slots(g.tables[0])).toEqual([
      ["绩效目标", "① 保障日常运行。\n② 完成康复服务。"],
      ["项目内容", "（一）场地维护\n（二）设备维修\n不编号"],
    ]);
  });

  it("altchunk: an HTML page imported with w:altChunk is read in place, between the paragraphs around it", async () => {
    const g = await word("altchunk.docx");
    expect(g.tables).toHaveLength(1);
    expect(g.tables[0].context).toEqual(["7.残疾人辅助器具项目绩效目标表", "单位：万元"]);
    expect(cells(g.tables[0])).toEqual([
      [0, 0, 1, 1, "项目名称"],
      [0, 1, 1, 2, "辅助器具适配"],
      [1, 0, 2, 1, "产出指标"],
      [1, 1, 1, 1, "数量指标"],
      [1, 2, 1, 1, "≥200件"],
      [2, 1, 1, 1, "质量指标"],
      [2, 2, 1, 1, "合格率≥98%"],
    ]);
    expect(g.trailing).toEqual(["备注：以上为系统导出内容。"]);
  });
});

describe("LibreOffice-written .docx", () => {
  it("lo-html.docx (LibreOffice from lo-source.html) has the grid and context of its HTML source", async () => {
    const source = await readHtml(readFileSync(new URL("../../scripts/fixtures-word/lo-source.html", import.meta.url)), "lo-source.html");
    const g = await word("lo-html.docx");
    expect(g.tables).toHaveLength(2);
    g.tables.forEach((t, i) => {
      expect([t.rows, t.cols]).toEqual([source.tables[i].rows, source.tables[i].cols]);
      expect(slots(t)).toEqual(slots(source.tables[i]));
      // every merged cell of the source is merged the same way (LibreOffice fills a short row with an empty cell)
      const spans = (x: Table) => x.cells.filter((c) => c.rowspan > 1 || c.colspan > 1).map((c) => [c.row, c.col, c.rowspan, c.colspan]);
      expect(spans(t)).toEqual(spans(source.tables[i]));
      expect(t.context).toEqual(source.tables[i].context);
    });
    expect(g.trailing).toEqual(source.trailing);
    expect(g.tables[0].context).toEqual(["8.残疾人康复救助项目绩效目标表", "563202天津市残疾人就业指导中心", "单位：万元"]);
    expect(g.tables[1].cells.find((c) => c.text === "产出指标")?.rowspan).toBe(4);
  });

  it.each(["grid-before", "vmerge-text", "breaks"])("lo-%s.docx (re-saved by LibreOffice) shows what the original shows", async (name) => {
    const [original, resaved] = await Promise.all([word(`${name}.docx`), word(`lo-${name}.docx`)]);
    expect(resaved.tables.map(slots)).toEqual(original.tables.map(slots));
    const merged = (t: Table) => t.cells.filter((c) => c.rowspan > 1 || c.colspan > 1).map((c) => [c.row, c.col, c.rowspan, c.colspan]);
    expect(resaved.tables.map(merged)).toEqual(original.tables.map(merged));
    expect(resaved.tables.map((t) => t.context)).toEqual(original.tables.map((t) => t.context));
  });
});

/**
 * Tables drawn with only horizontal rules: columns from the text between the rules, merged cells kept (a label
 * spanning rows where the rule stops short of its column; a value spanning columns where its text crosses a
 * column gap), and rows laid out otherwise than the rest of the table given borders of their own.
 */
import { describe, expect, it } from "vitest";
import { layoutPage } from "../../src/formats/pdf/page-layout.ts";
import { columnBoundaries } from "../../src/formats/pdf/virtual-rules.ts";
import type { HRule, PageData, TextRun } from "../../src/formats/pdf/types.ts";

/** An upright run: `x` left end, `y` baseline, width from the text (CJK 1 em, others half). */
function run(str: string, x: number, y: number, size = 10): TextRun {
  const w = Array.from(str).reduce((s, ch) => s + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);
  return { str, x0: x, x1: x + w, top: y - 0.85 * size, bottom: y + 0.15 * size, baseline: y, size, upright: true };
}

function page(texts: TextRun[], h: HRule[]): PageData {
  return { number: 1, width: 600, height: 800, texts, h, v: [], images: [] };
}

/** Cell texts by [row, col] with spans, in reading order. */
function cellsOf(data: PageData) {
  const layout = layoutPage(data);
  expect(layout.tables).toHaveLength(1);
  return layout.tables[0].cells.map((c) => [c.lines.join("/"), c.r0, c.r1 - c.r0, c.c0, c.c1 - c.c0]);
}

describe("horizontal rules only", () => {
  // Columns 100–200 | 200–350 | 350–500; rows every 30 pt from y = 100.
  const xs = [100, 200, 350, 500];
  const rule = (y: number, x0 = 100) => ({ y, x0, x1: 500 });

  it("reads the columns from the text and keeps a label spanning rows", () => {
    const texts = [
      run("一级指标", 120, 120), run("二级指标", 255, 120), run("指标值", 410, 120),
      // 产出指标 spans rows 1–2: the rule between them stops at x = 200.
      run("产出指标", 120, 165), run("数量指标", 255, 150), run("≥5000", 412, 150),
      run("质量指标", 255, 180), run("≥95%", 415, 180),
      run("效益指标", 120, 210), run("社会效益", 255, 210), run("有所提高", 400, 210),
    ];
    const h = [rule(100), rule(130), rule(160, 200), rule(190), rule(220)];
    expect(cellsOf(page(texts, h))).toEqual([
      ["一级指标", 0, 1, 0, 1], ["二级指标", 0, 1, 1, 1], ["指标值", 0, 1, 2, 1],
      ["产出指标", 1, 2, 0, 1], ["数量指标", 1, 1, 1, 1], ["≥5000", 1, 1, 2, 1],
      ["质量指标", 2, 1, 1, 1], ["≥95%", 2, 1, 2, 1],
      ["效益指标", 3, 1, 0, 1], ["社会效益", 3, 1, 1, 1], ["有所提高", 3, 1, 2, 1],
    ]);
    expect(layoutPage(page(texts, h)).tables[0].xs.length).toBe(xs.length);
  });

  it("merges the cells a value's text crosses, without moving the columns the other rows agree on", () => {
    const texts = [
      run("项目名称", 120, 120), run("一个名称很长的项目跨越两列的文字", 270, 120),
      run("一级指标", 120, 150), run("二级指标", 255, 150), run("指标值", 410, 150),
      run("产出指标", 120, 180), run("数量指标", 255, 180), run("≥5000", 412, 180),
    ];
    const h = [rule(100), rule(130), rule(160), rule(190)];
    expect(cellsOf(page(texts, h))).toEqual([
      ["项目名称", 0, 1, 0, 1], ["一个名称很长的项目跨越两列的文字", 0, 1, 1, 2],
      ["一级指标", 1, 1, 0, 1], ["二级指标", 1, 1, 1, 1], ["指标值", 1, 1, 2, 1],
      ["产出指标", 2, 1, 0, 1], ["数量指标", 2, 1, 1, 1], ["≥5000", 2, 1, 2, 1],
    ]);
  });

  it("splits cells that pdf.js joined into one run with a space for the gap", () => {
    const joined = { ...run("某某单位", 210, 120), str: "某某单位 实施单位" };
    joined.x1 = 400; // 8 characters of 10 pt plus a 110 pt gap
    const texts = [
      run("主管部门", 120, 120), joined, run("本级", 460, 120),
      run("一级指标", 120, 150), run("二级指标", 255, 150), run("指标值", 410, 150),
      run("产出指标", 120, 180), run("数量指标", 255, 180), run("≥5000", 412, 180),
    ];
    const h = [rule(100), rule(130), rule(160), rule(190)];
    const cells = cellsOf(page(texts, h));
    expect(cells.slice(0, 3).map((c) => c[0])).toEqual(["主管部门", "某某单位", "实施单位"]);
  });

  it("takes a column boundary where a rule stops short of it, with the columns of labels spanning rows", () => {
    // 一级 | 二级 | 三级 | 指标值: the level-1 and level-2 labels span rows 1–3, their rules start at x = 250.
    const texts = [
      run("一级", 115, 120), run("二级", 190, 120), run("三级指标", 305, 120), run("指标值", 435, 120),
      run("产出", 115, 150), run("人数", 310, 150), run("≥5", 445, 150),
      run("质量", 300, 180), run("≥95%", 440, 180),
      run("数量", 190, 210), run("时间", 310, 210), run("年底", 440, 210),
    ];
    const h = [rule(100), rule(130), rule(160, 250), rule(190, 250), rule(220)];
    const cells = cellsOf(page(texts, h));
    expect(cells.filter((c) => c[1] === 1)).toEqual([
      ["产出", 1, 3, 0, 1], ["数量", 1, 3, 1, 1], ["人数", 1, 1, 2, 1], ["≥5", 1, 1, 3, 1],
    ]);
  });

  it("reads a row carried over from the page before, without its top rule, as open at the top", () => {
    const texts = [
      run("甲项", 120, 56), run("乙项", 260, 56), run("丙项", 420, 56),
      run("一", 120, 86), run("二", 260, 86), run("三", 420, 86),
      run("四", 120, 116), run("五", 260, 116), run("六", 420, 116),
    ];
    const h = [rule(60), rule(90), rule(120)];
    const table = layoutPage(page(texts, h)).tables[0];
    const first = table.cells.filter((c) => c.r0 === 0);
    expect(first.map((c) => c.lines.join(""))).toEqual(["甲项", "乙项", "丙项"]);
    expect(first.every((c) => c.openTop)).toBe(true);
    expect(table.ys.length - 1).toBe(3);
  });

  it("gives a centred label with a blank value at the row's end its empty cell", () => {
    // Four equal columns, all text centred; row 1's last value is blank.
    const texts = [
      run("名称", 140, 120), run("某某项目的名称", 340, 120),
      run("预算数", 135, 150), run("10", 245, 150), run("其他资金", 330, 150),
      run("目标", 140, 180), run("一段很长的目标文字写满了三个单元格的宽度而且还要", 235, 180),
    ];
    const h = [rule(100), rule(130), rule(160), rule(190)];
    const row = cellsOf(page(texts, h)).filter((c) => c[1] === 1);
    expect(row.map((c) => c[0])).toEqual(["预算数", "10", "其他资金", ""]);
  });

  it("leaves a stack of rules with one column of text (ruled paper, prose) alone", () => {
    const texts = [run("第一段文字写在横线上", 120, 120), run("第二段文字写在横线上", 120, 150), run("第三段", 120, 180)];
    const h = [rule(100), rule(130), rule(160), rule(190)];
    expect(layoutPage(page(texts, h)).tables).toHaveLength(0);
  });

  it("does not touch a table whose rulings are complete", () => {
    const h = [100, 130, 160].map((y) => ({ y, x0: 100, x1: 500 }));
    const v = xs.map((x) => ({ x, y0: 100, y1: 160 }));
    const texts = [run("甲", 120, 120), run("乙", 300, 120), run("丙", 400, 150)];
    const layout = layoutPage({ ...page(texts, h), v });
    expect(layout.tables[0].xs).toEqual(xs);
  });
});

describe("column boundaries from text", () => {
  it("needs a gap of half an em: a word space does not split a column", () => {
    const bands = [{ runs: [run("ab", 100, 10), run("cd", 113, 10)] }, { runs: [run("ab", 100, 30), run("cd", 113, 30)] }];
    expect(columnBoundaries(bands, 90, 200)).toEqual([]);
    const wide = [{ runs: [run("ab", 100, 10), run("cd", 140, 10)] }, { runs: [run("ab", 100, 30), run("cd", 140, 30)] }];
    expect(columnBoundaries(wide, 90, 200).map((c) => c.x)).toEqual([125]);
  });
});

describe("vertical rules only", () => {
  // Columns 100–200 | 200–350 | 350–500 ruled from y = 100 to 250; five rows of 30 pt, text centred in them.
  const v = [100, 200, 350, 500].map((x) => ({ x, y0: 100, y1: 250 }));

  it("reads the rows from the text and a label centred on the rows it spans", () => {
    const texts = [
      run("一级指标", 130, 119), run("二级指标", 255, 119), run("指标值", 410, 119),
      // 产出指标 is centred on rows 1–3 (y 130–220): in the middle of row 2.
      run("数量指标", 255, 149), run("≥5000", 412, 149),
      run("产出指标", 130, 179), run("质量指标", 255, 179), run("≥95%", 415, 179),
      run("时效指标", 255, 209), run("年底", 415, 209),
      run("效益指标", 130, 239), run("社会效益", 255, 239), run("有所提高", 400, 239),
    ];
    const data: PageData = { number: 1, width: 600, height: 800, texts, h: [], v, images: [] };
    const cells = cellsOf(data);
    expect(cells.filter((c) => c[3] === 0)).toEqual([
      ["一级指标", 0, 1, 0, 1], ["产出指标", 1, 3, 0, 1], ["效益指标", 4, 1, 0, 1],
    ]);
    expect(cells.filter((c) => c[3] === 2).map((c) => c[0])).toEqual(["指标值", "≥5000", "≥95%", "年底", "有所提高"]);
  });
});


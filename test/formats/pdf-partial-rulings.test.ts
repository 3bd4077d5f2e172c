/**
 * Tables drawn with only horizontal rules: columns from the text between the rules, merged cells kept (a label
 * spanning rows where the rule stops short of its column; a value spanning columns where its text crosses a
 * column gap), and rows laid out otherwise than the rest of the table given borders of their own.
 */
import { describe, expect, it } from "vitest";
import { assemble } from "../../src/formats/pdf/assemble.ts";
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
      run("一级指标", 120, 120),
      run("二级指标", 255, 120),
      run("指标值", 410, 120),
      // 产出指标 spans rows 1–2: the rule between them stops at x = 200.
      run("产出指标", 120, 165),
      run("数量指标", 255, 150),
      run("≥5000", 412, 150),
      run("质量指标", 255, 180),
      run("≥95%", 415, 180),
      run("效益指标", 120, 210),
      run("社会效益", 255, 210),
      run("有所提高", 400, 210),
    ];
    const h = [rule(100), rule(130), rule(160, 200), rule(190), rule(220)];
    expect(cellsOf(page(texts, h))).toEqual([
      ["一级指标", 0, 1, 0, 1],
      ["二级指标", 0, 1, 1, 1],
      ["指标值", 0, 1, 2, 1],
      ["产出指标", 1, 2, 0, 1],
      ["数量指标", 1, 1, 1, 1],
      ["≥5000", 1, 1, 2, 1],
      ["质量指标", 2, 1, 1, 1],
      ["≥95%", 2, 1, 2, 1],
      ["效益指标", 3, 1, 0, 1],
      ["社会效益", 3, 1, 1, 1],
      ["有所提高", 3, 1, 2, 1],
    ]);
    expect(layoutPage(page(texts, h)).tables[0].xs.length).toBe(xs.length);
  });

  it("merges the cells a value's text crosses, without moving the columns the other rows agree on", () => {
    const texts = [
      run("项目名称", 120, 120),
      run("一个名称很长的项目跨越两列的文字", 270, 120),
      run("一级指标", 120, 150),
      run("二级指标", 255, 150),
      run("指标值", 410, 150),
      run("产出指标", 120, 180),
      run("数量指标", 255, 180),
      run("≥5000", 412, 180),
    ];
    const h = [rule(100), rule(130), rule(160), rule(190)];
    expect(cellsOf(page(texts, h))).toEqual([
      ["项目名称", 0, 1, 0, 1],
      ["一个名称很长的项目跨越两列的文字", 0, 1, 1, 2],
      ["一级指标", 1, 1, 0, 1],
      ["二级指标", 1, 1, 1, 1],
      ["指标值", 1, 1, 2, 1],
      ["产出指标", 2, 1, 0, 1],
      ["数量指标", 2, 1, 1, 1],
      ["≥5000", 2, 1, 2, 1],
    ]);
  });

  it("splits cells that pdf.js joined into one run with a space for the gap", () => {
    const joined = { ...run("某某单位", 210, 120), str: "某某单位 实施单位" };
    joined.x1 = 400; // 8 characters of 10 pt plus a 110 pt gap
    const texts = [
      run("主管部门", 120, 120),
      joined,
      run("本级", 460, 120),
      run("一级指标", 120, 150),
      run("二级指标", 255, 150),
      run("指标值", 410, 150),
      run("产出指标", 120, 180),
      run("数量指标", 255, 180),
      run("≥5000", 412, 180),
    ];
    const h = [rule(100), rule(130), rule(160), rule(190)];
    const cells = cellsOf(page(texts, h));
    expect(cells.slice(0, 3).map((c) => c[0])).toEqual(["主管部门", "某某单位", "实施单位"]);
  });

  it("takes a column boundary where a rule stops short of it, with the columns of labels spanning rows", () => {
    // 一级 | 二级 | 三级 | 指标值: the level-1 and level-2 labels span rows 1–3, their rules start at x = 250.
    const texts = [
      run("一级", 115, 120),
      run("二级", 190, 120),
      run("三级指标", 305, 120),
      run("指标值", 435, 120),
      run("产出", 115, 150),
      run("人数", 310, 150),
      run("≥5", 445, 150),
      run("质量", 300, 180),
      run("≥95%", 440, 180),
      run("数量", 190, 210),
      run("时间", 310, 210),
      run("年底", 440, 210),
    ];
    const h = [rule(100), rule(130), rule(160, 250), rule(190, 250), rule(220)];
    const cells = cellsOf(page(texts, h));
    expect(cells.filter((c) => c[1] === 1)).toEqual([
      ["产出", 1, 3, 0, 1],
      ["数量", 1, 3, 1, 1],
      ["人数", 1, 1, 2, 1],
      ["≥5", 1, 1, 3, 1],
    ]);
  });

  it("reads a row carried over from the page before, without its top rule, as open at the top", () => {
    const texts = [
      run("甲项", 120, 56),
      run("乙项", 260, 56),
      run("丙项", 420, 56),
      run("一", 120, 86),
      run("二", 260, 86),
      run("三", 420, 86),
      run("四", 120, 116),
      run("五", 260, 116),
      run("六", 420, 116),
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
      run("名称", 140, 120),
      run("某某项目的名称", 340, 120),
      run("预算数", 135, 150),
      run("10", 245, 150),
      run("其他资金", 330, 150),
      run("目标", 140, 180),
      run("一段很长的目标文字写满了三个单元格的宽度而且还要", 235, 180),
    ];
    const h = [rule(100), rule(130), rule(160), rule(190)];
    const row = cellsOf(page(texts, h)).filter((c) => c[1] === 1);
    expect(row.map((c) => c[0])).toEqual(["预算数", "10", "其他资金", ""]);
  });

  it("draws every border between two centred texts of a row whose cells between them are empty", () => {
    // Columns 100–180 | 180–300 | 300–400 | 400–500, every text centred; row 1 has a label, then an empty
    // cell, a value, an empty cell.
    const mid = [140, 240, 350, 450];
    const c = (str: string, col: number, y: number) => run(str, mid[col] - (str === "50" ? 5 : 5 * Array.from(str).length), y);
    const texts = [
      c("一月", 0, 120),
      c("二月", 1, 120),
      c("三月", 2, 120),
      c("四月", 3, 120),
      c("比例", 0, 150),
      c("50", 2, 150),
      run("甲甲甲甲甲甲甲", 105, 180),
      run("乙乙乙乙乙乙乙乙乙乙乙", 185, 180),
      run("丙丙丙丙丙丙丙丙丙", 305, 180),
      run("丁丁丁丁丁丁丁丁丁", 405, 180),
    ];
    const h = [100, 130, 160, 190].map((y) => ({ y, x0: 100, x1: 500 }));
    const row = cellsOf(page(texts, h)).filter((r) => r[1] === 1);
    expect(row).toEqual([
      ["比例", 1, 1, 0, 1],
      ["", 1, 1, 1, 1],
      ["50", 1, 1, 2, 1],
      ["", 1, 1, 3, 1],
    ]);
  });

  it("does so too when a text nearly fills its cell", () => {
    // Same columns; row 1: a label, a value filling most of column 1, an empty cell, a score.
    const full = [
      run("甲甲甲甲甲甲甲", 105, 120),
      run("乙乙乙乙乙乙乙乙乙乙乙", 185, 120),
      run("丙丙丙丙丙丙丙丙丙", 305, 120),
      run("丁丁丁丁丁丁丁丁丁", 405, 120),
    ];
    const texts = [
      ...full,
      run("时效", 130, 150),
      run("2024年11月底前全部完成", 185, 150),
      run("10", 445, 150),
      ...full.map((r) => ({ ...r, baseline: 180, top: r.top + 60, bottom: r.bottom + 60 })),
    ];
    const h = [100, 130, 160, 190].map((y) => ({ y, x0: 100, x1: 500 }));
    const row = cellsOf(page(texts, h)).filter((r) => r[1] === 1);
    expect(row).toEqual([
      ["时效", 1, 1, 0, 1],
      ["2024年11月底前全部完成", 1, 1, 1, 1],
      ["", 1, 1, 2, 1],
      ["10", 1, 1, 3, 1],
    ]);
  });

  it("ends a table at lines of text that start at the rules' left end (a title between two tables)", () => {
    const texts = [
      run("甲项", 120, 120),
      run("乙项", 260, 120),
      run("丙项", 420, 120),
      run("一", 120, 150),
      run("二", 260, 150),
      run("三", 420, 150),
      run("2、第二个表的标题写在两表之间", 100, 215),
      run("四", 120, 260),
      run("五", 260, 260),
      run("六", 420, 260),
      run("七", 120, 290),
      run("八", 260, 290),
      run("九", 420, 290),
    ];
    const h = [100, 130, 160, 240, 270, 300].map((y) => ({ y, x0: 100, x1: 500 }));
    const layout = layoutPage(page(texts, h));
    expect(layout.tables).toHaveLength(2);
    expect(layout.lines.map((l) => l.text)).toEqual(["2、第二个表的标题写在两表之间"]);
  });

  it("reads a single row between two rules at the foot of a page (the rest of its table on the next page)", () => {
    const texts = [run("项目编码", 120, 770), run("123-456", 230, 770), run("项目名称", 330, 770), run("某项目", 440, 770)];
    const h = [750, 780].map((y) => ({ y, x0: 100, x1: 500 }));
    expect(cellsOf(page(texts, h)).map((c) => c[0])).toEqual(["项目编码", "123-456", "项目名称", "某项目"]);
    // Higher up the page, two rules around a line of text are no table.
    const up = texts.map((r) => ({ ...r, baseline: r.baseline - 400, top: r.top - 400, bottom: r.bottom - 400 }));
    expect(
      layoutPage(
        page(
          up,
          h.map((l) => ({ ...l, y: l.y - 400 })),
        ),
      ).tables,
    ).toHaveLength(0);
  });

  it("joins that row to the table it begins on the next page, though its columns are fewer and only guessed", () => {
    // Columns 100–180 | 180–300 | 300–400 | 400–500; the row at the foot of page 1 spans the middle two.
    const foot = [run("编码", 130, 770), run("一个跨越中间两列的项目名称文字", 220, 770), run("值", 445, 770)];
    const first = layoutPage(
      page(
        foot,
        [750, 780].map((y) => ({ y, x0: 100, x1: 500 })),
      ),
    );
    const rows = [60, 90, 120].map((y) => [
      run("甲甲甲甲甲甲甲", 105, y),
      run("乙乙乙乙乙乙乙乙乙乙乙", 185, y),
      run("丙丙丙丙丙丙丙丙丙", 305, y),
      run("丁丁丁丁丁丁丁丁丁", 405, y),
    ]);
    const next = layoutPage({
      ...page(
        rows.flat(),
        [40, 70, 100, 130].map((y) => ({ y, x0: 100, x1: 500 })),
      ),
      number: 2,
    });
    const { tables } = assemble([first, next]);
    expect(tables).toHaveLength(1);
    expect(tables[0].cells.filter((c) => c.row === 0).map((c) => [c.text, c.col, c.colspan])).toEqual([
      ["编码", 0, 1],
      ["一个跨越中间两列的项目名称文字", 1, 2],
      ["值", 3, 1],
    ]);
  });

  it("puts a column boundary where a rule ends inside the wide strip the text leaves free, not a sliver beside it", () => {
    // Columns 100–200 | 200–350 | 350–500: the first column's texts end at 190, the second's start at 240; the
    // rules between the rows a label spans start at x = 200.
    const texts = [
      run("一级指标", 150, 120),
      run("二级指标", 240, 120),
      run("指标值", 410, 120),
      run("产出指标", 150, 165),
      run("数量指标", 240, 150),
      run("≥5000", 412, 150),
      run("质量指标", 240, 180),
      run("≥95%", 415, 180),
      run("效益指标", 150, 210),
      run("社会效益", 240, 210),
      run("有所提高", 400, 210),
    ];
    const h = [rule(100), rule(130), rule(160, 200), rule(190), rule(220)];
    const table = layoutPage(page(texts, h)).tables[0];
    expect(table.xs).toHaveLength(4);
    expect(table.xs[1]).toBeCloseTo(200, 0);
    expect(cellsOf(page(texts, h)).find((c) => c[0] === "产出指标")).toEqual(["产出指标", 1, 2, 0, 1]);
  });

  it("reads the lines below the last rule down to the foot of the page as a row cut by the page break", () => {
    const texts = [
      run("甲项", 120, 620),
      run("乙项", 260, 620),
      run("丙项", 420, 620),
      run("一", 120, 650),
      run("二", 260, 650),
      run("三", 420, 650),
      // Below the last rule (y = 660): a label, and values over several lines down to the foot of the page.
      run("四", 120, 720),
      run("五", 260, 680),
      run("六六六", 420, 680),
      run("七七七", 420, 695),
      run("八八八", 420, 710),
      run("九九九", 420, 725),
      run("十十十", 420, 740),
      run("末", 420, 755),
    ];
    const h = [rule(600), rule(630), rule(660)];
    const table = layoutPage(page(texts, h)).tables[0];
    const last = table.cells.filter((c) => c.r0 === 2);
    expect(last.map((c) => c.lines.join(""))).toEqual(["四", "五", "六六六七七七八八八九九九十十十末"]);
    expect(last.every((c) => c.openBottom)).toBe(true);
  });

  it("reads a value centred over the columns after a label spanning rows as one cell from the label's column on", () => {
    // Columns 100–200 | 200–260 | 260–380 | 380–500; 资金 (set at the top of its cell) spans rows 1–2, and row 2
    // holds one value centred over 200–500.
    const texts = [
      run("一级指标", 120, 120),
      run("甲列", 210, 120),
      run("乙列名称", 290, 120),
      run("丙列名称", 420, 120),
      run("资金来源", 120, 145),
      run("甲", 225, 150),
      run("乙乙乙乙", 290, 150),
      run("丙丙丙丙", 420, 150),
      run("居中的一段说明文字", 305, 180),
      run("效益指标", 120, 210),
      run("甲", 225, 210),
      run("乙乙乙乙", 290, 210),
      run("丙丙丙丙", 420, 210),
    ];
    const h = [rule(100), rule(130), rule(160, 200), rule(190), rule(220)];
    const cells = cellsOf(page(texts, h));
    expect(cells.find((c) => c[0] === "资金来源")).toEqual(["资金来源", 1, 2, 0, 1]);
    expect(cells.find((c) => c[0] === "居中的一段说明文字")).toEqual(["居中的一段说明文字", 2, 1, 1, 3]);
  });

  it("splits a row over the stretch of a shorter rule inside it: a header over sub-columns, the parts apart", () => {
    // 名称 | 指标 | 指标值 (over 数值 | 单位): the rule at y = 130 spans only 350–500, the header row is 100–160.
    const texts = [
      run("名称", 140, 135),
      run("指标", 265, 135),
      run("指标值", 410, 120),
      run("数值", 377, 150),
      run("单位", 452, 150),
      run("产出", 140, 180),
      run("人数", 265, 180),
      run("6", 385, 180),
      run("万人次", 447, 180),
      run("质量", 140, 210),
      run("合格率", 260, 210),
      run("90", 382, 210),
      run("%", 460, 210),
    ];
    const h = [rule(100), { y: 130, x0: 350, x1: 500 }, rule(160), rule(190), rule(220)];
    const cells = cellsOf(page(texts, h));
    expect(cells.filter((c) => Number(c[1]) <= 1).map((c) => [c[0], c[1], c[3], c[4]])).toEqual([
      ["名称", 0, 0, 1],
      ["指标", 0, 1, 1],
      ["指标值", 0, 2, 2],
      ["数值", 1, 2, 1],
      ["单位", 1, 3, 1],
    ]);
    expect(cells.filter((c) => c[1] === 2).map((c) => c[0])).toEqual(["产出", "人数", "6", "万人次"]);
  });

  // Two paragraphs side by side (长期目标 | 年度目标) over the rows of a matrix whose columns fall elsewhere (its
  // names cross the paragraphs' border): the paragraphs fill their cells, 1 em apart (the right one's lines end
  // short of its cell); the header above them has one centred label per cell.
  const sideBySide = () => {
    const texts = [
      run("长期目标", 180, 120),
      run("年度目标", 380, 120),
      run("甲".repeat(19), 105, 145),
      run("甲".repeat(19), 105, 157),
      run("甲甲甲", 105, 169),
      run("乙".repeat(18), 305, 145),
      run("乙".repeat(18), 305, 157),
      run("乙乙乙乙乙", 305, 169),
    ];
    const h = [rule(100), rule(130), rule(175)];
    for (let i = 0; i < 12; i++) {
      const y = 175 + 30 * i;
      texts.push(run("产出", 140, y + 20), run("人数人数人数", 245, y + 20), run("≥5", 420, y + 20));
      h.push(rule(y + 30));
    }
    return cellsOf(page(texts, h));
  };

  it("parts two wrapped paragraphs side by side where every line leaves the same narrow strip free", () => {
    const row = sideBySide().filter((c) => c[1] === 1);
    expect(row.map((c) => c[0])).toEqual([
      "甲".repeat(19) + "/" + "甲".repeat(19) + "/甲甲甲",
      "乙".repeat(18) + "/" + "乙".repeat(18) + "/乙乙乙乙乙",
    ]);
  });

  it("gives a row of centred texts the borders their centring chains from edge to edge", () => {
    const cells = sideBySide();
    const span = (r: number) => cells.filter((c) => c[1] === r).map((c) => [c[3], c[4]]);
    expect(cells.filter((c) => c[1] === 0).map((c) => c[0])).toEqual(["长期目标", "年度目标"]);
    expect(span(0)).toEqual(span(1));
  });

  it("carries the border of a few rows laid out otherwise on through a row whose two texts fill their cells", () => {
    // Three rows value | standard (a border at 430 the many matrix rows below do not show): the last one's texts
    // fill their cells, only the padding between them.
    const texts = [
      run("甲", 140, 120),
      run("≥5", 385, 120),
      run("满分", 455, 120),
      run("乙", 140, 150),
      run("≥6", 385, 150),
      run("扣分", 455, 150),
      run("丙", 140, 180),
      run("2024年10月底", 357, 180),
      run("按时拨付", 427, 180),
    ];
    const h = [rule(100), rule(130), rule(160), rule(190)];
    for (let i = 0; i < 16; i++) {
      const y = 190 + 30 * i;
      texts.push(run("产出", 140, y + 20), run("人数人数人数", 245, y + 20), run("≥5000人次", 390, y + 20));
      h.push(rule(y + 30));
    }
    const rows = cellsOf(page(texts, h)).filter((c) => Number(c[1]) <= 2);
    expect(rows.filter((c) => c[1] === 2).map((c) => c[0])).toEqual(["丙", "2024年10月底", "按时拨付"]);
  });

  it("draws no boundary a few rows' gaps make inside the cell a row's first text is centred in", () => {
    // Names centred in 180–440 after a label spanning rows; the key row on top leaves a gap (202–300) that, with
    // the label's row, makes a boundary about 230 inside the names' column.
    const texts = [
      run("预算", 130, 120),
      run("646.00", 172, 120),
      run("其中财政", 300, 120),
      run("10", 465, 120),
      run("一二三四五六七八", 270, 150),
      run("≥5000万元", 445, 150),
      run("一二三四五六", 280, 180),
      run("≥5", 465, 180),
      run("产出", 130, 210),
      run("一二三四五六七", 275, 210),
      run("≥5", 465, 210),
      run("一二三四五六七八九十", 260, 240),
      run("≥5", 465, 240),
      run("一二三四五六七八九", 265, 270),
      run("≥5", 465, 270),
      run("一".repeat(25), 185, 300),
      run("≥5", 465, 300),
    ];
    const h = [rule(100), rule(130), rule(160), rule(190, 180), rule(220, 180), rule(250, 180), rule(280, 180), rule(310)];
    const names = cellsOf(page(texts, h)).filter((c) => Number(c[1]) >= 1 && String(c[0]).startsWith("一"));
    expect(names).toHaveLength(6);
    const long = names[names.length - 1];
    for (const c of names) expect([c[3], c[4]]).toEqual([long[3], long[4]]);
  });

  it("puts a border at the strip the text leaves free when a rule ends just short of it, crossed by text", () => {
    // The rule under 数量 stops at 193 (a label spanning rows ends there, as guessed from the text), but the
    // strip every row leaves free is 198–211: 可持续影响指标 crosses 193.
    const texts = [
      run("一级", 140, 120),
      run("二级", 255, 120),
      run("指标值", 410, 120),
      run("数量", 255, 150),
      run("≥5", 415, 150),
      run("产出", 140, 165),
      run("质量", 255, 180),
      run("≥95%", 415, 180),
      run("可持续影响指标", 127, 210),
      run("名称".repeat(6), 212, 210),
      run("≥1", 415, 210),
    ];
    const h = [rule(100), rule(130), { y: 160, x0: 193, x1: 500 }, rule(190), rule(220)];
    const cells = cellsOf(page(texts, h));
    expect(cells.filter((c) => c[1] === 3).map((c) => c[0])).toEqual(["可持续影响指标", "名称".repeat(6), "≥1"]);
    expect(cells.find((c) => c[0] === "产出")?.slice(1)).toEqual([1, 2, 0, 1]);
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

  it("reads two peaks closer than a column's width as one strip (a row's text reaching into it)", () => {
    // Texts of three rows leave 400–419 free; one row's right text begins at 408, another's left one ends at 410.
    const row = (a: number, b: number, y: number) => ({ runs: [run("甲甲", a - 20, y), run("乙乙", b, y)] });
    const bands = [row(400, 419, 10), row(400, 419, 30), row(400, 419, 50), row(400, 408, 70), row(410, 419, 90)];
    const found = columnBoundaries(bands, 300, 500);
    expect(found).toHaveLength(1);
    expect(found[0].x).toBeGreaterThan(400);
    expect(found[0].x).toBeLessThan(419);
  });
});

describe("vertical rules only", () => {
  // Columns 100–200 | 200–350 | 350–500 ruled from y = 100 to 250; five rows of 30 pt, text centred in them.
  const v = [100, 200, 350, 500].map((x) => ({ x, y0: 100, y1: 250 }));

  it("reads the rows from the text and a label centred on the rows it spans", () => {
    const texts = [
      run("一级指标", 130, 119),
      run("二级指标", 255, 119),
      run("指标值", 410, 119),
      // 产出指标 is centred on rows 1–3 (y 130–220): in the middle of row 2.
      run("数量指标", 255, 149),
      run("≥5000", 412, 149),
      run("产出指标", 130, 179),
      run("质量指标", 255, 179),
      run("≥95%", 415, 179),
      run("时效指标", 255, 209),
      run("年底", 415, 209),
      run("效益指标", 130, 239),
      run("社会效益", 255, 239),
      run("有所提高", 400, 239),
    ];
    const data: PageData = { number: 1, width: 600, height: 800, texts, h: [], v, images: [] };
    const cells = cellsOf(data);
    expect(cells.filter((c) => c[3] === 0)).toEqual([
      ["一级指标", 0, 1, 0, 1],
      ["产出指标", 1, 3, 0, 1],
      ["效益指标", 4, 1, 0, 1],
    ]);
    expect(cells.filter((c) => c[3] === 2).map((c) => c[0])).toEqual(["指标值", "≥5000", "≥95%", "年底", "有所提高"]);
  });

  /** Baseline of a line centred in row r of rows 30 pt high from `top`. */
  const at = (r: number, top = 100) => top + 30 * r + 18.5;

  it("leaves a value with empty cells above and below as one cell where the column before parts its rows", () => {
    const texts = [
      run("一级指标", 130, at(0)),
      run("二级指标", 255, at(0)),
      run("指标值", 410, at(0)),
      // 产出指标 spans rows 1–3; the value column is empty in rows 1 and 3, its text in the middle of row 2.
      run("数量指标", 255, at(1)),
      run("产出指标", 130, at(2)),
      run("质量指标", 255, at(2)),
      run("较显著", 410, at(2)),
      run("时效指标", 255, at(3)),
      run("效益指标", 130, at(4)),
      run("社会效益", 255, at(4)),
      run("有所提高", 400, at(4)),
    ];
    const cells = cellsOf({ number: 1, width: 600, height: 800, texts, h: [], v, images: [] });
    expect(cells.filter((c) => c[3] === 0)).toEqual([
      ["一级指标", 0, 1, 0, 1],
      ["产出指标", 1, 3, 0, 1],
      ["效益指标", 4, 1, 0, 1],
    ]);
    expect(cells.filter((c) => c[3] === 2)).toEqual([
      ["指标值", 0, 1, 2, 1],
      ["", 1, 1, 2, 1],
      ["较显著", 2, 1, 2, 1],
      ["", 3, 1, 2, 1],
      ["有所提高", 4, 1, 2, 1],
    ]);
  });

  it("parts two texts of one column though the other columns are empty beside them", () => {
    // A label spanning two rows, a heading and the value under it in the next column, the last column empty
    // there (12 pt type: the gap between the two texts is too short to hold a row between two boundaries).
    const t = (str: string, x: number, y: number) => run(str, x, y + 0.7, 12);
    const texts = [
      t("项目名称", 126, at(0)),
      t("一个项目", 251, at(0)),
      t("说明", 410, at(0)),
      t("资金计划", 126, at(1) + 15),
      t("10月底", 255, at(1)),
      t("100.00", 255, at(2)),
      t("绩效目标", 126, at(3)),
      t("目标", 263, at(3)),
      t("说明", 410, at(3)),
      t("一级指标", 126, at(4)),
      t("二级指标", 251, at(4)),
      t("指标值", 407, at(4)),
    ];
    const cells = cellsOf({ number: 1, width: 600, height: 800, texts, h: [], v, images: [] });
    expect(cells.filter((c) => c[3] === 1).map((c) => [c[0], c[1]])).toEqual([
      ["一个项目", 0],
      ["10月底", 1],
      ["100.00", 2],
      ["目标", 3],
      ["二级指标", 4],
    ]);
    expect(cells.find((c) => c[0] === "资金计划")).toEqual(["资金计划", 1, 2, 0, 1]);
  });

  it("reads a row of key cells above the rows of a matrix beside it, and the label after it spanning rows", () => {
    // Columns 100–200 | 200–300 | 300–400 | 400–500: a unit's code and name, then a project beside three indicators.
    const v4 = [100, 200, 300, 400, 500].map((x) => ({ x, y0: 100, y1: 250 }));
    const texts = [
      run("编码", 140, at(0)),
      run("名称", 240, at(0)),
      run("指标", 340, at(0)),
      run("指标值", 435, at(0)),
      run("146001", 135, at(1)),
      run("某单位", 235, at(1)),
      run("指标甲", 335, at(2)),
      run("≥1", 445, at(2)),
      run("某项目", 235, at(3)),
      run("指标乙", 335, at(3)),
      run("≥2", 445, at(3)),
      run("指标丙", 335, at(4)),
      run("≥3", 445, at(4)),
    ];
    const cells = cellsOf({ number: 1, width: 600, height: 800, texts, h: [], v: v4, images: [] });
    expect(cells.filter((c) => c[3] === 3).map((c) => [c[0], c[1]])).toEqual([
      ["指标值", 0],
      ["", 1],
      ["≥1", 2],
      ["≥2", 3],
      ["≥3", 4],
    ]);
    expect(cells.find((c) => c[0] === "146001")).toEqual(["146001", 1, 1, 0, 1]);
    expect(cells.find((c) => c[0] === "某项目")).toEqual(["某项目", 2, 3, 1, 1]);
  });

  it("reads a table set at the top of its cells: a label spanning rows sits in the first of them", () => {
    // Rows 32 pt high from y = 100, text 4 pt under each row's top; the last column's values wrap onto 2 lines.
    const line = (r: number, k = 0) => 100 + 32 * r + 12.5 + 13 * k;
    const texts = [
      run("一级指标", 130, line(0)),
      run("二级指标", 255, line(0)),
      run("指标值说明", 400, line(0)),
      run("续行", 400, line(0, 1)),
      run("产出指标", 130, line(1)),
      run("数量指标", 255, line(1)),
      run("一万人次以上", 400, line(1)),
      run("续行", 400, line(1, 1)),
      run("质量指标", 255, line(2)),
      run("合格率达到", 400, line(2)),
      run("九成", 400, line(2, 1)),
      run("时效指标", 255, line(3)),
      run("年底以前完成", 400, line(3)),
      run("全部", 400, line(3, 1)),
      run("效益指标", 130, line(4)),
      run("社会效益", 255, line(4)),
      run("有所提高明显", 400, line(4)),
      run("改善", 400, line(4, 1)),
    ];
    const v5 = [100, 200, 350, 500].map((x) => ({ x, y0: 100, y1: 260 }));
    const cells = cellsOf({ number: 1, width: 600, height: 800, texts, h: [], v: v5, images: [] });
    expect(cells.filter((c) => c[3] === 0)).toEqual([
      ["一级指标", 0, 1, 0, 1],
      ["产出指标", 1, 3, 0, 1],
      ["效益指标", 4, 1, 0, 1],
    ]);
    expect(cells.filter((c) => c[3] === 2).map((c) => [c[1], c[2]])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
  });

  it("reads a label at the top of rows empty down to the foot of the page as a cell cut by the page break", () => {
    // The same table at the foot of the page (y 630–780) and high on it (y 100–250).
    const table = (top: number) => [
      run("一级指标", 130, at(0, top)),
      run("二级指标", 255, at(0, top)),
      run("指标值", 410, at(0, top)),
      run("产出指标", 130, at(1, top)),
      run("数量指标", 255, at(1, top)),
      run("≥5000", 412, at(1, top)),
      run("质量指标", 255, at(2, top)),
      run("≥95%", 415, at(2, top)),
      run("时效指标", 255, at(3, top)),
      run("年底", 415, at(3, top)),
      run("成本指标", 255, at(4, top)),
      run("≤5", 415, at(4, top)),
    ];
    const rules = (top: number) => [100, 200, 350, 500].map((x) => ({ x, y0: top, y1: top + 150 }));
    const foot = cellsOf({ number: 1, width: 600, height: 800, texts: table(630), h: [], v: rules(630), images: [] });
    expect(foot.find((c) => c[0] === "产出指标")).toEqual(["产出指标", 1, 4, 0, 1]);
    const high = cellsOf({ number: 1, width: 600, height: 800, texts: table(100), h: [], v: rules(100), images: [] });
    expect(high.find((c) => c[0] === "产出指标")).toEqual(["产出指标", 1, 1, 0, 1]);
  });
});

/**
 * Tables without ruling lines (none at all, or only the outer frame): rows from the text's vertical gaps,
 * wrapped cells joined, labels centred beside several rows read as spanning them, the title and unit line above
 * the table and a note below it kept outside as context.
 */
import { describe, expect, it } from "vitest";
import { assemble } from "../../src/formats/pdf/assemble.ts";
import { layoutPage, type PageLayout } from "../../src/formats/pdf/page-layout.ts";
import type { PageCell, PageTable } from "../../src/formats/pdf/page-table.ts";
import type { HRule, PageData, TextRun, VRule } from "../../src/formats/pdf/types.ts";

/** An upright run: `x` left end, `y` baseline, width from the text (CJK 1 em, others half). */
function run(str: string, x: number, y: number, size = 10): TextRun {
  const w = Array.from(str).reduce((s, ch) => s + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);
  return { str, x0: x, x1: x + w, top: y - 0.85 * size, bottom: y + 0.15 * size, baseline: y, size, upright: true };
}

/** A run centred on `cx`. */
function centred(str: string, cx: number, y: number, size = 10): TextRun {
  const r = run(str, 0, y, size);
  const w = r.x1 - r.x0;
  return { ...r, x0: cx - w / 2, x1: cx + w / 2 };
}

function page(texts: TextRun[], h: HRule[] = [], v: VRule[] = []): PageData {
  return { number: 1, width: 600, height: 800, texts, h, v, images: [] };
}

/** Cell texts by [text, row, rowspan, col, colspan], in reading order. */
function cellsOf(data: PageData) {
  const layout = layoutPage(data);
  expect(layout.tables).toHaveLength(1);
  return layout.tables[0].cells.map((c) => [c.lines.join("/"), c.r0, c.r1 - c.r0, c.c0, c.c1 - c.c0]);
}

// Columns centred on 140 | 250 | 380 | 500, rows every 20 pt (a line is 10 pt high: 10 pt between rows),
// every text centred in its cell the way a browser prints a table.
const mid = [140, 250, 380, 500];
const c = (str: string, col: number, y: number) => centred(str, mid[col], y);

/** An indicator matrix: 一级 labels beside the rows they span, one 二级 label between two rows, a wrapped cell. */
function matrix(): TextRun[] {
  return [
    c("一级指标", 0, 120),
    c("二级指标", 1, 120),
    c("三级指标", 2, 120),
    c("指标值", 3, 120),
    // 产出指标 spans rows 1–3 (its line is the middle row's); 数量指标 spans rows 1–2 (between their lines).
    c("数量指标", 1, 150),
    c("受益人数", 2, 140),
    c("≥5000人", 3, 140),
    c("产出指标", 0, 160),
    c("培训场次", 2, 160),
    c("≥20场", 3, 160),
    c("质量指标", 1, 180),
    c("合格率", 2, 180),
    c("100%", 3, 180),
    // A wrapped cell: two lines 13 pt apart, the other cells of the row centred between them.
    c("效益指标", 0, 206.5),
    c("社会效益", 1, 206.5),
    c("群众满意度调查的", 2, 200),
    c("得分", 2, 213),
    c("≥90分", 3, 206.5),
  ];
}

describe("tables without rulings", () => {
  it("finds rows, labels spanning rows and wrapped cells", () => {
    const texts = [centred("某某项目绩效目标表", 320, 60, 16), run("单位：万元", 95, 90), ...matrix()];
    expect(cellsOf(page(texts))).toEqual([
      ["一级指标", 0, 1, 0, 1],
      ["二级指标", 0, 1, 1, 1],
      ["三级指标", 0, 1, 2, 1],
      ["指标值", 0, 1, 3, 1],
      ["产出指标", 1, 3, 0, 1],
      ["数量指标", 1, 2, 1, 1],
      ["受益人数", 1, 1, 2, 1],
      ["≥5000人", 1, 1, 3, 1],
      ["培训场次", 2, 1, 2, 1],
      ["≥20场", 2, 1, 3, 1],
      ["质量指标", 3, 1, 1, 1],
      ["合格率", 3, 1, 2, 1],
      ["100%", 3, 1, 3, 1],
      ["效益指标", 4, 1, 0, 1],
      ["社会效益", 4, 1, 1, 1],
      ["群众满意度调查的/得分", 4, 1, 2, 1],
      ["≥90分", 4, 1, 3, 1],
    ]);
  });

  it("keeps the title, the unit line and a note after the table outside it", () => {
    const texts = [
      centred("某某项目绩效目标表", 320, 60, 16),
      run("单位：万元", 95, 90),
      ...matrix(),
      run("注：以上指标由项目单位填报。", 95, 260),
    ];
    const { tables, trailing } = assemble([layoutPage(page(texts))]);
    expect(tables).toHaveLength(1);
    expect(tables[0].context).toEqual(["某某项目绩效目标表", "单位：万元"]);
    expect(trailing).toEqual(["注：以上指标由项目单位填报。"]);
  });

  it("reads a table drawn with only its outer frame the same way, inside the frame", () => {
    const frameH: HRule[] = [
      { y: 105, x0: 90, x1: 560 },
      { y: 225, x0: 90, x1: 560 },
    ];
    const frameV: VRule[] = [
      { x: 90, y0: 105, y1: 225 },
      { x: 560, y0: 105, y1: 225 },
    ];
    const texts = [run("单位：万元", 95, 90), ...matrix()];
    const cells = cellsOf(page(texts, frameH, frameV));
    expect(cells.filter((x) => x[0] === "产出指标" || x[0] === "数量指标")).toEqual([
      ["产出指标", 1, 3, 0, 1],
      ["数量指标", 1, 2, 1, 1],
    ]);
    const table = layoutPage(page(texts, frameH, frameV)).tables[0];
    expect(table.box).toMatchObject({ x0: 90, y0: 105, x1: 560, y1: 225 });
  });

  it("leaves a blank value in the last column a cell of its own", () => {
    // 较显著 has blank values above and below it, centred between them: it is still one row's value.
    const texts = [
      c("一级指标", 0, 120),
      c("二级指标", 1, 120),
      c("三级指标", 2, 120),
      c("指标值", 3, 120),
      c("经济效益", 1, 140),
      c("无", 2, 140),
      c("效益指标", 0, 160),
      c("社会效益", 1, 160),
      c("便利程度", 2, 160),
      c("较显著", 3, 160),
      c("生态效益", 1, 180),
      c("无", 2, 180),
    ];
    const cells = cellsOf(page(texts));
    expect(cells.filter((x) => x[3] === 3)).toEqual([
      ["指标值", 0, 1, 3, 1],
      ["", 1, 1, 3, 1],
      ["较显著", 2, 1, 3, 1],
      ["", 3, 1, 3, 1],
    ]);
    expect(cells.find((x) => x[0] === "效益指标")).toEqual(["效益指标", 1, 3, 0, 1]);
  });

  it("keeps the keys of key-value rows to their own row beside values centred over several columns", () => {
    // 预算数 has blank cells above and below it (the values there span its column), centred on them: still one
    // row's key, since the key left of it (项目名称) cannot reach over those rows. 资金 spans rows 1–2.
    const texts = [
      c("项目名称", 0, 120),
      centred("某某项目的名称写得比较长", 380, 120),
      c("预算数", 1, 140),
      c("10.00", 2, 140),
      c("其他资金", 3, 140),
      c("资金", 0, 150),
      centred("用于某某事项的资金说明文字", 380, 160),
      c("一级指标", 0, 180),
      c("二级指标", 1, 180),
      c("三级指标", 2, 180),
      c("指标值", 3, 180),
      c("产出指标", 0, 200),
      c("数量指标", 1, 200),
      c("受益人数", 2, 200),
      c("≥5000人", 3, 200),
    ];
    const cells = cellsOf(page(texts));
    expect(cells.find((x) => x[0] === "预算数")).toEqual(["预算数", 1, 1, 1, 1]);
    expect(cells.find((x) => x[0] === "资金")).toEqual(["资金", 1, 2, 0, 1]);
  });

  it("parts two tables stacked one under the other at a gap wider than their rows'", () => {
    const texts = [
      c("项目名称", 0, 120),
      c("某某项目", 2, 120),
      c("项目编码", 0, 140),
      c("001", 2, 140),
      // 10 pt between rows above; 30 pt between the two tables.
      c("一级指标", 0, 180),
      c("二级指标", 1, 180),
      c("三级指标", 2, 180),
      c("指标值", 3, 180),
      c("产出指标", 0, 200),
      c("数量指标", 1, 200),
      c("受益人数", 2, 200),
      c("≥5000人", 3, 200),
    ];
    const layout = layoutPage(page(texts));
    expect(layout.tables.map((t) => t.cells.filter((x) => x.lines.length > 0).map((x) => x.lines.join("")))).toEqual([
      ["项目名称", "某某项目", "项目编码", "001"],
      ["一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "受益人数", "≥5000人"],
    ]);
  });

  it("tells rows from wrapped lines where cells have little padding (rows 6 pt apart, lines 1.5 pt)", () => {
    // A word processor's table: 10 pt type, rows 16 pt apart, a wrapped cell's lines 11.5 pt apart.
    const texts = [
      c("一级指标", 0, 120),
      c("二级指标", 1, 120),
      c("三级指标", 2, 120),
      c("指标值", 3, 120),
      c("产出指标", 0, 136),
      c("数量指标", 1, 136),
      c("受益人数", 2, 136),
      c("≥5000人", 3, 136),
      c("产出指标", 0, 152),
      c("质量指标", 1, 152),
      c("合格率", 2, 152),
      c("100%", 3, 152),
      c("产出指标", 0, 168),
      c("时效指标", 1, 168),
      c("完成时间很长", 2, 168),
      c("2024年", 3, 168),
      c("写满一行", 2, 179.5),
      c("效益指标", 0, 195.5),
      c("社会效益", 1, 195.5),
      c("满意度", 2, 195.5),
      c("≥90%", 3, 195.5),
    ];
    const rows = cellsOf(page(texts))
      .filter((x) => x[3] === 2)
      .map((x) => x[0]);
    expect(rows).toEqual(["三级指标", "受益人数", "合格率", "完成时间很长/写满一行", "满意度"]);
  });

  it("parts two wrapped cells stacked closer than one-line rows are (rows of a least height, little padding)", () => {
    // LibreOffice: 10 pt type, one-line rows 18 pt apart (8 pt between lines: the rows' least height), a wrapped
    // label's lines 11.5 pt apart (1.5 pt leading); two rows of wrapped labels, only 5.5 pt between them.
    const texts = [
      c("一级指标", 0, 120),
      c("二级指标", 1, 120),
      c("三级指标", 2, 120),
      c("指标值", 3, 120),
      c("产出指标", 0, 138),
      c("数量指标", 1, 138),
      c("受益人数", 2, 138),
      c("≥5000人", 3, 138),
      c("产出指标", 0, 156),
      c("质量指标", 1, 156),
      c("合格率", 2, 156),
      c("100%", 3, 156),
      c("效益指标", 0, 179.75),
      c("可持续影响指", 1, 174),
      c("标", 1, 185.5),
      c("长效机制", 2, 179.75),
      c("健全", 3, 179.75),
      c("满意度指标", 0, 206.75),
      c("服务对象满意", 1, 201),
      c("度指标", 1, 212.5),
      c("满意度", 2, 206.75),
      c("≥90%", 3, 206.75),
      c("满意度指标", 0, 230.5),
      c("服务对象满意", 1, 230.5),
      c("投诉率", 2, 230.5),
      c("≤1%", 3, 230.5),
    ];
    const col1 = cellsOf(page(texts)).filter((x) => x[3] === 1);
    expect(col1.map((x) => [x[0], x[2]])).toEqual([
      ["二级指标", 1],
      ["数量指标", 1],
      ["质量指标", 1],
      ["可持续影响指/标", 1],
      ["服务对象满意/度指标", 1],
      ["服务对象满意", 1],
    ]);
  });

  it("reads a justified first line of a wrapped cell, its space stretched wide, as one text", () => {
    // Key rows: "其中：财政 资" justified over "金" (centred on the whole first line), the space 11 pt wide.
    const texts = [
      c("项目名称", 0, 120),
      centred("某某项目运行经费", 380, 120),
      c("预算数", 0, 140.75),
      c("98.40", 1, 140.75),
      run("其中：财政", 344.5, 135),
      run("资", 405.5, 135),
      centred("金", 380, 146.5),
      c("98.40", 3, 140.75),
      c("一级指标", 0, 162),
      c("二级指标", 1, 162),
      c("三级指标", 2, 162),
      c("指标值", 3, 162),
      c("产出指标", 0, 180),
      c("数量指标", 1, 180),
      c("受益人数", 2, 180),
      c("≥5000人", 3, 180),
      c("产出指标", 0, 198),
      c("质量指标", 1, 198),
      c("合格率", 2, 198),
      c("100%", 3, 198),
    ];
    const row1 = cellsOf(page(texts))
      .filter((x) => x[1] === 1)
      .map((x) => x[0]);
    expect(row1).toEqual(["预算数", "98.40", "其中：财政 资/金", "98.40"]);
  });

  it("parts two rows beside more labels spanning them than columns showing the rows (labels left of them)", () => {
    // A project's name, amount and wrapped goal centred beside its two indicator rows: three cells cross the strip
    // between the rows, only two columns (name and value of the indicators) end and begin there.
    const x = [80, 170, 280, 400, 500];
    const at = (str: string, col: number, y: number) => centred(str, x[col], y);
    const texts = [
      at("项目名称", 0, 120),
      at("金额", 1, 120),
      at("项目目标", 2, 120),
      at("三级指标", 3, 120),
      at("指标值", 4, 120),
      at("受益人数", 3, 138),
      at("≥5000人", 4, 138),
      at("某某项目", 0, 147),
      at("96.00", 1, 147),
      at("推广新品种新技术", 2, 141.25),
      at("举办技术培训", 2, 152.75),
      at("合格率", 3, 156),
      at("100%", 4, 156),
    ];
    const cells = cellsOf(page(texts));
    expect(cells.filter((x) => x[3] === 3).map((x) => [x[0], x[1]])).toEqual([
      ["三级指标", 0],
      ["受益人数", 1],
      ["合格率", 2],
    ]);
    expect(cells.find((x) => x[0] === "某某项目")).toEqual(["某某项目", 1, 2, 0, 1]);
  });

  it("keeps fields printed as paragraphs above the table (several fields a line) outside it", () => {
    // Each line holds fields apart by two full-width spaces, as close to each other and to the table as its rows.
    const texts = [
      run("主管部门：某某局", 63, 66),
      run("实施单位：某某中心", 163, 66),
      run("项目类别：经常性项目", 63, 84),
      run("项目期限：2024年", 183, 84),
      run("预算数：326.00万元", 63, 102),
      run("其中：财政资金：326.00万元", 173, 102),
      run("其他资金：无", 323, 102),
      ...matrix(),
    ];
    const { tables } = assemble([layoutPage(page(texts))]);
    expect(tables).toHaveLength(1);
    const context = tables[0].context.join(" ");
    for (const field of ["主管部门：某某局", "项目期限：2024年", "其中：财政资金：326.00万元", "其他资金：无"])
      expect(context).toContain(field);
    expect(tables[0].cells.filter((x) => x.row === 0).map((x) => x.text)).toEqual(["一级指标", "二级指标", "三级指标", "指标值"]);
  });

  it("continues a table over the break in the columns its last row goes on in, not the key rows' finer ones", () => {
    // Page 1: key rows part the last columns at 480 and 497; the indicator rows under them use 480 only. Page 2's
    // boundary, guessed in the wide gap between description and value, lies nearer 497 than 480.
    const cell = (r0: number, c0: number, c1: number, text: string, page: number): PageCell => ({
      r0,
      r1: r0 + 1,
      c0,
      c1,
      lines: [text],
      page,
      openTop: false,
      openBottom: false,
      lastLineFull: false,
    });
    const a: PageTable = {
      kind: "lattice",
      page: 1,
      pages: [1],
      guessed: true,
      xs: [30, 100, 180, 330, 480, 497, 560],
      ys: [600, 620, 640, 660],
      cells: [
        cell(0, 0, 1, "预算数", 1),
        cell(0, 1, 3, "98.40", 1),
        cell(0, 3, 5, "其他资金", 1),
        cell(0, 5, 6, "0", 1),
        cell(1, 0, 1, "一级指标", 1),
        cell(1, 1, 2, "二级指标", 1),
        cell(1, 2, 3, "三级指标", 1),
        cell(1, 3, 4, "指标描述", 1),
        cell(1, 4, 6, "指标值", 1),
        cell(2, 0, 1, "产出指标", 1),
        cell(2, 1, 2, "数量指标", 1),
        cell(2, 2, 3, "受益人数", 1),
        cell(2, 3, 4, "受益人数", 1),
        cell(2, 4, 6, "≥5000人", 1),
      ],
      box: { x0: 30, y0: 600, x1: 560, y1: 660 },
    };
    const b: PageTable = {
      kind: "lattice",
      page: 2,
      pages: [2],
      guessed: true,
      xs: [30, 100, 180, 330, 489, 560],
      ys: [50, 70],
      cells: [
        cell(0, 0, 1, "效益指标", 2),
        cell(0, 1, 2, "社会效益", 2),
        cell(0, 2, 3, "满意度", 2),
        cell(0, 3, 4, "满意度", 2),
        cell(0, 4, 5, "≥90%", 2),
      ],
      box: { x0: 30, y0: 50, x1: 560, y1: 70 },
    };
    const layout = (n: number, t: PageTable): PageLayout => ({
      number: n,
      width: 600,
      height: 800,
      tables: [t],
      lines: [],
      textRuns: 0,
      warnings: [],
    });
    const { tables } = assemble([layout(1, a), layout(2, b)]);
    expect(tables).toHaveLength(1);
    const value = (row: number) =>
      tables[0].cells
        .filter((x) => x.row === row)
        .map((x) => [x.text, x.col, x.colspan])
        .at(-1);
    expect(value(3)).toEqual(value(2)?.with(0, "≥90%"));
  });

  it("reads a table's first row alone at the foot of its page as a row, but not a page footer", () => {
    const head = [centred("某某项目绩效目标表", 320, 690, 16), run("单位：万元", 95, 720)];
    const row = [c("项目编码", 0, 745), c("123-456", 1, 745), c("项目名称", 2, 745), c("某某项目", 3, 745)];
    const cells = cellsOf(page([...head, ...row]));
    // One row (where its columns part is the column finder's business).
    expect(cells.every((x) => x[1] === 0 && x[2] === 1)).toBe(true);
    expect(cells.map((x) => x[0]).filter(Boolean)).toEqual(["项目编码", "123-456", "项目名称", "某某项目"]);
    // The same line far below the text, in the bottom margin: page furniture, no table.
    const footer = [c("第3页", 1, 785), c("共6页", 2, 785)];
    expect(layoutPage(page([...head, ...footer])).tables).toHaveLength(0);
  });

  it("reads the rest of a row cut by the page break, at the head of the page above the table, as its first row", () => {
    // Two wrapped lines in the value column, the first text of the page, as far above the table as its rows.
    const texts = [c("不少于", 3, 90), c("十五人", 3, 102), ...matrix()];
    const cells = cellsOf(page(texts));
    expect(cells.filter((x) => x[1] === 0)).toEqual([
      ["", 0, 1, 0, 1],
      ["", 0, 1, 1, 1],
      ["", 0, 1, 2, 1],
      ["不少于/十五人", 0, 1, 3, 1],
    ]);
    expect(cells.find((x) => x[0] === "一级指标")).toEqual(["一级指标", 1, 1, 0, 1]);
  });

  it("keeps one table where a row is set further apart but the text on both sides lines up in the same columns", () => {
    // Rows 10 pt apart, then 17 pt (a row made taller by a cell of another column, its single lines centred).
    const texts = [
      c("一级指标", 0, 120),
      c("二级指标", 1, 120),
      c("三级指标", 2, 120),
      c("指标值", 3, 120),
      c("产出指标", 0, 140),
      c("数量指标", 1, 140),
      c("受益人数", 2, 140),
      c("≥5000人", 3, 140),
      c("产出指标", 0, 160),
      c("质量指标", 1, 160),
      c("合格率", 2, 160),
      c("100%", 3, 160),
      c("效益指标", 0, 187),
      c("社会效益", 1, 187),
      c("满意度", 2, 187),
      c("≥90%", 3, 187),
      c("生态效益", 1, 207),
      c("绿化率", 2, 207),
      c("≥95%", 3, 207),
    ];
    const cells = cellsOf(page(texts));
    expect(cells.filter((x) => x[3] === 1).map((x) => [x[0], x[1]])).toEqual([
      ["二级指标", 0],
      ["数量指标", 1],
      ["质量指标", 2],
      ["社会效益", 3],
      ["生态效益", 4],
    ]);
  });

  it("reads a label printed at the top of its cell, cut by the page break, as spanning the rows under it", () => {
    // The table runs into the foot of its page: 其他任务 starts with its row's text, with empty cells under it down
    // to the break and rows laid out like its own beside them. Higher up the page the same rows are not cut, and
    // a label not centred on rows spans none of them.
    const rows = (y: number) => [
      c("一级指标", 0, y),
      c("名称", 1, y),
      c("金额", 2, y),
      c("目标", 3, y),
      c("重点任务", 0, y + 20),
      c("任务甲", 1, y + 20),
      c("10", 2, y + 20),
      c("完成", 3, y + 20),
      c("其他任务", 0, y + 40),
      c("任务乙", 1, y + 40),
      c("20", 2, y + 40),
      c("完成", 3, y + 40),
      c("任务丙", 1, y + 60),
      c("30", 2, y + 60),
      c("完成", 3, y + 60),
      c("任务丁", 1, y + 80),
      c("40", 2, y + 80),
      c("完成", 3, y + 80),
    ];
    expect(cellsOf(page(rows(680))).find((x) => x[0] === "其他任务")).toEqual(["其他任务", 2, 3, 0, 1]);
    expect(cellsOf(page(rows(300))).find((x) => x[0] === "其他任务")).toEqual(["其他任务", 2, 1, 0, 1]);
  });

  it("keeps values at the top of a row cut by the page break to their row when the row under it is laid out otherwise", () => {
    // 10.00 has an empty cell under it down to the break, but the row there is one text set from the third
    // column on, not a row like its own: nothing groups it.
    const texts = [
      c("名称", 0, 680),
      c("甲项目", 1, 680),
      c("编码", 2, 680),
      c("001", 3, 680),
      c("预算数", 0, 700),
      c("10.00", 1, 700),
      c("其中财政", 2, 700),
      c("10.00", 3, 700),
      run("用于某某事项的资金说明文字", 330, 720),
    ];
    const cells = cellsOf(page(texts));
    expect(cells.filter((x) => Number(x[3]) < 2 && Number(x[1]) >= 1)).toEqual([
      ["预算数", 1, 1, 0, 1],
      ["10.00", 1, 1, 1, 1],
      ["", 2, 1, 0, 1],
      ["", 2, 1, 1, 1],
    ]);
  });

  it("reads prose as prose", () => {
    const texts = [run("这是一段正文，没有任何表格。", 95, 100), run("第二行正文继续写下去。", 95, 115), run("第三行。", 95, 130)];
    const layout = layoutPage(page(texts));
    expect(layout.tables).toHaveLength(0);
    expect(layout.lines).toHaveLength(3);
  });
});

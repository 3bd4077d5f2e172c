/**
 * The PDF backend's parts on small, hand-made inputs: text cleanup, joining runs into lines, ruling lines from
 * operator lists (CTM tracking, thin rectangles), the lattice grid with merged and outside cells, the stream
 * finder's restraint on prose, and joining a table's parts over a page break.
 */
import { describe, expect, it } from "vitest";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { assemble } from "../../src/formats/pdf/assemble.ts";
import { findLatticeFrames } from "../../src/formats/pdf/lattice.ts";
import { layoutPage, type PageLayout } from "../../src/formats/pdf/page-layout.ts";
import type { PageCell, PageTable } from "../../src/formats/pdf/page-table.ts";
import { textRun } from "../../src/formats/pdf/read-pages.ts";
import { mergeRules } from "../../src/formats/pdf/rule-merge.ts";
import { rulingsFromOperatorList } from "../../src/formats/pdf/rulings.ts";
import { findStreamTables } from "../../src/formats/pdf/stream.ts";
import { cleanRunText, cleanRuns } from "../../src/formats/pdf/text-cleanup.ts";
import { groupLines, lineText } from "../../src/formats/pdf/text-lines.ts";
import type { HRule, PageData, TextRun, VRule } from "../../src/formats/pdf/types.ts";

/** An upright run: `x` left end, `y` baseline, width from the text (CJK 1 em, others half). */
function run(str: string, x: number, y: number, size = 10, width?: number): TextRun {
  const w = width ?? Array.from(str).reduce((s, ch) => s + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);
  return { str, x0: x, x1: x + w, top: y - 0.85 * size, bottom: y + 0.15 * size, baseline: y, size, upright: true };
}

describe("text cleanup", () => {
  it("maps Kangxi and supplement radicals back, and nothing else", () => {
    expect(cleanRunText("⼆级指标")).toBe("二级指标");
    expect(cleanRunText("⻓期⻅效 ⻔诊 ⻄部 ⻘年 ⻢路 ⻋辆 ⻛险")).toBe("长期见效 门诊 西部 青年 马路 车辆 风险");
    // Full-width forms, ≥ and ％ stay as printed (no NFKC).
    expect(cleanRunText("（≥９０％）：")).toBe("（≥９０％）：");
  });

  it("maps characters Chromium reports for shared glyphs", () => {
    expect(cleanRunText("戶外场地")).toBe("户外场地");
    expect(cleanRunText("滑")).toBe("滑");
  });

  it("drops controls and collapses whitespace", () => {
    expect(cleanRunText("指标\u0000值\u00a0\u3000 说明")).toBe("指标值 说明");
  });

  it("drops slanted text (watermarks), keeps text turned by 90°", () => {
    const diagonal = textRun("内部资料", [30, 30, -30, 30, 200, 400], 120, [1, 0, 0, -1, 0, 842]);
    const vertical = textRun("产出指标", [0, 10, -10, 0, 300, 100], 40, [1, 0, 0, -1, 0, 842]);
    expect(diagonal.slanted).toBe(true);
    expect(cleanRuns([diagonal, vertical]).map((r) => r.str)).toEqual(["产出指标"]);
  });

  it("drops a run overprinted at almost the same spot (fake bold), keeps a repeat elsewhere", () => {
    const runs = cleanRuns([run("绩效目标表", 100, 50, 14), run("绩效目标表", 100.3, 50, 14), run("绩效目标表", 100, 300, 14)]);
    expect(runs.map((r) => r.baseline)).toEqual([50, 300]);
  });
});

describe("runs into lines", () => {
  it("joins CJK runs without spaces and Latin/digit runs across a gap with one", () => {
    const line = groupLines([run("2023", 100, 50), run("年", 122.8, 50), run("12", 133, 50), run("月", 145, 50)])[0];
    expect(lineText(line)).toBe("2023年12月");
    expect(lineText(groupLines([run("Page", 10, 20), run("3", 40, 20)])[0])).toBe("Page 3");
    expect(lineText(groupLines([run("≥", 10, 20), run("90%", 16, 20)])[0])).toBe("≥90%");
  });

  it("groups runs on one baseline into a line, in reading order", () => {
    const lines = groupLines([run("单位：万元", 400, 80), run("第二行", 10, 100), run("标题", 10, 80.5)]);
    // A gap wider than a space between CJK characters is a space, in cells and free text alike.
    expect(lines.map((l) => lineText(l))).toEqual(["标题 单位：万元", "第二行"]);
    expect(lineText(lines[0], { wideGapEm: 2 })).toBe("标题 单位：万元");
  });

  it("puts a glyph drawn apart back into the run around it", () => {
    // LibreOffice draws “ from another font; pdf.js reports the surrounding text with a space in its place.
    const host = run("实现 站起来", 100, 50, 9, 54);
    const quote = run("“", 127, 50, 9, 4.5);
    expect(lineText(groupLines([host, quote])[0])).toBe("实现“站起来");
  });

  it("places text of a rotated page upright", () => {
    // /Rotate 90 viewport transform and a run drawn turned by -90° in user space.
    const r = textRun("指标值", [0, 10, -10, 0, 300, 100], 30, [0, 1, 1, 0, 0, 0]);
    expect(r.upright).toBe(true);
    expect(r.x0).toBeCloseTo(100);
    expect(r.x1).toBeCloseTo(130);
    expect(r.baseline).toBeCloseTo(300);
  });
});

describe("ruling lines from operator lists", () => {
  const path = (...codes: number[]) => new Float32Array(codes);
  const identity = [1, 0, 0, 1, 0, 0];

  it("tracks the CTM through save/transform/restore and reads stroked lines and thin filled rectangles", () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      [2, 0, 0, 2, 10, 10],
      [OPS.stroke, [path(0, 0, 0, 1, 50, 0)], null],
      null,
      [OPS.fill, [path(0, 5, 100, 1, 5.75, 100, 1, 5.75, 200, 1, 5, 200, 4)], null],
      [OPS.fill, [path(0, 0, 300, 1, 100, 300, 1, 100, 340, 1, 0, 340, 4)], null],
    ];
    const { h, v } = rulingsFromOperatorList(fn, args, OPS, identity);
    expect(h).toEqual([{ y: 10, x0: 10, x1: 110 }]);
    expect(v).toHaveLength(1);
    expect(v[0].x).toBeCloseTo(5.375);
    expect([v[0].y0, v[0].y1]).toEqual([100, 200]);
  });

  it("ignores clipping paths, white paint, curves and big filled boxes", () => {
    const fn = [OPS.constructPath, OPS.setFillRGBColor, OPS.constructPath, OPS.setFillRGBColor, OPS.constructPath];
    const args = [
      [OPS.endPath, [path(0, 0, 0, 1, 100, 0)], null],
      ["#ffffff"],
      [OPS.fill, [path(0, 0, 50, 1, 100, 50, 1, 100, 50.5, 1, 0, 50.5, 4)], null],
      ["#000000"],
      [OPS.fill, [path(0, 0, 0, 2, 10, 10, 20, 10, 30, 0)], null],
    ];
    expect(rulingsFromOperatorList(fn, args, OPS, identity)).toEqual({ h: [], v: [], images: [] });
  });

  it("applies form XObject matrices", () => {
    const fn = [OPS.paintFormXObjectBegin, OPS.constructPath, OPS.paintFormXObjectEnd, OPS.constructPath];
    const args = [
      [
        [1, 0, 0, 1, 100, 0],
        [0, 0, 10, 10],
      ],
      [OPS.stroke, [path(0, 0, 0, 1, 0, 40)], null],
      null,
      [OPS.stroke, [path(0, 0, 0, 1, 0, 40)], null],
    ];
    const { v } = rulingsFromOperatorList(fn, args, OPS, identity);
    expect(v.map((l) => l.x)).toEqual([100, 0]);
  });
});

/** Borders of a grid: xs × ys with the listed interior segments left out. */
function grid(xs: number[], ys: number[], missing: { h?: [number, number][]; v?: [number, number][] } = {}) {
  const h: HRule[] = [];
  const v: VRule[] = [];
  ys.forEach((y, j) =>
    xs.slice(0, -1).forEach((x, c) => {
      if (!missing.h?.some(([jj, cc]) => jj === j && cc === c)) h.push({ y, x0: x, x1: xs[c + 1] });
    }),
  );
  xs.forEach((x, i) =>
    ys.slice(0, -1).forEach((y, r) => {
      if (!missing.v?.some(([ii, rr]) => ii === i && rr === r)) v.push({ x, y0: y, y1: ys[r + 1] });
    }),
  );
  return mergeRules(h, v);
}

describe("lattice", () => {
  it("finds merged cells from missing borders", () => {
    // 3×3: the first column's cells of rows 1–2 merged; row 0's last two cells merged.
    const { h, v } = grid([0, 50, 100, 150], [0, 20, 40, 60], { h: [[2, 0]], v: [[2, 0]] });
    const [frame] = findLatticeFrames(h, v, 800);
    expect(frame.xs).toEqual([0, 50, 100, 150]);
    expect(frame.slots.map((s) => [s.r0, s.r1, s.c0, s.c1]).sort()).toEqual(
      [
        [0, 1, 0, 1],
        [0, 1, 1, 3],
        [1, 2, 1, 2],
        [1, 2, 2, 3],
        [1, 3, 0, 1],
        [2, 3, 1, 2],
        [2, 3, 2, 3],
      ].sort(),
    );
  });

  it("snaps nearly aligned borders and joins dashed pieces", () => {
    const { h, v } = mergeRules(
      [
        { y: 0, x0: 0, x1: 48 },
        { y: 0.8, x0: 50, x1: 100 },
        { y: 30, x0: 0, x1: 100 },
      ],
      [
        { x: 0, y0: 0, y1: 30 },
        { x: 100.5, y0: 0, y1: 14 },
        { x: 100, y0: 16, y1: 30 },
      ],
    );
    expect(h).toHaveLength(2);
    expect(v).toHaveLength(2);
    expect(findLatticeFrames(h, v, 800)).toHaveLength(0); // one box is not a table
  });

  it("takes a double border for one grid line", () => {
    const { h, v } = grid([0, 50, 100], [0, 20, 40]);
    const outer = mergeRules(
      [...h, { y: -3, x0: -3, x1: 103 }, { y: 43, x0: -3, x1: 103 }],
      [...v, { x: -3, y0: -3, y1: 43 }, { x: 103, y0: -3, y1: 43 }],
    );
    const [frame] = findLatticeFrames(outer.h, outer.v, 800);
    expect(frame.xs).toHaveLength(3);
    expect(frame.ys).toHaveLength(3);
    expect(frame.slots).toHaveLength(4);
  });

  it("leaves out the region beside a narrower row (no border there)", () => {
    // Row 0 spans only the first two columns; the area right of it has no left/right border.
    const h: HRule[] = [
      { y: 0, x0: 0, x1: 100 },
      { y: 20, x0: 0, x1: 150 },
      { y: 40, x0: 0, x1: 150 },
    ];
    const v: VRule[] = [
      { x: 0, y0: 0, y1: 40 },
      { x: 50, y0: 0, y1: 40 },
      { x: 100, y0: 0, y1: 40 },
      { x: 150, y0: 20, y1: 40 },
    ];
    const [frame] = findLatticeFrames(h, v, 800);
    expect(frame.slots).toHaveLength(5);
    expect(frame.cellOf[2]).toBe(-1);
  });

  it("keeps a table cut open by the page break open at that edge", () => {
    const { h, v } = grid([0, 50, 100], [700, 720, 740], {});
    v.push({ x: 0, y0: 740, y1: 790 }, { x: 50, y0: 740, y1: 790 }, { x: 100, y0: 740, y1: 790 });
    const merged = mergeRules(h, v);
    const [frame] = findLatticeFrames(merged.h, merged.v, 800);
    expect(frame.ys.at(-1)).toBeCloseTo(790);
    expect(frame.slots.filter((s) => s.openBottom)).toHaveLength(2);
  });
});

describe("stream tables", () => {
  it("does not make a table of prose", () => {
    const prose = [0, 1, 2, 3, 4].map((i) =>
      run("为落实残疾人托养服务政策本项目为全县残疾人提供日间照料和托养服务", 40, 100 + i * 16, 10.5),
    );
    expect(findStreamTables(prose, 1).tables).toEqual([]);
  });

  it("finds columns by alignment", () => {
    const rows = [
      ["一级指标", "三级指标", "指标值"],
      ["产出指标", "托养服务人数", "≥120人"],
      ["", "托养机构达标率", "100%"],
      ["效益指标", "家庭照护负担", "明显减轻"],
    ];
    const runs = rows.flatMap((r, i) =>
      r.map((t, c) => (t ? run(t, [40, 140, 300][c], 200 + i * 20, 9) : null)).filter((x): x is TextRun => x !== null),
    );
    const { tables, rest } = findStreamTables(runs, 1);
    expect(rest).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0].xs).toHaveLength(4);
    expect(tables[0].cells.map((c) => c.lines.join("\n"))).toEqual(rows.flat());
  });
});

/** A page layout with given tables and lines, for assembling. */
function pageOf(number: number, tables: PageTable[], lines: { text: string; top: number; size?: number }[] = []): PageLayout {
  return {
    number,
    width: 595,
    height: 842,
    tables,
    lines: lines.map((l) => ({ text: l.text, page: number, top: l.top, bottom: l.top + 10, x0: 40, x1: 200, size: l.size ?? 10.5 })),
    textRuns: 1,
    warnings: [],
  };
}

function pageTable(page: number, y0: number, y1: number, rows: string[][], opts: Partial<PageCell> = {}): PageTable {
  const xs = [40, 140, 240, 340];
  const ys = rows.map((_, i) => y0 + ((y1 - y0) * i) / rows.length).concat(y1);
  const cells: PageCell[] = rows.flatMap((r, ri) =>
    r.map((t, ci) => ({
      r0: ri,
      r1: ri + 1,
      c0: ci,
      c1: ci + 1,
      lines: t ? t.split("\n") : [],
      page,
      openTop: false,
      openBottom: false,
      lastLineFull: false,
      ...opts,
    })),
  );
  return { kind: "lattice", page, pages: [page], xs, ys, cells, box: { x0: 40, y0, x1: 340, y1 } };
}

describe("tables over a page break", () => {
  it("joins a continuation whose columns line up, past a page number", () => {
    const a = pageTable(1, 500, 780, [
      ["一级指标", "二级指标", "指标值"],
      ["产出指标", "数量指标", "≥1"],
    ]);
    const b = pageTable(2, 50, 90, [["效益指标", "社会效益指标", "明显"]]);
    const doc = assemble([
      pageOf(
        1,
        [a],
        [
          { text: "标题", top: 400 },
          { text: "- 1 -", top: 815 },
        ],
      ),
      pageOf(2, [b], [{ text: "- 2 -", top: 815 }]),
    ]);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].rows).toBe(3);
    expect(doc.tables[0].pages).toEqual([1, 2]);
    expect(doc.tables[0].context).toEqual(["标题"]);
    expect(doc.trailing).toEqual([]);
  });

  it("does not join across a title, or when the first part ends mid-page", () => {
    const a = pageTable(1, 500, 780, [["一级指标", "二级指标", "指标值"]]);
    const b = pageTable(2, 80, 120, [["一级指标", "二级指标", "指标值"]]);
    expect(assemble([pageOf(1, [a]), pageOf(2, [b], [{ text: "2.某项目绩效目标表", top: 50 }])]).tables).toHaveLength(2);
    const short = pageTable(1, 100, 300, [["一级指标", "二级指标", "指标值"]]);
    expect(assemble([pageOf(1, [short]), pageOf(2, [b])]).tables).toHaveLength(2);
  });

  it("joins a row split by the break: text goes on from a full line, the other cells are empty", () => {
    const a = pageTable(1, 500, 780, [["数量指标", "岗位开发补贴标准（按新增岗位", "≥1"]]);
    a.cells[1].lastLineFull = true;
    const b = pageTable(2, 50, 90, [
      ["", "数量核定）", ""],
      ["质量指标", "合格率", "≥95%"],
    ]);
    const t = assemble([pageOf(1, [a]), pageOf(2, [b])]).tables[0];
    expect(t.rows).toBe(2);
    expect(t.cells.find((c) => c.row === 0 && c.col === 1)?.text).toBe("岗位开发补贴标准（按新增岗位\n数量核定）");
  });

  it("keeps a new row that only happens to have empty cells", () => {
    const a = pageTable(1, 500, 780, [["数量指标", "培训人数", "≥1"]]);
    const b = pageTable(2, 50, 90, [["", "合格率", ""]]);
    expect(assemble([pageOf(1, [a]), pageOf(2, [b])]).tables[0].rows).toBe(2);
  });

  it("drops a header row repeated on the next page", () => {
    const a = pageTable(1, 500, 780, [
      ["一级指标", "二级指标", "指标值"],
      ["产出指标", "数量指标", "≥1"],
    ]);
    const b = pageTable(2, 50, 90, [
      ["一级指标", "二级指标", "指标值"],
      ["效益指标", "社会效益指标", "明显"],
    ]);
    const t = assemble([pageOf(1, [a]), pageOf(2, [b])]).tables[0];
    expect(t.rows).toBe(3);
    expect(t.cells.filter((c) => c.text === "一级指标")).toHaveLength(1);
  });

  it("leaves running headers out of the context and out of the way of a continuation", () => {
    const a = pageTable(1, 300, 780, [["一级指标", "二级指标", "指标值"]]);
    const b = pageTable(2, 80, 200, [["产出指标", "数量指标", "≥1"]]);
    const doc = assemble([
      pageOf(
        1,
        [a],
        [
          { text: "某某县2024年部门预算公开", top: 30, size: 9 },
          { text: "1.项目甲", top: 250 },
        ],
      ),
      pageOf(2, [b], [{ text: "某某县2024年部门预算公开", top: 30, size: 9 }]),
    ]);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].context).toEqual(["1.项目甲"]);
  });

  it("keeps a title repeated above every table, which starts a new table", () => {
    const a = pageTable(1, 80, 780, [["项目名称", "项目甲", ""]]);
    const b = pageTable(2, 80, 780, [["项目名称", "项目乙", ""]]);
    const doc = assemble([
      pageOf(1, [a], [{ text: "项目支出绩效目标表", top: 40, size: 16 }]),
      pageOf(2, [b], [{ text: "项目支出绩效目标表", top: 40, size: 16 }]),
    ]);
    expect(doc.tables.map((t) => t.context)).toEqual([["项目支出绩效目标表"], ["项目支出绩效目标表"]]);
  });

  it("joins cells left open at the break (Chromium) into one merged cell", () => {
    const a = pageTable(1, 500, 780, [["产出指标", "数量指标", "≥1"]]);
    a.cells[0].openBottom = true;
    const b = pageTable(2, 50, 90, [["", "质量指标", "≥2"]]);
    b.cells[0].openTop = true;
    const t = assemble([pageOf(1, [a]), pageOf(2, [b])]).tables[0];
    expect(t.rows).toBe(2);
    expect(t.cells[0]).toMatchObject({ text: "产出指标", row: 0, col: 0, rowspan: 2, page: 1 });
    expect(t.cells.find((c) => c.row === 1 && c.col === 1)).toMatchObject({ text: "质量指标", page: 2 });
  });
});

describe("page layout", () => {
  /** A 2×2 ruled table at x 40–140–240, y 100–120–140. */
  const box = grid([40, 140, 240], [100, 120, 140]);
  const page = (texts: TextRun[]): PageData => ({ number: 1, width: 595, height: 842, texts, h: box.h, v: box.v, images: [] });
  const cellTexts = (p: PageData) => layoutPage(p).tables[0].cells.map((c) => c.lines.join("\n"));

  it("splits a run pdf.js made of two neighbouring cells' texts", () => {
    const joined = run("98.40 其他资金", 100, 115, 9, 100);
    expect(cellTexts(page([joined, run("项目名称", 44, 135, 9)]))).toEqual(["98.40", "其他资金", "项目名称", ""]);
  });

  it("keeps text overflowing a narrow cell in the cell where it starts", () => {
    const long = run("康复中心在综合园区工作人员满意度", 44, 115, 9);
    expect(cellTexts(page([long]))).toEqual(["康复中心在综合园区工作人员满意度", "", "", ""]);
  });

  it("keeps lines outside the table as context lines", () => {
    const layout = layoutPage(page([run("单位：万元", 40, 90, 9), run("备注：无", 40, 160, 9)]));
    expect(layout.lines.map((l) => l.text)).toEqual(["单位：万元", "备注：无"]);
  });

  it("warns about a page pdf.js could not read", () => {
    const broken: PageData = { number: 2, width: 0, height: 0, texts: [], h: [], v: [], images: [], error: "bad XRef entry" };
    const layout = layoutPage(broken);
    expect(layout.warnings).toEqual(["page 2: damaged, skipped (bad XRef entry)"]);
    expect(layout.error).toBe("bad XRef entry");
  });

  it("warns about an image-only page and reads the rest", () => {
    const page: PageData = { number: 3, width: 595, height: 842, texts: [], h: [], v: [], images: [{ x0: 0, y0: 0, x1: 595, y1: 842 }] };
    expect(layoutPage(page).warnings).toEqual(["page 3: no text layer (scanned?)"]);
  });
});

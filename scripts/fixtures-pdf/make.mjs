#!/usr/bin/env node
/**
 * PDF fixtures drawn by a third producer (pdfkit, with Noto Sans CJK SC subset-embedded), next to the
 * LibreOffice and Chromium seed PDFs: a landscape page, a table running over two pages (a row and merged cells
 * split by the break, Word-style closed borders), a borderless table between prose, a /Rotate 90 page with
 * Chromium-style rectangle borders, and broken files (passwords, truncation, an image-only scan, garbage).
 *
 * Each table fixture gets `<name>.expected-grid.json`, written from the table specs below (what is drawn), not
 * from jixiao's output; the specs were checked by eye against renders (PREVIEW=1 writes PNGs to /tmp).
 *
 *   node scripts/fixtures-pdf/make.mjs            # writes fixtures/pdf/
 */
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { drawTable, expectedCells, place, splitTable } from "./lib/table.mjs";

const require = createRequire(import.meta.url);
const PDFDocument = require("pdfkit");

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = join(root, "fixtures/pdf");
mkdirSync(out, { recursive: true });
const FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const FIXED_DATE = new Date("2024-03-01T00:00:00Z");

/** A pdfkit document whose bytes are collected; `finish()` resolves to them. */
function newDoc(options = {}) {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Producer: "jixiao fixtures (pdfkit)", CreationDate: FIXED_DATE },
    ...options,
  });
  doc.registerFont("cjk", FONT, "NotoSansCJKsc-Regular");
  const chunks = [];
  doc.on("data", (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

function text(doc, str, x, y, size = 10.5, opts = {}) {
  doc
    .font("cjk")
    .fontSize(size)
    .text(str, x, y, { lineBreak: false, ...opts });
}

function centered(doc, str, y, pageWidth, size) {
  doc.font("cjk").fontSize(size);
  text(doc, str, (pageWidth - doc.widthOfString(str)) / 2, y, size);
}

const write = (name, bytes) => writeFileSync(join(out, name), bytes);
const expect = (name, grid) => writeFileSync(join(out, `${name}.expected-grid.json`), JSON.stringify(grid, null, 1) + "\n");

// ---------------------------------------------------------------------------------------------------------
// landscape.pdf: A4 landscape, key–value header and indicator matrix in one table (colspans and rowspans),
// a title overprinted for "bold" (drawn twice 0.3 pt apart), Kangxi radicals in two cells (二 as U+2F06,
// 长 as U+2ED3, as Chromium writes them), a free line with two parts, a note after the table.
{
  const W = 841.89;
  const { doc, finish } = newDoc();
  doc.addPage({ size: "A4", layout: "landscape", margin: 0 });
  const title = "某某县2024年度项目支出绩效目标表";
  centered(doc, title, 40, W, 16);
  doc.font("cjk").fontSize(16);
  text(doc, title, (W - doc.widthOfString(title)) / 2 + 0.3, 40, 16);
  text(doc, "填报单位（盖章）：某某县残疾人联合会", 40, 72);
  text(doc, "单位：万元", 740, 72);
  const rows = [
    ["项目名称", { t: "残疾人康复服务项目", cs: 3 }, "主管部门", { t: "某某县残疾人联合会", cs: 3 }],
    ["实施单位", { t: "某某县残疾人康复中心", cs: 2 }, "项目属性", "经常性项目", "项目期限", "1年", "负责人：王某"],
    [
      { t: "项目资金", rs: 3 },
      "年度资金总额",
      { t: "120.00", cs: 2 },
      { t: "年度绩效目标", rs: 3 },
      { t: ["1.为200名残疾儿童提供康复训练；", "2.为150名成人残疾人适配辅助器具。"], cs: 3, rs: 3, align: "left" },
    ],
    ["其中：财政拨款", { t: "100.00", cs: 2 }],
    ["其他资金", { t: "20.00", cs: 2 }],
    ["一级指标", "⼆级指标", { t: "三级指标", cs: 2 }, "指标值", { t: "指标值确定依据", cs: 3 }],
    [{ t: "产出指标", rs: 4 }, { t: "数量指标", rs: 2 }, { t: "康复训练人数", cs: 2 }, "≥200人", { t: "年度计划", cs: 3 }],
    [{ t: "辅具适配人数", cs: 2 }, "≥150人", { t: "年度计划", cs: 3 }],
    ["质量指标", { t: "训练达标率", cs: 2 }, "≥90%", { t: "行业标准", cs: 3 }],
    ["时效指标", { t: "资金支付时限", cs: 2 }, "2024年12月31日前", { t: ["按合同约定", "分期支付"], cs: 3 }],
    ["效益指标", "社会效益指标", { t: ["残疾儿童⻓期", "康复效果"], cs: 2 }, "明显提升", { t: "跟踪回访", cs: 3 }],
    ["满意度指标", ["服务对象满意", "度指标"], { t: "受益对象满意度", cs: 2 }, "≥90%", { t: "问卷调查", cs: 3 }],
  ];
  const table = place(rows);
  const bottom = drawTable(doc, table, 40, 92, [90, 90, 110, 110, 110, 84, 84, 84], { size: 9 });
  text(doc, "备注：本表金额保留两位小数。", 40, bottom + 12, 9);
  write("landscape.pdf", await finish());
  const cells = expectedCells(table).map((c) => [c[0], c[1], c[2], c[3], c[4].replace("⼆", "二").replace("⻓", "长")]);
  expect("landscape", {
    pages: 1,
    warnings: [],
    tables: [
      { rows: table.rows, cols: table.cols, pages: [1], context: [title, "填报单位（盖章）：某某县残疾人联合会 单位：万元"], cells },
    ],
    trailing: ["备注：本表金额保留两位小数。"],
  });
}

// ---------------------------------------------------------------------------------------------------------
// two-page.pdf: a header table, then an indicator matrix that runs onto page 2 without a repeated header.
// The break splits a row (its 三级指标 text wraps over it) and two merged cells (产出指标, 成本指标); borders
// are closed at the break as Word and LibreOffice draw them. Page numbers at the bottom; a note after.
{
  const { doc, finish } = newDoc();
  const W = 595.28;
  const x = 40;
  const title = "1.残疾人就业帮扶项目绩效目标表";
  const head = place([
    ["项目名称", { t: "残疾人就业帮扶项目", cs: 3 }],
    ["预算数", "85.60", "其中：财政资金", "85.60"],
    ["年度目标", { t: ["帮扶300名残疾人实现就业，开展职业技能培训20期，", "提升残疾人就业能力。"], cs: 3, align: "left" }],
  ]);
  const quantity = [
    "职业技能培训期数",
    "培训残疾人人数",
    "实现就业人数",
    "新增就业岗位数",
    "盲人按摩培训人数",
    "电商培训人数",
    "手工技能培训人数",
    "农村实用技术培训人数",
    "就业创业补贴人数",
    "职业指导服务人次",
  ];
  const quantityValues = ["≥20期", "≥600人", "≥300人", "≥150个", "≥40人", "≥80人", "≥60人", "≥120人", "≥50人", "≥500人次"];
  const quality = [
    "培训合格率",
    "就业稳定率",
    "补贴发放准确率",
    "培训教材合格率",
    "培训机构资质合格率",
    "学员考勤达标率",
    "结业证书发放率",
    "回访覆盖率",
  ];
  const cost = ["人均培训成本", "人均就业补贴", "岗位开发补贴标准", "培训场地租赁费", "教材资料费", "培训教师课时费"];
  const costValues = ["≤1200元/人", "≤2000元/人", "≤1000元/个", "≤3万元", "≤1.2万元", "≤300元/课时"];
  const rows = [["一级指标", "二级指标", "三级指标", "指标值"]];
  const total = quantity.length + quality.length + 4 + cost.length;
  quantity.forEach((n, i) =>
    rows.push([
      ...(i === 0
        ? [
            { t: "产出指标", rs: total },
            { t: "数量指标", rs: quantity.length },
          ]
        : []),
      n,
      quantityValues[i],
    ]),
  );
  quality.forEach((n, i) => rows.push([...(i === 0 ? [{ t: "质量指标", rs: quality.length }] : []), n, i === 1 ? "≥85%" : "≥95%"]));
  rows.push(
    [{ t: "时效指标", rs: 4 }, "培训完成时间", "2024年11月底前"],
    ["补贴发放时间", "2024年12月20日前"],
    ["岗位对接完成时间", "2024年10月底前"],
    ["资金拨付时间", "2024年12月31日前"],
  );
  cost.forEach((n, i) =>
    rows.push([
      ...(i === 0 ? [{ t: "成本指标", rs: cost.length }] : []),
      i === 2 ? ["岗位开发补贴标准（按新增岗位数量", "核定）"] : n,
      costValues[i],
    ]),
  );
  rows.push(
    [{ t: "效益指标", rs: 3 }, { t: "社会效益指标", rs: 2 }, "残疾人家庭收入", "明显提高"],
    ["残疾人社会参与度", "有所提升"],
    ["可持续影响指标", "残疾人就业服务机制", "长期有效"],
  );
  rows.push(["满意度指标", ["服务对象满意", "度指标"], "受帮扶残疾人满意度", "≥90%"]);
  const matrix = place(rows);
  // Break inside the third cost row: its first (full) line stays on page 1.
  const k = 1 + quantity.length + quality.length + 4 + 2;
  const [partA, partB] = splitTable(matrix, k, { 2: 1 });
  // The split row's first line fills its cell, as it does when a word processor wraps it.
  const widths = [80, 90, 160, 185];

  doc.addPage({ size: "A4", margin: 0 });
  centered(doc, title, 40, W, 14);
  text(doc, "单位：万元", x, 66);
  const y1 = drawTable(doc, head, x, 84, [80, 145, 145, 145], { size: 9 });
  drawTable(doc, partA, x, y1 + 14, widths, { size: 9, minRow: 17 });
  centered(doc, "- 1 -", 812, W, 9);
  doc.addPage({ size: "A4", margin: 0 });
  const yb = drawTable(doc, partB, x, 42, widths, { size: 9, minRow: 17 });
  text(doc, "备注：指标值为年度目标。", x, yb + 12, 9);
  centered(doc, "- 2 -", 812, W, 9);
  write("two-page.pdf", await finish());
  expect("two-page", {
    pages: 2,
    warnings: [],
    tables: [
      { rows: head.rows, cols: head.cols, pages: [1], context: [title, "单位：万元"], cells: expectedCells(head).map((c) => [...c, 1]) },
      {
        rows: matrix.rows,
        cols: matrix.cols,
        pages: [1, 2],
        context: [],
        cells: expectedCells(matrix).map((c) => [...c, c[0] <= k ? 1 : 2]),
      },
    ],
    trailing: ["备注：指标值为年度目标。"],
  });
}

// ---------------------------------------------------------------------------------------------------------
// borderless.pdf: prose, then a table laid out by alignment only (no lines; blank cells where the original
// merged them; one wrapped cell), then a note. The prose must stay text.
{
  const { doc, finish } = newDoc();
  const W = 595.28;
  doc.addPage({ size: "A4", margin: 0 });
  const title = "2.残疾人托养服务项目绩效目标表";
  centered(doc, title, 40, W, 14);
  const prose = [
    "为落实残疾人托养服务政策，本项目为全县一百二十名智力、精神和重度肢体残疾人提供日间照料和",
    "寄宿托养服务，资金由县级财政预算安排，按季度拨付至托养服务机构，年底前完成全部服务任务并",
    "开展绩效自评。",
  ];
  prose.forEach((l, i) => text(doc, l, 40, 76 + i * 18));
  const cols = [40, 130, 235, 440];
  const table = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "托养服务人数", "≥120人"],
    ["", "", "日间照料服务天数", "≥250天"],
    ["", "质量指标", "托养机构达标率", "100%"],
    ["", "时效指标", "资金拨付及时率", "≥95%"],
    ["", "成本指标", ["人均托养补助标准（寄宿", "托养对象）"], "≤8000元/人"],
    ["效益指标", "社会效益指标", "残疾人家庭照护负担", "明显减轻"],
    ["满意度指标", "服务对象满意度指标", "托养对象及家属满意度", "≥90%"],
  ];
  let y = 150;
  for (const row of table) {
    let lines = 1;
    row.forEach((c, i) => {
      const ls = Array.isArray(c) ? c : [c];
      lines = Math.max(lines, ls.length);
      ls.forEach((l, j) => l && text(doc, l, cols[i], y + j * 13, 9));
    });
    y += lines * 13 + 9;
  }
  text(doc, "注：以上指标由项目单位填报，县财政局审核后随部门预算一并公开，接受社会监督。", 40, y + 20, 10.5);
  write("borderless.pdf", await finish());
  const cells = [];
  table.forEach((row, r) => row.forEach((c, i) => cells.push([r, i, 1, 1, Array.isArray(c) ? c.join("\n") : c])));
  expect("borderless", {
    pages: 1,
    warnings: [],
    tables: [{ rows: table.length, cols: 4, pages: [1], context: [title, ...prose], cells }],
    trailing: ["注：以上指标由项目单位填报，县财政局审核后随部门预算一并公开，接受社会监督。"],
  });
}

// ---------------------------------------------------------------------------------------------------------
let matrix; // the rotated page's table, drawn again turned in turned.pdf
// rotated.pdf: page 1 portrait with a small header table; page 2 is a portrait page with /Rotate 90 whose
// content is drawn turned, so a viewer shows it as an upright landscape page (the 2021 central template with
// 成本指标 as a level-1 indicator). Borders as Chromium draws them: thin filled rectangles per cell edge.
{
  const { doc, finish } = newDoc();
  const W = 595.28;
  const H = 841.89;
  doc.addPage({ size: "A4", margin: 0 });
  const title = "3.残疾人辅助器具适配项目绩效目标表";
  centered(doc, title, 40, W, 14);
  const head = place([
    ["项目名称", { t: "残疾人辅助器具适配项目", cs: 3 }],
    ["预算数", "46.00", "其中：财政资金", "46.00"],
  ]);
  drawTable(doc, head, 40, 80, [80, 145, 145, 145], { size: 9, style: "rects" });
  doc.addPage({ size: "A4", margin: 0 });
  doc.page.dictionary.data.Rotate = 90;
  doc.save();
  // Displayed point (u, v) of the rotated page = pdfkit point (v, H - u).
  doc.transform(0, -1, 1, 0, 0, H);
  text(doc, "绩效指标", 40, 40, 12);
  matrix = place([
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
    [{ t: "产出指标", rs: 3 }, "数量指标", "辅具适配人数", "≥460人", "年度计划"],
    ["质量指标", "辅具适配合格率", "≥98%", "行业标准"],
    ["时效指标", "适配完成时间", "2024年10月底前", "工作安排"],
    [{ t: "成本指标", rs: 2 }, { t: "经济成本指标", rs: 2 }, "人均适配费用", "≤1000元/人", "历史标准"],
    ["项目总成本", "≤46万元", "预算批复"],
    ["效益指标", "社会效益指标", "残疾人生活自理能力", "明显提高", "跟踪回访"],
    ["满意度指标", "服务对象满意度指标", "适配对象满意度", "≥90%", "问卷调查"],
  ]);
  drawTable(doc, matrix, 40, 64, [110, 130, 220, 150, 150], { size: 10, style: "rects" });
  doc.restore();
  write("rotated.pdf", await finish());
  expect("rotated", {
    pages: 2,
    warnings: [],
    tables: [
      { rows: head.rows, cols: head.cols, pages: [1], context: [title], cells: expectedCells(head).map((c) => [...c, 1]) },
      { rows: matrix.rows, cols: matrix.cols, pages: [2], context: ["绩效指标"], cells: expectedCells(matrix).map((c) => [...c, 2]) },
    ],
    trailing: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// turned.pdf: the same landscape table on a portrait page WITHOUT /Rotate, its content turned (text running
// bottom to top), as some virtual printers output landscape sheets.
{
  const { doc, finish } = newDoc();
  const W = 595.28;
  doc.addPage({ size: "A4", margin: 0 });
  doc.save();
  // Displayed point (u, v) of the turned sheet = pdfkit point (W - v, u).
  doc.transform(0, 1, -1, 0, W, 0);
  text(doc, "附表：绩效指标", 40, 40, 12);
  drawTable(doc, matrix, 40, 64, [110, 130, 220, 150, 150], { size: 10 });
  doc.restore();
  write("turned.pdf", await finish());
  expect("turned", {
    pages: 1,
    warnings: [],
    tables: [
      { rows: matrix.rows, cols: matrix.cols, pages: [1], context: ["附表：绩效指标"], cells: expectedCells(matrix).map((c) => [...c, 1]) },
    ],
    trailing: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Broken and unusual files.
const small = place([
  ["项目名称", "残疾人托养服务项目"],
  ["指标值", "≥90%"],
]);
async function smallDoc(options, extra) {
  const { doc, finish } = newDoc(options);
  doc.addPage({ size: "A4", margin: 0 });
  text(doc, "4.残疾人托养服务项目绩效目标表", 40, 40, 14);
  drawTable(doc, small, 40, 80, [120, 240], { size: 9 });
  if (extra) await extra(doc);
  return finish();
}
const smallGrid = (context) => ({ rows: 2, cols: 2, pages: [1], context, cells: expectedCells(small).map((c) => [...c, 1]) });

// Encrypted with an owner password only: opens without asking (empty user password).
write(
  "encrypted-owner.pdf",
  await smallDoc({ ownerPassword: "owner-secret", permissions: { printing: "highResolution" }, pdfVersion: "1.7" }),
);
expect("encrypted-owner", { pages: 1, warnings: [], tables: [smallGrid(["4.残疾人托养服务项目绩效目标表"])], trailing: [] });
// Encrypted with a user password: cannot be read.
write("encrypted-user.pdf", await smallDoc({ userPassword: "jixiao", ownerPassword: "owner-secret", pdfVersion: "1.7" }));

// A scan: page 1 of landscape.pdf rendered to a grey image, on a page with no text.
const tmp = mkdtempSync(join(tmpdir(), "jixiao-pdf-"));
execFileSync("pdftoppm", ["-r", "40", "-gray", "-png", "-singlefile", join(out, "landscape.pdf"), join(tmp, "scan")]);
const scan = readFileSync(join(tmp, "scan.png"));
rmSync(tmp, { recursive: true, force: true });
{
  const { doc, finish } = newDoc();
  doc.addPage({ size: "A4", layout: "landscape", margin: 0 });
  doc.image(scan, 20, 20, { width: 800 });
  write("image-only.pdf", await finish());
}
// A text page followed by a scanned page.
write(
  "scanned-page.pdf",
  await smallDoc({}, (doc) => {
    doc.addPage({ size: "A4", layout: "landscape", margin: 0 });
    doc.image(scan, 20, 20, { width: 800 });
  }),
);
expect("scanned-page", {
  pages: 2,
  warnings: ["page 2: no text layer (scanned?)"],
  tables: [smallGrid(["4.残疾人托养服务项目绩效目标表"])],
  trailing: [],
});

// Cut off in the middle, and not a PDF past its header.
const twoPage = readFileSync(join(out, "two-page.pdf"));
write("truncated.pdf", twoPage.subarray(0, Math.floor(twoPage.length * 0.55)));
write("damaged.pdf", Buffer.from("%PDF-1.7\n" + "这不是PDF内容\n".repeat(40) + "trailer\n<< /Root 99 0 R >>\n%%EOF\n", "utf8"));

if (process.env.PREVIEW) {
  for (const name of ["landscape", "two-page", "borderless", "rotated"]) {
    execFileSync("pdftoppm", ["-r", "60", "-png", join(out, `${name}.pdf`), `/tmp/jixiao-pdf-preview-${name}`]);
  }
  console.log("previews in /tmp/jixiao-pdf-preview-*.png");
}
console.log(`wrote ${out}`);

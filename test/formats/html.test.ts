/**
 * The HTML backend on small pages written for one behaviour each: span placement, layout vs data tables,
 * cell text lines, context lines, charsets (GBK made with iconv), MHTML.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { readHtml } from "../../src/formats/html/index.ts";
import { detectFormat } from "../../src/formats/detect.ts";
import { cleanCellText } from "../../src/grid/text.ts";
import type { GridDocument, Table } from "../../src/grid/types.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (html: string): Promise<GridDocument> => readHtml(utf8(html), "t.html");
/** [row, col, rowspan, colspan, text] of every anchored cell, in reading order. */
const cells = (t: Table) => t.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan, c.text]);
const gbk = (s: string): Uint8Array => new Uint8Array(execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: s }));

describe("cleanCellText", () => {
  it("collapses every kind of space, trims lines, drops empty ones, keeps punctuation as printed", () => {
    expect(cleanCellText(["\u3000\u3000其中：财政\u00a0\u00a0  资金（万元）", "", "  ", "≥90％ ，\t是"])).toBe(
      "其中：财政 资金（万元）\n≥90％ ， 是",
    );
    expect(cleanCellText(["a\nb\r\nc"])).toBe("a\nb\nc");
    expect(cleanCellText(["\u200b"])).toBe("");
  });
});

describe("readHtml: spans", () => {
  it("places rowspan/colspan like a browser, <th> like <td>", async () => {
    const g = await read(`<table>
      <tr><th>一级指标</th><th>二级指标</th><th colspan="2">三级指标</th></tr>
      <tr><td rowspan="3">产出指标</td><td rowspan="2">数量指标</td><td>人数</td><td>≥5人</td></tr>
      <tr><td>户数</td><td>80户</td></tr>
      <tr><td>质量指标</td><td colspan="2">100%</td></tr>
    </table>`);
    expect(g.tables).toHaveLength(1);
    const t = g.tables[0];
    expect([t.rows, t.cols]).toEqual([4, 4]);
    expect(cells(t)).toEqual([
      [0, 0, 1, 1, "一级指标"],
      [0, 1, 1, 1, "二级指标"],
      [0, 2, 1, 2, "三级指标"],
      [1, 0, 3, 1, "产出指标"],
      [1, 1, 2, 1, "数量指标"],
      [1, 2, 1, 1, "人数"],
      [1, 3, 1, 1, "≥5人"],
      [2, 2, 1, 1, "户数"],
      [2, 3, 1, 1, "80户"],
      [3, 1, 1, 1, "质量指标"],
      [3, 2, 1, 2, "100%"],
    ]);
  });

  it("clamps rowspan=0 to its row group, oversized spans to the table, and drops columns no cell starts in", async () => {
    const g = await read(`<table>
      <thead><tr><td>标签</td><td>值</td></tr></thead>
      <tbody><tr><td rowspan="0">产出</td><td>a</td></tr><tr><td>b</td></tr></tbody>
      <tbody><tr><td rowspan="999999">效益</td><td colspan="5000">c</td></tr></tbody>
    </table>`);
    expect(cells(g.tables[0])).toEqual([
      [0, 0, 1, 1, "标签"],
      [0, 1, 1, 1, "值"],
      [1, 0, 2, 1, "产出"],
      [1, 1, 1, 1, "a"],
      [2, 1, 1, 1, "b"],
      [3, 0, 1, 1, "效益"],
      [3, 1, 1, 1, "c"],
    ]);
    expect([g.tables[0].rows, g.tables[0].cols]).toEqual([4, 2]);
  });

  it("shows <tfoot> rows last wherever they are written, and skips hidden rows and cells", async () => {
    const g = await read(`<table>
      <tfoot><tr><td>合计</td><td>3</td></tr></tfoot>
      <tr><td>项目</td><td>金额</td></tr>
      <tr style="display:none"><td>隐藏</td><td>9</td></tr>
      <tr><td>A</td><td style="display: none">x</td><td>3</td></tr>
    </table>`);
    expect(cells(g.tables[0]).map((c) => c[4])).toEqual(["项目", "金额", "A", "3", "合计", "3"]);
  });

  it("drops Word's zero-height column-width row at the end of exported tables", async () => {
    const g = await read(`<table><tr><td>项目名称</td><td>康复</td></tr>
      <![if !supportMisalignedColumns]><tr height=0><td width=120 style='border:none'></td><td width=300 style='border:none'></td></tr><![endif]>
    </table>`);
    expect(g.tables[0].rows).toBe(1);
  });
});

describe("readHtml: a table split in two at a page break", () => {
  const first = `<table border="1">
    <tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
    <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>人数</td><td>≥5人</td></tr>
    <tr><td>质量指标</td><td>合格率</td><td>100%</td></tr>
    <tr><td rowspan="3">效益指标</td><td>社会效益指标</td><td>覆盖率</td><td>≥90%</td></tr></table>`;
  const second = `<table border="1">
    <tr><td>经济效益指标</td><td>增收</td><td>≥100元</td></tr>
    <tr><td>生态效益指标</td><td>减排</td><td>有所减少</td></tr>
    <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>满意度</td><td>≥90%</td></tr></table>`;

  it("joins the second part to the first when the first part's rowspan claims its rows", async () => {
    const g = await read(`${first}<p><br style="page-break-before:always"></p>${second}`);
    expect(g.tables).toHaveLength(1);
    const t = g.tables[0];
    expect([t.rows, t.cols]).toEqual([7, 4]);
    expect(cells(t).filter((c) => (c[0] as number) >= 3)).toEqual([
      [3, 0, 3, 1, "效益指标"],
      [3, 1, 1, 1, "社会效益指标"],
      [3, 2, 1, 1, "覆盖率"],
      [3, 3, 1, 1, "≥90%"],
      [4, 1, 1, 1, "经济效益指标"],
      [4, 2, 1, 1, "增收"],
      [4, 3, 1, 1, "≥100元"],
      [5, 1, 1, 1, "生态效益指标"],
      [5, 2, 1, 1, "减排"],
      [5, 3, 1, 1, "有所减少"],
      [6, 0, 1, 1, "满意度指标"],
      [6, 1, 1, 1, "服务对象满意度指标"],
      [6, 2, 1, 1, "满意度"],
      [6, 3, 1, 1, "≥90%"],
    ]);
  });

  it("joins a chain of parts, each claimed by the rowspan the one before leaves open", async () => {
    const third = `<table><tr><td>服务对象满意度指标</td><td>投诉办结率</td><td>100%</td></tr></table>`;
    const g = await read(`${first}${second.replace("<td>满意度指标</td>", '<td rowspan="2">满意度指标</td>')}<br>${third}`);
    expect(g.tables).toHaveLength(1);
    expect(cells(g.tables[0]).find((c) => c[4] === "满意度指标")).toEqual([6, 0, 2, 1, "满意度指标"]);
    expect(cells(g.tables[0]).at(-1)).toEqual([7, 3, 1, 1, "100%"]);
  });

  it("keeps two tables when text stands between them, or the second fills its rows by itself", async () => {
    const withText = await read(`${first}<p>（续表）</p>${second}`);
    expect(withText.tables).toHaveLength(2);
    const full = await read(`${first}<table><tr><td>效益指标</td><td>经济效益指标</td><td>增收</td><td>≥100元</td></tr></table>`);
    expect(full.tables).toHaveLength(2);
    expect(full.tables[0].rows).toBe(4);
  });

  it("keeps two tables when the overhang does not fit: a narrower table, or rowspan=0 (the end of its group)", async () => {
    const narrow = await read(`${first}<table><tr><td>备注</td></tr><tr><td>无</td></tr></table>`);
    expect(narrow.tables).toHaveLength(2);
    const toEnd = await read(`${first.replace('rowspan="3"', 'rowspan="0"')}${second}`);
    expect(toEnd.tables).toHaveLength(2);
  });
});

describe("readHtml: layout and data tables", () => {
  const page = `<html><head><title>不是正文</title><style>td{}</style><script>var x = "<table><tr><td>脚本</td></tr></table>";</script></head>
  <body><table width="1000"><tr><td>&nbsp;&nbsp;<b>某某市人民政府</b></td></tr>
  <tr><td><table class="nav"><tr><td><a href="/">网站首页</a></td><td>政务公开</td></tr></table></td></tr>
  <tr><td>当前位置：首页 &gt;&gt; 正文</td></tr>
  <tr><td><div id="zoom"><p align="center"><b>1.康复项目绩效目标表</b></p><p>单位：万元</p>
    <table border="1"><tr><td>项目名称</td><td>康复</td></tr><tr><td>预算数</td><td>10</td></tr></table>
    <p>　</p><table><tr><td></td><td>&nbsp;</td></tr></table>
    <h3>2.培训项目绩效目标表</h3>
    <table border="1"><caption>（续表）</caption><tr><td>项目名称</td><td>培训</td></tr></table>
    <p>备注：以上数据为预算数。</p></div></td></tr>
  <tr><td class="foot">主办单位：某某市人民政府办公室<br>备案号：X</td></tr></table></body></html>`;

  it("reads innermost tables as data and the layout table's own text as context lines", async () => {
    const g = await read(page);
    expect(g.tables.map((t) => cells(t).map((c) => c[4]))).toEqual([
      ["网站首页", "政务公开"],
      ["项目名称", "康复", "预算数", "10"],
      ["项目名称", "培训"],
    ]);
    expect(g.tables.map((t) => t.context)).toEqual([
      ["某某市人民政府"],
      ["当前位置：首页 >> 正文", "1.康复项目绩效目标表", "单位：万元"],
      // the empty spacer table is passed over, so the heading stays with the table it titles; the caption comes last
      ["2.培训项目绩效目标表", "（续表）"],
    ]);
    expect(g.trailing).toEqual(["备注：以上数据为预算数。", "主办单位：某某市人民政府办公室", "备案号：X"]);
    expect(g.format).toBe("html");
  });

  it("never lets a nested table's rows leak into the table around it", async () => {
    const g = await read(
      `<table><tbody><tr><td>外层</td><td><table><tr><td>内1</td></tr><tr><td>内2</td></tr></table></td></tr></tbody></table>`,
    );
    expect(g.tables).toHaveLength(1);
    expect(cells(g.tables[0])).toEqual([
      [0, 0, 1, 1, "内1"],
      [1, 0, 1, 1, "内2"],
    ]);
    expect(g.tables[0].context).toEqual(["外层"]);
  });
});

describe("readHtml: cell text", () => {
  it("turns <br>, <p>, <div>, <li> into lines and normalises spaces without touching punctuation", async () => {
    const g = await read(`<table><tr>
      <td>第一行<br>第二行<br/><br>第三行</td>
      <td><p class=MsoNormal><span>　　1.保障日常运行。</span></p><p class=MsoNormal><span>&nbsp;</span></p><p>2.按月支付（含税）：≥95％</p></td>
      <td><div>甲</div><div>乙&nbsp;&nbsp;&nbsp;丙</div><ul><li>丁</li><li>戊</li></ul></td>
      <td>&nbsp;</td>
    </tr></table>`);
    expect(cells(g.tables[0]).map((c) => c[4])).toEqual([
      "第一行\n第二行\n第三行",
      "1.保障日常运行。\n2.按月支付（含税）：≥95％",
      "甲\n乙 丙\n丁\n戊",
      "",
    ]);
  });

  it("drops a source line break between Chinese characters but keeps it as a space between words", async () => {
    const g = await read(`<table><tr><td>保证天津市残疾人综合服务园区内聋儿康复科室所有儿童用区域的安全保卫、
      保洁</td><td>Performance
      target ≥ 90%</td><td><span>改善</span>
      <span>生活</span></td></tr></table>`);
    expect(cells(g.tables[0]).map((c) => c[4])).toEqual([
      "保证天津市残疾人综合服务园区内聋儿康复科室所有儿童用区域的安全保卫、保洁",
      "Performance target ≥ 90%",
      "改善生活",
    ]);
  });
});

describe("readHtml: charsets", () => {
  const page = (meta: string) =>
    `<html><head>${meta}<title>绩效目标</title></head><body><p>单位：万元</p><table><tr><td>项目名称</td><td>残疾人康复（一期）</td></tr></table></body></html>`;

  it("decodes a GBK page declared gb2312", async () => {
    const bytes = gbk(page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const g = await readHtml(bytes, "p.html");
    expect(cells(g.tables[0]).map((c) => c[4])).toEqual(["项目名称", "残疾人康复（一期）"]);
    expect(g.tables[0].context).toEqual(["单位：万元"]);
    expect(g.warnings).toEqual([]);
  });

  it("detects GBK when nothing is declared, and when the page wrongly declares UTF-8 (with a warning)", async () => {
    const bare = await readHtml(gbk(page("")), "p.html");
    expect(bare.tables[0].cells[1].text).toBe("残疾人康复（一期）");
    const lying = await readHtml(gbk(page(`<meta charset="utf-8">`)), "p.html");
    expect(lying.tables[0].cells[1].text).toBe("残疾人康复（一期）");
    expect(lying.warnings.join()).toMatch(/declares UTF-8/);
  });

  it("reads UTF-8 bytes as UTF-8 even under a gb2312 declaration, and honours BOMs", async () => {
    const g = await readHtml(utf8(page(`<meta charset="gb2312">`)), "p.html");
    expect(g.tables[0].cells[1].text).toBe("残疾人康复（一期）");
    expect(g.warnings.join()).toMatch(/bytes are UTF-8/);
    const bom = await readHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page(""))]), "p.html");
    expect(bom.tables[0].cells[1].text).toBe("残疾人康复（一期）");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(""), "utf16le")]);
    expect(detectFormat(utf16, "page.bin")).toBe("html");
    expect((await readHtml(utf16, "p.html")).tables[0].cells[1].text).toBe("残疾人康复（一期）");
  });
});

describe("readHtml: MHTML (single-file web page)", () => {
  it("reads the quoted-printable GBK page inside an .mht", async () => {
    const html = gbk(`<html><body><p>单位：万元</p><table><tr><td>项目名称</td><td>无障碍改造</td></tr></table></body></html>`);
    const qp = Array.from(html, (b) =>
      b >= 0x80 || b === 0x3d ? "=" + b.toString(16).toUpperCase().padStart(2, "0") : String.fromCharCode(b),
    ).join("");
    const wrapped = qp.replace(/(.{70})/g, "$1=\r\n"); // soft line breaks, even inside a character's escapes' run
    const mht = [
      "MIME-Version: 1.0",
      'Content-Type: multipart/related; boundary="----=_NextPart_01D9"',
      "",
      "此文档为“单个文件网页”。",
      "",
      "------=_NextPart_01D9",
      "Content-Location: file:///C:/x.htm",
      "Content-Transfer-Encoding: quoted-printable",
      'Content-Type: text/html; charset="gb2312"',
      "",
      wrapped,
      "",
      "------=_NextPart_01D9--",
      "",
    ].join("\r\n");
    const bytes = new Uint8Array(Buffer.from(mht, "latin1"));
    expect(detectFormat(bytes, "x.mht")).toBe("html");
    expect(detectFormat(bytes, "x.doc")).toBe("html");
    const g = await readHtml(bytes, "x.mht");
    expect(cells(g.tables[0]).map((c) => c[4])).toEqual(["项目名称", "无障碍改造"]);
    expect(g.tables[0].context).toEqual(["单位：万元"]);
  });
});

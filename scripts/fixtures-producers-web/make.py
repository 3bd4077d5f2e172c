#!/usr/bin/env python3
"""Writes the producers-web fixtures that need no office suite (run by make-all.sh; python3 of any flavour):

  word-save-as/doc.word.gbk.html    Word "Save as Web Page", GB2312 (see word_html.py)
  editor-split/doc.editor.html      a rich-text editor's article (TRS_Editor/UEditor markup): no <tbody>, <th>
                                    labels, style borders, &nbsp; padding, the table split in two by a page break
  wps-header-rows/doc.wps.docx      WordprocessingML the way WPS writes it: a w:tblHeader row, a row that breaks
                                    across pages (no w:cantSplit, w:lastRenderedPageBreak inside it), words split
                                    in runs, and the table split at a page break (拆分表格): the second part opens
                                    with a w:vMerge continuation of the first part's 产出指标 cell
The LibreOffice docx (lo-from-html/doc.lo.docx) is converted from lo-source.html by make-all.sh.
"""
import os
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(__file__))
import word_html as W  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "producers-web")


def out(name: str, file: str) -> str:
    d = os.path.join(ROOT, name)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, file)


# ---------------------------------------------------------------- Word "Save as Web Page", GB2312

WIDTHS = [96, 120, 96, 120, 168]


def word_project(p: dict) -> str:
    c = W.cell
    rows = [
        [c("项目名称", 96, label=True), c(p["name"], 504, colspan=4)],
        [c("主管部门", 96, label=True), c(p["department"], 216, colspan=2), c("实施单位", 120, label=True), c(p["unit"], 168)],
        [c("项目期限", 96, label=True), c(p["period"], 504, colspan=4)],
        [c("项目资金（万元）", 96, rowspan=3, label=True), c("年度资金总额", 120, label=True), c(p["total"], 384, colspan=3)],
        [c("其中：财政拨款", 120, label=True), c(p["fiscal"], 384, colspan=3)],
        [c("其他资金", 120, label=True), c(p["other"], 384, colspan=3)],
        [c("年度绩效目标", 96, label=True), c(p["goal"], 504, colspan=4, left=True)],
        [c("一级指标", 96, label=True), c("二级指标", 120, label=True), c("三级指标", 216, colspan=2, label=True), c("指标值", 168, label=True)],
    ]
    rows += indicator_rows(p["indicators"], lambda text, width, **kw: c(text, width, **kw), [96, 120, 216, 168], hidden_after=p.get("hidden_after"))
    return W.table(rows, WIDTHS)


def indicator_rows(indicators, cell, widths, hidden_after=None):
    """Rows of the matrix with level-1 and level-2 merged down, as a table editor writes them."""
    rows = []
    for i, (l1, l2, name, value) in enumerate(indicators):
        r = []
        if i == 0 or indicators[i - 1][0] != l1:
            n = next((k for k, x in enumerate(indicators[i:]) if x[0] != l1), len(indicators) - i)
            r.append(cell(l1, widths[0], rowspan=n))
        if i == 0 or indicators[i - 1][:2] != (l1, l2):
            n = next((k for k, x in enumerate(indicators[i:]) if x[:2] != (l1, l2)), len(indicators) - i)
            r.append(cell(l2, widths[1], rowspan=n))
        r.append(cell(name, widths[2], colspan=2) if len(widths) == 4 and widths[2] > 200 else cell(name, widths[2]))
        if hidden_after == i:
            # A cell hidden with display:none (kept by the producer, not shown by a browser).
            r.append(cell("备用", 60, hidden=True))
        r.append(cell(value, widths[3]))
        rows.append(r)
    return rows


WORD_PROJECTS = [
    {
        "title": "2024年农村饮水工程维修养护补助项目绩效目标表",
        "name": "农村饮水工程维修养护补助",
        "department": "清溪县水利局",
        "unit": "清溪县农村供水服务中心",
        "period": "2024年1月-2024年12月",
        "total": "86.50",
        "fiscal": "86.50",
        "other": "0.00",
        "goal": "1.完成全县42处集中供水工程维修养护，保障12.6万农村人口饮水安全。\n2.农村自来水普及率稳定在96%以上。",
        "indicators": [
            ("产出指标", "数量指标", "维修养护供水工程数量", "≥42处"),
            ("产出指标", "数量指标", "更换老旧供水管网长度", "≥18公里"),
            ("产出指标", "质量指标", "出厂水水质检测合格率", "≥95%"),
            ("产出指标", "时效指标", "维修养护任务完成时间", "2024年11月30日前"),
            ("产出指标", "成本指标", "单处工程平均养护费用", "≤2.06万元/处"),
            ("效益指标", "社会效益指标", "受益农村人口", "≥12.6万人"),
            ("效益指标", "可持续影响指标", "供水工程正常运行率", "≥95%"),
            ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"),
        ],
    },
    {
        "title": "2024年小型水库除险加固前期工作经费绩效目标表",
        "name": "小型水库除险加固前期工作经费",
        "department": "清溪县水利局",
        "unit": "清溪县水利工程建设管理站",
        "period": "2024年",
        "total": "35.00",
        "fiscal": "30.00",
        "other": "5.00",
        "goal": "完成7座小型水库安全鉴定和除险加固初步设计，消除水库运行安全隐患。",
        "hidden_after": 2,
        "indicators": [
            ("产出指标", "数量指标", "完成水库安全鉴定数量", "7座"),
            ("产出指标", "质量指标", "初步设计审查通过率", "100%"),
            ("产出指标", "时效指标", "前期工作完成时间", "2024年9月底前"),
            ("产出指标", "成本指标", "单座水库安全鉴定费用", "≤5万元/座"),
            ("效益指标", "社会效益指标", "下游受保护人口", "≥3200人"),
            ("效益指标", "生态效益指标", "库区周边水土流失状况", "有所改善"),
            ("满意度指标", "服务对象满意度指标", "下游群众满意度", "≥85%"),
        ],
    },
]


def word_save_as() -> None:
    parts = []
    for i, p in enumerate(WORD_PROJECTS):
        if i:
            parts.append(W.PAGE_BREAK)
        parts.append(W.heading(p["title"]))
        parts.append(W.line("填报单位：" + p["unit"]))
        parts.append(W.line("单位：万元"))
        parts.append(word_project(p))
        parts.append(W.EMPTY)
    parts.append(W.numbered("1.", "本表金额单位为万元。"))
    parts.append(W.numbered("2.", "绩效指标值以县财政局批复为准。"))
    html = W.wrap(W.page("2024年清溪县水利局项目支出绩效目标表", "\n".join(parts)))
    with open(out("word-save-as", "doc.word.gbk.html"), "wb") as f:
        f.write(html.replace("\n", "\r\n").encode("gb2312", errors="xmlcharrefreplace"))


# ---------------------------------------------------------------- editor article, table split by a page break

EDITOR = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>丰安区民政局2024年社区居家养老服务补贴项目绩效目标公开</title>
<link rel="stylesheet" href="/css/article.css">
</head>
<body>
<table class="top-nav" width="1000" align="center"><tr><td><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 预算决算</td></tr></table>
<div class="article">
<h1 class="article-title">丰安区民政局2024年社区居家养老服务补贴项目绩效目标公开</h1>
<div class="article-info">发布时间：2024-02-06&nbsp;&nbsp;来源：丰安区民政局&nbsp;&nbsp;浏览次数：<span id="hits">318</span></div>
<div class="TRS_Editor"><style type="text/css">
.TRS_Editor P{margin-top:0;margin-bottom:8px;line-height:1.8;font-family:仿宋_GB2312;font-size:16pt;}
.TRS_Editor TD{font-family:宋体;font-size:12pt;}
</style>
<div class="Custom_UnionStyle">
<p style="text-align: center;"><strong><span style="font-size: 18pt; font-family: 方正小标宋简体;">2024年社区居家养老服务补贴项目绩效目标表</span></strong></p>
<p style="text-align: left;"><span style="font-family: 仿宋_GB2312;">预算单位：丰安区民政局</span></p>
<p style="text-align: right;"><span style="font-family: 仿宋_GB2312;">单位：万元</span></p>
<table width="100%" cellspacing="0" cellpadding="0" border="1" style="border-collapse: collapse; border: 1px solid #000000;" data-sort="sortDisabled">
<tr class="firstRow">
<th width="18%" valign="middle" style="border: 1px solid #000000; word-break: break-all;">&nbsp;项目名称&nbsp;</th>
<td colspan="3" valign="middle" style="border: 1px solid #000000; word-break: break-all;"><p style="text-align:center">社区居家养老服务补贴</p></td>
</tr>
<tr>
<th style="border: 1px solid #000000;">主管部门</th>
<td style="border: 1px solid #000000;">丰安区民政局</td>
<th style="border: 1px solid #000000;">实施单位</th>
<td style="border: 1px solid #000000;">丰安区养老服务指导中心</td>
</tr>
<tr>
<th style="border: 1px solid #000000;">项目属性</th>
<td style="border: 1px solid #000000;">经常性项目</td>
<th style="border: 1px solid #000000;">项目期限</th>
<td style="border: 1px solid #000000;">1年</td>
</tr>
<tr>
<th rowspan="3" style="border: 1px solid #000000;">项目资金<br>（万元）</th>
<td style="border: 1px solid #000000;">年度资金总额</td>
<td colspan="2" style="border: 1px solid #000000;">&nbsp;&nbsp;240.00</td>
</tr>
<tr>
<td style="border: 1px solid #000000;">&nbsp;&nbsp;其中：财政拨款</td>
<td colspan="2" style="border: 1px solid #000000;">240.00</td>
</tr>
<tr>
<td style="border: 1px solid #000000;">&nbsp;&nbsp;&nbsp;&nbsp;其他资金</td>
<td colspan="2" style="border: 1px solid #000000;">&nbsp;</td>
</tr>
<tr>
<th style="border: 1px solid #000000;">年度绩效目标</th>
<td colspan="3" style="border: 1px solid #000000; text-align: left;"><p>为辖区1200名经济困难老年人提供居家养老上门服务，每人每月服务不少于20小时；</p><p>建立服务质量回访制度，提升老年人生活质量和获得感。</p></td>
</tr>
<tr>
<th style="border: 1px solid #000000;">一级指标</th>
<th style="border: 1px solid #000000;">二级指标</th>
<th style="border: 1px solid #000000;">三级指标</th>
<th style="border: 1px solid #000000;">指标值</th>
</tr>
<tr>
<td rowspan="5" style="border: 1px solid #000000;">产出指标</td>
<td rowspan="2" style="border: 1px solid #000000;">数量指标</td>
<td style="border: 1px solid #000000;">服务经济困难老年人数</td>
<td style="border: 1px solid #000000;">≥1200人</td>
</tr>
<tr>
<td style="border: 1px solid #000000;">人均每月上门服务时长</td>
<td style="border: 1px solid #000000;">≥20小时</td>
</tr>
<tr>
<td style="border: 1px solid #000000;">质量指标</td>
<td style="border: 1px solid #000000;">服务对象电话回访覆盖率</td>
<td style="border: 1px solid #000000;">100%</td>
</tr>
<tr>
<td style="border: 1px solid #000000;">时效指标</td>
<td style="border: 1px solid #000000;">补贴资金拨付时间</td>
<td style="border: 1px solid #000000;">每月15日前</td>
</tr>
<tr>
<td style="border: 1px solid #000000;">成本指标</td>
<td style="border: 1px solid #000000;">人均服务补贴标准</td>
<td style="border: 1px solid #000000;">≤167元/人(月)</td>
</tr>
<tr>
<td rowspan="3" style="border: 1px solid #000000;">效益指标</td>
<td style="border: 1px solid #000000;">社会效益指标</td>
<td style="border: 1px solid #000000;">经济困难老年人生活质量</td>
<td style="border: 1px solid #000000;">明显提升</td>
</tr>
<tr>
<td style="border: 1px solid #000000;">经济效益指标</td>
<td style="border: 1px solid #000000;">带动养老服务从业人员就业</td>
<td style="border: 1px solid #000000;">≥80人</td>
</tr>
</table>
<p><br style="page-break-before: always;" clear="all"></p>
<table width="100%" cellspacing="0" cellpadding="0" border="1" style="border-collapse: collapse; border: 1px solid #000000;">
<tr>
<td style="border: 1px solid #000000;">可持续影响指标</td>
<td style="border: 1px solid #000000;">居家养老服务网络覆盖率</td>
<td style="border: 1px solid #000000;">≥90%</td>
</tr>
<tr>
<td style="border: 1px solid #000000;">满意度指标</td>
<td style="border: 1px solid #000000;">服务对象满意度指标</td>
<td style="border: 1px solid #000000;">服务对象满意度</td>
<td style="border: 1px solid #000000;">≥90%</td>
</tr>
</table>
<p style="text-align: left;"><span style="font-size: 12pt;">注：本表数据以区财政局批复为准。</span></p>
</div>
</div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<table class="footer" width="1000" align="center"><tr><td>主办：丰安区人民政府办公室&nbsp;&nbsp;备案号：X ICP备00000000号</td></tr></table>
</body>
</html>
"""


def editor_split() -> None:
    with open(out("editor-split", "doc.editor.html"), "w", encoding="utf-8", newline="\n") as f:
        f.write(EDITOR)


# ---------------------------------------------------------------- WPS docx: header rows, a row across pages

NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
    'mc:Ignorable="w14 wpsCustomData"'
)
RPR = '<w:rPr><w:rFonts w:hint="eastAsia" w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>'


def xesc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wruns(text: str, split: bool = False, page_break_inside: bool = False) -> str:
    """WPS writes a run for every stretch it touched: split labels in two runs, ASCII in its own run."""
    pieces = [text[: len(text) // 2], text[len(text) // 2 :]] if split and len(text) >= 4 else [text]
    runs = []
    for i, piece in enumerate(pieces):
        extra = "<w:lastRenderedPageBreak/>" if page_break_inside and i == 0 else ""
        runs.append(f'<w:r>{RPR}{extra}<w:t xml:space="preserve">{xesc(piece)}</w:t></w:r>')
    return "".join(runs)


def wpara(text: str, *, split=False, center=True, page_break_inside=False) -> str:
    jc = '<w:jc w:val="center"/>' if center else '<w:jc w:val="left"/>'
    return (
        f'<w:p><w:pPr><w:keepNext w:val="0"/><w:keepLines w:val="0"/><w:widowControl/><w:suppressLineNumbers w:val="0"/>'
        f'<w:spacing w:before="0" w:beforeAutospacing="0" w:after="0" w:afterAutospacing="0"/>{jc}<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>'
        f"{wruns(text, split, page_break_inside) if text else ''}</w:p>"
    )


def wcell(text: str, width: int, *, span=1, vmerge=None, split=False, left=False, page_break_inside=False) -> str:
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    pr += '<w:tcBorders><w:top w:val="single" w:color="000000" w:sz="4" w:space="0"/><w:left w:val="single" w:color="000000" w:sz="4" w:space="0"/><w:bottom w:val="single" w:color="000000" w:sz="4" w:space="0"/><w:right w:val="single" w:color="000000" w:sz="4" w:space="0"/></w:tcBorders>'
    pr += '<w:noWrap w:val="0"/><w:vAlign w:val="center"/>'
    paras = "".join(wpara(p, split=split, center=not left, page_break_inside=page_break_inside and i == 1) for i, p in enumerate(text.split("\n")))
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{paras or wpara('')}</w:tc>"


def wrow(cells: list, *, header=False, height=454, cant_split=True) -> str:
    pr = f'<w:trPr><w:trHeight w:val="{height}" w:hRule="atLeast"/>'
    if cant_split:
        pr += "<w:cantSplit/>"
    if header:
        pr += "<w:tblHeader/>"
    pr += '<w:jc w:val="center"/></w:trPr>'
    return f'<w:tr w14:paraId="{zlib.crc32(str(cells).encode()) & 0x7FFFFFFF:08X}">{pr}{"".join(cells)}</w:tr>'


def wtable(grid: list, rows: list) -> str:
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="6"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        '<w:tblBorders><w:top w:val="single" w:color="auto" w:sz="4" w:space="0"/><w:left w:val="single" w:color="auto" w:sz="4" w:space="0"/>'
        '<w:bottom w:val="single" w:color="auto" w:sz="4" w:space="0"/><w:right w:val="single" w:color="auto" w:sz="4" w:space="0"/>'
        '<w:insideH w:val="single" w:color="auto" w:sz="4" w:space="0"/><w:insideV w:val="single" w:color="auto" w:sz="4" w:space="0"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f"<w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def wbody_para(text: str, *, center=False, bold=False, size=24, page_break=False) -> str:
    b = "<w:b/><w:bCs/>" if bold else ""
    jc = '<w:jc w:val="center"/>' if center else ""
    br = '<w:r><w:br w:type="page"/></w:r>' if page_break else ""
    run = f'<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/>{b}<w:sz w:val="{size}"/></w:rPr><w:t>{xesc(text)}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr>{jc}<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>{br}{run}</w:p>'


WPS_INDICATORS_1 = [
    ("产出指标", "数量指标", "培训基层农技人员数量", "≥150人次"),
    ("产出指标", "数量指标", "建设农业科技示范基地", "≥6个"),
    ("产出指标", "数量指标", "培育农业科技示范主体", "≥300户"),
    ("产出指标", "质量指标", "主推技术到位率", "≥95%"),
    ("产出指标", "时效指标", "补助资金发放时间", "2024年10月底前"),
]
WPS_INDICATORS_2 = [
    ("产出指标", "成本指标", "示范主体物化补助标准", "≤1000元/户"),
    ("效益指标", "经济效益指标", "示范主体主导品种亩均增收", "≥100元"),
    ("效益指标", "社会效益指标", "农技服务覆盖行政村比例", "≥90%"),
    ("满意度指标", "服务对象满意度指标", "示范主体满意度", "≥90%"),
]
WPS_GRID = [1500, 1800, 3300, 2000]


def wps_matrix(indicators, long_row: int | None, continued: bool = False) -> list:
    """The matrix rows; `continued`: the part after a split, whose first level-1 cell continues a merge above."""
    header = wrow([wcell(t, w, split=True) for t, w in zip(["一级指标", "二级指标", "三级指标", "指标值"], WPS_GRID)], header=True)
    rows = [] if continued else [header]
    for i, (l1, l2, name, value) in enumerate(indicators):
        first1 = (i == 0 and not continued) or (i > 0 and indicators[i - 1][0] != l1)
        last1 = i + 1 == len(indicators) or indicators[i + 1][0] != l1
        first2 = i == 0 or indicators[i - 1][:2] != (l1, l2)
        last2 = i + 1 == len(indicators) or indicators[i + 1][:2] != (l1, l2)
        c1 = wcell(l1 if first1 else "", WPS_GRID[0], vmerge=None if first1 and last1 else ("restart" if first1 else "continue"))
        if i == 0 and continued:
            c1 = wcell("", WPS_GRID[0], vmerge="continue")
        c2 = wcell(l2 if first2 else "", WPS_GRID[1], vmerge=None if first2 and last2 else ("restart" if first2 else "continue"))
        if i == long_row:
            # A row allowed to break across pages: its name cell runs to a second paragraph on the next page.
            name_cell = wcell(name + "\n（含新型农业经营主体）", WPS_GRID[2], page_break_inside=True)
            rows.append(wrow([c1, c2, name_cell, wcell(value, WPS_GRID[3])], cant_split=False, height=300))
        else:
            rows.append(wrow([c1, c2, wcell(name, WPS_GRID[2]), wcell(value, WPS_GRID[3])]))
    return rows


def wps_docx() -> None:
    head = [
        wrow([wcell("项目名称", 1500, split=True), wcell("基层农技推广体系改革与建设补助", 7100, span=3)]),
        wrow([wcell("主管部门", 1500, split=True), wcell("南屏县农业农村局", 1800), wcell("实施单位", 3300, split=True), wcell("南屏县农业技术推广中心", 2000)]),
        wrow([wcell("预算数", 1500), wcell("58.00", 1800), wcell("其中：财政资金", 3300), wcell("58.00", 2000)]),
        wrow([wcell("其他资金", 1500), wcell("0", 1800), wcell("项目期限", 3300), wcell("2024年", 2000)]),
        wrow([wcell("年度绩效目标", 1500, split=True), wcell("培训基层农技人员150人次，建设农业科技示范基地6个，培育农业科技示范主体300户，主推技术到位率达到95%以上。", 7100, span=3, left=True)], height=900),
    ]
    body = [
        wbody_para("2024年基层农技推广体系改革与建设补助项目绩效目标表", center=True, bold=True, size=32),
        wbody_para("编制单位：南屏县农业技术推广中心"),
        wbody_para("单位：万元"),
        wtable(WPS_GRID, head + wps_matrix(WPS_INDICATORS_1, long_row=2)),
        wbody_para("", page_break=True),
        wtable(WPS_GRID, wps_matrix(WPS_INDICATORS_2, long_row=None, continued=True)),
        wbody_para("填表人：李明    联系电话：0000-0000000"),
    ]
    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425" w:num="1"/><w:docGrid w:type="lines" w:linePitch="312" w:charSpace="0"/></w:sectPr>'
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document {NS}><w:body>{"".join(body)}{sect}</w:body></w:document>'
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
        "docProps/custom.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16388</vt:lpwstr></property></Properties>',
        "word/document.xml": document,
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    }
    with zipfile.ZipFile(out("wps-header-rows", "doc.wps.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    word_save_as()
    editor_split()
    wps_docx()
    print("producers-web: word-save-as, editor-split, wps-header-rows")

#!/usr/bin/python3
"""Hand-made .docx cases for the Word backend (fixtures/word/*.docx).

Each case is a small performance-table document whose body is written as raw WordprocessingML and put into a
python-docx package (styles, settings, content types from python-docx's default template), so the markup the
case is about is exactly what the file holds: w:gridBefore/w:gridAfter, text in w:vMerge continuation cells,
content controls (w:sdt) around rows, cells and runs, a table nested in a layout table, tracked changes, soft
breaks and several paragraphs in one cell, symbol-font characters, hidden text, field codes, an HTML
w:altChunk, and automatic numbering. test/formats/docx-cases.test.ts asserts each one's exact grid.

The zip entries and core properties carry fixed dates: the files are byte-for-byte reproducible.

Usage: /usr/bin/python3 scripts/fixtures-word/make-cases.py   (Debian's python3 with python3-docx)
"""
import datetime
import io
import os
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "fixtures", "word"))
FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


# ---- markup helpers -------------------------------------------------------------------------------------------

def r(text, rpr=""):
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*parts):
    """A paragraph; plain strings become runs, other parts are inserted as markup."""
    body = "".join(part if part.startswith("<") else r(part) for part in parts)
    return f"<w:p>{body}</w:p>"


def tc(*paras, span=1, vmerge=None, width=1400, extra=""):
    pr = f'<w:tcW w:w="{width * span}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    pr += extra
    content = "".join(x if x.startswith("<") else p(x) for x in paras) or "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def tr(*cells, before=0, after=0, trpr=""):
    pr = trpr
    if before:
        pr += f'<w:gridBefore w:val="{before}"/>'
    if after:
        pr += f'<w:gridAfter w:val="{after}"/>'
    return f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def tbl(cols, *rows, width=1400):
    borders = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(cols))
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def sdt(content, tag="field"):
    return f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'


def ins(content, rid=1):
    return f'<w:ins w:id="{rid}" w:author="审核人" w:date="2023-03-01T00:00:00Z">{content}</w:ins>'


def deleted(text, rid=2):
    return f'<w:del w:id="{rid}" w:author="审核人" w:date="2023-03-01T00:00:00Z"><w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'


BR = "<w:r><w:br/></w:r>"


# ---- the cases ------------------------------------------------------------------------------------------------

def case_grid_before():
    """Rows that start late (gridBefore) or stop early (gridAfter) on a 5-column grid, with a vMerge among them."""
    return [
        p("1.残疾人康复服务项目绩效目标表"),
        p("单位：万元"),
        tbl(
            5,
            tr(tc("项目名称"), tc("残疾人康复服务", span=4)),
            tr(tc("预算数"), tc("98.40"), tc("其中：财政资金"), tc("98.40"), before=1),
            tr(tc("一级指标"), tc("二级指标"), tc("三级指标"), tc("指标值"), after=1),
            tr(tc("产出指标", vmerge="restart"), tc("数量指标"), tc("康复人数"), tc("≥100人"), after=1),
            tr(tc(vmerge="continue"), tc("质量指标"), tc("康复有效率"), tc("≥95%"), after=1),
            tr(tc("2023年底", span=2), after=1, before=2),
        ),
        p("备注：本表由系统导出。"),
    ]


def case_vmerge_text():
    """Text typed in vMerge continuation cells: kept (appended to the merged cell), repeated labels not doubled."""
    return [
        p("2.残疾人就业培训项目绩效目标表"),
        tbl(
            3,
            tr(tc("一级指标"), tc("二级指标"), tc("指标值")),
            tr(tc("产出", vmerge="restart"), tc("数量指标"), tc("≥100人")),
            tr(tc("指标", vmerge="continue"), tc("质量指标"), tc("≥95%")),
            tr(tc(vmerge="continue"), tc("时效指标"), tc("2023年底")),
            tr(tc("效益指标", vmerge="restart"), tc("社会效益指标", vmerge="restart"), tc("有所提高")),
            tr(tc("效益指标", vmerge="continue"), tc("社会效益指标", vmerge="continue"), tc("是")),
        ),
    ]


def case_sdt():
    """Content controls around a paragraph, a whole row (repeating section), a cell and a run."""
    return [
        sdt(p("3.残疾人托养服务项目绩效目标表"), "title"),
        tbl(
            3,
            tr(tc("项目名称"), sdt(tc("残疾人托养服务", span=2), "name")),
            sdt(tr(tc("主管部门"), tc("市残联"), tc(p("实施单位：", sdt(r("托养中心"), "unit")))), "row"),
            tr(tc("预算数"), tc("12.5"), sdt(tc("万元"), "unit-cell")),
        ),
    ]


def case_nested():
    """A layout table whose right cell holds the data table: the outer text is context, the inner table is data."""
    inner = tbl(
        2,
        tr(tc("三级指标"), tc("指标值")),
        tr(tc("培训人数"), tc("≥448人")),
    )
    return [
        p("4.残疾人培训项目"),
        tbl(
            2,
            tr(tc("填报单位：廉江市残联"), tc(p("项目绩效目标表"), inner, p("单位：万元"))),
            width=4000,
        ),
        p(""),
        tbl(
            2,
            tr(tc("项目名称"), tc("残疾人培训")),
            tr(tc("预算数"), tc("3")),
        ),
    ]


def case_tracked():
    """Tracked changes, read as if accepted: insertions kept, deletions (text, a row, a moved run) dropped."""
    return [
        p("5.", deleted("残疾人辅具"), ins(r("康复辅具")), "适配项目绩效目标表"),
        tbl(
            3,
            tr(tc("三级指标"), tc("指标值"), tc("说明")),
            tr(tc("适配人数"), tc(p(deleted("≥90人"), ins(r("≥95人")))), tc("")),
            tr(tc("已删除的指标"), tc("≥1"), tc(""), trpr='<w:del w:id="7" w:author="审核人" w:date="2023-03-01T00:00:00Z"/>'),
            tr(
                tc(p('<w:moveFrom w:id="8" w:author="审核人" w:date="2023-03-01T00:00:00Z"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>', "适配满意度")),
                tc("≥90%"),
                tc(p('<w:moveTo w:id="9" w:author="审核人" w:date="2023-03-01T00:00:00Z"><w:r><w:t>新位置</w:t></w:r></w:moveTo>')),
            ),
        ),
    ]


def case_breaks():
    """Line structure inside cells and odd characters: w:br, several paragraphs (one empty), tabs, full-width and
    no-break spaces, symbol-font characters (w:sym, and Wingdings/Symbol private-use text), hidden text, a field (code hidden, result shown), a no-break hyphen."""
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> = 60+40 </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>100</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return [
        p("6.残疾人家庭无障碍改造项目绩效目标表"),
        tbl(
            3,
            tr(tc("三级指标"), tc("指标值"), tc("绩效指标描述")),
            tr(
                tc(p("改造户数", BR, "（户）")),
                tc(p('<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>', "80户")),
                tc(p("第一段"), p(""), p("第二段\t说明"), p("\u3000\u3000全角缩进\u00a0\u00a0多余空格")),
            ),
            tr(
                tc(p("单户补助标准", r("（草稿）", hidden))),
                tc(p("每户", field, "元")),
                tc(p("2023", "<w:r><w:noBreakHyphen/></w:r>", "2024年度")),
            ),
            tr(
                tc("是否达标"),
                tc(p(r("\uf0fe", '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'), "是 ", r("\uf0a8", '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'), "否")),
                tc(p(r("\uf0a3", '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'), "5%")),
            ),
        ),
    ]


def np(text, num=None, ilvl=0, style=None):
    """A paragraph with automatic numbering (numId/ilvl) or a paragraph style."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{r(text)}</w:p>"


def level(ilvl, fmt, text, suff="nothing", start=1, font=None):
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suff}"/>'
        f'<w:lvlText w:val="{text}"/>{rpr}</w:lvl>'
    )


SYMBOL_BULLET = "\uf0b7"  # Symbol font's bullet, as Word writes it

NUMBERING = {
    "abstract": [
        f'<w:abstractNum w:abstractNumId="90">{level(0, "decimal", "%1.")}{level(1, "chineseCounting", "（%2）")}</w:abstractNum>',
        f'<w:abstractNum w:abstractNumId="91">{level(0, "chineseCounting", "%1、")}</w:abstractNum>',
        f'<w:abstractNum w:abstractNumId="92">{level(0, "decimalEnclosedCircle", "%1", suff="space")}</w:abstractNum>',
        f'<w:abstractNum w:abstractNumId="93">{level(0, "bullet", SYMBOL_BULLET, font="Symbol")}</w:abstractNum>',
    ],
    "num": [
        '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>',
        '<w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>',
        '<w:num w:numId="92"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
        '<w:num w:numId="93"><w:abstractNumId w:val="92"/></w:num>',
        '<w:num w:numId="94"><w:abstractNumId w:val="93"/></w:num>',
    ],
    # a heading style numbered through the style (一、二、)
    "style": '<w:style w:type="paragraph" w:styleId="JxHeading"><w:name w:val="Jx Heading"/><w:pPr><w:numPr><w:numId w:val="91"/></w:numPr></w:pPr></w:style>',
}


def case_numbering():
    """Automatic numbering Word draws from numbering.xml: decimal and Chinese counters, a heading style's numbers,
    a nested level that restarts, a list instance that overrides its start, circled numbers in a cell, bullets."""
    return [
        np("部门整体绩效目标", style="JxHeading"),
        np("综合服务园区运行经费绩效目标表", num=90),
        tbl(
            2,
            tr(tc("绩效目标"), tc(np("保障日常运行。", num=93), np("完成康复服务。", num=93))),
            tr(tc("项目内容"), tc(np("场地维护", num=90, ilvl=1), np("设备维修", num=90, ilvl=1), np("不编号", num=94))),
        ),
        np("项目绩效目标", style="JxHeading"),
        np("残疾人就业项目绩效目标表", num=90),
        np("未编号的标题", num=0, style="JxHeading"),
        np("残疾人托养项目绩效目标表", num=92),
        tbl(2, tr(tc("项目名称"), tc("托养"))),
    ]


def case_altchunk():
    """An HTML page imported through w:altChunk (how some systems generate .docx): its tables are read too."""
    return [p("7.残疾人辅助器具项目绩效目标表"), '<w:altChunk r:id="{chunk}"/>', p("备注：以上为系统导出内容。")]


ALTCHUNK_HTML = (
    "<html><head><meta charset=\"utf-8\"></head><body><p>单位：万元</p>"
    "<table border=1><tr><td>项目名称</td><td colspan=2>辅助器具适配</td></tr>"
    "<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>≥200件</td></tr>"
    "<tr><td>质量指标</td><td>合格率≥98%</td></tr></table></body></html>"
)

CASES = {
    "grid-before": case_grid_before,
    "vmerge-text": case_vmerge_text,
    "sdt": case_sdt,
    "nested": case_nested,
    "tracked": case_tracked,
    "breaks": case_breaks,
    "altchunk": case_altchunk,
    "numbering": case_numbering,
}


# ---- packaging ------------------------------------------------------------------------------------------------

def build(name, blocks):
    doc = Document()
    body = doc.element.body
    sect = body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")
    for child in list(body):
        if child is not sect:
            body.remove(child)
    if name == "altchunk":
        part = Part(PackURI("/word/afchunk1.htm"), "text/html", ALTCHUNK_HTML.encode("utf-8"), doc.part.package)
        rid = doc.part.relate_to(part, RT.A_F_CHUNK)
        blocks = [b.replace("{chunk}", rid) for b in blocks]
    if name == "numbering":
        numbering = doc.part.numbering_part.element
        first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
        for xml in NUMBERING["abstract"]:
            el = parse_xml(xml.replace("<w:abstractNum ", f"<w:abstractNum {NS} ", 1))
            # abstract lists must come before the list instances
            (first_num.addprevious(el) if first_num is not None else numbering.append(el))
        for xml in NUMBERING["num"]:
            numbering.append(parse_xml(xml.replace("<w:num ", f"<w:num {NS} ", 1)))
        doc.styles.element.append(parse_xml(NUMBERING["style"].replace("<w:style ", f"<w:style {NS} ", 1)))
    fragment = parse_xml(f"<w:body {NS}>{''.join(blocks)}</w:body>")
    for child in list(fragment):
        sect.addprevious(child)
    core = doc.core_properties
    core.author = "jixiao fixtures"
    core.created = core.modified = core.last_printed = FIXED_DATE
    core.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    return fixed_zip(raw.getvalue())


def fixed_zip(data):
    """Rewrite the zip with fixed entry dates so the output does not change between runs."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, make in CASES.items():
        path = os.path.join(OUT, f"{name}.docx")
        # A new file renamed into place: never rewrite an existing file's contents (it may be hard-linked).
        with open(path + ".tmp", "wb") as f:
            f.write(build(name, make()))
        os.replace(path + ".tmp", path)
        print(f"word: fixtures/word/{name}.docx")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Spreadsheet-authored fixture sources: writes fixtures/producers/<name>/doc.fods (flat ODS XML).

Modelled on tables that departments author in Excel / WPS-ET and publish printed to PDF or saved as HTML:
a title row and a `单位：万元` row merged over the table, key-value rows whose label cells are merged
horizontally, 一级/二级 merged vertically, borders on every cell, wrapped text in narrow columns, amounts
stored as numbers with a number format (0.00, #,##0.00, 0.000000), percentages stored as fractions with a
% format (some with a `≥` in the format), counts with a unit inside the format (#,##0"人次"), and a sheet
with split value columns (计算符号 | 指标值 | 计量单位) in 元.

Content lives in producers/<name>.py-free dicts below; every cell is a string (text) or a dict
  {"t": text, "v": number, "fmt": data style, "rs": rows, "cs": cols, "s": cell style}
Cells covered by a merge are omitted (as in HTML); this script writes the covered cells.

No libraries beyond the standard one. Usage: python3 make-fods.py [name ...]
"""
import os
import sys
from xml.sax.saxutils import escape

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "producers"))

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
    'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"'
)

# Data styles (number formats) and how Calc displays a value with them (written into <text:p>; Calc
# recomputes the display on load anyway).
def _num(name, decimals, grouping=False, prefix="", suffix=""):
    g = ' number:grouping="true"' if grouping else ""
    pre = f"<number:text>{escape(prefix)}</number:text>" if prefix else ""
    suf = f"<number:text>{escape(suffix)}</number:text>" if suffix else ""
    return (
        f'<number:number-style style:name="{name}">{pre}<number:number number:decimal-places="{decimals}" '
        f'number:min-decimal-places="{decimals}" number:min-integer-digits="1"{g}/>{suf}</number:number-style>'
    )


def _pct(name, decimals, prefix=""):
    pre = f"<number:text>{escape(prefix)}</number:text>" if prefix else ""
    return (
        f'<number:percentage-style style:name="{name}">{pre}<number:number number:decimal-places="{decimals}" '
        f'number:min-decimal-places="{decimals}" number:min-integer-digits="1"/><number:text>%</number:text>'
        f"</number:percentage-style>"
    )


def _cur(name, symbol):
    return (
        f'<number:currency-style style:name="{name}"><number:currency-symbol number:language="zh" '
        f'number:country="CN">{symbol}</number:currency-symbol><number:number number:decimal-places="2" '
        f'number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:currency-style>'
    )


DATA_STYLES = {
    "0.00": (_num("N0_00", 2), lambda v: f"{v:.2f}"),
    "#,##0.00": (_num("NG0_00", 2, grouping=True), lambda v: f"{v:,.2f}"),
    "#,##0": (_num("NG0", 0, grouping=True), lambda v: f"{v:,.0f}"),
    "0.000000": (_num("N0_6", 6), lambda v: f"{v:.6f}"),
    '#,##0"人次"': (_num("NG0_RC", 0, grouping=True, suffix="人次"), lambda v: f"{v:,.0f}人次"),
    "0%": (_pct("P0", 0), lambda v: f"{v * 100:.0f}%"),
    "0.0%": (_pct("P0_1", 1), lambda v: f"{v * 100:.1f}%"),
    '"≥"0%': (_pct("P0_GE", 0, prefix="≥"), lambda v: f"≥{v * 100:.0f}%"),
    '[$￥-804]#,##0.00': (_cur("C_CNY", "￥"), lambda v: f"￥{v:,.2f}"),
}
DATA_STYLE_NAME = {k: v[0].split('style:name="')[1].split('"')[0] for k, v in DATA_STYLES.items()}

FONT = "宋体"
VISIBILITY = ' table:visibility="collapse"'


def cell_style(name, align="center", bold=False, size=10, border=True, wrap=True, data=None, valign="middle"):
    data_attr = f' style:data-style-name="{DATA_STYLE_NAME[data]}"' if data else ""
    border_attr = ' fo:border="0.5pt solid #000000"' if border else ' fo:border="none"'
    wrap_attr = ' fo:wrap-option="wrap"' if wrap else ""
    weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
    return (
        f'<style:style style:name="{name}" style:family="table-cell" style:parent-style-name="Default"{data_attr}>'
        f'<style:table-cell-properties{border_attr}{wrap_attr} style:vertical-align="{valign}"/>'
        f'<style:paragraph-properties fo:text-align="{align}"/>'
        f'<style:text-properties style:font-name="{FONT}" fo:font-size="{size}pt" style:font-name-asian="{FONT}" '
        f'style:font-size-asian="{size}pt"{weight}/></style:style>'
    )


def build(doc):
    """doc: {"sheets": [{"name", "widths" (cm), "rows", "landscape", "scale", "headerFooter", "rowHeights",
    "hiddenCols": [column index], "repeatRows": (first, last)}]}"""
    styles = []
    cell_styles = {}

    def style_for(kind, data):
        key = (kind, data)
        if key not in cell_styles:
            name = f"ce{len(cell_styles) + 1}"
            opts = {
                "title": dict(bold=True, size=14, border=False, wrap=False),
                "unit": dict(align="end", border=False, wrap=False),
                "label": dict(),
                "text": dict(align="start"),
                "center": dict(),
                "num": dict(align="end"),
            }[kind]
            cell_styles[key] = name
            styles.append(cell_style(name, data=data, **opts))
        return cell_styles[key]

    tables = []
    page_layouts = []
    for si, sheet in enumerate(doc["sheets"]):
        col_styles = []
        for ci, w in enumerate(sheet["widths"]):
            name = f"co{si}_{ci}"
            styles.append(
                f'<style:style style:name="{name}" style:family="table-column">'
                f'<style:table-column-properties fo:break-before="auto" style:column-width="{w}cm"/></style:style>'
            )
            col_styles.append(name)
        pm = f"pm{si}"
        mp = f"Sheet{si}"
        landscape = sheet.get("landscape", False)
        pw, ph = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
        scale = f' style:scale-to="{sheet["scale"]}%"' if sheet.get("scale") else ""
        layout = (
            (
                f'<style:page-layout style:name="{pm}"><style:page-layout-properties fo:page-width="{pw}" '
                f'fo:page-height="{ph}" style:print-orientation="{"landscape" if landscape else "portrait"}" '
                f'fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"'
                f'{scale} style:print="objects charts drawings zero-values" style:print-page-order="ttb"/>'
                f'<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.25cm"/></style:header-style>'
                f'<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.25cm"/></style:footer-style>'
                f"</style:page-layout>"
            ),
            (
                f'<style:master-page style:name="{mp}" style:page-layout-name="{pm}">'
                + (
                    '<style:header><text:p><text:sheet-name>???</text:sheet-name></text:p></style:header>'
                    '<style:footer><text:p>第 <text:page-number>1</text:page-number> 页</text:p></style:footer>'
                    if sheet.get("headerFooter")
                    else '<style:header style:display="false"/><style:footer style:display="false"/>'
                )
                + "</style:master-page>"
            ),
        )
        page_layouts.append(layout)
        styles.append(
            f'<style:style style:name="ta{si}" style:family="table" style:master-page-name="{mp}">'
            f'<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>'
        )
        ncols = len(sheet["widths"])
        rows = sheet["rows"]
        # Place cells on a grid; covered[r][c] marks cells under a merge.
        covered = [[False] * ncols for _ in range(len(rows) + 60)]
        out_rows = []
        for ri, row in enumerate(rows):
            cells = []
            c = 0
            for cell in row:
                while c < ncols and covered[ri][c]:
                    cells.append(("covered", c))
                    c += 1
                if isinstance(cell, str):
                    cell = {"t": cell}
                rs, cs = cell.get("rs", 1), cell.get("cs", 1)
                for dr in range(rs):
                    for dc in range(cs):
                        if dr or dc:
                            covered[ri + dr][c + dc] = True
                cells.append((cell, c))
                c += 1
            while c < ncols:
                cells.append(("covered" if covered[ri][c] else "empty", c))
                c += 1
            out_rows.append((ri, cells, row))
        xml_rows = []
        last_style = {}
        for ri, cells, row in out_rows:
            border = not (len(row) == 1 and isinstance(row[0], dict) and row[0].get("s") in ("title", "unit", "blank"))
            parts = []
            for cell, c in cells:
                if cell == "covered":
                    parts.append(f'<table:covered-table-cell table:style-name="{last_style.get(c, style_for("label", None))}"/>')
                    continue
                if cell == "empty":
                    st = style_for("label", None) if border else None
                    parts.append(f'<table:table-cell table:style-name="{st}"/>' if st else "<table:table-cell/>")
                    continue
                kind = cell.get("s") or ("num" if "v" in cell else "text" if len(cell.get("t", "")) > 14 else "label")
                if kind == "blank":
                    parts.append("<table:table-cell/>")
                    continue
                data = cell.get("fmt")
                st = style_for(kind, data)
                for dc in range(cell.get("cs", 1)):
                    last_style[c + dc] = st
                attrs = f' table:style-name="{st}"'
                if cell.get("cs", 1) > 1:
                    attrs += f' table:number-columns-spanned="{cell["cs"]}"'
                if cell.get("rs", 1) > 1 or cell.get("cs", 1) > 1:
                    attrs += f' table:number-rows-spanned="{cell.get("rs", 1)}"'
                if "v" in cell:
                    v = cell["v"]
                    shown = DATA_STYLES[data][1](v) if data else repr(v)
                    vtype = "percentage" if data and data.endswith("%") else "currency" if data and "￥" in data else "float"
                    cur = ' office:currency="CNY"' if vtype == "currency" else ""
                    attrs += f' office:value-type="{vtype}"{cur} office:value="{v!r}" calcext:value-type="{vtype}"'
                    text = shown
                else:
                    attrs += ' office:value-type="string" calcext:value-type="string"'
                    text = cell["t"]
                paras = "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n"))
                parts.append(f"<table:table-cell{attrs}>{paras}</table:table-cell>")
            h = sheet.get("rowHeights", {}).get(ri)
            rs_name = f"ro{si}_{ri}"
            if h:
                styles.append(
                    f'<style:style style:name="{rs_name}" style:family="table-row"><style:table-row-properties '
                    f'style:row-height="{h}cm" fo:break-before="auto" style:use-optimal-row-height="false"/></style:style>'
                )
            else:
                styles.append(
                    f'<style:style style:name="{rs_name}" style:family="table-row"><style:table-row-properties '
                    f'fo:break-before="auto" style:use-optimal-row-height="true"/></style:style>'
                )
            xml_rows.append(f'<table:table-row table:style-name="{rs_name}">{"".join(parts)}</table:table-row>')
        hidden = set(sheet.get("hiddenCols", []))
        cols = "".join(
            f'<table:table-column table:style-name="{n}"{VISIBILITY if i in hidden else ""} '
            f'table:default-cell-style-name="Default"/>'
            for i, n in enumerate(col_styles)
        )
        repeat = sheet.get("repeatRows")  # (first, last): rows printed again at the top of every page
        if repeat:
            a, b = repeat
            xml_rows = xml_rows[:a] + ["<table:table-header-rows>" + "".join(xml_rows[a : b + 1]) + "</table:table-header-rows>"] + xml_rows[b + 1 :]
        tables.append(
            f'<table:table table:name="{escape(sheet["name"])}" table:style-name="ta{si}">{cols}{"".join(xml_rows)}</table:table>'
        )

    data_xml = "".join(v[0] for v in DATA_STYLES.values())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NS} xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">\n'
        f'<office:font-face-decls><style:font-face style:name="{FONT}" svg:font-family="{FONT}"/></office:font-face-decls>\n'
        f'<office:styles>{data_xml}<style:style style:name="Default" style:family="table-cell">'
        f'<style:text-properties style:font-name="{FONT}" fo:font-size="10pt" style:font-name-asian="{FONT}" style:font-size-asian="10pt"/>'
        f"</style:style></office:styles>\n"
        f'<office:automatic-styles>{"".join(p for p, _ in page_layouts)}\n{chr(10).join(styles)}</office:automatic-styles>\n'
        f'<office:master-styles>{"".join(m for _, m in page_layouts)}</office:master-styles>\n'
        f'<office:body><office:spreadsheet>\n{chr(10).join(tables)}\n</office:spreadsheet></office:body></office:document>\n'
    )


def main():
    sys.path.insert(0, os.path.dirname(__file__))
    from content import DOCS  # noqa: E402

    names = sys.argv[1:] or list(DOCS)
    for name in names:
        out = os.path.join(ROOT, name)
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "doc.fods"), "w", encoding="utf-8") as f:
            f.write(build(DOCS[name]))
        print(f"fods: fixtures/producers/{name}/doc.fods")


if __name__ == "__main__":
    main()

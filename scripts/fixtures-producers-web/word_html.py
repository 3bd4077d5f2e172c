"""Word's "Save as Web Page" (筛选过的网页 / 网页) markup for a performance target table, GB2312-encoded.

Written the way Word 2016 writes it: an <html xmlns:o=… xmlns:w=…> page with a <meta http-equiv> charset, Office
XML inside conditional comments, `MsoNormalTable` tables whose cells hold `<p class=MsoNormal>` paragraphs of
`<span style='mso-…'>` runs, ASCII runs in their own `<span lang=EN-US>`, bold labels split over several spans,
`<o:p></o:p>` paragraph marks, `&nbsp;` in empty cells, `<![if !supportLists]>` list numbers, the
`<![if !supportMisalignedColumns]>` row of empty width-only cells that fixes the column grid, a page break as
`<br clear=all style='page-break-before:always'>`, and source lines wrapped between attributes at ~76 columns.
"""
import re

FONT = "font-size:10.0pt;font-family:宋体;mso-ascii-font-family:\"Times New Roman\";mso-hansi-font-family:\"Times New Roman\";mso-bidi-font-family:宋体;color:black;mso-font-kerning:0pt"


def wrap(markup: str, width: int = 76) -> str:
    """Word wraps its source between attributes and before tags, never inside text."""
    out = []
    for line in markup.split("\n"):
        while len(line) > width:
            cut = max(line.rfind(" ", 0, width), line.rfind("><", 0, width) + 1)
            if cut <= 0:
                break
            out.append(line[:cut])
            line = line[cut:].lstrip(" ")
        out.append(line)
    return "\n".join(out)


def runs(text: str) -> str:
    """One paragraph's text as Word's runs: ASCII stretches get their own `lang=EN-US` span."""
    parts = re.split(r"([\x21-\x7e][\x20-\x7e]*[\x21-\x7e]|[\x21-\x7e])", text)
    html = []
    for i, part in enumerate(parts):
        if not part:
            continue
        if i % 2:
            html.append(f"<span lang=EN-US>{esc(part)}</span>")
        else:
            html.append(esc(part))
    return "".join(html)


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def label_runs(text: str) -> str:
    """A bold label Word split into several runs (an edit in the middle, a proofing mark): 项目 | 名称."""
    if len(text) < 4:
        return f"<b><span style='{FONT}'>{esc(text)}</span></b>"
    mid = len(text) // 2
    return (
        f"<b><span style='{FONT}'>{esc(text[:mid])}</span></b><b><span\n"
        f"style='{FONT};mso-bidi-font-weight:normal'>{esc(text[mid:])}</span></b>"
    )


def para(inner: str, align: str = "center") -> str:
    style = "text-align:center;mso-pagination:widow-orphan" if align == "center" else "text-align:left;mso-pagination:widow-orphan"
    return f"<p class=MsoNormal align={align} style='{style}'><span style='{FONT}'>{inner}<o:p></o:p></span></p>"


def cell(text: str, width: int, *, rowspan: int = 1, colspan: int = 1, label: bool = False, left: bool = False, hidden: bool = False) -> str:
    attrs = f"width={width}"
    if rowspan > 1:
        attrs += f" rowspan={rowspan}"
    if colspan > 1:
        attrs += f" colspan={colspan}"
    style = f"width:{width * 0.75:.1f}pt;border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt;height:21.0pt"
    if hidden:
        style = "display:none;" + style
    if text == "":
        body = para("<span lang=EN-US><o:p>&nbsp;</o:p></span>")
    elif label:
        body = f"<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>{label_runs(text)}<span lang=EN-US style='{FONT}'><o:p></o:p></span></p>"
    else:
        paragraphs = text.split("\n")
        body = "\n".join(para(runs(p), "left" if left else "center") for p in paragraphs)
    return f"<td {attrs} valign=center style='{style}'>\n{body}\n</td>"


def row(index: int, cells: list, last: bool = False) -> str:
    flags = "mso-yfti-firstrow:yes;" if index == 0 else ("mso-yfti-lastrow:yes;" if last else "")
    return f"<tr style='mso-yfti-irow:{index};{flags}page-break-inside:avoid;height:21.0pt'>\n" + "\n".join(cells) + "\n</tr>"


def table(rows: list, widths: list) -> str:
    spacer = "<![if !supportMisalignedColumns]>\n<tr height=0>\n" + "\n".join(
        f"<td width={w} style='border:none'></td>" for w in widths
    ) + "\n</tr>\n<![endif]>"
    total = sum(widths)
    head = (
        f"<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width={total}\n"
        f" style='width:{total * 0.75:.1f}pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
        "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"
    )
    return head + "\n" + "\n".join(row(i, r, i == len(rows) - 1) for i, r in enumerate(rows)) + "\n" + spacer + "\n</table>"


def page(title: str, body: str) -> str:
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="{title}.files/filelist.xml">
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>admin</o:Author>
  <o:Pages>2</o:Pages>
  <o:Company>Microsoft</o:Company>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:SpellingState>Clean</w:SpellingState>
  <w:PunctuationKerning/>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
  <w:Compatibility>
   <w:SpaceForUL/>
   <w:BalanceSingleByteDoubleByteWidth/>
   <w:UseFELayout/>
  </w:Compatibility>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:"Times New Roman",serif;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;
	layout-grid:15.6pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 /* Style Definitions */
 table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-style-parent:"";
	font-size:10.5pt;}}
</style>
<![endif]-->
<title>{title}</title>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

{body}

</div>

</body>

</html>
"""


def heading(text: str) -> str:
    return (
        "<p class=MsoNormal align=center style='text-align:center'><b><span\n"
        f"style='font-size:16.0pt;font-family:方正小标宋简体;mso-hansi-font-family:宋体'>{runs(text)}<span\n"
        "lang=EN-US><o:p></o:p></span></span></b></p>"
    )


def line(text: str) -> str:
    return f"<p class=MsoNormal><span style='font-size:12.0pt;font-family:仿宋_GB2312'>{runs(text)}<span lang=EN-US><o:p></o:p></span></span></p>"


def numbered(number: str, text: str) -> str:
    """A list paragraph as Word exports it: the number inside `<![if !supportLists]>`, shown by every browser."""
    return (
        "<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span\n"
        f"lang=EN-US style='font-size:12.0pt'><span style='mso-list:Ignore'>{number}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;\n"
        f"</span></span></span><![endif]><span style='font-size:12.0pt;font-family:仿宋_GB2312'>{runs(text)}<span lang=EN-US><o:p></o:p></span></span></p>"
    )


EMPTY = "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
PAGE_BREAK = (
    "<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\",serif;mso-fareast-font-family:宋体;"
    "mso-ansi-language:EN-US;mso-fareast-language:ZH-CN;mso-bidi-language:AR-SA'><br clear=all\n"
    "style='mso-special-character:line-break;page-break-before:always'>\n</span>"
)

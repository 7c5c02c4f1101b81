"""Write our own report texts as .docx, .pdf and .html files, the way offices and sites publish them."""

from __future__ import annotations

import html
import re
from pathlib import Path

_BODY_CLASSES = ("TRS_Editor", "article-content", "zoom")


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def write_docx(text: str, path: Path, table: list[list[str]] | None = None) -> Path:
    from docx import Document

    document = Document()
    for line in lines_of(text):
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def write_pdf(text: str, path: Path) -> Path:
    """A text-layer PDF: A4, a CID font that holds Chinese, paragraphs wrapped with a two-character indent."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=14, leading=24, firstLineIndent=28,
                           wordWrap="CJK")
    # STSong-Light has no glyph for U+00B7 (the dot of 12·4); its GB glyph for ・ is read back as U+00B7.
    story = [Paragraph(html.escape(line.replace("·", "・")), style) for line in lines_of(text)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF whose page is only a picture, as a scanner makes it: no text layer at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFillGray(0.2)
    for row in range(40):
        page.rect(60, 780 - row * 18, 470, 9, stroke=0, fill=1)
    page.showPage()
    page.save()
    return path


def write_html(text: str, path: Path, *, encoding: str = "utf-8", meta: dict[str, str] | None = None,
               body_class: str = "TRS_Editor") -> Path:
    """A government-site article page: navigation, a 信息公开 metadata table, the title, the body, a footer."""
    lines = lines_of(text)
    title, body = lines[0], lines[1:]
    meta = meta or {}
    cells = "".join(f"<tr><td class='t'>{html.escape(k)}：</td><td>{html.escape(v)}</td></tr>" for k, v in meta.items())
    paragraphs = "\n".join(f"<p style='text-indent:2em'>{html.escape(line)}</p>" for line in body)
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">
<title>{html.escape(title)}_青禾县人民政府门户网站</title>
<script>var nav = "首页 | 政务公开";</script><style>p {{ margin: 0 }}</style></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a>
  <a href="javascript:void(0)">繁體</a> <a href="#">无障碍</a></div>
<div class="nav"><ul><li><a href="/a">机构设置</a></li><li><a href="/b">政策文件</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 法治政府建设</div>
<table class="xxgk-table">{cells}</table>
<h1 class="article-title">{html.escape(title)}</h1>
<div class="{body_class}">
{paragraphs}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> 【打印本页】【关闭窗口】</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/x">关于印发某某工作方案的通知</a></li></ul></div>
<div class="footer">主办单位：青禾县人民政府办公室 网站标识码：1234000001 备案号：某ICP备00000001号</div>
</body></html>
"""
    path.write_bytes(page.encode(encoding, "xmlcharrefreplace"))
    return path


# Typed list numbers a Word user would leave to automatic numbering: (pattern, level, numFmt, how the
# number is typed). The mark around the number (、 . （） ) becomes the level's w:lvlText.
_TYPED_LEVELS = (
    (r"^()([一二三四五六七八九十]{1,3})([、.．] *)", 0, "chineseCounting"),
    (r"^([（(])([一二三四五六七八九十]{1,3})([)）] *)", 1, "chineseCounting"),
    (r"^()(\d{1,2})([.．、](?!\d) *)", 2, "decimal"),
    (r"^([（(])(\d{1,2})([)）] *)", 3, "decimal"),
    (r"^()([①-⑳])( *)", 4, "decimalEnclosedCircle"),
)


def _typed_number(line: str):
    """(level, value, numFmt, the lvlText, the rest of the line) of a line opening with a typed list number."""
    import re

    from kg.text.numerals import parse_chinese

    for pattern, level, fmt in _TYPED_LEVELS:
        match = re.match(pattern, line)
        if match:
            opening, raw, closing = match.groups()
            value = ord(raw) - 0x245F if fmt == "decimalEnclosedCircle" else (
                int(raw) if raw.isdigit() else parse_chinese(raw))
            if fmt == "decimal" and not raw.isascii():
                fmt = "decimalFullWidth"  # １．: Word draws full-width digits from their own format
            return level, value, fmt, f"{opening}%{level + 1}{closing}", line[match.end():]
    return None


def write_numbered_docx(text: str, path: Path, *, heading_style: bool = True) -> Path:
    """The report as a Word user numbers it: typed numbers replaced by automatic numbering of one list.

    Top-level headings take their number from the Heading 1 style (the style carries w:numPr), the rest
    from their own w:numPr; where the typed number is not the one Word would count next, a new w:num
    with a w:startOverride sets it, as Word's "set numbering value" does.
    """
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    numbering = document.part.numbering_part.element
    for definition in list(numbering):  # the template's own lists, so that the ids below are ours alone
        numbering.remove(definition)
    rows, formats = [], {}
    for line in lines_of(text):
        typed = _typed_number(line)
        if typed:
            level, value, fmt, level_text, rest = typed
            if formats.setdefault(level, (fmt, level_text)) != (fmt, level_text):
                rows.append((None, None, line))  # another mark at this level: left as typed
                continue
            rows.append((level, value, rest))
        else:
            rows.append((None, None, line))
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{level_text}"/><w:suff w:val="nothing"/></w:lvl>'
        for level, (fmt, level_text) in sorted(formats.items()))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="7">{levels}</w:abstractNum>'))

    def new_num(num_id: int, overrides: dict[int, int]) -> str:
        extra = "".join(f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                        for lvl, start in overrides.items())
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="7"/>'
                                   f'{extra}</w:num>'))
        return str(num_id)

    num_id = new_num(31, {})
    if heading_style:
        heading = document.styles["Heading 1"].element.get_or_add_pPr()
        heading.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    expected: dict[int, int] = {}
    for level, value, rest in rows:
        if level is None:
            document.add_paragraph(rest)
            continue
        if value != expected.get(level, 1):
            num_id = new_num(int(num_id) + 1, {level: value})
        expected[level] = value + 1
        for deeper in [k for k in expected if k > level]:
            del expected[deeper]
        if level == 0 and heading_style and num_id == "31":
            document.add_paragraph(rest, style="Heading 1")
            continue
        paragraph = document.add_paragraph(rest)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    document.save(str(path))
    return path


# Typed numbers a site's editor turns into <ol> lists: level → (its mark, list-style-type).
_LIST_STYLES = {0: ("、", "cjk-ideographic"), 2: (".", "decimal")}


def write_html_lists(text: str, path: Path) -> Path:
    """The report as a site's editor publishes it: 一、 headings and 1. items as <ol> lists whose numbers
    the browser draws; each heading's <li> holds its section. A number out of sequence gets value=…"""
    lines = lines_of(text)
    out, open_lists, expected = [f"<p>{html.escape(lines[0])}</p>"], [], {}
    for line in lines[1:]:
        typed = _typed_number(line)
        level = typed[0] if typed else None
        # A number standing alone on its line stays typed: in a list the browser would draw it before the next line.
        listed = level in _LIST_STYLES and typed[3] == f"%{level + 1}{_LIST_STYLES[level][0]}" and typed[4].strip()
        while open_lists and (not listed and open_lists[-1] == 2 or listed and open_lists[-1] > level):
            out.append("</li></ol>")
            open_lists.pop()
        if not listed:
            if "\t" in line:  # a row of a table typed with tabs is a table row on a page
                cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in line.split("\t"))
                out.append(f"<table><tr>{cells}</tr></table>")
            else:
                out.append(f"<p>{html.escape(line)}</p>")
            continue
        value, rest = typed[1], typed[4]
        if open_lists and open_lists[-1] == level:
            out.append("</li>")
        else:
            out.append(f"<ol style='list-style-type: {_LIST_STYLES[level][1]}'>")
            open_lists.append(level)
            expected[level] = 1
        number = f" value='{value}'" if value != expected[level] else ""
        expected[level] = value + 1
        out.append(f"<li{number}>{html.escape(rest)}")
    out.extend("</li></ol>" for _ in open_lists)
    path.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><div class='TRS_Editor'>"
                    + "\n".join(out) + "</div></body></html>", encoding="utf-8")
    return path


def write_paged_pdf(text: str, path: Path, *, head: str = "", per_line: int = 24, pages: int = 2) -> Path:
    """A PDF as a word processor prints a report: lines broken at the margin (`per_line` full-width characters
    wide, a paragraph's first line indented two), spread over `pages` pages, a running head and a — n — footer.

    The margin is a width, not a count: a line holding half-width digits takes more characters before it breaks,
    as a word processor fills it, so a wrapped line always reaches the margin."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size, leading, left = 16, 28, 72
    printed = []  # (x offset, characters) of every printed line
    for paragraph in lines_of(text):
        paragraph = paragraph.replace("·", "・")  # see write_pdf
        indent, line, used = 2 * size, "", 0.0
        for character in paragraph:
            width = pdfmetrics.stringWidth(character, "STSong-Light", size)
            if line and indent + used + width > per_line * size + 0.01:
                printed.append((indent, line))
                indent, line, used = 0, "", 0.0
            line, used = line + character, used + width
        printed.append((indent, line))
    page = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    per_page = -(-len(printed) // pages)
    for number, lines in enumerate((printed[i:i + per_page] for i in range(0, len(printed), per_page)), 1):
        page.setFont("STSong-Light", 10)
        if head:
            page.drawCentredString(width / 2, height - 40, head)
        page.drawCentredString(width / 2, 36, f"— {number} —")
        page.setFont("STSong-Light", size)
        for row, (indent, characters) in enumerate(lines):
            page.drawString(left + indent, height - 90 - row * leading, characters)
        page.showPage()
    page.save()
    return path


def write_copied_pdf(text: str, path: Path, *, head: str = "", size: int = 14, numbered_heads: bool = False) -> Path:
    """Text as a PDF tool copies it out of a page, printed back onto pages: each line of the text a line of the
    page (a paragraph's indent a shift), each page-number line (alone, or beside a running foot) closing its
    page at the foot, and `head` printed at the top of every page but the first wherever the text repeats it at
    a page's start. With `numbered_heads`, a line holding a page number beside words opens its page instead."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from kg.text.unwrap import NUMBERED_EDGE_RE, PAGE_NUMBER_RE

    pages: list[list[str]] = [[]]
    footers: list[str] = []
    heads: list[str] = [head]
    for line in text.replace("\f", "\n").split("\n"):
        line = line.rstrip().replace("·", "・")  # see write_pdf
        beside = NUMBERED_EDGE_RE.match(line.strip()) and re.search(r"\S(?: {2,}|\u3000{2,})\S", line.strip())
        if not line.strip():
            continue
        if beside and numbered_heads:
            heads.append(line.strip())
            pages.append([])
        elif PAGE_NUMBER_RE.match(line.strip()) or beside:
            footers.append(line.strip())
            pages.append([])
        elif not (head and line.strip() == head and not pages[-1] and len(pages) > 1):
            pages[-1].append(line)
    pages = [lines for lines in pages if lines]
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    leading, left = size * 1.7, 72
    for number, lines in enumerate(pages):
        page.setFont("STSong-Light", 10)
        running = heads[min(number, len(heads) - 1)] if numbered_heads else head
        if number and running:
            page.drawCentredString(width / 2, height - 40, running)
        if number < len(footers):
            page.drawCentredString(width / 2, 36, footers[number])
        page.setFont("STSong-Light", size)
        for row, line in enumerate(lines):
            body = line.lstrip("\u3000 ")
            indent = line[: len(line) - len(body)]  # a margin or an indent: a shift, half a cell a space
            page.drawString(left + size * (indent.count("\u3000") + indent.count(" ") / 2), height - 90 - row * leading,
                            body)
        page.showPage()
    page.save()
    return path




def assert_reads_as_typed(source, typed_text: str, folder: Path, facts=("township", "county", "year"),
                          printed: bool = False) -> None:
    """The report read from another format has the sections, items and header facts of the same text typed.

    `printed`: the other format is a PDF's text, whose layer keeps a space between two CJK characters only after a
    bare section number (看差距 再出发 prints as 看差距再出发): headings are compared without their spaces.
    """
    from kg.extract.report import extract_report
    from kg.read import read_source

    typed_path = folder / "typed.txt"
    typed_path.write_text(typed_text, encoding="utf-8")
    typed, other = extract_report(read_source(typed_path)), extract_report(source)
    as_printed = (lambda heading: re.sub(r"\s+", "", heading)) if printed else (lambda heading: heading)
    assert ([(s.kind, as_printed(s.heading)) for s in other.sections]
            == [(s.kind, as_printed(s.heading)) for s in typed.sections])
    for kind in ("measures", "shortcomings", "plans"):
        assert [i.text for i in getattr(other, kind)] == [i.text for i in getattr(typed, kind)], kind
    assert [getattr(other.header, f) for f in facts] == [getattr(typed.header, f) for f in facts]

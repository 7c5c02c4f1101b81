"""Write our own report texts as .docx, .pdf and .html files, the way offices and sites publish them."""

from __future__ import annotations

import html
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

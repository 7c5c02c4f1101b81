"""Reading .txt in every encoding, .docx, .pdf and government .html pages into the same report text."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest
from opencc import OpenCC
from rdflib import Graph

from kg.errors import ReadError
from kg.extract.report import extract_report
from kg.mapping.rdf import report_graph
from kg.read import iter_report_paths, read_source
from kg.text.pasted import readable
from kg.ontology import KG
from make_formats import (assert_reads_as_typed, lines_of, write_docx, write_html, write_html_lists,
                          write_numbered_docx, write_paged_pdf, write_pdf, write_scanned_pdf)

REPORTS = Path(__file__).parent / "fixtures" / "reports"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BAISHI = "\n".join(lines_of((REPORTS / "baishi-2023.txt").read_text(encoding="utf-8")))
WRITERS = {"docx": write_docx, "pdf": write_pdf, "html": write_html}
# The same formats as offices and sites make them: numbers drawn by Word or the browser, printed pages.
SHAPED = {"numbered.docx": write_numbered_docx, "lists.html": write_html_lists,
          "paged.pdf": lambda text, path: write_paged_pdf(text, path, head="青禾县人民政府办公室")}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_a_text_file_reads_the_same_in_every_encoding(encoding, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(BAISHI.encode(encoding))
    source = read_source(path)
    assert source.text == BAISHI
    assert source.fmt == "txt"


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("name", ["baishi-2023.txt", "baishi-2024.txt", "qinghe-2023.txt"])
def test_every_format_gives_back_the_text_line_for_line(fmt, name, tmp_path):
    text = "\n".join(lines_of((REPORTS / name).read_text(encoding="utf-8")))
    path = WRITERS[fmt](text, tmp_path / f"report.{fmt}")
    source = read_source(path)
    assert source.text == text
    assert source.fmt == fmt


def test_a_long_pdf_over_several_pages_joins_its_wrapped_lines(tmp_path):
    texts = sorted(EXAMPLES.glob("*.txt"))
    if not texts:
        pytest.skip("examples/ holds no report texts yet")
    text = "\n".join(lines_of(texts[0].read_text(encoding="utf-8")))
    source = read_source(write_pdf(text + "\n" + text, tmp_path / "long.pdf"))
    assert source.text == text + "\n" + text


# A text layer keeps no space between two CJK characters (a justified line spreads them); the reader drops it,
# but for the one after a section number written without a mark (一 主要工作).
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")
_BARE_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|第[一二三四五六七八九十]{1,3}(?:部分|章|篇|节|项|条)) +(?=\S)")


def _as_printed(line: str) -> str:
    number = _BARE_NUMBER.match(line)
    if number is None:
        return _CJK_GAP.sub("", line)
    return number.group().rstrip() + " " + _CJK_GAP.sub("", line[number.end():])
FIXTURES = REPORTS.parent


def _as_typed(text: str) -> bool:
    """Whether the text reads as it is typed: no wrapped lines to join, no page furniture to drop, no lines run
    together into one and no glosses to take out."""
    readied = readable(text)
    return readied is None or readied.text == text
# Latin letters, dingbats (Ø, ➢ bullets), •, ▪, ▶ and ▷ the writer's CJK font has no glyph for: a printed copy drops them.
# So are ▸ ► ◈ ♦ and the circled ideographs ㊀㊁ (batches 13c2, 13m5).
_UNDRAWN = re.compile("[\u00c0-\u024f\u2022\u24b6-\u24e9\u25aa\u25b6-\u25b8\u25ba\u25c8\u2666\u2700-\u27bf\u3280-\u3289]")  # Ⓐ Ⓑ and ▷ too
# Every report of ours but those that are themselves a PDF's text with its wrapped lines and page furniture
# (printed again, their page numbers would go), and those holding characters the writer cannot print.
# A table typed with tabs or as Markdown rows is left out: printed, its columns are only gaps on the page, which
# the PDF reader joins like any space between Chinese characters (reading tables out of a PDF is not done). So is
# text aligned with runs of spaces (a table, or 1—3月  制定… with a gap after its label), for the same reason, and a
# table whose cells are parted by full-width spaces.
_SPACED = re.compile(r"\S {2,}\S")
# A table typed with runs of full-width spaces between its cells: three lines or more, each with such a gap.
_SPACED_ROWS = re.compile(r"^[^\n]*\S\u3000{2,}\S[^\n]*$(?:\n[^\n]*\S\u3000{2,}\S[^\n]*$){2,}", re.M)
# A web page's opening (gold `complete: false`, with its site's chrome) is read as saved, never printed.
_MARKDOWN_ROW = re.compile(r"^\|", re.M)


def _page_opening(path) -> bool:
    gold = path.with_suffix(".json")
    return gold.is_file() and json.loads(gold.read_text("utf-8")).get("complete", True) is False


TYPED = [path for path in sorted(REPORTS.glob("*-20*.txt")) + sorted((FIXTURES / "unseen").glob("*.txt")) +
         sorted((FIXTURES / "layouts").glob("*.txt")) if _as_typed(path.read_text("utf-8"))
         and "\t" not in path.read_text("utf-8") and not _MARKDOWN_ROW.search(path.read_text("utf-8"))
         and not _SPACED.search(path.read_text("utf-8")) and not _SPACED_ROWS.search(path.read_text("utf-8"))
         and not _UNDRAWN.search(path.read_text("utf-8")) and not _page_opening(path)]


@pytest.mark.parametrize("report", TYPED, ids=lambda path: path.name)
def test_a_two_page_pdf_with_running_head_and_footer_reads_as_the_typed_report(report, tmp_path):
    typed_text = "\n".join(lines_of(report.read_text(encoding="utf-8")))
    path = write_paged_pdf(typed_text, tmp_path / "printed.pdf", head="青禾县人民政府办公室")
    source = read_source(path)
    assert source.text == "\n".join(_as_printed(line) for line in typed_text.splitlines())
    assert_reads_as_typed(source, typed_text, tmp_path,
                          ("title", "township", "county", "year", "doc_number", "issuer", "addressee"), printed=True)


def test_a_running_head_at_varying_heights_on_two_pages_is_kept_as_text(tmp_path):
    # Two pages are too few to tell a header from text unless it sits at one height on both.
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(tmp_path / "two.pdf"), pagesize=A4)
    for number, top in enumerate((760, 700)):
        page.setFont("STSong-Light", 16)
        page.drawString(104, top, "加强普法宣传。")
        page.drawString(104, top - 30, f"第{number + 1}页的正文写在这里，")
        page.drawString(72, top - 60, "到这里结束。")
        page.showPage()
    page.save()
    assert read_source(tmp_path / "two.pdf").text.splitlines() == [
        "加强普法宣传。", "第1页的正文写在这里，到这里结束。", "加强普法宣传。", "第2页的正文写在这里，到这里结束。"]


def test_docx_tables_are_read_in_place_one_row_a_line(tmp_path):
    path = write_docx("白石镇法治工作台账报告\n一、主要工作", tmp_path / "t.docx",
                      table=[["项目", "数量"], ["法治讲座", "12场"]])
    assert read_source(path).text.splitlines() == ["白石镇法治工作台账报告", "一、主要工作", "项目\t数量", "法治讲座\t12场"]


def test_docx_text_is_read_as_word_shows_it_with_revisions_accepted(tmp_path):
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def run(text: str, tag: str = "t") -> str:
        return f"<w:r><w:{tag} xml:space='preserve'>{text}</w:{tag}></w:r>"

    paragraphs = [
        run("（一）加强") + f"<w:ins w:id='1' w:author='a'>{run('组织')}</w:ins>"
        + f"<w:del w:id='2' w:author='a'>{run('删去的', 'delText')}</w:del>" + run("领导。"),
        f"<w:hyperlink>{run('普法')}</w:hyperlink><w:fldSimple w:instr='PAGE'>{run('宣传')}</w:fldSimple>"
        f"<w:sdt><w:sdtContent>{run('活动')}</w:sdtContent></w:sdt>"
        f"<w:moveFrom w:id='3' w:author='a'>{run('移走')}</w:moveFrom><w:moveTo w:id='4' w:author='a'>{run('12场')}</w:moveTo>",
        run("正文") + "<w:r><w:drawing><wp:inline " + nsdecls("wp") + "><a:graphic " + nsdecls("a")
        + "><a:graphicData uri='x'><w:txbxContent><w:p>" + run("文本框") + "</w:p></w:txbxContent>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>" + run("继续。"),
    ]
    document = Document()
    body = document.element.body
    for xml in paragraphs:
        body.insert(len(body) - 1, parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>"))
    body.insert(len(body) - 1, parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p>{run('控件里的段落')}</w:p></w:sdtContent></w:sdt>"))
    document.save(str(tmp_path / "r.docx"))
    assert read_source(tmp_path / "r.docx").text.splitlines() == [
        "（一）加强组织领导。", "普法宣传活动12场", "正文继续。", "控件里的段落"]


def test_a_government_page_loses_its_chrome_and_keeps_its_fields(tmp_path):
    fields = {"索引号": "QH-2024-0001", "发布机构": "白石镇人民政府", "文号": "白政发〔2024〕3号", "成文日期": "2024-01-10"}
    source = read_source(write_html(BAISHI, tmp_path / "page.html", meta=fields))
    assert source.text == BAISHI
    for chrome in ("首页", "当前位置", "分享到", "相关链接", "主办单位", "索引号", "var nav"):
        assert chrome not in source.text
    # The footer's owner and the site's name in the <title> are kept too: they may be all that names the county.
    assert dict(source.metadata) == {**fields, "主办单位": "青禾县人民政府办公室", "网站": "青禾县人民政府门户网站",
                                     "网页路径": "当前位置：首页 > 政务公开 > 法治政府建设"}


def test_a_gb2312_page_with_another_article_class_is_read(tmp_path):
    source = read_source(write_html(BAISHI, tmp_path / "page.htm", encoding="gb2312", body_class="pages_content"))
    assert source.text == BAISHI and source.encoding == "gb18030" and source.fmt == "html"


def test_page_fields_fill_what_the_text_leaves_out(tmp_path):
    text = ("法治政府建设情况报告\n一、主要工作举措及成效\n（一）深化普法宣传。举办法治讲座12场。\n"
            "二、存在的问题\n（一）基层群众法治意识有待提高。\n三、下一步工作计划\n（一）创新普法形式。")
    fields = {"发布机构": "青禾县白石镇人民政府", "文号": "白政发〔2024〕3号", "成文日期": "2024-01-10"}
    report = extract_report(read_source(write_html(text, tmp_path / "p.html", meta=fields)))
    assert (report.header.township, report.header.county, report.header.year) == ("白石镇", "青禾县", 2023)
    assert report.header.doc_number == "白政发〔2024〕3号"


def test_field_rows_written_with_bars_give_clean_values_and_no_document_number_from_wu(tmp_path):
    # Some portals print the 信息公开 block as a bar table in one paragraph; 无 is no document number.
    page = ("<html><body><p>| 发布机构: | 白石镇人民政府 | 成文日期: | 2024-01-10 | ||</p>"
            "<p>| 文号: | 无 | 主题词: | |||</p><div class='content'>"
            + "".join(f"<p>{line}</p>" for line in BAISHI.split("\n")) + "</div></body></html>")
    path = tmp_path / "bars.html"
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    assert dict(source.metadata) == {"发布机构": "白石镇人民政府", "成文日期": "2024-01-10", "文号": "无"}
    assert extract_report(source).header.doc_number is None


def test_a_traditional_page_is_matched_in_simplified_and_quoted_as_written(tmp_path):
    traditional = OpenCC("s2t").convert(BAISHI)
    source = read_source(write_html(traditional, tmp_path / "big5.html"))
    assert source.text == traditional and ("script", "traditional") in source.metadata
    report = extract_report(source)
    simple = extract_report(read_source(write_html(BAISHI, tmp_path / "gb.html")))
    assert (report.header.township, report.header.county, report.header.year) == ("白石镇", "青禾县", 2023)
    assert [i.text for i in report.shortcomings] == [OpenCC("s2t").convert(i.text) for i in simple.shortcomings]
    assert report.shortcomings[0].text == "執法隊伍專業能力不足，持證執法人員偏少"
    assert len(report.measures) == len(simple.measures) and len(report.plans) == len(simple.plans)


def _without_source_file(graph: Graph) -> set:
    dropped = {KG.sourceFile, KG.sha256, KG.encoding, KG.format}
    return {triple for triple in graph if triple[1] not in dropped}


@pytest.mark.parametrize("name", ["baishi-2023.txt", "qinghe-2023.txt"])
def test_the_same_report_in_every_format_gives_the_same_graph(name, tmp_path):
    text = "\n".join(lines_of((REPORTS / name).read_text(encoding="utf-8")))
    stem = Path(name).stem
    graphs = {}
    for fmt in ("txt", *WRITERS):
        folder = tmp_path / fmt
        folder.mkdir()
        path = folder / f"{stem}.{fmt}"
        if fmt == "txt":
            path.write_text(text, encoding="gb18030")
        else:
            WRITERS[fmt](text, path)
        graphs[fmt] = _without_source_file(report_graph(extract_report(read_source(path))))
    for shape, writer in SHAPED.items():
        folder = tmp_path / shape
        folder.mkdir()
        path = writer(text, folder / f"{stem}.{shape.split('.')[1]}")
        graphs[shape] = _without_source_file(report_graph(extract_report(read_source(path))))
    assert len(graphs["txt"]) > 50
    for fmt in [*WRITERS, *SHAPED]:
        assert graphs[fmt] == graphs["txt"], fmt


def test_a_scanned_pdf_says_it_has_no_text_layer(tmp_path):
    with pytest.raises(ReadError, match="no text layer.*OCR") as caught:
        read_source(write_scanned_pdf(tmp_path / "scan.pdf"))
    assert "scan.pdf" in str(caught.value)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("renamed.docx", b"%PDF-1.4 not really", "not a Word .docx file"),
    ("zipped.docx", codecs.BOM_UTF8, "not a Word .docx file"),
    ("old.doc", b"\xd0\xcf\x11\xe0" + bytes(100), "old binary Word .doc format"),
    ("page.pdf", b"<html>not a pdf</html>", "not a PDF file"),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj\n<<", "damaged PDF|no text layer"),
    ("empty.html", b"  \n", "empty file"),
    ("nav.html", b"<html><body><a href='/'>Home</a></body></html>", "no Chinese article text"),
    ("empty.pdf", b"", "empty file"),
])


def test_a_bad_file_of_each_format_names_its_reason(name, data, reason, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason) as caught:
        read_source(path)
    assert str(caught.value).startswith(str(path))


def test_folders_are_walked_recursively_for_every_report_format(tmp_path):
    for relative in ("a.txt", "b/c.docx", "b/d/e.pdf", "f.html", "g.HTM", "h.jpg", ".hidden.txt"):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"x")
    names = [p.relative_to(tmp_path).as_posix() for p in iter_report_paths([tmp_path])]
    assert names == ["a.txt", "b/c.docx", "b/d/e.pdf", "f.html", "g.HTM"]


@pytest.mark.parametrize(("head", "foot"), [
    ("<title>白石乡法治政府建设年度报告_桃金县人民政府网</title>", ""),
    ("<title>白石乡法治政府建设年度报告</title>", "<div class='footer'>主办单位：桃金县人民政府办公室　备案号：某00001号</div>"),
    ("<title>白石乡法治政府建设年度报告_云州市桃金县人民政府</title>", "<div id='bottom'>版权所有：云州市人民政府</div>"),
    # A prefecture's portal in the <title>, the county only in a breadcrumb the chrome drops.
    ("<title>白石乡法治政府建设年度报告-云州市人民政府</title>",
     "<div class='crumb'>首页 &gt; 各县（市）&gt; 桃金县 &gt; 镇乡之窗 &gt; 白石乡</div>"),
    # No site in the <title>: the portal's logo names it.
    ("<title>白石乡法治政府建设年度报告</title>", "<div class='site-logo'><img src='l.png' alt='桃金县人民政府'></div>"),
    # A breadcrumb whose steps are list items, its separators drawn by style.
    ("<title>白石乡法治政府建设年度报告</title>",
     "<ol class='breadcrumbs'><li><a href='/'>首页</a></li><li><a href='/tj'>桃金县</a></li><li>白石乡</li></ol>"),
    # The 信息公开 block as a definition list, the county only in the organ's name.
    ("<title>白石乡法治政府建设年度报告</title>", "<dl><dt>发布机构：</dt><dd>桃金县白石乡人民政府</dd></dl>"),
    # The site's name as the page's head states it for its content system.
    ("<meta name='SiteName' content='桃金县人民政府'><title>白石乡法治政府建设年度报告</title>", ""),
    # The site's name before the report's title, which itself holds 政府 (法治政府).
    ("<title>桃金县人民政府-白石乡法治政府建设年度报告</title>", ""),
    # A footer that names the owner before 主办, and one before 版权所有.
    ("<title>白石乡法治政府建设年度报告</title>", "<div class='footer'>桃金县人民政府办公室主办　网站标识码：0000000009</div>"),
    ("<title>白石乡法治政府建设年度报告</title>", "<div class='copyright'>桃金县人民政府 版权所有</div>"),
    # The office the page comes from in a 信息来源 cell of the 信息公开 table.
    ("<title>白石乡法治政府建设年度报告</title>",
     "<table><tr><td>索引号</td><td>TJ-0001</td><td>发布日期</td><td>2024-01-12</td></tr>"
     "<tr><td>信息来源</td><td>桃金县白石乡人民政府</td></tr></table>"),
    # The keywords the page's head gives its search engines.
    ("<meta name='keywords' content='桃金县，白石乡，依法行政'><title>白石乡法治政府建设年度报告</title>", ""),
    # The site's name as masthead text, not a link, in a chrome-named block placed after the article.
    ("<title>白石乡法治政府建设年度报告</title>",
     "<div id='top-bar'><span>桃金县人民政府</span><a href='http://example.org'>邻县人民政府</a></div>"),
    # The site's description, which opens with the site's name.
    ("<meta name='description' content='桃金县政府网为桃金县人民政府发布政务信息的网站'>"
     "<title>白石乡法治政府建设年度报告</title>", ""),
    # The site's name as an Open Graph property, as pages shared to social apps carry it.
    ("<meta property='og:site_name' content='桃金县人民政府'><title>白石乡法治政府建设年度报告</title>", ""),
    # The welcome line of an older site laid out in tables, with no class to tell its chrome by.
    ("<title>白石乡法治政府建设年度报告</title>",
     "<table><tr><td>欢迎光临桃金县人民政府网站！</td><td><a href='/'>设为首页</a></td></tr></table>"),
    # The <title>'s site part after a full-width bar, after 丨 (a stroke sites set as a bar), or first in brackets.
    ("<title>白石乡法治政府建设年度报告｜桃金县人民政府</title>", ""),
    ("<title>白石乡法治政府建设年度报告 丨 桃金县政府网</title>", ""),
    ("<title>【桃金县人民政府】白石乡法治政府建设年度报告</title>", ""),
    # The column and the source a content system states in the page's head.
    ("<meta name='ColumnName' content='桃金县乡镇动态'><title>白石乡法治政府建设年度报告</title>", ""),
    ("<meta name='ContentSource' content='桃金县司法局'><title>白石乡法治政府建设年度报告</title>", ""),
    # The page's author, the office that posted it.
    ("<meta name='author' content='桃金县人民政府办公室'><title>白石乡法治政府建设年度报告</title>", ""),
], ids=["site-in-title", "owner-in-footer", "prefecture-above-county", "breadcrumb-only", "logo-only",
        "breadcrumb-of-list-items", "definition-list", "site-name-meta", "site-before-title", "owner-before-zhuban",
        "owner-before-copyright", "source-cell", "keywords-meta", "masthead-text", "description-opens-with-site",
        "open-graph-site-name", "welcome-line", "site-after-full-width-bar", "site-after-stroke-bar",
        "site-in-brackets-first", "column-name-meta", "content-source-meta", "author-meta"])


def test_a_page_naming_its_county_only_in_its_chrome_gives_that_county(tmp_path, head, foot):
    text = ("白石乡法治政府建设年度报告\n一年来，白石乡在县委、县政府领导下推进依法行政。现将有关情况报告如下：\n"
            "一、主要工作举措及成效\n（一）深化普法宣传。举办法治讲座12场。\n（二）规范行政执法。办理案件5件。")
    page = (f"<html><head><meta charset='utf-8'>{head}</head><body><div class='nav'>首页</div><div class='content'>"
            + "".join(f"<p>{line}</p>" for line in text.split("\n"))
            + "<table><tr><td>成 文 日 期：</td><td>2024-01-12</td><td>文　　号：</td><td>白政发〔2024〕1号</td></tr></table>"
            + f"</div>{foot}</body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    report = extract_report(read_source(path))
    assert (report.header.township, report.header.county, report.header.year) == ("白石乡", "桃金县", 2023)
    assert report.header.doc_number == "白政发〔2024〕1号"


def test_a_series_told_inside_a_paragraph_goes_on_across_a_wrap_after_a_full_stop(tmp_path):
    # the paragraph's first line (22 characters after its indent) ends with a full stop; （二） opens the next
    first = "班子带头履职。（一）带头学法全年共计十二次。"
    assert len(first) == 22
    paragraph = first + "（二）带头决策，重大事项均经合法性审查。（三）带头接访化解信访事项。"
    text = "青禾镇2023年法治政府建设情况报告\n一、主要举措\n" + paragraph + "\n（一）下一段落另起一行。"
    source = read_source(write_paged_pdf(text, tmp_path / "series.pdf"))
    assert paragraph in source.text.splitlines()
    # an indented first line opening with an item marker still starts a paragraph of its own
    assert "（一）下一段落另起一行。" in source.text.splitlines()


def test_a_numbered_series_after_a_word_goes_on_across_a_wrap_after_its_semicolon(tmp_path):
    # 问题主要有1.…；2.…: the page's first line of the paragraph ends right after the ；, and 2. opens the next
    first = "问题主要有1." + "学" * 15 + "；"
    paragraph = first + "2.执法记录仪使用不规范；3.宣传栏内容陈旧。"
    text = "青禾镇2023年法治政府建设情况报告\n一、存在的问题\n" + paragraph + "\n二、下一步打算\n加强培训。"
    source = read_source(write_paged_pdf(text, tmp_path / "numbered.pdf"))
    assert paragraph in source.text.splitlines()


def test_a_row_of_field_labels_over_a_row_of_values_gives_each_column_its_field(tmp_path):
    # Some portals print the 信息公开 block as a grid: labels in the first row, their values in the row below.
    page = ("<html><body><table><tr><th>索 引 号</th><th>发布机构</th><th>成文日期</th><th>文号</th></tr>"
            "<tr><td>QH-2025-0007</td><td>白石镇人民政府</td><td>2025-01-08</td><td>白政发〔2025〕2号</td></tr></table>"
            "<div class='content'>" + "".join(f"<p>{line}</p>" for line in BAISHI.split("\n")) + "</div></body></html>")
    path = tmp_path / "grid.html"
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    assert dict(source.metadata) == {"索引号": "QH-2025-0007", "发布机构": "白石镇人民政府", "成文日期": "2025-01-08",
                                     "文号": "白政发〔2025〕2号"}
    assert extract_report(source).header.doc_number == "白政发〔2025〕2号"

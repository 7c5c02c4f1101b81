"""Numbers a browser draws before <ol> items, put into the text: styles, start, value, reversed, nesting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.read import read_source
from make_formats import assert_reads_as_typed, lines_of, write_html_lists

FIXTURES = Path(__file__).parent / "fixtures"


def _page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><div class='content'>"
                    f"<p>白石镇法治政府建设情况报告</p>{body}</div></body></html>", encoding="utf-8")
    return path


def test_list_numbers_are_drawn_as_the_browser_draws_them(tmp_path):
    page = _page(tmp_path, """
      <ol style="list-style-type: cjk-ideographic">
        <li><strong>主要工作</strong>
          <ol style="list-style: none"><li>（一）加强组织领导。</li></ol>
          <ol type="1" start="3"><li><p>学法。</p></li><li value="7">用法。</li><li>普法。</li></ol></li>
        <li>存在的问题<ol type="i"><li>队伍不足。</li><li style="list-style-type: upper-alpha">意识不强。</li></ol></li>
        <li></li>
        <li>下一步计划<ol reversed><li>甲</li><li>乙</li></ol><ul><li>要点</li></ul></li>
      </ol>
      <ol style="list-style-type: simp-chinese-formal" start="11"><li>附件</li></ol>""")
    assert read_source(page).text.splitlines() == [
        "白石镇法治政府建设情况报告",
        "一、主要工作", "（一）加强组织领导。", "3.学法。", "7.用法。", "8.普法。",
        "二、存在的问题", "i.队伍不足。", "B.意识不强。",
        "四、下一步计划", "2.甲", "1.乙", "要点",  # the empty third item still took 三
        "壹拾壹、附件",
    ]


def test_a_list_whose_items_carry_typed_numbers_draws_none_of_its_own(tmp_path):
    # Sites reset list-style in a stylesheet the saved page does not carry; the typed numbers are what shows.
    page = _page(tmp_path, "<ol><li>一、主要工作<ol><li><span>（一）</span>加强领导。</li><li>（二）深化普法。</li></ol></li>"
                           "<li>二、存在的问题</li></ol>")
    assert read_source(page).text.splitlines()[1:] == ["一、主要工作", "（一）加强领导。", "（二）深化普法。", "二、存在的问题"]


def test_an_item_holding_only_a_list_keeps_its_number_on_a_line_of_its_own(tmp_path):
    page = _page(tmp_path, "<ol><li><ol><li>第一项</li></ol></li></ol>")
    assert read_source(page).text.splitlines()[1:] == ["1.", "1.第一项"]


@pytest.mark.parametrize("attributes", ["start='99999999999999999999'", "start='-3' style='list-style-type: lower-roman'",
                                        "start='abc' type='Q'", "style='list-style-type: url(x)'"])
def test_absurd_list_attributes_fall_back_to_what_a_browser_shows(attributes, tmp_path):
    page = _page(tmp_path, f"<ol {attributes}><li>第一项</li><li>第二项</li></ol>")
    lines = read_source(page).text.splitlines()[1:]
    assert [line[-3:] for line in lines] == ["第一项", "第二项"] and all(len(line) < 20 for line in lines)


def test_lists_nested_a_thousand_deep_are_read_without_failing(tmp_path):
    page = _page(tmp_path, "<ol><li>加强普法" * 1000 + "</li></ol>" * 1000)
    lines = read_source(page).text.splitlines()[1:]
    # The HTML parser stops nesting at its own depth limit; what it keeps is numbered.
    assert len(lines) > 100 and set(lines) == {"1.加强普法"}


def _typed_reports() -> list[Path]:
    return sorted((FIXTURES / "reports").glob("*-20*.txt")) + sorted((FIXTURES / "unseen").glob("*.txt")) + \
        sorted((FIXTURES / "layouts").glob("*.txt"))


@pytest.mark.parametrize("report", _typed_reports(), ids=lambda path: path.name)
def test_a_page_with_browser_drawn_numbers_reads_as_the_same_report_typed(report, tmp_path):
    # HTML collapses runs of spaces (组  长 shows as 组 长); that is the page, not its lists.
    text = "\n".join(re.sub(" +", " ", line) for line in lines_of(report.read_text(encoding="utf-8")))
    source = read_source(write_html_lists(text, tmp_path / "page.html"))
    # A row of 信息公开 fields typed with tabs (发布机构<TAB>…<TAB>成文日期<TAB>…) is, on a page, the site's field block:
    # its values are the page's metadata, not its text. Only such a row may be missing, and only with its values kept.
    kept, values = set(source.text.split("\n")), set(dict(source.metadata).values())
    typed = [line for line in text.split("\n")
             if line in kept or not ("\t" in line and set(line.split("\t")[1::2]) <= values)]
    assert source.text == "\n".join(typed)
    if report.parent.name != "reports":
        return
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "<ol" in page and "一、" not in page  # the section numbers are the browser's, not the page's
    assert_reads_as_typed(source, text, tmp_path)


@pytest.mark.parametrize("typed", ["一）", "1)", "①", "（甲）"])
def test_items_typed_with_any_numbering_family_draw_no_browser_number(typed, tmp_path):
    page = _page(tmp_path, f"<ol><li>{typed}加强领导。</li><li>深化普法。</li></ol>")
    assert read_source(page).text.splitlines()[1:] == [f"{typed}加强领导。", "深化普法。"]

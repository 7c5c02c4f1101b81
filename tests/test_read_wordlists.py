"""Word's automatic numbering drawn back into the text: counting, restarts, overrides, styles, bad parts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from kg.extract.report import extract_report
from kg.read import read_source
from make_formats import lines_of, write_numbered_docx

FIXTURES = Path(__file__).parent / "fixtures"
W = nsdecls("w")


def _level(ilvl: int, fmt: str, text: str, *extra: str) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{"".join(extra)}</w:lvl>')


def _docx(path: Path, abstracts: dict[int, str], nums: dict[int, str], paragraphs, styles: str = "") -> Path:
    """A document from raw list definitions: nums maps numId → '<w:abstractNumId …/>…'; each paragraph
    is (text, numId or None, ilvl or None, style or None)."""
    document = Document()
    numbering = document.part.numbering_part.element
    for definition in list(numbering):  # the template's own lists, so that the ids below are ours alone
        numbering.remove(definition)
    for key, levels in abstracts.items():
        numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="{key}">{levels}</w:abstractNum>'))
    for key, body in nums.items():
        numbering.append(parse_xml(f'<w:num {W} w:numId="{key}">{body}</w:num>'))
    for style in filter(None, styles.split("\n")):
        document.styles.element.append(parse_xml(style.replace("<w:style ", f"<w:style {W} ", 1)))
    for text, num_id, ilvl, style in paragraphs:
        paragraph = document.add_paragraph(text)
        properties = paragraph._p.get_or_add_pPr()
        if style:
            properties.insert(0, parse_xml(f'<w:pStyle {W} w:val="{style}"/>'))
        if num_id is not None:
            level = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
            properties.append(parse_xml(f'<w:numPr {W}>{level}<w:numId w:val="{num_id}"/></w:numPr>'))
    document.save(str(path))
    return path


def test_numbers_are_counted_and_restarted_as_word_counts_them(tmp_path):
    outline = _level(0, "chineseCounting", "%1、") + _level(1, "chineseCounting", "（%2）") + \
        _level(2, "decimal", "%3.") + _level(3, "ideographTraditional", "%4)") + \
        _level(4, "decimal", "%1.%5", "<w:isLgl/>")
    steady = ('<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
              + _level(1, "decimalEnclosedCircle", "%2", '<w:lvlRestart w:val="0"/>')
              + _level(2, "bullet", "●"))
    chapter = _level(0, "chineseCountingThousand", "第%1章")
    paragraphs = [
        ("主要工作", 1, 0, None), ("组织领导", 1, 1, None), ("学法", 1, 2, None), ("用法", 1, 2, None),
        ("规范执法", 1, 1, None), ("细则", 1, 3, None), ("条目", 1, 4, None),
        ("存在的问题", 1, 0, None),  # the next level 1 restarts under a new level 0
        ("队伍不足", 1, 1, None),
        ("重新开始", 2, 0, None),  # a num with a startOverride begins again at its first use
        ("接着数", 3, 0, None),  # a num sharing the abstract list without overrides continues it
        ("", 3, 1, None),  # an empty numbered paragraph is counted and its number shown
        ("第二项", 3, 1, None),
        ("圈号", 4, 1, None), ("起始五", 4, 0, None), ("不重排", 4, 1, None), ("项目符号", 4, 2, None),
        ("总则", 5, 0, None),
        ("样式编号", None, None, "Sub"),  # numbered through the style it is based on
        ("关掉编号", 0, None, "Sub"),  # numId 0 switches the style's numbering off
        ("未定义", 99, 0, None),
    ]
    styles = ('<w:style w:type="paragraph" w:styleId="Top"><w:name w:val="Top"/><w:pPr><w:numPr>'
              '<w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>\n'
              '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:basedOn w:val="Top"/></w:style>')
    path = _docx(tmp_path / "n.docx", {10: outline, 11: steady, 12: chapter}, {
        1: '<w:abstractNumId w:val="10"/>',
        2: '<w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>',
        3: '<w:abstractNumId w:val="10"/>',
        4: '<w:abstractNumId w:val="11"/>',
        5: '<w:abstractNumId w:val="12"/>',
    }, paragraphs, styles)
    assert read_source(path).text.splitlines() == [
        "一、主要工作", "（一）组织领导", "1.学法", "2.用法", "（二）规范执法", "甲)细则", "1.1 条目",
        "二、存在的问题", "（一）队伍不足",
        "一、重新开始", "二、接着数", "（一）", "（二）第二项",
        "①圈号", "5.起始五", "②不重排", "项目符号",
        "第一章 总则", "6.样式编号", "关掉编号", "未定义",
    ]


def test_a_level_override_replaces_the_level_it_names_and_defaults_are_the_standards(tmp_path):
    path = _docx(tmp_path / "o.docx", {1: _level(0, "decimal", "%1.") + '<w:lvl w:ilvl="1"><w:lvlText w:val="%2)"/></w:lvl>'
                                           + _level(2, "decimal", "%3.", "<w:rPr><w:vanish/></w:rPr>")}, {
        1: '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
           + _level(0, "decimalEnclosedParen", "%1") + "</w:lvlOverride>",
    }, [("一项", 1, 0, None), ("二项", 1, 0, None), ("细目", 1, 1, None), ("隐去编号", 1, 2, None)])
    # A level without w:start starts at 0 and one without w:numFmt is decimal, as the standard has it;
    # a level whose number is hidden (w:vanish) draws none.
    assert read_source(path).text.splitlines() == ["⑴一项", "⑵二项", "0)细目", "隐去编号"]


def test_a_custom_format_is_drawn_with_its_fallback(tmp_path):
    custom = ('<w:lvl w:ilvl="0" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:start w:val="1"/>'
              '<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w14:format="01, 02, 03, ..."/>'
              '</mc:Choice><mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback></mc:AlternateContent>'
              '<w:lvlText w:val="%1、"/></w:lvl>')
    path = _docx(tmp_path / "c.docx", {1: custom}, {1: '<w:abstractNumId w:val="1"/>'},
                 [("主要工作", 1, 0, None), ("存在的问题", 1, 0, None)])
    assert read_source(path).text.splitlines() == ["一、主要工作", "二、存在的问题"]


HOSTILE = {
    "thousand-placeholders": {1: _level(0, "decimal", "%1" * 1000)},
    "absurd-start": {1: '<w:lvl w:ilvl="0"><w:start w:val="99999999999999999999999"/><w:numFmt w:val="chineseCounting"/>'
                        '<w:lvlText w:val="%1、"/></w:lvl>'},
    "negative-start": {1: '<w:lvl w:ilvl="0"><w:start w:val="-7"/><w:numFmt w:val="upperRoman"/>'
                          '<w:lvlText w:val="%1."/></w:lvl>'},
    "levels-out-of-range": {1: _level(99, "decimal", "%1.") + _level(-1, "decimal", "%1.") + _level(0, "decimal", "%9.")},
    "unknown-format": {1: _level(0, "klingon", "%1/") + '<w:lvl w:ilvl="1"/>'},
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_numbering_part_with_absurd_values_reads_quickly_and_keeps_the_text(case, tmp_path):
    paragraphs = [("白石镇法治政府建设情况报告", None, None, None)] + [(f"第{i}段工作", 1, i % 3, None) for i in range(300)]
    path = _docx(tmp_path / "h.docx", HOSTILE[case], {1: '<w:abstractNumId w:val="1"/>'}, paragraphs)
    started = time.perf_counter()
    lines = read_source(path).text.splitlines()
    assert time.perf_counter() - started < 5
    assert len(lines) == 301 and all(line.endswith(f"第{i}段工作") for i, line in enumerate(lines[1:]))
    assert all(len(line) < 60 for line in lines)


def test_a_style_chain_that_loops_numbers_nothing_and_ends(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>\n'
              '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>')
    path = _docx(tmp_path / "loop.docx", {1: _level(0, "decimal", "%1.")}, {1: '<w:abstractNumId w:val="1"/>'},
                 [("白石镇报告", None, None, "A"), ("一项", 1, 0, "B")], styles)
    assert read_source(path).text.splitlines() == ["白石镇报告", "1.一项"]


def _typed_reports() -> list[Path]:
    return sorted((FIXTURES / "reports").glob("*-20*.txt")) + sorted((FIXTURES / "unseen").glob("*.txt")) + \
        sorted((FIXTURES / "layouts").glob("*.txt"))


@pytest.mark.parametrize("report", _typed_reports(), ids=lambda path: path.name)
def test_a_report_numbered_by_word_reads_as_the_same_report_typed(report, tmp_path):
    text = "\n".join(lines_of(report.read_text(encoding="utf-8")))
    path = write_numbered_docx(text, tmp_path / "numbered.docx")
    bare = [paragraph.text for paragraph in Document(str(path)).paragraphs]
    assert len(bare) == len(text.splitlines())
    source = read_source(path)
    assert source.text == text
    if report.parent.name != "reports":
        return  # the extraction of the same text is the same; three reports show it through the whole chain
    typed, numbered = extract_report(read_source(_written(tmp_path / "typed.txt", text))), extract_report(source)
    assert [(s.kind, s.heading) for s in numbered.sections] == [(s.kind, s.heading) for s in typed.sections]
    for kind in ("measures", "shortcomings", "plans"):
        assert [i.text for i in getattr(numbered, kind)] == [i.text for i in getattr(typed, kind)], kind
    assert _facts(numbered.header) == _facts(typed.header)


def test_word_numbering_is_what_brings_the_numbers_back(tmp_path):
    text = "\n".join(lines_of((FIXTURES / "reports" / "baishi-2023.txt").read_text(encoding="utf-8")))
    bare = [p.text for p in Document(str(write_numbered_docx(text, tmp_path / "n.docx"))).paragraphs]
    assert "主要工作举措及成效" in bare and "一、主要工作举措及成效" not in bare


def _facts(header) -> tuple:
    """The header's facts without their evidence, which names the file they were read from."""
    return (header.title, header.township, header.county, header.year, header.doc_number, header.issuer,
            header.addressee)


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_heading_styles_numbered_through_a_list_style_take_their_levels_from_it(tmp_path):
    # Word's multilevel heading list: the levels name the heading styles (w:pStyle), the styles name only the
    # list; a second list points at the same levels through a numbering style (numStyleLink / styleLink).
    levels = (_level(0, "chineseCounting", "%1、", '<w:pStyle w:val="H1"/>')
              + _level(1, "chineseCounting", "（%2）", '<w:pStyle w:val="H2"/>'))
    styles = "\n".join(
        f'<w:style w:type="paragraph" w:styleId="{key}"><w:name w:val="{key}"/><w:pPr><w:numPr>'
        f'<w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="{level}"/></w:pPr></w:style>'
        for level, key in enumerate(("H1", "H2"))) + (
        '\n<w:style w:type="numbering" w:styleId="Outline"><w:name w:val="Outline"/><w:pPr><w:numPr>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    path = _docx(tmp_path / "h.docx", {
        1: '<w:styleLink w:val="Outline"/>' + levels,
        2: '<w:numStyleLink w:val="Outline"/>',
    }, {1: '<w:abstractNumId w:val="1"/>', 2: '<w:abstractNumId w:val="2"/>'}, [
        ("主要工作", None, None, "H1"), ("组织领导", None, None, "H2"), ("普法宣传", None, None, "H2"),
        ("存在的问题", None, None, "H1"), ("队伍不足", 2, 1, None), ("下一步计划", 2, 0, None),
    ], styles)
    assert read_source(path).text.splitlines() == [
        "一、主要工作", "（一）组织领导", "（二）普法宣传", "二、存在的问题", "（一）队伍不足", "三、下一步计划"]


def test_a_level_override_keeps_the_abstract_levels_restart_as_word_does(tmp_path):
    levels = _level(0, "decimal", "%1.") + _level(1, "decimalEnclosedCircle", "%2", '<w:lvlRestart w:val="0"/>')
    path = _docx(tmp_path / "r.docx", {1: levels}, {
        1: '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1">'
           + _level(1, "decimalEnclosedParen", "%2") + "</w:lvlOverride>",
    }, [("甲", 1, 1, None), ("乙", 1, 0, None), ("丙", 1, 1, None)])
    assert read_source(path).text.splitlines() == ["⑴甲", "1.乙", "⑵丙"]

"""A page opening cut inside a heading: the cut line heads nothing, while a whole heading at the end is kept.

Texts of our own (fictional townships); the real openings that showed the shape are checked in
test_evaluate_unseen.py and on the shared web openings below.
"""

from __future__ import annotations

import json

import pytest

from kg.read import make_source
from kg.structure import outline as structure

OPENING = """榆川县岚口镇2025年法治政府建设情况报告

2025年,岚口镇围绕依法行政目标推进各项工作。现将情况报告如下:

一、推进法治政府建设的主要举措和成效

（一）健全镇村学法制度。镇党委全年集中学法9次,村干部轮训2期。

（二）规范综合行政执法。全年办理执法案件31件,案卷评查合格率100%。
"""


def outline_of(text: str):
    return structure.parse(make_source("report.txt", text, "utf-8"))


def headings(outline):
    return [section.heading for section in outline.sections]


def measures(outline):
    return [node.heading for node in outline.items("measure")]


@pytest.mark.parametrize("cut", ["二、", "二、2025年", "**二、**"])
def test_a_section_heading_cut_after_its_number_or_a_year_is_no_section(cut):
    outline = outline_of(OPENING + "\n" + cut + "\n")
    assert headings(outline) == ["一、推进法治政府建设的主要举措和成效"]
    assert measures(outline) == ["健全镇村学法制度", "规范综合行政执法"]


@pytest.mark.parametrize("cut", ["（三）", "（三）强", "（三）强化"])
def test_an_item_heading_cut_inside_its_first_words_is_no_item(cut):
    outline = outline_of(OPENING + "\n" + cut)
    assert measures(outline) == ["健全镇村学法制度", "规范综合行政执法"]


def test_a_last_item_heading_as_long_as_its_siblings_is_kept():
    outline = outline_of(OPENING + "\n（三）深化矛盾纠纷调处")
    assert measures(outline)[-1] == "深化矛盾纠纷调处"


def test_a_section_heading_that_names_its_kind_is_kept_when_nothing_follows_it():
    outline = outline_of(OPENING + "\n二、存在的不足\n")
    assert [(s.kind, s.heading) for s in outline.sections][-1] == ("shortcomings", "二、存在的不足")


def test_a_short_last_section_with_its_body_is_kept():
    whole = OPENING + "\n二、其他\n全年未发生行政诉讼败诉案件。\n"
    assert headings(outline_of(whole))[-1] == "二、其他"


def test_a_line_numbering_on_no_heading_before_it_is_kept():
    # （五） after （一）（二） goes on no heading above it: not the unfinished next one
    outline = outline_of(OPENING + "\n（五）强")
    assert measures(outline)[-1] == "强"


@pytest.mark.shared
def test_no_shared_opening_loses_a_section_it_has(shared):
    # Every real opening in the shared web set: a section the gold annotates is never read as cut.
    from kg.evaluate import evaluate
    scores = evaluate(shared / "gold" / "web", shared / "corpus" / "web")
    assert scores["micro"]["sections"]["fn"] == 0


def test_a_last_item_heading_as_long_as_a_phrase_of_its_two_phrase_siblings_is_kept():
    # its siblings run to two phrases each; the last one, as long as their first phrase, may be whole
    opening = OPENING.replace("健全镇村学法制度。", "健全镇村学法制度，提升干部法治素养。").replace(
        "规范综合行政执法。", "规范综合行政执法，提高执法公信力。")
    outline = outline_of(opening + "\n（三）深化矛盾调处")
    assert measures(outline)[-1] == "深化矛盾调处"
    assert measures(outline_of(opening + "\n（三）深化"))[-1] != "深化"


def test_a_cut_heading_is_found_above_the_tools_a_copied_page_puts_under_its_text():
    outline = outline_of(OPENING + "\n二、2025年\n\n【打印本页】【关闭窗口】\n")
    assert headings(outline) == ["一、推进法治政府建设的主要举措和成效"]

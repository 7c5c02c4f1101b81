"""Within-report and cross-year links: the right pairs, explained by what both texts share, in any load order."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.structure import outline as structure
from kg.errors import KgError
from kg.extract import measures, plans, shortcomings
from kg.link import (DEFAULT, Thresholds, adjacent_links, cross_year, follow_up_pairs, link_report,
                     parse_overrides, trace)
from kg.link.themes import tag_text
from kg.model import Report
from kg.read import read_source
from kg.text import normalize

FIXTURES = Path(__file__).parent / "fixtures" / "link"


def read(path) -> Report:
    source = read_source(path)
    outline = structure.parse(source)
    return Report(source, outline.header, outline.sections, measures.extract(source, outline),
                  shortcomings.extract(source, outline), plans.extract(source, outline))


@pytest.fixture(scope="module")
def years():
    return link_report(read(FIXTURES / "songling-2022.txt")), link_report(read(FIXTURES / "songling-2023.txt"))


def pairs(links, kind):
    return {(l.source_kind, l.source_ordinal, l.target_kind, l.target_ordinal) for l in links if l.kind == kind}


def test_a_plan_addresses_the_shortcoming_it_answers_and_an_unanswered_one_gets_none(years):
    prev, _ = years
    found = pairs(prev.links, "addresses")
    assert ("plan", 0, "shortcoming", 0) in found  # 执法队伍建设 answers 执法人员专业能力不足
    assert ("plan", 1, "shortcoming", 1) in found  # 普法宣传 answers 群众法治意识不强
    assert not any(target == 2 for *_, target in found)  # nothing plans for 规范性文件备案
    assert not any(source == 2 for _, source, *_ in found)  # the model-village plan answers no problem here


def test_next_year_measures_follow_up_and_a_distractor_does_not(years):
    prev, nxt = years
    links = cross_year(prev, nxt)
    assert follow_up_pairs(prev, nxt, links) == {(0, 0), (1, 1)}
    # 加强机关档案管理 shares 文件 with the normative-document problem, but files archives, not documents for review.
    assert not any(l.kind == "follows_up" and l.source_ordinal == 2 for l in links)
    assert ("measure", 0, "plan", 0) in pairs(links, "follows_up")


def test_a_restated_problem_recurs_and_a_new_one_does_not(years):
    prev, nxt = years
    assert pairs(cross_year(prev, nxt), "recurs") == {("shortcoming", 0, "shortcoming", 0)}


def _texts(report: Report, kind: str, ordinal: int) -> str:
    item = report.items(kind)[ordinal]
    return normalize(item.text + item.body(report.source.text))


def test_every_explanation_names_terms_and_themes_found_in_both_texts(years):
    prev, nxt = years
    by_key = {prev.key: prev, nxt.key: nxt}
    links = prev.links + nxt.links + cross_year(prev, nxt)
    assert links
    for link in links:
        a = _texts(by_key[link.source_report], link.source_kind, link.source_ordinal)
        b = _texts(by_key[link.target_report], link.target_kind, link.target_ordinal)
        if link.method.endswith("+plans"):  # a shortcoming speaks through the plans that take it up
            b += "".join(_texts(prev, "plan", l.source_ordinal) for l in prev.links
                         if l.kind == "addresses" and l.target_ordinal == link.target_ordinal)
        assert link.terms and link.score > 0 and link.method
        for term in link.terms:
            left, _, right = term.partition("=")
            assert (left in a and left in b) if not right else (left in a and right in b), term
        for theme in link.themes:
            assert theme in tag_text(a) and theme in tag_text(b)


def test_the_order_of_the_two_years_does_not_change_the_links(years):
    prev, nxt = years
    assert cross_year(prev, nxt) == cross_year(nxt, prev)


def test_loading_either_year_first_writes_the_same_cross_year_links():
    older, newer = read(FIXTURES / "songling-2022.txt"), read(FIXTURES / "songling-2023.txt")

    def written(order):
        store, links = [], []
        for report in order:
            def lookup(county, township, year):
                return [r for r in store if (r.header.county, r.header.township, r.header.year) == (county, township, year)]
            links += adjacent_links(report, lookup)
            store.append(report)
        return set(links)

    assert written([older, newer]) == written([newer, older])
    assert written([older, newer])


def test_thresholds_can_be_raised_to_keep_only_strong_links(years):
    prev, nxt = years
    strict = Thresholds(follows_up_floor=0.99, recurs_floor=0.99, addresses_floor=0.99)
    assert cross_year(prev, nxt, strict) == ()
    assert link_report(prev, strict).links == ()
    assert parse_overrides(["recurs_floor=0.5"]).recurs_floor == 0.5
    assert parse_overrides([]) == DEFAULT
    with pytest.raises(KgError, match="unknown threshold"):
        parse_overrides(["nonsense=1"])


def test_trace_marks_each_shortcoming(years):
    rows = trace(years, "松岭镇", "松岭县", 2022)
    assert [row.marks for row in rows] == ["✓→↻", "✓→", "✗"]
    assert rows[0].follow_ups[0].text == "提升综合执法能力"
    assert rows[0].recurs_as.text.startswith("持证执法人员仍然偏少")
    with pytest.raises(KgError, match="no report of 白云镇"):
        trace(years, "白云镇")


@pytest.mark.shared
def test_real_chain_follow_up_and_recurrence(shared):
    prev = link_report(read(shared / "corpus" / "chains" / "weichuan_2022.txt"))
    nxt = link_report(read(shared / "corpus" / "chains" / "weichuan_2023.txt"))
    links = cross_year(prev, nxt)
    followed = {(prev.shortcomings[s].text, nxt.measures[m].text) for s, m in follow_up_pairs(prev, nxt, links)}
    assert ("综合行政执法保障不足", "夯实综合执法履职基础") in followed
    recurs = {(prev.shortcomings[l.target_ordinal].text, nxt.shortcomings[l.source_ordinal].text)
              for l in links if l.kind == "recurs"}
    assert ("基层调解队伍专业化程度不高", "村级调解队伍后继乏人") in recurs
    # Same field, different problem: normative documents are not followed up by decision-making measures.
    assert not any(prev.shortcomings[s].text.startswith("行政规范性文件") for s, _ in follow_up_pairs(prev, nxt, links))


FIELD_ONLY = """青枫县青枫镇2023年法治政府建设情况报告

一、主要工作举措及成效
（一）加强组织领导。镇党委召开专题会议4次，研究部署法治政府建设工作。
（二）推行柔性执法。对首次轻微违法的商户以教育劝导为主，全年办理不予处罚案件12件。

二、存在的问题
（一）执法装备配备不足。执法车辆仅1台，执法记录仪老化，夜间巡查难以全程记录。
（二）数字化执法手段运用不足。移动执法终端使用率低，非现场执法尚未开展。

三、下一步工作计划
（一）推行包容审慎柔性执法。制定轻微违法行为免罚清单，对流动摊贩以教育劝导为主。
（二）推进智慧执法建设。配齐移动执法终端，接入非现场执法平台，提高终端使用率。
"""


@pytest.fixture(scope="module")
def field_only(tmp_path_factory):
    path = tmp_path_factory.mktemp("link") / "qingfeng-2023.txt"
    path.write_text(FIELD_ONLY, encoding="utf-8")
    return read(path)


def test_a_plan_sharing_only_the_field_word_does_not_take_up_the_shortcoming(field_only):
    assert [s.text for s in field_only.shortcomings] == ["执法装备配备不足", "数字化执法手段运用不足"]
    found = pairs(link_report(field_only).links, "addresses")
    # Leniency in enforcement is not equipment for enforcement; 智慧执法 and 数字化执法 are one object.
    assert ("plan", 0, "shortcoming", 0) not in found
    assert ("plan", 1, "shortcoming", 1) in found
    link = next(l for l in link_report(field_only).links if (l.source_ordinal, l.target_ordinal) == (1, 1))
    assert "智慧=数字化" in link.terms or "数字化=智慧" in link.terms


def test_the_object_rule_can_be_switched_off_and_then_the_field_word_links(field_only):
    loose = parse_overrides(["require_anchor=false", "addresses_floor=0.01", "addresses_relative=0"])
    assert loose.require_anchor is False
    assert ("plan", 0, "shortcoming", 0) in pairs(link_report(field_only, loose).links, "addresses")
    with pytest.raises(KgError, match="true or false"):
        parse_overrides(["require_anchor=maybe"])


BRACKET_HEADS = """芦沟县青檀镇2023年法治政府建设情况报告
一、主要工作
（一）健全制度。制定学法制度。
二、存在的问题
【群众参与积极性不高】法治宣传形式单一，吸引力不强。
【村级调解组织运转不规范】调解台账记录不全。
三、下一步工作计划
【从严落实普法责任】改变宣传形式单一、吸引力不强的状况。
【规范村级调解组织】建立调解台账，开展调解员轮训。
"""


def test_a_bracket_heading_finished_in_the_body_anchors_the_link(tmp_path):
    path = tmp_path / "qingtan-2023.txt"
    path.write_text(BRACKET_HEADS, encoding="utf-8")
    report = read(path)
    assert [p.text for p in report.plans] == ["从严落实普法责任", "规范村级调解组织"]
    found = pairs(link_report(report).links, "addresses")
    # the plan's heading names only the duty; the words finishing its sentence name the publicity it improves
    assert ("plan", 0, "shortcoming", 0) in found
    assert ("plan", 1, "shortcoming", 1) in found
    assert ("plan", 0, "shortcoming", 1) not in found


def test_words_that_only_count_items_are_no_terms_of_the_item():
    from kg.link.terms import terms

    # two items that share only the word numbering them share nothing
    for marker in ("首先", "其次", "最后", "其一", "二要"):
        assert marker not in terms(f"{marker}，加强执法人员培训")
    assert "执法人员" in terms("最后，加强执法人员培训")


def test_supervision_and_targeting_are_read_under_their_other_names():
    from kg.link.terms import terms

    assert "督促检查" in terms("纳入乡党委日常督查范围") and "督促" in terms("强化督导")
    assert "针对性" in terms("推动普法宣传精准化")


WORK_ONLY_HEADS = """澄川县桐岭乡2023年法治政府建设情况报告
一、主要工作
（一）健全制度。制定学法制度。
二、存在的问题
（一）村务公开质量不高。部分村财务账目公示不及时，公示的收支明细群众看不懂。
（二）调处纠纷能力偏弱。网格员缺乏调解技巧培训。
三、下一步工作计划
（一）做好队伍提升。举办网格员调解技巧培训班，邀请律师现场教学。
（二）下足绣花功夫。督促各村按月公示财务账目，以通俗表格向群众说明收支。
"""


def test_a_plan_heading_naming_only_the_work_is_anchored_by_the_aim_its_body_states(tmp_path):
    path = tmp_path / "tongling-2023.txt"
    path.write_text(WORK_ONLY_HEADS, encoding="utf-8")
    found = pairs(link_report(read(path)).links, "addresses")
    # Neither heading names a thing the problems speak of; the first sentence of each body says which it answers,
    # and the plans stand in the other order from the problems.
    assert ("plan", 0, "shortcoming", 1) in found
    assert ("plan", 1, "shortcoming", 0) in found
    assert ("plan", 0, "shortcoming", 0) not in found and ("plan", 1, "shortcoming", 1) not in found


SAME_WHO_AND_WHAT = """澄川县枫渡镇2023年法治政府建设情况报告
一、主要工作
（一）健全制度。制定学法制度。
二、存在的问题
（一）村组干部依法办事意识淡薄。个别村组签订合同不按规定程序办事。
（二）便民服务窗口设置不合理。群众办事需要多处排队。
三、下一步工作计划
（一）优化窗口布局。推行综合窗口受理。
（二）增强村组干部和群众的法治意识。合同签订前由村法律顾问逐份把关。
"""


def test_two_headings_naming_the_same_people_and_the_same_want_link_whatever_their_theme_words(tmp_path):
    path = tmp_path / "fengdu-2023.txt"
    path.write_text(SAME_WHO_AND_WHAT, encoding="utf-8")
    found = pairs(link_report(read(path)).links, "addresses")
    # 依法办事 and 法治意识 are keywords of different themes, yet both headings name 村组干部 and their 意识;
    # the plans stand in the other order, so no place speaks for the pair.
    assert ("plan", 1, "shortcoming", 0) in found
    assert ("plan", 1, "shortcoming", 1) not in found


def test_a_shortfall_and_its_remedy_named_from_its_two_ends_are_one_term():
    from kg.link.terms import terms

    # forms that are all one (单一) are answered by making them many or rich
    for remedy in ("丰富调解手段", "推行多样化调解", "探索多元调解"):
        assert "多样" in terms(remedy)
    assert "多样" in terms("调解手段单一")


PART_STATED_BEFORE = """澄川县漾溪镇2023年法治政府建设情况报告
一、主要工作
（一）健全制度。制定学法制度。
二、存在的问题
（一）部分站所负责人依法行政观念不强，个别站所在工程招标中不按规定公示。
（二）调解室设施简陋。
三、下一步工作计划
（一）提升站所负责人法治观念。组织站所负责人参加依法行政专题轮训，开展以案说法。
（二）改善调解室条件。
"""

PART_FOLLOWED_AFTER = """澄川县漾溪镇2024年法治政府建设情况报告
一、主要工作
（一）提升站所负责人法治观念。举办站所负责人依法行政专题轮训2期，开展以案说法4次。
（二）规范工程招标公示。所有工程招标结果在镇政务公开栏公示。
（三）改善调解室条件。新购调解桌椅。
二、存在的问题
（一）档案管理不规范。
三、下一步工作计划
（一）规范档案管理。
"""


def test_a_measure_naming_a_part_of_the_problem_follows_it_up_beside_the_measure_that_answers_the_rest(tmp_path):
    (tmp_path / "yangxi-2023.txt").write_text(PART_STATED_BEFORE, encoding="utf-8")
    (tmp_path / "yangxi-2024.txt").write_text(PART_FOLLOWED_AFTER, encoding="utf-8")
    prev = link_report(read(tmp_path / "yangxi-2023.txt"))
    nxt = link_report(read(tmp_path / "yangxi-2024.txt"))
    found = follow_up_pairs(prev, nxt, cross_year(prev, nxt))
    # 规范工程招标公示 names nothing but the tendering the problem states after its want of awareness; the training
    # measure scores far higher against the problem as a whole, and both follow it up.
    assert {(0, 0), (0, 1)} <= found
    assert (1, 1) not in found and (0, 2) not in found

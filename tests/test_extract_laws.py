"""Laws: short names from 《》 titles and from the lexicon, once per report, never a day's 宪法 or a local copy."""

from __future__ import annotations

import pytest

from kg.extract import laws
from kg.read import make_source


def names(text: str) -> list[str]:
    return [law.name for law in laws.extract(make_source("t.txt", text, "utf-8"), ())]


def test_a_title_loses_its_brackets_and_prc_prefix():
    assert names("组织干部学习《中华人民共和国噪声污染防治法》。") == ["噪声污染防治法"]


def test_an_unknown_title_shaped_like_a_national_regulation_is_a_law():
    assert names("认真贯彻《农村集体经济组织财务公开暂行办法》。") == ["农村集体经济组织财务公开暂行办法"]


def test_a_township_copy_of_a_party_rule_or_a_provincial_rule_is_not_a_law():
    text = "制定《青山镇党政主要负责人履行推进法治建设第一责任人职责规定》，学习《河南省信访条例》。"
    assert names(text) == []


def test_laws_without_brackets_are_cited_too():
    assert names("会前学法学习宪法、行政处罚法、行政复议法。") == ["宪法", "行政处罚法", "行政复议法"]


def test_each_law_once_named_as_first_written_with_its_evidence():
    text = "发放《中华人民共和国宪法》读本。\n开展宪法学习，组织学习民法典。"
    found = laws.extract(make_source("t.txt", text, "utf-8"), ())
    assert [law.name for law in found] == ["宪法", "民法典"]
    first = found[0].evidence
    assert text[first.start:first.end] == "中华人民共和国宪法"
    assert first.sentence == "发放《中华人民共和国宪法》读本。"


def test_a_law_inside_a_day_or_a_publicity_month_is_not_cited():
    assert names("结合12·4国家宪法日、宪法宣传周和民法典宣传月开展宣传。") == []


def test_a_law_name_running_into_another_word_is_not_a_law():
    assert names("普及劳动法律知识，运用上述法律法规化解纠纷。") == []


def test_a_law_followed_by_a_word_that_only_starts_like_another_is_cited():
    # 规定 after a law's 法 is the law and its provision, not 法规 and a stray 定; 法规 itself still is no law.
    text = "执法队依照行政处罚法规定立案3起，按照宪法规定开展宣誓，清理土地管理法规。"
    assert names(text) == ["行政处罚法", "宪法"]


@pytest.mark.shared
def test_laws_of_a_real_report(corpus_texts):
    text = corpus_texts["004_aacd17f2585f8bc5.txt"]
    assert "学习宪法、行政处罚法、行政复议法" in text and "宪法宣传周" in text
    assert names(text) == ["宪法", "行政处罚法", "行政复议法"]


@pytest.mark.shared
def test_a_real_theme_quote_is_a_law_but_a_constitution_day_is_not(corpus_texts):
    text = corpus_texts["001_e2fabbbe98248fdd.txt"]
    assert "“民法典”" in text and "12.4宪法宣传周" in text
    found = names(text)
    assert "民法典" in found and found.count("宪法") == 1


@pytest.mark.parametrize("name", ["yunxiu_2023.txt", "mingping_2024.txt", "lanqiao_2024.txt"])
def test_a_report_in_traditional_characters_cites_the_laws_and_documents_of_its_simplified_twin(name):
    from conftest import EXAMPLES

    from kg.extract import documents
    from kg.ids import law_key  # the identity the graph gives a law: one node whatever script cites it
    from kg.read import read_source
    from kg.text.script import to_simplified, to_traditional

    simplified = read_source(EXAMPLES / name)
    traditional = make_source(name, to_traditional(simplified.text), "utf-8")
    assert {law_key(law.name) for law in laws.extract(traditional)} == {law_key(law.name) for law in laws.extract(simplified)}
    assert ({to_simplified(d.title) for d in documents.extract(traditional)}
            == {d.title for d in documents.extract(simplified)})


def test_an_oath_on_the_constitution_is_a_ceremony_not_a_citation():
    assert names("新任村干部集体进行宪法宣誓。") == []
    assert names("新任村干部集体进行宪法宣誓，并学习宪法和村民委员会组织法。") == ["宪法", "村民委员会组织法"]


def test_a_law_inside_an_unquoted_drive_presented_as_an_activity_is_not_cited():
    assert names("组织民法典进村入户活动，发放读本。") == []
    # the same words told as a plain errand cite the law
    assert names("开展宪法进村入户宣传。") == ["宪法"]

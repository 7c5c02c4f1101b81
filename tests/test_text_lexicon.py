"""Lexicons: files load, the matcher finds forms at the original text's offsets, jieba keeps domain terms whole."""

from __future__ import annotations

import pytest

from kg.text import lexicon
from kg.errors import KgError, LexiconError


def test_the_law_lexicon_is_broad_and_names_laws_by_short_name():
    names = {term.name for term in lexicon.law_terms()}
    assert len(names) >= 250
    for law in ("宪法", "民法典", "行政处罚法", "行政复议法", "反电信网络诈骗法", "信访工作条例",
                "中国共产党纪律处分条例", "党政主要负责人履行推进法治建设第一责任人职责规定"):
        assert law in names
    assert not any(name.startswith("中华人民共和国") or "《" in name for name in names)


def test_matches_are_offsets_into_the_original_full_width_text():
    text = "组织学习《中华人民共和国行政处罚法》，落实“双随机、一公开”监管。"
    hits = lexicon.law_matcher().find(text)
    assert [text[h.start:h.end] for h in hits] == ["行政处罚法"]
    programme = lexicon.campaign_matcher().find(text)
    assert [h.term.name for h in programme] == ["双随机、一公开"]
    assert text[programme[0].start:programme[0].end] == "“双随机、一公开”"


def test_the_longest_form_wins_where_forms_overlap():
    text = "宣传农村土地承包法和行政复议法实施条例"
    assert [h.term.name for h in lexicon.law_matcher().find(text)] == ["农村土地承包法", "行政复议法实施条例"]


def test_an_alias_resolves_to_its_entry():
    [hit] = lexicon.law_matcher().find("认真学习党章")
    assert hit.term.name == "中国共产党章程"


def test_tokens_keep_domain_terms_whole():
    words = lexicon.tokens("严格落实谁执法谁普法普法责任制，推进信访工作法治化")
    assert "谁执法谁普法普法责任制" in words
    assert "信访工作法治化" in words


def test_tokens_read_twice_are_the_same_and_a_caller_may_change_its_copy():
    # Segmentation is cached per text: a list one caller changes must not change what the next one reads.
    phrase = "青禾镇全年办理行政复议案件3件"
    first = lexicon.tokens(phrase)
    expected = list(first)
    first.clear()
    assert lexicon.tokens(phrase) == expected
    assert "".join(expected) == phrase


def test_words_with_punctuation_are_left_out_of_the_jieba_dictionary():
    words = lexicon.domain_words()
    assert "反电信网络诈骗法" in words
    assert not any("、" in w or "“" in w for w in words)


def test_a_malformed_lexicon_names_its_file(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.tsv: no header row"):
        lexicon.read_table(path)
    path.write_text("name\tkind\n宪法\t法律\t多余\n", encoding="utf-8")
    with pytest.raises(KgError, match="bad.tsv: line 2"):
        lexicon.read_table(path)


def test_a_missing_lexicon_is_a_user_error(tmp_path):
    with pytest.raises(LexiconError, match="absent.tsv"):
        lexicon.read_table(tmp_path / "absent.tsv")


WORD_FILES = ("metric_words", "person_words", "quote_words", "campaign_words", "law_words", "term_words",
              "html_chrome", "numeral_marks")


@pytest.mark.parametrize("name", WORD_FILES)
def test_word_lexicons_hold_each_word_once_per_use(name):
    rows = lexicon.table(name)
    pairs = [(row["word"], row["use"]) for row in rows]
    assert rows and all(word and use for word, use in pairs)
    assert len(pairs) == len(set(pairs))


def test_a_misspelled_use_names_the_file_instead_of_matching_nothing():
    with pytest.raises(LexiconError, match="metric_words.tsv: no row has use 'chnage'"):
        lexicon.words("metric_words", "chnage")


def test_either_matches_words_literally_in_the_order_given():
    import re

    pattern = re.compile(lexicon.either(["村(居)", "村"]))
    assert pattern.match("村(居)法律顾问").group() == "村(居)"
    assert lexicon.longest_first(["人", "人次", "人"]) == ("人次", "人")


def test_either_lets_a_pattern_stand_between_a_words_characters_only_where_asked():
    import re

    spread = re.compile(lexicon.either(["文号", "索引号"], between="[ \u3000]*"))
    assert spread.match("索 引　号：QH-01").group() == "索 引　号"
    assert spread.match("文　　号").group() == "文　　号"
    assert re.compile(lexicon.either(["文号", "索引号"])).match("索 引 号") is None

"""The surnames and titles every reader of people looks up, and where a text writes the titles."""

from __future__ import annotations

from kg.extract import person_lexicon


def test_titles_are_found_longest_first_and_none_overlapping():
    text = "副镇长甲、书记员乙、镇党委书记丙、村支书丁和党总支书记戊"
    found = [(text[start:end], title) for start, end, title in person_lexicon.titles_in(text)]
    # 总支书记 is one title: the 支书 inside it opens no title of its own
    assert [title for _, title in found] == ["副镇长", "书记员", "党委书记", "支书", "总支书记"]
    assert all(span == title for span, title in found)  # each where the text writes it


def test_a_compound_surname_is_read_before_a_single_one():
    assert person_lexicon.surname_at("欧阳青带队", 0) == "欧阳"
    assert person_lexicon.surname_at("欧青带队", 0) == "欧"
    assert person_lexicon.surname_at("全面负责", 1) is None

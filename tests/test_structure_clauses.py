"""How the clause around a county's name relates it to the township (kg/structure/clauses.py), on sentences of our own."""

from __future__ import annotations

import pytest

from kg.structure.clauses import MAX_CLAUSE, clause, ranks_the_township, spoken_of_as_other, visited, works_under
from kg.structure.placenames import county_names


def named(text: str, name: str):
    return next(place for place in county_names(text) if place.name == name)


@pytest.mark.parametrize(("text", "under"), [
    ("2024年，在柘阳县委、县政府的正确领导下，白露镇依法行政。", True),
    ("经柘阳县委依法治县办同意，现将报告如下。", True),
    ("按照柘阳县统一安排，开展专项整治。", True),
    ("深入贯彻柘阳县第十四次党代会部署，推进依法治镇。", True),
    ("在柘阳县召开的现场会上作交流发言。", False),  # 在 with no closing word: a place, not a superior
    ("白露镇存在柘阳县交界处管理盲区的问题。", False),  # 存在 is no 在
    ("在兄弟县柘阳县的大力支持下，完成边界勘定。", False),  # a neighbour's help
])
def test_the_superior_worked_under_opens_and_closes_the_clause(text, under):
    assert works_under(text, named(text, "柘阳县"), None) is under


def test_of_two_superiors_the_one_named_last_before_the_closing_word_leads():
    text = "在澜州市委和桐江市委的坚强领导下，白露镇依法行政。"
    first, second = named(text, "澜州市"), named(text, "桐江市")
    assert not works_under(text, first, second.start)
    assert works_under(text, second, None)


@pytest.mark.parametrize(("text", "went", "other"), [
    ("组织干部赴柘阳县学习网格化管理经验。", True, True),
    ("到柘阳县司法局交流调解工作。", True, True),
    ("与相邻的柘阳县签订联调协议。", False, True),
    ("在与柘阳县交界的三个村设立联调点。", False, True),
    ("配合柘阳县开展示范创建。", False, False),
])
def test_a_place_gone_to_or_spoken_of_as_another(text, went, other):
    place = named(text, "柘阳县")
    assert visited(text, place) is went
    assert spoken_of_as_other(text, place) is other


def test_a_clause_ends_at_its_marks_or_within_a_fixed_reach_of_the_name():
    text = "前言。在柘阳县委领导下，白露镇依法行政"
    place = named(text, "柘阳县")
    assert text[slice(*clause(text, place))] == "在柘阳县委领导下"
    # A clause with no mark for pages is cut at MAX_CLAUSE characters either side: the search never grows with the text.
    long = "x" * 500 + "柘阳县" + "y" * 500
    start, end = clause(long, named(long, "柘阳县"))
    assert (start, end) == (500 - MAX_CLAUSE, 503 + MAX_CLAUSE)


@pytest.mark.parametrize(("text", "ranked"), [
    ("作为柘阳县面积最大的乡镇，白露镇山多地少。", True),
    ("白露乡是柘阳县唯一的民族乡，辖9个村。", True),
    ("白露镇是柘阳县人口最多的镇之一，近年人口增长较快。", True),
    ("作为柘阳县首批试点的街道，我们先行一步。", True),
    ("白露镇是柘阳县表彰的先进乡镇。", False),  # a verb in the description: an honour given, not the county's own
    ("作为柘阳县的代表参加市里的比赛。", False),  # no kind of township closes the clause
    ("组织干部赴柘阳县面积最大的乡镇学习。", False),  # no 作为/是 before the name: a place spoken of
])
def test_a_clause_ranking_the_township_among_the_county_s_own(text, ranked):
    assert ranks_the_township(text, named(text, "柘阳县")) is ranked

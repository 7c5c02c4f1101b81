"""Linking reads texts in pieces and remembers them; the terms, themes and links are those of reading them whole."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import ahocorasick
import pytest

from kg.structure import outline as structure
from kg.extract import measures, plans, shortcomings
from kg.link import Thresholds, adjacent_links, cross_year, link_report
from kg.link.terms import _WORD, GENERIC, SYNONYMS, _cutter, term_surfaces
from kg.link.themes import load_themes, tag_text
from kg.model import Report
from kg.read import read_source
from kg.text import normalize

FIXTURES = Path(__file__).parent / "fixtures" / "link"
EXAMPLES = Path(__file__).parent.parent / "examples"
# Line ends, ideographic and other spaces, full-width letters, digits and signs that become run characters.
AWKWARD = ("加强执法队伍建设\r\n执法人员专业能力不足\u3000群众法治意识不强\n\nＡＢＣ执法＋数字化，智慧执法\t平台"
           "\r普法宣传教育１２次；“一村（社区）一法律顾问”服务效能不高\u00a0老旧小区\n")


def read(path) -> Report:
    source = read_source(path)
    outline = structure.parse(source)
    return Report(source, outline.header, outline.sections, measures.extract(source, outline),
                  shortcomings.extract(source, outline), plans.extract(source, outline))


def texts() -> list[str]:
    reports = [read(p) for p in sorted(FIXTURES.glob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))]
    items = [(r, i) for r in reports for i in r.measures + r.shortcomings + r.plans]
    return [AWKWARD, *(r.source.text for r in reports), *(i.text + "\n" + i.body(r.source.text) for r, i in items)]


def whole_terms(text: str) -> list[tuple[str, str]]:
    """Terms as jieba gives them for the whole text at once."""
    out = []
    for surface in _cutter()(normalize(text)):
        token = SYNONYMS.get(surface.strip(), surface.strip())
        if _WORD.fullmatch(token) and token not in GENERIC:
            out.append((token, surface.strip()))
    return out


def whole_themes(text: str) -> dict[str, tuple[str, ...]]:
    """Themes from one search of the whole text."""
    automaton = ahocorasick.Automaton()
    for theme in load_themes():
        for word in theme.keywords:
            automaton.add_word(word, automaton.get(word, ()) + ((theme.id, word),))
    automaton.make_automaton()
    found: dict[str, set[str]] = {}
    for _end, hits in automaton.iter(normalize(text)):
        for theme, word in hits:
            found.setdefault(theme, set()).add(word)
    return {theme: tuple(sorted(w for w in words if not any(w != o and w in o for o in words)))
            for theme, words in sorted(found.items())}


@pytest.fixture(scope="module")
def sample_texts():
    return texts()


def test_terms_read_line_by_line_are_those_of_the_whole_text(sample_texts):
    assert any(term_surfaces(text) for text in sample_texts)
    for text in sample_texts:
        assert term_surfaces(text) == whole_terms(text)
        assert term_surfaces(text) == whole_terms(text)  # and again, from what was remembered


def test_themes_read_line_by_line_are_those_of_the_whole_text(sample_texts):
    assert any(tag_text(text) for text in sample_texts)
    for text in sample_texts:
        assert tag_text(text) == whole_themes(text)


def test_cross_year_links_follow_the_thresholds_given_not_those_a_report_was_linked_under():
    older, newer = read(FIXTURES / "songling-2022.txt"), read(FIXTURES / "songling-2023.txt")
    # Loose in every rule; the position rule would drop the weak extra link to a plan its own problem claims.
    loose = Thresholds(addresses_floor=0.02, addresses_relative=0.3, follows_up_floor=0.05, recurs_floor=0.1,
                       require_anchor=False, by_position=False)
    expected = cross_year(link_report(older, loose), link_report(newer, loose), loose)
    assert expected != cross_year(link_report(older), link_report(newer), loose)  # the within-report links matter

    def lookup(county, township, year):
        return [older] if year == older.header.year else []

    assert adjacent_links(link_report(newer), lookup, loose) == expected
    assert adjacent_links(newer, lookup, loose) == expected


@pytest.mark.parametrize("module", ["kg.link.terms", "kg.link.themes", "kg.link.similarity", "kg.link.within"])
def test_what_linking_remembers_is_bounded(module):
    cached = [f for _name, f in inspect.getmembers(importlib.import_module(module)) if hasattr(f, "cache_info")]
    assert cached
    for function in cached:
        assert function.cache_parameters()["maxsize"] is not None, function.__name__

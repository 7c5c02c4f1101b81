"""Themes from ontology/themes.ttl and the tagging of items by their keywords."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError
from kg.model import Item, Report, ThemeTag
from kg.resources import data_dir
from kg.text import normal_line, normalize, unjoined
from rdflib import Graph, Namespace
from rdflib.namespace import RDF
import ahocorasick

THEMES_TTL = data_dir("ontology") / "themes.ttl"
THEME_BASE = "https://township-kg.org/id/theme/"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@dataclass(frozen=True)
class Theme:
    id: str
    label_zh: str
    label_en: str
    keywords: tuple[str, ...]


@lru_cache(maxsize=4)
def load_themes(path: str | None = None) -> tuple[Theme, ...]:
    """The concepts of the scheme, each with its labels and keywords."""
    skos = Namespace(SKOS)
    ttl = Path(path) if path else THEMES_TTL
    graph = Graph()
    try:
        graph.parse(ttl, format="turtle")
    except Exception as exc:
        raise OntologyError(f"{ttl}: cannot read the theme scheme: {exc}") from exc
    themes = []
    for concept in sorted(graph.subjects(RDF.type, skos.Concept)):
        labels = {lit.language: str(lit) for lit in graph.objects(concept, skos.prefLabel)}
        if "zh" not in labels or "en" not in labels:
            raise OntologyError(f"{ttl}: {concept} needs skos:prefLabel in zh and en")
        words = {normalize(str(w)) for w in graph.objects(concept, skos.hiddenLabel)}
        words |= {normalize(str(w)) for w in graph.objects(concept, skos.altLabel)}
        themes.append(Theme(str(concept).removeprefix(THEME_BASE), labels["zh"], labels["en"], tuple(sorted(words))))
    return tuple(themes)


@lru_cache(maxsize=4)
def _automaton(path: str | None = None):
    automaton = ahocorasick.Automaton()
    for theme in load_themes(path):
        for word in theme.keywords:
            automaton.add_word(word, automaton.get(word, ()) + ((theme.id, word),))
    automaton.make_automaton()
    return automaton


def tag_text(text: str, path: str | None = None) -> dict[str, tuple[str, ...]]:
    """Theme id → the keywords of that theme found in `text`."""
    if len(_automaton(path)) == 0:
        return {}
    found: dict[str, set[str]] = {}
    # When no keyword holds a line break the hits of a text are those of its lines; items share lines
    # (a heading, its body, the plans joined to a shortcoming), and each line is searched once.
    for line in text.split("\n") if _keywords_in_lines(path) else (text,):
        for theme, words in _line_hits(line, path):
            found.setdefault(theme, set()).update(words)
    # A keyword inside a longer keyword of the same theme adds nothing a reader needs to see.
    inside = _inside(path)
    return {
        theme: tuple(sorted(w for w in words if not inside[theme, w] & words)) for theme, words in sorted(found.items())
    }


@lru_cache(maxsize=4)
def _keywords_in_lines(path: str | None) -> bool:
    return not any("\n" in word for theme in load_themes(path) for word in theme.keywords)


@lru_cache(maxsize=4)
def _inside(path: str | None) -> dict[tuple[str, str], frozenset[str]]:
    """(theme, keyword) → the theme's longer keywords that hold it."""
    return {(theme.id, w): frozenset(o for o in theme.keywords if o != w and w in o)
            for theme in load_themes(path) for w in theme.keywords}


@lru_cache(maxsize=4096)
def _line_hits(line: str, path: str | None) -> tuple[tuple[str, frozenset[str]], ...]:
    found: dict[str, set[str]] = {}
    for _end, hits in _automaton(path).iter(normal_line(line)):
        for theme, word in hits:
            found.setdefault(theme, set()).add(word)
    return tuple((theme, frozenset(words)) for theme, words in found.items())


def item_themes(item: Item, source_text: str) -> dict[str, tuple[str, ...]]:
    """Themes of an item read from its heading and its body."""
    return tag_text(unjoined(item.heading_in(source_text) + "\n" + item.body(source_text)))


def tag_report(report: Report) -> tuple[ThemeTag, ...]:
    """One ThemeTag per theme of every measure, shortcoming and plan."""
    tags = []
    for kind in ("measure", "shortcoming", "plan"):
        for item in report.items(kind):
            for theme, words in item_themes(item, report.source.norm).items():
                tags.append(ThemeTag(kind, item.ordinal, theme, words))
    return tuple(tags)

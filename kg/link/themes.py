"""Themes from ontology/themes.ttl and the tagging of items by their keywords."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError
from kg.model import Item, Report, ThemeTag
from kg.resources import data_dir
from kg.text import normalize

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
    from rdflib import Graph, Namespace
    from rdflib.namespace import RDF

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
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for theme in load_themes(path):
        for word in theme.keywords:
            automaton.add_word(word, automaton.get(word, ()) + ((theme.id, word),))
    automaton.make_automaton()
    return automaton


def tag_text(text: str, path: str | None = None) -> dict[str, tuple[str, ...]]:
    """Theme id → the keywords of that theme found in `text`."""
    found: dict[str, set[str]] = {}
    automaton = _automaton(path)
    if len(automaton) == 0:
        return {}
    for _end, hits in automaton.iter(normalize(text)):
        for theme, word in hits:
            found.setdefault(theme, set()).add(word)
    # A keyword inside a longer keyword of the same theme adds nothing a reader needs to see.
    return {
        theme: tuple(sorted(w for w in words if not any(w != o and w in o for o in words)))
        for theme, words in sorted(found.items())
    }


def item_themes(item: Item, source_text: str) -> dict[str, tuple[str, ...]]:
    """Themes of an item read from its heading and its body."""
    return tag_text(item.text + "\n" + item.body(source_text))


def tag_report(report: Report) -> tuple[ThemeTag, ...]:
    """One ThemeTag per theme of every measure, shortcoming and plan."""
    tags = []
    for kind in ("measure", "shortcoming", "plan"):
        for item in report.items(kind):
            for theme, words in item_themes(item, report.source.text).items():
                tags.append(ThemeTag(kind, item.ordinal, theme, words))
    return tuple(tags)

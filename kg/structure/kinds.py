"""The words that name a section's kind: the heading vocabulary, the body cues, lead-in labels and shortfall words.

The kind itself is weighed from these, the body and the place of the section in kg.structure.sectionkind.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg import model
from kg.errors import StructureError
from kg.resources import data_dir
from kg.text.lexicon import either, longest_first, read_table, words

SECTIONS_TSV = data_dir("ontology") / "lexicons" / "sections.tsv"
CUES_TSV = data_dir("ontology") / "lexicons" / "section_cues.tsv"
KIND_ORDER = ("duty", "shortcomings", "plans", "measures", "other")


@lru_cache(maxsize=4)
def vocabulary(path: Path = SECTIONS_TSV) -> tuple[tuple[str, str], ...]:
    """(phrase, kind) pairs of the section vocabulary, in file order."""
    return _pairs(path, "phrase")


@lru_cache(maxsize=4)
def cues(path: Path = CUES_TSV) -> tuple[tuple[str, str], ...]:
    """(cue, kind) pairs of the body cues, in file order."""
    return _pairs(path, "cue")


def _pairs(path: Path, column: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for row in read_table(path):
        phrase, kind = row[column], row["kind"]
        if kind not in model.SECTION_KINDS:
            raise StructureError(path, f"unknown section kind {kind!r} for {phrase!r}")
        pairs.append((phrase, kind))
    return tuple(pairs)


def kinds_named(heading: str) -> list[str]:
    """Section kinds whose vocabulary occurs in a heading, in the order they occur (each at its earliest phrase)."""
    return kinds_at(heading, _kind_patterns())


def kinds_at(heading: str, patterns) -> list[str]:
    """The kinds whose pattern (from `patterns_by_kind`) occurs in a heading, in the order of their first match."""
    hits = {}
    for kind, pattern in patterns:
        match = pattern.search(heading)
        if match:
            hits[kind] = match.start()
    return sorted(hits, key=hits.get)


def patterns_by_kind(pairs) -> tuple[tuple[str, re.Pattern], ...]:
    """One pattern per kind over its (phrase, kind) pairs: its first match is where the kind's earliest phrase starts,
    whatever the order of the phrases in it."""
    phrases: dict[str, list[str]] = {}
    for phrase, kind in pairs:
        phrases.setdefault(kind, []).append(phrase)
    return tuple((kind, re.compile("|".join(map(re.escape, group)))) for kind, group in phrases.items())


@lru_cache(maxsize=1)
def _kind_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return patterns_by_kind(vocabulary())


@lru_cache(maxsize=1)
def _lead_labels() -> dict[str, str]:
    return {row["label"]: row["kind"] for row in read_table(data_dir("ontology") / "lexicons" / "lead_labels.tsv")}


def lead_in_kind(lead: str, kinds: tuple[str, ...] = ("shortcomings", "plans")) -> str | None:
    """The kind among `kinds` a lead-in before a colon names (存在问题：, 下一步，我镇将…：, or a bare 问题：)."""
    named = next((k for k in kinds_named(lead) if k in kinds), None)
    if named:
        return named
    label = _lead_labels().get(lead.strip())
    return label if label in kinds else None


def states_shortfall(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] states a shortfall: a body cue of problems or a word that says one (偏低, 老化)."""
    return bool(_shortfall_re().search(text, start, len(text) if end is None else end))


def shortfall_match(text: str):
    """The first word of a shortfall in a text, as a match, or None."""
    return _shortfall_re().search(text)


@lru_cache(maxsize=1)
def _shortfall_re() -> re.Pattern:
    forms = [cue for cue, kind in cues() if kind == "shortcomings"] + list(words("statement_words", "shortfall"))
    return re.compile(either(longest_first(forms)))

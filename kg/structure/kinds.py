"""The kind of a top-level section: from the words of its heading, else from what its body says.

A heading names its kind most of the time (存在的问题, 下一步打算). When it names none (回顾篇, 短板篇,
展望篇, 需要正视的短板, 基本情况), the body decides: problems are written with 不足/有待/薄弱, plans in
the future tense, a profile of the place with its area and population; anything else is work done.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg import model
from kg.errors import StructureError
from kg.resources import data_dir
from kg.text import sentences
from kg.text.lexicon import either, longest_first, read_table, words

SECTIONS_TSV = data_dir("ontology") / "lexicons" / "sections.tsv"
CUES_TSV = data_dir("ontology") / "lexicons" / "section_cues.tsv"
KIND_ORDER = ("duty", "shortcomings", "plans", "measures", "other")
_YEAR_IN_HEADING_RE = re.compile(r"((?:19|20)\d{2})\s*年")
# A body that opens on a later year than the report's (2023年，我镇将重点做好以下工作：) speaks of the future,
# whatever its heading says (乘势而上).
_OPENING_YEAR_RE = re.compile(r"\s*(?:\*\*)?((?:19|20)\d{2})\s*年")
# Shares of a body's sentences that carry a kind's cues, measured on the shared reports: problem sections
# run 0.3–1.0 against at most 0.07 for work done; plan sections 0.27–0.88 future wording, most with under
# 0.2 results.
_PROBLEM_SHARE = 0.4
_PLAN_SHARE = 0.25
_RESULT_SHARE = 0.2
# A figure states a result; an item's number ((1), 1., 2、) and a year do not.
_RESULT_NUMBER_RE = re.compile(r"(?<![(（\d])\d+(?!\d|\s*年|\s*[)）.、．](?!\d))")
_PROFILE_CUES = 2


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
    hits = {}
    for kind, pattern in _kind_patterns():
        match = pattern.search(heading)
        if match:
            hits[kind] = match.start()
    return sorted(hits, key=hits.get)


@lru_cache(maxsize=1)
def _kind_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """One pattern per kind over its phrases: its first match is where the kind's earliest phrase starts."""
    phrases: dict[str, list[str]] = {}
    for phrase, kind in vocabulary():
        phrases.setdefault(kind, []).append(phrase)
    return tuple((kind, re.compile("|".join(map(re.escape, group)))) for kind, group in phrases.items())


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


def classify(heading: str, report_year: int | None = None, body: str = "", after_problems: bool = False) -> str:
    """The kind of a top-level section from its heading, and from its body when the heading names no kind.

    `after_problems`: a section on problems comes before this one, where reports put their plans.
    """
    named = kinds_named(heading)
    for kind in KIND_ORDER:
        if kind in named and kind in ("duty", "shortcomings", "plans"):
            return kind
    years = [int(y) for y in _YEAR_IN_HEADING_RE.findall(heading)]
    if report_year and years and min(years) > report_year:
        return "plans"
    if report_year and years and max(years) <= report_year:
        return "measures" if "other" not in named else "other"
    for kind in ("measures", "other"):
        if kind in named:
            return kind
    opening = _OPENING_YEAR_RE.match(body)
    if report_year and opening and int(opening.group(1)) > report_year:
        return "plans"
    return classify_body(body, after_problems) or "measures"


def classify_body(body: str, after_problems: bool = False) -> str | None:
    """The kind a section's body speaks for (shortcomings, plans, other), or None when it reads as work done."""
    spans = [body[s:e] for s, e in sentences(body) if len(body[s:e].strip()) > 4]
    if not spans:
        return None
    profile = sum(body.count(cue) for cue, kind in cues() if kind == "other")
    if profile >= _PROFILE_CUES and profile >= len(spans) / 2:
        return "other"
    share = {kind: sum(_speaks_of(kind, s) for s in spans) / len(spans) for kind in ("shortcomings", "plans", "measures")}
    if share["shortcomings"] >= _PROBLEM_SHARE:
        return "shortcomings"
    # Plans are written as things to strengthen and state no results yet; so is much of the work done
    # (加强…, 健全…), so only a section after the problems, where plans stand, is read as plans.
    if after_problems and share["plans"] >= _PLAN_SHARE and share["measures"] < _RESULT_SHARE:
        return "plans"
    # After the problems, a body that states no result at all (开展…培训 / 规范…程序) is what is to be done.
    if after_problems and share["measures"] == 0 and len(spans) >= 2:
        return "plans"
    return None


def states_shortfall(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] states a shortfall: a body cue of problems or a word that says one (偏低, 老化)."""
    return bool(_shortfall_re().search(text, start, len(text) if end is None else end))


@lru_cache(maxsize=1)
def _shortfall_re() -> re.Pattern:
    forms = [cue for cue, kind in cues() if kind == "shortcomings"] + list(words("statement_words", "shortfall"))
    return re.compile(either(longest_first(forms)))


def _speaks_of(kind: str, sentence: str) -> bool:
    if kind == "measures" and _RESULT_NUMBER_RE.search(sentence):
        return True
    if kind == "shortcomings":
        return states_shortfall(sentence)
    return any(cue in sentence for cue, k in cues() if k == kind)

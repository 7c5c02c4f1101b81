"""How alike two items are: shared content terms weighted by rarity, and shared themes, with the reasons."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kg.link.terms import FIELD, term_surfaces, terms
from kg.text import unjoined
from kg.link.themes import tag_text
from kg.model import Item

_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
HEAD_WEIGHT = 2.0  # a heading names the item's object; its words count more than the body's
THEME_BONUS = 0.05  # per theme one item's heading names and the other item speaks of


@dataclass(frozen=True)
class Profile:
    """An item's terms (heading and body), themes (heading, and heading with body) and anchors.

    Anchors are the heading's terms that name an object or a shortfall rather than a field: what
    the item is about, as opposed to where in the work it sits.
    """

    kind: str
    ordinal: int
    head_terms: frozenset[str]
    body_terms: Counter
    head_themes: frozenset[str]
    themes: dict
    surfaces: dict  # term → the words as written that were folded into it
    anchors: frozenset[str] = frozenset()
    heading: str = ""

    @cached_property
    def all_terms(self) -> frozenset[str]:
        return self.head_terms | frozenset(self.body_terms)

    @cached_property
    def body_weights(self) -> tuple[tuple[str, float], ...]:
        """Each body term with its damped count, whatever the idf table."""
        return tuple((t, 1 + math.log(c)) for t, c in self.body_terms.items())


def profile(item: Item, source_text: str, extra: str = "", extra_heads: str = "") -> Profile:
    """`extra` is text that speaks for the item too (for a shortcoming: the plans that take it up), `extra_heads` their headings."""
    return _profile(item.kind, item.ordinal, unjoined(item.heading_in(source_text)), unjoined(item.body(source_text)),
                    unjoined(extra), unjoined(extra_heads))


@lru_cache(maxsize=512)
def _profile(kind: str, ordinal: int, heading: str, body: str, extra: str, extra_heads: str) -> Profile:
    # A report's items are profiled for its own links and again beside each adjacent year's report.
    # Callers share the cached profile, so nothing may change it.
    body_rest = body.replace(heading, "", 1) if heading in body else body
    # A heading that stops before its sentence does (【从严落实…责任】深入推进法治宣传教育，…。) leaves part of
    # what the item works on to the words that finish the sentence: they name its object as the heading does.
    at = body.find(heading)
    finish = body[at + len(heading) :] if at >= 0 and heading else ""
    end = _SENTENCE_END.search(finish)
    finish = finish[: end.start()] if end else finish
    # Lines are cut one by one, so the terms of the heading joined to the rest are those of each part.
    head, rest = term_surfaces(heading), term_surfaces(body_rest + "\n" + extra)
    head_terms = frozenset(term for term, _surface in head)
    surfaces: dict[str, set[str]] = {}
    for term, surface in head + rest:
        surfaces.setdefault(term, set()).add(surface)
    return Profile(
        kind,
        ordinal,
        head_terms,
        Counter(term for term, _surface in rest),
        frozenset(tag_text(heading)),
        tag_text(heading + "\n" + body_rest + "\n" + extra),
        {term: tuple(sorted(words)) for term, words in surfaces.items()},
        (head_terms | frozenset(terms(finish)) | frozenset(terms(extra_heads))) - FIELD,
        heading,
    )


def idf_table(profiles: Iterable[Profile]) -> dict[str, float]:
    """Inverse document frequency over the items compared: a term every item uses weighs nothing."""
    profiles = list(profiles)
    df: Counter = Counter()
    for p in profiles:
        df.update(p.all_terms)
    n = len(profiles)
    weights: dict[int, float] = {}  # few distinct counts, many terms
    for c in df.values():
        if c not in weights:
            weights[c] = math.log((n + 1) / (c + 0.5))
    return {t: weights[c] for t, c in df.items()}


def _vector(p: Profile, idf: dict[str, float]) -> dict[str, float]:
    vec: dict[str, float] = {}
    for t, w in p.body_weights:
        vec[t] = vec.get(t, 0.0) + w * idf.get(t, 0.0)
    for t in p.head_terms:
        vec[t] = vec.get(t, 0.0) + HEAD_WEIGHT * idf.get(t, 0.0)
    return vec


@dataclass(frozen=True)
class Match:
    """A score and its reasons: the themes and the rarest terms both items share."""

    score: float
    cosine: float
    themes: tuple[str, ...]
    terms: tuple[str, ...]
    anchored: bool = True  # the items work on the same object (see `_anchored`)


@dataclass(frozen=True)
class Weighted:
    """A profile's rarity-weighted term vector under one idf table, and the vector's length."""

    profile: Profile
    vector: dict[str, float]
    length: float


def weigh(p: Profile, idf: dict[str, float]) -> Weighted:
    """The profile ready to be compared with many others under `idf`."""
    vec = _vector(p, idf)
    return Weighted(p, vec, math.sqrt(sum(w * w for w in vec.values())))


def compare_weighted(wa: Weighted, wb: Weighted) -> Match:
    """Cosine of two profiles' term vectors (weighed under one idf table), plus a bonus per theme a heading of
    one names and the other holds."""
    a, b, va, vb = wa.profile, wb.profile, wa.vector, wb.vector
    products = {t: w * vb[t] for t, w in va.items() if t in vb}
    dot = sum(products.values())
    norm = wa.length * wb.length
    cosine = dot / norm if norm else 0.0
    heading_themes = (a.head_themes & b.themes.keys()) | (b.head_themes & a.themes.keys())
    shared = sorted((t for t, x in products.items() if x > 0), key=lambda t: (-products[t], t))
    return Match(
        cosine + THEME_BONUS * len(heading_themes),
        cosine,
        tuple(sorted(a.themes.keys() & b.themes.keys())),
        tuple(_explain(a, b, outermost(shared)[:8])),
        _anchored(a, b),
    )


def _anchored(a: Profile, b: Profile) -> bool:
    """Same object: a shared term a heading names (not a mere field word), and a shared theme when both have themes.

    A shared place or group alone (老旧小区, 村干部) is not the same object when the themes say the items
    work on different things: publicity sites in old estates are not the estates' renovation.
    """
    if not (a.anchors | b.anchors) & a.all_terms & b.all_terms:
        return False
    if bool(set(a.themes) & set(b.themes)) or not a.themes or not b.themes:
        return True
    # Two headings that name two things alike (村干部…意识淡薄 and 增强干部…法治意识) say who and what together,
    # which a shared place or group alone does not: the keywords of their themes may simply differ.
    return _objects(outermost(sorted((a.head_terms & b.head_terms) - FIELD)), a, b) >= 2


def _objects(words: list[str], a: Profile, b: Profile) -> int:
    """How many things `words` name: two written side by side in either heading (老旧+小区) are one compound the
    cutter split, so one thing."""
    group = {w: w for w in words}

    def root(w: str) -> str:
        while group[w] != w:
            w = group[w]
        return w

    for x in words:
        for y in words:
            if x != y and any(left + right in heading for heading in (a.heading, b.heading)
                              for left in a.surfaces.get(x, (x,)) + b.surfaces.get(x, (x,))
                              for right in a.surfaces.get(y, (y,)) + b.surfaces.get(y, (y,))):
                group[root(x)] = root(y)
    return len({root(w) for w in words})


def lead_terms(item: Item, source_text: str) -> frozenset[str]:
    """The object terms of the first sentence of an item's body after its heading: where a heading that names
    only the work (抓好队伍建设) leaves its aim (组织执法人员开展执法文书培训)."""
    heading, body = unjoined(item.heading_in(source_text)), unjoined(item.body(source_text))
    at = body.find(heading) if heading else -1
    rest = body[at + len(heading) :] if at >= 0 else body
    # The words that finish the heading's own sentence are its anchors already (see `_profile`).
    end = _SENTENCE_END.search(rest)
    rest = rest[end.end() :].lstrip() if end else ""
    end = _SENTENCE_END.search(rest)
    return frozenset(terms(rest[: end.start()] if end else rest)) - FIELD


def _explain(a: Profile, b: Profile, shared: list[str]) -> list[str]:
    """Each shared term as both texts write it: 意识, or 观念=素质 when synonyms were folded."""
    out = []
    for term in shared:
        left, right = a.surfaces.get(term, (term,)), b.surfaces.get(term, (term,))
        common = sorted(set(left) & set(right))
        out.append(common[0] if common else f"{left[0]}={right[0]}")
    return out


def outermost(words: list[str]) -> list[str]:
    """Drop a shared term that is part of a longer shared term (执法 inside 执法人员)."""
    return [w for w in words if not any(w != o and w in o for o in words)]

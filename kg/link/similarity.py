"""How alike two items are: shared content terms weighted by rarity, and shared themes, with the reasons."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from kg.link.terms import FIELD, term_surfaces, terms
from kg.link.themes import tag_text
from kg.model import Item

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

    @property
    def all_terms(self) -> frozenset[str]:
        return self.head_terms | frozenset(self.body_terms)


def profile(item: Item, source_text: str, extra: str = "", extra_heads: str = "") -> Profile:
    """`extra` is text that speaks for the item too (for a shortcoming: the plans that take it up), `extra_heads` their headings."""
    body = item.body(source_text)
    body_rest = body.replace(item.text, "", 1) if item.text in body else body
    head_terms = frozenset(terms(item.text))
    surfaces: dict[str, set[str]] = {}
    for term, surface in term_surfaces(item.text + "\n" + body_rest + "\n" + extra):
        surfaces.setdefault(term, set()).add(surface)
    return Profile(
        item.kind,
        item.ordinal,
        head_terms,
        Counter(terms(body_rest + "\n" + extra)),
        frozenset(tag_text(item.text)),
        tag_text(item.text + "\n" + body_rest + "\n" + extra),
        {term: tuple(sorted(words)) for term, words in surfaces.items()},
        (head_terms | frozenset(terms(extra_heads))) - FIELD,
    )


def idf_table(profiles: Iterable[Profile]) -> dict[str, float]:
    """Inverse document frequency over the items compared: a term every item uses weighs nothing."""
    profiles = list(profiles)
    df = Counter(t for p in profiles for t in p.all_terms)
    n = len(profiles)
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def _vector(p: Profile, idf: dict[str, float]) -> dict[str, float]:
    vec: dict[str, float] = {}
    for t, c in p.body_terms.items():
        vec[t] = vec.get(t, 0.0) + (1 + math.log(c)) * idf.get(t, 0.0)
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


def compare(a: Profile, b: Profile, idf: dict[str, float]) -> Match:
    """Cosine of rarity-weighted term vectors, plus a bonus per theme a heading of one names and the other holds."""
    va, vb = _vector(a, idf), _vector(b, idf)
    dot = sum(w * vb[t] for t, w in va.items() if t in vb)
    norm = math.sqrt(sum(w * w for w in va.values())) * math.sqrt(sum(w * w for w in vb.values()))
    cosine = dot / norm if norm else 0.0
    heading_themes = (a.head_themes & set(b.themes)) | (b.head_themes & set(a.themes))
    shared = sorted((t for t in va if t in vb and va[t] * vb[t] > 0), key=lambda t: (-(va[t] * vb[t]), t))
    return Match(
        cosine + THEME_BONUS * len(heading_themes),
        cosine,
        tuple(sorted(set(a.themes) & set(b.themes))),
        tuple(_explain(a, b, _outermost(shared)[:8])),
        _anchored(a, b),
    )


def _anchored(a: Profile, b: Profile) -> bool:
    """Same object: a shared term a heading names (not a mere field word), and a shared theme when both have themes.

    A shared place or group alone (老旧小区, 村干部) is not the same object when the themes say the items
    work on different things: publicity sites in old estates are not the estates' renovation.
    """
    if not (a.anchors | b.anchors) & a.all_terms & b.all_terms:
        return False
    return bool(set(a.themes) & set(b.themes)) or not a.themes or not b.themes


def _explain(a: Profile, b: Profile, shared: list[str]) -> list[str]:
    """Each shared term as both texts write it: 意识, or 观念=素质 when synonyms were folded."""
    out = []
    for term in shared:
        left, right = a.surfaces.get(term, (term,)), b.surfaces.get(term, (term,))
        common = sorted(set(left) & set(right))
        out.append(common[0] if common else f"{left[0]}={right[0]}")
    return out


def _outermost(words: list[str]) -> list[str]:
    """Drop a shared term that is part of a longer shared term (执法 inside 执法人员)."""
    return [w for w in words if not any(w != o and w in o for o in words)]

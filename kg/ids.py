"""Deterministic identities: keys and IRIs for townships, reports and the nodes they share, as plain strings.

The one place identities are made: the RDF writer wraps these strings in URIRef, the row builder,
the loader and the exporters use them as they are.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

from kg.text.normal import normalize
from kg.text.script import to_simplified

BASE = "https://township-kg.org/id/"

_UNSAFE = re.compile(r'[\s<>"{}|\\^`%#?/\[\]]')
_LAW_PREFIX = re.compile(r"^中华人民共和国")
_QUOTES = re.compile(r"[《》〈〉<>\s]")
_ABSOLUTE = re.compile(r"^https?://")


def segment(value: str) -> str:
    """An IRI path segment: CJK kept readable, ASCII specials percent-encoded."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), value)


def _part(value: str) -> str:
    """A key part that cannot add a level to the key: a user-given name may hold '/'."""
    return value.replace("%", "%25").replace("/", "%2F")


# ---------------------------------------------------------------- keys

def township_key(township: str | None, county: str | None) -> str:
    return f"{_part(county or '_')}/{_part(township or '_')}"


def report_key(report) -> str:
    header = report.header
    stem = PurePath(report.source.path).stem
    return f"{township_key(header.township, header.county)}/{header.year or '_'}/{_part(stem)}"


def law_key(name: str) -> str:
    """A law's short name for identity: no 《》, no 中华人民共和国, half-width, simplified characters."""
    return _LAW_PREFIX.sub("", _QUOTES.sub("", normalize(to_simplified(name))))


def title_key(title: str) -> str:
    return _QUOTES.sub("", normalize(to_simplified(title)))


def campaign_key(name: str) -> str:
    return normalize(name).strip()


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- IRIs

def iri(kind: str, *parts: str) -> str:
    return BASE + kind + "/" + "/".join(segment(str(p)) for p in parts)


def county_iri(county: str) -> str:
    return iri("county", county)


def township_iri(township: str, county: str | None) -> str:
    """One node per township across years: county and name, `_` for an unknown county."""
    return iri("township", county or "_", township)


def report_iri(key: str) -> str:
    return iri("report", *key.split("/", 3))


def item_iri(report_key: str, kind: str, ordinal: int) -> str:
    """Items are named by report key, kind and ordinal, so a link can point into another year's report."""
    return f"{report_iri(report_key)}/{kind}/{ordinal}"


def law_iri(name: str) -> str:
    return iri("law", law_key(name))


def document_iri(title: str) -> str:
    return iri("document", title_key(title))


def campaign_iri(name: str) -> str:
    return iri("campaign", campaign_key(name))


def theme_iri(theme: str) -> str:
    """A theme id as used in ontology/themes.ttl, or a full IRI kept as it is."""
    return theme if _ABSOLUTE.match(theme) else iri("theme", theme)

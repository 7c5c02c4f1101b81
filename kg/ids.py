"""Deterministic identities: keys and IRIs for townships, reports and the nodes they share."""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

BASE = "https://township-kg.org/id/"

_UNSAFE = re.compile(r'[\s<>"{}|\\^`%#?/\[\]]')


def segment(value: str) -> str:
    """An IRI path segment: CJK kept readable, ASCII specials percent-encoded."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), value)


def _part(value: str) -> str:
    """A key part that cannot add a level to the key: a user-given name may hold '/'."""
    return value.replace("%", "%25").replace("/", "%2F")


def township_key(township: str | None, county: str | None) -> str:
    return f"{_part(county or '_')}/{_part(township or '_')}"


def report_key(report) -> str:
    header = report.header
    stem = PurePath(report.source.path).stem
    return f"{township_key(header.township, header.county)}/{header.year or '_'}/{_part(stem)}"


def iri(kind: str, *parts: str) -> str:
    return BASE + kind + "/" + "/".join(segment(str(p)) for p in parts)


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]

"""County inference: a report that omits its county takes the one county its township is known in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from kg.model import Header


def township_counties(headers: Iterable[Header]) -> dict[str, frozenset[str]]:
    """Township name → the counties reports name it in."""
    seen: dict[str, set[str]] = {}
    for header in headers:
        if header.township and header.county:
            seen.setdefault(header.township, set()).add(header.county)
    return {town: frozenset(counties) for town, counties in seen.items()}


def infer_county(header: Header, counties: Mapping[str, frozenset[str]]) -> Header:
    """The header with its county filled in and marked inferred, when exactly one county is known for its township."""
    if header.county or not header.township:
        return header
    known = counties.get(header.township, frozenset())
    if len(known) != 1:
        return header  # unknown or ambiguous: two counties have a township of this name
    return replace(header, county=next(iter(known)), county_inferred=True)

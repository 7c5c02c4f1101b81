"""One township across loads: a report that never names its county joins the one county that holds
its township, in this load or in the store, and reports stored before their county was known are
read again under it. Loading year by year, in any order, so builds the graph of one load of all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from kg.intake.counties import infer_county
from kg.model import Report
from kg.load.files import FileIndex
from kg.load.stored import find_again

# The townships reports are about (one a reload left without reports does not count), then their counties.
# From the reports: FalkorDB tests the pattern in a WHERE once per township with a nested plan (Semi Apply),
# 0.20-0.25 s at 10,000 reports and 4,240 townships, against 0.06-0.12 s walking the 10,000 reports' edges.
STORED_COUNTIES = ("MATCH (:Report)-[:ABOUT_TOWNSHIP]->(t:Township) WITH DISTINCT t "
                   "MATCH (t)-[:IN_COUNTY]->(c:County) RETURN t.name AS township, c.name AS county")
# Reports keyed under a township with no county, for the townships that now have one.
WITHOUT_COUNTY = ("MATCH (t:Township) WHERE t.name IN $townships AND NOT (t)-[:IN_COUNTY]->(:County) "
                  "MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t) "
                  "RETURN r.key AS key, r.year AS year, r.sourceFile AS path, r.sha256 AS sha256, "
                  "t.name AS township ORDER BY key")


@dataclass(frozen=True)
class Stale:
    """A stored report to read again under the county its township now has."""

    key: str
    year: int | None
    path: str | None
    sha256: str | None
    location: str | None  # where this machine's index says its file is
    township: str


def stored_counties(store) -> dict[str, frozenset[str]]:
    """Township name → the counties the store's reports place it in."""
    seen: dict[str, set[str]] = {}
    for row in store.run_read(STORED_COUNTIES):
        seen.setdefault(row["township"], set()).add(row["county"])
    return {town: frozenset(counties) for town, counties in seen.items()}


def merged(*maps: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for counties in maps:
        for town, names in counties.items():
            out[town] = out.get(town, frozenset()) | names
    return out


def stale_reports(store, counties: Mapping[str, frozenset[str]], named: Iterable[str],
                  index: FileIndex | None = None) -> list[Stale]:
    """Stored reports without a county whose township, one of `named` (by this load), now has exactly one.

    Only a load can give a township its county, so only the townships it names need looking at.
    `index`: where this machine keeps the store's files (else the store's own, read now).
    """
    townships = sorted(town for town in set(named) if len(counties.get(town, ())) == 1)
    if not townships:
        return []
    index = FileIndex.of(store) if index is None else index
    return [Stale(row["key"], row["year"], row["path"], row["sha256"], index.location(row["key"]), row["township"])
            for row in store.run_read(WITHOUT_COUNTY, {"townships": townships})]


def read_under_county(stale: Stale, counties: Mapping[str, frozenset[str]]) -> tuple[str, Report]:
    """(the file read, the stale report extracted again from it), its county inferred as a first load would;
    raises ReadError when its file cannot be found or has changed since it was loaded."""
    row = {"key": stale.key, "path": stale.path, "sha256": stale.sha256, "location": stale.location,
           "township": stale.township}
    place, report = find_again(row, None, stale.year)
    # read_again states the township as a hint; a first load would have read it from the text, uninferred.
    header = infer_county(replace(report.header, county=None, county_inferred=False), counties)
    return place, replace(report, header=header)

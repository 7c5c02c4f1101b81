"""Cross-year links for a report just loaded: pair it with the adjacent years' reports of its township."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.link.config import DEFAULT, Thresholds
from kg.link.cross import cross_year
from kg.link.within import with_addresses
from kg.model import Link, Report

# (county, township, year) → the reports a store holds for that place and year
Lookup = Callable[[str | None, str | None, int], Iterable[Report]]


def adjacent_links(report: Report, lookup: Lookup, thresholds: Thresholds = DEFAULT) -> tuple[Link, ...]:
    """Links between `report` and its township's reports of the year before and after, found by key.

    Whichever year is loaded first, the second load writes the links, and `cross_year` gives the same
    links for the pair either way, so loading out of order builds the same graph.
    """
    year = report.header.year
    if year is None or report.header.township is None:
        return ()
    county, township = report.header.county, report.header.township
    # cross_year reads a report's own addresses links, not its themes; they are remade here because the
    # reports may come linked under other thresholds, or not linked at all.
    report = with_addresses(report, thresholds)
    links: list[Link] = []
    for other in lookup(county, township, year - 1):
        links += cross_year(with_addresses(other, thresholds), report, thresholds)
    for other in lookup(county, township, year + 1):
        links += cross_year(report, with_addresses(other, thresholds), thresholds)
    return tuple(links)

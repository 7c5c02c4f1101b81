"""The linking stage over a stream of reports: within-report links, then links to the adjacent years' reports.

Load, export, trace and evaluation all link through one `Linker`, so a report gets the same links
whichever command reads it. The linker remembers the last `keep` reports it saw; a caller whose
reports live elsewhere too (a store, a batch not yet written) passes a `lookup` for those.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.link.config import DEFAULT, Thresholds
from kg.link.incremental import Lookup, adjacent_links
from kg.link.within import link_report
from kg.model import Link, Report

# Reports remembered: a township's years usually stand near each other in file order, and one
# report's records are a few hundred KB, so this bounds memory while catching nearly every pair.
RECENT = 512


class Linker:
    """Links each report as it passes, against the reports it remembers and those `lookup` finds."""

    def __init__(self, lookup: Lookup | None = None, keep: int = RECENT, thresholds: Thresholds = DEFAULT):
        self.lookup = lookup
        self.keep = keep
        self.thresholds = thresholds
        self.recent: OrderedDict[str, Report] = OrderedDict()  # key → the report as read, before linking
        self._places: dict[tuple, list[str]] = {}  # (county, township, year) → keys, in the order seen

    def link(self, report: Report) -> Report:
        """`report` with its within-report links and its links to the adjacent years; remembered after."""
        linked = link_report(report, self.thresholds)
        linked = replace(linked, links=linked.links + adjacent_links(linked, self._adjacent, self.thresholds))
        self.remember(report)
        return linked

    def __call__(self, reports: Iterable[Report]) -> Iterator[Report]:
        for report in reports:
            yield self.link(report)

    def remember(self, report: Report) -> None:
        header = report.header
        self.recent[report.key] = report
        self.recent.move_to_end(report.key)
        self._places.setdefault((header.county, header.township, header.year), []).append(report.key)
        while len(self.recent) > self.keep:
            _, old = self.recent.popitem(last=False)
            place = (old.header.county, old.header.township, old.header.year)
            keys = [k for k in self._places.get(place, ()) if k in self.recent]
            if keys:
                self._places[place] = keys
            else:
                self._places.pop(place, None)

    def forget(self, key: str) -> None:
        """Drop a report (one the store refused, say) so that no later report links to it."""
        self.recent.pop(key, None)

    def remembered(self, county: str | None, township: str | None, year: int) -> list[Report]:
        keys = dict.fromkeys(self._places.get((county, township, year), ()))
        return [self.recent[key] for key in keys if key in self.recent]

    def _adjacent(self, county: str | None, township: str | None, year: int) -> list[Report]:
        found = list(self.lookup(county, township, year)) if self.lookup else []
        keys = {r.key for r in found}
        return found + [r for r in self.remembered(county, township, year) if r.key not in keys]


def links_between(earlier: Report, later: Report, thresholds: Thresholds = DEFAULT) -> list[Link]:
    """The links the stage gives `later` back into `earlier` (follow-ups, recurrences), whatever county
    each names: for a caller that pairs two reports itself, as evaluation pairs its annotated years."""
    year = earlier.header.year
    linker = Linker(lambda _county, _township, y: [earlier] if y == year else [], keep=0, thresholds=thresholds)
    return [link for link in linker.link(later).links if link.target_report == earlier.key != later.key]

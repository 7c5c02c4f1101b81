"""What pictures and briefings show, read from the store with canned queries into plain records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from kg.errors import KgError
from kg.extract.evidence import content_sentence
from kg.load.stored import township_reports
from kg.model import Report
from kg.ontology import ITEM_CLASS, node_label
from kg.queries import run_canned

ITEM_KINDS = ("Measure", "Shortcoming", "Plan")

# A function running a canned query by name with parameters and returning its rows as dicts;
# views and briefings take one so they work on any store the CLI opened.
RunQuery = Callable[[str, dict], list[dict]]


class NotFoundError(KgError):
    """The township asked for is not in the store, or its name is ambiguous."""


@dataclass(frozen=True)
class ReportInfo:
    key: str
    year: int | None
    title: str
    source: str


@dataclass(frozen=True)
class ItemRow:
    report: str
    year: int | None
    kind: str  # Measure | Shortcoming | Plan
    ordinal: int
    text: str
    sentence: str
    source: str

    @property
    def ref(self) -> tuple[str, str, int]:
        return (self.report, self.kind, self.ordinal)


@dataclass(frozen=True)
class LinkRow:
    relation: str  # ADDRESSES | FOLLOWS_UP | RECURS
    source: tuple[str, str, int]
    target: tuple[str, str, int]
    score: float | None = None
    method: str = ""  # how the linker found it (terms+themes, …+position)


@dataclass(frozen=True)
class CitationRow:
    report: str
    year: int | None
    kind: str  # Law | Campaign | Document
    name: str
    sentence: str
    source: str


@dataclass(frozen=True)
class MetricRow:
    report: str
    year: int | None
    indicator: str
    value: float
    unit: str
    approximate: bool
    sentence: str
    source: str
    upper: float | None = None  # a range's upper bound (3至5次)

    @property
    def number(self) -> str:
        """The number as a reader writes it: 3–5 for a range, 约3000 for an approximate figure."""
        if self.upper is not None:
            return f"{self.value:g}–{self.upper:g}"
        return f"{'约' if self.approximate else ''}{self.value:g}"


@dataclass
class TownshipData:
    """One township's reports (all years, or one) with their items, links, citations and metrics."""

    township: str
    county: str | None
    reports: list[ReportInfo] = field(default_factory=list)
    items: list[ItemRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)
    citations: list[CitationRow] = field(default_factory=list)
    metrics: list[MetricRow] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted({r.year for r in self.reports if r.year is not None})

    def of_kind(self, kind: str) -> list[ItemRow]:
        return sorted((i for i in self.items if i.kind == kind), key=lambda i: (i.year or 0, i.ordinal))

    def for_year(self, year: int) -> TownshipData:
        keys = {r.key for r in self.reports if r.year == year}
        return TownshipData(
            self.township, self.county,
            [r for r in self.reports if r.key in keys],
            [i for i in self.items if i.report in keys],
            [lk for lk in self.links if lk.source[0] in keys and lk.target[0] in keys],
            [c for c in self.citations if c.report in keys],
            [m for m in self.metrics if m.report in keys],
        )


@dataclass(frozen=True)
class NetworkRow:
    township: str
    county: str | None
    kind: str  # Law | Campaign
    name: str
    reports: int


def _kind(value, allowed=("Measure", "Shortcoming", "Plan", "Law", "Campaign", "Document")) -> str:
    """A node's class from its labels (a store may add shared labels such as Resource or Item)."""
    if isinstance(value, str):
        return value
    for label in value or ():
        if label in allowed:
            return label
    return ""


def _int(value) -> int | None:
    return None if value is None else int(value)


def _str(value) -> str:
    return "" if value is None else str(value)


def store_runner(store) -> RunQuery:
    """Run the canned queries of cypher/ read-only on `store`."""
    def run(name: str, params: dict) -> list[dict]:
        return run_canned(store, name, params)

    return run


def resolve_township(run: RunQuery, township: str, county: str | None) -> str | None:
    """The township's county; an unknown name or one found in several counties is an error naming them."""
    rows = run("township-reports", {"township": township, "county": county})
    counties = sorted({_str(r.get("county")) for r in rows})
    if not rows:
        where = f"（{county}）" if county else ""
        raise NotFoundError(f"{township}{where}: no report of this township is in the store")
    if len(counties) > 1:
        raise NotFoundError(f"{township}: found in several counties ({'、'.join(counties)}); name one with --county")
    return counties[0] or None


def fetch_township(run: RunQuery, township: str, county: str | None = None, year: int | None = None) -> TownshipData:
    """Everything about one township, optionally one year, in five parameterized queries."""
    county = resolve_township(run, township, county)
    params = {"township": township, "county": county}
    data = TownshipData(township, county)
    data.reports = [
        ReportInfo(_str(r["key"]), _int(r.get("year")), _str(r.get("title")), _str(r.get("source")))
        for r in run("township-reports", params)
    ]
    data.items = [
        ItemRow(_str(r["report"]), _int(r.get("year")), _kind(r["kind"]), int(r["ordinal"]), _str(r.get("text")),
                _str(r.get("sentence")), _str(r.get("source")))
        for r in run("township-items", params)
    ]
    data.links = [
        LinkRow(_str(r["relation"]), (_str(r["from_report"]), _kind(r["from_kind"]), int(r["from_ordinal"])),
                (_str(r["to_report"]), _kind(r["to_kind"]), int(r["to_ordinal"])),
                None if r.get("score") is None else float(r["score"]), _str(r.get("method")))
        for r in run("township-links", params)
    ]
    data.citations = [
        CitationRow(_str(r["report"]), _int(r.get("year")), _kind(r["kind"]), _str(r["name"]), _str(r.get("sentence")),
                    _str(r.get("source")))
        for r in run("township-citations", params)
    ]
    data.metrics = [
        MetricRow(_str(r["report"]), _int(r.get("year")), _str(r["indicator"]), float(r["value"]), _str(r.get("unit")),
                  bool(r.get("approximate")), _str(r.get("sentence")), _str(r.get("source")),
                  None if r.get("upper") is None else float(r["upper"]))
        for r in run("township-metrics", params)
    ]
    if year is not None:
        if year not in data.years:
            have = "、".join(map(str, data.years)) or "无"
            raise NotFoundError(f"{township}: no report for {year} in the store (years: {have})")
        data = data.for_year(year)
    return data


def with_quotes(data: TownshipData, reports: Iterable[Report]) -> TownshipData:
    """`data` with each item's quote the sentence that carries its content, where its report was read again.

    The store keeps the sentence holding an item's heading, which for most items is the heading itself;
    the body that says what was done or found is only in the report file.
    """
    quotes = {}
    for report in reports:
        for kind, items in (("measure", report.measures), ("shortcoming", report.shortcomings), ("plan", report.plans)):
            for item in items:
                # The canned queries number items from 1, as trace and the briefings print them.
                quotes[(report.key, node_label(ITEM_CLASS[kind]), item.ordinal + 1)] = content_sentence(report.source.text, item)
    items = [replace(i, sentence=quotes.get(i.ref, i.sentence)) for i in data.items]
    return TownshipData(data.township, data.county, data.reports, items, data.links, data.citations, data.metrics)


def reports_again(store, township: str, county: str | None) -> list[Report]:
    """The township's reports read again from the files they were loaded from, for quotes; none when absent."""
    try:
        reports, _missing = township_reports(store, township, county)
    except KgError:
        return []  # the quotes are then the sentences the store holds
    return reports


# Rows of township and law the citations picture reads: all of them, for a ranking over every township, up to
# what a page can hold (kg.viz.html.MAX_NODES townships at ~15 citations each).
NETWORK_ROWS = 50_000


def fetch_network(run: RunQuery) -> list[NetworkRow]:
    """Every township with the laws and campaigns its reports cite, and in how many reports."""
    return [
        NetworkRow(_str(r["township"]), r.get("county") or None, _kind(r["kind"]), _str(r["name"]), int(r["reports"]))
        for r in run("citation-network", {"limit": NETWORK_ROWS})
    ]

"""A one-file briefing on a township for county leaders: facts, measures, citations, scorecard, follow-through."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.atomic import replacing_path
from kg.errors import KgError
from kg.link.follow import confirmation_note
from kg.viz.data import (
    CitationRow,
    ItemRow,
    MetricRow,
    NotFoundError,
    TownshipData,
    fetch_township,
    reports_again,
    store_runner,
    with_quotes,
)
from kg.viz.follow import Chain, Scorecard, chains, scorecard
from kg.viz.graph import Graph
from kg.viz.style import ink_of
from kg.viz.views import chains_graph
from kg.viz.html import legend, network_payload, script_json, template, vis_assets

FORMATS = ("html", "docx")


@dataclass(frozen=True)
class Cited:
    """A law or campaign with the years citing it and the first sentence that did."""

    kind: str
    name: str
    years: tuple[int, ...]
    reports: int
    sentence: str
    source: str


@dataclass(frozen=True)
class Briefing:
    township: str
    county: str | None
    years: tuple[int, ...]
    reports: tuple  # ReportInfo, by year
    measures: tuple[ItemRow, ...]
    metrics: tuple[MetricRow, ...]
    laws: tuple[Cited, ...]
    campaigns: tuple[Cited, ...]
    chains: tuple[Chain, ...]
    plans: tuple[ItemRow, ...]
    scorecard: Scorecard
    graph: Graph

    @property
    def title(self) -> str:
        place = f"{self.county}{self.township}" if self.county else self.township
        span = "、".join(map(str, self.years))
        return f"{place}法治政府建设情况简报（{span}年）" if span else f"{place}法治政府建设情况简报"


def _cited(rows: list[CitationRow], kind: str) -> tuple[Cited, ...]:
    grouped: dict[str, list[CitationRow]] = defaultdict(list)
    for row in rows:
        if row.kind == kind:
            grouped[row.name].append(row)
    out = []
    for name, group in grouped.items():
        group.sort(key=lambda r: (r.year or 0, r.report))
        years = tuple(sorted({r.year for r in group if r.year is not None}))
        out.append(Cited(kind, name, years, len({r.report for r in group}), group[0].sentence, group[0].source))
    return tuple(sorted(out, key=lambda c: (-c.reports, c.name)))


def build_briefing(data: TownshipData, year: int | None = None) -> Briefing:
    """The briefing's content; `year` narrows measures and citations, the follow-through keeps every year."""
    shown = data.for_year(year) if year is not None else data
    chain_list = chains(data)
    if year is not None:
        # last year's shortcomings stay, because this year's measures are their follow-through
        chain_list = [c for c in chain_list if c.shortcoming.year in (year, year - 1)]
    return Briefing(
        township=data.township,
        county=data.county,
        years=tuple(shown.years),
        reports=tuple(sorted(shown.reports, key=lambda r: (r.year or 0, r.key))),
        measures=tuple(shown.of_kind("Measure")),
        metrics=tuple(sorted(shown.metrics, key=lambda m: (m.year or 0, m.report))),
        laws=_cited(shown.citations, "Law"),
        campaigns=_cited(shown.citations, "Campaign"),
        chains=tuple(chain_list),
        plans=tuple(shown.of_kind("Plan")),
        scorecard=scorecard(chain_list),
        graph=chains_graph(data),
    )


def render_html(briefing: Briefing) -> str:
    script, style = vis_assets()
    payload = network_payload(briefing.graph)
    # A status is written in the colour its shortcoming has in the picture, dark enough to read as text.
    ink = {"bad": ink_of("UnplannedShortcoming"), "warn": ink_of("UnfollowedShortcoming"), "ok": ink_of("Plan")}
    return template("brief.html.j2").render(
        b=briefing, vis_script=script, vis_style=style, payload=script_json(payload), legend=legend(briefing.graph),
        ink=ink, confirmation=confirmation_note(),
    )



def write_briefing(store, township: str, output: str | Path, county: str | None = None,
                   year: int | None = None, fmt: str = "html") -> Briefing:
    """Read the township from `store` and write its briefing as HTML or Word."""
    if fmt not in FORMATS:
        raise KgError(f"{fmt}: unknown briefing format (choose from {', '.join(FORMATS)})")
    data = fetch_township(store_runner(store), township, county)
    data = with_quotes(data, reports_again(store, township, data.county))
    if year is not None and year not in data.years:
        have = "、".join(map(str, data.years)) or "无"
        raise NotFoundError(f"{township}: no report for {year} in the store (years: {have})")
    briefing = build_briefing(data, year)
    path = Path(output)
    try:
        with replacing_path(path) as temporary:  # a failed write keeps the earlier briefing whole
            if fmt == "docx":
                from kg.brief.docx import write_docx

                write_docx(briefing, temporary)
            else:
                temporary.write_text(render_html(briefing), encoding="utf-8")
    except OSError as exc:
        raise KgError(f"{path}: cannot write the briefing: {exc.strerror or exc}") from exc
    return briefing

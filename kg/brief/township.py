"""A one-file briefing on a township for county leaders: facts, measures, citations, scorecard, follow-through."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
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
from kg.viz.html import legend, network_payload, script_json, template, vis_assets, years_text
from kg.viz.static import Panel, follow_panels
from kg.viz.svg import panel_svg

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
    summary: tuple[str, ...] = ()  # the 要点: three to six sentences from the figures

    @property
    def title(self) -> str:
        place = f"{self.county}{self.township}" if self.county else self.township
        span = years_text(self.years)
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


def summary_of(briefing: Briefing, county: Scorecard | None = None, townships: int = 0) -> tuple[str, ...]:
    """The 要点: what was stated, planned, followed up and recurring, beside the county's shares when known."""
    card, share = briefing.scorecard, Scorecard.share
    span = years_text(briefing.years)
    check = lambda n, what: f"，另有{n}个的{what}关联待核实" if n else ""  # noqa: E731
    lines = [f"{briefing.township}{span}年报告共陈述存在问题{card.stated}个，其中{card.planned}个已列入下一步计划"
             f"（{share(card.planned, card.stated)}）{check(card.planned_to_check, '计划')}。"]
    if card.checkable:
        lines.append(f"有次年报告可核对的问题{card.checkable}个，次年已见落实{card.followed}个"
                     f"（{share(card.followed, card.checkable)}）{check(card.followed_to_check, '落实')}，"
                     f"再次出现{card.recurring}个（{share(card.recurring, card.checkable)}）。")
    else:
        lines.append("尚未收录下一年度报告，问题的落实情况暂无法核对。")
    unplanned = [c.shortcoming.text for c in briefing.chains if not c.planned and not c.state.to_check]
    if unplanned:
        lines.append(f"未列入计划的问题{len(unplanned)}个，如“{unplanned[0]}”。")
    if county is not None and townships > 1:
        lines.append(f"全县{townships}个乡镇（街道）问题列入计划的比例为{share(county.planned, county.stated)}，"
                     f"次年落实的比例为{share(county.followed, county.checkable)}；"
                     f"本乡镇分别为{share(card.planned, card.stated)}和{share(card.followed, card.checkable)}。")
    lines.append(f"报告共列出工作举措{len(briefing.measures)}项、数据指标{len(briefing.metrics)}项，"
                 f"引用法律法规{len(briefing.laws)}部，开展活动{len(briefing.campaigns)}项。")
    return tuple(lines[:6])


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


def drawing(briefing: Briefing) -> tuple[Panel, ...]:
    """The follow-through graph laid out for print and Word: a panel for each year whose problems the briefing shows."""
    years: dict[int, bool] = {}
    for chain in briefing.chains:
        if chain.shortcoming.year is not None:
            years[chain.shortcoming.year] = years.get(chain.shortcoming.year, False) or chain.checkable
    return follow_panels(briefing.graph, years)


def render_html(briefing: Briefing, full: bool = False) -> str:
    """The briefing as one page; the long tables (measures, metrics, citations, plans) only with `full`.

    The graph is there twice: the interactive canvas on screen, a fixed SVG drawing when printed."""
    script, style = vis_assets()
    payload = network_payload(briefing.graph)
    # A status is written in the colour its shortcoming has in the picture, dark enough to read as text.
    ink = {"bad": ink_of("UnplannedShortcoming"), "warn": ink_of("UnfollowedShortcoming"), "ok": ink_of("Plan")}
    return template("brief.html.j2").render(
        b=briefing, vis_script=script, vis_style=style, payload=script_json(payload), legend=legend(briefing.graph),
        ink=ink, confirmation=confirmation_note(), full=full, today=date_text(),
        drawings=[panel_svg(panel, f"kg-print-{index}") for index, panel in enumerate(drawing(briefing), 1)],
    )


def date_text(day: date | None = None) -> str:
    """A briefing's date as a Chinese document writes it (2026年12月5日); today when not given."""
    day = day or date.today()
    return f"{day.year}年{day.month}月{day.day}日"



def briefing_format(output, fmt: str | None) -> str:
    """The format asked for, else the one the file's suffix names (.docx → Word), else HTML."""
    if fmt:
        return fmt
    return "docx" if str(output).lower().endswith(".docx") else "html"


def write_briefing(store, township: str, output: str | Path, county: str | None = None,
                   year: int | None = None, fmt: str | None = None, full: bool = False) -> Briefing:
    """Read the township from `store` and write its briefing as HTML or Word (by `fmt`, else by the file's
    suffix); `full` adds the appendix."""
    fmt = briefing_format(output, fmt)
    if fmt not in FORMATS:
        raise KgError(f"{fmt}: unknown briefing format (choose from {', '.join(FORMATS)})")
    data = fetch_township(store_runner(store), township, county)
    data = with_quotes(data, reports_again(store, township, data.county))
    if year is not None and year not in data.years:
        have = "、".join(map(str, data.years)) or "无"
        raise NotFoundError(f"{township}: no report for {year} in the store (years: {have})")
    briefing = build_briefing(data, year)
    briefing = replace(briefing, summary=summary_of(briefing, *_county_card(store, data.county)))
    path = Path(output)
    try:
        with replacing_path(path) as temporary:  # a failed write keeps the earlier briefing whole
            if fmt == "docx":
                from kg.brief.docx import write_docx

                write_docx(briefing, temporary, full, date_text(), drawing(briefing))
            else:
                temporary.write_text(render_html(briefing, full), encoding="utf-8")
    except OSError as exc:
        raise KgError(f"{path}: cannot write the briefing: {exc.strerror or exc}") from exc
    return briefing


# The scorecard query's columns, as Scorecard's fields: the query applies the same rule (tested equal).
_CARD_COLUMNS = {"stated": "shortcomings", "planned": "planned", "checkable": "checkable", "followed": "followed_up",
                 "recurring": "recurring", "planned_to_check": "planned_to_check",
                 "followed_to_check": "followed_up_to_check", "recurring_to_check": "recurring_to_check"}


def _county_card(store, county: str | None) -> tuple[Scorecard | None, int]:
    """The county's scorecard over all its townships, and how many there are, from one scorecard query."""
    if not county:
        return None, 0
    rows = [row for row in store_runner(store)("township-scorecard", {}) if row["county"] == county]
    card = Scorecard(**{field: sum(int(row[column] or 0) for row in rows) for field, column in _CARD_COLUMNS.items()})
    return card, len(rows)

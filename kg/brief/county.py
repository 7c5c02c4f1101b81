"""A county's briefing: every township side by side, the problems they share, the gaps, the trend by year.

This is the county rule-of-law office's question — how do our townships compare — answered from the
same follow-through rule as the township briefing (`kg.viz.follow`), township by township.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from kg.atomic import replacing_path
from kg.errors import KgError
from kg.link.themes import load_themes
from kg.viz.data import NotFoundError, RunQuery, fetch_township
from kg.viz.follow import Scorecard, chains, scorecard
from kg.viz.html import template, years_text
from kg.viz.data import store_runner
from kg.brief.township import briefing_format, date_text

TOP_THEMES = 8  # bars in the chart: a briefing page holds about this many before it needs a second


@dataclass(frozen=True)
class TownshipRow:
    """One township's line of the ranking table."""

    township: str
    years: tuple[int, ...]
    reports: int
    card: Scorecard


@dataclass(frozen=True)
class ThemeRow:
    """A problem theme across the county: how many problems fall under it, and in which townships."""

    theme: str
    label: str
    problems: int
    townships: tuple[str, ...]
    example: str  # one problem under it, as the report states it


@dataclass(frozen=True)
class YearRow:
    year: int
    townships: int
    card: Scorecard


@dataclass(frozen=True)
class CountyBriefing:
    county: str
    years: tuple[int, ...]
    townships: tuple[TownshipRow, ...]  # ranked: followed-up share, then planned share, then name
    themes: tuple[ThemeRow, ...]  # most problems first
    missing: tuple[tuple[str, tuple[int, ...]], ...]  # township, the county's years it has no report for
    trend: tuple[YearRow, ...]
    total: Scorecard

    @property
    def title(self) -> str:
        span = f"{self.years[0]}—{self.years[-1]}年" if len(self.years) > 1 else f"{self.years[0]}年" if self.years else ""
        return f"{self.county}各乡镇法治政府建设情况对比简报（{span}）" if span else f"{self.county}各乡镇法治政府建设情况对比简报"

    @property
    def shared_themes(self) -> tuple[ThemeRow, ...]:
        """Themes whose problems several townships state: the county's common weak points."""
        return tuple(t for t in self.themes if len(t.townships) > 1)

    def summary(self) -> list[str]:
        """The 要点: three to six sentences written from the figures, the county first."""
        total, rows = self.total, self.townships
        span = years_text(self.years)
        lines = [f"本简报汇总{self.county}{len(rows)}个乡镇（街道）{span}年度共{sum(r.reports for r in rows)}份"
                 f"法治政府建设情况报告，共陈述存在问题{total.stated}个，其中{total.planned}个已列入下一步计划"
                 f"（{Scorecard.share(total.planned, total.stated)}）。"]
        if total.checkable:
            unsure = (f"，另有{total.followed_to_check}个的落实关联待核实" if total.followed_to_check else "")
            lines.append(f"有次年报告可核对的问题{total.checkable}个，次年已见落实{total.followed}个"
                         f"（{Scorecard.share(total.followed, total.checkable)}）{unsure}，再次出现{total.recurring}个"
                         f"（{Scorecard.share(total.recurring, total.checkable)}）。")
        else:
            lines.append("各乡镇均未收录相邻年度报告，问题落实情况暂无法核对。")
        judged = [r for r in rows if r.card.checkable]
        if len(judged) > 1:
            best, worst = judged[0], judged[-1]
            lines.append(f"落实比例最高的是{best.township}（{Scorecard.share(best.card.followed, best.card.checkable)}），"
                         f"最低的是{worst.township}（{Scorecard.share(worst.card.followed, worst.card.checkable)}）。")
        unplanned = [r for r in rows if r.card.stated and r.card.planned < r.card.stated]
        if unplanned:
            most = max(unplanned, key=lambda r: (r.card.stated - r.card.planned, r.township))
            lines.append(f"{len(unplanned)}个乡镇存在未列入计划的问题，{most.township}最多"
                         f"（{most.card.stated - most.card.planned}个）。")
        if self.shared_themes:
            top = self.shared_themes[0]
            lines.append(f"多个乡镇共同反映的问题集中在“{top.label}”方面（{len(top.townships)}个乡镇、{top.problems}个问题）。")
        if len(self.missing) == 1:
            name, gaps = self.missing[0]
            lines.append(f"{name}缺少{years_text(gaps)}年度报告，相关问题的落实情况无法核对。")
        elif self.missing:
            names = "、".join(name for name, _ in self.missing[:3]) + ("等" if len(self.missing) > 3 else "")
            lines.append(f"{names}{len(self.missing)}个乡镇缺少部分年度报告，相关问题的落实情况无法核对。")
        return lines[:6]


def _share(part: int, whole: int) -> float:
    return part / whole if whole else -1.0


def _rank(row: TownshipRow):
    card = row.card
    return (-_share(card.followed, card.checkable), -_share(card.planned, card.stated), row.township)


def _add(cards: list[Scorecard]) -> Scorecard:
    return Scorecard(**{f.name: sum(getattr(c, f.name) for c in cards) for f in fields(Scorecard)})


def _themes(run: RunQuery, county: str) -> tuple[ThemeRow, ...]:
    labels = {t.id: t.label_zh for t in load_themes()}
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in run("county-problem-themes", {"county": county}):
        grouped[str(row["theme"])].append(row)
    out = [ThemeRow(theme, labels.get(theme, theme), len({(r["township"], r["year"], r["ordinal"]) for r in rows}),
                    tuple(sorted({str(r["township"]) for r in rows})), str(rows[0]["shortcoming"] or ""))
           for theme, rows in grouped.items()]
    return tuple(sorted(out, key=lambda t: (-t.problems, -len(t.townships), t.label)))


def build_county(run: RunQuery, county: str) -> CountyBriefing:
    """The county's briefing content, read township by township from the store."""
    places = run("county-townships", {"county": county})
    if not places:
        raise NotFoundError(f"{county}: no township of this county is in the store")
    years_of: dict[str, set[int]] = defaultdict(set)
    reports_of: dict[str, set[str]] = defaultdict(set)
    for row in places:
        reports_of[row["township"]].add(row["key"])
        if row.get("year") is not None:
            years_of[row["township"]].add(int(row["year"]))
    all_years = sorted(set().union(*years_of.values())) if years_of else []
    rows, by_year = [], defaultdict(list)
    for township in sorted(reports_of):
        chain_list = chains(fetch_township(run, township, county))
        rows.append(TownshipRow(township, tuple(sorted(years_of[township])), len(reports_of[township]),
                                scorecard(chain_list)))
        for year in years_of[township]:
            by_year[year].append((township, scorecard([c for c in chain_list if c.shortcoming.year == year])))
    span = range(all_years[0], all_years[-1] + 1) if all_years else range(0)
    missing = tuple((name, gaps) for name in sorted(reports_of)
                    if (gaps := tuple(y for y in span if y not in years_of[name])))
    trend = tuple(YearRow(year, len(cards), _add([card for _, card in cards])) for year, cards in sorted(by_year.items()))
    return CountyBriefing(county, tuple(all_years), tuple(sorted(rows, key=_rank)), _themes(run, county),
                          missing, trend, _add([r.card for r in rows]))


def theme_bars(themes: tuple[ThemeRow, ...], width: int = 330, bar: int = 18) -> list[dict]:
    """Geometry of the theme bar chart, drawn as inline SVG so that it prints as sharply as the text."""
    shown = themes[:TOP_THEMES]
    most = max((t.problems for t in shown), default=1)
    return [{"y": i * (bar + 8), "width": max(2, round(width * t.problems / most)), "height": bar,
             "label": t.label, "problems": t.problems, "townships": len(t.townships)} for i, t in enumerate(shown)]


def render_county_html(briefing: CountyBriefing, today: str) -> str:
    """The county briefing as one self-contained page: no script, the chart as inline SVG, every text escaped."""
    years_of = {row.township: row.years for row in briefing.townships}
    return template("county.html.j2").render(b=briefing, bars=theme_bars(briefing.themes), share=Scorecard.share,
                                             years_of=years_of, today=today)


def write_county_briefing(store, county: str, output, fmt: str | None = None, today: date | None = None) -> CountyBriefing:
    """Read the county's townships from `store` and write their comparison as HTML or Word."""
    briefing = build_county(store_runner(store), county)
    stamp = date_text(today)
    path = Path(output)
    fmt = briefing_format(path, fmt)
    try:
        with replacing_path(path) as temporary:  # a failed write keeps the earlier briefing whole
            if fmt == "docx":
                from kg.brief.docx import write_county_docx

                write_county_docx(briefing, temporary, stamp)
            else:
                temporary.write_text(render_county_html(briefing, stamp), encoding="utf-8")
    except OSError as exc:
        raise KgError(f"{path}: cannot write the briefing: {exc.strerror or exc}") from exc
    return briefing

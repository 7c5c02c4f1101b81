"""Follow-through of each shortcoming: its plans, next year's follow-up measures, whether it recurs."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from kg.errors import KgError
from kg.extract.evidence import content_sentence, says_only
from kg.link.config import DEFAULT, Thresholds
from kg.link.follow import BY_PLACE, FollowThrough, Scorecard, follow_through, relations_of, scorecard
from kg.link.stage import Linker
from kg.link.within import BY_POSITION
from kg.model import Item, Report
from kg.ontology import ITEM_CLASS, node_label
from kg.text import normalize, sentences
from kg.extract.stream import iter_outcomes

PLANNED, NO_PLAN, FOLLOWED_UP, RECURS = "✓", "✗", "→", "↻"


@dataclass(frozen=True)
class Step:
    """An item a shortcoming leads to, with the sentence it was read from and the link's score."""

    year: int | None
    text: str
    sentence: str
    score: float
    terms: tuple[str, ...] = ()
    to_check: bool = False  # its link scores under the confirmation score: 待核实
    by_place: bool = False  # linked for its place in parallel lists, which its few shared words alone do not show


@dataclass(frozen=True)
class TraceRow:
    township: str | None
    county: str | None
    year: int | None
    ordinal: int
    shortcoming: str
    sentence: str
    plans: tuple[Step, ...]
    follow_ups: tuple[Step, ...]
    recurs_as: Step | None
    state: FollowThrough  # planned, followed up, recurring, checkable: kg.link.follow's rule

    @property
    def next_year(self) -> bool:
        """False: no report of the next year was given, so follow-up is unknown."""
        return self.state.checkable

    @property
    def marks(self) -> str:
        out = PLANNED if self.state.planned else NO_PLAN
        if self.state.followed:
            out += FOLLOWED_UP
        if self.state.recurring:
            out += RECURS
        return out


def _step(report: Report, item: Item, score: float, terms=(), to_check: bool = False, by_place: bool = False) -> Step:
    return Step(report.header.year, item.text, _best_sentence(report, item, terms), score, tuple(terms), to_check,
                by_place)


def _best_sentence(report: Report, item: Item, terms) -> str:
    """The sentence of the item's body that holds most of the link's shared terms: the evidence a reader checks."""
    text = report.source.text
    words = [w for term in terms for w in term.split("=")]
    best, best_hits = content_sentence(text, item), 0
    for start, end in sentences(text, item.body_start, item.body_end):
        sentence = text[start:end].strip()
        if says_only(sentence, item.text):
            continue  # the heading is printed already; the quote is what the body says
        hits = sum(w in normalize(sentence) for w in words)
        if hits > best_hits:
            best, best_hits = sentence, hits
    return best


def _same_place(report: Report, township: str, county: str | None) -> bool:
    header = report.header
    return header.township == township and (county is None or header.county in (None, county))


def trace(reports: Iterable[Report], township: str, county: str | None = None, year: int | None = None,
          thresholds: Thresholds = DEFAULT) -> list[TraceRow]:
    """Rows for every shortcoming of the township's reports (of `year` only, if given), oldest first."""
    chosen: dict[int, Report] = {}
    for report in reports:
        if _same_place(report, township, county) and report.header.year is not None:
            chosen[report.header.year] = report
    # Through the linking stage in year order; its lookup pairs the years given, a county named or not.
    linker = Linker(lambda _county, _township, y: [chosen[y]] if y in chosen else [], thresholds=thresholds)
    by_year = {y: linker.link(chosen[y]) for y in sorted(chosen)}
    if not by_year:
        raise KgError(f"no report of {township}" + (f" ({county})" if county else "") + " among the inputs")
    if year is not None and year not in by_year:
        raise KgError(f"no {year} report of {township}; years given: {', '.join(map(str, sorted(by_year)))}")
    rows = []
    for y in sorted(by_year):
        if year is not None and y != year:
            continue
        rows += _rows(by_year[y], by_year.get(y + 1), thresholds)
    return rows


def _rows(report: Report, following: Report | None, thresholds: Thresholds) -> list[TraceRow]:
    # The report's own links, and those of next year's report that point back into it.
    cross = [link for link in following.links if link.target_report == report.key] if following else []
    within = [link for link in report.links if link.source_report == link.target_report == report.key]
    items = {(r.key, node_label(ITEM_CLASS[kind]), item.ordinal): (r, item)
             for r in filter(None, (report, following))
             for kind, group in (("measure", r.measures), ("shortcoming", r.shortcomings), ("plan", r.plans))
             for item in group}
    links = [*within, *cross]
    relations = relations_of(links)
    # The link between each pair of items, so a step is printed with the link that decided it.
    shown = {}
    for link, (_, source, target, _) in zip(links, relations, strict=True):
        shown.setdefault((source, target), link)
    states = follow_through([(report.key, "Shortcoming", s.ordinal) for s in report.shortcomings], relations,
                            lambda ref: following is not None, thresholds)

    def steps(state: FollowThrough, refs) -> tuple[Step, ...]:
        out = []
        for ref in refs:
            # the best of its links, direct or through a plan: the one that decides whether it is confirmed
            link = max((shown[(ref, end)] for end in (state.shortcoming, *state.plans) if (ref, end) in shown),
                       key=lambda lk: lk.score)
            out.append(_step(*items[ref], link.score, link.terms, ref in state.to_check, link.method == BY_POSITION))
        return tuple(sorted(out, key=lambda step: -step.score))

    rows = []
    for s, state in zip(report.shortcomings, states, strict=True):
        recurs = steps(state, state.recurs_as)
        rows.append(TraceRow(
            report.header.township, report.header.county, report.header.year, s.ordinal, s.text,
            content_sentence(report.source.text, s), steps(state, state.plans), steps(state, state.follow_ups),
            recurs[0] if recurs else None, state,
        ))
    return rows


def trace_paths(paths: Iterable[str | os.PathLike], township: str, county: str | None = None,
                year: int | None = None, thresholds: Thresholds = DEFAULT) -> tuple[list[TraceRow], list]:
    """trace() over report files; returns the rows and the errors of files that could not be read."""
    reports, errors = [], []
    for outcome in iter_outcomes(paths):
        if outcome.report is not None:
            reports.append(outcome.report)
        else:
            errors.append(outcome.error)
    try:
        return trace(reports, township, county, year, thresholds), errors
    except KgError as exc:
        if errors:  # say why the township's files gave no report
            raise KgError(f"{exc}; {len(errors)} file(s) failed, first: {errors[0]}") from exc
        raise


def figures(rows: list[TraceRow]) -> Scorecard:
    """The scorecard of the traced shortcomings, counted as the briefing and the scorecard query count."""
    return scorecard(row.state for row in rows)


LEGEND = ("标记：有计划＝下一步计划针对此问题；已落实＝次年举措落实了它（直接或通过其计划）；"
          "未落实＝列入计划但次年报告未见落实；再现＝次年再次出现；次年未收录＝没有下一年度报告，无法核对；"
          "待核实＝关联分低于确认线，请对照两段原文核实；按序对应＝" + BY_PLACE + "括号内为关联分与共有词。")


def _scored(step: Step) -> str:
    reasons = [*step.terms, *(["按序对应"] if step.by_place else [])]
    return f"({step.score:.2f}{' 待核实' if step.to_check else ''}; {'、'.join(reasons)})"


def format_rows(rows: list[TraceRow]) -> str:
    """A plain-text table per shortcoming with its status tag, linked items with scores, and quotes."""
    lines = [LEGEND]
    for row in rows:
        lines.append("")
        lines.append(f"[{row.state.tag}] {row.township} {row.year} 问题{row.ordinal + 1}：{row.shortcoming}")
        lines.append(f"    原文：{row.sentence}")
        for step in row.plans:
            lines.append(f"    {PLANNED} 计划：{step.text}  {_scored(step)}")
        if not row.plans:
            lines.append(f"    {NO_PLAN} 无对应计划")
        if not row.next_year:
            lines.append("    … 未提供下一年度报告，落实情况未知")
            continue
        for step in row.follow_ups:
            lines.append(f"    {FOLLOWED_UP} {step.year}年落实：{step.text}  {_scored(step)}")
            lines.append(f"        原文：{step.sentence}")
        if not row.follow_ups:
            lines.append("    · 下一年度未见落实举措")
        if row.recurs_as:
            lines.append(f"    {RECURS} {row.recurs_as.year}年再现：{row.recurs_as.text}  {_scored(row.recurs_as)}")
            lines.append(f"        原文：{row.recurs_as.sentence}")
    card = figures(rows)
    lines += ["", (f"合计：问题 {card.stated} 个，已列入计划 {card.planned} 个（另有 {card.planned_to_check} 个待核实），"
                   f"次年报告可核对 {card.checkable} 个，其中已见落实 {card.followed} 个（另有 {card.followed_to_check} 个待核实）、"
                   f"再次出现 {card.recurring} 个（另有 {card.recurring_to_check} 个待核实）")]
    return "\n".join(lines)

"""Within one report: which plans take up which shortcomings."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.link.config import DEFAULT, Thresholds
from kg.link.similarity import compare_weighted, idf_table, profile, weigh
from kg.link.themes import tag_report
from kg.model import Link, Report

METHOD = "terms+themes"
SAME_ITEM = "same-item"  # the report answers the problem with this plan in the problem's own item


def select(scores: dict[int, float], floor: float, relative: float, eligible=None) -> list[int]:
    """Candidates at or above the floor and within `relative` of the best, among the `eligible` ones if given."""
    if eligible is not None:
        scores = {k: v for k, v in scores.items() if k in eligible}
    if not scores:
        return []
    best = max(scores.values())
    return sorted(k for k, v in scores.items() if v >= floor and v >= relative * best)


def eligible(matches: dict, thresholds: Thresholds) -> set | None:
    """Keys whose match shares an anchor term, or None when the rule is off."""
    return {k for k, m in matches.items() if m.anchored} if thresholds.require_anchor else None


def addresses(report: Report, thresholds: Thresholds = DEFAULT) -> tuple[Link, ...]:
    """Links plan → shortcoming, each with its score, shared themes and shared terms."""
    return _addresses(report.key, report.source.norm, report.measures, report.shortcomings, report.plans, thresholds)


@lru_cache(maxsize=64)
def _addresses(key, text, measures, shortcomings, plans, thresholds: Thresholds) -> tuple[Link, ...]:
    # A report's own links are made when it is linked, again for its cross-year links (under their thresholds),
    # and again when it is the adjacent year of a later report: everything they depend on is in the arguments.
    paired = [Link("addresses", key, "plan", p.ordinal, key, "shortcoming", p.answers, 1.0, SAME_ITEM)
              for p in plans if p.answers is not None]
    shortcomings = {i.ordinal: profile(i, text) for i in shortcomings}
    plans = {i.ordinal: profile(i, text) for i in plans}
    if not shortcomings or not plans:
        return tuple(paired)
    idf = idf_table([profile(i, text) for i in measures] + [*shortcomings.values(), *plans.values()])
    plans = {p: weigh(plan, idf) for p, plan in plans.items()}
    links = list(paired)
    taken = {(link.source_ordinal, link.target_ordinal) for link in paired}
    for s, short in shortcomings.items():
        short = weigh(short, idf)
        matches = {p: compare_weighted(plan, short) for p, plan in plans.items()}
        chosen = select({p: m.score for p, m in matches.items()}, thresholds.addresses_floor,
                        thresholds.addresses_relative, eligible(matches, thresholds))
        for p in chosen:
            if (p, s) in taken:
                continue
            m = matches[p]
            links.append(Link("addresses", key, "plan", p, key, "shortcoming", s, round(m.score, 4), METHOD,
                              m.themes, m.terms))
    return tuple(links)


def with_addresses(report: Report, thresholds: Thresholds = DEFAULT) -> Report:
    """The report with its within-report links made under `thresholds`, its themes as they were."""
    kept = tuple(link for link in report.links if link.kind != "addresses" or link.source_report != report.key)
    return replace(report, links=kept + addresses(report, thresholds))


def link_report(report: Report, thresholds: Thresholds = DEFAULT) -> Report:
    """The report with its items' themes and its within-report links filled in."""
    return replace(with_addresses(report, thresholds), themes=tag_report(report))

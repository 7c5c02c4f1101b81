"""Within one report: which plans take up which shortcomings."""

from __future__ import annotations

from dataclasses import replace

from kg.link.config import DEFAULT, Thresholds
from kg.link.similarity import compare, idf_table, profile
from kg.link.themes import tag_report
from kg.model import Link, Report

METHOD = "terms+themes"


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
    text = report.source.text
    shortcomings = {i.ordinal: profile(i, text) for i in report.shortcomings}
    plans = {i.ordinal: profile(i, text) for i in report.plans}
    if not shortcomings or not plans:
        return ()
    idf = idf_table([profile(i, text) for i in report.measures] + [*shortcomings.values(), *plans.values()])
    key = report.key
    links = []
    for s, short in shortcomings.items():
        matches = {p: compare(plan, short, idf) for p, plan in plans.items()}
        chosen = select({p: m.score for p, m in matches.items()}, thresholds.addresses_floor,
                        thresholds.addresses_relative, eligible(matches, thresholds))
        for p in chosen:
            m = matches[p]
            links.append(Link("addresses", key, "plan", p, key, "shortcoming", s, round(m.score, 4), METHOD,
                              m.themes, m.terms))
    return tuple(links)


def link_report(report: Report, thresholds: Thresholds = DEFAULT) -> Report:
    """The report with its items' themes and its within-report links filled in."""
    kept = tuple(link for link in report.links if link.kind != "addresses" or link.source_report != report.key)
    return replace(report, themes=tag_report(report), links=kept + addresses(report, thresholds))

"""Within one report: which plans take up which shortcomings."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.link.config import DEFAULT, Thresholds
from kg.link.parallel import POSITION_BONUS, continuing, diagonal, fill_runs, realign, runs
from kg.link.similarity import compare_weighted, idf_table, lead_terms, profile, weigh
from kg.link.themes import tag_report
from kg.model import Link, Report

METHOD = "terms+themes"
SAME_ITEM = "same-item"  # the report answers the problem with this plan in the problem's own item
BY_POSITION = METHOD + "+position"  # linked for its place in parallel lists, on a shared theme or word


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
    plan_items = plans
    shortcomings = {i.ordinal: profile(i, text) for i in shortcomings}
    plans = {i.ordinal: profile(i, text) for i in plans}
    if not shortcomings or not plans:
        return tuple(paired)
    plans = aims_in_body(plans, plan_items, shortcomings, text)
    measures = [profile(i, text) for i in measures]
    idf = idf_table(measures + [*shortcomings.values(), *plans.values()])
    ongoing = continuing(plans, measures)
    plans = {p: weigh(plan, idf) for p, plan in plans.items()}
    links = list(paired)
    taken = {(link.source_ordinal, link.target_ordinal) for link in paired}
    matches, chosen = {}, {}
    for s, short in shortcomings.items():
        short = weigh(short, idf)
        row = {p: compare_weighted(plan, short) for p, plan in plans.items()}
        matches.update(((s, p), m) for p, m in row.items())
        chosen[s] = select({p: m.score for p, m in row.items()}, thresholds.addresses_floor,
                           thresholds.addresses_relative, eligible(row, thresholds))
    added = set()
    scores = {pair: m.score for pair, m in matches.items()}
    mates = diagonal(sorted(shortcomings), sorted(plans))
    # Only where the report answers its problems in separate lists: same-item answers have no place to compare.
    if thresholds.by_position and not paired and len(mates) >= 2:
        touching = frozenset(pair for pair, m in matches.items() if m.themes or m.terms)
        themed = frozenset(pair for pair, m in matches.items() if m.themes)
        evidence = {(s, p) for s, p in touching if p not in ongoing}
        chosen, added = realign(chosen, scores, evidence, mates, thresholds.addresses_relative,
                                len(shortcomings) == len(plans), touching, themed)
        chosen, in_runs = fill_runs(chosen, runs(sorted(shortcomings), sorted(plans)), evidence)
        added |= in_runs
    for s, chosen_plans in chosen.items():
        for p in chosen_plans:
            if (p, s) in taken:
                continue
            m = matches[s, p]
            score, method = (m.score + POSITION_BONUS, BY_POSITION) if (s, p) in added else (m.score, METHOD)
            links.append(Link("addresses", key, "plan", p, key, "shortcoming", s, round(score, 4), method,
                              m.themes, m.terms))
    return tuple(links)


def aims_in_body(plans: dict, items, shortcomings: dict, text: str) -> dict:
    """The plans, each whose heading's anchors name nothing any problem speaks of (抓好队伍建设) anchored also by
    the first sentence of its body, which then says what the plan works on."""
    spoken = frozenset().union(*(s.all_terms for s in shortcomings.values()))
    out = dict(plans)
    for item in items:
        plan = plans[item.ordinal]
        if plan.anchors & spoken:
            continue
        lead = lead_terms(item, text)
        if lead & spoken:
            out[item.ordinal] = replace(plan, anchors=plan.anchors | lead)
    return out


def with_addresses(report: Report, thresholds: Thresholds = DEFAULT) -> Report:
    """The report with its within-report links made under `thresholds`, its themes as they were."""
    kept = tuple(link for link in report.links if link.kind != "addresses" or link.source_report != report.key)
    return replace(report, links=kept + addresses(report, thresholds))


def link_report(report: Report, thresholds: Thresholds = DEFAULT) -> Report:
    """The report with its items' themes and its within-report links filled in."""
    return replace(with_addresses(report, thresholds), themes=tag_report(report))

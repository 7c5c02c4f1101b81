"""Across years: next year's measures that follow up last year's shortcomings and plans, and problems that recur."""

from __future__ import annotations

from kg.link.config import DEFAULT, Thresholds
from kg.link.similarity import Weighted, compare_weighted, idf_table, outermost, profile, weigh
from kg.link.terms import FIELD
from kg.link.within import METHOD, addresses, eligible, select
from kg.model import Link, Report

METHOD_WITH_PLANS = METHOD + "+plans"  # the shortcoming's text together with its plans' text


def _plans_for(report: Report, thresholds: Thresholds) -> dict[int, list[int]]:
    """Shortcoming ordinal → ordinals of the plans that take it up (from the report's links, else computed)."""
    links = [link for link in report.links if link.kind == "addresses" and link.source_report == report.key]
    links = links or list(addresses(report, thresholds))
    out: dict[int, list[int]] = {}
    for link in links:
        out.setdefault(link.target_ordinal, []).append(link.source_ordinal)
    return out


def cross_year(prev: Report, next_: Report, thresholds: Thresholds = DEFAULT) -> tuple[Link, ...]:
    """follows_up links (next-year measure → shortcoming and → plan) and recurs links (next → previous shortcoming).

    Pure: the two reports in, links out, whichever was loaded first; the caller pairs a report with the
    report of the same township in the adjacent year.
    """
    if prev.header.year and next_.header.year and prev.header.year > next_.header.year:
        prev, next_ = next_, prev
    # Matched in the simplified normal form, so a report in traditional characters links as its twin would.
    old_text, new_text = prev.source.norm, next_.source.norm
    plans_for = _plans_for(prev, thresholds)
    plan_items = {p.ordinal: p for p in prev.plans}
    # A shortcoming speaks through the plans that answer it: their bodies say what follow-up would look like,
    # and their headings name the object a follow-up works on.
    answering = {s.ordinal: [plan_items[p] for p in plans_for.get(s.ordinal, []) if p in plan_items]
                 for s in prev.shortcomings}
    problems = {
        s.ordinal: profile(s, old_text, "\n".join(p.body(old_text) for p in answering[s.ordinal]),
                           "\n".join(p.heading_in(old_text) for p in answering[s.ordinal]))
        for s in prev.shortcomings
    }
    bare = {s.ordinal: profile(s, old_text) for s in prev.shortcomings}
    plans = {p.ordinal: profile(p, old_text) for p in prev.plans}
    measures = {m.ordinal: profile(m, new_text) for m in next_.measures}
    recurrences = {s.ordinal: profile(s, new_text) for s in next_.shortcomings}
    idf = idf_table([*bare.values(), *plans.values(), *measures.values(), *recurrences.values()])
    problems, bare, plans, measures, recurrences = (
        {k: weigh(p, idf) for k, p in group.items()} for group in (problems, bare, plans, measures, recurrences))
    links = list(_follow_ups(prev, next_, problems, plans, plans_for, measures, thresholds))
    links += _recurrences(prev, next_, bare, recurrences, thresholds)
    return tuple(links)


def _follow_ups(prev, next_, problems, plans, plans_for, measures, thresholds):
    for s, problem in problems.items():
        matches = {m: compare_weighted(measure, problem) for m, measure in measures.items()}
        chosen = select({m: x.score for m, x in matches.items()}, thresholds.follows_up_floor,
                        thresholds.follows_up_relative, eligible(matches, thresholds))
        chosen = sorted({*chosen, *_named_in(problem, measures, matches, thresholds.follows_up_floor)})
        for m in chosen:
            x = matches[m]
            # Terms may come from the plans the shortcoming was compared with; the method says so.
            method = METHOD_WITH_PLANS if plans_for.get(s) else METHOD
            yield Link("follows_up", next_.key, "measure", m, prev.key, "shortcoming", s, round(x.score, 4),
                       method, x.themes, x.terms)
            # The plan that the measure carries out, when one answers this shortcoming.
            by_plan = {p: compare_weighted(measures[m], plans[p]) for p in plans_for.get(s, []) if p in plans}
            if by_plan:
                p, y = max(by_plan.items(), key=lambda kv: kv[1].score)
                if y.score >= thresholds.follows_up_floor:
                    yield Link("follows_up", next_.key, "measure", m, prev.key, "plan", p, round(y.score, 4),
                               METHOD, y.themes, y.terms)


def _named_in(problem: Weighted, measures: dict[int, Weighted], matches: dict, floor: float) -> set[int]:
    """Measures whose heading names nothing but a part of the problem's own statement, in two words or more
    (规范集体资产处置 after …意识淡薄，个别村在集体资产处置中不按程序办事): they follow that part up, however far
    a measure answering the rest outscores them."""
    stated = problem.profile.head_terms
    out = set()
    for m, measure in measures.items():
        named = outermost(sorted(measure.profile.head_terms - FIELD))
        if len(named) >= 2 and set(named) <= stated and matches[m].score >= floor:
            out.add(m)
    return out


def _recurrences(prev, next_, old: dict[int, Weighted], new: dict[int, Weighted], thresholds) -> list[Link]:
    """Each shortcoming recurs as at most one of next year's, the best-scoring pairs first."""
    pairs = sorted(((compare_weighted(n, o), ni, oi) for ni, n in new.items() for oi, o in old.items()),
                   key=lambda t: (-t[0].score, t[1], t[2]))
    used_old, used_new, links = set(), set(), []
    for x, ni, oi in pairs:
        if x.score < thresholds.recurs_floor or ni in used_new or oi in used_old:
            continue
        used_new.add(ni)
        used_old.add(oi)
        links.append(Link("recurs", next_.key, "shortcoming", ni, prev.key, "shortcoming", oi, round(x.score, 4),
                          METHOD, x.themes, x.terms))
    return sorted(links, key=lambda link: link.source_ordinal)


def follow_up_pairs(prev: Report, next_: Report, links) -> set[tuple[int, int]]:
    """(shortcoming ordinal, measure ordinal) pairs that the follows_up links claim, directly or through a plan."""
    plans_for = {}
    for link in prev.links:
        if link.kind == "addresses":
            plans_for.setdefault(link.source_ordinal, set()).add(link.target_ordinal)
    pairs = set()
    for link in links:
        if link.kind != "follows_up" or link.target_report != prev.key or link.source_report != next_.key:
            continue
        if link.target_kind == "shortcoming":
            pairs.add((link.target_ordinal, link.source_ordinal))
        elif link.target_kind == "plan":
            pairs.update((s, link.source_ordinal) for s in plans_for.get(link.target_ordinal, ()))
    return pairs

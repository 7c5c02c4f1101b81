"""One rule of follow-through: the rule itself, and the scorecard query, views, trace and briefing agreeing on it."""

from __future__ import annotations

from dataclasses import replace

from kg.brief.township import build_briefing
from kg.link import figures, trace
from kg.link.follow import (
    ADDRESSES,
    FOLLOWS_UP,
    NOT_PLANNED,
    PLANNED_FOLLOWED,
    PLANNED_NOT_FOLLOWED,
    PLANNED_UNCHECKABLE,
    RECURS,
    Scorecard,
    follow_through,
    scorecard,
)
from kg.load.stored import township_reports
from kg.link.config import DEFAULT, Thresholds
from kg.queries import load_queries, run_canned
from kg.viz.data import fetch_township, store_runner
from kg.viz.follow import chains

OLD, NEW = "县/镇/2023/a", "县/镇/2024/b"
S1, S2, S3, S4 = ((OLD, "Shortcoming", n) for n in range(4))
P1 = (OLD, "Plan", 0)
M1, M2 = (NEW, "Measure", 0), (NEW, "Measure", 1)
LATER = (NEW, "Shortcoming", 0)


def test_a_measure_following_up_a_plan_follows_up_every_shortcoming_the_plan_addresses():
    relations = [(ADDRESSES, P1, S1, 0.5), (ADDRESSES, P1, S2, 0.5), (FOLLOWS_UP, M1, S1, 0.5),
                 (FOLLOWS_UP, M1, P1, 0.5), (FOLLOWS_UP, M2, S3, 0.5), (RECURS, LATER, S3, 0.5)]
    states = follow_through([S1, S2, S3, S4], relations, lambda ref: True)
    assert [s.follow_ups for s in states] == [(M1,), (M1,), (M2,), ()]
    assert [s.status for s in states] == [PLANNED_FOLLOWED, PLANNED_FOLLOWED, NOT_PLANNED, NOT_PLANNED]
    assert [s.recurring for s in states] == [False, False, True, False]
    card = scorecard(states)
    assert (card.stated, card.planned, card.checkable, card.followed, card.recurring) == (4, 2, 4, 3, 1)


def test_without_a_next_year_report_nothing_counts_as_followed_or_recurring():
    relations = [(ADDRESSES, P1, S1, 0.5), (FOLLOWS_UP, M1, S1, 0.5), (RECURS, LATER, S1, 0.5)]
    unchecked = follow_through([S1, S2], relations, lambda ref: False)
    assert [s.status for s in unchecked] == [PLANNED_UNCHECKABLE, NOT_PLANNED]
    assert scorecard(unchecked) == Scorecard(stated=2, planned=1, checkable=0, followed=0, recurring=0)
    planned_only = follow_through([S1], [(ADDRESSES, P1, S1, 0.5)], lambda ref: True)
    assert planned_only[0].status == PLANNED_NOT_FOLLOWED


FIELDS = ("shortcomings", "planned", "planned_to_check", "checkable", "followed_up", "followed_up_to_check",
          "recurring", "recurring_to_check")


def _figures(card) -> dict[str, int]:
    return dict(zip(FIELDS, (card.stated, card.planned, card.planned_to_check, card.checkable, card.followed,
                             card.followed_to_check, card.recurring, card.recurring_to_check), strict=True))


def _counted_from_one(state):
    """A state read from the model (items numbered from 0) as the queries number them (from 1)."""
    def ref(r):
        return (r[0], r[1], r[2] + 1)
    return replace(state, shortcoming=ref(state.shortcoming), plans=tuple(map(ref, state.plans)),
                   follow_ups=tuple(map(ref, state.follow_ups)), recurs_as=tuple(map(ref, state.recurs_as)),
                   scores=tuple((ref(r), score) for r, score in state.scores),
                   to_check=frozenset(map(ref, state.to_check)))


def test_query_views_trace_and_briefing_count_the_same_on_the_samples(examples_store):
    run = store_runner(examples_store)
    query_rows = run_canned(examples_store, "township-scorecard", {})
    by_query = {(row["county"], row["township"]): {f: row[f] for f in FIELDS} for row in query_rows}
    for row in query_rows:
        assert row["planned_pct"] == round(100 * row["planned"] / row["shortcomings"])
        if row["checkable"]:
            assert row["followed_up_pct"] == round(100 * row["followed_up"] / row["checkable"])
    assert len(by_query) >= 3
    for (county, township), expected in by_query.items():
        data = fetch_township(run, township, county)
        chain_list = chains(data)
        reports, missing = township_reports(examples_store, township, county)
        assert not missing
        rows = trace(reports, township, county)
        # Item by item, not only in sum: the same plans, follow-ups and recurrences for each shortcoming.
        assert [_counted_from_one(row.state) for row in rows] == [chain.state for chain in chain_list], township
        assert _figures(scorecard(c.state for c in chain_list)) == expected, township
        assert _figures(figures(rows)) == expected, township
        assert _figures(build_briefing(data).scorecard) == expected, township
    # The samples exercise each part of the rule, so the equality above is not one of zeros.
    totals = {f: sum(row[f] for row in by_query.values()) for f in FIELDS}
    assert 0 < totals["followed_up"] < totals["checkable"] and totals["recurring"] > 0
    assert 0 < totals["planned"] < totals["shortcomings"]
    assert totals["recurring_to_check"] > 0  # a weak recurrence in the samples is counted apart


def test_the_listing_queries_list_what_the_scorecard_counts(examples_store):
    for row in run_canned(examples_store, "township-scorecard", {}):
        place = {"township": row["township"]}
        unplanned = run_canned(examples_store, "shortcomings-without-plan", place)
        assert len(unplanned) == row["shortcomings"] - row["planned"] - row["planned_to_check"], row["township"]
        again = {(r["first_year"], r["first_shortcoming"]) for r in run_canned(examples_store, "recurring-problems", place)}
        assert len(again) == row["recurring"] + row["recurring_to_check"], row["township"]


def test_the_query_confirms_links_with_the_library_s_scores():
    query = load_queries()["township-scorecard"]
    defaults = dict(query.defaults)
    for kind in ("addresses", "follows_up", "recurs"):
        assert defaults[f"{kind}_confirmed"] == getattr(DEFAULT, f"{kind}_confirmed"), kind


def test_a_link_under_the_confirmation_score_is_counted_apart():
    relations = [(ADDRESSES, P1, S1, 0.5), (FOLLOWS_UP, M1, S1, 0.2), (FOLLOWS_UP, M2, P1, 0.6),
                 (ADDRESSES, P1, S2, 0.5), (FOLLOWS_UP, M1, S2, 0.2), (RECURS, LATER, S2, 0.26)]
    thresholds = Thresholds(follows_up_confirmed=0.39, recurs_confirmed=0.3)
    first, second = follow_through([S1, S2], relations, lambda ref: True, thresholds)
    # S1: M1 is weak directly, but M2 follows up its plan strongly, so S1 is confirmed followed up
    assert first.followed_confirmed and first.to_check == {M1} and first.score(M2) == 0.6
    # S2 shares the plan, so M2 reaches it too; its recurrence is weak
    assert second.followed_confirmed and second.recurring and not second.recurring_confirmed
    assert second.tag == "有计划·已落实·再现待核实"
    weak_only = follow_through([S1], [(ADDRESSES, P1, S1, 0.5), (FOLLOWS_UP, M1, S1, 0.2)], lambda ref: True,
                               thresholds)
    assert weak_only[0].status == "已列入计划，次年落实待核实" and weak_only[0].tag == "有计划·落实待核实"
    card = scorecard(weak_only)
    assert (card.followed, card.followed_to_check) == (0, 1)

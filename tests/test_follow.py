"""One rule of follow-through: the rule itself, and the scorecard query, views, trace and briefing agreeing on it."""

from __future__ import annotations

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
from kg.queries import run_canned
from kg.viz.data import fetch_township, store_runner
from kg.viz.follow import chains

OLD, NEW = "县/镇/2023/a", "县/镇/2024/b"
S1, S2, S3, S4 = ((OLD, "Shortcoming", n) for n in range(4))
P1 = (OLD, "Plan", 0)
M1, M2 = (NEW, "Measure", 0), (NEW, "Measure", 1)
LATER = (NEW, "Shortcoming", 0)


def test_a_measure_following_up_a_plan_follows_up_every_shortcoming_the_plan_addresses():
    relations = [(ADDRESSES, P1, S1), (ADDRESSES, P1, S2), (FOLLOWS_UP, M1, S1), (FOLLOWS_UP, M1, P1),
                 (FOLLOWS_UP, M2, S3), (RECURS, LATER, S3)]
    states = follow_through([S1, S2, S3, S4], relations, lambda ref: True)
    assert [s.follow_ups for s in states] == [(M1,), (M1,), (M2,), ()]
    assert [s.status for s in states] == [PLANNED_FOLLOWED, PLANNED_FOLLOWED, NOT_PLANNED, NOT_PLANNED]
    assert [s.recurring for s in states] == [False, False, True, False]
    card = scorecard(states)
    assert (card.stated, card.planned, card.checkable, card.followed, card.recurring) == (4, 2, 4, 3, 1)


def test_without_a_next_year_report_nothing_counts_as_followed_or_recurring():
    relations = [(ADDRESSES, P1, S1), (FOLLOWS_UP, M1, S1), (RECURS, LATER, S1)]
    unchecked = follow_through([S1, S2], relations, lambda ref: False)
    assert [s.status for s in unchecked] == [PLANNED_UNCHECKABLE, NOT_PLANNED]
    assert scorecard(unchecked) == Scorecard(2, 1, 0, 0, 0)
    planned_only = follow_through([S1], [(ADDRESSES, P1, S1)], lambda ref: True)
    assert planned_only[0].status == PLANNED_NOT_FOLLOWED


FIELDS = ("shortcomings", "planned", "checkable", "followed_up", "recurring")


def _figures(card) -> dict[str, int]:
    return dict(zip(FIELDS, (card.stated, card.planned, card.checkable, card.followed, card.recurring), strict=True))


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
        assert [row.state for row in rows] == [chain.state for chain in chain_list], township
        assert _figures(scorecard(c.state for c in chain_list)) == expected, township
        assert _figures(figures(rows)) == expected, township
        assert _figures(build_briefing(data).scorecard) == expected, township
    # The samples exercise each part of the rule, so the equality above is not one of zeros.
    totals = {f: sum(row[f] for row in by_query.values()) for f in FIELDS}
    assert 0 < totals["followed_up"] < totals["checkable"] and totals["recurring"] > 0
    assert 0 < totals["planned"] < totals["shortcomings"]

"""Confirmation scores: the rule that sets them, and the committed ones still what the shared gold gives."""

from __future__ import annotations

import pytest

from kg.evaluate.calibrate import Judged, confirmation_score, judge_links, split
from kg.link.config import DEFAULT


def judged(*pairs, kind="follows_up"):
    return [Judged(kind, score, correct, "x") for score, correct in pairs]


def test_the_score_is_the_lowest_from_which_nine_in_ten_are_right():
    links = judged((0.1, False), (0.2, True), (0.3, False), (0.4, True), (0.5, True), (0.6, True))
    assert confirmation_score(links, "follows_up") == 0.4
    s = split(links, 0.4)
    assert (s.above, s.above_correct, s.below, s.below_correct) == (3, 3, 3, 1)
    # no wrong link: the lowest score seen, below which nothing is known
    assert confirmation_score(judged((0.3, True), (0.7, True)), "follows_up") == 0.3
    assert confirmation_score(judged((0.3, False)), "follows_up") is None
    assert confirmation_score(links, "recurs") is None


@pytest.mark.shared
def test_the_committed_confirmation_scores_split_the_gold_as_the_calibrated_ones(shared):
    links = []
    for folder in ("seeds", "chains", "web"):
        found, errors = judge_links(shared / "gold" / folder, shared / "corpus" / folder)
        assert not errors, errors
        links += found
    for kind in ("addresses", "follows_up", "recurs"):
        of_kind = [j for j in links if j.kind == kind]
        calibrated = confirmation_score(of_kind, kind)
        committed = getattr(DEFAULT, f"{kind}_confirmed")
        assert calibrated is not None and committed <= calibrated, kind
        # rounding down kept every judged link on the side the calibrated score put it
        sides = [(s.above, s.above_correct, s.below, s.below_correct)
                 for s in (split(of_kind, committed), split(of_kind, calibrated))]
        assert sides[0] == sides[1], kind

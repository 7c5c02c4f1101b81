"""Problems and plans written as parallel lists (一是…二是… against 一是…二是…): the plan at a problem's own place.

Reports often answer their problems point by point, the n-th plan taking up the n-th problem in other words
(村民法治意识不强 ↔ 开展送法进村活动), so that the words alone are too weak to link them. Whether a report writes
this way is read from the report itself: from where its plainly worded problems found their plans. Position
lifts a pair that shares a theme or a word. It is evidence alone only where the two lists are of one length and
every problem that found a plan found the one at its own place, these being at least half of the problems: then
统筹推进力度不够 takes 健全议事协调机制 though they share neither theme nor word, unless that plan speaks of another
problem's field. Such a link scores the bare bonus, under the confirmation score (待核实). And a weak link to
a plan that the problem at the plan's own place claims far more strongly is dropped in any report (投入 in
精力投入不足 against 加大执法装备投入).
"""

from __future__ import annotations

from kg.link.terms import FIELD

# Added to a pair linked for its place: small, so that one with little textual evidence stays under the
# confirmation score (待核实).
POSITION_BONUS = 0.05


def diagonal(shortcomings: list[int], plans: list[int]) -> dict[int, int]:
    """Shortcoming ordinal → the ordinal of the plan at the same place, for the places both lists have."""
    return dict(zip(shortcomings, plans))


def continuing(plans: dict, measures: list) -> set[int]:
    """Plans whose heading names the object of a measure's heading: they carry on this year's work.

    Such a plan (推行包容审慎柔性执法 after the measure 推行柔性执法) may stand at a problem's place without
    answering it, so its place alone links it to nothing.
    """
    named = frozenset().union(*(m.head_terms for m in measures)) - FIELD
    return {p for p, plan in plans.items() if plan.head_terms & named}


def runs_parallel(chosen: dict[int, list[int]], scores: dict[tuple[int, int], float], mates: dict[int, int]) -> bool:
    """More problems have their best plan at their own place than elsewhere, and at least one does."""
    on = off = 0
    for s, plans in chosen.items():
        if not plans:
            continue
        best = max(plans, key=lambda p: scores[s, p])
        if mates.get(s) == best:
            on += 1
        else:
            off += 1
    return on >= 1 and on > off


def realign(chosen: dict[int, list[int]], scores: dict[tuple[int, int], float], evidence: set[tuple[int, int]],
            mates: dict[int, int], relative: float, whole: bool = False,
            touching: frozenset[tuple[int, int]] = frozenset(),
            themed: frozenset[tuple[int, int]] = frozenset()) -> tuple[dict[int, list[int]], set[tuple[int, int]]]:
    """The links after reading the lists by place, and the pairs that were added for their place.

    `evidence` holds the pairs that share a theme or a word at all; `relative` is the share of the plan's
    score with its own problem under which a link to another problem is dropped. `whole` says the two lists
    are of one length; `touching` holds every pair that shares a theme or a word and `themed` every pair that
    shares a theme, whatever the plan carries on.
    """
    owner = {p: s for s, p in mates.items()}
    kept = {s: [p for p in plans if not _overruled(s, p, chosen, scores, owner, relative)]
            for s, plans in chosen.items()}
    if not runs_parallel(kept, scores, mates):
        return kept, set()
    # A plan another problem already takes is not free to answer this one by its place: the lists have
    # shifted (a problem with no plan, or a plan for two problems, before it).
    claimed = {p for plans in kept.values() for p in plans}
    added = set()
    for s, plans in kept.items():
        p = mates.get(s)
        if not plans and p is not None and p not in claimed and (s, p) in evidence:
            kept[s] = [p]
            added.add((s, p))
    if whole and point_by_point(kept, mates):
        for s, plans in kept.items():
            p = mates.get(s)
            # A plan that works in another problem's field (学法 and 干部培训 beside 干部依法办事意识淡薄) is not free
            # to answer this one by its place; one that shares nothing with this problem is not free either when
            # it shares a mere word with another (村民 in 提升村民自治水平 beside 部分村民遇到纠纷找熟人).
            rivals = themed if (s, p) in touching else touching
            if not plans and p is not None and p not in claimed and not any(o != s for o, q in rivals if q == p):
                kept[s] = [p]
                added.add((s, p))
    return kept, added


def point_by_point(chosen: dict[int, list[int]], mates: dict[int, int]) -> bool:
    """Every linked problem took its own-place plan alone, and these are at least as many as the problems left
    without a plan: in lists of one length the report then answers point by point, so a problem's place speaks for
    its plan even when their words and themes differ (法治意识有待增强 ↔ 抓学法)."""
    on = sum(1 for s, plans in chosen.items() if plans == [mates.get(s)])
    left = sum(1 for plans in chosen.values() if not plans)
    return on >= 1 and on >= left and on + left == len(chosen)


def _overruled(s, p, chosen, scores, owner, relative) -> bool:
    """A link off the diagonal to a plan whose own problem links it with a far higher score."""
    mine = owner.get(p)
    if mine is None or mine == s or p not in chosen.get(mine, ()):
        return False
    return scores[s, p] < relative * scores[mine, p]




def runs(shortcomings: list[int], plans: list[int]) -> dict[int, tuple[int, ...]]:
    """Shortcoming ordinal → the run of plans at its place, when every problem can have the same number (two or
    more) of plans in turn (3 problems, 6 plans: the first two plans for the first problem); else nothing."""
    n, m = len(shortcomings), len(plans)
    if n < 2 or m <= n or m % n:
        return {}
    k = m // n
    return {s: tuple(plans[i * k : (i + 1) * k]) for i, s in enumerate(shortcomings)}


def fill_runs(chosen: dict[int, list[int]], groups: dict[int, tuple[int, ...]],
              evidence: set[tuple[int, int]]) -> tuple[dict[int, list[int]], set[tuple[int, int]]]:
    """The links after reading the plans as equal runs, one per problem, and the pairs added.

    When every problem found a plan and all within its own run, each takes the rest of its run that shares a
    theme or a word with it: the report answers each problem with its run of plans (执法人员数量不足 with
    争取执法编制 as well as 执法人员轮训), and the words favour one plan of the run only. Runs of unequal length
    are not read: a plan left between two problems' plans is as often a new aim of its own.
    """
    if not groups or any(not plans or not set(plans) <= set(groups[s]) for s, plans in chosen.items()):
        return chosen, set()
    added = {(s, p) for s, group in groups.items() for p in group if p not in chosen[s] and (s, p) in evidence}
    return {s: sorted({*plans, *(p for t, p in added if t == s)}) for s, plans in chosen.items()}, added

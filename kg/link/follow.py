"""The one definition of follow-through: when a shortcoming counts as planned, followed up, recurring, checkable.

- planned: a plan ADDRESSES it;
- checkable: the township has a report of the next year, so follow-up can be judged at all;
- followed up: checkable, and a next-year measure FOLLOWS_UP it, or FOLLOWS_UP a plan that ADDRESSES it;
- recurring: checkable, and a next-year shortcoming RECURS it.

Each answer is *confirmed* when its best link (for a follow-up: direct or through the plan) scores at
least the confirmation score of its kind (kg.link.config), else *to be checked* (待核实); the scorecard
counts the two apart.

Trace, the views and the briefing compute it here, from the relations they hold; the Cypher query
cypher/township-scorecard.cypher states the same rule for Neo4j Browser users, and
tests/test_link_follow.py holds all four equal on the sample reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.link.config import DEFAULT, Thresholds
from kg.model import Link
from kg.ontology import ITEM_CLASS, LINK_PROPERTY, node_label, relationship_type

# An item in any holder of items: (report key, class name such as "Shortcoming", ordinal).
Ref = tuple[str, str, int]
# (relationship type, source item, target item, score), as a store or a report's links give them;
# a relation without a score is to be checked, there being nothing to confirm it by.
Relation = tuple[str, Ref, Ref, float | None]

ADDRESSES, FOLLOWS_UP, RECURS = (relationship_type(LINK_PROPERTY[k]) for k in ("addresses", "follows_up", "recurs"))

# What a reader is told about a shortcoming, in the order a briefing lists the bad news first.
NOT_PLANNED = "未列入计划"
PLANNED_UNCHECKABLE = "已列入计划，次年报告未收录"
PLANNED_NOT_FOLLOWED = "已列入计划，次年未见落实"
PLANNED_FOLLOWED_TO_CHECK = "已列入计划，次年落实待核实"
PLANNED_FOLLOWED = "已列入计划，次年已落实"
TO_CHECK = "待核实"


@dataclass(frozen=True)
class FollowThrough:
    """One shortcoming and the items that answer it; the properties are the rule."""

    shortcoming: Ref
    plans: tuple[Ref, ...]  # plans of its report that address it
    follow_ups: tuple[Ref, ...]  # next year's measures that follow it up, directly or through one of its plans
    recurs_as: tuple[Ref, ...]  # next year's shortcomings that state it again
    checkable: bool  # a report of the next year is among the inputs
    scores: tuple[tuple[Ref, float | None], ...] = ()  # each answering item's best link score
    to_check: frozenset[Ref] = frozenset()  # answering items whose best link is under the confirmation score

    def score(self, ref: Ref) -> float | None:
        return dict(self.scores).get(ref)

    def _confirmed(self, refs) -> bool:
        return any(ref not in self.to_check for ref in refs)

    @property
    def planned(self) -> bool:
        return bool(self.plans)

    @property
    def followed(self) -> bool:
        return self.checkable and bool(self.follow_ups)

    @property
    def recurring(self) -> bool:
        return self.checkable and bool(self.recurs_as)

    @property
    def planned_confirmed(self) -> bool:
        return self._confirmed(self.plans)

    @property
    def followed_confirmed(self) -> bool:
        return self.checkable and self._confirmed(self.follow_ups)

    @property
    def recurring_confirmed(self) -> bool:
        return self.checkable and self._confirmed(self.recurs_as)

    @property
    def status(self) -> str:
        if not self.planned:
            return NOT_PLANNED
        if not self.checkable:
            return PLANNED_UNCHECKABLE
        if self.followed_confirmed:
            return PLANNED_FOLLOWED
        return PLANNED_FOLLOWED_TO_CHECK if self.followed else PLANNED_NOT_FOLLOWED

    @property
    def tag(self) -> str:
        """A short tag for plain-text listings: 有计划·已落实·再现, 有计划·未落实, 无计划·次年未收录, …"""
        parts = ["有计划" if self.planned_confirmed else ("计划待核实" if self.planned else "无计划")]
        if not self.checkable:
            parts.append("次年未收录")
        elif self.followed_confirmed:
            parts.append("已落实")
        else:
            parts.append("落实待核实" if self.followed else "未落实")
        if self.recurring:
            parts.append("再现" if self.recurring_confirmed else "再现待核实")
        return "·".join(parts)


def confirmation_scores(thresholds: Thresholds = DEFAULT) -> dict[str, float]:
    """Relationship type → the score from which its links are confirmed."""
    return {ADDRESSES: thresholds.addresses_confirmed, FOLLOWS_UP: thresholds.follows_up_confirmed,
            RECURS: thresholds.recurs_confirmed}


def follow_through(shortcomings: Iterable[Ref], relations: Iterable[Relation], checkable: Callable[[Ref], bool],
                   thresholds: Thresholds = DEFAULT) -> list[FollowThrough]:
    """The follow-through of each shortcoming, in the order given, from ADDRESSES, FOLLOWS_UP and RECURS relations."""
    into: dict[Ref, dict[str, dict[Ref, float | None]]] = {}
    for relation, source, target, score in relations:
        known = into.setdefault(target, {}).setdefault(relation, {})
        known[source] = _better(known.get(source, _UNSEEN), score)
    confirm = confirmation_scores(thresholds)
    out = []
    for s in shortcomings:
        answers = into.get(s, {})
        plans = answers.get(ADDRESSES, {})
        follow = dict(answers.get(FOLLOWS_UP, {}))
        for plan in plans:
            for measure, score in into.get(plan, {}).get(FOLLOWS_UP, {}).items():
                follow[measure] = _better(follow.get(measure, _UNSEEN), score)
        recurs = answers.get(RECURS, {})
        scores = {**plans, **follow, **recurs}
        weak = frozenset(ref for relation, group in ((ADDRESSES, plans), (FOLLOWS_UP, follow), (RECURS, recurs))
                         for ref, score in group.items() if score is None or score < confirm[relation])
        out.append(FollowThrough(s, _sorted(plans), _sorted(follow), _sorted(recurs), checkable(s),
                                 tuple(sorted(scores.items())), weak))
    return out


_UNSEEN = None


def _better(old: float | None, new: float | None) -> float | None:
    """The higher score; a missing one counts for nothing."""
    if old is None or new is None:
        return new if old is None else old
    return max(old, new)


def relations_of(links: Iterable[Link]) -> list[Relation]:
    """A report's links as the relations a store holds for them."""
    def ref(report: str, kind: str, ordinal: int) -> Ref:
        return (report, node_label(ITEM_CLASS[kind]), ordinal)

    return [(relationship_type(LINK_PROPERTY[link.kind]), ref(link.source_report, link.source_kind, link.source_ordinal),
             ref(link.target_report, link.target_kind, link.target_ordinal), link.score) for link in links]


def _sorted(refs) -> tuple[Ref, ...]:
    return tuple(sorted(refs, key=lambda r: (r[0], r[1], r[2])))


# What a link made for its place in two parallel lists means; the scorecard's note and the trace's legend
# both say it, so they say it in these words.
BY_PLACE = ("问题与计划在报告中逐条对应（同一序位），且有共同主题或词语；两份清单条数相同、"
            "其余问题都与同序位计划对应时，无共同词语也按序位关联。")


def confirmation_note(thresholds: Thresholds = DEFAULT) -> str:
    """What 待核实 means, with the scores in force, for the reader of a scorecard."""
    return (f"关联分低于确认线（计划 {thresholds.addresses_confirmed:.2f}、落实 {thresholds.follows_up_confirmed:.2f}、"
            f"再现 {thresholds.recurs_confirmed:.2f}）的关联记为“待核实”，另行计数，不计入上方比例；"
            "确认线按人工标注样本校准，待核实的关联请对照两段原文判断。"
            "标“按序对应”者：" + BY_PLACE)


@dataclass(frozen=True)
class Scorecard:
    """Counts of a set of shortcomings. planned, followed and recurring count confirmed links only; the
    *_to_check counts are the shortcomings whose only such links are 待核实. Followed and recurring are
    shares of the checkable shortcomings."""

    stated: int
    planned: int
    checkable: int
    followed: int
    recurring: int
    planned_to_check: int = 0
    followed_to_check: int = 0
    recurring_to_check: int = 0

    @staticmethod
    def share(part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f}%" if whole else "—"

    def rows(self) -> list[tuple[str, int, str, str]]:
        """(what, count, share, of what) for tables in every output format."""
        all_, checkable = "全部问题", "次年报告可核对的问题"
        return [
            ("存在的问题（陈述）", self.stated, "100%" if self.stated else "—", all_),
            ("已列入下一步计划", self.planned, self.share(self.planned, self.stated), all_),
            ("　另有计划关联待核实", self.planned_to_check, self.share(self.planned_to_check, self.stated), all_),
            ("次年报告可核对", self.checkable, self.share(self.checkable, self.stated), all_),
            ("次年已见落实", self.followed, self.share(self.followed, self.checkable), checkable),
            ("　另有落实关联待核实", self.followed_to_check, self.share(self.followed_to_check, self.checkable), checkable),
            ("次年再次出现", self.recurring, self.share(self.recurring, self.checkable), checkable),
            ("　另有再现关联待核实", self.recurring_to_check, self.share(self.recurring_to_check, self.checkable), checkable),
        ]


def scorecard(states: Iterable[FollowThrough]) -> Scorecard:
    states = list(states)
    return Scorecard(
        stated=len(states),
        planned=sum(s.planned_confirmed for s in states),
        checkable=sum(s.checkable for s in states),
        followed=sum(s.followed_confirmed for s in states),
        recurring=sum(s.recurring_confirmed for s in states),
        planned_to_check=sum(s.planned and not s.planned_confirmed for s in states),
        followed_to_check=sum(s.followed and not s.followed_confirmed for s in states),
        recurring_to_check=sum(s.recurring and not s.recurring_confirmed for s in states),
    )

"""The one definition of follow-through: when a shortcoming counts as planned, followed up, recurring, checkable.

- planned: a plan ADDRESSES it;
- checkable: the township has a report of the next year, so follow-up can be judged at all;
- followed up: checkable, and a next-year measure FOLLOWS_UP it, or FOLLOWS_UP a plan that ADDRESSES it;
- recurring: checkable, and a next-year shortcoming RECURS it.

Trace, the views and the briefing compute it here, from the relations they hold; the Cypher query
cypher/township-scorecard.cypher states the same rule for Neo4j Browser users, and
tests/test_follow.py holds all four equal on the sample reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.model import Link
from kg.ontology import ITEM_CLASS, LINK_PROPERTY, node_label, relationship_type

# An item in any holder of items: (report key, class name such as "Shortcoming", ordinal).
Ref = tuple[str, str, int]
# (relationship type, source item, target item), as a store or a report's links give them.
Relation = tuple[str, Ref, Ref]

ADDRESSES, FOLLOWS_UP, RECURS = (relationship_type(LINK_PROPERTY[k]) for k in ("addresses", "follows_up", "recurs"))

# What a reader is told about a shortcoming, in the order a briefing lists the bad news first.
NOT_PLANNED = "未列入计划"
PLANNED_UNCHECKABLE = "已列入计划，次年报告未收录"
PLANNED_NOT_FOLLOWED = "已列入计划，次年未见落实"
PLANNED_FOLLOWED = "已列入计划，次年已落实"


@dataclass(frozen=True)
class FollowThrough:
    """One shortcoming and the items that answer it; the properties are the rule."""

    shortcoming: Ref
    plans: tuple[Ref, ...]  # plans of its report that address it
    follow_ups: tuple[Ref, ...]  # next year's measures that follow it up, directly or through one of its plans
    recurs_as: tuple[Ref, ...]  # next year's shortcomings that state it again
    checkable: bool  # a report of the next year is among the inputs

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
    def status(self) -> str:
        if not self.planned:
            return NOT_PLANNED
        if not self.checkable:
            return PLANNED_UNCHECKABLE
        return PLANNED_FOLLOWED if self.followed else PLANNED_NOT_FOLLOWED


def follow_through(shortcomings: Iterable[Ref], relations: Iterable[Relation],
                   checkable: Callable[[Ref], bool]) -> list[FollowThrough]:
    """The follow-through of each shortcoming, in the order given, from ADDRESSES, FOLLOWS_UP and RECURS relations."""
    into: dict[Ref, dict[str, set[Ref]]] = {}
    for relation, source, target in relations:
        into.setdefault(target, {}).setdefault(relation, set()).add(source)
    out = []
    for s in shortcomings:
        plans = into.get(s, {}).get(ADDRESSES, set())
        follow = set(into.get(s, {}).get(FOLLOWS_UP, set()))
        for plan in plans:
            follow |= into.get(plan, {}).get(FOLLOWS_UP, set())
        out.append(FollowThrough(s, _sorted(plans), _sorted(follow), _sorted(into.get(s, {}).get(RECURS, set())),
                                 checkable(s)))
    return out


def relations_of(links: Iterable[Link]) -> list[Relation]:
    """A report's links as the relations a store holds for them."""
    def ref(report: str, kind: str, ordinal: int) -> Ref:
        return (report, node_label(ITEM_CLASS[kind]), ordinal)

    return [(relationship_type(LINK_PROPERTY[link.kind]), ref(link.source_report, link.source_kind, link.source_ordinal),
             ref(link.target_report, link.target_kind, link.target_ordinal)) for link in links]


def _sorted(refs: set[Ref]) -> tuple[Ref, ...]:
    return tuple(sorted(refs, key=lambda r: (r[0], r[1], r[2])))


@dataclass(frozen=True)
class Scorecard:
    """The counts of a set of shortcomings; followed and recurring are shares of the checkable ones."""

    stated: int
    planned: int
    checkable: int
    followed: int
    recurring: int

    @staticmethod
    def share(part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f}%" if whole else "—"

    def rows(self) -> list[tuple[str, int, str, str]]:
        """(what, count, share, of what) for tables in every output format."""
        return [
            ("存在的问题（陈述）", self.stated, "100%" if self.stated else "—", "全部问题"),
            ("已列入下一步计划", self.planned, self.share(self.planned, self.stated), "全部问题"),
            ("次年报告可核对", self.checkable, self.share(self.checkable, self.stated), "全部问题"),
            ("次年已见落实", self.followed, self.share(self.followed, self.checkable), "次年报告可核对的问题"),
            ("次年再次出现", self.recurring, self.share(self.recurring, self.checkable), "次年报告可核对的问题"),
        ]


def scorecard(states: Iterable[FollowThrough]) -> Scorecard:
    states = list(states)
    return Scorecard(
        stated=len(states),
        planned=sum(s.planned for s in states),
        checkable=sum(s.checkable for s in states),
        followed=sum(s.followed for s in states),
        recurring=sum(s.recurring for s in states),
    )

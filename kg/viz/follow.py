"""Follow-through of each shortcoming (its plans, next year's measures, its recurrence) and the scorecard."""

from __future__ import annotations

from dataclasses import dataclass

from kg.viz.data import ItemRow, TownshipData


@dataclass(frozen=True)
class Chain:
    shortcoming: ItemRow
    plans: tuple[ItemRow, ...]
    follow_ups: tuple[ItemRow, ...]  # next year's measures, linked to the shortcoming or to one of its plans
    recurs_as: tuple[ItemRow, ...]  # next year's shortcomings that state it again
    next_year: bool  # a report of the next year is in the store, so follow-up can be judged

    @property
    def planned(self) -> bool:
        return bool(self.plans)

    @property
    def followed(self) -> bool:
        return bool(self.follow_ups)

    @property
    def status(self) -> str:
        if not self.plans:
            return "未列入计划"
        if not self.next_year:
            return "已列入计划（次年报告未收录）"
        if not self.follow_ups:
            return "已列入计划，次年未见落实"
        return "已列入计划，次年已落实"


@dataclass(frozen=True)
class Scorecard:
    stated: int
    planned: int
    judged: int  # shortcomings whose next year's report is in the store
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
            ("次年报告可核对", self.judged, self.share(self.judged, self.stated), "全部问题"),
            ("次年已见落实", self.followed, self.share(self.followed, self.judged), "次年报告可核对的问题"),
            ("次年再次出现", self.recurring, self.share(self.recurring, self.judged), "次年报告可核对的问题"),
        ]


def chains(data: TownshipData) -> list[Chain]:
    items = {item.ref: item for item in data.items}
    years = set(data.years)
    incoming: dict[tuple, dict[str, list]] = {}
    for link in data.links:
        if link.source in items and link.target in items:
            incoming.setdefault(link.target, {}).setdefault(link.relation, []).append(items[link.source])
    out = []
    for shortcoming in data.of_kind("Shortcoming"):
        into = incoming.get(shortcoming.ref, {})
        plans = _unique(into.get("ADDRESSES", []))
        follow = list(into.get("FOLLOWS_UP", []))
        for plan in plans:
            follow += incoming.get(plan.ref, {}).get("FOLLOWS_UP", [])
        next_year = shortcoming.year is not None and shortcoming.year + 1 in years
        out.append(Chain(shortcoming, plans, _unique(follow), _unique(into.get("RECURS", [])), next_year))
    return out


def scorecard(chain_list: list[Chain]) -> Scorecard:
    judged = [c for c in chain_list if c.next_year]
    return Scorecard(
        stated=len(chain_list),
        planned=sum(c.planned for c in chain_list),
        judged=len(judged),
        followed=sum(c.followed for c in judged),
        recurring=sum(bool(c.recurs_as) for c in judged),
    )


def _unique(rows) -> tuple[ItemRow, ...]:
    seen = {}
    for row in rows:
        seen.setdefault(row.ref, row)
    return tuple(sorted(seen.values(), key=lambda r: (r.year or 0, r.kind, r.ordinal)))

"""Follow-through chains of a township read from the store: the items of kg.link.follow's rule, as rows to show."""

from __future__ import annotations

from dataclasses import dataclass

from kg.link.config import DEFAULT, Thresholds
from kg.link.follow import FollowThrough, Ref, Scorecard, follow_through
from kg.link.follow import scorecard as count_states
from kg.link.within import BY_POSITION
from kg.viz.data import ItemRow, TownshipData


@dataclass(frozen=True)
class Chain:
    """A shortcoming with the items that answer it; whether it is planned, followed up or recurring is `state`'s."""

    shortcoming: ItemRow
    plans: tuple[ItemRow, ...]
    follow_ups: tuple[ItemRow, ...]
    recurs_as: tuple[ItemRow, ...]
    state: FollowThrough
    by_position: frozenset[Ref] = frozenset()  # plans linked for their place in parallel lists

    def placed(self, row: ItemRow) -> bool:
        """True when `row` is a plan linked to the shortcoming for standing at its place in parallel lists."""
        return row.ref in self.by_position

    @property
    def planned(self) -> bool:
        return self.state.planned

    @property
    def followed(self) -> bool:
        return self.state.followed

    @property
    def checkable(self) -> bool:
        return self.state.checkable

    @property
    def status(self) -> str:
        return self.state.status

    def score(self, row: ItemRow) -> float | None:
        """The best score of the link by which `row` answers the shortcoming."""
        return self.state.score(row.ref)

    def to_check(self, row: ItemRow) -> bool:
        """True when that link scores under the confirmation score: shown as 待核实, counted apart."""
        return row.ref in self.state.to_check


def chains(data: TownshipData, thresholds: Thresholds = DEFAULT) -> list[Chain]:
    items = {item.ref: item for item in data.items}
    years = set(data.years)
    relations = [(link.relation, link.source, link.target, link.score) for link in data.links
                 if link.source in items and link.target in items]
    shortcomings = data.of_kind("Shortcoming")

    def checkable(ref: Ref) -> bool:
        year = items[ref].year
        return year is not None and year + 1 in years

    def rows(refs) -> tuple[ItemRow, ...]:
        return tuple(sorted((items[r] for r in refs), key=lambda r: (r.year or 0, r.kind, r.ordinal)))

    placed: dict[Ref, set[Ref]] = {}
    for link in data.links:
        if link.relation == "ADDRESSES" and link.method == BY_POSITION:
            placed.setdefault(link.target, set()).add(link.source)
    return [Chain(items[state.shortcoming], rows(state.plans), rows(state.follow_ups), rows(state.recurs_as), state,
                  frozenset(placed.get(state.shortcoming, ())))
            for state in follow_through([s.ref for s in shortcomings], relations, checkable, thresholds)]


def scorecard(chain_list: list[Chain]) -> Scorecard:
    return count_states(chain.state for chain in chain_list)

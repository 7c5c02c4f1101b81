"""Thresholds of linking, one place to read and override them."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields, replace
from kg.errors import UsageError


@dataclass(frozen=True)
class Thresholds:
    """A pair links when its score reaches `floor` and `relative` × the best score its shortcoming got.

    The relative rule matters because reports differ in how plainly they write: in a terse report every
    score is low, and the plan that answers a shortcoming stands out only against its rivals.
    """

    addresses_floor: float = 0.10
    addresses_relative: float = 0.75
    follows_up_floor: float = 0.15
    follows_up_relative: float = 0.9
    recurs_floor: float = 0.25
    # addresses and follows_up need a shared term that a heading names as object or shortfall, not only a field word
    require_anchor: bool = True
    # problems and plans written as parallel lists: the plan at a problem's place links on a shared theme or word,
    # and a weak link to a plan its own problem claims is dropped (kg/link/parallel.py)
    by_position: bool = True
    # A link scoring under these is shown as 待核实 (to be checked) and counted apart from confirmed ones: the
    # lowest scores from which links were right at least nine times in ten on ../shared/gold
    # (scripts/calibrate_links.py measures them; README gives the precision on each side).
    addresses_confirmed: float = 0.10
    follows_up_confirmed: float = 0.39
    recurs_confirmed: float = 0.30


DEFAULT = Thresholds()


def parse_overrides(pairs: tuple[str, ...] | list[str], base: Thresholds = DEFAULT) -> Thresholds:
    """Thresholds from NAME=VALUE strings, e.g. ("recurs_floor=0.3",)."""

    kinds = {f.name: f.type for f in fields(Thresholds)}
    names = set(kinds)
    values = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        name = name.strip().replace("-", "_")
        if name not in names:
            raise UsageError(f"unknown threshold {name!r}; known: {', '.join(sorted(names))}")
        if kinds[name] in (bool, "bool"):
            flag = value.strip().lower()
            if flag not in ("true", "false", "1", "0", "yes", "no"):
                raise UsageError(f"threshold {name} needs true or false, not {value!r}")
            values[name] = flag in ("true", "1", "yes")
            continue
        try:
            values[name] = float(value)
        except ValueError:
            raise UsageError(f"threshold {name} needs a number, not {value!r}") from None
    return replace(base, **values)

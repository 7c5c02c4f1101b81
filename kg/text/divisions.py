"""The national table of administrative divisions (GB/T 2260 with township codes), as a lookup of names.

It tells a county-level city from a prefecture city (英德市 is a county, 清远市 a prefecture) and
confirms that a township lies in a county. It never supplies a name the text does not give, and a
name missing from it (a new or fictional township) is only unconfirmed, never wrong. Built by
scripts/build_divisions.py; where the data comes from and its licence: data/DIVISIONS.md.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "divisions.tsv.gz"
# 芷江侗族自治县 is written 芷江县 in its own reports: the name before the peoples it is autonomous for.
_AUTONOMOUS_RE = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{2,}?)(?:[\u4e00-\u9fff]{1,5}?族)+自治(?P<suffix>县|旗)$")


@dataclass(frozen=True)
class Divisions:
    """Name lookups: county-level units, prefectures, and the counties each township name lies in."""

    counties: dict[str, frozenset[str]]  # name (and short name) → codes
    above_county: frozenset[str]  # provinces, municipalities and prefectures
    townships: dict[str, frozenset[str]]  # township name → codes of the county-level units holding one
    county_names: dict[str, str]  # code → full name

    def is_county(self, name: str) -> bool:
        return name in self.counties

    def is_above_county(self, name: str) -> bool:
        """A province or prefecture city that is not itself a county-level unit (清远市, not 东莞市 or 英德市)."""
        return name in self.above_county and name not in self.counties

    def is_township(self, name: str) -> bool:
        return name in self.townships

    def holds(self, county: str, township: str) -> bool:
        """Whether a county-level unit of this name holds a township of this name."""
        return bool(self.counties.get(county, frozenset()) & self.townships.get(township, frozenset()))

    def counties_of(self, township: str) -> list[str]:
        return sorted(self.county_names[code] for code in self.townships.get(township, ()))


def short_county_name(name: str) -> str | None:
    """芷江县 for 芷江侗族自治县; None when the name is not an autonomous county or banner."""
    match = _AUTONOMOUS_RE.match(name)
    return match.group("stem") + match.group("suffix") if match else None


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    counties: dict[str, set[str]] = {}
    townships: dict[str, set[str]] = {}
    above_county, county_names = set(), {}
    with gzip.open(_DATA, "rt", encoding="utf-8") as rows:
        lines = rows.read().splitlines()  # one read: the 41,000 township rows are most of the start-up of a worker
    for row in lines:
        code, name = row.split("\t")
        if len(code) == 9:
            townships.setdefault(name, set()).add(code[:6])
            # A street office may be listed as 某某街道办事处; reports name it 某某街道.
            if name.endswith("办事处"):
                townships.setdefault(name.removesuffix("办事处"), set()).add(code[:6])
        elif len(code) <= 4:
            above_county.add(name)
        elif len(code) == 6:
            county_names[code] = name
            for spelling in filter(None, (name, short_county_name(name))):
                counties.setdefault(spelling, set()).add(code)
    return Divisions(
        counties={k: frozenset(v) for k, v in counties.items()},
        above_county=frozenset(above_county),
        townships={k: frozenset(v) for k, v in townships.items()},
        county_names=county_names,
    )

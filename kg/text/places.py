"""Township and county identity: the many ways a report names one body, reduced to the place's name.

白石镇人民政府, 中共白石镇委员会, 白石镇党委政府, 白石镇党委, 白石镇政府 and 白石镇 are one township;
白石鎮 (a 繁体 page) is the same one. Two townships of one name in two counties stay two: identity is
the pair (county, township), never the township name alone.
"""

from __future__ import annotations

import re

from kg.text import normalize
from kg.text.script import to_simplified

# Bodies of a township or county, longest first so that 党委政府 is stripped before 政府.
_BODIES = (
    "党委人民政府", "党委政府", "党委和政府", "人民政府办事处", "人民政府", "委员会", "党工委", "办事处", "党委",
    "政府", "委",
)
_PREFIXES = ("中国共产党", "中共")
# The suffixes of township-level units whose reports these are: a 苏木 is Inner Mongolia's township.
TOWN_SUFFIXES = ("街道", "苏木", "镇", "乡")
TOWN_SUFFIX_PATTERN = "|".join(TOWN_SUFFIXES)
_TOWN_RE = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{1,10}}?(?:{TOWN_SUFFIX_PATTERN}))")
_COUNTY_RE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,10}?(?:自治县|自治旗|县|市|区|旗))")
_SPACE_RE = re.compile(r"[\s\u3000]+")


def simplified(name: str) -> str:
    return to_simplified(name)


def _clean(name: str) -> str:
    name = _SPACE_RE.sub("", normalize(simplified(name)))
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name


def _strip_bodies(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for body in _BODIES:
            if name.endswith(body) and len(name) > len(body):
                name = name[: -len(body)]
                changed = True
    return name


def township_name(raw: str | None) -> str | None:
    """The township's own name (白石镇) out of any body it names, or None when it names no township."""
    if not raw or not raw.strip():
        return None
    name = _strip_bodies(_clean(raw))
    # The name may carry its county in front: 青禾县白石镇人民政府.
    county = _COUNTY_RE.match(name)
    if county:
        rest = name[county.end():]
        match = _TOWN_RE.match(rest)
        if match and match.group("name") == rest:
            return rest
    if name in (*TOWN_SUFFIXES, ""):
        return None
    return name


def county_name(raw: str | None) -> str | None:
    """The county's own name (青禾县) out of 中共青禾县委, 青禾县人民政府 and the like."""
    if not raw or not raw.strip():
        return None
    name = _strip_bodies(_clean(raw))
    return name or None


def same_township(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether two (county, township) pairs name one township; an unknown county does not make two."""
    county_a, town_a = county_name(a[0]), township_name(a[1])
    county_b, town_b = county_name(b[0]), township_name(b[1])
    if town_a is None or town_a != town_b:
        return False
    return county_a is None or county_b is None or county_a == county_b


def identity(county: str | None, township: str | None) -> tuple[str | None, str | None]:
    return county_name(county), township_name(township)

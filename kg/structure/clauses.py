"""How the clause around a county's name relates it to the township: the superior the report works under, a place
visited or spoken of as another.

A clause is the text between the marks that close clauses (，。；： and lines). What it says of a place is read from
words before and after the name in it (在…领导下, 赴…学习, 与相邻的…), general words of reports, not of any file.
"""

from __future__ import annotations

import re

from kg.structure.placenames import PlaceName

# A clause that says whom the report works under: 在 … 领导下, 经 … 同意, 按照 … 部署. The opening word stands before
# the name in its clause and the closing word after it.
# 在 and 经 only as words of their own (not 存在, 现在, 经济, 经验).
_SUPERIOR_OPENS_RE = re.compile(r"(?<![存现正所实内外潜好自])在|经(?![济验过费营常历典受])|按照|根据|遵照|依照|贯彻|落实")
_SUPERIOR_CLOSES_RE = re.compile(r"(?:领导|指导|关心|带领|支持|统筹)下|同意|批准|部署|要求|安排")
# A visit to learn from another place (赴X县学习, 到X县司法局交流): the county visited is not the report's.
_LEARNING = r"学习|考察|观摩|交流|取经"  # what is done at another place: learning from it
_VISIT_OPENS_RE = re.compile(r"(?:赴|前往|到)$")
_VISIT_CLOSES_RE = re.compile(rf"{_LEARNING}|调研|参观")
_CLAUSE_MARKS = "，,。；;：:\n"  # marks that close a clause
# A place the clause speaks of as another: one gone to, worked with or learnt from (赴, 与, 借鉴), a neighbour (相邻的),
# or one bordered (与X县交界) or born in (X县籍).
_NEIGHBOUR_BEFORE = r"相邻的?|邻近的?|毗邻的?|周边的?|邻县|兄弟县?"
_NEIGHBOUR_BEFORE_RE = re.compile(rf"(?:{_NEIGHBOUR_BEFORE})$")
_OTHER_BEFORE_RE = re.compile(rf"(?:赴|到|前往|与|同|和|借鉴|学习|{_NEIGHBOUR_BEFORE})$")
_OTHER_AFTER_RE = re.compile(rf"交界|接壤|毗邻|籍|{_LEARNING}")
# A clause that ranks the township among the county's own (作为Y区人口最多的街道, 是Y县唯一的民族乡, Y县面积最大的乡镇之一):
# the county's name, a short description and 的, then a kind of township closing the clause. A verb in the description
# (Y县开展的…, Y县表彰的…) makes it something else; the description is kept short and free of clause marks.
_MEMBER_OPENS_RE = re.compile(r"(?:作为|是|为)$")
_MEMBER_AFTER_RE = re.compile(
    r"(?:[^，,。；;：:\n的]{0,10}的)?(?:(?:民族|少数民族|中心|重点)?(?:乡镇|街道|镇|乡|苏木))(?:之一)?(?=[，,。；;\s]|$)")
_MEMBER_VERBS_RE = re.compile(r"开展|表彰|评选|授予|命名|确定|召开|组织")


MAX_CLAUSE = 60  # characters either side of a name searched for its clause's ends: a longer clause is cut there


def clause(norm: str, place: PlaceName) -> tuple[int, int]:
    """(start, end) of the clause holding the place: between the marks that close clauses (，。；： and lines), within
    MAX_CLAUSE characters of it, so that the search costs the same in a long report as in a short one."""
    floor, ceiling = max(0, place.start - MAX_CLAUSE), min(len(norm), place.end + MAX_CLAUSE)
    start = max(norm.rfind(mark, floor, place.start) for mark in _CLAUSE_MARKS)
    ends = [end for end in (norm.find(mark, place.end, ceiling) for mark in _CLAUSE_MARKS) if end >= 0]
    return (start + 1 if start >= 0 else floor), min(ends) if ends else ceiling


def works_under(norm: str, place: PlaceName, next_start: int | None) -> bool:
    """Whether the clause says the report works under this place (在…领导下, 经…同意, 按照…部署): an opening word
    before it and a closing word after it, with no other county-level unit named between it and the closing word
    (在X市委、Y县委的领导下: the nearest superior is named last)."""
    start, end = clause(norm, place)
    # 在兄弟县Y县的大力支持下: a neighbour's help, not the superior's lead.
    if not _SUPERIOR_OPENS_RE.search(norm, start, place.start) or neighbour(norm, place):
        return False
    closing = _SUPERIOR_CLOSES_RE.search(norm, place.end, end)
    return closing is not None and (next_start is None or next_start >= closing.start())


def ranks_the_township(norm: str, place: PlaceName) -> bool:
    """Whether the clause ranks the township among the place's own (作为Y区人口最多的街道, 是Y县唯一的民族乡): what a
    report says of its own county, as plainly as the superior it works under."""
    start, end = clause(norm, place)
    if not _MEMBER_OPENS_RE.search(norm, max(start, place.start - 2), place.start):
        return False
    after = _MEMBER_AFTER_RE.match(norm, place.end, end)
    return after is not None and not _MEMBER_VERBS_RE.search(after.group())


def spoken_of_as_other(norm: str, place: PlaceName) -> bool:
    """Whether the clause speaks of the place as another than the township's own: gone to, worked with, learnt
    from, neighbouring or bordering (与相邻的X县签订…, 与X县交界, 借鉴X县经验)."""
    start, end = clause(norm, place)
    return bool(_OTHER_BEFORE_RE.search(norm, max(start, place.start - 4), place.start)
                or _OTHER_AFTER_RE.search(norm, place.end, end))


def neighbour(norm: str, place: PlaceName) -> bool:
    """Whether the clause names the place as a neighbour (与邻县X县司法局…, 相邻的X县, 兄弟县X县)."""
    start, _ = clause(norm, place)
    return bool(_NEIGHBOUR_BEFORE_RE.search(norm, max(start, place.start - 4), place.start))


def visited(norm: str, place: PlaceName) -> bool:
    """Whether the place is one the township went to learn from (赴X县学习, 到X县司法局交流)."""
    start, end = clause(norm, place)
    return bool(_VISIT_OPENS_RE.search(norm, max(start, place.start - 2), place.start)
                and _VISIT_CLOSES_RE.search(norm, place.end, end))

"""Townships a report names without their suffix: by the bare name in its rule-of-law slogan or opening its title, or
a street office by its street alone (某某街).

The suffix is the one the national table knows for the name. A name the table does not know takes the rank the report
calls itself by (街道按照…, 街党工委, 我镇), the one word a report uses for its own office when it does not repeat its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kg.structure.placenames import COUNTY_SUFFIXES, PlaceName, bare_name, run_before, segmented_stem, words_before
from kg.text.divisions import divisions
from kg.text.places import TOWN_SUFFIXES

# The rule-of-law slogan names the township by its bare name: 法治白露建设, 为"法治白露"建设, 谱写白露法治建设新篇章.
_SLOGAN_RE = re.compile(r'法治"?(?P<after>[\u4e00-\u9fff]{2,3})"?建设|(?P<before>[\u4e00-\u9fff]{2,3})法治建设')

# The report's word for its own office: after 我, 本, 全 (我镇, 全街); before an organ of it (街党工委, 镇政府, 街道各办所);
# or opening a clause as its subject (，街道按照…), where a common word it opens (乡村, 镇村, 街头, 街巷) is no such word.
_OWN_RANK_RE = re.compile(
    r"(?<=[我本全])(街道|街|镇|乡)"
    r"|(街道|街|镇|乡)(?=党工委|党委|人民政府|政府|办事处|纪工委|人大|机关|各)"
    r"|(?<![\u4e00-\u9fff])(街道|乡(?![村镇土亲])|镇(?![村街域区])|街(?![头面区巷坊道]))(?=[\u4e00-\u9fff])"
)


def own_rank(norm: str, end: int) -> str | None:
    """The suffix norm[:end] calls its own office by most often (街 counted as 街道), or None on a tie or none."""
    counts: dict[str, int] = {}
    for match in _OWN_RANK_RE.finditer(norm, 0, end):
        rank = next(group for group in match.groups() if group)
        rank = "街道" if rank == "街" else rank
        counts[rank] = counts.get(rank, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def slogan_townships(norm: str, end: int, county: str | None = None, rank: str | None = None) -> Iterator[PlaceName]:
    """Townships that norm[:end] names only by the bare name in its rule-of-law slogan, with their suffix.

    The suffix is the one the national table knows for that name, in `county` when it is given; a name
    with no such suffix or with several, or that is a county's own name (法治英德建设), gives nothing, unless
    the table knows no place of that name at all and `rank`, the report's word for its own office, is given.
    """
    table = divisions()
    for match in _SLOGAN_RE.finditer(norm, 0, end):
        group = "after" if match.group("after") else "before"
        start, stop = match.span(group)
        # Before 法治建设 the name's start is unknown (谱写白露): its tails, longest first.
        for begin in range(start, stop - 1) if group == "before" else (start,):
            stem = norm[begin:stop]
            if not bare_name(stem) or any(table.is_county(stem + suffix) for suffix in COUNTY_SUFFIXES):
                continue
            names = [stem + suffix for suffix in TOWN_SUFFIXES
                     if table.is_township(stem + suffix) and (county is None or table.holds(county, stem + suffix))]
            if len(names) == 1:
                yield PlaceName(begin, stop, names[0], names[0][len(stem):], confirmed=True)
                break
        else:
            if rank is not None:
                yield from _unknown_slogan_name(norm, start if group == "after" else None, stop, rank)


def _unknown_slogan_name(norm: str, start: int | None, stop: int, rank: str) -> Iterator[PlaceName]:
    """The slogan's bare name that the table knows nowhere, with the report's own rank. Before 法治建设 (书写鹭汀法治建设)
    the name starts where the verbs before it end, as a name before a suffix does."""
    table = divisions()
    if start is None:
        run_start = run_before(norm, stop, 0)
        words, _ = words_before(norm[run_start:stop], town=True)
        # A name the dictionary does not know falls apart into single characters (书写|鹭|汀): those are the name.
        single = 0
        while single < len(words) and len(words[-1 - single]) == 1:
            single += 1
        stem = "".join(words[-single:]) if single >= 2 else segmented_stem(words)
        # The name is the object of the verb before it (书写, 打造): a clause that opens with the characters before
        # 法治建设 (，筑牢法治建设思想) has them for its verb, which the dictionary may not know.
        if stem is None or stop - len(stem) <= run_start:
            return
        start = stop - len(stem)
    stem = norm[start:stop]
    if not 2 <= len(stem) <= 3 or not bare_name(stem):
        return
    if any(table.is_county(stem + suffix) for suffix in COUNTY_SUFFIXES) \
            or any(table.is_township(stem + suffix) for suffix in TOWN_SUFFIXES):
        return
    yield PlaceName(start, stop, stem + rank, rank, confirmed=False)


# A street office named short, by its street (鹤龙街 for 鹤龙街道), as offices of some cities name themselves: a name
# of two to four characters that opens a clause (after punctuation, a space or a line's start) before 街 not followed
# by 道.
_SHORT_STREET_RE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}?)街(?!道)")


def short_street_offices(norm: str, end: int, county: str | None = None, rank: str | None = None) -> Iterator[PlaceName]:
    """Street offices that norm[:end] names only by the short form 某某街, as the table's 某某街道 (in `county` when
    it is given). A short form the table does not know gives nothing, 某某街 alone being a street, unless the report
    calls its own office 街道 or 街 (`rank`) and the short form is a bare name (鹭汀, not 步行 or 商业)."""
    table = divisions()
    for match in _SHORT_STREET_RE.finditer(norm, 0, end):
        name = match.group(1) + "街道"
        if table.is_township(name) and (county is None or table.holds(county, name)):
            yield PlaceName(match.start(1), match.end(), name, "街道", confirmed=True)
        elif rank == "街道" and bare_name(match.group(1)) and not table.is_township(name):
            yield PlaceName(match.start(1), match.end(), name, "街道", confirmed=False)


# A title that opens with the township's bare name before its year or subject (红埠2024年法治政府建设报告, 红埠法治政府
# 建设工作报告): two to four characters at the title's start, after a page's 标题： label if any, then a year, 年度, 关于
# or 法治.
_TITLE_NAME_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,4}\s*[:：]\s*)?([\u4e00-\u9fff]{2,4}?)"
                            r"(?=(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}|年度|关于|法治)")
_RANK_ENDS = set("街镇乡县市区旗")


def title_townships(norm: str, titles: Iterable[tuple[int, int]], county: str | None = None,
                    rank: str | None = None) -> Iterator[PlaceName]:
    """The township the title lines (`titles`, spans of norm) name by a bare name at their start, with the suffix the
    table knows for it (in `county` when given) or, for a name the table knows nowhere, the rank the report calls
    itself by (`rank`, 我镇)."""
    table = divisions()
    for title in titles:
        match = _TITLE_NAME_RE.match(norm, *title)
        # A stem ending in a rank (蓼汀街, 某某县) is a name written short or a county, read by the rules for those.
        if match is None or match.group(1)[-1] in _RANK_ENDS or not bare_name(match.group(1)):
            continue
        stem = match.group(1)
        if any(table.is_county(stem + suffix) for suffix in COUNTY_SUFFIXES):
            continue
        names = [stem + suffix for suffix in TOWN_SUFFIXES
                 if table.is_township(stem + suffix) and (county is None or table.holds(county, stem + suffix))]
        if len(names) == 1:
            yield PlaceName(match.start(1), match.end(1), names[0], names[0][len(stem):], confirmed=True)
        elif not names and rank is not None and not any(table.is_township(stem + suffix) for suffix in TOWN_SUFFIXES):
            yield PlaceName(match.start(1), match.end(1), stem + rank, rank, confirmed=False)

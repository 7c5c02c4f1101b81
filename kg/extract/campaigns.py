"""Campaigns: commemorative days, branded programmes and models, and local activities the text names by title.

Four sources, in order of trust: the days lexicon (with the date the text writes, 4·15 / “4.15” /
4月15日, folded into one canonical name), the programme lexicon, title-shaped phrases (法律进社区,
…化解月活动, …百日攻坚活动, …大讲堂活动), and quoted strings that the text presents as an activity,
method or model. A mention overlapping an earlier-trusted one is the same mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, partial

from kg.text import lexicon
from kg.text.lexicon import either
from kg.extract.quotes import quoted_campaigns
from kg.extract.titles import fa_joins_next, titles
from kg.model import Campaign, Section, Source
from kg.model import evidence
from kg.text import compact
from kg.text.script import to_simplified
from kg.text.numerals import parse_chinese
from kg.text.spans import Spans

DATE_WINDOW = 10  # characters before a day's label searched for the date or month written with it
TITLE_WINDOW = 20  # characters before a title shape searched for the verb or punctuation that opens the title
# The date or month written before a day's label: 12·4, “12.4”, 12月4日, 三月, 5月份.
_DATE_BEFORE = re.compile(
    r"""(?:
        (?P<m>1[0-2]|0?[1-9])\s*[·.]\s*(?P<d>3[01]|[12]\d|0?[1-9])        # 12·4, 12.4
      | (?P<m2>1[0-2]|[1-9])月(?P<d2>[1-3]?\d)日                        # 12月4日
      | (?P<m3>十[一二]?|[一二三四五六七八九]|1[0-2]|[1-9])月份?           # 三月, 5月份
    )\s*"?\s*$""",
    re.VERBOSE,
)
# A date standing alone as a day's name: quoted (“4.15”), or with the middle dot that no decimal uses.
_BARE_DATE = re.compile(
    r"""
    (?=["1-9])                                                          # how both start: other places pass at once
    (?:
        "\s*(1[0-2]|[1-9])\s*[·.]\s*(3[01]|[12]\d|[1-9])\s*"                 # “4.15”
      | (?<![\d.·])(1[0-2]|[1-9])·(3[01]|[12]\d|[1-9])(?![\d.·])            # 4·15
    )
    """,
    re.VERBOSE,
)
# “法律五进” enumerates its own 进机关、进乡村…: those parts are not campaigns of their own.
_N_INTO = re.compile(r"[三四五六七八九]进")
_CLAUSE_END = re.compile(r"[。；;\n]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff（）()]+$")
_STOP_IN_TITLE = re.compile(r"[等的和及]")


_words = partial(lexicon.words, "campaign_words")  # the words of one use, in file order


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The rules' regexes, built once from ontology/lexicons/campaign_words.tsv."""
    return {
        # 法律进社区, 送法进企业, 民法典进农家: the “X进Y” family of publicity drives.
        "into": re.compile(either(_words("into_subject")) + "进" + "(?:" + either(_words("into_place"))
                           + "|" + either(_words("into_place_presented")) + "(?=活动|行动|专项行动))"),
        # 法律进乡村、进社区、进企业: one drive carried to the places listed after its first, each with its own 进.
        "more_places": re.compile("(?:、进" + either(_words("into_place")) + ")+"),
        # Unquoted activity titles: the shapes a report gives a named drive.
        "title_shaped": re.compile(either(_words("title_shape"))),
        "title_verb": re.compile("(" + either(_words("title_verb")) + ")"),
    }


@cache
def _glued_left() -> dict[str, str]:
    """Campaign name → characters that, just before it, make it part of another word (上述法律 is not 述法)."""
    return {row["name"]: row.get("glued_left", "") for row in lexicon.table("campaigns") if row.get("glued_left")}


@cache
def _longer_words() -> frozenset[str]:
    return frozenset(_words("longer_word"))


def _inside_longer_word(norm: str, end: int) -> bool:
    """法治宣传月历: the name's last character and the one after it make a word of their own, so no name ends here."""
    return norm[end - 1 : end + 1] in _longer_words()


def _month(value: str | None) -> int:
    if not value:
        return 0
    return int(value) if value.isdigit() else parse_chinese(value) or 0


def _day_mentions(source: Source) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical name, category) of every day, week and month the text names."""
    norm = source.norm
    by_date = {(d.month, d.day): d for d in lexicon.days() if d.month and d.day}
    out = []
    for hit in lexicon.day_matcher().find(source.text, norm):
        if _inside_longer_word(norm, hit.end):
            continue
        day = hit.term
        start = hit.start
        before = _DATE_BEFORE.search(norm, max(0, start - DATE_WINDOW), start)
        if before:
            month = _month(before.group("m") or before.group("m2") or before.group("m3"))
            date = before.group("d") or before.group("d2")
            same_day = date and (month, int(date)) == (day.month, day.day)
            same_month = not date and day.month in (0, month) and not day.day
            if same_day or same_month:
                start = before.start()
        out.append((start, hit.end, day.name, "day"))
    taken = Spans((s, e) for s, e, *_ in out)
    for match in _BARE_DATE.finditer(norm):
        month, date = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        day = by_date.get((int(month), int(date)))
        if day and not taken.overlaps(match.start(), match.end()):
            out.append((match.start(), match.end(), day.name, "day"))
    return out


def _lexicon_mentions(source: Source) -> list[tuple[int, int, str, str]]:
    out = []
    for hit in lexicon.campaign_matcher().find(source.text, source.norm):
        name = hit.term.name
        # 普法律师 reads 法律; but 述法制度 is 述法 and its 制度.
        if fa_joins_next(source.norm, hit.end) or _inside_longer_word(source.norm, hit.end):
            continue
        if hit.start and source.text[hit.start - 1] in _glued_left().get(name, ""):
            continue
        out.append((hit.start, hit.end, name, hit.term.kind or "programme"))
    return out


def _into_mentions(source: Source) -> list[tuple[int, int, str, str]]:
    out = []
    text = source.norm  # matched in the simplified form; the name keeps the text's own characters
    # Where each clause begins and where each “五进” ends, found once: a per-match search of the text before
    # it would make a long text quadratic.
    clause_starts = [m.end() for m in _CLAUSE_END.finditer(text)]
    n_into_ends = [m.end() for m in _N_INTO.finditer(text)]
    for match in _patterns()["into"].finditer(text):
        before = bisect_right(clause_starts, match.start())
        clause = clause_starts[before - 1] if before else 0
        first_n_into = bisect_left(n_into_ends, clause + 2)
        if first_n_into < len(n_into_ends) and n_into_ends[first_n_into] <= match.start():
            continue
        more = _patterns()["more_places"].match(text, match.end())
        end = more.end() if more else match.end()
        out.append((match.start(), end, source.text[match.start() : end], "local"))
    return out


def _title_shaped(source: Source) -> list[tuple[int, int, str, str]]:
    """“开展了法治宣传月活动、禁毒百日攻坚活动”: the run before the shape, back to a verb or a comma."""
    out = []
    text = source.norm  # matched in the simplified form; the name keeps the text's own characters
    for match in _patterns()["title_shaped"].finditer(text):
        run = _CJK_RUN.search(text, max(0, match.start() - TITLE_WINDOW), match.start())
        if not run:
            continue
        start = run.start()
        verbs = list(_patterns()["title_verb"].finditer(text, start, match.start()))
        if verbs:
            start = verbs[-1].end()
        elif run.start() == max(0, match.start() - TITLE_WINDOW):
            continue  # no verb and no punctuation in sight: not a title we can delimit
        name = source.text[start : match.end()]
        stem = text[start : match.start()]
        if len(stem) < 2 or _STOP_IN_TITLE.search(stem):
            continue
        out.append((start, match.end(), name, "local"))
    return out


def mentions(source: Source) -> list[Campaign]:
    """Every campaign mention in reading order, repeats included (laws use them to skip 宪法宣传周)."""
    blocked = [(t.start, t.end) for t in titles(source.text)]
    taken = Spans(blocked)  # what a new mention must not overlap: titles and the mentions chosen so far
    chosen: list[tuple[int, int, str, str]] = []
    for finder in (_day_mentions, _lexicon_mentions, _into_mentions, _title_shaped):
        for start, end, name, category in finder(source):
            if not taken.overlaps(start, end):
                chosen.append((start, end, name, category))
                taken.add(start, end)
    found = [(s, e, name) for s, e, name, _ in chosen]
    # Quotes are read on the simplified text (not `norm`, which straightens “”): same offsets, simplified words.
    matched = to_simplified(source.text) if ("script", "traditional") in source.metadata else source.text
    for start, end, name in quoted_campaigns(matched, blocked, found, shown=source.text):
        chosen.append((start, end, name, "local"))
    chosen.sort()
    return [
        Campaign(name=name, surface=_surface(source.text, start, end), evidence=evidence(source.path, source.text, start, end), category=category)
        for start, end, name, category in chosen
    ]


def _surface(text: str, start: int, end: int) -> str:
    """The text's own form, its quotes kept balanced: “12·4”国家宪法日, not 12·4”国家宪法日."""
    surface = text[start:end].strip()
    if surface.count("”") > surface.count("“") and text[start - 1 : start] == "“":
        surface = "“" + surface
    if surface.count("“") > surface.count("”") and text[end : end + 1] == "”":
        surface += "”"
    if surface.startswith("“") and surface.endswith("”") and surface.count("“") == 1:
        surface = surface[1:-1]
    return surface


def extract(source: Source, sections: tuple[Section, ...] = (),
            mentioned: list[Campaign] | None = None) -> tuple[Campaign, ...]:
    """One record per campaign node (canonical name), with the evidence of its first mention.

    `mentioned` is mentions(source), when the caller has already read it for the laws.
    """
    found: dict[str, Campaign] = {}
    for campaign in mentions(source) if mentioned is None else mentioned:
        found.setdefault(compact(campaign.name), campaign)
    return tuple(found.values())

"""What the shape around a figure says: whether it counts anything, and on which side the counted thing stands.

A number with a unit is a count only when what follows it is counted and the clause states it. Some numbers are
ordinals or parts of a name (十三届四次全会: the fourth session; 24小时自助服务区: the service's hours), and some
counts stand in clauses run together without punctuation (召开党委会议5次研究部署…). Each check here runs on one
figure already found, reads a few characters around it, and costs nothing on a figure it does not concern.
"""

from __future__ import annotations

import re
from functools import cache, partial

from kg.extract.person_lexicon import surname_at
from kg.text import lexicon
from kg.text.lexicon import either
from kg.text.numerals import Quantity, approx_before, find_quantities, unit_kinds

_words = partial(lexicon.words, "metric_words")

_NUMERAL = r"[零〇一二两三四五六七八九十\d]+"
# 十三届四次、五次全会: sibling ordinals joined by 、 or 和 share the 届 before the first and the 全会 after the last.
_SIBLINGS_BEFORE = re.compile(rf"(?:{_NUMERAL}次[、和])+$")
_SIBLINGS_AFTER = re.compile(rf"(?:[、和]{_NUMERAL}次)*")
# 县委十三届四次, 十四届人大二次: 届 just before the ordinal, or before a short name of the body that sits.
_TERM_BEFORE = re.compile(r"届[\u4e00-\u9fff]{0,3}$")
SIBLING_WINDOW = 16  # characters before a figure searched for the sibling ordinals ahead of it
NEXT_FIGURE_WINDOW = 12  # characters read for the figure that a phrase runs into


def session_ordinal(norm: str, quantity: Quantity) -> bool:
    """十三届四次全会, 四次、五次全会, 十四届人大二次会议: N次 numbers a session of a sitting body; it counts nothing.

    全会 is always numbered, so N次全会 is an ordinal by itself; 会议 only when 届 stands before it (召开3次会议 counts).
    """
    if quantity.unit != "次":
        return False
    siblings = _SIBLINGS_AFTER.match(norm, quantity.end)
    after = siblings.end() if siblings else quantity.end
    session = next((word for word in _words("session_after") if norm.startswith(word, after)), "")
    if not session:
        return False
    if session == "全会":
        return True
    head = quantity.start
    chain = _SIBLINGS_BEFORE.search(norm, max(0, head - SIBLING_WINDOW), head)
    if chain:
        head = chain.start()
    return bool(_TERM_BEFORE.search(norm, max(0, head - 4), head))


@cache
def _name_suffixes() -> tuple[str, ...]:
    return lexicon.longest_first(_words("name_suffix"))


ROUND_THE_CLOCK = 24  # hours: 24小时 written before what it qualifies (24小时值班, 7×24小时在线) says "at any hour"


def names_hours(norm: str, quantity: Quantity, phrase_end: int) -> bool:
    """24小时自助服务区, 24小时值班: a duration right before a service names its hours; it is no time spent."""
    if unit_kinds().get(quantity.unit) != "time" or phrase_end <= quantity.end:
        return False
    if quantity.unit == "小时" and quantity.value == ROUND_THE_CLOCK and not quantity.approx:
        return True
    return norm[quantity.end : phrase_end].endswith(_name_suffixes())


# 得分96.5分（满分100分）: a bracket holding a figure of the unit just written before it gives the scale.
_BRACKET_LEAD = re.compile(r"\(([\u4e00-\u9fff]{0,3})$")
# 在全区14个街道中排名第2位, 在全县12个乡镇中率先…: the field a ranking is made in, not the township's own fact.
_RANKED_AMONG = re.compile(r"[\u4e00-\u9fff()]{0,10}?中(?:排名|位列|名列|排|居|率先|第)")


def scale_or_field(norm: str, quantity: Quantity) -> bool:
    """True for the scale of a score just given (（满分100分）) or the field of a ranking (全区14个街道中排名第2)."""
    lead = _BRACKET_LEAD.search(norm, max(0, quantity.start - 4), quantity.start)
    # 1件（维持1件）: a part of the count before it, in brackets, is a fact of its own; only a scale's word makes a scale
    if (lead and lead.group(1) in _words("scale_lead") and norm[: lead.start()].endswith(quantity.unit)
            and norm.startswith(")", quantity.end)):
        return True
    return bool(_RANKED_AMONG.match(norm, quantity.end))


# 1.2万名60岁以上老人: an age before the noun qualifies it; the counted noun runs on after it.
_AGE = re.compile(r"\d{1,3}周?岁(?:及?以上|以下)?")


def qualifier_end(norm: str, pos: int) -> int:
    """Where the noun starts after an age that qualifies it (60岁以上老人 → 老人); `pos` when there is none."""
    age = _AGE.match(norm, pos)
    return age.end() if age else pos


# 培训3批次、共86人次: a list mark and a word of summing between two counts join two counts of one thing.
_SAME_THING_GAP = re.compile(r"[、,]?(?:共|共计|合计|累计)")


def joins_same_thing(gap: str) -> bool:
    return bool(_SAME_THING_GAP.fullmatch(gap))


def runs_into_next_figure(norm: str, phrase_end: int) -> bool:
    """发放宣传手册600余册律师进村讲座3次: the words after a unit lead straight into the next figure, so they are its own."""
    if phrase_end >= len(norm):
        return False
    window = norm[phrase_end : phrase_end + NEXT_FIGURE_WINDOW]
    first = next(find_quantities(window), None)
    return first is not None and first.start == 0


@cache
def _event_nouns() -> tuple[str, ...]:
    return lexicon.longest_first(_words("event_noun"))


def per_unit(before: str) -> bool:
    """每人联系2至3个村: a clause that opens per person or per place counts what follows the number, however short."""
    return "每" in before


def counts_event_before(before: str, unit: str) -> bool:
    """召开党委会议5次研究部署…: 次 after an event (会议, 讲座) counts that event; the words after are the next clause.

    The event may be followed by its topic (召开党委会议专题研究法治工作4次) when the clause opens by holding it.
    """
    if unit not in _words("event_unit"):
        return False
    if before.endswith(_event_nouns()):
        return True
    return before.startswith(_hold_verbs()) and any(noun in before for noun in _event_nouns())


@cache
def _hold_verbs() -> tuple[str, ...]:
    return _words("hold_verb")


def _bounded_noun(norm: str, quantity: Quantity, clause_end: int, linked: bool = False) -> tuple[int, int, bool] | None:
    """不少于3人的调解员: (start, end) of what follows 的 after a bounded count, and whether a later figure stands in it.

    `linked`: only a preposition stands before the count (为3-5人的调解小组), which leads to the noun as a bound does.
    """
    if not norm.startswith("的", quantity.end):
        return None
    bounds = _words("bound_before")
    # 超过 may be read as the figure's own mark of approximation, so it may stand inside the quantity
    if not linked and not norm.endswith(bounds, 0, quantity.start) and not (quantity.approx and norm.startswith(bounds, quantity.start)):
        return None
    start = quantity.end + 1
    if clause_end <= start:
        return None
    return start, clause_end, any(ch.isdigit() for ch in norm[start:clause_end])


def counted_after_bound(norm: str, quantity: Quantity, clause_end: int, linked: bool = False) -> tuple[int, int] | None:
    """配齐不少于3人的调解员: a bound, a count, then 的 and a noun that closes the clause: the span of that noun."""
    noun = _bounded_noun(norm, quantity, clause_end, linked)
    return None if noun is None or noun[2] else noun[:2]


def bound_qualifies_later_figure(norm: str, quantity: Quantity, clause_end: int) -> bool:
    """标的不少于5万元的纠纷9件: the bound says which things the later figure counts; it states no fact of its own."""
    noun = _bounded_noun(norm, quantity, clause_end)
    return noun is not None and noun[2]


def figure_later_in_clause(norm: str, pos: int, clause_end: int) -> bool:
    """True when another figure with a unit stands between `pos` and the clause's end (…以上的纠纷7件)."""
    return next(find_quantities(norm[pos:clause_end]), None) is not None


HOUSEHOLD_WINDOW = 8  # characters before 一家 searched for the person whose household it is
HOUSEHOLD_UNIT = "家"  # the caller asks about households only for this unit: the check costs nothing elsewhere
# 浦家村宋某某一家, 村民刘某一家: a name of two or three characters right after where the person lives or who they are
_RESIDENT = r"(?:村|组|社区|村民|居民|群众|农户|户主)(?P<name>[\u4e00-\u9fff]{2,3})"
_RESIDENT_NAME = re.compile(_RESIDENT + "$")
_RESIDENT_HOUSEHOLD = re.compile(_RESIDENT + "一家")


def household(norm: str, quantity: Quantity, names: tuple[str, ...]) -> bool:
    """张某一家, 镇长陈某某一家带头…, 浦家村宋某某一家: 一家 right after a person is that person's household, not one
    of anything. The person is a name read in the report, a 某 name, or a surname after a village or 村民."""
    if quantity.unit != HOUSEHOLD_UNIT or quantity.value != 1 or norm[quantity.start] != "一":
        return False
    before = norm[max(0, quantity.start - HOUSEHOLD_WINDOW) : quantity.start]
    if before.endswith("某") or before.endswith(names):
        return True
    resident = _RESIDENT_NAME.search(before)
    return resident is not None and surname_at(resident.group("name"), 0) is not None


def households_end(indicator: str) -> int:
    """Where the last household named by its head (浦家村宋某某一家) ends in an indicator, or -1: like a person's name,
    it is never what was counted."""
    end = -1
    if "一家" not in indicator:
        return end  # nearly every indicator: no household to look for
    for match in _RESIDENT_HOUSEHOLD.finditer(indicator):
        if surname_at(match.group("name"), 0) is not None:
            end = match.end()
    return end


SENTENCE_MARKS = "。;!?\n"  # the ends of a sentence in the normal form
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}]")
_CLAUSE_MARKS = set(",。;:!?\n()[]、")  # in the normal form: one of these between a count and a bound parts them


@cache
def _threshold_words() -> tuple[str, ...]:
    return lexicon.longest_first(_words("threshold"))


def _ends_with_threshold(norm: str, pos: int) -> bool:
    return norm.endswith(_threshold_words(), 0, pos)


def threshold_of_count_before(norm: str, quantity: Quantity, previous_end: int | None) -> bool:
    """有4个村全年到村服务不足6次: a bound right before a figure whose clause already holds a count says which of the
    counted things are meant; the figure states nothing of its own."""
    if previous_end is None or previous_end >= quantity.start:
        return False
    bound = quantity.start
    if not _ends_with_threshold(norm, bound):
        # 超过 may be read as the figure's own mark of approximation, inside the quantity (asked only then)
        if not quantity.approx or not norm.startswith(_threshold_words(), bound):
            return False
        bound += len(next(word for word in _threshold_words() if norm.startswith(word, bound)))
    gap = norm[previous_end:bound]
    return bool(gap) and not any(ch in _CLAUSE_MARKS for ch in gap)


def threshold_follows(norm: str, phrase_end: int) -> bool:
    """村调委会调解纠纷不足|10件: the words after a count end in a bound, so the figure they run into is a threshold."""
    return _ends_with_threshold(norm, phrase_end)


def event_after_verb(before: str, after: str, unit: str) -> bool:
    """召开3次会议, 开展2次培训: 次/场/期 between a verb and the event it holds count that event, not the verb."""
    return bool(after) and unit in _words("event_unit") and before.endswith(_event_verbs())


@cache
def _event_verbs() -> tuple[str, ...]:
    return lexicon.longest_first(_words("event_verb"))


def states_an_age(norm: str, quantity: Quantity) -> bool:
    """平均年龄58岁, 年龄均为45岁, 平均年龄超过50岁: an age the text states as a fact of the people before it, not one
    that picks them out."""
    return bool(_age_stated().search(norm, max(0, quantity.start - AGE_WINDOW), quantity.start))


AGE_WINDOW = 10  # characters before an age searched for the word that states it (平均年龄均超过: eight)


@cache
def _age_stated() -> re.Pattern:
    # the mark of an approximate figure (超过, 近) may stand between the stating word and the age
    return re.compile(rf"(?:平均年龄|年龄|均龄)(?:均|平均)?(?:为|是|达|在)?(?:{either(approx_before())})?$")


def alone_under_mark(norm: str, quantity: Quantity) -> bool:
    """一、98.6% or （二）5件 on a line of its own: a heading that repeats a figure; its mark names nothing counted."""
    if not _HEADING_MARK.search(norm, max(0, quantity.start - 8), quantity.start):
        return False  # asked first: a few characters before the figure say no for nearly every one
    end = quantity.end
    while end < len(norm) and norm[end] in " \t":
        end += 1
    return end == len(norm) or norm[end] == "\n"


_CHINESE_DIGITS = "一二三四五六七八九十"
MAX_LISTED = len(_CHINESE_DIGITS)  # items a lead counts; a longer list is numbered, not announced by a count
LISTED_NOUN = 8  # characters of the noun between a lead's count and its colon (三个方面：)
LISTED_WINDOW = 1500  # characters after the lead searched for the mark of its last item
# a heading that is only its own mark and a count: 三、三个没想到, （二）两张清单
_HEADING_MARK = re.compile(r"(?:^|\n)[ \t]*(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、])[ \t]*$")
# 问题主要有三个：, 主要表现为三个方面：: a lead says how many there are; 评选表彰…5名： reports what was done
_LISTING_BEFORE = ("有", "为", "是", "在")
# 三个"不够"：: a quoted word may be the noun that the items fill
_LEAD_TAIL = re.compile(rf"[\u4e00-\u9fff\"]{{0,{LISTED_NOUN}}}(?P<end>[:\n])")


@cache
def _listing_nouns() -> tuple[str, ...]:
    return lexicon.longest_first(_words("listing_noun"))


def _names_listed_parts(norm: str, quantity: Quantity) -> bool:
    """主要做了四件事：, 用三个关键词概括：, 三个"不够"：: the noun after the count names parts of what follows, not a thing
    done; a quoted word there is the pattern its items share."""
    return (norm.startswith('"', quantity.end) or norm.startswith(_listing_nouns(), quantity.end)
            or quantity.unit in _listing_nouns())


def _item_marks(n: int) -> tuple[str, ...]:
    """The ways a report numbers its n-th item: 三是, 其三, 第三, (三), 三、, 3., 3、."""
    digit = _CHINESE_DIGITS[n - 1]
    return (f"{digit}是", f"其{digit}", f"第{digit}", f"({digit})", f"{digit}、", f"{n}.", f"{n}、")


def counts_items_after(norm: str, quantity: Quantity) -> bool:
    """存在的问题主要有三个：一是…, 三、三个没想到 over （一）…（三）: a count of the items that follow is no fact.

    The count leads a colon or is a heading of its own, its first item's mark follows at once, and its last
    item's mark follows within reach."""
    n = quantity.value
    if not 2 <= n <= MAX_LISTED or n != int(n) or quantity.approx:
        return False
    tail = _LEAD_TAIL.match(norm, quantity.end)
    if tail is None:
        return _parts_named_after(norm, quantity, int(n))
    if tail.group("end") == "\n":
        if not _HEADING_MARK.search(norm, max(0, quantity.start - 8), quantity.start):
            return False  # a line that ends on a count is a heading only when a mark alone stands before it
    elif not (norm.endswith(_LISTING_BEFORE, 0, quantity.start) or _names_listed_parts(norm, quantity)):
        return False
    first = tail.end()
    while first < len(norm) and norm[first] in " \t\n*":
        first += 1
    if not norm.startswith(_item_marks(1), first):
        return _parts_named_after(norm, quantity, int(n))
    window = norm[first : first + LISTED_WINDOW]
    return any(mark in window for mark in _item_marks(int(n)))


_QUOTED = re.compile(r'"([^"\n]{1,8})":')
_PARAGRAPH_SENTENCE_END = re.compile(r"[。!?\n]")  # ; parts the clauses of one sentence here


def _parts_named_after(norm: str, quantity: Quantity, n: int) -> bool:
    """用三个关键词报告… over 关键词一：…关键词三：, 三个"不够"：学法不够…;用法不够…;执法不够…: the noun after the count
    numbers the parts that follow (noun and ordinal), or the quoted word recurs in each of the clauses after the colon."""
    quoted = _QUOTED.match(norm, quantity.end) if norm.startswith('"', quantity.end) else None
    if quoted:
        sentence = _PARAGRAPH_SENTENCE_END.search(norm, quoted.end())
        parts = norm[quoted.end() : sentence.start() if sentence else len(norm)].split(";")
        return len(parts) == n and all(quoted.group(1) in part for part in parts)
    noun = next((word for word in _listing_nouns() if norm.startswith(word, quantity.end)), "")
    if len(noun) < 2:
        return False  # 事, 点: too common to be searched for numbered after the count
    window = norm[quantity.end : quantity.end + LISTED_WINDOW]
    digits = _CHINESE_DIGITS
    return f"{noun}{digits[0]}" in window and f"{noun}{digits[n - 1]}" in window and f"{noun}{digits[n]}" not in window


def refers_to_named(norm: str, quantity: Quantity, names: tuple[str, ...]) -> bool:
    """马…、努尔兰…坚持…。两人全年主持学法5次: people counted in words opening a sentence, as many as the sentence
    before names, are those persons spoken of again (the two), no count of people."""
    start = quantity.number.start
    if not quantity.number.chinese or quantity.unit not in _REFERRING_UNITS or (start and norm[start - 1] not in SENTENCE_MARKS):
        return False
    opening = max(norm.rfind(mark, max(0, start - REFERENCE_WINDOW), start - 1) for mark in SENTENCE_MARKS) + 1
    named = sum(1 for name in names if name in norm[opening:start])
    return named == quantity.value


_REFERRING_UNITS = ("人", "位")
REFERENCE_WINDOW = 200  # characters back searched for the sentence that names the persons


EACH = "各"  # 宪法、民法典宣讲各3场: one figure for each thing listed before 各


def each_listed(norm: str, quantity: Quantity, floor: int = 0) -> int:
    """How many things 各 before the figure gives it to: the parts of the list that opens its clause (A、B、C…各2场次
    gives three figures), 0 when 各 is not there or the clause lists nothing."""
    start = quantity.number.start
    if norm[start - 1 : start] != EACH:
        return 0
    clause = norm[clause_start(norm, start - 1, floor) : start - 1]
    # only 、 parts a list here: 和 and 及 also stand inside words (和谐, 及时)
    parts = clause.count("、") + 1
    return parts if parts > 1 else 0


# A clause ends at these (in the normal form: full-width punctuation is already half-width).
BOUNDARY = frozenset(",。;:!?\n()[]")
CJK = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a character of a word (Han or Latin)


def clause_start(norm: str, pos: int, floor: int = 0) -> int:
    """Where the clause holding `pos` starts: back to the last clause boundary, never before `floor`."""
    start = pos
    while start > floor and norm[start - 1] not in BOUNDARY:
        start -= 1
    return start


def clause_end(norm: str, pos: int) -> int:
    end = pos
    while end < len(norm) and norm[end] not in BOUNDARY:
        end += 1
    return end


@cache
def clause_lead() -> re.Pattern:
    """What opens a clause before the words that name a count: an item number, a date, a scope (截至目前, 全年)."""
    return re.compile(
        rf"""(?:
            [一二三四五六七八九十]+[是要]              # 一是, 二要: an inline enumeration
          | \(?[一二三四五六七八九十\d]+\)            # (一), 1): a bracketed item number
          | \d+[.、]                                   # 1. 2、: an item number
          | {either(_words("lead"))}                   # scope and time: 截至目前, 全年, 我镇…
          | \d{{4}}\s*[-至到~]\s*\d{{4}}年度?               # 2022-2023年度: a span of years
          | \d{{4}}年度? | \d{{1,2}}月份? | \d{{1,2}}日   # a date
        )""",
        re.VERBOSE,
    )

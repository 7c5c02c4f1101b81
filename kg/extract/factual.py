"""Whether a figure states a fact: the checks that leave out numbers that order, name or glue into a word, that
frame or aim at work, that count a page's own visits or the items listed after them.

A figure found with a unit is a metric only when none of these says otherwise; each check reads a few characters
around the figure, and the cheap ones come first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial

from kg.extract import counted as shape
from kg.text import lexicon
from kg.text.lexicon import either
from kg.text.numerals import Quantity, glued_after, unit_kinds

SLOGAN_QUOTE = 12  # characters on each side of a number searched for the “…” of a slogan (“最多跑一次”)
_CJK = shape.CJK
# A saved page's own counters (浏览：5072次, 点击数：36) count what the page did, not the township; the colon of a
# field tells them from a report's own 累计阅读量3.2万次.
_PAGE_COUNTER = re.compile(r"(?:浏览|点击|阅读|访问)(?:次数|人次|量|数)?\s*[:：]\s*$")

_words = partial(lexicon.words, "metric_words")


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The checks' regexes, built once from ontology/lexicons/metric_words.tsv."""
    return {
        "framing": re.compile(either(_words("framing"))),
        # "721"工作法,即70%的问题…: a quoted label, a few words, a comma, then the words that say what it means
        "definition": re.compile(rf'"[^"\n]{{1,16}}"[^,。;\n"]{{0,8}},{either(_words("define"))}'),
        "attain": re.compile(either(_words("attain"))),
        # a plan's time at the start of a sentence (after its end, spaces or a bold mark)
        "plan_lead": re.compile(rf"(?:^|(?<=[。;!?\n]))[ \t*]*(?:{either(_words('plan_lead'))})", re.M),
        # 为确保工作落实召开会议3次: an aim after 为 gives the purpose of what was done, which is a fact
        "aim": re.compile(r"(?<!为)(?<!为了)" + either(_words("aim"))),
        # 确保每人一证, 保证每村两名: the aim word, then only 每 and who gets the share (每月, 每季度 set a rhythm)
        "per_head": re.compile(either(_words("guarantee")) + r"每[^\W\d_年季月周日天次][\u4e00-\u9fff]?$"),
    }


def no_fact(text: str, norm: str, quantity: Quantity, phrase_end: Callable[[int, str], int]) -> bool:
    """True when the figure states no fact; `phrase_end(pos, unit)` ends the noun phrase after a unit."""
    return (_not_a_count(text, norm, quantity, phrase_end) or _framing(norm, quantity) or _aimed(norm, quantity)
            or _page_counter(norm, quantity.start) or shape.counts_items_after(norm, quantity)
            or _heading_theme(norm, quantity) or shape.alone_under_mark(norm, quantity))


@cache
def numbered_terms() -> tuple[str, ...]:
    return lexicon.words("numbered_terms")


@cache
def _any_numbered_term() -> tuple[re.Pattern, int]:
    """A pattern of every numbered term, and the longest one's length: a figure with no term within that reach
    on either side needs no search term by term."""
    return re.compile(either(numbered_terms())), max(map(len, numbered_terms()), default=0)


# 的, 是 and 为 (作为, 成为) before 一 plus a classifier make it an article: what follows is described, not counted.
_ARTICLE_BEFORE = "的是为"
# 新一轮, 新一届: 新 before 一 plus a classifier names the next of a series, whatever follows; nothing is counted.
_SERIES_BEFORE = "新"
# 一人多岗, 一户多宅, 一岗双责: 一 with a person or household and then 多 or 双 is a formula, not one person.
_FORMULA_SUBJECTS = ("人", "户", "岗")
_FORMULA_AFTER = "多双"


def _not_a_count(text: str, norm: str, quantity: Quantity, phrase_end: Callable[[int, str], int]) -> bool:
    """True when the number orders, names or glues into a word rather than counting."""
    number, start, end = quantity.number, quantity.start, quantity.end
    if start > 0 and norm[start - 1] in "第每":
        return True
    if unit_kinds().get(quantity.unit) == "age" and not shape.states_an_age(norm, quantity):
        return True  # 60岁以上老人, 年满18岁: an age that says who is meant; only 平均年龄58岁 states one
    if shape.session_ordinal(norm, quantity) or shape.scale_or_field(norm, quantity) or (
            unit_kinds().get(quantity.unit) == "time" and shape.names_hours(norm, quantity, phrase_end(end, quantity.unit))):
        return True  # 十三届四次全会, 24小时自助服务区: an ordinal, a service's hours
    after = norm[end : end + 1]
    if number.chinese:
        if quantity.unit == "分":
            return True  # 十分重视, 三分离
        if after and after in "零〇一二两三四五六七八九十":
            return True  # formulas: 一户一档, 三支一扶, 五个一
        if number.value == 1 and norm[start - 1 : start] in _ARTICLE_BEFORE and _CJK.match(after):
            return True  # 作为全年的一项重点任务, 是一个难点: 一 read as "a", not a count
        if number.value == 1 and start > 0 and norm[start - 1] in _SERIES_BEFORE:
            return True
        if number.value == 1 and after and after in _FORMULA_AFTER and quantity.unit in _FORMULA_SUBJECTS:
            return True
        if number.value == 1 and after == "是":
            return True  # 一个是…，再一个是…: "one of them is" enumerates, it counts nothing
        any_term, reach = _any_numbered_term()
        if number.value != 0 and any_term.search(norm, max(0, start - reach), end + reach):
            for term in numbered_terms():
                for hit in _occurrences(norm, term, start - len(term), end + len(term)):
                    if hit < end and hit + len(term) > start:
                        return True
    if after and after in glued_after(quantity.unit):
        return True
    if _threshold(norm, end, quantity.unit) or _defines_label(norm, start) or shape.bound_qualifies_later_figure(norm, quantity, shape.clause_end(norm, end)):
        return True
    return _inside(text, start, "《", "》") or _inside_short_quote(text, start, end)


DEFINITION_WINDOW = 80  # characters before a figure searched for the label its sentence defines
_THROUGH_SENTENCE_END = re.compile(r".*[。;!?\n]", re.S)  # greedy: up to the last end of a sentence in a window


def _defines_label(norm: str, start: int) -> bool:
    """推行"721"工作法，即70%的问题用服务手段解决、20%…: figures that say what a quoted method means, in the sentence
    after its 即 and up to the clause's end, are no facts; 即…均达100% after a target reached states them as facts."""
    floor = max(0, start - DEFINITION_WINDOW)
    last_end = _THROUGH_SENTENCE_END.match(norm, floor, start)
    sentence = last_end.end() if last_end else 0
    defined = None
    for defined in _patterns()["definition"].finditer(norm, max(sentence, floor), start):
        pass
    # the meaning runs on through parts joined by 、 up to the clause's end; a comma opens a clause of its own
    return (defined is not None and "," not in norm[defined.end() : start]
            and not _patterns()["attain"].search(norm, defined.end(), start))


_BOUNDS = ("以下", "以内")  # marks of an upper bound; the lower ones (以上, 左右) are the quantity's approximation marks


def _threshold(norm: str, end: int, unit: str = "") -> bool:
    """涉及金额在10万元以上的纠纷7件: a bound that qualifies what is counted next is no fact of its own."""
    marks = (*_words_after(), *_BOUNDS)
    bound = next((mark for mark in marks if norm.startswith(mark, end)), "") if norm.startswith(marks, end) else ""
    closed = norm.endswith(_words_after(), 0, end)  # 以上 may already be inside the quantity: read in place, no copy
    if not (bound or closed) or not norm.startswith("的", end + len(bound)):
        return False
    # 三分之二以上的村建成…: a share with no figure after it in its clause states a fact of its own (5万元以下的纠纷
    # names a kind of case, whatever follows)
    return unit != "%" or shape.figure_later_in_clause(norm, end, shape.clause_end(norm, end))


@cache
def _words_after() -> tuple[str, ...]:
    return lexicon.words("numeral_marks", "after")


def _framing(norm: str, quantity: Quantity) -> bool:
    """True for a count in a clause that frames the work (紧扣…两件大事, 围绕三个重点抓落实): an aim, not a fact."""
    if not _CJK.match(norm[quantity.end : quantity.end + 1]):
        return False  # the counted noun must follow: 围绕重点领域开展检查12次 reports what was done
    left = shape.clause_start(norm, quantity.start)
    clause = norm[left : quantity.start]
    lead = shape.clause_lead().match(clause)
    return bool(_patterns()["framing"].match(clause, lead.end() if lead else 0))


MAX_HEADING = 24  # characters of a heading line; a longer line is a sentence
# a heading's own mark: 三、, （二）, 2., 第一; the normal form writes the brackets half-width
_HEADING_OPENING = re.compile(r"[ \t*#]*(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、]|第[一二三四五六七八九十]+[,、 ]?)")


def _heading_theme(norm: str, quantity: Quantity) -> bool:
    """（二）一张清单管到底, 三、三个没想到: a count written in words in a heading names the part's theme; a heading
    that states a fact writes its figure in digits (（一）全年受理案件32件)."""
    if not quantity.number.chinese:
        return False
    line_start = norm.rfind("\n", max(0, quantity.start - MAX_HEADING), quantity.start) + 1
    if line_start == 0 and quantity.start > MAX_HEADING:
        return False
    line_end = norm.find("\n", quantity.end)
    line_end = len(norm) if line_end < 0 else line_end
    line = norm[line_start:line_end]
    opening = _HEADING_OPENING.match(line)
    if opening is None or line_start + opening.end() > quantity.start:
        return False
    # （一）一张清单。梳理…: a short lead sentence after the mark is the heading, the body follows on its line
    lead_end = next((i for i, ch in enumerate(line) if ch in "。:"), len(line))
    heading = line[:lead_end]
    return (line_start + lead_end >= quantity.end and len(heading) <= MAX_HEADING
            and not any(mark in heading for mark in ",;!?"))


def plan_sentences(norm: str) -> list[tuple[int, int]]:
    """下一步，司法所每月到村一天: the spans of sentences opened by the time of a plan (下一步, 今后, 明年), which state
    what is to be done, outside a plans section as within one; one pass over the text, no look per figure."""
    spans = []
    for lead in _patterns()["plan_lead"].finditer(norm):
        end = shape.SENTENCE_END.search(norm, lead.end())
        spans.append((lead.start(), end.start() if end else len(norm)))
    return spans


AIM_WINDOW = 24  # characters before a figure searched for the word of an aim; a clause that holds one is short


def _aimed(norm: str, quantity: Quantity) -> bool:
    """确保无一起重大事故发生, 力争全年成功率达到98%: a figure in a clause of what is aimed at is a target, not a fact."""
    aim = None
    for aim in _patterns()["aim"].finditer(norm, max(0, quantity.start - AIM_WINDOW), quantity.start):
        pass  # the last in the window: 确保…，力争每村一名 is aimed by the 力争 of its own clause
    # asked in a short window first (no aim near nearly every figure), then within the figure's clause only
    if aim is None or any(ch in shape.BOUNDARY for ch in norm[aim.end() : quantity.start]):
        return False
    # 确保每人一证: a thing per head, right after the aim word, is the share each was given
    return not _patterns()["per_head"].search(norm, aim.start(), quantity.start)


def _occurrences(text: str, term: str, lo: int, hi: int):
    lo = max(lo, 0)
    pos = text.find(term, lo, hi)
    while pos >= 0:
        yield pos
        pos = text.find(term, pos + 1, hi)


# Characters searched either side of a figure for the marks of a title around it: a longer 《…》 is none, and a search
# to the text's ends for every figure would make a long text's figures cost its length squared.
_TITLE_REACH = 200


def _inside(text: str, pos: int, opening: str, closing: str) -> bool:
    floor = max(0, pos - _TITLE_REACH)
    left = text.rfind(opening, floor, pos)
    if left < 0 or text.rfind(closing, floor, pos) > left:
        return False
    right = text.find(closing, pos, pos + _TITLE_REACH)
    return right >= 0 and "\n" not in text[left:right]


def _page_counter(norm: str, start: int) -> bool:
    line_start = norm.rfind("\n", max(0, start - 12), start) + 1
    return bool(_PAGE_COUNTER.search(norm, max(line_start, start - 12), start))


def _inside_short_quote(text: str, start: int, end: int) -> bool:
    """A number within a short “…” is a slogan (“最多跑一次”, “一村一法律顾问”), not a count."""
    left = text.rfind("“", max(0, start - SLOGAN_QUOTE), start)
    if left < 0 or "”" in text[left:start]:
        return False
    right = text.find("”", end, end + SLOGAN_QUOTE)
    return right >= 0 and "“" not in text[end:right]

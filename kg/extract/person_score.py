"""How strongly a span is a person's name: the family name, the given part, and where the span starts and ends.

The rules of persons.py accept a name when what follows it reads as an act. A frame (a label and a colon, a
profession after the name, a post it is appointed to) ties a span to a person however the text goes on; then
the question is only which span is the name. Every span a name can be is scored here, and a frame keeps the
best one when it scores enough.
"""

from __future__ import annotations

import re
from functools import cache

from kg.text import lexicon
from kg.extract.person_lexicon import dictionary as _dictionary, multi_char_acts_re as _act_re, name_parts_re as _name_parts
from kg.extract.person_lexicon import not_in_given, rare_surnames, role_re as _role_re, surname_set

THRESHOLD = 4.0  # a frame's weight plus the name's own score; a word after a title (高度, 全面) scores below it
RARE_SURNAME = -1.0  # a family name that is far more often a word (占): only a slot between two frames reaches the threshold
MAX_WORD = 4  # characters of the longest word looked up across an end of a span
# jieba's counts (全程 361, 单位 17532): a word this frequent, not tagged a name, is no name; a rare one (海东 9) may be.
COMMON_WORD_FREQUENCY = 100
GIVEN_WORD_FREQUENCY = 3000  # jieba's count above which a given part after a surname is a word going on the sentence
NAME_TAG_FREQUENCY = 1000  # the dictionary tags some everyday words as names (顾问 1,697); a given name is rarer (玉兰 229)
MAX_DOTTED_PART = 6  # characters of one part of a name joined by a middle dot (古丽娜尔)
_DOTS = "·•・"
_CONJUNCTIONS = "和与及"  # a transliterated part is written with 合, never with a conjunction: 吐尔逊和… goes on the sentence
# nor with a function word or the verb of appointment: 吐尔洪任组长, 吐尔逊为… go on the sentence after the name
_FUNCTION_CHARACTERS = _CONJUNCTIONS + "的在对为任是等"
# After a name the text may go on with punctuation, a space or a tab (a table's cell), or a bracket.
_CLOSERS = frozenset(",。;:!?、()\"' \t\n")


@cache
def _surnames() -> frozenset[str]:
    """Every family name a frame may read: the common ones and the rare ones (占), which score less."""
    return surname_set() | rare_surnames()


@cache
def _not_in_name() -> frozenset[str]:
    return lexicon.chars("person_words", "not_in_name")


@cache
def _title_ends() -> frozenset[str]:
    return lexicon.chars("person_words", "title_end")


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def common_word(word: str, times_are_names: bool = False) -> bool:
    """A frequent word the dictionary does not tag as a name; a given part may be a time word (夏天, 东来), a whole
    span may not (周一, 春节)."""
    tags, frequencies = _dictionary()
    tag, frequency = tags.get(word), frequencies.get(word, 0)
    if tag is None or frequency < COMMON_WORD_FREQUENCY or (times_are_names and tag == "t"):
        return False
    return not tag.startswith("nr") or frequency >= NAME_TAG_FREQUENCY


@cache
def _titles() -> tuple[str, ...]:
    return (*(row["role"] for row in lexicon.table("roles")), *lexicon.words("person_words", "profession_after"))


def _everyday_word(word: str) -> bool:
    """A given part that goes on the sentence is a word of every report (群众 17,849, 全面 9,321, 部署 3,333); words that
    are given names as often (光明 1,219, 文华 1,074, 建军 170) are rarer than that."""
    return _dictionary()[1].get(word, 0) >= GIVEN_WORD_FREQUENCY and _dictionary()[0].get(word) != "t"


def _shape(span: str, end_free: bool = True, slot: bool = False) -> float | None:
    """How much the span looks like a name by itself, or None when it cannot be one.

    A given part that is a word (光明, 青松) counts against the span only when nothing closes it: then the word may
    go on the sentence (向群众); a frame after it (…任组长, …警官) closes it as a name. In a `slot` (a title before
    the span and an act of office after it: 纪委书记强盛带队) a word is a name too (强盛, 温暖), unless it is one a
    sentence goes on with there (亲自, 全程, 统一) or an everyday word (单位)."""
    if _DOTS[0] in span or any(dot in span for dot in _DOTS[1:]):
        parts = re.split(f"[{_DOTS}]", span)
        if len(parts) != 2 or not all(0 < len(p) <= MAX_DOTTED_PART and all(map(is_han, p)) for p in parts):
            return None
        # 努尔兰·别克主持, 古丽娜尔·吐尔逊带领: the part after the dot ends before what the person does (an act of
        # person_words, or any everyday word), as a name holds neither
        last = parts[1]
        if _act_re().search(last) or any(ch in _FUNCTION_CHARACTERS for ch in last) or any(_everyday_word(last[i : i + 2]) for i in range(len(last) - 1)):
            return None
        if any(_role_re().search(part) for part in parts):
            # 甲·吐尔洪任组长, 乡长努尔兰·别克: a title in a part is the post the sentence gives, or the one before the name
            return None
        return 2.0
    if not all(map(is_han, span)):
        return None
    if _act_re().search(span) or _verb_then_locative(span):
        return None  # 包片联户, 全年…: a span holding an act goes on the sentence; so does 应诉中 (a verb and 中, "while")
    for length in (2, 1):
        surname, given = span[:length], span[length:]
        if surname in _surnames() and 1 <= len(given) <= 2:
            if _barred_given(given, slot) or given[-1] in _title_ends() or given.startswith(_titles()):
                return None  # 赵律师, 王主任, 王镇长: a surname and a title name nobody (but 邬长顺 is a name)
            if slot:
                if _no_name_in_slot(span) or (len(given) == 2 and _verb_like(given)) or (length == 1 and surname in _stops() and surname not in rare_surnames() and surname not in _CONJUNCTIONS):
                    # 法律顾问全覆盖。: a surname before a verb (覆盖) is a word's first character there; 法律顾问由城南…:
                    # a function word after a title (由) opens what the sentence says next; 和 is asked by the slot's close
                    return None
                return RARE_SURNAME if surname in rare_surnames() else 1.0
            score = 2.0 if length == 2 else 1.0
            if surname in rare_surnames():
                score = RARE_SURNAME
            elif length == 1 and surname in _stops():
                score -= 2.0  # 由广信律师事务所, 主任任副主任, 和公职律师: a surname only rarely, a function word often
            if end_free and len(given) == 2 and _everyday_word(given):
                score -= 2.0  # 向群众: a surname before a word is a preposition before it, unless the frame is strong
            elif len(given) == 2 and common_word(span[: length + 1]) and _dictionary()[0].get(span[: length + 1]) != "ns":
                score -= 2.0  # 任务一: the surname and the first given character are a word (黄土根 needs a strong frame)
            # 祁连山, 黄河: a place's name is a person's name as often as a word is not; a word (周密, 高度) is none
            return score - (3.0 if common_word(span) and _dictionary()[0].get(span) != "ns" else 0.0)
    parts = _name_parts().match(span)
    if parts and (parts.end() == len(span) or _name_parts().fullmatch(span, parts.end())):
        return 1.0  # 海拉提, 巴桑: a name of a tradition without family names
    return None


def _barred_given(given: str, slot: bool) -> bool:
    """Whether a character of the given part is one no given name holds (镇, 的, 和). In a slot a conjunction may open a
    given part of two that the dictionary knows as a noun or an adjective (和平, 和顺): the act after it closes the name,
    so 和 joins nothing there; a conjunction that opens an adverb or a verb (及时, 与会) stays barred."""
    if not any(ch in _not_in_name() for ch in given):
        return False
    if not (slot and len(given) == 2 and given[0] in _CONJUNCTIONS and given[1] not in _not_in_name()):
        return True
    tag = _dictionary()[0].get(given, "")
    return not (tag.startswith("nr") or (tag in _NAME_LIKE_TAGS and tag != ""))


def ends_with_verb(span: str) -> bool:
    """Whether the span's last character is a frequent verb by itself (张贴's 贴): a given name may be one (岑立, 尚可),
    so this only weighs where the words around the span read as a verb and its object."""
    return frequent_verb(span[-1])


def frequent_verb(char: str) -> bool:
    """Whether the dictionary tags one character a verb and counts it as often as an everyday word (进, 贴)."""
    tags, frequencies = _dictionary()
    return tags.get(char) == "v" and frequencies.get(char, 0) >= GIVEN_WORD_FREQUENCY


def _verb_then_locative(span: str) -> bool:
    """应诉中, 执行中: a verb of the dictionary and a locative after it say when something happens; a name whose
    family name and first given character make a verb is rarer than that (a name ending in 中 opens with no verb)."""
    tags = _dictionary()[0]
    return len(span) == 3 and tags.get(span[2]) == "f" and tags.get(span[:2], "").startswith("v")


# The dictionary's tags a word between a title and an act of office may have and still be a given name: a noun, a
# place, an adjective, a time (高峰, 江山, 温暖, 孟春) or a name; an adverb (亲自), a verb (统一), a distinguishing word
# (常务), a number or a function word there is what the sentence goes on with.
_NAME_LIKE_TAGS = frozenset(("", "n", "ns", "nz", "a", "an", "t"))


def _no_name_in_slot(span: str) -> bool:
    """Whether a span standing between a title and an act of office is no name: a word of the acts (全程, 具体), an
    everyday word (单位 17,532), or a word the dictionary tags as none of the above."""
    tags, frequencies = _dictionary()
    if span in _acts() or frequencies.get(span, 0) >= GIVEN_WORD_FREQUENCY:
        return True
    # a rare word (谈笑 96) is a name there as often as a word: the tag counts only for a common one
    return _verb_like(span)


def _verb_like(word: str) -> bool:
    """A common word the dictionary tags as no noun, adjective, time or name (覆盖, 参与): no given name."""
    tags, frequencies = _dictionary()
    tag = tags.get(word, "")
    return frequencies.get(word, 0) >= COMMON_WORD_FREQUENCY and tag not in _NAME_LIKE_TAGS and not tag.startswith("nr")


@cache
def _acts() -> frozenset[str]:
    return frozenset(lexicon.words("person_words", "act"))


def _boundaries(norm: str, start: int, end: int, free: tuple[int, ...]) -> float:
    """+1 when no word of the dictionary runs across a free end of the span (one no frame fixes), -2 when one does
    (高度重视 after a title: 度重 is no word, but in 全面负责 a span 全面负 would cut 负责).

    An end a frame fixes is not asked: the dictionary may join a name to the title after it (闵学|军警|官)."""
    return 1.0 if all(_cut_by_text(norm, side, side == start) or not crossed(norm, side) for side in free) else -2.0


def crossed(norm: str, side: int) -> bool:
    """Whether a common word of two to four characters runs across `side` (a handful of lookups, no segmenting)."""
    frequencies = _dictionary()[1]
    for left in range(max(0, side - MAX_WORD + 1), side):
        for right in range(side + 1, min(len(norm), left + MAX_WORD) + 1):
            if frequencies.get(norm[left:right], 0) >= COMMON_WORD_FREQUENCY:
                return True
    return False


def ends_a_word(norm: str, start: int, end: int) -> bool:
    """Whether the word norm[start:end] is the tail of a common word one or two characters longer (书记 of 总书记)."""
    frequencies = _dictionary()[1]
    return any(frequencies.get(norm[left:end], 0) >= COMMON_WORD_FREQUENCY for left in (start - 1, start - 2) if left >= 0)


COUNT_CHARACTERS = frozenset("两二三四五六七八九十百千万名位")


def qualifies_title(span: str) -> bool:
    """Whether a span before a title may be the holder's name rather than words that qualify the title: a word of the
    dictionary other than a name (苏木 in 苏木党委书记, 农经站), a given part that is a common word (齐|法治副校长,
    嘎查|调解委员) or a count (两位副镇长) is what the title is of, not who holds it."""
    tag = _dictionary()[0].get(span)
    if (tag is not None and not tag.startswith("nr")) or any(ch in COUNT_CHARACTERS for ch in span):
        return False
    return not any(common_word(span[n:]) for n in (1, 2) if len(span) - n == 2)


def _cut_by_text(norm: str, side: int, opening: bool) -> bool:
    """Punctuation beside an end cuts it, and so does a preposition (由, 以, 经) before a start, whatever the
    dictionary joins (由柏|青松)."""
    if opening:
        return side == 0 or norm[side - 1] in _CLOSERS or norm[side - 1] in _stops()
    return side >= len(norm) or norm[side] in _CLOSERS


@cache
def _stops() -> frozenset[str]:
    return lexicon.chars("person_words", "role_left_stop")


def score(norm: str, start: int, end: int, free: tuple[int, ...], need: float = -THRESHOLD, slot: bool = False) -> float | None:
    """The name score of norm[start:end]: its shape, how it is cut from the words around its free ends, and whether
    punctuation, a space or a bracket closes it. A span that cannot reach `need` is not segmented: its score is then
    a bound below `need`, as the dictionary is the costly part."""
    span = norm[start:end]
    if end in free and norm.startswith(_titles(), end - 1):
        return None  # 龚正副镇长: a free end that cuts a title (副镇长) leaves its first character in the span
    shape = _shape(span, end_free=end in free, slot=slot)
    if shape is None:
        return None
    closed = 1.0 if end >= len(norm) or norm[end] in _CLOSERS else 0.0
    if shape + closed + 1.0 < need:
        return shape + closed - 2.0
    return shape + _boundaries(norm, start, end, free) + closed


def best_from(norm: str, start: int, weight: float, ends: tuple[int, ...] | None = None, slot: bool = False) -> str | None:
    """The best-scoring name that starts at `start` (a frame before it), when frame and name together pass; in a `slot`,
    the `ends` are where an act of office follows."""
    if not may_open_name(norm, start):
        return None  # 书记，/ 主任带队: most titles are followed by punctuation or a word no name opens with
    if not ends and (padded := _padded_end(norm, start)):
        return norm[start:padded] if 1.0 + 1.0 + weight >= THRESHOLD else None  # a surname and a closed end
    spans, usual = [], _usual_length(norm, start)
    for end in ends or _ends_after(norm, start):
        value = score(norm, start, end, () if ends else (end,), THRESHOLD - weight, slot)
        if value is not None:
            spans.append((value, end - start == usual, end))
    if not spans:
        return None
    value, _, end = max(spans)
    return norm[start:end] if value + weight >= THRESHOLD else None


def _usual_length(norm: str, start: int) -> int:
    """The length a name starting at `start` most often has, preferred between readings that score alike: a family name
    and a given name of two (三 characters; 欧阳志远, 吉克阿依 four, with a family name of two)."""
    return 4 if norm[start : start + 2] in _surnames() else 3


def best_before(norm: str, end: int, weight: float) -> int | None:
    """Where the best-scoring name that ends at `end` (a frame after it) starts, when frame and name pass."""
    spans = []
    for start in starts_before(norm, end):
        if not may_open_name(norm, start):
            continue
        value = score(norm, start, end, (start,), THRESHOLD - weight)
        if value is not None:
            spans.append((value, end - start == _usual_length(norm, start), start))
    if not spans:
        return None
    value, _, start = max(spans)
    return start if value + weight >= THRESHOLD else None


MAX_PAD = 3  # spaces a typist puts inside a two-character name to line it up with three-character ones (周  静)


def _padded_end(norm: str, start: int) -> int | None:
    """The end of a two-character name padded with spaces (周  静) standing at `start`, closed after its given character."""
    if norm[start] not in _surnames():
        return None
    given = _skip(norm, start + 1)
    if not 0 < given - start - 1 <= MAX_PAD or given >= len(norm) or not is_han(norm[given]) or norm[given] in not_in_given():
        return None
    end = given + 1
    return end if end >= len(norm) or norm[end] in _CLOSERS else None


def _skip(norm: str, pos: int) -> int:
    while pos < len(norm) and norm[pos] == " ":
        pos += 1
    return pos


def may_end_name(norm: str, end: int) -> bool:
    """Whether some name can end at `end`: a cheap test before a frame reads names back from there."""
    return any(may_open_name(norm, start) for start in starts_before(norm, end))


def may_open_name(norm: str, start: int) -> bool:
    """Whether a name can start at `start`: a family name, a part of a name of a tradition without them, or a name in
    parts with a middle dot close after. Asked at every frame, so plain tests in the order of their cost."""
    if start >= len(norm) or not "\u4e00" <= norm[start] <= "\u9fff":
        return False
    if norm[start] in _surnames() or norm[start : start + 2] in _surnames() or _name_parts().match(norm, start):
        return True
    window = norm[start : start + MAX_DOTTED_PART + 1]
    return "·" in window or "•" in window or "・" in window


def _ends_after(norm: str, start: int) -> tuple[int, ...]:
    """Every end a name starting at `start` can have: two to four characters, or a name in parts with a dot."""
    window = norm[start : start + 2 * MAX_DOTTED_PART + 1]
    dot = next((i for i, ch in enumerate(window) if ch in _DOTS), -1)
    if dot > 0:
        return tuple(start + dot + n for n in range(2, MAX_DOTTED_PART + 2) if start + dot + n <= len(norm))
    return tuple(start + n for n in (2, 3, 4) if start + n <= len(norm))


def starts_before(norm: str, end: int) -> tuple[int, ...]:
    window = norm[max(0, end - 2 * MAX_DOTTED_PART - 1) : end]
    dot = next((i for i in range(len(window) - 1, -1, -1) if window[i] in _DOTS), -1)
    if dot >= 0:
        base = end - len(window)
        return tuple(base + dot - n for n in range(1, MAX_DOTTED_PART + 1) if base + dot - n >= 0)
    return tuple(end - n for n in (2, 3, 4) if end - n >= 0)

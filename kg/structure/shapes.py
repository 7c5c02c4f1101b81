"""Whether a piece of a problems or plans body states its kind by the shape of its words rather than by a listed
phrase: a negated predicate (不匹配, 没有经过), a one-character predicate of degree closing a clause (把关松,
互动少), a modal of need (还需提高); for a plan, a modal or manner adverb opening it (进一步配强…, 切实…). And
whether the first piece only leads in by naming a quantity without content (还有一些地方做得不好, 还存在“三个…”).

Offices word their problems in more ways than a word list can hold; the grammar of a shortfall is fewer forms.
These read more than the listed words do, so cuts.py asks them only of a body that no cut of the listed words
reads, and a piece holding a figure is left to the listed words (figures show a problem, they do not state one)
unless every problem of the list holds one: then figures are how the document states them (只有6人, 比…低9个百分点).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.structure.kinds import states_shortfall
from kg.structure.spans import COMMA_ENDS, SENTENCE_ENDS, Span
from kg.structure.spans import pieces as pieces_of
from kg.text import sentences
from kg.text.lexicon import either, longest_first, words

_CJK = r"[\u4e00-\u9fff]"
_CLAUSE_END = "，,、。；;！？!?"
_MODAL_REACH = 2  # characters before an opening modal: 同时, 还
_KIND_REACH = 3  # characters between a count and the noun of kinds it counts: 几个方面, 一些需要改进的地方 is too far
_DIGIT_RE = re.compile(r"\d")
# A numeral and a classifier of kinds (三个…, 两方面, 四处): what a lead counts before the list it announces.
_NUMBERED_COUNT_RE = re.compile(r"([两二三四五六七八九十])(?:个方面|个|方面|处|点|项|类)")
_NUMERALS = "一二三四五六七八九十"
_MIN_PIECES = 2
_SUBJECTS = "我本全各该这今明"  # first characters of a subject that tells (我镇, 本街道, 全镇, 今年)
_MIN_SENTENCE = 4  # characters of a sentence worth reading, as content.py counts them


def states_shortfall_shaped(norm: str, start: int, end: int, figures: bool = False) -> bool:
    """Whether a piece states a shortfall by its grammar: a negated predicate, a predicate of degree closing a
    clause, a modal of need, or only so many (只有6人). A piece with a figure in it shows rather than states,
    unless `figures`: the document states every problem of the list by its figures (还有5个村没有…)."""
    if not figures and _DIGIT_RE.search(norm, start, end):
        return False
    return bool(_negated_re().search(norm, start, end) or _need_re().search(norm, start, end)
                or _lack_re().search(norm, start, end) or _scarce_re().search(norm, start, end)
                or _compared_re().search(norm, start, end) or _existing_re().search(norm, start, end))


def shortfall_share_shaped(text: str) -> float:
    """The share of a text's sentences that state a shortfall by their grammar (……这方面亟须改进, 有的从没参与…)."""
    spans = [(a, b) for a, b in sentences(text) if b - a > _MIN_SENTENCE]
    if not spans:
        return 0.0
    return sum(states_shortfall_shaped(text, a, b) for a, b in spans) / len(spans)


def holds_figure(norm: str, start: int, end: int) -> bool:
    """Whether a piece holds a figure in Arabic digits."""
    return _DIGIT_RE.search(norm, start, end) is not None


def opens_with_frequency(norm: str, start: int, end: int) -> bool:
    """Whether a piece opens with an adverb of how often (有时, 偶尔, 时常): problems told as what happens now and then."""
    return bool(_frequency_re().match(norm, start, end))


def opens_intention_shaped(norm: str, start: int, end: int) -> bool:
    """Whether a piece opens with a modal or an adverb of manner that says what will be done (进一步…, 切实…)."""
    return bool(_modal_re().match(norm, start, end))


def counts_lead(norm: str, start: int, end: int, following: int) -> bool:
    """Whether a first piece only leads into the `following` pieces after it by naming a quantity without content:
    a word of indefinite count (一些, 几处, 以下) or a numeral with a classifier of kinds (三个) that equals the
    count of the pieces after it."""
    if _count_re().search(norm, start, end):
        return True  # 还有一些地方, 以下几个方面: an indefinite count of kinds
    return any(_NUMERALS.find(found.group(1)) + 1 == following or (found.group(1) == "两" and following == 2)
               for found in _NUMBERED_COUNT_RE.finditer(norm, start, end))


# The shape of a cut: how its pieces stand to each other.


def heads_explanation(pieces: list[Span]) -> bool:
    """Whether the first piece is less than half as long as each after it: a heading sentence over the sentences
    that explain it, not the first of siblings."""
    return len(pieces) >= _MIN_PIECES and 2 * (pieces[0][1] - pieces[0][0]) < min(b - a for a, b in pieces[1:])


def equal_rank(norm: str, pieces: list[Span]) -> bool:
    """Whether the pieces end alike, all on a mark or all at a line's end with none: siblings of one rank."""
    return len({b < len(norm) and norm[b] in COMMA_ENDS for _, b in pieces}) == 1


def built_alike(norm: str, pieces: list[Span]) -> bool:
    """Whether every piece holds the same number of comma clauses, two or more, and opens with no subject of its
    own (a piece opening 我镇/本街道 tells, it does not list)."""
    counts = {len(pieces_of(norm, a, b, COMMA_ENDS)) for a, b in pieces}
    return len(counts) == 1 and counts.pop() >= 2 and not any(norm[a] in _SUBJECTS for a, _ in pieces)


def holds_shaped_list(norm: str, start: int, end: int) -> bool:
    """Whether a piece holds two or more sentences that each state a shortfall by its words or its shape, the
    first no shorter than half of each after it (a heading over its explanation is one problem)."""
    sentences = pieces_of(norm, start, end, SENTENCE_ENDS)
    if len(sentences) < _MIN_PIECES or heads_explanation(sentences):
        return False
    figures = all(holds_figure(norm, a, b) for a, b in sentences)
    return all(states_shortfall(norm, a, b) or states_shortfall_shaped(norm, a, b, figures) for a, b in sentences)


@lru_cache(maxsize=1)
def _negated_re() -> re.Pattern:
    # a negator before the predicate it negates; words that open with 不 and negate nothing (不断, 不少) are not one
    return re.compile(r"(?!%s)(?:%s)%s" % (either(longest_first(words("statement_morphemes", "not_negation"))),
                                           either(longest_first(words("statement_morphemes", "negator"))), _CJK))


@lru_cache(maxsize=1)
def _need_re() -> re.Pattern:
    return re.compile(either(longest_first(words("statement_morphemes", "need"))))


@lru_cache(maxsize=1)
def _lack_re() -> re.Pattern:
    # the last character of a clause ($ is the end of the piece searched)
    return re.compile(r"[%s](?=[%s]|$)" % ("".join(words("statement_morphemes", "lack")), re.escape(_CLAUSE_END)))


@lru_cache(maxsize=1)
def _existing_re() -> re.Pattern:
    # a problem named as such and said to exist, closing the piece: ……的现象依然存在, ……的情况时有发生
    return re.compile(r"的(?:%s)%s{0,8}$" % (either(longest_first(words("statement_morphemes", "problem_noun"))), _CJK))


@lru_cache(maxsize=1)
def _compared_re() -> re.Pattern:
    # below what it is compared with, by a figure: 比全县平均水平低9个百分点
    return re.compile(r"比[^,，。；;]{1,15}?[%s]\s*[\d一二两三四五六七八九十]" % "".join(words("statement_morphemes", "lack")))


@lru_cache(maxsize=1)
def _scarce_re() -> re.Pattern:
    # only before a figure, or before the verb of what was done and a figure (只完成了7场); not the few days or
    # hands a thing took or needs, which boast (仅用3天, 只需2人)
    return re.compile(r"(?:%s)(?:(?![用需花要])%s{1,2}了?)?\s*[\d一二两三四五六七八九十]"
                      % (either(longest_first(words("statement_morphemes", "scarce"))), _CJK))


@lru_cache(maxsize=1)
def _modal_re() -> re.Pattern:
    return re.compile(r"%s{0,%d}?(?:%s)%s" % (_CJK, _MODAL_REACH, either(longest_first(words("statement_morphemes", "modal"))), _CJK))


@lru_cache(maxsize=1)
def _count_re() -> re.Pattern:
    # the count, then within a few characters a noun of kinds (一些地方, 几个方面的问题)
    return re.compile(r"%s%s{0,%d}?%s" % (either(longest_first(words("statement_morphemes", "count"))), _CJK,
                                        _KIND_REACH, either(longest_first(words("statement_morphemes", "kind_noun")))))


@lru_cache(maxsize=1)
def _frequency_re() -> re.Pattern:
    return re.compile(r"\s*(?:%s)" % either(longest_first(words("statement_morphemes", "frequency"))))

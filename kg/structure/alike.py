"""How a piece of a problems or plans body reads: whether it opens with an intention (建立……, 将推行……), and
whether it only leads into a list (……存在以下问题：, 我镇将：).

cuts.py scores each way of cutting a body with these: a plan opens with a verb of intention, a problem states a
shortfall anywhere (kinds.states_shortfall), and a lead before the list is no item.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.text.lexicon import either, longest_first, words

_INTENTION_REACH = 4  # characters before the opening word of a plan: 同时, 我镇将, 还要
# A lead that says what will be done (我镇将：, 重点抓好以下工作：, 着力办好三件事：): a modal, or a verb of doing
# well (抓好, 办好, 把好) after the word that says where the weight goes.
_INTENT_LEAD_RE = re.compile(r"将|要|拟|计划|打算|(?:重点|着重|着力)[\u4e00-\u9fff]好")
# A piece that only announces what follows: it ends in a colon, or on the name of a category
# (……还存在三个方面的问题。 / 下一步重点抓好以下工作).
# The name is the lead's object when a quantity or 的 stands before it (三个方面的问题, 一些不足, 以下工作, 的短板);
# straight after a noun it is a predicate (经费保障困难 states a problem, it leads into none).
_LEAD_END_RE = re.compile(r"(?:(?<=[的些个种类点项下在有要出大小定少多])(?:问题|不足|差距|短板|困难|薄弱环节|方面|工作|任务)"
                          r"|以下|如下|几点)\s*$")


def in_brackets(norm: str, start: int, pos: int, pairs=("()",)) -> bool:
    """Whether `pos` stands inside brackets opened since `start` (in the normal form: （）→(), 【】→[]): a colon there
    labels an aside (（来源：群众来信）, （牵头：司法所）), not what comes before it."""
    return any(norm.rfind(opening, start, pos) > norm.rfind(closing, start, pos) for opening, closing in pairs)


def past_lead(norm: str, start: int, end: int) -> int:
    """Past a lead-in before a colon on the paragraph's first sentence (我镇将：, 主要问题有：)."""
    first_end = min((pos for pos in (norm.find(mark, start, end) for mark in "。；;") if pos >= 0), default=end)
    colon = norm.find(":", start, first_end)
    # a colon inside brackets labels an aside (（来源：群众来信）), it ends no lead
    while colon >= 0 and in_brackets(norm, start, colon):
        colon = norm.find(":", colon + 1, first_end)
    if colon < 0:
        return start
    pos = colon + 1
    while pos < end and norm[pos].isspace():
        pos += 1
    return pos


def is_lead(norm: str, start: int, end: int) -> bool:
    """Whether a piece only leads into a list: it ends in a colon or on the name of a category."""
    return norm[end - 1 : end] == ":" or bool(_LEAD_END_RE.search(norm, start, end))


def intends(norm: str, start: int, end: int) -> bool:
    """Whether a lead-in says what will be done (我镇将, 重点抓好)."""
    return bool(_INTENT_LEAD_RE.search(norm, start, end))


def intention_at(norm: str, start: int, end: int) -> bool:
    """Whether norm[start:end] opens with a verb of intention."""
    return bool(_intention_re().match(norm, start, end))


def opens_plan(text: str) -> bool:
    """Whether a phrase opens with a verb of intention (建立…, 将推行…)."""
    return bool(_intention_re().match(text))


@lru_cache(maxsize=1)
def _intention_re() -> re.Pattern:
    return re.compile(r"[\u4e00-\u9fff]{0,%d}?" % _INTENTION_REACH + either(longest_first(words("statement_words", "intention"))))

"""Problems or plans run together in one paragraph with nothing that enumerates them: the cut whose pieces look
most alike.

The splitters of connectives.py each read one shape (a connective, a lead-in with a colon, a repeated opening).
When none finds its shape, the paragraph may still hold several statements of one kind: sentences, or ；-clauses,
that each state a shortfall (……不够。……偏低。) or open an intention (建立……；推行……). Each way of cutting the
paragraph is a candidate; a candidate counts only when every piece states the section's kind and none is a
fragment, and of those the one whose pieces are most alike in length wins. An explanation after a problem
(全镇仅有3名执法人员，难以满足需要。) states nothing of its own, so the paragraph stays whole: a wrong cut costs more
than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.structure.kinds import states_shortfall
from kg.structure.nodes import Node
from kg.text.lexicon import either, longest_first, words

# Candidate cuts: after each sentence end, and after each sentence or clause end.
_CUTS = ("。！？!?\n", "。；;！？!?\n")
_MIN_PIECE = 6  # characters of a statement; a shorter piece is a fragment (一是, 具体来说)
_MIN_ALIKE = 0.3  # shortest piece over longest: below it one piece is a statement and another its aside
_INTENTION_REACH = 4  # characters before the opening word of a plan: 同时, 我镇将, 还要
# A piece that only announces what follows: it ends in a colon, or on the name of a category
# (……还存在三个方面的问题。 / 下一步重点抓好以下工作).
_INTENT_LEAD_RE = re.compile(r"将|要|拟|计划|打算|重点(?:抓好|做好)")
# Marks of work already done (已建成, 累计, 完成了): a piece holding one reports, it does not plan.
_RESULT_RE = re.compile(r"已|累计|了[，,。；;]|完成了")
_LEAD_END_RE = re.compile(r"(?:问题|不足|差距|短板|困难|薄弱环节|方面|工作|任务|以下|如下|几点)\s*$")


def split_alike(norm: str, text: str, node: Node, kind: str, clause_end, rstrip) -> list[Node]:
    """The pieces of one paragraph node that each state a problem or a plan, cut where they are most alike; or
    the node alone."""
    body_start = past_lead(norm, node.text_start, node.end)
    # A lead before the colon that says what will be done (我镇将：, 重点抓好：) makes every piece after it a plan.
    intended = body_start > node.text_start and bool(_INTENT_LEAD_RE.search(norm, node.text_start, body_start))
    best, best_score = None, 0.0
    for ends in _CUTS:
        pieces = _pieces(norm, body_start, node.end, ends)
        if len(pieces) > 2 and is_lead(norm, *pieces[0]):
            pieces = pieces[1:]
        if len(pieces) < 2 or any(_letters(norm, a, b) < _MIN_PIECE for a, b in pieces):
            continue
        stating = len(pieces) if kind == "plans" and intended else sum(_states(norm, a, b, kind) for a, b in pieces)
        # Every problem states its shortfall, or two in three do where ；-clauses part them (a semicolon
        # enumerates, a full stop may end an explanation); plans open with verbs no list holds all of, so two in
        # three must open with a known one and none may report a result.
        clauses = ends != _CUTS[0] and any(norm.find(mark, a, b + 1) >= 0 for a, b in pieces for mark in ";；")
        if kind == "shortcomings" and (stating * 3 < len(pieces) * 2 if clauses else stating < len(pieces)):
            continue
        # Three or more pieces opening with the same character (更加注重…；更加突出…, 再细化…；再充实…) open alike
        # whatever the word: the shape says they are siblings, as split_openers reads sentences.
        alike_openings = len(pieces) >= 3 and len({norm[a] for a, _ in pieces}) == 1
        if kind == "plans" and ((stating * 3 < len(pieces) * 2 and not alike_openings)
                                or any(_RESULT_RE.search(norm, a, b) for a, b in pieces)):
            continue
        lengths = [b - a for a, b in pieces]
        score = min(lengths) / max(lengths)
        if score >= _MIN_ALIKE and score > best_score:
            best, best_score = pieces, score
    if best is None:
        return [node]
    nodes = []
    for number, (start, stop) in enumerate(best, 1):
        stop = rstrip(norm, start, best[number][0] if number < len(best) else node.end)
        end = clause_end(norm, start, stop)
        nodes.append(replace(node, style="alike", number=number, marker="", heading=text[start:end], start=start,
                             text_start=start, text_end=end, end=stop))
    return nodes


def past_lead(norm: str, start: int, end: int) -> int:
    """Past a lead-in before a colon on the paragraph's first sentence (我镇将：, 主要问题有：)."""
    first_end = min((pos for pos in (norm.find(mark, start, end) for mark in "。；;") if pos >= 0), default=end)
    colon = norm.find(":", start, first_end)
    if colon < 0:
        return start
    pos = colon + 1
    while pos < end and norm[pos].isspace():
        pos += 1
    return pos


def _pieces(norm: str, start: int, end: int, ends: str) -> list[tuple[int, int]]:
    """(start, end) of each piece of norm[start:end] cut after the characters in `ends`, blanks left out."""
    pieces, piece_start = [], start
    for pos in range(start, end + 1):
        if pos == end or norm[pos] in ends:
            a, b = piece_start, pos
            while a < b and norm[a].isspace():
                a += 1
            if b > a:
                pieces.append((a, b))
            piece_start = pos + 1
    return pieces


def is_lead(norm: str, start: int, end: int) -> bool:
    return norm[end - 1 : end] == ":" or bool(_LEAD_END_RE.search(norm, start, end))


def _letters(norm: str, start: int, end: int) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in norm[start:end])


def _states(norm: str, start: int, end: int, kind: str) -> bool:
    """Whether a piece states a shortfall anywhere (problems) or opens with an intention (plans)."""
    if kind == "shortcomings":
        return states_shortfall(norm, start, end)
    return bool(_intention_re().match(norm, start, end))


def intention_at(norm: str, start: int, end: int) -> bool:
    """Whether norm[start:end] opens with a verb of intention."""
    return bool(_intention_re().match(norm, start, end))


def opens_plan(text: str) -> bool:
    """Whether a phrase opens with a verb of intention (建立…, 将推行…)."""
    return bool(_intention_re().match(text))


@lru_cache(maxsize=1)
def _intention_re() -> re.Pattern:
    return re.compile(r"[\u4e00-\u9fff]{0,%d}?" % _INTENTION_REACH + either(longest_first(words("statement_words", "intention"))))

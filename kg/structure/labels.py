"""What opens a problem or plan before its text, and the item nodes read past it.

A line may open with a label that names no content: a time it is due (一季度，…), a topic of two characters in
brackets (〔队伍〕…), the first of several labelled fields (时间节点：…；工作任务：…), a token of one shape on every
sibling line (【督】…, 1　…), or 要/将 on every piece of a cut. The item is the text after it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.structure.alike import intention_at
from kg.structure.kinds import states_shortfall
from kg.structure.nodes import Node
from kg.structure.shapes import opens_intention_shaped, states_shortfall_shaped
from kg.structure.spans import CLAUSE_ENDS, Span, letters, pieces

# A time before a comma labels a plan by when it is due (一季度，…, 6月底前，…), as one before a colon does; a
# year does not (2025年，我镇将… opens a lead).
# The times a plan is due by: a quarter, a half-year, a part of the year, a month (6月底前).
TIME_WORDS = r"第?[一二三四1-4]\s*季度|[上下]半年|年[初中底]|\d{1,2}\s*月(?:份|底|中旬|上旬|下旬)?前?"
TIME_LEAD_RE = re.compile(rf"\s*(?:{TIME_WORDS})\s*[,，:]\s*")
_FIELD_LABEL_RE = re.compile(r"\s*[\u4e00-\u9fff]{2,6}\s*:\s*")
_FIELD_RE = re.compile(r"([\u4e00-\u9fff]{1,6})\s*:\s*")
_MAX_LABEL = 6  # characters of a label (时间节点, 工作任务); a longer heading says something itself
_MAX_BARE_LABEL = 2  # characters of a label that names a topic only (〔队伍〕, 【制度】)
_MIN_FIELDS = 2  # labelled fields on one line beside the first (时间节点：…；工作任务：…；责任人：…)
# Tokens that open item lines as a marker does, when every sibling line opens with one of the same shape.
_TOKEN_SHAPES = (
    ("bracket", re.compile(r"\s*[\[〔(][\u4e00-\u9fff]{1,4}[\]〕)]\s*")),
    ("number", re.compile(r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})[ \t\u3000]+")),
)
# A label that only counts what it heads (一个目标, 两项机制, 三支队伍): it says how many, not what, as 〔队伍〕 says
# only a topic; the item is what follows it.
_COUNT_LABEL_RE = re.compile(r"[一二两三四五六七八九十\d]{1,2}[个项支张条件点类种大套][\u4e00-\u9fff]{1,3}")
_MODALS = "要将"
# 要/将 before a verb, not in a word (要求, 要点, 将来)
_MODAL_RE = re.compile(r"[要将](?![求点素来近])(?=[\u4e00-\u9fff])")
_PIECE_END = "。；;！？!?"
_ITEM_KINDS = ("shortcomings", "plans")


def label_end(norm: str, start: int, end: int) -> int:
    """Past a label before an item's text: a time (一季度，) or a short phrase before a colon (强队伍：)."""
    label = TIME_LEAD_RE.match(norm, start, end) or _FIELD_LABEL_RE.match(norm, start, end)
    return label.end() if label and label.end() < end else start


def shared_modal(norm: str, spans: list[Span]) -> str:
    """要 or 将 when every piece of a cut opens with it before a verb (要健全…。要落实…。): a marker, as 一要 is."""
    if len(spans) < 2:
        return ""
    first = norm[spans[0][0]]
    if first not in _MODALS or any(not _MODAL_RE.match(norm, a, b) or norm[a] != first for a, b in spans):
        return ""
    return first


def field_heading(norm: str, head: Span, line_end: int, kind: str) -> Span | None:
    """The part of an item's line that states the item, when its heading `head` is only a label: a topic of two
    characters before the text (〔队伍〕执法人员…), or the first of several labelled fields (时间节点：3月底前；
    工作任务：…；责任人：…). The field that states the kind wins, else the longest; None when the heading is more
    than a label."""
    a, b = head
    if b - a > _MAX_LABEL or letters(norm, a, b) == 0 or states(norm, a, b, kind):
        return None
    rest = b
    while rest < line_end and norm[rest] in "]〕】）):： \t":
        rest += 1
    fields = [field for field in pieces(norm, rest, line_end, CLAUSE_ENDS) if letters(norm, *field)]
    labelled = sum(bool(_FIELD_RE.match(norm, *field)) for field in fields)
    if not fields or (letters(norm, a, b) > _MAX_BARE_LABEL and labelled < _MIN_FIELDS
                      and not _COUNT_LABEL_RE.fullmatch(norm, a, b)):
        return None
    if labelled == 0 and len(fields) >= _MIN_FIELDS and all(
            states_by_words_or_shape(norm, *field, kind) for field in fields):
        return None  # 各村：A；B。: clauses that each state the kind make the label a title over them
    values = []
    for fa, fb in fields:
        label = _FIELD_RE.match(norm, fa, fb)
        values.append((label.end() if label else fa, fb))
    stating = [value for value in values if states(norm, *value, kind)]
    return max(stating or values, key=lambda value: value[1] - value[0])


def leading_token(norm: str, start: int, end: int) -> tuple[str, int] | None:
    """(shape, end) of a token opening an item line that numbers or labels it: a short label in brackets
    (【督】, [规]) or a number before a gap of spaces (1　…); None when the line opens with its text."""
    for shape, pattern in _TOKEN_SHAPES:
        found = pattern.match(norm, start, end)
        if found and found.end() < end:
            return shape, found.end()
    return None


def states(norm: str, start: int, end: int, kind: str) -> bool:
    """Whether a span states a problem (a shortfall anywhere) or a plan (an intention at its opening)."""
    return states_shortfall(norm, start, end) if kind == "shortcomings" else intention_at(norm, start, end)


def states_by_words_or_shape(norm: str, start: int, end: int, kind: str) -> bool:
    """Whether a span states its kind by listed words or by the shape of its words (未按时公布, 进一步…)."""
    if states(norm, start, end, kind):
        return True
    if kind == "shortcomings":
        return states_shortfall_shaped(norm, start, end)
    return opens_intention_shaped(norm, start, end)


def past_tokens(source, kind: str, items: list[Node], clause_end) -> list[Node]:
    """Problem or plan lines that each open with a token of one shape (【督】…, 1　…): a marker no list names, as
    a repeated glyph is; the item is the text after it."""
    if kind not in _ITEM_KINDS or len(items) < 2 or any(item.style != "paragraph" for item in items):
        return items
    tokens = [leading_token(source.norm, item.text_start, item.end) for item in items]
    if any(token is None for token in tokens) or len({shape for shape, _ in tokens}) != 1:
        return items
    out = []
    for item, (_, start) in zip(items, tokens):
        end = clause_end(source.norm, start, item.end)
        out.append(replace(item, marker=source.text[item.text_start:start].strip(), heading=source.text[start:end],
                           text_start=start, text_end=end))
    return out


def past_label(source, kind: str, item: Node, clause_end) -> Node:
    """A problem or plan whose heading is only a label (〔队伍〕…, 时间节点：…；工作任务：…): the text it labels."""
    if kind not in _ITEM_KINDS or item.text_end - item.text_start > _MAX_LABEL:
        return item  # a heading longer than a label says something itself
    norm = source.norm
    line_end = norm.find("\n", item.text_end, item.end)
    found = field_heading(norm, (item.text_start, item.text_end), item.end if line_end < 0 else line_end, kind)
    if not found:
        return item
    start, stop = found
    end = clause_end(norm, start, stop)
    return replace(item, heading=source.text[start:end], text_start=start, text_end=end)


def cut_nodes(source, node: Node, spans: list[Span], clause_end, rstrip) -> list[Node]:
    """Item nodes for the pieces of a cut, in the place of `node`."""
    norm, nodes = source.norm, []
    modal = shared_modal(norm, spans)
    for number, (start, stop) in enumerate(spans, 1):
        stop = rstrip(norm, start, stop)
        stop += stop < len(norm) and norm[stop] in _PIECE_END  # an item's evidence keeps the mark that ends it
        timed = TIME_LEAD_RE.match(norm, start, stop)  # 一季度，修订……: the time says when; the plan follows it
        text_start = timed.end() if timed else start + len(modal)  # 要…。要…。: the 要 opens each as 一要 does
        end = clause_end(norm, text_start, stop)
        nodes.append(replace(node, style="cut", number=number, marker=modal, heading=source.text[text_start:end],
                             start=start, text_start=text_start, text_end=end, end=stop))
    return nodes

"""Problems or plans written in one paragraph without numbers: sentences opened by 另外/此外/同时, or
clauses after a lead-in that announces a list (……做好以下工作：A；B；C。), or sentences that each open with 要 (要创新……。要完善……。).

Without numbers, these connectives are what enumerates: each sentence one of them opens starts an item,
and so does the sentence before the first of them. A first sentence that only announces what follows
(……但仍存在一些不足。) is a lead-in, not an item. Sentences with no connective stay with the item
before them, as its body. After a lead-in that ends in a colon, each clause up to a semicolon is an item.

Where no word enumerates, the paragraph's own shape may: sentences that open alike (着力…。着力…。, 在决策方面，…。
在执法方面，…。), or problems listed with 、 in the sentence that says they exist. The splitters are tried in turn, and each leaves
the paragraph whole unless its shape is there; what they all leave whole goes to the scored cut of cuts.py
(sentences that each state a problem are one of its candidates).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.structure.nodes import Node

# After a sentence end only: 同时 inside a clause (同时做好……) joins, it does not enumerate. 其次/再次/最后
# enumerate here too when no 首先 opened the run (……不足。A。同时，B。最后，C。).
_CONNECTIVE_RE = re.compile(r"(?<=[。；;！？!?])[ \t]*(另外|此外|同时|再者|还有|加之|另一方面|其次|再次|最后)\s*[,，]\s*")
_SENTENCE_END = "。；;！？!?"
# ……仍存在一些不足。 / ……还存在以下问题： / 主要表现在：: a sentence announcing problems without stating one.
_LEAD_RE = re.compile(
    r"(?:(?:存在|有|面临)着?(?:一些|以下|几个|若干|不少|一定的?|诸多|某些|许多"
    r"|[一二三四五六七八九十两几\d]{1,2}(?:个|项|点|处)(?:方面的?)?)?"
    r"(?:不足|问题|差距|短板|困难|薄弱环节)(?:和不足|和问题|和困难)?(?:之处)?"
    r"|主要(?:表现|体现)(?:在|为))[,，]?(?:主要(?:表现|体现)(?:在|为))?\s*$"
)


# 下一步，我镇将重点做好以下工作： / 主要有以下几个方面： / 重点抓好三个方面工作： / 具体来看：: a lead-in announcing
# a list, not an item heading; a sentence may come before it (……仍有差距。具体来看：A；B；C。).
_LIST_LEAD_RE = re.compile(
    r"(?:[^。;:\n]{0,60}[。!?！？]\s*)?[^。;\n]{0,30}?"
    r"(?:以下|如下|下列|几个方面|几项|主要有|主要是|包括|具体|表现|体现"
    r"|[一二三四五六七八九十两几\d]{1,2}(?:个方面|个问题|项|点|条))[^。;:\n]{0,8}:")
_MIN_CLAUSE = 4  # characters of a listed item; a shorter run between semicolons is a fragment
_DISCOURSE_CLAUSE = 4  # characters of a clause such as 具体来说 or 比如 between a lead and its list
_COMMA_RE = re.compile(r"[,，]")
# 存在A、B、C等问题 / 还有A、B等方面的不足: a list of problems inside the sentence that says they exist (a line
# break inside it is a wrapped line's).
_ENUMERATED_RE = re.compile(
    r"(?:存在|[还仍也尚]有|面临)着?(?P<list>[^。;:!?！？]{8,160}?)等(?:方面的?)?(?:问题|不足|短板|薄弱环节|困难|差距)")
# 做好A、B、C三项工作 / 抓好A、B等重点任务: plans listed inside the sentence that says they will be done.
_PLANNED_RE = re.compile(
    r"(?:做好|抓好|推进|落实|突出|聚焦|完成)(?P<list>[^。;:!?！？]{8,160}?)"
    r"(?:[一二三四五六七八九十两几\d]{1,2}(?:项|个方面|件|个)|等)(?:重点|主要)?(?:工作|任务|事项|方面)")
_LIST_SEP_RE = re.compile(r"、")
_MIN_PART = 4  # characters of a listed problem; a shorter part is a noun naming a field
# 要创新……。要完善……。: plans as sentences that each open with 要 (要求/要点/要素 are nouns, not an opening).
_MUST_RE = re.compile(r"(?:^|(?<=[。；;！？!?]))[ \t]*要(?![求点素])(?=[\u4e00-\u9fff])", re.M)
# Where each sentence of a paragraph may open, for sentences that open alike (着力…。着力…。).
_SENTENCE_START_RE = re.compile(r"(?<=[。！？!?\n])[^\S\n]*(?=[\u4e00-\u9fff]|\d{1,2}月)")  # past any indent
# 3月，… / 10月上旬，…: a sentence that opens on the month of what it tells, as incidents told one by one do; the month
# differs from sentence to sentence, the frame is shared.
_MONTH_FRAME_RE = re.compile(r"\d{1,2}月(?:份|初|中旬|上旬|下旬|底|\d{1,2}日)?[,，]")
# 近期：, 第一步：, 综合执法队：, 各村(社区)：: a short label before a colon, naming a time or who is to act
_LABEL_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:\([\u4e00-\u9fff]{1,4}\))?\s*:\s*")
_CLAUSE_START_RE = re.compile(r"(?<=[。；;！？!?\n])[^\S\n]*(?=[\u4e00-\u9fff])")
# A topic frame before the first comma: 在依法决策方面， / 在执法监督上， / 针对……问题，: its first character and
# last two make the frame that sibling sentences share while the words inside differ.
_FRAME_RE = re.compile(r"([\u4e00-\u9fff])[^，,。；;:\n]{1,8}?([\u4e00-\u9fff]{2})[,，]")


def split_connected(norm: str, text: str, node: Node, clause_end, rstrip) -> list[Node]:
    """The items of one paragraph node enumerated by connectives, or the node alone when none opens a sentence."""
    opens = list(_CONNECTIVE_RE.finditer(norm, node.text_start, node.end))
    if not opens:
        return [node]
    first = node.text_start
    lead_end = _sentence_end(norm, first, opens[0].start())
    if lead_end < opens[0].start() and _LEAD_RE.search(norm, first, lead_end - 1):
        first = lead_end
        while first < opens[0].start() and norm[first].isspace():
            first += 1
    starts = [(first, first)] if first < opens[0].start() else []
    starts += [(match.start() + len(match.group(0)) - len(match.group(0).lstrip()), match.end()) for match in opens]
    nodes = []
    for pos, (start, text_start) in enumerate(starts):
        stop = rstrip(norm, start, starts[pos + 1][0] if pos + 1 < len(starts) else node.end)
        nodes.append(replace(node, style="connective", number=pos + 1, marker=text[start:text_start].strip(),
                             start=start, text_start=text_start, text_end=clause_end(norm, text_start, stop),
                             end=stop, heading=""))
    return [replace(n, heading=text[n.text_start:n.text_end]) for n in nodes]


def split_listed(norm: str, text: str, node: Node, clause_end, rstrip) -> list[Node]:
    """The clauses of a list after a lead-in (……做好以下工作：A；B；C。), or the node alone."""
    lead = _LIST_LEAD_RE.match(norm, node.text_start, node.end)
    pos = lead.end() if lead is not None else _announced_at(norm, node)
    if pos is None:
        return [node]
    starts = []
    while pos < node.end:
        while pos < node.end and norm[pos].isspace():
            pos += 1
        stop = norm.find(";", pos, node.end)
        starts.append(pos)
        if stop < 0:
            break
        pos = stop + 1
    if len(starts) < 2 or any(clause_end(norm, a, node.end) - a < _MIN_CLAUSE for a in starts):
        return [node]
    nodes = []
    for number, start in enumerate(starts, 1):
        stop = rstrip(norm, start, starts[number] if number < len(starts) else node.end)
        end = clause_end(norm, start, stop)
        nodes.append(replace(node, style="listed", number=number, marker="", heading=text[start:end], start=start,
                             text_start=start, text_end=end, end=stop))
    return nodes


def _announced_at(norm: str, node: Node) -> int | None:
    """Where a list of ；-clauses begins after words announcing problems without a colon: a sentence
    (……还有差距。A；B；C。) or clauses of the first one (……但还存在不少问题，具体来说，A；B；C。), passing
    a short discourse clause (具体来说, 比如) after them; None when nothing announces the list."""
    end = _sentence_end(norm, node.text_start, node.end)
    if end < node.end and norm[end - 1] not in ";；" and _LEAD_RE.search(norm, node.text_start, end - 1):
        return end
    first = norm.find(";", node.text_start, node.end)
    if first < 0:
        return None
    bounds = [node.text_start, *(m.end() for m in _COMMA_RE.finditer(norm, node.text_start, first)), first + 1]
    for lead in range(len(bounds) - 3, -1, -1):  # never the clause right before the first ；, the first item
        if _LEAD_RE.search(norm, bounds[lead], bounds[lead + 1] - 1):
            item = lead + 1
            while item < len(bounds) - 2 and bounds[item + 1] - 1 - bounds[item] <= _DISCOURSE_CLAUSE:
                item += 1
            return bounds[item]
    return None


def split_musts(norm: str, text: str, node: Node, clause_end, rstrip) -> list[Node]:
    """A paragraph of sentences each opening with 要: an item per sentence, or the node alone.

    Only when the paragraph itself opens with 要 and another sentence does too: one 要 sentence amid
    others is prose, not a list.
    """
    # From the line's start when only indentation stands before the paragraph: 要 opens a line after it.
    line_start = norm.rfind("\n", 0, node.text_start) + 1
    since = line_start if not norm[line_start : node.text_start].strip() else node.text_start
    opens = list(_MUST_RE.finditer(norm, since, node.end))
    if len(opens) < 2 or opens[0].end() - 1 != node.text_start:
        return [node]
    nodes = []
    for number, match in enumerate(opens, 1):
        start = match.end() - 1
        stop = rstrip(norm, start, opens[number].start() if number < len(opens) else node.end)
        end = clause_end(norm, match.end(), stop)
        nodes.append(replace(node, style="must", number=number, marker="要", heading=text[match.end():end],
                             start=start, text_start=match.end(), text_end=end, end=stop))
    return nodes


def split_openers(norm: str, text: str, node: Node, clause_end, rstrip) -> list[Node]:
    """Sentences of one paragraph that open alike, by a word (着力…。着力…。) or by a topic frame (在决策方面，…。
    在执法方面，…。): an item each, the sentences after one that opens otherwise staying with it; or the node alone.

    The opening is read off the paragraph, not from a list of words: the first sentence (after a lead-in that
    announces problems) sets it, and at least one more sentence must share it.
    """
    nodes = _split_opening(norm, text, node, clause_end, rstrip, _sentence_starts(norm, node))
    if len(nodes) == 1:  # 在…方面，将…；在…方面，将…。: clauses of one sentence may open alike as sentences do
        nodes = _split_opening(norm, text, node, clause_end, rstrip, _sentence_starts(norm, node, _CLAUSE_START_RE))
    return nodes


def _split_opening(norm: str, text: str, node: Node, clause_end, rstrip, starts: list[int]) -> list[Node]:
    if len(starts) > 2 and _LEAD_RE.search(norm, starts[0], starts[1] - 1):
        starts = starts[1:]
    if len(starts) < 2:
        return [node]
    keys = [_opening_keys(norm, start, node.end) for start in starts]
    best, count = None, 1
    for key in keys[0]:
        shared = sum(key in other for other in keys)
        if shared > count:
            best, count = key, shared
    # One character is weak evidence (加强…。加大…。 may be one plan and its body): it counts only when every
    # sentence, three or more, opens with it (将完善……。将推行……。将组织……。).
    if best is None and len(starts) >= 3 and all(norm[start] == norm[starts[0]] for start in starts):
        best = norm[starts[0]]
        keys = [{norm[start]} for start in starts]
    if best is None:
        return [node]
    opened = [start for start, own in zip(starts, keys) if best in own]
    nodes = []
    for number, start in enumerate(opened, 1):
        stop = rstrip(norm, start, opened[number] if number < len(opened) else node.end)
        label = _LABEL_RE.match(norm, start, stop) if best == ":" else None
        text_start = label.end() if label else start  # the label marks the item; the heading follows it
        end = clause_end(norm, text_start, stop)
        nodes.append(replace(node, style="opening", number=number, marker=text[start:text_start].strip(),
                             heading=text[text_start:end], start=start, text_start=text_start, text_end=end, end=stop))
    return nodes


def split_enumerated(norm: str, text: str, node: Node, clause_end, rstrip, kind: str = "shortcomings") -> list[Node]:
    """Problems listed with 、 inside one sentence (还存在A、B、C等问题。), or plans (做好A、B、C三项工作): an item per
    listed part, or the node alone.

    Every part must be a phrase of its own (执法队伍专业化程度不高); a list of nouns (执法、宣传等方面的问题)
    names fields, not problems.
    """
    listed = (_ENUMERATED_RE if kind == "shortcomings" else _PLANNED_RE).search(norm, node.text_start, node.end)
    if listed is None:
        return [node]
    bounds = [listed.start("list"), *(m.end() for m in _LIST_SEP_RE.finditer(norm, listed.start("list"), listed.end("list"))),
              listed.end("list") + 1]
    parts = [(a, b - 1) for a, b in zip(bounds, bounds[1:])]
    if len(parts) < 2 or any(b - a < _MIN_PART for a, b in parts):
        return [node]
    nodes = []
    for number, (start, end) in enumerate(parts, 1):
        stop = parts[number][0] - 1 if number < len(parts) else node.end
        nodes.append(replace(node, style="enumerated", number=number, marker="", heading=text[start:end], start=start,
                             text_start=start, text_end=end, end=rstrip(norm, start, stop)))
    return nodes


def _sentence_starts(norm: str, node: Node, boundary: re.Pattern = _SENTENCE_START_RE) -> list[int]:
    """Where the sentences of a node's text begin: its own start, then after each sentence end or line break
    (or after each `boundary`, as after each ；)."""
    starts = [_first_start(norm, node)]
    for match in boundary.finditer(norm, node.text_start, node.end):
        if match.end() > starts[-1]:
            starts.append(match.end())
    return starts


def _first_start(norm: str, node: Node) -> int:
    """Where the node's first sentence opens: before a label its item was given (上半年：), so siblings can share it."""
    return node.start if node.start < node.text_start and _LABEL_RE.fullmatch(norm, node.start, node.text_start) else node.text_start


def _opening_keys(norm: str, start: int, limit: int) -> set:
    """How a sentence opens: its first two characters, the frame of a short topic phrase before a comma, and a
    short label before a colon (近期：…。中期：…。), whatever its words."""
    keys = {norm[start : start + 2]}
    frame = _FRAME_RE.match(norm, start, limit)
    if frame:
        keys.add((frame.group(1), frame.group(2)))
    if _LABEL_RE.match(norm, start, limit):
        keys.add(":")
    if norm[start].isdigit() and _MONTH_FRAME_RE.match(norm, start, limit):
        keys.add("month")
    return keys


def _sentence_end(norm: str, start: int, limit: int) -> int:
    """Just past the first sentence end after `start`, or `limit`."""
    for pos in range(start, limit):
        if norm[pos] in _SENTENCE_END:
            return pos + 1
    return limit

"""A problem and its remedy in one item (……不够。对此，我们将……): the remedy is a plan of its own, paired with the problem.

Reports that write 存在的问题和下一步打算 as one section often answer each problem where they state it.
A paragraph of its own may answer the problem before it the same way.
The remedy starts at a sentence that turns to the future (对此/为此/针对这一问题/下一步 … 将), or at a
label (整改措施：); what comes after that lead is the plan's first clause.
"""

from __future__ import annotations

import re
from dataclasses import replace

# A label of the remedy: what is done about it (解决, 整改…) and how (办法, 措施…): 整改措施, 解决的办法.
_LABEL_DOING = r"(?:解决|整改|改进|应对)"
_LABEL_MEANS = r"(?:办法|措施|思路|对策|方向)"
_REMEDY_RE = re.compile(
    r"(?:(?<=[。；;!?！？\n\]])|^)\s*(?:"  # after a sentence, or after a 【】 heading ([ ] in the normal form)
    # the turn: a reason (对此, 针对这一问题) or a time ahead (下一步, 来年, 新的一年里), then who, then a modal
    r"(?:对此|为此|针对(?:这一|这个|这些|上述|以上|此类|该)?(?:问题|不足|情况)?|下一步|今后|来年|明年|新的一年里?"
    r"|下一?阶段)\s*,?\s*"
    r"(?:我们|我镇|我乡|我街道|本镇|本乡|街道|镇党委|镇政府)?\s*(?:将|要|拟|计划|打算)\s*"
    # or the problem it answers named by its number (针对第一个问题，由司法所牵头…): no modal needed
    r"|针对第[一二三四五六七八九十\d]{1,2}(?:个|项|条|方面)?(?:问题|不足|短板)\s*[,，]\s*"
    # or a label before the remedy: 整改措施：…, 改进方向：…, or 措施：/对策： alone
    rf"|{_LABEL_DOING}{_LABEL_MEANS}\s*[:：]\s*|(?:措施|对策)\s*[:：]\s*"
    # or an arrow from the problem to what answers it, opening a line of its own (…扑空 / → 统一公示…)
    r"|(?:->|[→⇒➔➜➝])\s*)"
)


# A label of the remedy after a comma in the problem's own sentence (……不熟悉，解决办法是由司法所…): the
# remedy is the rest of the sentence.
_INLINE_REMEDY_RE = re.compile(rf"[,，]\s*({_LABEL_DOING}的?{_LABEL_MEANS}(?:是|为)\s*[,，:：]?\s*)")
_REMEDY_LABEL_RE = re.compile(rf"\s*{_LABEL_DOING}的?{_LABEL_MEANS}(?:是|为|\s*[:：])")
_STATEMENT_END_RE = re.compile(r"[。；;!?！？]")
_SENTENCE_RE = re.compile(r"[^\s。！？!?][^。！？!?\n]*")


def remedy_follows(norm: str, start: int, end: int) -> bool:
    """Whether the text after the last item (norm[start:end]) opens with a turn to the remedies (针对第一个问题，…):
    a paragraph of remedies that no item reaches."""
    rest = norm[start:end]
    first = end - len(rest.lstrip())  # the first character that is not a space
    if first >= end:
        return False
    # The pattern skips the spaces itself and looks behind them for the end of a sentence or line: an indented
    # paragraph's indent must not stand where it looks, so it starts after the last line break before the text.
    line = norm.rfind("\n", start, first)
    return _REMEDY_RE.match(norm, line + 1 if line >= 0 else start, end) is not None


def remedied_sentences(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of a paragraph when each states a problem and then, after a comma, labels its remedy
    (……，解决办法是…。……，整改措施是…。), two or more: the labels are the document's own marks of its items."""
    spans = [(found.start(), found.end()) for found in _SENTENCE_RE.finditer(norm, start, end)]
    if len(spans) < 2 or not all(_INLINE_REMEDY_RE.search(norm, a, b) for a, b in spans):
        return []
    return spans


def opens_remedy(norm: str, start: int, end: int) -> bool:
    """Whether a piece opens with a label of the remedy (解决办法是…, 整改措施：…): it is no problem."""
    return _REMEDY_LABEL_RE.match(norm, start, end) is not None
# A paragraph in the future tense with nothing before its verb (将通过…, 拟于…): in a section whose paragraphs
# alternate between such and others, each answers the problem before it.
_FUTURE_RE = re.compile(r"\s*(?:将|拟)(?=[\u4e00-\u9fff])")
_MIN_ALTERNATIONS = 2


def split_remedies(norm: str, text: str, items, clause_end, rstrip) -> tuple[list, list, list[tuple[int, int]]]:
    """(problem nodes cut before their remedy, remedy nodes, (problem start, remedy start) pairs)."""
    problems, remedies, pairs = [], [], []
    listed = False  # a turn to the remedies that introduces a list of its own (对此，我们将：一是…；二是…)
    alternating = (len(items) >= 2 * _MIN_ALTERNATIONS and len(items) % 2 == 0
                   and all(_FUTURE_RE.match(norm, node.text_start, node.end) for node in items[1::2])
                   and not any(_FUTURE_RE.match(norm, node.text_start, node.end) for node in items[::2]))
    for pos, node in enumerate(items):
        if listed:  # every item of that list is a plan; which problem each takes up is for the linker to read
            remedies.append(replace(node, style="remedy", number=len(remedies) + 1))
            continue
        if alternating and pos % 2:
            opening = _FUTURE_RE.match(norm, node.text_start, node.end)
            remedies.append(replace(node, style="remedy", number=len(remedies) + 1, marker=text[node.text_start:opening.end()].strip(),
                                    heading=text[opening.end():node.text_end], text_start=opening.end()))
            pairs.append((problems[-1].start, node.start))
            continue
        # A paragraph of its own that opens with the turn (针对这一问题，我镇将…) answers the problem before it.
        # From the line's start when only an indent stands before the text, so the turn opens a line.
        line_start = norm.rfind("\n", 0, node.text_start) + 1
        since = line_start if not norm[line_start : node.text_start].strip() else node.text_start
        opening = _REMEDY_RE.match(norm, since, node.end) if problems else None
        if opening is not None and node.text_start < opening.end() < node.end:
            heading_end = clause_end(norm, opening.end(), node.end)
            remedies.append(replace(node, style="remedy", number=len(remedies) + 1,
                                    marker=text[node.text_start:opening.end()].strip(), heading=text[opening.end():heading_end],
                                    text_start=opening.end(), text_end=heading_end))
            pairs.append((problems[-1].start, node.start))
            continue
        inline = _INLINE_REMEDY_RE.search(norm, node.text_start, node.text_end)
        if inline is not None and inline.end() < node.text_end:
            # the remedy follows its problem in one sentence: the heading is cut at the comma before the label
            remedies.append(replace(node, style="remedy", number=len(remedies) + 1, marker=text[inline.start(1):inline.end()],
                                    heading=text[inline.end():node.text_end], start=inline.start(1),
                                    text_start=inline.end()))
            problems.append(replace(node, heading=text[node.text_start:inline.start()], text_end=inline.start(),
                                    end=inline.start()))
            pairs.append((node.start, inline.start(1)))
            continue
        match = _REMEDY_RE.search(norm, node.text_end, node.end)
        if match is None or match.end() >= node.end:
            problems.append(node)
            continue
        lead = match.start() + len(norm[match.start():match.end()]) - len(norm[match.start():match.end()].lstrip())
        following = items[pos + 1] if pos + 1 < len(items) else None
        opens_count = following is not None and following.number == 1
        if opens_count and not _STATEMENT_END_RE.search(norm, match.end(), node.end):
            # The turn ends the item with a phrase only (对此，我们将在新的一年里，), and a new count starts after it.
            problems.append(replace(node, end=rstrip(norm, node.start, lead)))
            listed = True
            continue
        heading_start = match.end()
        heading_end = clause_end(norm, heading_start, node.end)
        remedy = replace(node, style="remedy", number=len(remedies) + 1, marker=text[lead:heading_start],
                         heading=text[heading_start:heading_end], start=lead, text_start=heading_start,
                         text_end=heading_end)
        problems.append(replace(node, end=rstrip(norm, node.start, lead)))
        remedies.append(remedy)
        pairs.append((node.start, lead))
    return problems, remedies, pairs

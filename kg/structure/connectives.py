"""Problems or plans written as the sentences of one paragraph, the later ones opened by 另外/此外/同时.

Without numbers, these connectives are what enumerates: each sentence one of them opens starts an item,
and so does the sentence before the first of them. A first sentence that only announces what follows
(……但仍存在一些不足。) is a lead-in, not an item. Sentences with no connective stay with the item
before them, as its body.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.structure.nodes import Node

# After a sentence end only: 同时 inside a clause (同时做好……) joins, it does not enumerate.
_CONNECTIVE_RE = re.compile(r"(?<=[。；;！？!?])[ \t]*(另外|此外|同时|再者|还有|加之|另一方面)\s*[,，]\s*")
_SENTENCE_END = "。；;！？!?"
# ……仍存在一些不足。 / ……还存在以下问题： / 主要表现在：: a sentence announcing problems without stating one.
_LEAD_RE = re.compile(
    r"(?:(?:存在|有|面临)着?(?:一些|以下|几个|若干|不少|一定的?|诸多|某些|许多)?"
    r"(?:不足|问题|差距|短板|困难|薄弱环节)(?:和不足|和问题|和困难)?(?:之处)?"
    r"|主要(?:表现|体现)(?:在|为))[,，]?(?:主要(?:表现|体现)(?:在|为))?\s*$"
)


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


def _sentence_end(norm: str, start: int, limit: int) -> int:
    """Just past the first sentence end after `start`, or `limit`."""
    for pos in range(start, limit):
        if norm[pos] in _SENTENCE_END:
            return pos + 1
    return limit

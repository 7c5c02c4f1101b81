"""Problems and plans told inside a section of work done, where a report has no sections for them.

Some reports close each topic with its own 存在问题：… and 下步打算：… paragraphs, or end their last measure with
工作中也存在一些不足：一是…；二是…. A lead-in naming a kind, before a colon at a line's start or after a sentence
end, opens a stretch of that kind that runs to the next such lead-in or the section's end.
"""

from __future__ import annotations

import re

from kg.structure.header import lines_of
from kg.structure.kinds import kinds_named
from kg.structure.markers import decor_end

ASIDE_KINDS = ("shortcomings", "plans")
MAX_LEAD_IN = 12  # characters of a lead-in (工作中也存在一些不足); a longer clause before a colon is prose
_SENTENCE_END_RE = re.compile(r"[。!?！？]")


def aside_heads(norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(lead-in start, body start after its colon, kind) of each problems or plans lead-in in norm[start:end]."""
    heads = []
    for line in lines_of(norm, start, end):
        starts = [decor_end(norm, line.start)]
        starts += [match.end() for match in _SENTENCE_END_RE.finditer(norm, line.start, line.end)]
        for lead_start in starts:
            colon = norm.find(":", lead_start, min(lead_start + MAX_LEAD_IN + 1, line.end))
            if colon <= lead_start or any(mark in norm[lead_start:colon] for mark in "，,；;。"):
                continue
            kind = next((k for k in kinds_named(norm[lead_start:colon]) if k in ASIDE_KINDS), None)
            if kind:
                heads.append((lead_start, colon + 1, kind))
    return heads

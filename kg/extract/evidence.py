"""The sentence that says what an item is about, for quoting under it: never its heading said again.

An item's own evidence is the sentence holding its heading. When that sentence carries more than
the heading (一是加强组织领导，成立了……), it is the quote. When it is the heading alone
(（一）执法人员专业能力不足。), the quote is the first sentence of the item's body that reports
something, passing over sub-headings such as （1）调整领导小组。
"""

from __future__ import annotations

from kg.model import Item
from kg.structure.outline import line_marker
from kg.text import compact, normalize, sentences

# A numbered body sentence this short, once its number is gone, names a sub-topic ("（1）调整领导小组。",
# "一是抓学习。") rather than saying what was done or found; real content sentences run longer.
SUBHEADING_MAX_CHARS = 12


def _bare(sentence: str) -> tuple[str, bool]:
    """The sentence compacted without its opening number, and whether it had one."""
    norm = normalize(sentence.strip())
    marker = line_marker(norm)
    return compact(norm[marker[2]:] if marker else norm), marker is not None


def says_only(sentence: str, heading: str) -> bool:
    """True when the sentence holds nothing beyond the heading (its number and punctuation aside)."""
    bare, _ = _bare(sentence)
    return not bare or bare in compact(heading)


def content_sentence(text: str, item: Item) -> str:
    """The quote for `item` in the report text `text`."""
    own = item.evidence.sentence
    if not says_only(own, item.text):
        return own
    for start, end in sentences(text, item.body_start, item.body_end):
        sentence = text[start:end].strip()
        bare, numbered = _bare(sentence)
        if says_only(sentence, item.text) or (numbered and len(bare) <= SUBHEADING_MAX_CHARS):
            continue
        return sentence
    return own  # a heading with no body: the heading is all the report says

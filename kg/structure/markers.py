"""Which numbering family a document puts on top; the families themselves are in kg.text.numbering.

Offices number as they please: any family can open the top level, and the same family can sit at a
different depth in the next report. So the hierarchy is read off the document itself: a family whose
numbering starts again at 1 after a line of another family is nested under that family, and the top
level is the earliest family that is nested under none.
"""

from __future__ import annotations

from kg.text.numbering import (  # noqa: F401 (the outline's modules read the families from here)
    BULLETS, CN_DIGITS, DECOR, MARKERS, decor_end, line_marker, number, trim_decor,
)

# Families that never hold sections: 一是 runs inside paragraphs, 第一， opens a paragraph, a bracket
# line may be page chrome, and bullets and labels (问题一：) list items.
NOT_TOP = ("inline", "bracket", "ordinal", "bullet", "labelled")


def top_style(marked: list[tuple[int, str, int]], also: tuple[str, ...] = ()) -> str | None:
    """The family of the top level among (line index, style, number) entries, in line order.

    `also`: families of NOT_TOP that this document uses for sections all the same (第一项 重点工作 on a line of its own).
    """
    styles = []
    for _, style, _ in marked:
        if style not in styles and (style not in NOT_TOP or style in also):
            styles.append(style)
    if not styles:
        return None
    nested_under = {style: set() for style in styles}
    for parent in styles:
        for child in styles:
            if child != parent and _restarts_under(marked, child, parent) > _restarts_under(marked, parent, child):
                nested_under[child].add(parent)
    free = [style for style in styles if not nested_under[style]]
    return (free or styles)[0]


def _restarts_under(marked, child: str, parent: str) -> int:
    """How often `child` numbering starts again at 1 with a `parent` line since its previous line."""
    count, seen_child, parent_between = 0, False, False
    for _, style, number in marked:
        if style == parent:
            parent_between = True
        elif style == child:
            if seen_child and parent_between and number == 1:
                count += 1
            seen_child, parent_between = True, False
    return count

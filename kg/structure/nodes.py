"""The numbered headings of an outline: sections and the items inside them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    """A numbered heading: level 1 for sections, 2 for items; `end` closes its whole body."""

    level: int
    style: str
    number: int
    marker: str
    heading: str
    start: int  # where the marker starts
    text_start: int  # where the heading text starts, after the marker
    text_end: int  # end of the heading, or of the first clause when it has none
    end: int
    section: int

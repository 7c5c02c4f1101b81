"""A set of text spans that answers "does this span overlap any?" in log time, so extractors stay linear."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Spans:
    """Half-open spans (start, end), kept as their union: overlapping spans are merged, touching ones are not."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span s holds s.start < end and start < s.end."""
        i = bisect_left(self._starts, end)  # spans starting before `end`; the last of them ends last
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, end)
        j = bisect_right(self._ends, start, 0, i)  # spans j..i-1 overlap the new one
        if j < i:
            start, end = min(start, self._starts[j]), max(end, self._ends[i - 1])
        self._starts[j:i] = [start]
        self._ends[j:i] = [end]

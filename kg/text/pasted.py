"""Text as a page or a converter pasted it, made readable: pinyin glosses out, lost item numbers given back, hard
wraps joined, flattened lines set apart; `origin` maps each character of the result back to the file's own text."""

from __future__ import annotations

from kg.text.flattened import unflatten
from kg.text.glosses import strip_glosses
from kg.text.lostmarkers import restore_markers
from kg.text.unwrap import Unwrapped, unwrap


def readable(text: str) -> Unwrapped | None:
    """The text as the reader reads it, or None when it is read as it is (most texts)."""
    changed = strip_glosses(text)
    # Before the unwrapper: a line whose number is given back opens an item, which it never joins to the line above.
    marked = restore_markers(text if changed is None else changed.text)
    changed = marked if changed is None else changed.then(marked)
    base = text if changed is None else changed.text
    joined = unwrap(base) or unflatten(base)  # a text is hard-wrapped or flattened, not both
    return joined if changed is None else changed.then(joined)

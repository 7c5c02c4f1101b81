"""Text as a page or a converter pasted it, made readable: pinyin glosses out, hard wraps joined, flattened lines
set apart; `origin` maps each character of the result back to the file's own text."""

from __future__ import annotations

from kg.text.flattened import unflatten
from kg.text.glosses import strip_glosses
from kg.text.unwrap import Unwrapped, unwrap


def readable(text: str) -> Unwrapped | None:
    """The text as the reader reads it, or None when it is read as it is (most texts)."""
    bare = strip_glosses(text)
    base = text if bare is None else bare.text
    joined = unwrap(base) or unflatten(base)  # a text is hard-wrapped or flattened, not both
    return joined if bare is None else bare.then(joined)

"""Pinyin glosses a page prints after its characters (鎮(zhèn)), taken out before the text is read.

Some sites render traditional characters with their reading in brackets after them. The gloss splits words the
reader knows (會(huì)議(yì), 一個(gè)重要) and joins numbers to letters; read without the glosses, the text is the
report as written. A gloss is told by its shape alone: one syllable of Latin letters with a tone mark, in brackets,
right after a Chinese character. `origin` maps each character back to the file, as the unwrapper's does.
"""

from __future__ import annotations

import re

from kg.text.unwrap import Unwrapped

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONED_RE = re.compile(f"[{_TONED}]")
_GLOSS_RE = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}[)）]")
# A text that glosses its characters does so throughout; one bracketed syllable alone is something else.
_MIN_GLOSSES = 3


def strip_glosses(text: str) -> Unwrapped | None:
    """The text without its pinyin glosses, or None when it has none (most texts: one scan for a tone mark)."""
    if _TONED_RE.search(text) is None:
        return None
    glosses = [match.span() for match in _GLOSS_RE.finditer(text)]
    if len(glosses) < _MIN_GLOSSES:
        return None
    return Unwrapped.spliced(text, [(start, end, "") for start, end in glosses])

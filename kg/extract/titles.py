"""《…》 titles in a report, and whether each names a law (of national scope) or some other document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, partial

from kg.text import lexicon
from kg.text.lexicon import either
from kg.text import compact, normalize

MAX_TITLE = 80  # characters inside 《》; a longer run is a stray bracket, not a title
_TITLE = re.compile(rf"《([^《》\n]{{1,{MAX_TITLE}}})》")
PRC = "中华人民共和国"


_words = partial(lexicon.words, "law_words")  # the words of one use, in file order


def after_fa() -> frozenset[str]:
    """Characters after a final 法 that make it another word (法律, 法规, 法治): no law's name ends there."""
    return lexicon.chars("law_words", "after_fa")


def fa_joins_next(norm: str, end: int) -> bool:
    """Whether a name ending in 法 at `end` runs on into another word (法律, 法规, 法治), so names no law or campaign.

    The next characters may open a word of their own all the same (宪法规定, 述法制度): then the name ends at 法.
    """
    return (norm[end - 1 : end] == "法" and norm[end : end + 1] in after_fa()
            and not norm.startswith(_words("word_after_fa"), end))  # lexicon.words caches each use


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The rules' regexes, built once from ontology/lexicons/law_words.tsv."""
    return {
        # A law's ending, with an optional short bracketed note (…条例（试行）).
        "law_ending": re.compile(either(_words("law_ending")) + r"(（[^（）]{1,6}）|\([^()]{1,6}\))?$"),
        # Words of a local plan, programme or report, or a year: such a title is a document whatever it ends in.
        "local": re.compile(either(_words("local_word")) + r"|\d{4}\s*年"),
        # A place name opening the title (双龙镇…, 河南省…): local scope, so a document.
        "place": re.compile(r"^(中共)?[\u4e00-\u9fff]{2,8}?" + "(" + either(_words("place_suffix")) + ")"),
        "national": re.compile(either(_words("national_word"))),
    }


@dataclass(frozen=True)
class Title:
    """One 《…》 title: the span of the whole mark (brackets included) and the text inside."""

    start: int
    end: int
    text: str

    @property
    def short(self) -> str:
        """The title without the 中华人民共和国 prefix, as laws are named."""
        return self.text[len(PRC) :] if self.text.startswith(PRC) else self.text


def titles(text: str) -> list[Title]:
    return [Title(m.start(), m.end(), m.group(1).strip()) for m in _TITLE.finditer(text) if m.group(1).strip()]


def source_titles(source) -> list[tuple[Title, Title]]:
    """Each title of a source twice, at one span: as the text writes it, and as matched (simplified, half-width).

    Whether a title names a law is decided on the matched form, so a page in traditional characters
    (《中華人民共和國…條例》) is read as its simplified twin is; names keep the text's own characters.
    """
    matched = {t.start: t for t in titles(source.norm)}
    return [(t, matched.get(t.start, t)) for t in titles(source.text)]


def known_law(name: str) -> lexicon.Term | None:
    """The lexicon entry whose form is exactly `name` (after the 中华人民共和国 prefix is dropped)."""
    # the hit find() would give at 0 spanning the whole key is the longest form there, the key itself
    return lexicon.law_matcher().exact(normalize(name[len(PRC) :] if name.startswith(PRC) else name))


def is_law(title: Title) -> bool:
    """A known law, or a title shaped like one and not scoped to a place or a local plan."""
    if known_law(title.short):
        return True
    short = title.short
    patterns = _patterns()
    if not patterns["law_ending"].search(short) or patterns["local"].search(short):
        return False
    place = patterns["place"].match(short)
    return not (place and not patterns["national"].search(place.group(0)))


def law_key(name: str) -> str:
    """One key per law, so 《中华人民共和国宪法》 and 宪法 are one record of a report."""
    term = known_law(name)
    return term.name if term else compact(name[len(PRC) :] if name.startswith(PRC) else name)

"""《…》 titles in a report, and whether each names a law (of national scope) or some other document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text import lexicon
from kg.text import compact, normalize

_TITLE = re.compile(r"《([^《》\n]{1,80})》")
PRC = "中华人民共和国"
# Suffixes that make a title a law, an administrative regulation or a Party regulation.
_LAW_ENDING = re.compile(r"(法|法典|条例|规定|准则|章程|办法|规则|细则)(（[^（）]{1,6}）|\([^()]{1,6}\))?$")
# Words of a local plan, programme or report: such a title is a document whatever it ends in.
_LOCAL_WORDS = re.compile(r"关于|实施意见|实施方案|方案|计划|要点|纲要|清单|指引|安排|意见|通知|决定|报告|\d{4}\s*年")
# A place name opening the title (双龙镇…, 河南省…): local scope, so a document.
_PLACE = re.compile(r"^(中共)?[\u4e00-\u9fff]{2,8}?(省|自治区|市|州|县|区|旗|镇|乡|街道|村|社区)")


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


def known_law(name: str) -> lexicon.Term | None:
    """The lexicon entry whose form is exactly `name` (after the 中华人民共和国 prefix is dropped)."""
    key = normalize(name[len(PRC) :] if name.startswith(PRC) else name)
    for hit in lexicon.law_matcher().find(key):
        if hit.start == 0 and hit.end == len(key):
            return hit.term
    return None


def is_law(title: Title) -> bool:
    """A known law, or a title shaped like one and not scoped to a place or a local plan."""
    if known_law(title.short):
        return True
    short = title.short
    if not _LAW_ENDING.search(short) or _LOCAL_WORDS.search(short):
        return False
    place = _PLACE.match(short)
    return not (place and not re.search("中华|全国|国家", place.group(0)))


def law_key(name: str) -> str:
    """One key per law, so 《中华人民共和国宪法》 and 宪法 are one record of a report."""
    term = known_law(name)
    return term.name if term else compact(name[len(PRC) :] if name.startswith(PRC) else name)

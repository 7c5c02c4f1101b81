"""Laws, administrative regulations and Party regulations a report cites, by short name.

Two sources: 《…》 titles shaped like a national law (or naming a known one), and known laws written
without 《》 (学习宪法、行政处罚法). A law's name inside a campaign's (宪法宣传周, 民法典宣传月) is not a citation.
"""

from __future__ import annotations

from kg.text import lexicon
from kg.text.spans import Spans
from kg.extract import campaigns
from kg.extract.titles import PRC, is_law, law_key, titles
from kg.model import Law, Section, Source
from kg.text import evidence

# A law's name is not one when its last 法 starts another word: 劳动法律, 土地管理法规, 教育法治.
_WORD_AFTER_FA = set("律规治制院官庭人理学务定")


def _short(name: str) -> str:
    return name[len(PRC) :] if name.startswith(PRC) else name


def mentions(source: Source) -> list[tuple[int, int, str]]:
    """(start, end, short name) of every law citation, in reading order."""
    text = source.text
    out = []
    all_titles = titles(text)
    for title in all_titles:
        if is_law(title):
            out.append((title.start + 1, title.end - 1, title.short))
    blocked = Spans((t.start, t.end) for t in all_titles)
    for campaign in campaigns.mentions(source):
        blocked.add(campaign.evidence.start, campaign.evidence.end)
    for hit in lexicon.law_matcher().find(text, source.norm):
        if blocked.overlaps(hit.start, hit.end):
            continue
        if source.norm[hit.end - 1] == "法" and text[hit.end : hit.end + 1] in _WORD_AFTER_FA:
            continue
        start = hit.start
        if text[max(0, start - len(PRC)) : start] == PRC:
            start -= len(PRC)
        out.append((start, hit.end, _short(text[start : hit.end])))
    return sorted(out)


def extract(source: Source, sections: tuple[Section, ...] = ()) -> tuple[Law, ...]:
    """One record per law, named as the text first writes it, with the evidence of that mention."""
    found: dict[str, Law] = {}
    for start, end, name in mentions(source):
        key = law_key(name)
        if key not in found:
            found[key] = Law(name, evidence(source.path, source.text, start, end))
    return tuple(found.values())

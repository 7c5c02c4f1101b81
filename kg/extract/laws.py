"""Laws, administrative regulations and Party regulations a report cites, by short name.

Two sources: 《…》 titles shaped like a national law (or naming a known one), and known laws written
without 《》 (学习宪法、行政处罚法). A law's name inside a campaign's (宪法宣传周, 民法典宣传月) is not a citation.
"""

from __future__ import annotations

from kg.text import lexicon
from kg.text.spans import Spans
from kg.extract import campaigns
from kg.extract.titles import PRC, fa_joins_next, is_law, law_key, source_titles
from kg.model import Campaign, Law, Section, Source
from kg.model import evidence

def mentions(source: Source, campaign_mentions: list[Campaign] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, short name) of every law citation, in reading order; `campaign_mentions` are read when not given."""
    text, norm = source.text, source.norm
    out = []
    both = source_titles(source)
    for title, seen in both:
        if is_law(seen):
            out.append((title.start + 1, title.end - 1, title.text[len(PRC):] if seen.text.startswith(PRC) else title.text))
    blocked = Spans((t.start, t.end) for t, _ in both)
    for campaign in campaigns.mentions(source) if campaign_mentions is None else campaign_mentions:
        blocked.add(campaign.evidence.start, campaign.evidence.end)
    for hit in lexicon.law_matcher().find(text, norm):
        if blocked.overlaps(hit.start, hit.end):
            continue
        if fa_joins_next(norm, hit.end) or norm.startswith(lexicon.words("law_words", "ceremony_after"), hit.end):
            continue  # 宪法宣誓: an oath taken on the law is a ceremony, the law is not cited
        start = hit.start
        if norm[max(0, start - len(PRC)) : start] == PRC:
            start -= len(PRC)
        out.append((start, hit.end, text[start + len(PRC) : hit.end] if norm.startswith(PRC, start) else text[start : hit.end]))
    return sorted(out)


def extract(source: Source, sections: tuple[Section, ...] = (),
            campaign_mentions: list[Campaign] | None = None) -> tuple[Law, ...]:
    """One record per law, named as the text first writes it, with the evidence of that mention."""
    found: dict[str, Law] = {}
    for start, end, name in mentions(source, campaign_mentions):
        key = law_key(name)
        if key not in found:
            found[key] = Law(name, evidence(source.path, source.text, start, end))
    return tuple(found.values())

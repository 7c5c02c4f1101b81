"""Documents cited in a report: every 《…》 title that is not a law (local plans, work points, books, articles)."""

from __future__ import annotations

from kg.extract.titles import is_law, source_titles
from kg.model import DocumentRef, Section, Source
from kg.model import evidence
from kg.text import compact


def extract(source: Source, sections: tuple[Section, ...] = ()) -> tuple[DocumentRef, ...]:
    """One record per distinct title, with the evidence of its first mention."""
    found: dict[str, DocumentRef] = {}
    for title, seen in source_titles(source):
        key = compact(title.text)
        if not key or key in found or is_law(seen):
            continue
        found[key] = DocumentRef(title.text, evidence(source.path, source.text, title.start + 1, title.end - 1))
    return tuple(found.values())

"""Header facts from outside the text: a page's 文号 field, command-line options and manifest rows.

A page's 发布机构 and 成文日期 are clues weighed with the text's own (kg.structure.clues); its 文号
only fills a number the text lacks. What a user states (options, manifest) wins over the text, and a
disagreement is reported with both values, since one of them is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.model import Header, Report, Source
from kg.structure.header import doc_number_in
from kg.text.places import county_name, township_name


@dataclass(frozen=True)
class Hints:
    """Township, county and year a user states for a file; `origin` names where they came from."""

    township: str | None = None
    county: str | None = None
    year: int | None = None
    origin: str = "command line"

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.township, self.county, self.year))


def apply_hints(report: Report, hints: Hints | None = None) -> Report:
    """The report with format metadata filling gaps, then the user's hints overriding, conflicts warned."""
    header, warnings = hinted_header(report.source, report.header, hints)
    if header is report.header and not warnings:
        return report
    return replace(report, header=header, warnings=report.warnings + tuple(warnings))


def hinted_header(source: Source, header: Header, hints: Hints | None = None) -> tuple[Header, list[str]]:
    """(header, conflict warnings) after format metadata and the user's hints."""
    header = _apply_metadata(source, header)
    if not hints:
        return header, []
    fields, warnings = {}, []
    stated = {
        "township": (township_name(hints.township), township_name(header.township)),
        "county": (county_name(hints.county), county_name(header.county)),
        "year": (hints.year, header.year),
    }
    for name, (given, found) in stated.items():
        if given is None:
            continue
        if found is not None and given != found:
            warnings.append(
                f"{source.path}: {name} in the text is {found}, the {hints.origin} says {given}; "
                f"using the {hints.origin}"
            )
        fields[name] = given
    if "county" in fields:
        fields["county_inferred"] = False
    return replace(header, **fields), warnings


def _apply_metadata(source: Source, header: Header) -> Header:
    """The page's 文号 when the text has none; its 发布机构 and 成文日期 are clues read with the header."""
    number = doc_number_in(dict(source.metadata).get("文号") or "")
    return replace(header, doc_number=number) if header.doc_number is None and number else header

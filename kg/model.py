"""Frozen records passed between the stages; no stage owns them and none holds a database or RDF object."""

from __future__ import annotations

from dataclasses import dataclass, field
from kg.ids import report_key
from kg.text import sentence_bounds

SECTION_KINDS = ("measures", "duty", "shortcomings", "plans", "other")
ITEM_KINDS = ("measure", "shortcoming", "plan")

# How a section's items were found, so that an empty list is never silently a parse failure.
PARSE_NUMBERED = "numbered"  # （一）/1./（1） headings
PARSE_INLINE = "inline"  # 一是…二是… enumerations
PARSE_PARAGRAPH = "paragraph"  # one item per paragraph, no markers
PARSE_EMPTY = "empty"  # the section has a heading and no body: the report states nothing here
PARSE_FAILED = "failed"  # the section has a body but no item could be made out of it
PARSE_NOT_ITEMIZED = "not-itemized"  # kind "other": items are not sought


@dataclass(frozen=True)
class Source:
    """A report file read into text; `norm` has the same length as `text`, for matching."""

    path: str
    text: str
    norm: str
    encoding: str
    sha256: str
    fmt: str = "txt"
    metadata: tuple[tuple[str, str], ...] = ()  # header fields a format carries (html 文号, 发布机构, …)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the source file, character offsets into its text, and the sentence."""

    source: str
    start: int
    end: int
    sentence: str



def evidence(source_path: str, text: str, start: int, end: int) -> Evidence:
    """Evidence for text[start:end]: the offsets and the sentence that holds them."""
    s, e = sentence_bounds(text, start, end)
    return Evidence(source=source_path, start=start, end=end, sentence=text[s:e])

@dataclass(frozen=True)
class Clue:
    """One reading of a header fact (township, county or year): the value, the cue it came from, its weight.

    A header fact is the value whose clues weigh most; the clues stay with it as its evidence.
    `evidence` is None for a clue read from a format's metadata rather than from the text; `page_field`
    then says which field it was read from (发布机构：白露镇人民政府), for a user checking the choice.
    """

    field: str
    value: str | int
    cue: str
    weight: float
    evidence: Evidence | None = None
    page_field: str | None = None


@dataclass(frozen=True)
class Header:
    """Facts from the title, header lines and signature of a report."""

    title: str | None = None
    township: str | None = None
    county: str | None = None
    year: int | None = None
    doc_number: str | None = None
    issuer: str | None = None
    addressee: str | None = None
    county_inferred: bool = False
    evidence: Evidence | None = None  # the title line
    clues: tuple[Clue, ...] = ()  # every reading of township, county and year, chosen or not


@dataclass(frozen=True)
class Item:
    """A measure, shortcoming or plan: its heading (or first clause) and the span of its whole body."""

    kind: str
    text: str
    section: int
    ordinal: int
    evidence: Evidence
    body_start: int
    body_end: int
    answers: int | None = None  # a plan stated in a problem's own item (……。对此，我们将……): that shortcoming's ordinal

    def body(self, source_text: str) -> str:
        return source_text[self.body_start : self.body_end]

    def heading_in(self, source_text: str) -> str:
        """The heading as `source_text` has it: the report's text, or its matched form (same offsets, simplified)."""
        return source_text[self.evidence.start : self.evidence.end]


@dataclass(frozen=True)
class Section:
    """A top-level section: its heading, kind, span and how its items were parsed."""

    index: int
    kind: str
    heading: str
    evidence: Evidence
    start: int
    end: int
    parse: str


@dataclass(frozen=True)
class Law:
    name: str
    evidence: Evidence


@dataclass(frozen=True)
class DocumentRef:
    title: str
    evidence: Evidence


@dataclass(frozen=True)
class Campaign:
    """A named campaign, day, model or method; `name` is the canonical label shared across reports."""

    name: str
    surface: str
    evidence: Evidence
    category: str = "campaign"  # day | programme | model | local


@dataclass(frozen=True)
class Metric:
    indicator: str
    value: float
    unit: str
    approx: bool
    evidence: Evidence
    upper: float | None = None  # a range's upper bound: 3至5次 is value 3, upper 5


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    evidence: Evidence


@dataclass(frozen=True)
class ThemeTag:
    """A theme (a SKOS concept id) assigned to an item, with the keywords that put it there."""

    item_kind: str
    item_ordinal: int
    theme: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """A scored, explained link between two items (plan→shortcoming, measure→plan, shortcoming→shortcoming)."""

    kind: str  # addresses | follows_up | recurs
    source_report: str  # Report.key
    source_kind: str
    source_ordinal: int
    target_report: str
    target_kind: str
    target_ordinal: int
    score: float
    method: str
    themes: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything read out of one report file."""

    source: Source
    header: Header
    sections: tuple[Section, ...]
    measures: tuple[Item, ...] = ()
    shortcomings: tuple[Item, ...] = ()
    plans: tuple[Item, ...] = ()
    laws: tuple[Law, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    metrics: tuple[Metric, ...] = ()
    persons: tuple[Person, ...] = ()
    themes: tuple[ThemeTag, ...] = ()
    links: tuple[Link, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        """Identity of the report: township, county, year and file stem (an edited file keeps its key)."""
        return report_key(self)

    def items(self, kind: str) -> tuple[Item, ...]:
        return {"measure": self.measures, "shortcoming": self.shortcomings, "plan": self.plans}[kind]

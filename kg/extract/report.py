"""Source → Report: the structure parser and every extractor, run over one file."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from kg.errors import KgError, ReadError
from kg.extract import campaigns, documents, laws, measures, metrics, persons, plans, shortcomings
from kg.structure.hints import Hints, apply_hints
from kg.model import Header, Report, Source
from kg.read import make_source, read_source
from kg.structure import outline as structure
from kg.text.pasted import readable
from kg.extract.origin import restore
from kg.extract.origin import restore_header


@dataclass(frozen=True)
class Outcome:
    """One file's result: a report, or the error that stopped it."""

    path: str
    report: Report | None = None
    error: KgError | None = None


def extract_report(source: Source, hints: Hints | None = None) -> Report:
    """Run the structure parser and every extractor over one source; `hints` override header facts.

    Text hard-wrapped as out of a PDF is read joined (and a pasted text's glosses and flattened lines as
    `kg.text.pasted` reads them), and its offsets are taken back to the original.
    """
    unwrapped = readable(source.text)
    if unwrapped is not None:
        return apply_hints(restore(_extract(_joined(source, unwrapped)), source, unwrapped), hints)
    return apply_hints(_extract(source), hints)


def header_of(source: Source) -> Header:
    """The header facts alone, read as extract_report reads them (hard-wrapped text joined first)."""
    unwrapped = readable(source.text)
    if unwrapped is None:
        return structure.parse(source).header

    return restore_header(structure.parse(_joined(source, unwrapped)).header, unwrapped)


def _joined(source: Source, unwrapped) -> Source:
    return replace(make_source(source.path, unwrapped.text, source.encoding, source.fmt), metadata=source.metadata)


def _extract(source: Source) -> Report:
    outline = structure.parse(source)
    sections = outline.sections
    people = persons.extract(source, sections)
    planned = plans.extract(source, outline)
    mentioned = campaigns.mentions(source)  # laws skip what campaigns name (宪法宣传周): read once for both
    report = Report(
        source=source,
        header=outline.header,
        sections=sections,
        measures=measures.extract(source, outline),
        shortcomings=shortcomings.extract(source, outline),
        plans=planned,
        laws=laws.extract(source, sections, mentioned),
        documents=documents.extract(source, sections),
        campaigns=campaigns.extract(source, sections, mentioned),
        metrics=metrics.extract(source, sections, people, planned,
                                outline.header.evidence.end if outline.header.evidence else 0),
        persons=people,
        warnings=outline.warnings,
    )
    return report


def extract_path(path: str | os.PathLike, hints: Hints | None = None, name: str | None = None) -> Outcome:
    """One file extracted; `name` (else the path as given) is the source path its report and evidence keep."""
    try:
        source = read_source(path)
        if name is not None:
            source = replace(source, path=name)
        return Outcome(str(path), report=extract_report(source, hints))
    except ReadError as exc:
        if name is not None and exc.path == name:  # an error names the file where the user can find it
            exc = type(exc)(path, exc.reason)
        return Outcome(str(path), error=exc)
    except KgError as exc:
        return Outcome(str(path), error=exc)
    except Exception as exc:  # a bug must not stop the other files; the message names the file
        return Outcome(str(path), error=ReadError(path, f"internal error: {type(exc).__name__}: {exc}"))

"""Source → Report: the structure parser and every extractor, run over one file or a stream of files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from kg.errors import KgError, ReadError
from kg.hints import Hints, apply_hints
from kg.model import Report, Source
from kg.read import iter_report_paths, read_source


@dataclass(frozen=True)
class Outcome:
    """One file's result: a report, or the error that stopped it."""

    path: str
    report: Report | None = None
    error: KgError | None = None


def extract_report(source: Source, hints: Hints | None = None) -> Report:
    """Run the structure parser and every extractor over one source; `hints` override header facts."""
    from kg import structure
    from kg.extract import campaigns, documents, laws, measures, metrics, persons, plans, shortcomings

    outline = structure.parse(source)
    sections = outline.sections
    report = Report(
        source=source,
        header=outline.header,
        sections=sections,
        measures=measures.extract(source, outline),
        shortcomings=shortcomings.extract(source, outline),
        plans=plans.extract(source, outline),
        laws=laws.extract(source, sections),
        documents=documents.extract(source, sections),
        campaigns=campaigns.extract(source, sections),
        metrics=metrics.extract(source, sections),
        persons=persons.extract(source, sections),
        warnings=outline.warnings,
    )
    return apply_hints(report, hints)


def extract_path(path: str | os.PathLike, hints: Hints | None = None) -> Outcome:
    try:
        return Outcome(str(path), report=extract_report(read_source(path), hints))
    except KgError as exc:
        return Outcome(str(path), error=exc)
    except Exception as exc:  # a bug must not stop the other files; the message names the file
        return Outcome(str(path), error=ReadError(path, f"internal error: {type(exc).__name__}: {exc}"))


def iter_outcomes(
    paths: Iterable[str | os.PathLike], hints_for: Callable[[str], Hints | None] | None = None,
    jobs: int | None = 1,
) -> Iterator[Outcome]:
    """Yield one Outcome per report file under `paths`, in file order; `hints_for(path)` gives its hints.

    With `jobs` other than 1 the files are extracted by that many worker processes (None: all cores).
    """
    if jobs != 1:
        from kg.parallel import iter_outcomes as parallel_outcomes

        yield from parallel_outcomes(paths, jobs, hints_for)
        return
    for path in iter_report_paths(paths):
        yield extract_path(path, hints_for(str(path)) if hints_for else None)


def with_header(report: Report, **fields) -> Report:
    return replace(report, header=replace(report.header, **fields))

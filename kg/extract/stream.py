"""A stream of report files → one Outcome each, in file order: in this process, or over worker processes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping

from kg.extract.parallel import iter_outcomes as parallel_outcomes
from kg.extract.report import Outcome, extract_path
from kg.structure.hints import Hints
from kg.read import iter_report_paths


def iter_outcomes(
    paths: Iterable[str | os.PathLike], hints_for: Callable[[str], Hints | None] | None = None,
    jobs: int | None = 1, names: Mapping[str, str] | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per report file under `paths`, in file order; `hints_for(path)` gives its hints.

    With `jobs` other than 1 the files are extracted by that many worker processes (None: all cores).
    `names` (file → name, kg.read.source_names) gives the source path a report keeps; else the path as given.
    """
    if jobs != 1:
        yield from parallel_outcomes(paths, jobs, hints_for, names)
        return
    for path in iter_report_paths(paths):
        yield extract_path(path, hints_for(str(path)) if hints_for else None, names.get(str(path)) if names else None)

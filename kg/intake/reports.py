"""Files → the reports to keep: hints applied, counties inferred, duplicates dropped, each file's fate noted.

`kg extract` and `kg load` share this, so both treat a folder the same way: a file that fails is
named with its reason and the rest go on; a second copy of a report is dropped, naming the kept one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from kg.intake.counties import infer_county, township_counties
from kg.intake.dedupe import Deduper
from kg.errors import KgError, ReadError
from kg.structure.hints import Hints, hinted_header
from kg.model import Report
from kg.extract.report import header_of
from kg.read import read_source
from kg.extract.parallel import ordered_map
from kg.read import iter_report_paths
from kg.extract.parallel import workers_for
from kg.extract.stream import iter_outcomes
from kg.read import REPORT_SUFFIXES, folders_without_reports, iter_report_paths, source_names
from kg.structure.clues import totals

HintsFor = Callable[[str], "Hints | None"]


@dataclass
class Intake:
    """What happened to each file: errors (not loaded), duplicates (dropped), warnings (loaded, but check)."""

    errors: list[KgError] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def fixed_hints(township: str | None = None, county: str | None = None, year: int | None = None) -> HintsFor | None:
    """Hints from command-line options, the same for every file; None when no option was given."""
    hints = Hints(township, county, year, origin="command line")
    return (lambda _path: hints) if hints else None


def _header_of(task: tuple[str, Hints | None]):
    path, hints = task
    try:
        source = read_source(path)
        return hinted_header(source, header_of(source), hints)[0]
    except Exception:  # noqa: BLE001 - the main pass reports this file's error
        return None


def known_counties(paths: Iterable[str | os.PathLike], hints_for: HintsFor | None = None,
                   jobs: int | None = 1) -> dict[str, frozenset[str]]:
    """A first pass over the headers only, for county inference; unreadable files are left to the main pass."""
    tasks = ((str(p), hints_for(str(p)) if hints_for else None) for p in iter_report_paths(paths))
    headers = ordered_map(_header_of, tasks, jobs, initializer=None)
    return township_counties(header for header in headers if header is not None)


def iter_reports(paths: Iterable[str | os.PathLike], intake, hints_for: HintsFor | None = None,
                 jobs: int | None = 1, counties: dict[str, frozenset[str]] | None = None,
                 names: Mapping[str, str] | None = None) -> Iterator[Report]:
    """Each report to keep, in file order; `intake` (an Intake or anything with its lists) records the rest.

    `jobs` worker processes extract (None: all cores); the reports come out the same for any number.
    `counties` (township → counties, for county inference) replaces the first pass over these files'
    headers, for a caller that knows more, such as the counties a store already holds. `names` (file →
    the source path its report keeps, kg.read.source_names) is for a caller that expanded the folders
    itself; else each report keeps its path inside the folder given.
    """
    for _path, report in iter_located_reports(paths, intake, hints_for, jobs, counties, names):
        yield report


def iter_located_reports(paths: Iterable[str | os.PathLike], intake, hints_for: HintsFor | None = None,
                         jobs: int | None = 1, counties: dict[str, frozenset[str]] | None = None,
                         names: Mapping[str, str] | None = None) -> Iterator[tuple[str, Report]]:
    """(the file on this machine, its report) for each report to keep, as iter_reports."""
    paths = list(paths)
    for folder in folders_without_reports(paths):
        intake.errors.append(ReadError(folder, f"no report files ({' '.join(REPORT_SUFFIXES)}) in this folder"))
    if names is None:
        names = source_names(paths)
    paths = list(iter_report_paths(paths))
    # A worker costs a process and its dictionaries: never more of them than files.
    jobs = workers_for(jobs, len(paths))
    if counties is None:
        counties = known_counties(paths, hints_for, jobs)
    deduper = Deduper()
    keys: dict[str, str] = {}
    for outcome in iter_outcomes(paths, hints_for, jobs, names):
        if outcome.error is not None:
            intake.errors.append(outcome.error)
            continue
        report = outcome.report
        if not report.header.township:
            # A report keyed under no township would join every other such report; the user must say.
            intake.errors.append(ReadError(outcome.path, "no township found in the text; give it with "
                                                         "--township or a manifest row"))
            continue
        report = replace(report, header=infer_county(report.header, counties))
        # The report keeps its name inside the folder; a message names the file as the user gave it.
        own = f"{report.source.path}: "
        intake.warnings.extend(outcome.path + w[len(own) - 2:] for w in report.warnings if w.startswith(own))
        verdict = deduper.check(report, outcome.path)
        if not verdict.keep:
            intake.duplicates.append(verdict.note)
            continue
        if verdict.note:
            intake.warnings.append(verdict.note)
        if report.key in keys:
            intake.errors.append(KgError(
                f"{outcome.path}: a different text with the same township, county, year and file name as "
                f"{keys[report.key]}; rename one of them"
            ))
            continue
        keys[report.key] = outcome.path
        if hasattr(intake, "kept"):
            intake.kept.append(outcome.path)
        yield outcome.path, report


def dry_run(paths: Iterable[str | os.PathLike], hints_for: HintsFor | None = None) -> tuple[list[dict], Intake]:
    """What a load would do: one row per kept report (file, format, identity, counts), and the intake."""
    intake = Intake()
    rows = []
    for path, report in iter_located_reports(paths, intake, hints_for):
        header = report.header
        rows.append({
            "file": path,  # as given, for the user to find; the graph would keep report.source.path
            "format": report.source.fmt,
            "encoding": report.source.encoding,
            "township": header.township,
            "county": header.county,
            "year": header.year,
            "sections": len(report.sections),
            "measures": len(report.measures),
            "shortcomings": len(report.shortcomings),
            "plans": len(report.plans),
            "key": report.key,
            "clues": header.clues,
            "county_inferred": header.county_inferred,
        })
    return rows, intake


def format_dry_run(rows: list[dict]) -> str:
    """One tab-separated line per report a load would keep, under a header line; below each, indented,
    the clues that chose its township, county and year and the runner-up values."""
    columns = ("file", "format", "township", "county", "year", "sections", "measures", "shortcomings", "plans")
    lines = ["\t".join(columns)]
    for row in rows:
        lines.append("\t".join("-" if row[c] is None else str(row[c]) for c in columns))
        lines.extend(explain_clues(row.get("clues", ()), {f: row[f] for f in _FIELD_LABELS},
                                   row.get("county_inferred", False)))
    return "\n".join(lines)


_FIELD_LABELS = {"township": "乡镇", "county": "县区", "year": "年份"}
_SHOWN_CLUES, _SHOWN_RIVALS, _EXCERPT = 3, 2, 12


# A value no clue of the text gave: the county of the one county holding this township, or the user's word.
INFERRED = "由同名乡镇推定（库中或本批仅一个县有此乡镇）"
STATED = "来自命令行或清单"


def explain_clues(clues, chosen: dict, county_inferred: bool = False) -> list[str]:
    """Indented lines: per field the chosen value, its weight and its heaviest clues with an excerpt, then rivals."""
    lines = []
    for field, label in _FIELD_LABELS.items():
        ranked = totals(clues, field)
        value = chosen.get(field)
        if value is None and not ranked:
            lines.append(f"  {label} -: 无线索")
            continue
        weights = dict(ranked)
        if value is None:
            lines.append(f"  {label} -: 未定")
        else:
            own = sorted((c for c in clues if c.field == field and c.value == value), key=lambda c: -c.weight)
            shown = "；".join(_clue_text(c) for c in own[:_SHOWN_CLUES])
            more = f"；另{len(own) - _SHOWN_CLUES}条" if len(own) > _SHOWN_CLUES else ""
            if value in weights:
                source = f"{weights[value]:g}分：{shown}{more}"
            else:
                source = INFERRED if field == "county" and county_inferred else STATED
            lines.append(f"  {label} {value} {source}")
        rivals = [(v, w) for v, w in ranked if v != value][:_SHOWN_RIVALS]
        if rivals:
            lines.append("    其他候选：" + "，".join(f"{v} {w:g}分" for v, w in rivals))
    return lines


def _clue_text(clue) -> str:
    if clue.evidence is None:
        said = f"「{clue.page_field[:2 * _EXCERPT]}」" if clue.page_field else ""
        return f"{clue.cue} {clue.weight:g}{said}"
    sentence, name = clue.evidence.sentence, str(clue.value)
    at = max(sentence.find(name), 0)
    excerpt = sentence[max(0, at - _EXCERPT): at + len(name) + _EXCERPT].replace("\n", " ")
    return f"{clue.cue} {clue.weight:g}「{excerpt}」@{clue.evidence.start}"

"""Reports → CSV files for `neo4j-admin database import full`: one node file per label, one relationship file per type.

The rows are the loader's own (`report_rows` of each linked report), so the import and `kg load` build
the same graph. Rows stream to spool files while the columns and their types are learnt, then each
CSV is written with its header: `uri:ID`, typed property columns and `:LABEL` for nodes,
`:START_ID`, `:END_ID`, `:TYPE` and typed properties for relationships. Lists use U+001F between
elements (`--array-delimiter=U+001F`); texts may hold line breaks (`--multiline-fields=true`).
"""

from __future__ import annotations

import csv
import json
import os
import shlex
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.ids import report_iri
from kg.intake.reports import Intake
from kg.mapping.rows import RESOURCE, report_rows
from kg.link.stage import Linker
from kg.intake.reports import iter_reports

ARRAY_DELIMITER = "\x1f"
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


@dataclass
class ExportSummary(Intake):
    """What an export wrote: reports, node and relationship rows, files, and each file's fate (the lists of Intake)."""

    reports: int = 0
    nodes: int = 0
    relationships: int = 0
    files: list[str] = field(default_factory=list)


class _Spool:
    """Rows of one CSV file, spooled as JSON lines while the union of their columns is learnt."""

    def __init__(self, path: Path):
        self.path = path
        self.handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in finish()
        self.columns: dict[str, str] = {}
        self.rows = 0

    def add(self, fixed: list, props: dict) -> None:
        for key, value in props.items():
            kind = _kind(value)
            if kind is not None:
                self.columns.setdefault(key, kind)
        self.handle.write(json.dumps([fixed, props], ensure_ascii=False) + "\n")
        self.rows += 1

    def finish(self, target: Path, fixed_header: list[str], skip: tuple[str, ...] = ()) -> None:
        self.handle.close()
        keys = sorted(k for k in self.columns if k not in skip)
        with open(self.path, encoding="utf-8") as rows, open(target, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(fixed_header + [f"{k}:{self.columns[k]}" for k in keys])
            for line in rows:
                fixed, props = json.loads(line)
                writer.writerow(fixed + [_cell(props.get(k)) for k in keys])
        self.path.unlink()


def _owned(uri: str, report_uri: str) -> bool:
    return uri == report_uri or uri.startswith(report_uri + "/")


def _kind(value) -> str | None:
    if isinstance(value, list):
        inner = {_TYPES.get(type(v), "string") for v in value}
        return (inner.pop() if len(inner) == 1 else "string") + "[]" if value else None
    return _TYPES.get(type(value), "string") if value is not None else None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(v) for v in value)
    return str(value)


def linked_reports(paths: Iterable[str | os.PathLike], intake, jobs: int | None = 1):
    """Each kept report with its themes, within-report links and links to the adjacent years already seen."""
    yield from Linker()(iter_reports(paths, intake, None, jobs))


def export_neo4j_csv(paths: Iterable[str | os.PathLike], out_dir: str | os.PathLike,
                     jobs: int | None = 1) -> ExportSummary:
    """Write node and relationship CSV files for neo4j-admin under `out_dir` from report files or folders."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        spool_dir = out / ".spool"
        spool_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise KgError(f"{out}: cannot write here: {exc.strerror or exc}") from exc
    summary = ExportSummary()
    nodes: dict[str, _Spool] = {}
    rels: dict[str, _Spool] = {}
    seen_shared: set[str] = set()  # townships, laws, campaigns…: written once, however many reports cite them
    seen_edges: set[tuple[str, str, str]] = set()
    for report in linked_reports(paths, summary, jobs):
        rows = report_rows(report)
        own = report_iri(report.key)
        for label, part in rows.nodes.items():
            if label not in nodes:
                nodes[label] = _Spool(spool_dir / f"nodes-{label}.jsonl")
            spool = nodes[label]
            for row in part:
                uri = row["uri"]
                if not _owned(uri, own):
                    if uri in seen_shared:
                        continue
                    seen_shared.add(uri)
                spool.add([uri, f"{RESOURCE};{label}"], row["props"])
                summary.nodes += 1
        for rel_type, part in rows.relationships.items():
            if rel_type not in rels:
                rels[rel_type] = _Spool(spool_dir / f"relationships-{rel_type}.jsonl")
            spool = rels[rel_type]
            for row in part:
                if "uri" not in row["props"] and not _owned(row["source"], own):
                    edge = (row["source"], rel_type, row["target"])
                    if edge in seen_edges:  # a shared node's own relationship, stated by every report
                        continue
                    seen_edges.add(edge)
                spool.add([row["source"], row["target"], rel_type], row["props"])
                summary.relationships += 1
        summary.reports += 1
    for label, spool in sorted(nodes.items()):
        target = out / f"nodes-{label}.csv"
        spool.finish(target, ["uri:ID", ":LABEL"], skip=("uri",))  # the :ID column is the uri property
        summary.files.append(str(target))
    for rel_type, spool in sorted(rels.items()):
        target = out / f"relationships-{rel_type}.csv"
        spool.finish(target, [":START_ID", ":END_ID", ":TYPE"])
        summary.files.append(str(target))
    shutil.rmtree(spool_dir, ignore_errors=True)
    return summary


def import_command(summary: ExportSummary, database: str = "neo4j") -> str:
    """The neo4j-admin command that imports the files an export wrote."""
    parts = ["neo4j-admin database import full", database, "--overwrite-destination=true",
             "--array-delimiter=U+001F", "--multiline-fields=true"]
    for path in summary.files:
        name = Path(path).name
        # Quoted: a folder name with spaces or `$(…)` must stay one argument when the line is pasted.
        parts.append(("--nodes=" if name.startswith("nodes-") else "--relationships=") + shlex.quote(path))
    return " \\\n  ".join(parts)

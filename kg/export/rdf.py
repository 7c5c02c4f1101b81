"""Reports → RDF files: `kg extract`'s writer, SHACL validation, and the N-Triples stream."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import PurePath

from rdflib import Graph

from kg.atomic import replacing
from kg.text.printable import unicode_escaped
from kg.errors import KgError, UsageError
from kg.intake.counties import township_counties
from kg.intake.reports import iter_reports
from kg.ids import report_iri
from kg.mapping.rdf import new_graph, report_graph
from kg.ontology import PREFIXES, SHAPES_TTL, ontology
from kg.read import iter_report_paths, read_source
from kg.extract.report import header_of

FORMATS = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld", "trig": "trig"}


def validate(graph: Graph) -> tuple[bool, str]:
    """SHACL validation against ontology/shapes.ttl, with the ontology for subclass reasoning."""
    import pyshacl  # heavy: loaded only when a graph is validated

    try:
        shapes = Graph().parse(SHAPES_TTL, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise KgError(f"{SHAPES_TTL}: cannot read the shapes: {exc}") from exc
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology(), advanced=True)
    return bool(conforms), text


# ---------------------------------------------------------------- many reports → a file

@dataclass
class Summary:
    """What `extract_to_rdf` did: reports written, triples in the graph, and one error per failed file."""

    reports: int = 0
    triples: int = 0
    errors: list[KgError] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # second copies of a report, naming the kept file
    warnings: list[str] = field(default_factory=list)  # loaded, but a person should look (conflicts)


def known_counties(paths: Iterable[str | os.PathLike]) -> dict[str, frozenset[str]]:
    """A first pass over the headers only, for county inference; unreadable files are left to the main pass."""
    headers = []
    for path in iter_report_paths(paths):
        try:
            headers.append(header_of(read_source(path)))
        except Exception:  # noqa: BLE001 - the main pass reports this file's error
            continue
    return township_counties(headers)


def reports_graph(paths: Iterable[str | os.PathLike], summary: Summary, hints_for=None, jobs: int | None = 1) -> Graph:
    """Every readable report under `paths` in one graph; failed files go to `summary.errors`."""
    graph = new_graph()
    for report in iter_reports(paths, summary, hints_for, jobs):
        report_graph(report, graph)
        summary.reports += 1
    summary.triples = len(graph)
    return graph


def serialize(graph: Graph, fmt: str) -> str:
    """Text in one of FORMATS, the same for the same graph (N-Triples lines sorted)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json-ld":
        text = _sorted_json_ld(graph.serialize(format="json-ld", context=dict(PREFIXES)))
    else:
        text = graph.serialize(format=FORMATS[fmt])
    if fmt == "nt":
        lines = sorted(line for line in text.splitlines() if line.strip())
        text = "\n".join(lines) + ("\n" if lines else "")
    return text


def _sorted_json_ld(text: str) -> str:
    """JSON-LD with nodes in IRI order: rdflib's own order follows string hashing, which varies per run."""
    document = json.loads(text)
    if isinstance(document, dict) and isinstance(document.get("@graph"), list):
        document["@graph"].sort(key=lambda node: str(node.get("@id", "")))
        for node in document["@graph"]:
            for name, values in node.items():
                if isinstance(values, list):  # RDF values are a set; any fixed order will do
                    values.sort(key=lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True))
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def iter_nt_lines(paths: Iterable[str | os.PathLike], summary: Summary, hints_for=None,
                  jobs: int | None = 1) -> Iterator[str]:
    """N-Triples lines report by report, each report's sorted, a shared node's triple only the first time.

    A stream: one report's graph is in memory at a time, and of the shared nodes (townships, laws,
    campaigns…) only digests of the triples already written.
    """
    seen: set[bytes] = set()
    for report in iter_reports(paths, summary, hints_for, jobs):
        own = f"<{report_iri(report.key)}"
        lines = sorted({line for line in report_graph(report).serialize(format="nt").splitlines() if line.strip()})
        for line in lines:
            if not (line.startswith(own + ">") or line.startswith(own + "/")):
                digest = blake2b(line.encode("utf-8"), digest_size=16).digest()
                if digest in seen:
                    continue
                seen.add(digest)
            summary.triples += 1
            yield line + "\n"
        summary.reports += 1


def extract_to_rdf(
    paths: Iterable[str | os.PathLike], output: str | os.PathLike | None, fmt: str = "turtle", hints_for=None,
    jobs: int | None = 1,
) -> Summary:
    """Read report files or folders and write their graph to `output` (standard output when None).

    N-Triples is written report by report as the files are read; the other formats need the whole
    graph in memory to group each node's statements.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    summary = Summary()
    if output is None:
        _write_rdf(sys.stdout, paths, summary, fmt, hints_for, jobs, "-")
        return summary
    try:
        # A run that fails half-way leaves the earlier file as it was, not a cut-off graph.
        with replacing(output, parents=False) as handle:
            _write_rdf(handle, paths, summary, fmt, hints_for, jobs, output)
    except OSError as exc:
        raise KgError(f"{PurePath(output)}: cannot write: {exc.strerror or exc}") from exc
    return summary


def _write_rdf(handle, paths, summary: Summary, fmt: str, hints_for, jobs, name) -> None:
    try:
        # Control characters of report text go out as \\u escapes: the same literals, harmless on a terminal.
        if fmt == "nt":
            handle.writelines(unicode_escaped(line) for line in iter_nt_lines(paths, summary, hints_for, jobs))
        else:
            handle.write(unicode_escaped(serialize(reports_graph(paths, summary, hints_for, jobs), fmt)))
        handle.flush()
    except OSError as exc:
        raise KgError(f"{PurePath(name)}: cannot write: {exc.strerror or exc}") from exc

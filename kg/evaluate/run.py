"""A gold folder against a reports folder: extract each report, score it, then links and chains, summed per field."""

from __future__ import annotations

import json
from pathlib import Path

from kg.errors import GoldError
from kg.evaluate.chains import score_chains
from kg.evaluate.score import (
    CHAIN_FIELDS, FIELDS, HEADER_FIELDS, LIST_FIELDS, Count, FileScore, addressed_pairs, score_links, score_report,
)
from kg.model import Report
from kg.read import REPORT_SUFFIXES
from kg.extract.report import extract_path
from kg.evaluate.misses import file_misses
from kg.link.stage import Linker, links_between

CHAINS_FILE = "chains.json"


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON: {exc}") from exc


def load_gold(path: Path) -> dict:
    """One gold file, checked for the fields a complete annotation must have."""
    gold = _read_json(path)
    if not isinstance(gold, dict) or not isinstance(gold.get("file"), str):
        raise GoldError(f'{path}: a gold file is a JSON object with a "file" field')
    if gold.get("complete", True):
        missing = [name for name in HEADER_FIELDS + LIST_FIELDS + ("links",) if name not in gold]
        if missing:
            raise GoldError(f"{path}: missing {', '.join(missing)}")
    for name in LIST_FIELDS + ("links",):
        if gold.get(name) is not None and not isinstance(gold[name], list):
            raise GoldError(f"{path}: {name} must be a list")
    return gold


def report_path(reports_dir: Path, gold: dict) -> Path | None:
    """The report a gold file describes: its `file` name, else the same stem with any report suffix."""
    named = reports_dir / Path(gold["file"]).name
    if named.is_file():
        return named
    for suffix in REPORT_SUFFIXES:
        candidate = named.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def _extract(gold_path: Path, gold: dict, reports_dir: Path, errors: list[str]) -> Report | None:
    """The gold file's report, extracted and linked within itself (the years are paired by the chains)."""
    path = report_path(reports_dir, gold)
    if path is None:
        errors.append(f"{gold_path}: no report {gold['file']} in {reports_dir}")
        return None
    outcome = extract_path(path)
    if outcome.error is not None:
        errors.append(str(outcome.error))
        return None
    report = outcome.report
    try:
        report = Linker(keep=0).link(report)
    except Exception as exc:  # a linking bug must not hide the other scores; it is reported
        errors.append(f"{path}: linking failed: {type(exc).__name__}: {exc}")
    return report


def drop_unannotated(gold: dict, counts: dict[str, Count]) -> None:
    """A cut-short report's gold may leave a field out: that field is not scored for the file.

    An opening is annotated for its header and sections; an empty list of items there says only that
    the opening stops before them, so it is not scored either (the extractor may read items the cut kept).
    """
    if gold.get("complete", True):
        return
    for name in list(counts):
        if name not in gold or (name not in HEADER_FIELDS and name != "sections" and not gold[name]):
            del counts[name]


def _skipped(reason: str) -> dict:
    return {"p": None, "r": None, "f1": None, "tp": 0, "fp": 0, "fn": 0, "skipped": reason}


def evaluate(gold_dir, reports_dir, misses: bool = False) -> dict:
    """Score every gold file's report: {"micro": {field: scores}, "files": {file: {field: scores}}, "errors", "notes"}.

    With `misses`, the result also holds {"misses": {file: {field: {"missed": [...], "unmatched": [...]}}}}.
    """
    gold_dir, reports_dir = Path(gold_dir), Path(reports_dir)
    gold_paths = sorted(p for p in gold_dir.glob("*.json") if p.name != CHAINS_FILE)
    if not gold_paths:
        raise GoldError(f"{gold_dir}: no gold .json files")
    errors: list[str] = []
    notes: list[str] = []
    files: list[FileScore] = []
    counts: dict[str, dict[str, Count]] = {}
    for gold_path in gold_paths:
        gold = load_gold(gold_path)
        name = Path(gold["file"]).name
        if name in counts:
            raise GoldError(f"{gold_path}: a second gold file for {name}")
        report = _extract(gold_path, gold, reports_dir, errors)
        try:
            counts[name], matches = score_report(gold, report)
            counts[name]["links"] = score_links(gold, report, matches)
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{gold_path}: malformed entry ({type(exc).__name__}: {exc})") from exc
        drop_unannotated(gold, counts[name])
        files.append(FileScore(name, gold, report, matches))

    skipped: dict[str, str] = {}
    chains_path = gold_dir / CHAINS_FILE
    if chains_path.is_file():
        chains = _read_json(chains_path)
        if not isinstance(chains, list):
            raise GoldError(f"{chains_path}: must be a list of chain entries")
        for name, chain_counts in score_chains(chains, files, links_between, str(chains_path), errors).items():
            counts.setdefault(name, {}).update(chain_counts)
    result = summarize(counts, skipped, errors, notes)
    if misses:
        result["misses"] = {f.name: file_misses(f.gold, f.report, f.matches) for f in files}
    return result


def summarize(counts: dict[str, dict[str, Count]], skipped: dict[str, str], errors: list[str], notes: list[str]) -> dict:
    """Counts per file → scores per file and micro-averaged; a skipped field carries its reason instead of numbers."""
    micro, per_file = {}, {}
    for file, fields in counts.items():
        per_file[file] = {f: fields[f].scores() for f in FIELDS if f in fields and f not in skipped}
        per_file[file].update({f: _skipped(skipped[f]) for f in skipped if f in fields})
    for field in FIELDS:
        if field in skipped:
            micro[field] = _skipped(skipped[field])
            continue
        present = [fields[field] for fields in counts.values() if field in fields]
        if present:
            total = Count()
            for count in present:
                total.add(count)
            micro[field] = total.scores()
    return {"micro": micro, "files": per_file, "errors": errors, "notes": notes}


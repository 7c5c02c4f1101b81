"""The layout-invariance harness: every gold report in every layout of kg.evaluate.layouts, scored against its gold.

A reader that follows each document's own shape scores the same whatever the layout; the table says
per layout and field how far it falls from the report as it is.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from kg.evaluate.layouts import LAYOUTS, Layout, kept_by_chrome
from kg.evaluate.misses import file_misses, format_misses
from kg.text import compact
from kg.text.script import is_traditional, to_simplified, to_traditional
from kg.evaluate.run import CHAINS_FILE, drop_unannotated, load_gold, report_path, summarize
from kg.link import link_report
from kg.evaluate.score import FIELDS, Count, score_links, score_report
from kg.errors import GoldError, KgError
from kg.read import read_source
from kg.extract.report import Outcome, extract_path, extract_report

TOLERANCE = 0.02
# Fields whose gold a layout may declare changed (a title that alone named the county, two sections merged).
DECLARED_FIELDS = ("township", "county", "year", "doc_number", "sections", "laws", "documents", "campaigns", "persons")


def evaluate_variants(gold_dir, reports_dir, layouts: tuple[Layout, ...] = LAYOUTS, limit: int | None = None,
                      misses: bool = False) -> dict:
    """{"layouts": {name: micro scores}, "drops": {name: {field: F1 below the original}}, "errors": [...]}.

    With `misses`, also {"misses": {layout: {file: {field: {"missed": [...], "unmatched": [...]}}}}}: the entries a
    layout misses, or reads without a gold match, that the report as it is (the first layout) does not.
    """
    gold_dir, reports_dir = Path(gold_dir), Path(reports_dir)
    gold_paths = sorted(p for p in gold_dir.glob("*.json") if p.name != CHAINS_FILE)[:limit]
    if not gold_paths:
        raise GoldError(f"{gold_dir}: no gold .json files")
    counts: dict[str, dict[str, dict[str, Count]]] = {layout.name: {} for layout in layouts}
    declared: dict[str, dict[str, int]] = {layout.name: {} for layout in layouts}
    missed: dict[str, dict[str, dict]] = {layout.name: {} for layout in layouts}
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kg-variants-") as tmp:
        for gold_path in gold_paths:
            gold = load_gold(gold_path)
            path = report_path(reports_dir, gold)
            if path is None:
                errors.append(f"{gold_path}: no report {gold['file']} in {reports_dir}")
                continue
            page = read_source(path)
            text = page.text
            # A page read as HTML keeps its chrome (site name, breadcrumb, 信息公开 fields) as metadata, apart from its
            # text: each layout's text is read with that metadata, as the page reader gives it.
            chrome = page.metadata if page.fmt == "html" else ()
            for layout in layouts:
                varied, varied_gold = layout.transform(text, gold)
                page_chrome = _chrome_as(chrome, varied, text)
                varied_gold = kept_by_chrome(gold, varied_gold, " ".join(value for _, value in page_chrome), varied)
                for field, n in _declared(gold, varied_gold).items():
                    declared[layout.name][field] = declared[layout.name].get(field, 0) + n
                folder = Path(tmp) / layout.name.replace("/", "_")
                folder.mkdir(exist_ok=True)
                target = folder / Path(gold["file"]).with_suffix(".txt").name
                target.write_bytes(varied.encode(layout.encoding))
                outcome = _extract_with(target, page_chrome) if chrome else extract_path(target)
                report = outcome.report
                if outcome.error is not None:
                    errors.append(f"{layout.name}: {outcome.error}")
                elif link_report is not None:
                    report = link_report(report)
                file_counts, matches = score_report(varied_gold, report)
                file_counts["links"] = score_links(varied_gold, report, matches)
                drop_unannotated(varied_gold, file_counts)
                if misses:  # the fields scored: a cut-short page's unannotated fields are not
                    missed[layout.name][target.name] = {field: entry for field, entry in
                                                        file_misses(varied_gold, report, matches).items()
                                                        if field in file_counts}
                counts[layout.name][target.name] = file_counts
    scores = {name: summarize(by_file, {}, [], [])["micro"] for name, by_file in counts.items()}
    original = scores[layouts[0].name]
    drops = {name: {f: round(original[f]["f1"] - s[f]["f1"], 4) for f in s if f in original
                    and original[f]["f1"] - s[f]["f1"] > 1e-9} for name, s in scores.items()}
    result = {"layouts": scores, "drops": drops, "errors": errors,
              "declared": {name: fields for name, fields in declared.items() if fields},
              "descriptions": {layout.name: layout.description for layout in layouts}}
    if misses:
        result["misses"] = _added_misses(missed, layouts[0].name)
    return result


def _chrome_as(chrome: tuple, varied: str, text: str) -> tuple:
    """The chrome in the script of the layout's text: a site's 繁体 switch serves the whole page in traditional
    characters, its fields with its article."""
    if not is_traditional(varied) or is_traditional(text):
        return chrome
    return tuple((key, to_traditional(value)) for key, value in chrome)


def _extract_with(path: Path, chrome: tuple) -> Outcome:
    """`path` extracted as the page it was saved from reads: its text, with the page's chrome as metadata (its own
    script read afresh: a layout in traditional characters is marked as such)."""
    try:
        source = read_source(path)
        kept = tuple(item for item in chrome if item[0] != "script")
        return Outcome(str(path), report=extract_report(replace(source, metadata=kept + source.metadata)))
    except KgError as exc:
        return Outcome(str(path), error=exc)


def _added_misses(missed: dict[str, dict[str, dict]], original: str) -> dict[str, dict[str, dict]]:
    """Per layout and file, the missed and unmatched entries that the original layout does not have."""
    added = {}
    for name, files in missed.items():
        if name == original:
            continue
        for file, fields in files.items():
            base = missed[original].get(file, {})
            for field, entry in fields.items():
                new = {kind: [label for label in labels if not _among(label, base.get(field, {}).get(kind, []))]
                       for kind, labels in entry.items()}
                if any(new.values()):
                    added.setdefault(name, {}).setdefault(file, {})[field] = new
    return added


def _declared(gold: dict, varied: dict) -> dict[str, int]:
    """{field: entries} the layout's gold no longer holds: a fact made null, entries merged or dropped."""
    out = {}
    for field in DECLARED_FIELDS:
        before, after = gold.get(field), varied.get(field)
        if isinstance(before, list):
            lost = len(before) - len(after or [])
        else:
            lost = int(before is not None and after is None)
        if lost > 0:
            out[field] = lost
    return out


def _among(label: str, labels: list[str]) -> bool:
    """Whether the original has the same miss: one of the label's spellings (a | b) in any script or punctuation."""
    forms = _forms(label)
    return any(forms & _forms(other) for other in labels)


def _forms(label: str) -> set[str]:
    return {compact(to_simplified(form)) for form in label.split(" | ")}


def format_variant_misses(result: dict) -> str:
    """The misses each layout adds over the original, layout by layout, as `kg eval --misses` prints them."""
    lines = []
    for name, files in (result.get("misses") or {}).items():
        lines.append(f"{name}:")
        lines.extend("  " + line for line in format_misses({"misses": files}).split("\n"))
    return "\n".join(lines) if lines else "no layout misses anything the original does not"


def format_variants(result: dict) -> str:
    """F1 per layout (rows) and field (columns), each cell marked * where it falls more than the tolerance below the original."""
    scores = result["layouts"]
    fields = [f for f in FIELDS if any(f in s for s in scores.values())]
    width = max(len(name) for name in scores)
    lines = [f"{'layout':<{width}}  " + "  ".join(f"{f[:7]:>8}" for f in fields)]
    original = next(iter(scores.values()))
    for name, s in scores.items():
        cells = []
        for f in fields:
            if f not in s:
                cells.append(f"{'-':>8}")
                continue
            low = original[f]["f1"] - s[f]["f1"] > TOLERANCE
            cells.append(f"{s[f]['f1']:>7.3f}{'*' if low else ' '}")
        lines.append(f"{name:<{width}}  " + "  ".join(cells))
    over = sorted(name for name, d in result["drops"].items() if any(v > TOLERANCE for v in d.values()))
    lines.append("")
    lines.append(f"* more than {TOLERANCE} below the original; layouts within it on every field: "
                 f"{len(scores) - len(over)} of {len(scores)}")
    declared = result.get("declared") or {}
    if declared:
        lines.append("gold entries a layout takes away, as the annotation rules read the new text (scored as such):")
        for name, fields in declared.items():
            lines.append(f"  {name}: " + ", ".join(f"{field} {n}" for field, n in fields.items()))
    return "\n".join(lines)

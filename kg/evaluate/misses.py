"""What a score hides: per file and field, the gold entries that were missed and the extracted ones that match none."""

from __future__ import annotations

from kg.evaluate.score import LIST_FIELDS, _campaign_forms, _distinct, excused_items, gold_texts, score_header
from kg.model import Report


def _gold_labels(gold: dict, name: str) -> list[str]:
    entries = gold.get(name) or []
    if name == "sections":
        return [f"[{e['kind']}] {e['heading']}" for e in entries]
    if name == "campaigns":
        return [" | ".join(node) for node in entries]
    if name == "metrics":
        return [f"{e['indicator']} = {e['value']} {e['unit']}" for e in entries]
    return gold_texts(gold, name)


def _found_labels(report: Report, name: str) -> list[str]:
    # In the same order as the matcher saw them, so that match indices point at the right label.
    if name == "sections":
        return [f"[{s.kind}] {s.heading}" for s in report.sections]
    if name in ("measures", "shortcomings", "plans"):
        return [item.text for item in getattr(report, name)]
    if name == "persons":
        return _distinct(p.name for p in report.persons)
    if name == "laws":
        return _distinct(law.name for law in report.laws)
    if name == "documents":
        return _distinct(d.title for d in report.documents)
    if name == "campaigns":
        return [" | ".join(sorted(forms)) for forms in _campaign_forms(report)]
    if name == "metrics":
        return [f"{m.indicator} = {m.value} {m.unit}" for m in report.metrics]
    return []


def file_misses(gold: dict, report: Report | None, matches: dict[str, dict[int, int]]) -> dict[str, dict]:
    """{field: {"missed": [gold entries], "unmatched": [extracted entries]}} for the fields with any error."""
    out = {}
    for name, count in score_header(gold, report).items():
        if count.tp or (name not in gold and not gold.get("complete", True)):
            continue
        want, got = gold.get(name), getattr(report.header, name, None) if report else None
        out[name] = {"missed": [] if want is None else [str(want)], "unmatched": [] if got is None else [str(got)]}
    excused = excused_items(gold, report)
    for name in LIST_FIELDS:
        if gold.get(name) is None and not gold.get("complete", True):
            continue
        wanted = _gold_labels(gold, name)
        found = _found_labels(report, name) if report else []
        field_matches = matches.get(name, {})
        matched = set(field_matches.values())
        missed = [label for i, label in enumerate(wanted) if i not in field_matches and i not in excused.get(name, ())]
        unmatched = [label for j, label in enumerate(found) if j not in matched
                     and not (name == "sections" and not report.sections[j].heading.strip())]  # as the score counts
        if missed or unmatched:
            out[name] = {"missed": missed, "unmatched": unmatched}
    return out


def format_misses(result: dict) -> str:
    """Misses as indented text: file, field, then − for a missed gold entry and + for an extracted one matching none."""
    lines = []
    for file, fields in result.get("misses", {}).items():
        if not fields:
            continue
        lines.append(file)
        for name, entry in fields.items():
            lines.append(f"  {name}")
            lines.extend(f"    - {label}" for label in entry["missed"])
            lines.extend(f"    + {label}" for label in entry["unmatched"])
    return "\n".join(lines) if lines else "no misses"

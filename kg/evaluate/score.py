"""One report scored against its gold: header fields, list fields and within-report links, as tp/fp/fn counts."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from kg.evaluate.match import assign, jaccard, match_texts, texts_match
from kg.model import Report
from kg.text import compact, normalize
from kg.text.script import to_simplified

HEADER_FIELDS = ("township", "county", "year", "doc_number")
LIST_FIELDS = (
    "sections", "measures", "laws", "documents", "campaigns", "metrics", "persons", "shortcomings", "plans",
)
CHAIN_FIELDS = ("follow_up", "recurrence")
FIELDS = HEADER_FIELDS + LIST_FIELDS + ("links",) + CHAIN_FIELDS
# Fields whose gold entries are read off the section tree; a cut-short page may have lost some of them.
_SECTION_FIELDS = ("sections", "measures", "shortcomings", "plans")


@dataclass
class Count:
    """True positives, false positives and false negatives of one field, summed over files as they come."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def scores(self) -> dict:
        # Nothing to find and nothing found is a perfect score, not a division by zero.
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class FileScore:
    """One gold file, its extracted report (None when extraction failed) and gold index → extracted index per field."""

    name: str
    gold: dict
    report: Report | None
    matches: dict[str, dict[int, int]] = field(default_factory=dict)


def _count(matches: dict[int, int], n_gold: int, n_found: int, excused: set[int] = frozenset()) -> Count:
    tp = len(matches)
    missed = [i for i in range(n_gold) if i not in matches and i not in excused]
    return Count(tp=tp, fp=n_found - tp, fn=len(missed))


def _same_header_value(gold, found) -> bool:
    if isinstance(gold, str) and isinstance(found, str):
        return normalize(gold).strip() == normalize(found).strip()
    return gold == found


def score_header(gold: dict, report: Report | None) -> dict[str, Count]:
    counts = {}
    for name in HEADER_FIELDS:
        want, got = gold.get(name), getattr(report.header, name, None) if report else None
        if report is None:
            counts[name] = Count(fn=1)  # a failed extraction misses even a null: it could not say "none"
        elif got is None and want is None:
            counts[name] = Count(tp=1)
        elif got is None:
            counts[name] = Count(fn=1)
        elif want is None:
            counts[name] = Count(fp=1)
        elif _same_header_value(want, got):
            counts[name] = Count(tp=1)
        else:
            counts[name] = Count(fp=1, fn=1)
    return counts


def gold_texts(gold: dict, name: str) -> list[str]:
    entries = gold.get(name) or []
    if name == "sections":
        return [e["heading"] for e in entries]
    if name == "measures":
        return [e["heading"] if isinstance(e, dict) else e for e in entries]
    if name == "persons":
        return [e["name"] for e in entries]
    return list(entries)


def _distinct(names) -> list[str]:
    """Extracted names as graph nodes: one per normalized form, however often the text repeats it."""
    seen = {}
    for name in names:
        seen.setdefault(compact(name), name)
    return [key for key in seen if key]


def _match_sections(gold: dict, report: Report) -> dict[int, int]:
    wanted = gold.get("sections") or []
    edges = {
        (i, j): jaccard(g["heading"], s.heading)
        for i, g in enumerate(wanted) for j, s in enumerate(report.sections)
        if s.heading.strip() and g["kind"] == s.kind and texts_match(g["heading"], s.heading)
    }
    return assign(len(wanted), len(report.sections), edges)


def _match_exact(gold_forms: list[set[str]], found_forms: list[set[str]]) -> dict[int, int]:
    edges = {(i, j): 1.0 for i, g in enumerate(gold_forms) for j, f in enumerate(found_forms) if g & f}
    return assign(len(gold_forms), len(found_forms), edges)


def _campaign_forms(report: Report) -> list[set[str]]:
    nodes: dict[str, set[str]] = {}
    for campaign in report.campaigns:
        forms = nodes.setdefault(compact(campaign.name), set())
        forms.update(f for f in (compact(campaign.name), compact(campaign.surface)) if f)
    return [forms for key, forms in nodes.items() if key]


def _unit(unit: str) -> str:
    # a classifier is one word in either script: 條 in a traditional report's gold is the reader's 条
    return to_simplified(normalize(unit).strip())


def _match_metrics(gold: list[dict], report: Report) -> dict[int, int]:
    edges = {}
    for i, want in enumerate(gold):
        for j, got in enumerate(report.metrics):
            if got.value is None:
                continue
            same_value = math.isclose(float(want["value"]), float(got.value), rel_tol=1e-9, abs_tol=1e-9)
            same_unit = _unit(str(want["unit"])) == _unit(got.unit)
            if same_value and same_unit and texts_match(want["indicator"], got.indicator):
                edges[i, j] = jaccard(want["indicator"], got.indicator)
    return assign(len(gold), len(report.metrics), edges)


def match_report(gold: dict, report: Report) -> dict[str, dict[int, int]]:
    """Gold index → extracted index, field by field."""
    return {
        "sections": _match_sections(gold, report),
        "measures": match_texts(gold_texts(gold, "measures"), [m.text for m in report.measures]),
        "shortcomings": match_texts(gold_texts(gold, "shortcomings"), [s.text for s in report.shortcomings]),
        "plans": match_texts(gold_texts(gold, "plans"), [p.text for p in report.plans]),
        "persons": match_texts(gold_texts(gold, "persons"), _distinct(p.name for p in report.persons)),
        "laws": _match_exact([{compact(x)} for x in gold.get("laws") or []],
                             [{x} for x in _distinct(law.name for law in report.laws)]),
        "documents": _match_exact([{compact(x)} for x in gold.get("documents") or []],
                                  [{x} for x in _distinct(d.title for d in report.documents)]),
        "campaigns": _match_exact([{compact(s) for s in node} for node in gold.get("campaigns") or []],
                                  _campaign_forms(report)),
        "metrics": _match_metrics(gold.get("metrics") or [], report),
    }


def _found_count(name: str, report: Report) -> int:
    if name in ("laws", "documents", "persons"):
        return len(_distinct(getattr(x, "title", None) or x.name for x in getattr(report, name)))
    if name == "campaigns":
        return len(_campaign_forms(report))
    if name == "sections":  # the gold lists headed sections only: work told before any heading, or a report
        return len(headed_sections(report))  # with none, is a section without one, neither found nor missed
    return len(getattr(report, name))


def headed_sections(report: Report) -> list:
    """The sections that have a heading, as the gold lists them."""
    return [section for section in report.sections if section.heading.strip()]


def excused_items(gold: dict, report: Report | None) -> dict[str, set[int]]:
    """Gold entries a cut-short report's text lacks: not errors when the gold says `complete: false`."""
    if gold.get("complete", True) or report is None:
        return {}
    text = compact(report.source.text)
    return {
        name: {i for i, t in enumerate(gold_texts(gold, name)) if compact(t) not in text}
        for name in _SECTION_FIELDS
    }


def score_report(gold: dict, report: Report | None) -> tuple[dict[str, Count], dict[str, dict[int, int]]]:
    """Counts for the header and list fields of one report (None: extraction failed), and the matches."""
    counts = score_header(gold, report)
    matches = match_report(gold, report) if report else {name: {} for name in LIST_FIELDS}
    excused = excused_items(gold, report)
    for name in LIST_FIELDS:
        n_found = _found_count(name, report) if report else 0
        counts[name] = _count(matches[name], len(gold.get(name) or []), n_found, excused.get(name, set()))
    return counts, matches


def positions(items) -> dict[int, int]:
    return {item.ordinal: i for i, item in enumerate(items)}


def addressed_pairs(report: Report) -> set[tuple[int, int]]:
    """(shortcoming, plan) positions joined by the report's `addresses` links."""
    shortcomings, plans = positions(report.shortcomings), positions(report.plans)
    pairs = set()
    for link in report.links:
        if link.kind == "addresses" and link.source_kind == "plan" and link.target_kind == "shortcoming":
            if link.target_ordinal in shortcomings and link.source_ordinal in plans:
                pairs.add((shortcomings[link.target_ordinal], plans[link.source_ordinal]))
    return pairs


def score_links(gold: dict, report: Report | None, matches: dict[str, dict[int, int]]) -> Count:
    """Gold (shortcoming, plan) pairs mapped through the item matches, against the extracted pairs."""
    excused = excused_items(gold, report)
    found = addressed_pairs(report) if report else set()
    mapped, missed = set(), 0
    for entry in gold.get("links") or []:
        s = entry["shortcoming"]
        for p in entry.get("plans") or []:
            if s in excused.get("shortcomings", ()) or p in excused.get("plans", ()):
                continue
            pair = (matches["shortcomings"].get(s), matches["plans"].get(p))
            if None in pair:
                missed += 1
            else:
                mapped.add(pair)
    tp = len(mapped & found)
    return Count(tp=tp, fp=len(found) - tp, fn=missed + len(mapped) - tp)

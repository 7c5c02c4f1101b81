"""Cross-year chains as pairs: (shortcoming, next-year measure) for follow-up, (shortcoming, next-year shortcoming)
for recurrence, each end mapped to extracted items through the item matches of its report."""

from __future__ import annotations

from collections import defaultdict

from kg.errors import GoldError
from kg.evaluate.match import similarity, texts_match
from kg.evaluate.score import CHAIN_FIELDS, Count, FileScore, addressed_pairs, gold_texts, positions
from kg.model import Link
from kg.text import compact

Pair = tuple[str, int, str, int]  # (earlier file, extracted position, later file, extracted position)


def _gold_index(texts: list[str], text: str, where: str) -> int:
    """The gold item a chain entry names: same normalized text, else the closest one that still matches."""
    key = compact(text)
    for i, candidate in enumerate(texts):
        if compact(candidate) == key:
            return i
    best = max(range(len(texts)), key=lambda i: similarity(texts[i], text), default=None)
    if best is None or not texts_match(texts[best], text):
        raise GoldError(f"{where}: {text!r} is not an item in the gold of its report")
    return best


def _pair(prev: FileScore, earlier: int | None, nxt: FileScore, later: int | None) -> Pair | None:
    return None if earlier is None or later is None else (prev.name, earlier, nxt.name, later)


def gold_pairs(chains: list, files: list[FileScore], where: str) -> dict[str, dict[str, list[Pair | None]]]:
    """Gold pairs per field and earlier file, mapped to extracted positions (None: an end was not extracted)."""
    by_place = {(f.gold.get("township"), f.gold.get("year")): f for f in files}
    pairs = {name: defaultdict(list) for name in CHAIN_FIELDS}
    for n, entry in enumerate(chains):
        if not isinstance(entry, dict) or "shortcoming" not in entry:
            raise GoldError(f"{where}: entry {n} is not an object with a \"shortcoming\"")
        township, year = entry.get("township"), entry.get("year")
        prev = by_place.get((township, year))
        nxt = by_place.get((township, year + 1)) if isinstance(year, int) else None
        if prev is None or nxt is None:
            raise GoldError(f"{where}: entry {n} needs the gold of {township} {year} and of the year after")
        for name in CHAIN_FIELDS:
            pairs[name].setdefault(prev.name, [])  # an earlier report with no pairs still scores what it claims
        earlier = prev.matches.get("shortcomings", {}).get(
            _gold_index(gold_texts(prev.gold, "shortcomings"), entry["shortcoming"], where))
        for text in entry.get("followed_up_by") or []:
            later = _gold_index(gold_texts(nxt.gold, "measures"), text, where)
            pairs["follow_up"][prev.name].append(_pair(prev, earlier, nxt, nxt.matches.get("measures", {}).get(later)))
        if entry.get("recurs_as"):
            later = _gold_index(gold_texts(nxt.gold, "shortcomings"), entry["recurs_as"], where)
            pairs["recurrence"][prev.name].append(
                _pair(prev, earlier, nxt, nxt.matches.get("shortcomings", {}).get(later)))
    return pairs


def _add_link(pairs: dict, prev: FileScore, nxt: FileScore, link: Link) -> None:
    older, newer = (link.target_kind, link.target_ordinal), (link.source_kind, link.source_ordinal)
    if link.source_report == prev.report.key and link.target_report != prev.report.key:
        older, newer = newer, older
    prev_shortcomings = positions(prev.report.shortcomings)
    if link.kind == "recurs" and older[0] == newer[0] == "shortcoming":
        next_shortcomings = positions(nxt.report.shortcomings)
        if older[1] in prev_shortcomings and newer[1] in next_shortcomings:
            pairs["recurrence"][prev.name].add(
                (prev.name, prev_shortcomings[older[1]], nxt.name, next_shortcomings[newer[1]]))
    elif link.kind == "follows_up" and newer[0] == "measure":
        measure = positions(nxt.report.measures).get(newer[1])
        if measure is None:
            return
        if older[0] == "shortcoming":
            earlier = {prev_shortcomings[older[1]]} if older[1] in prev_shortcomings else set()
        elif older[0] == "plan" and older[1] in positions(prev.report.plans):
            plan = positions(prev.report.plans)[older[1]]
            earlier = {s for s, p in addressed_pairs(prev.report) if p == plan}
        else:
            earlier = set()
        pairs["follow_up"][prev.name].update((prev.name, s, nxt.name, measure) for s in earlier)


def found_pairs(files: list[FileScore], pair_links, errors: list[str]) -> dict[str, dict[str, set[Pair]]]:
    """Extracted pairs per field and earlier file, from reports paired by their own township and year."""
    by_place = defaultdict(list)
    for f in files:
        if f.report is not None and f.report.header.township and f.report.header.year:
            by_place[f.report.header.township, f.report.header.year].append(f)
    pairs = {name: defaultdict(set) for name in CHAIN_FIELDS}
    for (township, year), earlier_files in by_place.items():
        for prev in earlier_files:
            for nxt in by_place.get((township, year + 1), []):
                try:
                    links = pair_links(prev.report, nxt.report)
                except Exception as exc:  # a linking bug must not hide the other scores; it is reported
                    errors.append(f"{prev.name} → {nxt.name}: cross-year linking failed: {type(exc).__name__}: {exc}")
                    continue
                for name in CHAIN_FIELDS:
                    pairs[name].setdefault(prev.name, set())
                for link in links:
                    _add_link(pairs, prev, nxt, link)
    return pairs


def score_chains(chains: list, files: list[FileScore], pair_links, where: str,
                 errors: list[str]) -> dict[str, dict[str, Count]]:
    """Counts of follow_up and recurrence per earlier file."""
    wanted, found = gold_pairs(chains, files, where), found_pairs(files, pair_links, errors)
    scores: dict[str, dict[str, Count]] = defaultdict(dict)
    for name in CHAIN_FIELDS:
        for file in sorted(set(wanted[name]) | set(found[name])):
            claimed = found[name].get(file, set())
            mapped = {pair for pair in wanted[name].get(file, []) if pair is not None}
            unmapped = sum(pair is None for pair in wanted[name].get(file, []))
            tp = len(mapped & claimed)
            scores[file][name] = Count(tp=tp, fp=len(claimed) - tp, fn=unmapped + len(mapped) - tp)
    return dict(scores)

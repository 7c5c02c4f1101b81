"""Each link the library makes on a gold folder, with its score and whether the gold agrees: the data for setting
the score under which a link is shown as 待核实 (to be checked), and for saying how often each side is right."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.evaluate.chains import gold_pairs
from kg.evaluate.run import CHAINS_FILE, _extract, _read_json, load_gold
from kg.evaluate.score import FileScore, excused_items, positions, score_report
from kg.link.stage import links_between


@dataclass(frozen=True)
class Judged:
    kind: str  # addresses | follows_up | recurs
    score: float
    correct: bool
    where: str  # file (and next file) the link was made in


@dataclass(frozen=True)
class Split:
    """Links at or above a score against those below it."""

    threshold: float
    above: int
    above_correct: int
    below: int
    below_correct: int

    @staticmethod
    def precision(correct: int, total: int) -> float | None:
        return correct / total if total else None


def split(judged: list[Judged], threshold: float) -> Split:
    above = [j for j in judged if j.score >= threshold]
    below = [j for j in judged if j.score < threshold]
    return Split(threshold, len(above), sum(j.correct for j in above), len(below), sum(j.correct for j in below))


def _files(gold_dir: Path, reports_dir: Path, errors: list[str]) -> list[FileScore]:
    files = []
    for gold_path in sorted(p for p in gold_dir.glob("*.json") if p.name != CHAINS_FILE):
        gold = load_gold(gold_path)
        report = _extract(gold_path, gold, reports_dir, errors)
        _, matches = score_report(gold, report)
        files.append(FileScore(Path(gold["file"]).name, gold, report, matches))
    return files


def _addresses(f: FileScore) -> list[Judged]:
    """The report's plan → shortcoming links against the gold's `links`, as score_links counts them."""
    if f.report is None:
        return []
    excused = excused_items(f.gold, f.report)
    wanted = {(f.matches["shortcomings"].get(entry["shortcoming"]), f.matches["plans"].get(p))
              for entry in f.gold.get("links") or [] for p in entry.get("plans") or []
              if entry["shortcoming"] not in excused.get("shortcomings", ()) and p not in excused.get("plans", ())}
    shortcomings, plans = positions(f.report.shortcomings), positions(f.report.plans)
    return [Judged("addresses", link.score, (shortcomings.get(link.target_ordinal), plans.get(link.source_ordinal))
                   in wanted, f.name)
            for link in f.report.links if link.kind == "addresses"]


def _cross(prev: FileScore, nxt: FileScore, wanted: dict[str, set]) -> list[Judged]:
    """Next-year links as the pairs the chain score counts; a follow-up is judged by its best link, direct or via a plan."""
    earlier, later_m, later_s = positions(prev.report.shortcomings), positions(nxt.report.measures), \
        positions(nxt.report.shortcomings)
    plans_of = defaultdict(set)
    plan_pos = positions(prev.report.plans)
    for link in prev.report.links:
        if link.kind == "addresses" and link.source_ordinal in plan_pos:
            plans_of[link.source_ordinal].add(link.target_ordinal)
    best: dict[tuple[str, int, int], float] = {}
    for link in links_between(prev.report, nxt.report):
        if link.kind == "recurs":
            targets = [link.target_ordinal]
        elif link.target_kind == "shortcoming":
            targets = [link.target_ordinal]
        else:
            targets = sorted(plans_of.get(link.target_ordinal, ()))
        for s in targets:
            key = (link.kind, s, link.source_ordinal)
            best[key] = max(best.get(key, 0.0), link.score)
    out = []
    for (kind, s, later), score in sorted(best.items()):
        field, positions_ = ("recurrence", later_s) if kind == "recurs" else ("follow_up", later_m)
        pair = (prev.name, earlier.get(s), nxt.name, positions_.get(later))
        out.append(Judged(kind, score, pair in wanted[field], f"{prev.name} → {nxt.name}"))
    return out


def judge_links(gold_dir, reports_dir) -> tuple[list[Judged], list[str]]:
    """Every addresses, follows_up and recurs link made on the reports of a gold folder, judged by the gold."""
    gold_dir, reports_dir = Path(gold_dir), Path(reports_dir)
    errors: list[str] = []
    files = _files(gold_dir, reports_dir, errors)
    judged = [j for f in files for j in _addresses(f)]
    chains_path = gold_dir / CHAINS_FILE
    if chains_path.is_file():
        wanted = {field: {p for pairs in by_file.values() for p in pairs if p is not None}
                  for field, by_file in gold_pairs(_read_json(chains_path), files, str(chains_path)).items()}
        by_place = {(f.report.header.township, f.report.header.year): f for f in files
                    if f.report is not None and f.report.header.year}
        for (township, year), prev in sorted(by_place.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
            nxt = by_place.get((township, year + 1))
            if nxt is not None:
                judged += _cross(prev, nxt, wanted)
    return judged, errors


# A confirmed link is stated as fact in a briefing, so at most one in ten of them may be wrong on the gold.
TARGET_PRECISION = 0.9


def confirmation_score(judged: list[Judged], kind: str) -> float | None:
    """The lowest score from which the links of `kind` are right at TARGET_PRECISION or better on the gold.

    None when no score reaches it. With no wrong link in the gold, it is the lowest score seen: below it
    nothing is known about how often such links are right.
    """
    of_kind = [j for j in judged if j.kind == kind]
    for threshold in sorted({j.score for j in of_kind}):
        s = split(of_kind, threshold)
        if s.above_correct >= TARGET_PRECISION * s.above:
            return threshold
    return None

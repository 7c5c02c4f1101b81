"""One report, many files: the same text saved twice (two encodings, two formats) loads once.

Two files are one report when their texts agree once white space is ignored, or when they claim the
same township and year and share nearly all their character 4-grams (a page that repeats its title,
a PDF that lost a footnote). Two different texts claiming one township and year are both kept, and
the conflict is reported, since only a person can tell which one is the report.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from kg.model import Report
from kg.text.places import identity
from kg.errors import KgError
from kg.read import read_source

_SPACE_RE = re.compile(r"\s+")
SAME_REPORT = 0.9  # 4-gram Jaccard above which two texts of one township and year are one report


@dataclass(frozen=True)
class Verdict:
    """Whether to keep a report, and the line to tell the user about it (a duplicate or a conflict)."""

    keep: bool
    kept: str | None = None  # the earlier file this one duplicates
    note: str | None = None


def fingerprint(report: Report) -> str:
    """Digest of the matched text without white space: equal for one text in any encoding or format."""
    return hashlib.sha256(_SPACE_RE.sub("", report.source.norm).encode("utf-8")).hexdigest()


def shingles(norm: str, size: int = 4) -> frozenset[int]:
    text = _SPACE_RE.sub("", norm)
    return frozenset(hash(text[i : i + size]) for i in range(max(1, len(text) - size + 1)))


def _shingles_of_file(path: str) -> frozenset[int] | None:
    """The 4-grams of a kept file, read again: keeping every report's 4-grams would grow with the corpus."""
    try:
        return shingles(read_source(path).norm)
    except KgError:
        return None  # gone or changed since: judged a different text, and both are kept


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass
class Deduper:
    """Remembers what was kept, in order, and judges each new report against it."""

    by_fingerprint: dict[str, str] = field(default_factory=dict)
    by_claim: dict[tuple, list[tuple[str, str | None]]] = field(default_factory=dict)

    def check(self, report: Report, path: str | None = None) -> Verdict:
        """Keep or drop `report`, read from `path` (else its source path): notes name files where they are."""
        path = path or report.source.path
        digest = fingerprint(report)
        if digest in self.by_fingerprint:
            kept = self.by_fingerprint[digest]
            return Verdict(False, kept, f"{path}: same report as {kept}; kept {kept}")
        county, township = identity(report.header.county, report.header.township)
        claim = (township, report.header.year)
        others = [
            other for other, other_county in self.by_claim.get(claim, [])
            # Townships of one name in two counties are two townships, not a conflict.
            if county is None or other_county is None or other_county == county
        ] if township and report.header.year else []
        grams = shingles(report.source.norm) if others else frozenset()
        for other in others:
            other_grams = _shingles_of_file(other)
            if other_grams is not None and similarity(grams, other_grams) >= SAME_REPORT:
                return Verdict(False, other, f"{path}: same report as {other} (nearly identical text); kept {other}")
        self.by_fingerprint[digest] = path
        note = None
        if others:
            names = ", ".join(others)
            place = "".join(p for p in (county, township) if p)
            note = f"{path}: a different text also claims {place} {report.header.year} ({names}); both kept"
        if township and report.header.year:
            self.by_claim.setdefault(claim, []).append((path, county))
        return Verdict(True, None, note)

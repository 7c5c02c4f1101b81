"""Reports a store holds for one township, read again from the source files they were loaded from."""

from __future__ import annotations

from kg.errors import KgError
from kg.model import Report
from kg.queries import run_canned
from kg.load.loader import read_again


def township_reports(store, township: str, county: str | None = None) -> tuple[list[Report], list[str]]:
    """The township's stored reports, and the source files that could not be read again."""
    rows = run_canned(store, "township-reports", {"township": township, "county": county})
    if not rows:
        raise KgError(f"no report of {township}" + (f" ({county})" if county else "") + " is in the store")
    reports, missing = [], []
    for row in rows:
        # The loader's own re-read: the stored location, identity and key, so the report is the one loaded.
        stored = {"key": row["key"], "path": row["source"], "location": row["location"], "township": row["township"]}
        report = read_again(stored, row["county"], row["year"])
        if report is None:
            missing.append(row["source"] or row["key"])
        else:
            reports.append(report)
    if not reports:
        raise KgError(f"{township}: the store's reports were loaded from files that cannot be read from here "
                      f"({', '.join(missing)}); give the report files, or run from the folder they were loaded from")
    return reports, missing

"""Reports a store holds for one township, read again from the source files they were loaded from."""

from __future__ import annotations

import os

from kg.errors import KgError
from kg.model import Report
from kg.queries import run_canned


def township_reports(store, township: str, county: str | None = None) -> tuple[list[Report], list[str]]:
    """The township's stored reports, and the source files that could not be read again."""
    from kg.pipeline import extract_path

    rows = run_canned(store, "township-reports", {"township": township, "county": county})
    if not rows:
        raise KgError(f"no report of {township}" + (f" ({county})" if county else "") + " is in the store")
    reports, missing = [], []
    for row in rows:
        # The absolute location recorded at load time finds the file from any working directory.
        path = next((p for p in (row.get("location"), row.get("source")) if p and os.path.isfile(p)), None)
        outcome = extract_path(path) if path else None
        if outcome is None or outcome.report is None:
            missing.append(row.get("source") or row.get("key") or "?")
            continue
        report = outcome.report
        # The store knows the county even where the file omits it (inferred at load time).
        if row.get("county") and not report.header.county:
            from dataclasses import replace

            report = replace(report, header=replace(report.header, county=row["county"]))
        reports.append(report)
    if not reports:
        raise KgError(f"{township}: the store's reports were loaded from files that cannot be read from here "
                      f"({', '.join(missing)}); give the report files, or run from the folder they were loaded from")
    return reports, missing

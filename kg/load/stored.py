"""Reports a store holds, read again from the source files they were loaded from."""

from __future__ import annotations

import os
from dataclasses import replace

from kg.errors import KgError
from kg.extract.report import extract_report
from kg.model import Report
from kg.queries import run_canned
from kg.read import read_source
from kg.structure.hints import Hints


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


def read_again(row: dict, county: str | None, year: int) -> Report | None:
    """A stored report extracted again from its file, with the identity it was loaded under."""
    # Files loaded before locations were stored have only the path as given, relative to where kg ran.
    location = row.get("location") or row.get("path")
    if not location or not os.path.isfile(location):
        return None
    try:
        # The path as given stays the evidence path, so the links are the same whichever year loads first.
        source = replace(read_source(location), path=row["path"] or location)
        report = extract_report(source, Hints(row.get("township"), county, year, origin="store"))
    except KgError:
        return None
    return report if report.key == row["key"] else None

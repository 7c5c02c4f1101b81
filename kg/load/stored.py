"""Reports a store holds, read again from the source files they were loaded from.

The graph keeps a report's path inside the folder it was loaded from and its content hash; this
machine's index (kg.load.files) keeps where the file is. A file is looked for there first, then at
the stored path from the working directory, and used only when its text is the one loaded.
"""

from __future__ import annotations

import os
from dataclasses import replace

from kg.errors import KgError, ReadError
from kg.extract.report import extract_report
from kg.load.files import FileIndex
from kg.model import Report
from kg.queries import run_canned
from kg.read import read_source
from kg.structure.hints import Hints


def township_reports(store, township: str, county: str | None = None) -> tuple[list[Report], list[str]]:
    """The township's stored reports, and one line (file: reason) for each that could not be read again."""
    rows = run_canned(store, "township-reports", {"township": township, "county": county})
    if not rows:
        raise KgError(f"no report of {township}" + (f" ({county})" if county else "") + " is in the store")
    index = FileIndex.of(store)
    reports, missing = [], []
    for row in rows:
        # The loader's own re-read: the file's place, identity and key, so the report is the one loaded.
        stored = located({"key": row["key"], "path": row["source"], "sha256": row["sha256"],
                          "township": row["township"]}, index)
        try:
            reports.append(read_again(stored, row["county"], row["year"]))
        except ReadError as exc:
            missing.append(str(exc))
    if not reports:
        raise KgError(f"{township}: the store's reports cannot be read again from here ({'; '.join(missing)}); "
                      "give the report files, or run from the folder they were loaded from")
    return reports, missing


def located(row: dict, index: FileIndex) -> dict:
    """A stored report's row with where this machine's index says its file is (`location`), if anywhere."""
    return {**row, "location": index.location(row["key"])}


def candidates(row: dict) -> list[str]:
    """Where to look for a stored report's file, in order: the indexed place, then the stored path from here."""
    found = []
    for place in (row.get("location"), row.get("path")):
        if place and place not in found:
            found.append(place)
    return found


def read_again(row: dict, county: str | None, year: int) -> Report:
    """A stored report extracted again from its file, with the identity it was loaded under.

    `row`: key, path (as stored), township, sha256 (as stored) and location (from the index, or None).
    Raises ReadError naming the file and why it cannot serve: gone, changed since it was loaded, or
    no longer the same report.
    """
    return find_again(row, county, year)[1]


def find_again(row: dict, county: str | None, year: int) -> tuple[str, Report]:
    """(the file read, the report) as read_again: the first place whose text is the one loaded."""
    places = candidates(row)
    changed = None
    for place in places:
        if not os.path.isfile(place):
            continue
        try:
            source = read_source(place)
        except KgError:
            continue
        if row.get("sha256") and source.sha256 != row["sha256"]:
            changed = changed or place  # another text under the same name: never used in its place
            continue
        # The stored path stays the evidence path, so the links are the same whichever year loads first.
        source = replace(source, path=row.get("path") or place)
        try:
            report = extract_report(source, Hints(row.get("township"), county, year, origin="store"))
        except KgError:
            continue
        if report.key == row["key"]:
            return place, report
    if changed:
        raise ReadError(changed, "changed since it was loaded (its content hash differs from the store's); "
                                 "load it again to use it")
    raise ReadError(places[0] if places else row["key"], "cannot be found or read from here")

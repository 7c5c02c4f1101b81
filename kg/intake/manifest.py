"""A manifest CSV (file, township, county, year) supplying header facts for the files of a folder.

Paths in the `file` column are relative to the manifest's own folder. Column names may be English
or Chinese (文件, 乡镇, 县, 年度); empty cells state nothing.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ManifestError
from kg.structure.hints import Hints
from kg.read.text import decode
from kg.errors import UsageError
from kg.intake.reports import fixed_hints
from kg.read import iter_report_paths

COLUMNS = {
    "file": "file", "path": "file", "文件": "file", "文件名": "file",
    "township": "township", "town": "township", "乡镇": "township", "乡镇街道": "township",
    "county": "county", "县": "county", "县区": "county", "县(市、区)": "county",
    "year": "year", "年度": "year", "年份": "year",
}


@dataclass(frozen=True)
class Manifest:
    """Hints by resolved file path, and the rows that name no existing file."""

    path: str
    rows: dict[str, Hints]
    missing: tuple[str, ...] = ()

    def hints_for(self, path: str | os.PathLike) -> Hints | None:
        return self.rows.get(_key(Path(path)))


def read_manifest(path: str | os.PathLike) -> Manifest:
    """Read a manifest CSV; raises ManifestError naming the file, the line and the reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ManifestError(path, "no such manifest file") from exc
    except OSError as exc:
        raise ManifestError(path, exc.strerror or str(exc)) from exc
    if not data.strip():
        raise ManifestError(path, "empty manifest")
    text, _ = decode(data, path)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise ManifestError(path, f"not a CSV file ({exc})") from exc
    columns = [COLUMNS.get(name.strip().lower(), COLUMNS.get(name.strip())) for name in header]
    if "file" not in columns:
        raise ManifestError(path, f"line 1: no 'file' column (columns are: {', '.join(header)})")
    base = path.resolve().parent
    rows: dict[str, Hints] = {}
    missing = []
    try:
        for line, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            cells = {col: values[i].strip() for i, col in enumerate(columns) if col and i < len(values)}
            if not cells.get("file"):
                raise ManifestError(path, f"line {line}: empty 'file' cell")
            target = (base / cells["file"]).resolve()
            hints = Hints(
                township=cells.get("township") or None,
                county=cells.get("county") or None,
                year=_year(cells.get("year"), path, line),
                origin="manifest",
            )
            key = _key(target)
            if key in rows and rows[key] != hints:
                raise ManifestError(path, f"line {line}: {cells['file']} is listed twice with different values")
            rows[key] = hints
            if not target.is_file():
                missing.append(f"{path}: line {line}: no such file {cells['file']}")
    except csv.Error as exc:
        raise ManifestError(path, f"malformed CSV ({exc})") from exc
    return Manifest(str(path), rows, tuple(missing))


def _year(value: str | None, path: Path, line: int) -> int | None:
    if not value:
        return None
    digits = value.removesuffix("年度").removesuffix("年").strip()
    if not digits.isdigit() or not 1949 <= int(digits) <= 2100:
        raise ManifestError(path, f"line {line}: year {value!r} is not a year such as 2023")
    return int(digits)


def _key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


def hints_from_options(
    paths, township: str | None = None, county: str | None = None, year: int | None = None,
    manifest: str | os.PathLike | None = None,
):
    """(hints_for, warnings) from `--township/--county/--year` or `--manifest`; a user's mistake raises UsageError."""
    stated = fixed_hints(township, county, year)
    if stated and manifest:
        raise UsageError("give either --manifest or --township/--county/--year, not both")
    if stated:
        files = list(iter_report_paths(paths))
        if len(files) > 1:
            raise UsageError(
                f"--township/--county/--year describe one file, but {len(files)} files were given; "
                "for a folder, list each file's township, county and year in a --manifest CSV"
            )
        return stated, []
    if manifest:
        table = read_manifest(manifest)
        return table.hints_for, list(table.missing)
    return None, []

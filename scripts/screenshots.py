"""Make docs/img/*.png: each view and the briefing of the bundled samples, drawn by headless Chromium offline.

    .venv/bin/python scripts/screenshots.py [--chromium /usr/bin/chromium] [--out docs/img]

Needs the dev dependency group (playwright drives the installed Chromium; it downloads no browser).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pagewait import open_page  # noqa: E402  the browser tests' waits: on the page's events, never a sleep

# (file name, what to build, viewport width, height, whole page, media)
# A4 at 96 px an inch is 794 px wide: the printed shot is the page as Chromium prints it (the drawing, not the canvas).
SHOTS = [
    ("view-report.png", ("view", "report", {"township": "云岫镇", "year": 2024}), 1400, 900, False, "screen"),
    ("view-chains.png", ("view", "chains", {"township": "茗坪乡"}), 1400, 900, False, "screen"),
    ("view-citations.png", ("view", "citations", {}), 1400, 1000, False, "screen"),
    ("briefing.png", ("brief", None, {"township": "澜桥街道"}), 900, 1500, False, "screen"),
    ("briefing-printed.png", ("brief", None, {"township": "云岫镇"}), 794, 2250, False, "print"),
    ("briefing-county.png", ("county", None, {}), 900, 1800, False, "screen"),
]
# The samples are three townships of three counties; the county briefing is drawn on a county of reports
# generated from them (bench/generate.py: fictional names, twenty townships a county).
COUNTY_REPORTS = 60


def build_pages(work: Path) -> dict[str, Path]:
    """Load the samples into a private store and write each page to `work`."""
    from kg.brief.township import write_briefing
    from kg.load.loader import load_paths
    from kg.store import open_store
    from kg.viz import write_view

    pages = {}
    with open_store(store_dir=work / "store") as store:
        # a relative path, so that the pictures name `examples/…` and not this machine's folders
        os.chdir(ROOT)
        summary = load_paths(store, ["examples"], progress=False)
        if summary.errors:
            sys.exit(f"screenshots: cannot load the samples: {summary.errors[0]}")
        for name, (kind, view, options), *_ in SHOTS:
            page = work / name.replace(".png", ".html")
            if kind == "view":
                write_view(store, view, page, **options)
            elif kind == "brief":
                write_briefing(store, options["township"], page)
            else:
                continue
            pages[name] = page
    pages["briefing-county.png"] = county_page(work)
    return pages


def county_page(work: Path) -> Path:
    """The county briefing of the generated county with the most townships."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate
    from kg.brief.county import write_county_briefing
    from kg.load.loader import load_paths
    from kg.store import open_store

    generate(work / "county", COUNTY_REPORTS)
    page = work / "briefing-county.html"
    with open_store(store_dir=work / "county-store") as store:
        os.chdir(work)
        summary = load_paths(store, ["county"], progress=False)
        os.chdir(ROOT)
        if summary.errors:
            sys.exit(f"screenshots: cannot load the generated county: {summary.errors[0]}")
        [largest] = store.run_read("MATCH (t:Township)-[:IN_COUNTY]->(c:County) RETURN c.name AS county, "
                                   "count(t) AS towns ORDER BY towns DESC, county LIMIT 1")
        write_county_briefing(store, largest["county"], page)
    return page


def shoot(pages: dict[str, Path], out: Path, chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for name, _, width, height, full, media in SHOTS:
            context = browser.new_context(offline=True, viewport={"width": width, "height": height})
            page = context.new_page()
            try:
                open_page(page, pages[name].resolve().as_uri())
            except Exception as exc:  # playwright's error carries the page's message: which wait did not end
                sys.exit(f"screenshots: {name}: {exc}")
            page.emulate_media(media=media)
            page.screenshot(path=str(out / name), full_page=full)
            context.close()
            print(f"screenshots: {out / name}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-shots-") as tmp:
        shoot(build_pages(Path(tmp)), args.out, args.chromium)


if __name__ == "__main__":
    main()

"""One benchmark stage in this process, printed as one JSON line: seconds and peak RSS, beside its floor.

    python bench/stages.py STAGE CORPUS_DIR [--jobs N] [--work DIR]

The extract stage keeps the reports it made (pickled, one after another) for the link stage, and the
link stage keeps the linked reports for the load stages, so that each stage is timed on its own work
alone.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ORDER = ("read", "extract_floor", "extract", "extract_serial", "link", "load_floor", "load", "pipeline")


def peak_rss_mb() -> dict:
    """Peak resident memory of this process, and of the largest worker it waited for, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "worker_peak_rss_mb": round(workers, 1)}


def paths_of(corpus: Path) -> list[str]:
    from kg.read import iter_report_paths

    return [str(p) for p in iter_report_paths([corpus])]


def cache_of(corpus: Path, work: Path, kind: str = "reports") -> Path:
    return work / f"{corpus.name}.{kind}.pickle"


# ------------------------------------------------------------------ read and extract

def _read_one(path: str) -> int:
    from kg.read import read_source

    return len(read_source(path).text)


def _floor_one(path: str) -> int:
    """The least any extractor must do: read, decode and segment the whole text once."""
    import jieba

    from kg.read.text import decode

    text, _ = decode(Path(path).read_bytes(), Path(path))
    return len(jieba.lcut(text))


def _jieba_ready() -> None:
    from kg.text import segment  # the way extraction loads jieba, so that the floor pays the same start-up

    segment.default()


def stage_read(corpus: Path, jobs: int, work: Path) -> dict:
    from kg.extract.parallel import ordered_map

    paths = paths_of(corpus)
    started = time.perf_counter()
    chars = sum(ordered_map(_read_one, paths, jobs, initializer=None))
    return {"seconds": time.perf_counter() - started, "files": len(paths), "chars": chars}


def stage_extract_floor(corpus: Path, jobs: int, work: Path) -> dict:
    from kg.extract.parallel import ordered_map

    paths = paths_of(corpus)
    started = time.perf_counter()
    tokens = sum(ordered_map(_floor_one, paths, jobs, initializer=_jieba_ready))
    return {"seconds": time.perf_counter() - started, "files": len(paths), "tokens": tokens}


def _extract(corpus: Path, jobs: int, keep: Path | None) -> dict:
    from kg.extract.parallel import iter_outcomes

    reports = errors = 0
    kept = 0.0
    handle = open(keep, "wb") if keep else None  # noqa: SIM115 - closed below, after the timed loop
    started = time.perf_counter()
    for outcome in iter_outcomes([corpus], jobs):
        if outcome.error is not None:
            errors += 1
            continue
        reports += 1
        if handle is not None:
            mark = time.perf_counter()
            pickle.dump(outcome.report, handle, protocol=pickle.HIGHEST_PROTOCOL)
            kept += time.perf_counter() - mark
    seconds = time.perf_counter() - started - kept  # keeping the reports for later stages is not extraction
    if handle is not None:
        handle.close()
    return {"seconds": seconds, "reports": reports, "errors": errors}


def stage_extract(corpus: Path, jobs: int, work: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    return _extract(corpus, jobs, cache_of(corpus, work))


def stage_extract_serial(corpus: Path, jobs: int, work: Path) -> dict:
    return _extract(corpus, 1, None)


def kept_reports(corpus: Path, work: Path, kind: str = "reports"):
    """The reports the extract stage (or, with kind="linked", the link stage) kept, one at a time."""
    with open(cache_of(corpus, work, kind), "rb") as handle:
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return


# ------------------------------------------------------------------ link, load, queries

def stage_link(corpus: Path, jobs: int, work: Path) -> dict:
    from bench_store import link_all

    return link_all(kept_reports(corpus, work), cache_of(corpus, work, "linked"))


def stage_load_floor(corpus: Path, jobs: int, work: Path) -> dict:
    from bench_store import load_floor

    return load_floor(lambda: kept_reports(corpus, work, "linked"), work / "store-floor")


def stage_load(corpus: Path, jobs: int, work: Path) -> dict:
    from bench_store import load_all

    return load_all(kept_reports(corpus, work, "linked"), work / "store", corpus)


def stage_pipeline(corpus: Path, jobs: int, work: Path) -> dict:
    """`kg load` of the whole corpus as a user runs it: extraction in workers, linking and writing here, streamed."""
    import shutil

    from kg.load.loader import load_paths
    from kg.store.falkordb import FalkorDBStore

    folder = work / "store-pipeline"
    shutil.rmtree(folder, ignore_errors=True)
    with FalkorDBStore(folder) as store:
        started = time.perf_counter()
        summary = load_paths(store, [corpus], progress=False, jobs=jobs)
        seconds = time.perf_counter() - started
    shutil.rmtree(folder, ignore_errors=True)
    return {"seconds": seconds, "reports": summary.reports, "errors": len(summary.errors),
            "duplicates": len(summary.duplicates)}


def p50_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=ORDER)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "bench")
    args = parser.parse_args(argv)
    from kg.extract.parallel import default_jobs

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    result = globals()[f"stage_{args.stage}"](args.corpus, args.jobs or default_jobs(), args.work)
    result["seconds"] = round(result["seconds"], 3)
    result.update(peak_rss_mb())
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

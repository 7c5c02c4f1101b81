"""Benchmark every stage at a given corpus size, each beside its floor, on this machine's cores.

    python bench/run.py --reports 1000 --reports 10000 --write   # make bench: results.json + table
    python bench/run.py --reports 1000 --json                     # one scale, one JSON object

Each stage runs in a fresh Python process so that its peak RSS is its own. The corpus is made by
bench/generate.py from examples/ and kept under out/bench/ for the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import stages  # noqa: E402

WORK = ROOT / "out" / "bench"
RESULTS = ROOT / "bench" / "results.json"
WORKER_STAGES = ("read", "extract_floor", "extract")
TARGETS = {
    "extract_vs_floor": 2.0,
    "load_vs_floor": 1.5,
    "query_p50_ms": 200,
    "peak_rss_mb": 1024,
    "rss_growth_10x": 1.3,
    "jobs2_speedup": 1.6,
    "add_one_seconds": 2.0,
}


def corpus(n: int, seed: int) -> Path:
    """The generated corpus of n reports, made once and reused while examples/ is unchanged."""
    from generate import generate, samples_digest

    folder = WORK / f"corpus-{n}-{seed}"
    stamp = folder / ".stamp"
    digest = samples_digest(ROOT / "examples")
    if stamp.exists() and stamp.read_text() == digest:
        return folder
    if folder.exists():
        subprocess.run(["rm", "-rf", str(folder)], check=True)
    started = time.perf_counter()
    generate(folder, n, seed)
    stamp.write_text(digest)
    print(f"bench: generated {n} reports in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return folder


def in_child(stage: str, folder: Path, jobs: int, extra: tuple[str, ...] = ()) -> dict:
    """Run one stage in a fresh interpreter and return what it measured."""
    command = [sys.executable, str(Path(__file__).resolve().parent / "stages.py"), stage, str(folder),
               "--jobs", str(jobs), "--work", str(WORK), *extra]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"bench: stage {stage} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def one_scale(n: int, seed: int, jobs: int, serial: bool) -> dict:
    folder = corpus(n, seed)
    measured: dict[str, dict] = {}
    for stage in stages.ORDER:
        if stage == "extract_serial" and not serial:
            continue
        print(f"bench: {n} reports: {stage} …", file=sys.stderr, flush=True)
        measured[stage] = in_child(stage, folder, jobs)
    return summarize(n, jobs, measured)


def summarize(n: int, jobs: int, m: dict) -> dict:
    """The one JSON object of a scale: stage seconds beside floors, query p50s, peak RSS."""
    def rate(seconds):
        return round(n / seconds, 1) if seconds else None

    result = {
        "reports": n,
        "cores": jobs,
        "stages": {
            "read": {"seconds": m["read"]["seconds"], "reports_per_s": rate(m["read"]["seconds"])},
            "extract": {"seconds": m["extract"]["seconds"], "floor_seconds": m["extract_floor"]["seconds"],
                        "reports_per_s": rate(m["extract"]["seconds"])},
            "link": {"seconds": m["link"]["seconds"], "reports_per_s": rate(m["link"]["seconds"])},
            "load": {"seconds": m["load"]["seconds"], "floor_seconds": m["load_floor"]["seconds"],
                     "reports_per_s": rate(m["load"]["seconds"]), "floor_batch": m["load_floor"].get("batch")},
            "pipeline": {"seconds": m["pipeline"]["seconds"], "reports_per_s": rate(m["pipeline"]["seconds"])},
        },
        "queries": {name: {"p50_ms": q["p50_ms"]} for name, q in m["load"]["queries"].items()},
        "add_one_seconds": round(m["load"]["add_one"]["seconds"], 3),
        "add_one_cross_year_links": m["load"]["add_one"]["cross_year_links"],
        "add_one_cli_seconds": round(m["load"]["add_one"]["cli_seconds"], 3),
        "add_one_cli_samples": m["load"]["add_one"].get("cli_samples", []),
        "add_one_cold_seconds": round(m["load"]["add_one"]["cold_seconds"], 3),
        "log_growth_per_add_bytes": m["load"]["add_one"].get("log_growth_bytes"),
        "adds_per_log_rewrite": m["load"]["add_one"].get("adds_per_rewrite"),
        "log_rewrite_seconds": round(m["load"]["add_one"].get("rewrite_seconds", 0), 3),
        "log_rewrite_start_seconds": round(m["load"]["add_one"].get("rewrite_start_seconds", 0), 4),
        "peak_rss_mb": {**{stage: m[stage]["peak_rss_mb"] for stage in m}, "load": m["load"]["load_peak_rss_mb"]},
        # Children of the extract stages are their workers; other stages' children are store servers, not Python.
        "worker_peak_rss_mb": {stage: m[stage]["worker_peak_rss_mb"] for stage in m
                               if stage in WORKER_STAGES and m[stage].get("worker_peak_rss_mb")},
        "counts": {"reports": m["extract"].get("reports"), "errors": m["extract"].get("errors"),
                   "nodes": m["load"].get("nodes"), "relationships": m["load"].get("relationships"),
                   "links": m["link"].get("links")},
    }
    if "extract_serial" in m:
        result["stages"]["extract_jobs1"] = {"seconds": m["extract_serial"]["seconds"],
                                             "reports_per_s": rate(m["extract_serial"]["seconds"])}
    return result


def table(results: list[dict]) -> str:
    """A Markdown table: one row per stage and scale, seconds beside floor, rate and peak RSS."""
    rows = ["| reports | stage | seconds | floor s | × floor | reports/s | peak RSS MB |",
            "|---:|---|---:|---:|---:|---:|---:|"]
    for r in results:
        rss = r["peak_rss_mb"]
        for stage, key in (("read", "read"), ("extract", "extract"), ("extract --jobs 1", "extract_jobs1"),
                           ("link", "link"), ("load", "load"), ("`kg load` end to end", "pipeline")):
            s = r["stages"].get(key)
            if not s:
                continue
            floor = s.get("floor_seconds")
            ratio = f"{s['seconds'] / floor:.2f}" if floor else ""
            memory = rss.get("extract_serial" if key == "extract_jobs1" else key, "")
            rows.append(f"| {r['reports']:,} | {stage} | {s['seconds']:.2f} | {floor if floor else ''} | {ratio} | "
                        f"{s['reports_per_s'] or ''} | {memory} |")
        for name, q in sorted(r["queries"].items()):
            rows.append(f"| {r['reports']:,} | query `{name}` | p50 {q['p50_ms']} ms | | | | |")
        rows.append(f"| {r['reports']:,} | add one report (in the loading process) | {r['add_one_seconds']:.2f} | | | | |")
        rows.append(f"| {r['reports']:,} | add one report (`kg load`, store running, median of 5) | {r['add_one_cli_seconds']:.2f} | | | | |")
        rows.append(f"| {r['reports']:,} | add one report (`kg load`, store stopped) | {r['add_one_cold_seconds']:.2f} | | | | |")
        if r.get("adds_per_log_rewrite"):
            rows.append(f"| {r['reports']:,} | rewrite of the log (in the background, once in {r['adds_per_log_rewrite']} "
                        f"adds; the add that starts it waits {r['log_rewrite_start_seconds']:.3f} s) | "
                        f"{r['log_rewrite_seconds']:.2f} | | | | |")
    return "\n".join(rows)


def verdicts(results: list[dict]) -> dict:
    """Each target, met or not, from the largest scale (and the 1,000 → 10,000 growth)."""
    big = max(results, key=lambda r: r["reports"])
    small = min(results, key=lambda r: r["reports"])
    st = big["stages"]
    out = {
        "extract_vs_floor": round(st["extract"]["seconds"] / st["extract"]["floor_seconds"], 2),
        "load_vs_floor": round(st["load"]["seconds"] / st["load"]["floor_seconds"], 2),
        "query_p50_ms_max": max((q["p50_ms"] for q in big["queries"].values()), default=None),
        "peak_rss_mb_max": max([*big["peak_rss_mb"].values(), *big["worker_peak_rss_mb"].values()]),
        "add_one_seconds": big["add_one_seconds"],
        "add_one_cli_seconds": big["add_one_cli_seconds"],
        "add_one_cold_seconds": big["add_one_cold_seconds"],
    }
    if big is not small:
        # Stage by stage, each process against itself at the smaller scale.
        growth = {stage: round(big["peak_rss_mb"][stage] / small["peak_rss_mb"][stage], 2)
                  for stage in big["peak_rss_mb"] if small["peak_rss_mb"].get(stage)}
        growth.update({f"{stage} workers": round(big["worker_peak_rss_mb"][stage] / small["worker_peak_rss_mb"][stage], 2)
                       for stage in big["worker_peak_rss_mb"] if small["worker_peak_rss_mb"].get(stage)})
        out["rss_growth"] = max(growth.values())
        out["rss_growth_by_stage"] = growth
    serial = next((r for r in results if "extract_jobs1" in r["stages"]), None)
    if serial:
        out["jobs_speedup"] = round(serial["stages"]["extract_jobs1"]["seconds"] / serial["stages"]["extract"]["seconds"], 2)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, action="append", help="corpus size; repeat for several")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per scale")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    from kg.extract.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    sizes = args.reports or [1000]
    results = []
    for n in sizes:
        # --jobs 1 is timed at the smallest scale only: the speed-up does not depend on the corpus size.
        result = one_scale(n, args.seed, jobs, serial=(n == min(sizes) and jobs > 1))
        results.append(result)
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
    if not args.json:
        print(table(results))
        print()
        print("targets:", json.dumps(verdicts(results)))
    if args.write:
        document = {"machine": {"cores": jobs, "python": platform.python_version(), "system": platform.platform()},
                    "targets": TARGETS, "measured": verdicts(results), "results": results,
                    "table": table(results)}
        RESULTS.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"bench: wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()

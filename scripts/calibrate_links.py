"""Where a link stops being shown as fact: the confirmation scores of kg/link/config.py, measured on gold folders.

    .venv/bin/python scripts/calibrate_links.py ../shared/gold ../shared/corpus [--json]

For each gold folder with a report folder of the same name, every link the library makes is judged by
the gold; per kind, the script prints the lowest score from which links are right at least nine times in
ten, and the precision of links at or above the score now in kg/link/config.py and below it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.errors import KgError
from kg.evaluate.calibrate import Split, confirmation_score, judge_links, split
from kg.link.config import DEFAULT

KINDS = ("addresses", "follows_up", "recurs")


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    gold_root, reports_root = Path(args[0]), Path(args[1])
    judged = []
    try:
        for gold_dir in sorted(p for p in gold_root.iterdir() if p.is_dir()):
            found, errors = judge_links(gold_dir, reports_root / gold_dir.name)
            judged += found
            for error in errors:
                print(f"calibrate_links: {error}", file=sys.stderr)
    except KgError as exc:
        print(f"calibrate_links: {exc}", file=sys.stderr)
        return 1
    table = {}
    for kind in KINDS:
        now = getattr(DEFAULT, f"{kind}_confirmed")
        s = split([j for j in judged if j.kind == kind], now)
        table[kind] = {
            "links": s.above + s.below, "calibrated": confirmation_score(judged, kind), "in_config": now,
            "above": s.above, "above_precision": Split.precision(s.above_correct, s.above),
            "below": s.below, "below_precision": Split.precision(s.below_correct, s.below),
        }
    if "--json" in argv:
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return 0
    print("kind        links  calibrated  in config  at/above (precision)  below (precision)")
    for kind, row in table.items():
        def share(n, p):
            return f"{n} ({p:.0%})" if p is not None else f"{n} (—)"
        calibrated = "—" if row["calibrated"] is None else f"{row['calibrated']:.3f}"
        print(f"{kind:<11} {row['links']:>5}  {calibrated:>10}  {row['in_config']:>9.2f}  "
              f"{share(row['above'], row['above_precision']):>20}  {share(row['below'], row['below_precision']):>17}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The result of an evaluation as plain-text tables: one row per field, then F1 per field and file."""

from __future__ import annotations

from pathlib import PurePath

from kg.evaluate.score import FIELDS

_LABEL_WIDTH = 9


def _number(value) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _file_labels(files: list[str]) -> list[str]:
    """Short column labels: file stems cut to fit, or numbers with a legend when cutting makes them collide."""
    for width in range(_LABEL_WIDTH, _LABEL_WIDTH * 2):
        labels = [PurePath(f).stem[:width] for f in files]
        if len(set(labels)) == len(labels):
            return labels
    return [f"#{i + 1}" for i in range(len(files))]


def format_tables(result: dict) -> str:
    """P, R, F1 and tp/fp/fn per field over the folder, a compact F1 grid per file, then notes and errors."""
    micro, files = result.get("micro", {}), result.get("files", {})
    fields = [f for f in FIELDS if f in micro]
    width = max(len(f) for f in fields + ["field"])
    lines = [f"{'field':<{width}}  {'P':>5}  {'R':>5}  {'F1':>5}  {'tp':>5}  {'fp':>5}  {'fn':>5}"]
    for name in fields:
        s = micro[name]
        if s.get("skipped"):
            lines.append(f"{name:<{width}}  {'n/a':>5}  {'n/a':>5}  {'n/a':>5}  ({s['skipped']})")
            continue
        lines.append(f"{name:<{width}}  {_number(s['p'])}  {_number(s['r'])}  {_number(s['f1'])}"
                     f"  {s['tp']:>5}  {s['fp']:>5}  {s['fn']:>5}")
    names = list(files)
    if names:
        labels = _file_labels(names)
        cols = [max(5, len(label)) for label in labels]
        lines += ["", "F1 by file", f"{'field':<{width}}  " + "  ".join(f"{lb:>{c}}" for lb, c in zip(labels, cols))]
        for name in fields:
            cells = []
            for file, c in zip(names, cols):
                s = files[file].get(name)
                cells.append(f"{'-' if s is None else _number(s['f1']).strip():>{c}}")
            lines.append(f"{name:<{width}}  " + "  ".join(cells))
        if labels[0].startswith("#"):
            lines += [""] + [f"{label} {file}" for label, file in zip(labels, names)]
    for note in result.get("notes", []):
        lines.append(f"note: {note}")
    if result.get("errors"):
        lines.append(f"{len(result['errors'])} file(s) could not be scored in full; see the errors below")
    return "\n".join(lines)

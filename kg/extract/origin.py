"""A report read from unwrapped text, with every offset taken back to the original text of its file."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from kg.model import Evidence, Header, Link, Report, Source, ThemeTag
from kg.text import JOINED
from kg.text.unwrap import Unwrapped

_STARTS = ("start", "body_start")
_ENDS = ("end", "body_end")


def restore(report: Report, original: Source, unwrapped: Unwrapped) -> Report:
    """The report with `original` as its source and its evidence, section and item spans indexing its text.

    In the source's matched form, what the reading joined away (wrapped lines' breaks and indents, page
    footers) is masked, so that linking compares the words the reader saw joined.
    """
    kept = set(unwrapped.origin[:-1])
    norm = "".join(ch if i in kept else JOINED for i, ch in enumerate(original.norm))
    return replace(_remap(report, unwrapped), source=replace(original, norm=norm))


def restore_header(header: Header, unwrapped: Unwrapped) -> Header:
    """A header read from the joined text, its evidence indexing the original."""
    return _remap(header, unwrapped)


def _remap(value, unwrapped: Unwrapped):
    if isinstance(value, Evidence):
        start = unwrapped.start(value.start)
        end = unwrapped.end(value.end) if value.end > value.start else start
        # The sentence is the joined one: a reader wants it without the line breaks and page footers.
        return replace(value, start=start, end=end)
    if isinstance(value, tuple):
        return tuple(_remap(v, unwrapped) for v in value)
    if not is_dataclass(value) or isinstance(value, (Source, Link, ThemeTag)):
        return value
    changes = {}
    for f in fields(value):
        current = getattr(value, f.name)
        if f.name in _STARTS and isinstance(current, int):
            changes[f.name] = unwrapped.start(current)
        elif f.name in _ENDS and isinstance(current, int):
            changes[f.name] = unwrapped.end(current)
        elif isinstance(current, (tuple, Evidence)) or is_dataclass(current):
            changes[f.name] = _remap(current, unwrapped)
    return replace(value, **changes)


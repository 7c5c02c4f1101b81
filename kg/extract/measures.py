"""Work done: the second-level items of the measures and duty sections."""

from __future__ import annotations

from kg.extract.items import collect
from kg.model import Item, Source


def extract(source: Source, outline) -> tuple[Item, ...]:
    return collect(source, outline, "measure")

"""Problems: each numbered or 一是-style item of the shortcomings sections."""

from __future__ import annotations

from kg.extract.items import collect
from kg.model import Item, Source


def extract(source: Source, outline) -> tuple[Item, ...]:
    return collect(source, outline, "shortcoming")

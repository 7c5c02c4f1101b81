"""Outline item headings → Item records: the heading or first clause, its evidence and the whole body's span."""

from __future__ import annotations

from kg.model import Item, Source
from kg.model import evidence


def _named(outline, kind: str):
    """Item nodes of one kind that name something: a bare marker with nothing after it names no item."""
    return [node for node in outline.items(kind) if node.text_end > node.text_start]


def collect(source: Source, outline, kind: str) -> tuple[Item, ...]:
    """Items of one kind (measure, shortcoming, plan) in text order, numbered across the report from 0."""
    answers = {}
    if kind == "plan" and outline.pairs:
        problem_ordinals = {node.start: n for n, node in enumerate(_named(outline, "shortcoming"))}
        answers = {remedy: problem_ordinals.get(problem) for problem, remedy in outline.pairs}
    items = []
    for node in _named(outline, kind):
        items.append(Item(
            kind=kind,
            text=node.heading,
            section=node.section,
            ordinal=len(items),
            evidence=evidence(source.path, source.text, node.text_start, node.text_end),
            body_start=node.start,
            body_end=node.end,
            answers=answers.get(node.start),
        ))
    return tuple(items)

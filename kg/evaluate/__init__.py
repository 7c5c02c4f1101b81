"""Extraction scored against gold annotations (the only package that reads gold): P, R, F1 per field and file.

The rules are those of the gold folder's README: text items match on character-set Jaccard ≥ 0.5 or
containment, one gold item to at most one extracted item; laws, documents and campaigns on exact
normalized text; metrics on value, unit and an overlapping indicator; links and cross-year chains as
pairs after mapping both ends through the item matches.
"""

from kg.evaluate.run import evaluate
from kg.evaluate.tables import format_tables

__all__ = ["evaluate", "format_tables"]

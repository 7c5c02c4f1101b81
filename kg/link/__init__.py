"""Themes of items, within-report links (plan addresses shortcoming) and cross-year links, each with its reasons."""

from kg.link.config import DEFAULT, Thresholds, parse_overrides
from kg.link.cross import cross_year, follow_up_pairs
from kg.link.incremental import adjacent_links
from kg.link.themes import load_themes, tag_report
from kg.link.trace import TraceRow, figures, format_rows, trace, trace_paths
from kg.link.within import addresses, link_report

__all__ = [
    "DEFAULT", "Thresholds", "TraceRow", "parse_overrides", "addresses", "adjacent_links", "cross_year", "follow_up_pairs",
    "figures", "format_rows", "link_report", "load_themes", "tag_report", "trace", "trace_paths",
]

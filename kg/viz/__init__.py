"""Pictures of the graph for briefings: offline pyvis pages of one report, follow-through chains, citations."""

from __future__ import annotations

from pathlib import Path

from kg.viz.graph import Graph
from kg.viz.views import VIEWS
from kg.viz.data import reports_again, store_runner
from kg.viz.html import write_page
from kg.viz.views import build_view, refuse_ignored


def write_view(store, view: str, output: str | Path, township: str | None = None, county: str | None = None,
               year: int | None = None, top: int | None = None) -> Graph:
    """Build one named view from `store` and write it as a self-contained HTML page."""
    graph = build_view(store_runner(store), view, township, county, year,
                       reports_for=lambda name, place: reports_again(store, name, place), top=top)
    write_page(graph, output)
    return graph


__all__ = ["VIEWS", "Graph", "refuse_ignored", "write_view"]

"""Where a report's gold sections and items stand among its lines, so that a layout can move them.

The gold tells where they are (their heading texts, in order), so no transform relies on the parser it tests.
"""

from __future__ import annotations

from kg.structure.markers import line_marker
from kg.text import compact, normalize


def _gold_items(gold: dict, section: int) -> list[str]:
    """The gold items of one section: its own measures, or the problems and plans of a problems or plans section.

    A line numbered below a measure may read as a plan further on (2.推进精准普法 under a measure, （四）推进精准普法
    among the plans): it is no item of the measures section.
    """
    sections = gold.get("sections") or []
    kind = sections[section]["kind"] if section < len(sections) else None
    measures = [m for m in gold.get("measures") or []]
    if kind in ("measures", "duty"):
        texts = [m["heading"] for m in measures if isinstance(m, dict) and m.get("section") == section]
    else:
        texts = [m["heading"] if isinstance(m, dict) else m for m in measures] if kind not in ("shortcomings", "plans") else []
        texts += list(gold.get("shortcomings") or []) + list(gold.get("plans") or [])
    return [compact(t) for t in texts if t]


def line_roles(lines: list[str], gold: dict) -> list[str | None]:
    """Per line: "section" (a gold section heading), "item" (a numbered gold item), "other" (another numbered
    line), "contents" (a heading as a table of contents lists it).

    A heading whose number stands alone on its line (一、 / 主要工作) marks the number's line "section" and
    the words below it "heading". The body's headings are the last run that holds them all in order, so a
    table of contents that lists them first is not taken for them.
    """
    headings = [compact(s["heading"]) for s in gold.get("sections") or []]
    roles: list[str | None] = [None] * len(lines)
    found, contents = _heading_lines(lines, headings)
    for i, span in found.items():
        roles[i] = "section"
        if span == 2:
            roles[i + 1] = "heading"
    for i in contents:
        roles[i] = "contents"
    first = min(found, default=len(lines))
    section, items = -1, []
    for i, line in enumerate(lines):
        if roles[i] == "section":
            section += 1
            items = [item[:8] for item in _gold_items(gold, section)]
        if roles[i] is not None or i < first or not found:
            continue
        marker = line_marker(normalize(line.strip()))
        if marker is None or marker[0] == "inline":
            continue
        rest = compact(line.strip()[marker[2]:])
        roles[i] = "item" if rest.startswith(tuple(items)) and items else "other"
    return roles


def _heading_lines(lines: list[str], headings: list[str]) -> tuple[dict[int, int], dict[int, int]]:
    """{line index: 1, or 2 when the heading goes on over the next line} for the gold headings in order, and
    the same for a table of contents that lists them all before them."""
    keys = [compact(line) for line in lines]

    def heading_at(i: int, heading: str) -> int:
        if not heading:
            return 0
        if keys[i].startswith(heading):
            return 1
        below = next((j for j in range(i + 1, len(lines)) if keys[j]), None)
        if keys[i] and heading.startswith(keys[i]) and below is not None and (keys[i] + keys[below]).startswith(heading):
            return 2 if below == i + 1 else 0
        return 0

    scans = []
    for start in range(len(lines)):
        if not headings or not heading_at(start, headings[0]):
            continue
        found, next_section, i = {}, 0, start
        while i < len(lines) and next_section < len(headings):
            span = heading_at(i, headings[next_section])
            if span:
                found[i] = span
                next_section += 1
            i += span or 1
        scans.append(found)
    whole = [found for found in scans if len(found) == len(headings)]
    if not whole:
        return max(scans, key=len, default={}), {}
    body = whole[-1]
    contents = next((found for found in whole if max(found) < min(body)), {})
    return body, contents


def split_marker(line: str) -> tuple[str, str, str]:
    """(indentation, marker, rest) of a numbered line."""
    body = line.lstrip()
    indent = line[: len(line) - len(body)]
    marker = line_marker(normalize(body))
    length = marker[2] if marker else 0
    return indent, body[:length], body[length:]

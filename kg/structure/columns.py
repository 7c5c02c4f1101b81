"""A problems-and-remedies table read as text: a row a line, its cells split by tabs (问题<TAB>整改措施).

Tables lose their grid when a document is turned into text, but keep one tab between cells. A combined
section (存在问题及整改措施) whose heading names two kinds holds them in its columns in the order the
heading names them; each row is a problem and the remedy that answers it, paired as a remedy written
inside its problem's own item is (remedies.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.structure.header import lines_of
from kg.structure.nodes import Node

# A header row: short cells naming the columns (问题 | 整改措施), no clause in them.
_HEADER_CELL_RE = re.compile(r"[^,，。；;]{1,8}")
# Cells of a row: a tab, the bar of a Markdown table (| 1 | 落实学法制度 |), or an arrow between two cells
# (执法力量不足 → 充实执法队伍); an arrow opening a line is a bullet, not a separator.
# A run of three or more spaces inside a line parts cells as a tab does (a table aligned with spaces).
_CELL_SEP_RE = re.compile(r"[\t|]|(?<=\S)[ \t]*(?:->|[→⇒➔➜➝])[ \t]*(?=\S)|(?<=\S) {3,}(?=\S)")
_RULE_ROW_RE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?")


def split_columns(norm: str, text: str, index: int, start: int, end: int, clause_end,
                  column_kind=None, header_names=False) -> list[tuple[Node, Node]]:
    """(left cell, right cell) item nodes of each row, header excluded; [] when the body is no such table.

    `header_names`: a first row of short cells is the header only when one of them names a kind (`column_kind`),
    since rows of short problems and remedies (台账粗放 → 修订办法) are short too.
    A row of two cells gives both. A wider table (存在问题 | 整改措施 | 完成时限) gives the first two columns whose
    header cell names a kind (`column_kind`: header text → kind or None), so a deadline or a number column is left out.
    """
    rows, other, header = [], 0, None
    for line in lines_of(norm, start, end):
        cells = _cells(norm, line.start, line.end)
        if len(cells) < 2:
            other += 1
            continue
        if header is None and not rows and all(_HEADER_CELL_RE.fullmatch(norm, a, b) for a, b in cells) and not (
                header_names and column_kind is not None and not any(column_kind(norm[a:b]) for a, b in cells)):
            header = cells
            continue
        rows.append(cells)
    columns = (0, 1)
    if header is not None and len(header) > 2 and column_kind is not None:
        # the first column of each kind: a cause column (问题 | 原因 | 整改措施) belongs to its row's problem
        first: dict[str, int] = {}
        for n, (a, b) in enumerate(header):
            first.setdefault(column_kind(norm[a:b]), n)
        named = sorted(n for kind, n in first.items() if kind)
        columns = tuple(named[:2]) if len(named) >= 2 else columns
    width = len(header) if header is not None else 2
    rows = [cells for cells in rows if len(cells) == width]
    if not rows or other > len(rows):  # a stray tab in prose is no table
        return []
    pairs = []
    for number, cells in enumerate(rows, 1):
        left, right = (Node(2, "column", number, "", "", a, a, clause_end(norm, a, b), b, index)
                       for a, b in (cells[column] for column in columns))
        pairs.append(tuple(_named(text, node) for node in (left, right)))
    return pairs


def header_cells(norm: str, start: int, end: int) -> list[str]:
    """The cells of the first line of norm[start:end] when it is a table's header row (问题 | 整改措施), else []."""
    line = next(iter(lines_of(norm, start, end)), None)
    cells = _cells(norm, line.start, line.end) if line else []
    if len(cells) < 2 or not all(_HEADER_CELL_RE.fullmatch(norm, a, b) for a, b in cells):
        return []
    return [norm[a:b] for a, b in cells]


def table_items(norm: str, text: str, index: int, start: int, end: int, clause_end) -> list[Node]:
    """A body that is a table of tasks (序号<TAB>工作任务<TAB>完成情况): an item per row, its heading the first cell
    that is more than a row number; [] when the body is no such table."""
    rows, other, first, width = [], 0, True, 0
    for line in lines_of(norm, start, end):
        cells = _cells(norm, line.start, line.end)
        if width and len(cells) != width:
            cells = _spaced_cells(norm, line.start, line.end, width) or cells
        elif first and not all(_HEADER_CELL_RE.fullmatch(norm, a, b) for a, b in cells):
            # a header padded by eye parts its short names by a gap of any width (任务　　　牵头单位　完成时间)
            spaced = _spaced_cells(norm, line.start, line.end)
            if len(spaced) >= 2 and all(_HEADER_CELL_RE.fullmatch(norm, a, b) for a, b in spaced):
                cells = spaced
        if len(cells) < 2:
            other += 1
            continue
        # only the table's first row may be its header: short rows after it (1 落实学法制度 学法8次) are rows
        if not (first and all(_HEADER_CELL_RE.fullmatch(norm, a, b) for a, b in cells)):
            rows.append((line, cells))
        elif first:
            width = len(cells)
        first = False
    if len(rows) < 2 or other > len(rows):  # a stray tab in prose is no table
        return []
    items = []
    for number, (line, cells) in enumerate(rows, 1):
        a, b = next(((a, b) for a, b in cells if not norm[a:b].isdigit()), cells[0])
        node = Node(2, "row", number, text[line.start : a].strip(), "", line.start, a, clause_end(norm, a, b), line.end, index)
        items.append(_named(text, node))
    return items


def _cells(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each non-empty cell of one line, split by tabs or by a Markdown table's bars, spaces trimmed.

    A Markdown rule row (| --- | --- |) has no cells.
    """
    line = norm[start:end]
    if _RULE_ROW_RE.fullmatch(line):
        return []
    bounds = [(start + m.start(), start + m.end()) for m in _CELL_SEP_RE.finditer(line)]
    cells = []
    for (_, a), (b, _) in zip([(start, start), *bounds], [*bounds, (end, end)]):
        while a < b and norm[a].isspace():
            a += 1
        while b > a and norm[b - 1].isspace():
            b -= 1
        if b > a:
            cells.append((a, b))
    return cells


def _spaced_cells(norm: str, start: int, end: int, width: int = 0) -> list[tuple[int, int]]:
    """The cells of a row parted by gaps narrower than a header's (a full-width space or two, where the typist
    padded by eye), when the gaps part it into exactly as many cells as the header has (`width`, if given); else
    []. Prose holds no spaces between its words, so under a header only a row is split this way."""
    bounds = [(start + m.start(), start + m.end()) for m in _SPACE_GAP_RE.finditer(norm[start:end])]
    if width and len(bounds) != width - 1:
        return []
    return [(a, b) for (_, a), (b, _) in zip([(start, start), *bounds], [*bounds, (end, end)])]


_SPACE_GAP_RE = re.compile(r"(?<=\S)[ \t]+(?=\S)")


def _named(text: str, node: Node) -> Node:
    return replace(node, heading=text[node.text_start : node.text_end])

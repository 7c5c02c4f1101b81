"""Figures in a table typed as text: a header row gives each column's unit in brackets (受理（件）), and the rows
below give a label and bare numbers. Each number is a metric named by its row's label and its column.

A report pasted from a word processor keeps such tables as lines of cells split by spaces or tabs:

    序号  纠纷类型  受理（件）  调解成功（件）
    1     邻里纠纷  67          66
    合计            171         164

The numbers carry no unit of their own, so the sentence reader never sees them; only the header says what they
count. Rows end at the first line that is not a row of the same table.
"""

from __future__ import annotations

import re
from functools import cache

from kg.model import Metric, evidence
from kg.text import lexicon
from kg.text.numerals import MULTIPLIERS, scaled, units

MIN_CELLS = 3  # a label, and at least two more cells: fewer is a sentence, not a table row
MIN_LABELLED_ROWS = 2  # rows that each carry their unit: one such line alone may be a caption, two in a row are a table
MAX_LABEL = 25  # characters of a row's label; a longer run before a bracket is a sentence
_CELL = re.compile(r"[^ \t\u3000|]+")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


@cache
def _unit_header() -> re.Pattern:
    """A header cell ending in its unit in brackets: 受理(件), 金额(万元) in the normal form."""
    return re.compile(rf"\((?:万|亿)?({lexicon.either(units())})\)(?=[ \t\u3000|]|$)", re.M)


@cache
def _labelled_row() -> re.Pattern:
    """行政复议案件（件）  4: a row whose own label ends in its unit in brackets, then one bare number.

    A cell merged over a group of rows (行政执法 | 行政检查（次） | 214, then | 行政处罚（件） | 39) is typed on the
    group's first row only: that row has the group's name before its label, which names no figure.
    """
    return re.compile(
        rf"^[ \t\u3000|]*(?:[^\s|()\d][^\s|()\d]{{0,{MAX_LABEL - 1}}}[ \t\u3000|]+)?"
        rf"(?P<label>[^\s|()\d][^\s|()]{{0,{MAX_LABEL - 1}}})"
        rf"\((?P<unit>(?:万|亿)?(?:{lexicon.either(units())}))\)[ \t\u3000|]+"
        rf"(?P<number>{_NUMBER.pattern})[ \t\u3000|]*$",
        re.M,
    )


_UNIT_THEN_NUMBER = re.compile(r"\)[ \t\u3000|]+\d")  # what every labelled row holds: a cheap test before the rows


# 指标  完成值  单位: a header whose own column holds each row's unit
_UNIT_COLUMN = re.compile(r"(?:^|(?<=[ \t\u3000|]))(?:计量)?单位(?=[ \t\u3000|]|$)", re.M)


def extract(source_path: str, shown: str, norm: str) -> list[Metric]:
    """Every figure in the text's tables whose header gives a unit, in text order."""
    found: list[Metric] = []
    done = -1  # the end of the last table read: a header's further units are already taken
    hits = sorted([*_unit_header().finditer(norm), *_UNIT_COLUMN.finditer(norm)], key=lambda m: m.start())
    for hit in hits:
        if hit.start() < done:
            continue
        line_start = norm.rfind("\n", 0, hit.start()) + 1
        line_end = _line_end(norm, line_start)
        header = [(m.start(), m.group()) for m in _CELL.finditer(norm, line_start, line_end)]
        if len(header) < MIN_CELLS:
            continue
        columns = [_column(cell) for _, cell in header]
        # 单位 is also "the unit of work" (单位 | 受理（件）): it names a unit column only in a header that gives no unit
        # in brackets, and never as the first column, which holds the rows' labels
        unit_column = None if any(columns) else next(
            (i for i, (_, cell) in enumerate(header) if i > 0 and _UNIT_COLUMN.fullmatch(cell)), None)
        if unit_column is None and not any(columns):
            continue
        done = line_end
        pos = line_end + 1
        while pos < len(norm):
            end = _line_end(norm, pos)
            cells = [(m.start(), m.group()) for m in _CELL.finditer(norm, pos, end)]
            row = _row(cells, columns) if unit_column is None else _row_with_unit(cells, len(header), unit_column)
            if row is None:
                break
            found.extend(Metric(indicator=f"{shown[label[0] : label[0] + len(label[1])]}{name}", value=value, unit=unit,
                                approx=False, evidence=evidence(source_path, shown, start, start + length))
                         for label in (row[0],) for name, unit, value, start, length in row[1])
            done = pos = end + 1
    taken = {m.evidence.start for m in found}
    labelled = [m for m in _labelled_rows(source_path, shown, norm) if m.evidence.start not in taken]
    return sorted([*found, *labelled], key=lambda m: m.evidence.start) if labelled else found


def _labelled_rows(source_path: str, shown: str, norm: str) -> list[Metric]:
    """Figures of a table with no unit in its header, each row's label ending in its unit: 行政复议案件（件）  4.

    Only runs of at least MIN_LABELLED_ROWS such lines, one right under the other, are a table.
    """
    if not _UNIT_THEN_NUMBER.search(norm):
        return []  # nearly every text: no bracket closed right before a gap and a number
    rows = list(_labelled_row().finditer(norm))
    kept = []
    for i, row in enumerate(rows):
        run = [r for r in rows[max(0, i - 1) : i + 2]
               if r is row or norm.count("\n", min(r.start(), row.start()), max(r.start(), row.start())) == 1]
        if len(run) >= MIN_LABELLED_ROWS:
            kept.append(row)
    metrics = []
    for row in kept:
        value, unit = _in_base_unit(float(row.group("number").replace(",", "")), row.group("unit"))
        start, end = row.span("number")
        metrics.append(Metric(indicator=shown[row.start("label") : row.end("label")], value=value, unit=unit,
                              approx=False, evidence=evidence(source_path, shown, start, end)))
    return metrics


def _line_end(norm: str, start: int) -> int:
    end = norm.find("\n", start)
    return len(norm) if end < 0 else end


def _column(cell: str) -> tuple[str, str] | None:
    """受理(件) → ("受理", "件"); 金额(万元) → ("金额", "万元"); a cell without a unit → None."""
    match = _unit_header().search(cell)
    return (cell[: match.start()], cell[match.start() + 1 : -1]) if match and match.end() == len(cell) else None


def _row(cells: list[tuple[int, str]], columns: list[tuple[str, str] | None]):
    """(label cell, [(column name, unit, value, start, length)]) for a row of the table, or None when it is not one.

    Numbers are matched to columns from the right, so a row with an empty cell (合计, no 序号) still lines up.
    """
    if len(cells) < 2 or len(cells) > len(columns):
        return None
    numbers = 0
    while numbers < len(cells) and _NUMBER.fullmatch(cells[len(cells) - 1 - numbers][1]):
        numbers += 1
    labels = [cell for cell in cells[: len(cells) - numbers] if not _NUMBER.fullmatch(cell[1])]
    if numbers == 0 or len(labels) != 1:
        return None
    figures = []
    for (start, written), column in zip(cells[len(cells) - numbers :], columns[len(columns) - numbers :]):
        if column is None:
            continue
        name, unit = column
        value, unit = _in_base_unit(float(written.replace(",", "")), unit)
        figures.append((name, unit, value, start, len(written)))
    return (labels[0], figures) if figures else None


def _row_with_unit(cells: list[tuple[int, str]], width: int, unit_column: int):
    """行政复议案件  3  件: a row of a table whose unit is a column of its own: (label cell, [(“”, unit, value, …)])."""
    if len(cells) != width:
        return None
    unit = cells[unit_column][1]
    if unit not in units():
        return None
    rest = [cell for i, cell in enumerate(cells) if i != unit_column]
    labels = [cell for cell in rest if not _NUMBER.fullmatch(cell[1])]
    numbers = [cell for cell in rest if _NUMBER.fullmatch(cell[1])]
    if len(labels) != 1 or len(numbers) != 1:
        return None
    start, written = numbers[0]
    return labels[0], [("", unit, float(written.replace(",", "")), start, len(written))]


def _in_base_unit(value: float, unit: str) -> tuple[float, str]:
    """8.6 in a 万元 column → 86000.0 元; a unit the lexicon knows whole (万人次 if listed) stays as it is."""
    if unit.startswith(("万", "亿")) and unit not in units():
        return scaled(value, MULTIPLIERS[unit[0]]), unit[1:]
    return value, unit

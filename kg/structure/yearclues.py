"""Scored readings of a report's year of work: the title's, the preamble's, a heading's, the document number's,
the signature's and the page's dates, each with the text it was read from (weights in kg.structure.clues)."""

from __future__ import annotations

import re

from kg.model import Clue, Source
from kg.structure.clues import (BODY_YEAR, DATED, DOC_NUMBER, FIRST_HEADING, HEAD_LINE, METADATA, OPENING,
                                PUBLISHED, REPORT_LINE, SIGNED, TITLE, WEIGHTS, Zones, _REPORT_LINE_RE,
                                _SUBJECT_BEFORE, _clue, _line_of, _sentence_end, _sentence_start, _within)
from kg.text.numerals import parse_chinese, parse_digits

# A date line, also in round brackets as it stands under a title ((2024年1月8日)), and in Chinese numerals as a
# signature may write it (二〇二五年一月六日).
_CHINESE_YEAR = r"[一二][〇零○一二三四五六七八九]{3}"
_CHINESE_DAY = r"[一二三四五六七八九十]{1,3}"
DATE_RE = re.compile(
    rf"^\s*(?P<open>\()?(?P<year>(?:19|20)\d{{2}}|{_CHINESE_YEAR})\s*年\s*(?P<month>\d{{1,2}}|{_CHINESE_DAY})\s*月"
    rf"(?:\s*(?:\d{{1,2}}|{_CHINESE_DAY})\s*日)?\s*(?(open)\))\s*$")


def is_date(text: str) -> bool:
    return bool(DATE_RE.match(text))


def date_of(match: re.Match) -> tuple[int, int]:
    """(year, month) of a DATE_RE match, in digits or Chinese numerals."""
    year, month = match.group("year"), match.group("month")
    return year_number(year), int(month) if month.isascii() else parse_chinese(month)

_YEAR_RE = re.compile(r"((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年")
_RANGE_RE = re.compile(r"[-—–~至到]\s*$")


def year_clues(source: Source, zones: Zones, doc_year: int | None, first_heading: tuple[int, int] | None,
               signed: tuple[int, int, int] | None, metadata_year: tuple[int, str] | None,
               written: tuple[int, int, int] | None = None,
               published: tuple[int, int, int] | None = None) -> list[Clue]:
    """Readings of the year of work: the title's, the preamble's, a heading's, the document number's, the date's.

    `metadata_year`: (year of work, the date as the page gives it) from a page's 成文日期 metadata.
    `written`: (year of work, start, end) from a 成文日期 field kept in the text of a page; `published`: the
    same from the page's publication line (发布时间：…).
    """
    norm = source.norm
    clues = []
    for match in _YEAR_RE.finditer(norm, 0, zones.body_end):
        pos = match.start()
        if _RANGE_RE.search(norm, max(0, pos - 2), pos) or re.match(r"\s*[-—–~至到]", norm[match.end(): match.end() + 2]):
            continue  # (2021—2025年): a span of years, not the year of work
        year = year_number(match.group(1))
        line_start, line_end = _line_of(norm, pos)
        if zones.title and _within(pos, [zones.title]):
            cue = TITLE
        elif pos < zones.head_end and _within(pos, zones.head) and not _is_dated_line(norm[line_start:line_end]):
            cue = HEAD_LINE
        elif pos < zones.head_end and _REPORT_LINE_RE.search(norm, _sentence_start(norm, pos), _sentence_end(norm, pos)):
            cue = REPORT_LINE
        elif pos < zones.head_end and (pos == line_start or norm[pos - 1] in _SUBJECT_BEFORE) \
                and re.match(r"[,，]|以来|度[,，]", norm[match.end(): match.end() + 3]):
            cue = OPENING
        elif first_heading and first_heading[0] <= pos < first_heading[1]:
            cue = FIRST_HEADING
        elif _within(pos, zones.head):
            continue  # a date or publication line
        else:
            cue = BODY_YEAR
        clues.append(_clue(source, "year", year, cue, match.start(), match.end()))
    if doc_year is not None:
        clues.append(Clue("year", doc_year - 1, DOC_NUMBER, WEIGHTS[DOC_NUMBER]))
    if signed is not None:
        year, month, start = signed
        # Reports are signed at the end of the year of work or early in the next.
        cue = SIGNED if start >= zones.head_end else DATED
        clues.append(_clue(source, "year", year if month >= 10 else year - 1, cue, start, start + 4))
    if metadata_year is not None:
        clues.append(Clue("year", metadata_year[0], METADATA, 1.0, page_field=f"成文日期：{metadata_year[1]}"))
    if written is not None:
        clues.append(_clue(source, "year", written[0], METADATA, written[1], written[2], weight=1.0))
    if published is not None:
        clues.append(_clue(source, "year", published[0], PUBLISHED, published[1], published[2]))
    return clues


def year_number(token: str) -> int:
    """2022 for 2022 and for 二〇二二."""
    return int(token) if token.isascii() else parse_digits(token)


def _is_dated_line(text: str) -> bool:
    # 今天是2025年1月15日 星期三: the day the page was viewed, shown above its site's name.
    return bool(re.search(r"(?:日期|时间|发布|来源|浏览|字体|今天|星期)\s*[:：]?", text)) or is_date(text)

"""Header facts of a report: title, township, county, year, document number, issuer and addressee."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Header, Source
from kg.text import evidence
from kg.text.numerals import parse_digits

# Characters that end or stand beside a place name but are never part of one (function words, rank words).
_NOT_NAME = "的在与及年度委府省县区乡镇党政我街道市办处|"
_NAME = rf"(?:(?![{_NOT_NAME}])[\u4e00-\u9fff])"
_COUNTY_SUFFIX = "(?:县|市|区|旗)"
_TOWN_SUFFIX = "(?:街道|镇|乡)"
# What may follow a township name in a title or an issuer line.
_AFTER_TOWN = r"(?=人民政府|委员会|党委|办事处|关于|法治|依法|工作|党政|\d|$|[^\u4e00-\u9fff])"
_PLACE_RE = re.compile(
    rf"(?:(?P<county>{_NAME}{{1,6}}?{_COUNTY_SUFFIX}))?(?P<town>{_NAME}{{1,6}}?{_TOWN_SUFFIX}){_AFTER_TOWN}"
)
# A county named in the body only as the seat of a Party committee or government (中共芷江县委, 在柘阳县委).
_BODY_COUNTY_RE = re.compile(
    rf"(?:(?<=中共)|(?<=在))(?P<county>{_NAME}{{2,5}}?{_COUNTY_SUFFIX})(?:委|人民政府)"
)
_BODY_TOWN_RE = re.compile(rf"(?P<town>{_NAME}{{2,5}}?{_TOWN_SUFFIX})(?:党委|人民政府|办事处|委员会)")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_CN_YEAR_RE = re.compile(r"([〇零○一二三四五六七八九]{4})年")
# 〔 and 【 are normalized to [; some offices write the year in round brackets.
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[\[(]\s*((?:19|20)\d{2})\s*[\])]\s*\d{1,4}\s*号")
_ISSUER_RE = re.compile(r"(?:委员会|人民政府|政府|办事处|党委|党工委|街道|镇|乡)$")
_DATE_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*$")
_TITLE_WORDS = re.compile(r"报告|总结|情况")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # normalized, stripped


def lines_of(norm: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-empty lines of norm[start:end] with their offsets, outer spaces trimmed."""
    end = len(norm) if end is None else end
    out = []
    pos = start
    while pos < end:
        stop = norm.find("\n", pos, end)
        stop = end if stop < 0 else stop
        raw = norm[pos:stop]
        if raw.strip():
            left = pos + len(raw) - len(raw.lstrip())
            right = pos + len(raw.rstrip())
            out.append(Line(left, right, norm[left:right]))
        pos = stop + 1
    return out


def is_prose(line: Line) -> bool:
    """A sentence of body text rather than a title, issuer, number or addressee line."""
    return len(line.text) > 60 or ("，" in line.text and "。" in line.text) or line.text.endswith("如下:")


def is_date(text: str) -> bool:
    return bool(_DATE_RE.match(text))


def is_issuer(text: str) -> bool:
    return len(text) <= 30 and "，" not in text and bool(_ISSUER_RE.search(text))


def year_of(text: str) -> int | None:
    match = _YEAR_RE.search(text)
    if match:
        return int(match.group(1))
    match = _CN_YEAR_RE.search(text)
    if match:
        return parse_digits(match.group(1))
    return None


def place(text: str) -> tuple[str | None, str | None]:
    """(county, township) as a title or issuer line names them."""
    # 关于 and 中共 stand before place names; a bar keeps them out of the name without a lookbehind per word.
    match = _PLACE_RE.search(text.replace("关于", "|").replace("中共", "|"))
    if not match:
        return None, None
    return match.group("county"), match.group("town")


def read_header(source: Source, head_end: int, tail_start: int, body_end: int) -> Header:
    """Header facts from the lines before the first section, the signature after the last, and the body."""
    norm = source.norm
    head = [line for line in lines_of(norm, 0, head_end) if not is_prose(line)]
    tail = lines_of(norm, tail_start, len(norm))
    title = next((line for line in head if _TITLE_WORDS.search(line.text) and not line.text.endswith(":")), None)
    if title is None and head:
        title = head[0]

    doc_number, doc_year = None, None
    for line in head:
        match = _DOC_NUMBER_RE.search(line.text)
        if match:
            doc_number = source.text[line.start + match.start() : line.start + match.end()].strip()
            doc_year = int(match.group(1))
            break

    addressee = next(
        (source.text[line.start : line.end] for line in head
         if line.text.endswith(":") and len(line.text) <= 30 and line is not title and "如下" not in line.text),
        None,
    )

    issuers = []
    if title is not None and "关于" in title.text:
        prefix = title.text.split("关于", 1)[0].strip()
        if prefix and is_issuer(prefix):
            issuers.append(prefix)
    for line in head + tail:
        if line is not title and is_issuer(line.text) and line.text not in issuers:
            issuers.append(line.text)

    county = township = None
    for text in ([title.text] if title else []) + issuers:
        found_county, found_town = place(text)
        county = county or found_county
        township = township or found_town
    if township is None:
        match = _BODY_TOWN_RE.search(norm, 0, body_end)
        township = match.group("town") if match else None
    if county is None:
        match = _BODY_COUNTY_RE.search(norm, 0, body_end)
        county = match.group("county") if match else None

    year = _report_year(norm, title, head, head_end, body_end, doc_year, tail)
    return Header(
        title=source.text[title.start : title.end] if title else None,
        township=township,
        county=county,
        year=year,
        doc_number=doc_number,
        issuer="、".join(issuers) if issuers else None,
        addressee=addressee,
        evidence=evidence(source.path, source.text, title.start, title.end) if title else None,
    )


def _report_year(norm, title, head, head_end, body_end, doc_year, tail) -> int | None:
    """The year of work: the title's, else the preamble's or first heading's, else the year before issue."""
    if title is not None and (year := year_of(title.text)):
        return year
    for line in head:
        if _DOC_NUMBER_RE.search(line.text) or is_date(line.text):
            continue
        if year := year_of(line.text):
            return year
    # The preamble and the first heading usually open with the year of work ("2022年，我镇…", "一、2023年度…").
    for line in lines_of(norm, 0, min(body_end, head_end + 200))[:6]:
        if not _DOC_NUMBER_RE.search(line.text) and (year := year_of(line.text[:20])):
            return year
    if doc_year is not None:
        return doc_year - 1
    for line in tail:
        match = _DATE_RE.match(line.text)
        if match:
            # Reports are signed at the end of the year of work or early in the next.
            year, month = int(match.group(1)), int(match.group(2))
            return year if month >= 10 else year - 1
    return None

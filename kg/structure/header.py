"""Header facts of a report: title, township, county, year, document number, issuer and addressee."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Header, Source
from kg.structure import clues
from kg.model import evidence
from kg.text import normalize
from kg.text.places import TOWN_SUFFIX_PATTERN


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # normalized, stripped


# 〔 and 【 are normalized to [; some offices write the year in round brackets.
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[\[(]\s*((?:19|20)\d{2})\s*[\])]\s*\d{1,4}\s*号")
_ISSUER_RE = re.compile(rf"(?:委员会|人民政府|政府|办事处|党委|党工委|{TOWN_SUFFIX_PATTERN})$")
# A date line, also in brackets as it stands under a title ((2022年12月26日) in the normal form).
_DATE_RE = re.compile(r"^\s*\(?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*\)?\s*$")
_TITLE_WORDS = re.compile(r"报告|总结|情况")
# An issuer with its date on the same line, after a space or in brackets (the normal form writes （ as ().
_DATED_ISSUER_RE = re.compile(r"(.+?)\s*\(?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*\)?$")


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


def doc_number_in(text: str) -> str | None:
    """The document number (双龙委文〔2024〕9号) a line or a page's 文号 field holds, as written; None for 无 or junk."""
    match = _DOC_NUMBER_RE.search(normalize(text))
    return text[match.start(): match.end()].strip() if match else None


def is_prose(line: Line) -> bool:
    """A sentence of body text rather than a title, issuer, number or addressee line."""
    # Lines are in the normal form, where the full-width comma is ",".
    return len(line.text) > 60 or ("," in line.text and "。" in line.text) or line.text.endswith("如下:")


def is_date(text: str) -> bool:
    return bool(_DATE_RE.match(text))


def is_issuer(text: str) -> bool:
    """A line naming the issuing body, alone or with its date after it."""
    return _issuer_of(text) is not None


def _names_body(text: str) -> bool:
    return len(text) <= 30 and "，" not in text and bool(_ISSUER_RE.search(text))


def _issuer_of(text: str) -> str | None:
    """The issuer a line names, also when its date follows it on the line (…人民政府（2023年12月22日）)."""
    if _names_body(text):
        return text
    dated = _DATED_ISSUER_RE.match(text)
    return dated.group(1) if dated and _names_body(dated.group(1)) else None


def read_header(source: Source, head_end: int, tail_start: int, body_end: int) -> Header:
    """Header facts from the lines before the first section, the signature after the last, and the body.

    Title, document number, issuer and addressee are read off their lines; township, county and year
    are each chosen from scored clues (kg.structure.clues), which the header keeps as their evidence.
    """
    norm = source.norm
    head = [line for line in lines_of(norm, 0, head_end) if not is_prose(line)]
    tail = lines_of(norm, tail_start, len(norm))
    # A breadcrumb (首页 > … > 法治政府建设年度报告) or a date is never the title.
    candidates = [line for line in head if not line.text.endswith(":") and ">" not in line.text
                  and not is_date(line.text)]
    titles = [line for line in candidates if _TITLE_WORDS.search(line.text)]
    # Without a title word, the first line is the title unless it is an addressee (县委、县政府:).
    title = titles[0] if titles else next(iter(candidates), None)
    title = _whole_title(norm, head, title)

    doc_number, doc_year = None, None
    for line in head:
        match = _DOC_NUMBER_RE.search(line.text)
        if match:
            doc_number = source.text[line.start + match.start() : line.start + match.end()].strip()
            doc_year = int(match.group(1))
            break

    addressee_line = next(
        (line for line in head
         if line.text.endswith(":") and len(line.text) <= 30 and line is not title and "如下" not in line.text),
        None,
    )

    issuers, issuer_spans = [], []
    if title is not None and "关于" in title.text:
        prefix = title.text.split("关于", 1)[0].strip()
        if prefix and is_issuer(prefix):
            issuers.append(prefix)
    for line in head + tail:
        issuer = _issuer_of(line.text)
        if line is not title and issuer:
            issuer_spans.append((line.start, line.start + len(issuer)))
            if issuer not in issuers:
                issuers.append(issuer)

    zones = clues.Zones(
        title=(title.start, title.end) if title else None,
        head=tuple((line.start, line.end) for line in head),
        issuers=tuple(issuer_spans),
        addressee=(addressee_line.start, addressee_line.end) if addressee_line else None,
        head_end=head_end,
        body_end=body_end,
        tail=tuple((line.start, line.end) for line in tail),
    )
    meta = dict(source.metadata)
    organ = meta.get("发布机构") or None
    extra_titles = [(t.start, t.end) for t in titles[1:]]
    found = clues.township_clues(source, zones, organ, extra_titles=extra_titles)
    ranked_towns = [value for value, _ in clues.totals(found, "township")][:3]
    county_found = clues.county_clues(source, zones, ranked_towns, organ, extra_titles=extra_titles)
    county = clues.choose(county_found, "county")
    if county is not None:
        found += clues.pair_clues(county, [value for value, _ in clues.totals(found, "township")])
    township = clues.choose(found, "township")
    if township is None:
        found += clues.slogan_clues(source, zones, county)
        township = clues.choose(found, "township")

    first_heading = _line_of_offset(norm, head_end) if head_end < body_end else None
    # A page saved as text keeps its 信息公开 block as lines; a page read as HTML gave it as metadata.
    written = None if "成文日期" in meta else _written(norm, head_end)
    # A date under the title, or before the body of a text without one, is the document's date, as the
    # signature's is.
    dated = _signed(tail) or _signed([line for line in head if title is None or line.start > title.start])
    year_found = clues.year_clues(source, zones, doc_year, first_heading, dated, _metadata_year(meta), written)
    year = clues.choose(year_found, "year")
    return Header(
        title=source.text[title.start : title.end] if title else None,
        township=township,
        county=county,
        year=year,
        doc_number=doc_number,
        issuer="、".join(issuers) if issuers else None,
        addressee=source.text[addressee_line.start : addressee_line.end] if addressee_line else None,
        evidence=evidence(source.path, source.text, title.start, title.end) if title else None,
        clues=tuple(found + county_found + year_found),
    )


def _whole_title(norm: str, head: list[Line], title: Line | None) -> Line | None:
    """A title split over two lines (某某关于2023年度法治政府建设 / 工作的报告) as one: the line just above
    opens the 关于… that the title line closes."""
    at = head.index(title) if title in head else 0
    if at == 0:
        return title
    above = head[at - 1]
    if "关于" in above.text and "关于" not in title.text and not above.text.endswith(":") \
            and not norm[above.end: title.start].strip():
        return Line(above.start, title.end, above.text + title.text)
    return title


def _line_of_offset(norm: str, pos: int) -> tuple[int, int]:
    end = norm.find("\n", pos)
    return pos, len(norm) if end < 0 else end


def _signed(tail: list[Line]) -> tuple[int, int, int] | None:
    """(year, month, offset) of the signature's date line."""
    for line in tail:
        match = _DATE_RE.match(line.text)
        if match:
            return int(match.group(1)), int(match.group(2)), line.start
    return None


_META_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})")
_WRITTEN_RE = clues.field_re("成文日期")
_FIELD_DATE_RE = re.compile(r"\s*" + _META_DATE_RE.pattern)


def _year_of_work(year: int, month: int) -> int:
    """Reports are signed late in the year of work or early in the next."""
    return year if month >= 10 else year - 1


def _metadata_year(meta: dict) -> int | None:
    """The year of work a page's 成文日期 implies."""
    match = _META_DATE_RE.search(meta.get("成文日期", ""))
    return _year_of_work(int(match.group(1)), int(match.group(2))) if match else None


def _written(norm: str, head_end: int) -> tuple[int, int, int] | None:
    """(year of work, start, end of the date) from a 成文日期 field on a line before the first section."""
    for line in lines_of(norm, 0, head_end):
        label = _WRITTEN_RE.search(line.text)
        # A wrapped page may break the date after its year (2024年 / 1月8日).
        date = _FIELD_DATE_RE.match(norm, line.start + label.end()) if label else None
        if date:
            return _year_of_work(int(date.group(1)), int(date.group(2))), date.start(1), date.end()
    return None

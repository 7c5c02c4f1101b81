"""Header facts of a report: title, township, county, year, document number, issuer and addressee."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Header, Source
from kg.structure import clues
from kg.structure.yearclues import DATE_RE, date_of, is_date, year_clues, year_number
from kg.model import evidence
from kg.text import normalize
from kg.text.places import TOWN_SUFFIX_PATTERN
from kg.text.script import to_simplified


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # normalized, stripped


# 〔 and 【 are normalized to [; some offices write the year in round brackets, or in the white lenticular ones
# (柏乡政〖2025〗1号) that the normal form keeps; a few write the year in Chinese numerals (〔二〇二五〕). Some write 第
# before the serial (石政发〔2025〕第3号).
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[\[(〖]\s*((?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})\s*[\])〗]"
                            r"\s*第?\s*\d{1,4}\s*号")
_ISSUER_RE = re.compile(rf"(?:委员会|人民政府|政府|办事处|党委|党工委|{TOWN_SUFFIX_PATTERN})$")
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
    # A page in traditional characters writes 號 and 發: matched in simplified characters, returned as written.
    simplified = to_simplified(text)
    match = _DOC_NUMBER_RE.search(normalize(simplified if len(simplified) == len(text) else text))
    return text[match.start(): match.end()].strip() if match else None


def is_prose(line: Line) -> bool:
    """A sentence of body text rather than a title, issuer, number or addressee line."""
    # Lines are in the normal form, where the full-width comma is ",".
    return len(line.text) > 60 or ("," in line.text and "。" in line.text) or line.text.endswith("如下:")


def is_issuer(text: str) -> bool:
    """A line naming the issuing body, alone or with its date after it: not a breadcrumb ending in the
    township's column, nor a page's labelled field (发布机构:王河乡), which is metadata, not a signature."""
    return _issuer_of(text) is not None


def _names_body(text: str) -> bool:
    return (len(text) <= 30 and not re.search("[，,:：]", text) and not clues.is_crumb(text)
            and bool(_ISSUER_RE.search(text)))


# Where a second issuer starts on the line of the first: after the first's name (中共某镇委员会 某镇人民政府, or with
# the space lost, as a printed copy loses it).
_ISSUER_BREAK_RE = re.compile(r"(?:(?<=委员会)|(?<=人民政府)|(?<=办事处)|(?<=党工委))[ \u3000]*(?=\S)")


def _issuer_names(text: str) -> list[str]:
    """The issuers one line names: two bodies side by side are two issuers, each a name of its own."""
    parts = [part for part in _ISSUER_BREAK_RE.split(text) if part]
    return parts if len(parts) > 1 and all(is_issuer(part) for part in parts) else [text]


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
    # A breadcrumb (首页 > … > 法治政府建设年度报告), a date or a link to another page (上一篇：…) is never the title.
    candidates = [line for line in head if not line.text.endswith(":") and not clues.is_crumb(line.text)
                  and not is_date(line.text) and not clues.is_link_line(line.text)]
    titles = [line for line in candidates if _TITLE_WORDS.search(line.text)] or _crumb_title(head)
    # Without a title word, the first line is the title unless it is an addressee (县委、县政府:), a page's
    # field (主办：…, 来源：…) or an organ's name alone (a site's name above the page, 云州市人民政府).
    title = titles[0] if titles else next((line for line in candidates if not _FIELD_LINE_RE.match(line.text)
                                           and not is_issuer(line.text)), None)
    title = _whole_title(norm, head, title)

    doc_number, doc_year = None, None
    for line in head:
        match = _DOC_NUMBER_RE.search(line.text)
        if match:
            doc_number = source.text[line.start + match.start() : line.start + match.end()].strip()
            doc_year = year_number(match.group(1))
            break
    else:
        doc_number, doc_year = _doc_number_field(source, head_end)

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
            issuers.extend(name for name in _issuer_names(issuer) if name not in issuers)
        elif (organ := _organ_field(line)) is not None:
            # The organ a page's field names is the issuer shown, but weighs as a page field does (信息公开字段),
            # not as the report's own issuer line: the report's words outweigh the page's.
            if organ.text not in issuers:
                issuers.append(organ.text)

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
    # A page served in traditional characters gives its fields so too (網站：青嵐縣人民政府): names are matched in
    # simplified characters, as the text is in its normal form.
    if meta.get("script") == "traditional":
        meta = {key: to_simplified(value) for key, value in meta.items()}
    # A page that names no 发布机构 may name the office it comes from (信息来源), read as a 来源 line in a text is.
    organ = meta.get("发布机构") or meta.get("来源") or None
    extra_titles = [(t.start, t.end) for t in titles[1:]]
    found = clues.township_clues(source, zones, organ, extra_titles=extra_titles)
    ranked_towns = [value for value, _ in clues.totals(found, "township")][:3]
    sites = [(key, meta[key]) for key in ("网站", "主办单位", "关键词", "栏目", clues.CRUMB) if meta.get(key)]
    county_found = clues.county_clues(source, zones, ranked_towns, organ, extra_titles=extra_titles, sites=sites)
    county = clues.choose_county(county_found)
    if county is not None:
        found += clues.pair_clues(county, [value for value, _ in clues.totals(found, "township")])
    township = clues.choose(found, "township")
    if township is None:
        found += clues.slogan_clues(source, zones, county, extra_titles)
        township = clues.choose(found, "township")

    first_heading = _line_of_offset(norm, head_end) if head_end < body_end else None
    # A page saved as text keeps its 信息公开 block as lines; a page read as HTML gave it as metadata.
    written = None if "成文日期" in meta else _written(norm, head_end)
    # A date under the title, or before the body of a text without one, is the document's date, as the
    # signature's is.
    # A signature the outline did not tell from the body (page furniture such as 第1页 共1页 after it) still
    # dates the report: a lone date among the text's last lines.
    dated = _signed(tail) or _signed(lines_of(norm, head_end)[-_LAST_LINES:]) \
        or _signed([line for line in head if title is None or line.start > title.start])
    year_found = year_clues(source, zones, doc_year, first_heading, dated, _metadata_year(meta), written,
                                  _published(norm, head_end))
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


_FIELD_LINE_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,7}[:：]")
# What a title names first: its township or county, or its year. A title line without any of them is the
# end of a title whose start is on the line above (观音桥镇2023年度 / 法治政府建设情况报告).
_SUBJECT_RE = re.compile(rf"(?:19|20)\d{{2}}|[〇零○一二三四五六七八九]{{4}}|{TOWN_SUFFIX_PATTERN}|县|市|区|旗|关于")
_MAX_TITLE_PART = 30  # characters of a line above that may be a title's first part
# A county alone on the line above a title is the title's first line (Y县 / Z乡2024年度 / …报告); a city alone
# there may be the portal's name, so only the suffixes of counties and districts.
_COUNTY_ALONE_RE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:自治县|自治旗|县|区|旗)")


_ORGAN_FIELD_RE = clues.field_re("发布机构")
_FIELD_VALUE_RE = re.compile(r"\s*([^\s|\[\]]+)")


def _organ_field(line: Line) -> Line | None:
    """The issuing organ a page's field names (发布机构：白露镇人民政府), as a line of its own."""
    label = _ORGAN_FIELD_RE.search(line.text)
    value = _FIELD_VALUE_RE.match(line.text, label.end()) if label else None
    if value is None or not is_issuer(value.group(1)):
        return None
    return Line(line.start + value.start(1), line.start + value.end(1), value.group(1))


_DOC_FIELD_RE = clues.field_re("文号")
_FIELD_DOC_RE = re.compile(r"\s*" + _DOC_NUMBER_RE.pattern)
_FIELD_VALUE = 40  # characters after a 文号 label in which its number stands


def _doc_number_field(source: Source, head_end: int) -> tuple[str | None, int | None]:
    """(number, year) after a 文号 label on a page's field line too long to count as a header line
    (【索引号】…【发布机构】…【文号】盐政〔2023〕1号): the number of this report, not of one the text cites.

    A line wrapped inside the number (盐政〔2 / 023〕1号) is read across the break."""
    norm = source.norm
    for line in lines_of(norm, 0, head_end):
        label = _DOC_FIELD_RE.search(line.text)
        if label:
            at = line.start + label.end()
            end = min(at + _FIELD_VALUE, head_end)
            # Norm and text share offsets, so the same line breaks come out of both.
            window, written = norm[at:end].replace("\n", ""), source.text[at:end].replace("\n", "")
            match = _FIELD_DOC_RE.match(window)
            if match:
                return written[match.start(): match.end()].strip(), year_number(match.group(1))
    return None, None


def _crumb_title(head: list[Line]) -> list[Line]:
    """A page that shows its title only as the breadcrumb's last step (首页 > 政务公开 > 某乡2024年…报告)."""
    for line in head:
        steps = clues.CRUMB_RE.split(line.text)
        if len(steps) > 1 and _TITLE_WORDS.search(steps[-1]):
            start = line.end - len(steps[-1])
            return [Line(start, line.end, steps[-1])]
    return []


def _whole_title(norm: str, head: list[Line], title: Line | None) -> Line | None:
    """A title split over lines as one: the line just above opens the 关于… that the title line closes
    (某某关于2023年度法治政府建设 / 工作的报告), or the title line names no subject and the lines above are
    short parts of a title (桂坪镇人民政府关于 / 2024年度法治政府建设 / 情况的报告)."""
    if title is None:
        return None
    at = head.index(title) if title in head else 0
    start, text = title, title.text
    while at > 0:
        above = head[at - 1]
        opens = ("关于" in above.text and "关于" not in text and not above.text.endswith(":")
                 or _COUNTY_ALONE_RE.fullmatch(above.text)) and not norm[above.end: start.start].strip()
        if not opens and (_SUBJECT_RE.search(text) or not _title_part(norm, above, start)):
            break
        at -= 1
        start, text = above, above.text + text
    return Line(start.start, title.end, text) if start is not title else title


def _title_part(norm: str, line: Line, below: Line) -> bool:
    """A line right above another that may be the first part of a split title: short, one run of words with
    no sentence mark, field, breadcrumb or date, and no issuing organ of its own."""
    return (len(line.text) <= _MAX_TITLE_PART and not re.search(r"[\s,，。；;:：>»|]", line.text)
            and not is_date(line.text) and not is_issuer(line.text) and not norm[line.end: below.start].strip())


def _line_of_offset(norm: str, pos: int) -> tuple[int, int]:
    end = norm.find("\n", pos)
    return pos, len(norm) if end < 0 else end


_LAST_LINES = 4  # lines at a text's end searched for a signature's date the outline did not find


def _signed(tail: list[Line]) -> tuple[int, int, int] | None:
    """(year, month, offset) of the signature's date line."""
    for line in tail:
        match = DATE_RE.match(line.text)
        if match:
            return (*date_of(match), line.start)
    return None


_META_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})")
_WRITTEN_RE = clues.field_re("成文日期")
_FIELD_DATE_RE = re.compile(r"\s*" + _META_DATE_RE.pattern)


def _year_of_work(year: int, month: int) -> int:
    """Reports are signed late in the year of work or early in the next."""
    return year if month >= 10 else year - 1


def _metadata_year(meta: dict) -> tuple[int, str] | None:
    """The year of work a page's 成文日期 implies, and the date as given."""
    match = _META_DATE_RE.search(meta.get("成文日期", ""))
    return (_year_of_work(int(match.group(1)), int(match.group(2))), meta["成文日期"]) if match else None


def _written(norm: str, head_end: int) -> tuple[int, int, int] | None:
    """(year of work, start, end of the date) from a 成文日期 field on a line before the first section."""
    lines = lines_of(norm, 0, head_end)
    for at, line in enumerate(lines):
        label = _WRITTEN_RE.search(line.text) or _bare_label(line.text)
        # A wrapped page may break the date after its year (2024年 / 1月8日).
        date = _FIELD_DATE_RE.match(norm, line.start + label.end()) if label else None
        # A block copied from a table with labels and values on alternate lines has the date on the next line.
        if label and not date and label.end() == len(line.text) and at + 1 < len(lines):
            date = _FIELD_DATE_RE.match(norm, lines[at + 1].start)
        if date:
            return _year_of_work(int(date.group(1)), int(date.group(2))), date.start(1), date.end()
    return None


_BARE_WRITTEN_RE = re.compile(clues.field_labels("成文日期"))
# A page's publication line (发布时间：2025-01-15 来源：…); 时间 and 日期 alone only where a label starts.
_PUBLISHED_RE = re.compile(r"(?:" + clues.field_labels("发布日期", "发布时间") + r"|(?<![\u4e00-\u9fff])(?:时间|日期))\s*[:：]")


def _published(norm: str, head_end: int) -> tuple[int, int, int] | None:
    """(year of work, start, end of the date) from the first publication line before the first section."""
    for line in lines_of(norm, 0, head_end):
        label = _PUBLISHED_RE.search(line.text)
        date = _FIELD_DATE_RE.match(norm, line.start + label.end()) if label else None
        if date:
            return _year_of_work(int(date.group(1)), int(date.group(2))), date.start(1), date.end()
    return None


def _bare_label(text: str) -> re.Match | None:
    """A 成文日期 label alone on its line, with no separator: its value is on the next line."""
    return _BARE_WRITTEN_RE.fullmatch(text)

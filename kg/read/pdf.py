"""PDF reports with a text layer: lines in reading order, wrapped lines joined back into paragraphs.

A PDF holds positioned lines, not paragraphs. A line that runs to the right margin and is followed
by an unindented line is a wrapped paragraph; everything else ends a paragraph. Page numbers and
running headers that repeat on every page are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ReadError
from kg.text.numbering import opens_numbered
from kg.text.unwrap import DATE_LINE_RE, ENDS_TITLE_RE, NUMBERED_EDGE_RE, PROSE_RE
from kg.text.unwrap import PAGE_NUMBER_RE as _PAGE_NUMBER_RE
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
_CJK_GAP_RE = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")
# A section number written without a mark (一 主要工作, 第一部分 工作开展情况) is kept apart from its heading by
# the space alone; dropping it would make 一主要工作 a sentence.
_BARE_NUMBER_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|第[一二三四五六七八九十]{1,3}(?:部分|章|篇|节|项|条)) +(?=\S)")

_ENDS_PARAGRAPH = tuple("。！？；：:;!?")
SAME_HEIGHT = 2.0  # points; a running head or footer sits at one height on every page
SMALLER_TYPE = 0.85  # a running head is set smaller than the text it heads


@dataclass
class _Line:
    page: int
    x0: float
    x1: float
    top: float
    height: float
    text: str


def read_pdf_file(path: Path) -> tuple[str, str, tuple]:
    lines, pages = _lines(path)
    if not lines:
        raise ReadError(
            path, f"PDF has no text layer ({pages} page{'s' if pages != 1 else ''} of images, e.g. a scan); "
            "run OCR on it first (for example with ocrmypdf) and read the result",
        )
    lines = _drop_page_furniture(lines, pages)
    return "\n".join(_paragraphs(lines)), "pdf", ()


def _lines(path: Path) -> tuple[list[_Line], int]:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head.strip():
        raise ReadError(path, "empty file")
    if b"%PDF" not in head:
        raise ReadError(path, "not a PDF file (damaged, or another format renamed .pdf)")
    lines, pages = [], 0
    try:
        for number, page in enumerate(extract_pages(str(path), laparams=LAParams()), 1):
            pages = number
            for box in page:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if isinstance(line, LTTextLine):
                        text = _without_gaps(line.get_text().strip())
                        if text:
                            lines.append(_Line(number, line.x0, line.x1, page.height - line.y1, line.height, text))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError(path, "encrypted PDF; save an unprotected copy first") from exc
    except PDFSyntaxError as exc:
        raise ReadError(path, f"damaged PDF ({exc})") from exc
    except Exception as exc:  # pdfminer raises many kinds for broken files
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise ReadError(path, "encrypted PDF; save an unprotected copy first") from exc
        raise ReadError(path, f"damaged PDF ({type(exc).__name__}: {exc})") from exc
    # Boxes come in layout-analysis order; top-to-bottom, then left-to-right, is the reading order of a report.
    lines.sort(key=lambda line: (line.page, round(line.top / max(line.height, 1) * 2), line.x0))
    return lines, pages


def _without_gaps(text: str) -> str:
    """The line without the gaps a justified line spreads between CJK characters; a bare section number
    keeps one space before its heading."""
    number = _BARE_NUMBER_RE.match(text)
    if number is None:
        return _CJK_GAP_RE.sub("", text)
    return number.group().rstrip() + " " + _CJK_GAP_RE.sub("", text[number.end():])


def _drop_page_furniture(lines: list[_Line], pages: int) -> list[_Line]:
    """Without page numbers, and without a header or footer line printed on most pages."""
    lines = [line for line in lines if not _PAGE_NUMBER_RE.match(line.text)]
    if pages < 2:
        return lines
    edges = list(_edges(lines))
    counts = Counter(line.text for line in edges)
    heights: dict[str, list[float]] = {}
    for line in edges:
        heights.setdefault(line.text, []).append(line.top)
    # A header printed at the same height on every page is furniture even in a two-page report; at
    # varying heights it takes three pages to tell it from a line that happens to open two of them.
    running = {text for text, count in counts.items()
               if count >= max(3, pages * 2 // 3)
               or count >= max(2, pages * 2 // 3) and max(heights[text]) - min(heights[text]) <= SAME_HEIGHT}
    # A line over the date is the signature, though it repeats the issuer opening the first page.
    running -= {line.text for line, after in zip(lines, lines[1:]) if DATE_LINE_RE.match(after.text)}
    # A head over a later page in a smaller type than the text, repeating the title or the issuer the text
    # holds elsewhere, is a running head even when only one page carries it.
    body = Counter(round(line.height) for line in lines).most_common(1)[0][0]
    texts = Counter(line.text for line in lines)
    heads = {id(line) for line in _tops(lines) if line.page > 1 and line.height < SMALLER_TYPE * body
             and texts[line.text] >= 2}
    # The title opening the first page stays when its copies over the later pages are set smaller: those are heads.
    title = next((line for line in lines if line.page == 1 and line.text in running), None)
    if title is not None and all(line.height < SMALLER_TYPE * title.height
                                 for line in lines if line.text == title.text and line.page > 1):
        running.discard(title.text)
        heads |= {id(line) for line in lines if line.text == title.text and line.page > 1}
    heads |= _numbered_edges(edges, lines[0].text)
    return [line for line in lines if line.text not in running and id(line) not in heads]


def _numbered_edges(edges: list[_Line], opening: str) -> set[int]:
    """Page numbers printed on one line with a running foot or head: the words beside the number repeat on the
    edges of other pages, or are the title."""
    words = {id(line): match.group("before") or match.group("after")
             for line in edges if (match := NUMBERED_EDGE_RE.match(line.text))}
    repeated = Counter(words.values())
    return {key for key, text in words.items() if repeated[text] >= 2 or text == opening}


def _tops(lines: list[_Line]):
    """The first line of every page."""
    seen = set()
    for line in lines:
        if line.page not in seen:
            seen.add(line.page)
            yield line


def _edges(lines: list[_Line]):
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page_lines in by_page.values():
        yield page_lines[0]
        if len(page_lines) > 1:
            yield page_lines[-1]


def _paragraphs(lines: list[_Line]) -> list[str]:
    right = max(line.x1 for line in lines)
    left = min(line.x0 for line in lines)
    paragraphs: list[str] = []
    previous = None
    inline = False  # whether the paragraph tells a series inside its lines (…。（一）带头学法。…)
    for line in lines:
        joined = previous is not None and (_continues(previous, line, left, right)
                                           or inline and _resumes_series(previous, line, left, right))
        if joined:
            paragraphs[-1] += line.text
        else:
            paragraphs.append(line.text)
        inline = (inline and joined) or _INLINE_ITEM_RE.search(line.text) is not None
        previous = line
    return paragraphs


# A member of a series told inside a paragraph, mid-line: …职责。（一）带头学法。 / …；二是… / ①…；②… /
# 主要问题有1.…；2.… (a number after a word, never one that opens its line).
_INLINE_ITEM_RE = re.compile(r"[。；;：:]\s*(?:[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}是|[\u2460-\u2473])"
                             r"|[\u4e00-\u9fff。；;：:]\s*\d{1,2}[.、．](?=[\u4e00-\u9fff])")


def _resumes_series(previous: _Line, line: _Line, left: float, right: float) -> bool:
    """A wrap right after a full stop, before the next member of a series the paragraph tells inside its lines:
    the line above reaches the margin and this one is not indented as a paragraph's first line is."""
    size = max(previous.height, 1.0)
    return right - previous.x1 <= 1.6 * size and line.x0 <= left + 0.8 * size and opens_numbered(line.text)


def _continues(previous: _Line, line: _Line, left: float, right: float) -> bool:
    """Whether `line` carries on the paragraph of `previous` after a wrap."""
    size = max(previous.height, 1.0)
    gap = right - previous.x1
    # Line breaking keeps a number with its unit and a quote with its word, so a wrapped line may stop a
    # few characters short of the margin; it then still lacks the punctuation that ends a paragraph.
    wrapped = gap <= 1.6 * size or (gap <= 6 * size and not previous.text.endswith(_ENDS_PARAGRAPH))
    indented = line.x0 > left + 0.8 * size
    # A title that reaches the margin ends with what it is (…报告) and holds no sentence.
    title = ENDS_TITLE_RE.search(previous.text) is not None and not PROSE_RE.search(previous.text)
    return wrapped and not indented and not title and not opens_numbered(line.text)

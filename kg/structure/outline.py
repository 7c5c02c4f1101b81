"""Text → outline: header facts, top-level sections with their kinds, and the numbered items inside them.

Numbering in these reports is a convention, not a grammar: 一、 > （一） > 1. > （1） is usual, but
offices skip levels, write （3） for （三）, repeat a number, or enumerate inline (一是…二是…). So the
item level of a section is the first marker style that opens a line in it, whatever that style is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import model
from kg.errors import StructureError
from kg.structure.header import is_date, is_issuer, lines_of, read_header
from kg.model import Header, Section, Source
from kg.resources import data_dir
from kg.text import evidence

SECTIONS_TSV = data_dir("ontology") / "lexicons" / "sections.tsv"
KIND_ORDER = ("duty", "shortcomings", "plans", "measures", "other")
ITEMIZED = {"measures": "measure", "duty": "measure", "shortcomings": "shortcoming", "plans": "plan"}

_CN = "一二三四五六七八九十"
_MARKERS = (  # style, pattern at the start of a stripped, normalized line
    ("part", re.compile(rf"第([{_CN}]{{1,3}})(?:部分|章)\s*[、.:：]?\s*")),
    ("cn", re.compile(rf"([{_CN}]{{1,3}})\s*[、.]\s*")),
    ("paren_cn", re.compile(rf"\(\s*([{_CN}]{{1,3}})\s*\)\s*[、.]?\s*")),
    ("paren_num", re.compile(r"\(\s*(\d{1,2})\s*\)\s*[、.]?\s*")),
    ("num", re.compile(r"(\d{1,2})\s*[、.](?!\d)\s*")),
    ("num_paren", re.compile(r"(\d{1,2})\s*\)\s*")),
    ("circled", re.compile(r"([\u2460-\u2473])\s*")),
    ("inline", re.compile(rf"([{_CN}]{{1,3}})是")),
)
# 一是/二是 inside a paragraph: after a clause or sentence end, never inside a word (统一是, 唯一是).
_INLINE_RE = re.compile(rf"(?:(?<=[。；;：:，,！？!?\s])|^)([{_CN}]{{1,3}})是", re.M)
_CLAUSE_END = "。；;！？!?\n"
_CLOSING_RE = re.compile(r"^(?:特此报告|特此汇报|以上报告|专此报告|此报)[。.]?$")
_TITLE_WORDS_RE = re.compile(r"报告|总结|法治|依法")
_YEAR_IN_HEADING_RE = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class Node:
    """A numbered heading: level 1 for sections, 2 for items; `end` closes its whole body."""

    level: int
    style: str
    number: int
    marker: str
    heading: str
    start: int  # where the marker starts
    text_start: int  # where the heading text starts, after the marker
    text_end: int  # end of the heading, or of the first clause when it has none
    end: int
    section: int


@dataclass(frozen=True)
class Block:
    """A stretch of a section whose items are of one kind (a combined 问题及打算 section has two)."""

    kind: str
    section: int
    start: int
    end: int
    parse: str
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Outline:
    header: Header
    sections: tuple[Section, ...]
    nodes: tuple[Node, ...]  # section headings, then the item headings of each block, in text order
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...]

    def items(self, kind: str) -> tuple[Node, ...]:
        """Item headings of one item kind (measure, shortcoming, plan) in text order."""
        return tuple(node for block in self.blocks if ITEMIZED.get(block.kind) == kind for node in block.items)


@lru_cache(maxsize=4)
def vocabulary(path: Path = SECTIONS_TSV) -> tuple[tuple[str, str], ...]:
    """(phrase, kind) pairs of the section vocabulary, in file order."""
    from kg.text.lexicon import read_table

    pairs = []
    for row in read_table(path):
        phrase, kind = row["phrase"], row["kind"]
        if kind not in model.SECTION_KINDS:
            raise StructureError(path, f"unknown section kind {kind!r} for {phrase!r}")
        pairs.append((phrase, kind))
    return tuple(pairs)


def kinds_named(heading: str) -> list[str]:
    """Section kinds whose vocabulary occurs in a heading, in the order they occur."""
    hits = {}
    for phrase, kind in vocabulary():
        pos = heading.find(phrase)
        if pos >= 0:
            hits[kind] = min(pos, hits.get(kind, pos))
    return sorted(hits, key=hits.get)


def classify(heading: str, report_year: int | None = None) -> str:
    """The kind of a top-level section from its heading; descriptive headings are work done."""
    named = kinds_named(heading)
    for kind in KIND_ORDER:
        if kind in named and kind in ("duty", "shortcomings", "plans"):
            return kind
    years = [int(y) for y in _YEAR_IN_HEADING_RE.findall(heading)]
    if report_year and years and min(years) > report_year:
        return "plans"
    for kind in ("measures", "other"):
        if kind in named:
            return kind
    return "measures"


def line_marker(text: str, styles=None):
    """(style, number, marker length) of the numbering that opens a stripped line, or None."""
    for style, pattern in _MARKERS:
        if styles is not None and style not in styles:
            continue
        match = pattern.match(text)
        if match:
            return style, _number(match.group(1)), match.end()
    return None


def _number(token: str) -> int:
    # Circled numbers count as digits to str.isdigit but not to int(), so they go first.
    if "\u2460" <= token <= "\u2473":
        return ord(token) - 0x2460 + 1
    if token.isdecimal():
        return int(token)
    if token == "十":
        return 10
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(ones) + 1 if ones else 0)
    return _CN.index(token[0]) + 1


def clause_end(norm: str, start: int, limit: int) -> int:
    """End of the heading or first clause that starts at `start`: the first 。/；or line end."""
    pos = start
    while pos < limit and norm[pos] not in _CLAUSE_END:
        pos += 1
    while pos > start and norm[pos - 1] in " \t:：":
        pos -= 1
    return pos


def parse(source: Source) -> Outline:
    """The outline of one report; raises StructureError when the text has no report structure."""
    norm, text = source.norm, source.text
    lines = lines_of(norm)
    tops = _top_headings(lines)
    if not tops and not any(_TITLE_WORDS_RE.search(line.text) for line in lines[:5]):
        raise StructureError(source.path, "no report structure (no numbered section headings and no report title)")
    warnings = []
    tail_start = _closing_start(lines, tops[-1].end if tops else 0)
    head_end = tops[0].start if tops else tail_start
    header = read_header(source, head_end, tail_start, tail_start)
    if not tops:
        warnings.append("no section headings found")

    sections, nodes, blocks = [], [], []
    for index, line in enumerate(tops):
        style, number, length = line_marker(line.text) or ("plain", index + 1, 0)
        end = tops[index + 1].start if index + 1 < len(tops) else tail_start
        end = _rstrip(norm, line.start, end)
        heading_end = clause_end(norm, line.start, line.end) if "。" in line.text[:-1] else line.end
        heading = text[line.start : heading_end]
        # Kinds are read off the matched form, so full-width or traditional headings classify alike.
        kind = classify(norm[line.start + length : heading_end], header.year)
        section_blocks = _blocks(source, index, kind, norm[line.start : heading_end], heading_end, end,
                                 style == "part", warnings)
        sections.append(Section(
            index=index, kind=kind, heading=heading,
            evidence=evidence(source.path, text, line.start, heading_end),
            start=line.start, end=end, parse=section_blocks[0].parse,
        ))
        nodes.append(Node(1, style, number, text[line.start : line.start + length], heading,
                          line.start, line.start + length, heading_end, end, index))
        for block in section_blocks:
            nodes.extend(block.items)
            blocks.append(block)
            if block.parse == model.PARSE_FAILED:
                warnings.append(f"section {heading!r}: no items could be made out of its body")
    return Outline(header, tuple(sections), tuple(nodes), tuple(blocks), tuple(warnings))


def _top_headings(lines):
    """Lines that open top-level sections: 第一部分 or 一、 headings in rising order, else bare vocabulary lines."""
    for style in ("part", "cn", "paren_cn"):
        found, last = [], 0
        for line in lines:
            marker = line_marker(line.text, (style,))
            if marker and marker[1] > last:
                found.append(line)
                last = marker[1]
        if found:
            return found
    return [line for line in lines
            if len(line.text) <= 25 and not re.search(r"[。，,;；]", line.text) and kinds_named(line.text)
            and line_marker(line.text) is None]


def _closing_start(lines, after: int) -> int:
    """Where the closing lines (特此报告, signature, date) begin, or the end of the text if there are none."""
    closing = None
    for line in reversed(lines):
        if line.start < after:
            break
        plain = line_marker(line.text) is None
        if _CLOSING_RE.match(line.text) or is_date(line.text) or (plain and is_issuer(line.text)):
            closing = line
        else:
            break
    if closing is None:
        return lines[-1].end if lines else 0
    run = [line for line in lines if line.start >= closing.start]
    if not any(_CLOSING_RE.match(line.text) or is_date(line.text) for line in run):
        return lines[-1].end
    return closing.start


def _rstrip(norm: str, start: int, end: int) -> int:
    while end > start and norm[end - 1].isspace():
        end -= 1
    return end


def _blocks(source, index, kind, heading, body_start, end, inside_parts, warnings) -> list[Block]:
    if kind not in ITEMIZED:
        return [Block(kind, index, body_start, end, model.PARSE_NOT_ITEMIZED, ())]
    parse_kind, items = _itemize(source, index, body_start, end, inside_parts, warnings)
    named = [k for k in kinds_named(heading) if k in ITEMIZED]
    if len(set(ITEMIZED[k] for k in named)) > 1 and parse_kind == model.PARSE_NUMBERED:
        split = _split_combined(source, index, items, end, inside_parts, warnings)
        if split:
            return split
    return [Block(kind, index, body_start, end, parse_kind, tuple(items))]


def _split_combined(source, index, items, end, inside_parts, warnings) -> list[Block]:
    """A section such as 存在的问题及下一步打算: each sub-heading that names a kind opens a block of its own."""
    heads = [(item, kinds_named(source.norm[item.text_start : item.text_end])) for item in items]
    heads = [(item, next(k for k in named if k in ITEMIZED)) for item, named in heads
             if any(k in ITEMIZED for k in named)]
    if len(heads) < 2:
        return []
    blocks = []
    for pos, (item, kind) in enumerate(heads):
        stop = heads[pos + 1][0].start if pos + 1 < len(heads) else end
        parse_kind, sub = _itemize(source, index, item.text_end, _rstrip(source.norm, item.start, stop),
                                   inside_parts, warnings)
        blocks.append(Block(kind, index, item.start, stop, parse_kind, tuple(sub)))
    return blocks


def _itemize(source, index, start, end, inside_parts, warnings):
    """(how the items were found, item nodes) for the body norm[start:end] of one block."""
    norm = source.norm
    if not norm[start:end].strip():
        return model.PARSE_EMPTY, []
    styles = None if inside_parts else tuple(s for s, _ in _MARKERS if s not in ("part", "cn"))
    marked = []
    for line in lines_of(norm, start, end):
        marker = line_marker(line.text, styles)
        if marker:
            marked.append((line, *marker))
    if marked and marked[0][1] == "inline":
        # 一是 opens a line, and 二是 may follow in the same paragraph; a new 一是 mid-paragraph is a sub-list.
        spans, last = [], 0
        for match in _INLINE_RE.finditer(norm, start, end):
            number = _number(match.group(1))
            at_line_start = not norm[norm.rfind("\n", 0, match.start()) + 1 : match.start()].strip()
            if (number == 1 and at_line_start) or (last and number == last + 1):
                spans.append((match.start(), match.end(), "inline", number))
                last = number
        return model.PARSE_INLINE, _nodes(source, index, spans, end, paragraph_ends=False)
    if marked:
        chosen = _item_lines(marked, source, warnings)
        spans = [(line.start, line.start + length, style, number) for line, style, number, length in chosen]
        return model.PARSE_NUMBERED, _nodes(source, index, spans, end, paragraph_ends=False)
    spans, last = [], 0
    for match in _INLINE_RE.finditer(norm, start, end):
        number = _number(match.group(1))
        if number == 1 or number == last + 1:
            spans.append((match.start(), match.end(), "inline", number))
            last = number
    if spans:
        return model.PARSE_INLINE, _nodes(source, index, spans, end, paragraph_ends=True)
    paragraphs = [line for line in lines_of(norm, start, end)
                  if not line.text.endswith((":", "：")) and re.search(r"[\u4e00-\u9fff]{4}", line.text)
                  and re.search(r"[。；;]", line.text)]
    if paragraphs:
        spans = [(line.start, line.start, "paragraph", n) for n, line in enumerate(paragraphs, 1)]
        return model.PARSE_PARAGRAPH, _nodes(source, index, spans, end, paragraph_ends=False)
    return model.PARSE_FAILED, []


def _item_lines(marked, source, warnings):
    """The marked lines at the item level: the first style seen, plus a stray （3） standing in for （三）."""
    style = marked[0][1]
    chosen, seen, numbers = [], set(), set()
    for entry in marked:
        line, line_style, number, _ = entry
        sibling = line_style == style
        stands_in = line_style in ("paren_num", "num", "num_paren") and line_style not in seen
        if not sibling and style == "paren_cn" and stands_in and chosen and number == len(chosen) + 1 >= 2:
            sibling = True
            warnings.append(f"{source.text[line.start:line.end][:20]!r}: {line_style} numbering used at the （一） level")
        if sibling:
            if number in numbers:
                warnings.append(f"{source.text[line.start:line.end][:20]!r}: number {number} repeated")
            numbers.add(number)
            chosen.append(entry)
            seen = set()
        else:
            seen.add(line_style)
    return chosen


def _nodes(source, index, spans, end, paragraph_ends) -> list[Node]:
    norm, text = source.norm, source.text
    nodes = []
    for pos, (start, text_start, style, number) in enumerate(spans):
        while text_start < end and norm[text_start] in " \t":
            text_start += 1
        stop = spans[pos + 1][0] if pos + 1 < len(spans) else end
        if paragraph_ends and pos + 1 == len(spans):
            line_end = norm.find("\n", text_start, end)
            stop = end if line_end < 0 else line_end
        stop = _rstrip(norm, start, stop)
        text_end = clause_end(norm, text_start, stop)
        nodes.append(Node(2, style, number, text[start:text_start].strip(), text[text_start:text_end],
                          start, text_start, text_end, stop, index))
    return nodes

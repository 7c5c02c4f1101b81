"""Properties over arbitrary text: the reader and the structure parser never crash, and offsets stay in the text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.structure import outline as structure
from kg.errors import ReadError, StructureError
from kg.read import make_source
from kg.read.text import decode

# Pieces of the genre, so that random text often has headings, items and headers for the parser to find.
PIECES = st.sampled_from([
    "一、", "二、", "三、", "（一）", "（二）", "(3)", "1.", "2、", "①", "一是", "二是", "第一部分", "\n", "\n\n", "。", "；",
    "：", "，", "存在的问题", "下一步工作计划", "主要工作", "法治政府建设情况报告", "白石镇人民政府", "中共青禾县委",
    "2023年", "二〇二三年", "2024年1月10日", "特此报告", "白政发〔2024〕3号", "县委依法治县办：", "　　", " ", "\r\n",
    "加强执法队伍建设", "12·4", "“八五”普法", "《中华人民共和国宪法》", "繁體字報告", "'}) DETACH DELETE n //",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join))


def outline_of(text: str):
    source = make_source("prop.txt", text, "utf-8")
    try:
        return source, structure.parse(source)
    except StructureError:
        return source, None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
@example("0.")  # one numbered line and nothing else: no run of numbered items to look after
@example(">1、")  # Markdown left before a section's number: the node starts where its heading does
@example("1、 。0")  # a heading that ends before the space after its number
def test_the_structure_parser_never_raises_and_every_offset_is_inside_the_text(text):
    source, outline = outline_of(text)
    assert len(source.norm) == len(source.text)
    if outline is None:
        return
    size = len(source.text)
    for section in outline.sections:
        assert 0 <= section.start <= section.end <= size
        assert section.heading == source.text[section.evidence.start : section.evidence.end]
    for node in outline.nodes:
        assert 0 <= node.start <= node.text_start <= node.text_end <= node.end <= size
        # A section node's heading keeps its marker (一、…); an item's heading starts after it.
        assert node.heading == source.text[node.start if node.level == 1 else node.text_start : node.text_end]
    starts = [node.start for node in outline.nodes if node.level == 2]
    assert len(starts) == len(set(starts))
    header = outline.header
    if header.evidence is not None:
        assert header.title == source.text[header.evidence.start : header.evidence.end]
    assert header.year is None or 1900 <= header.year <= 2099


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_items_lie_inside_their_sections(text):
    source, outline = outline_of(text)
    if outline is None:
        return
    spans = {s.index: (s.start, s.end) for s in outline.sections}
    for node in outline.nodes:
        start, end = spans[node.section]
        assert start <= node.start and node.end <= end


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_decoding_any_bytes_gives_text_or_a_read_error(data):
    try:
        text, encoding = decode(data, "prop.txt")
    except ReadError as exc:
        assert "binary" in str(exc) or "byte-order mark" in str(exc)  # no text, or cut short behind its BOM
        return
    assert isinstance(text, str) and encoding


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_the_matched_form_keeps_every_offset(text):
    source = make_source("prop.txt", text, "utf-8")
    assert len(source.norm) == len(source.text)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999))
def test_an_integer_round_trips_through_its_arabic_and_chinese_forms(value):
    import cn2an

    from kg.text.numerals import parse_number

    assert parse_number(str(value)) == value
    assert parse_number(cn2an.an2cn(value)) == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_finding_numbers_in_any_text_never_raises_and_stays_inside_it(text):
    from kg.text.numerals import find_numbers, find_quantities

    for found in (*find_numbers(text), *find_quantities(text)):
        assert 0 <= found.start < found.end <= len(text)


def _sentence_by_hand(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence round text[start:end] found one end mark at a time, as a reader would look for it."""
    from kg.text import SENTENCE_END, SENTENCE_REACH

    floor, right = max(0, start - SENTENCE_REACH), max(start, end)
    left = max([floor] + [i + 1 for i in range(floor, start) if text[i] in SENTENCE_END])
    ceiling = min(len(text), right + SENTENCE_REACH)
    stop = next((i for i in range(right, ceiling) if text[i] in SENTENCE_END), None)
    right = ceiling if stop is None else stop + (text[stop] != "\n")
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="法治镇 。！？；!?;\n\u3000a", max_size=1400), st.data())
def test_a_sentence_is_bounded_by_the_nearest_end_marks_within_reach(text, data):
    from kg.text import sentence_bounds

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_bounds(text, start, end) == _sentence_by_hand(text, start, end)

"""Hard-wrapped text (as pasted out of a PDF) is read joined, and evidence still indexes the file's own text."""

from __future__ import annotations

from pathlib import Path

from kg.extract.report import extract_report
from kg.read import make_source, read_source
from kg.text import compact
from kg.text.unwrap import unwrap

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def items(report):
    return ([(s.kind, compact(s.heading)) for s in report.sections],
            [i.text for i in report.measures], [i.text for i in report.shortcomings], [i.text for i in report.plans])


def test_wrapped_pages_read_as_the_same_report_as_the_unwrapped_text():
    wrapped = extract_report(read_source(LAYOUTS / "pdf_wrapped.txt"))
    plain = extract_report(read_source(LAYOUTS / "combined_remedies.txt"))
    assert items(wrapped) == items(plain)
    assert (wrapped.header.title, wrapped.header.county, wrapped.header.year) == (
        "东岭县青石镇2024年法治政府建设情况报告", "东岭县", 2024)
    # a plan cut by the page break and the running head is read whole, without them
    assert wrapped.plans[0].text == "组织执法人员参加专题培训，每半年开展一次执法能力考核"


def test_evidence_offsets_index_the_original_text_of_the_file():
    report = extract_report(read_source(LAYOUTS / "pdf_wrapped.txt"))
    text = report.source.text
    assert text == (LAYOUTS / "pdf_wrapped.txt").read_text("utf-8")
    spans = [(s.heading, s.evidence) for s in report.sections]
    spans += [(i.text, i.evidence) for i in report.measures + report.shortcomings + report.plans]
    assert len(spans) > 8
    assert report.metrics and all(text[m.evidence.start : m.evidence.end].endswith(m.unit) for m in report.metrics)
    for shown, ev in spans:
        assert text[ev.start : ev.end].replace("\n", "") == shown, shown
    # a body that runs across a page break spans the footer in the file, and ends where it ends there
    body = report.measures[1].body(text)
    assert "— 1 —" in body and body.endswith("性审查。")
    heading = report.sections[0]
    assert "\n" in text[heading.evidence.start : heading.evidence.end]  # the heading was wrapped in the file


def test_running_text_and_short_lines_are_not_joined():
    assert unwrap((LAYOUTS / "numbered_top.txt").read_text("utf-8")) is None
    lines = ["短标题"] + ["这一行有二十个字符这一行有二十个字符这一"] * 6 + ["完。"]
    joined = unwrap("\n".join(lines))
    assert joined is not None and joined.text.split("\n")[0] == "短标题"
    assert joined.text.count("\n") == 1
    # every joined character comes from the same character of the original
    original = "\n".join(lines)
    assert all(original[joined.origin[i]] == ch for i, ch in enumerate(joined.text))


def test_page_footers_and_a_repeated_title_are_dropped_even_without_wrapping():
    text = "青石镇工作报告\n一、主要工作\n（一）加强学法。\n— 1 —\n青石镇工作报告\n（二）规范执法。\n第2页 共2页\n"
    joined = unwrap(text)
    assert joined is not None
    assert "— 1 —" not in joined.text and "第2页" not in joined.text
    assert joined.text.count("青石镇工作报告") == 1
    report = extract_report(make_source("r.txt", text, "utf-8"))
    assert [m.text for m in report.measures] == ["加强学法", "规范执法"]


def test_a_header_only_pass_reads_the_wrapped_file_as_extraction_does():
    from kg.extract.report import header_of

    source = read_source(LAYOUTS / "pdf_wrapped.txt")
    header = header_of(source)
    assert header == extract_report(source).header
    assert source.text[header.evidence.start : header.evidence.end] == header.title


def test_a_bulleted_line_starts_a_paragraph_of_its_own():
    lines = ["短标题"] + ["这一行有二十个字符这一行有二十个字符这一"] * 6 + ["● 健全制度。", "这一行有二十个字符这一行有二十个字符这一", "完。"]
    joined = unwrap("\n".join(lines))
    assert joined is not None
    assert [line[:2] for line in joined.text.split("\n")] == ["短标", "这一", "● ", "这一"]


def test_rows_of_a_markdown_table_are_never_joined_as_wrapped_lines():
    row = "| 执法人员培训形式单一，需要改进 | 采取案例教学等方式开展培训 | 2023年6月 |"
    prose = "今年以来，青石镇统筹推进法治政府建设，各项工作取得明显成效，现报告有关情况"
    text = "\n".join([prose] * 6 + ["| 问题 | 措施 | 时限 |", "| --- | --- | --- |", row, row, row]) + "\n"
    joined = unwrap(text)
    assert joined is not None and joined.text.count("\n| 执法人员") == 3

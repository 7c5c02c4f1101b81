"""One report saved as many files loads once; two texts claiming one township and year are both kept."""

from __future__ import annotations

from pathlib import Path

from kg.intake.dedupe import Deduper, fingerprint
from kg.extract.report import extract_report
from kg.read import read_source
from make_formats import lines_of, write_docx, write_html

REPORTS = Path(__file__).parent / "fixtures" / "reports"


def report(path):
    return extract_report(read_source(path))


def test_one_text_in_two_encodings_and_two_formats_is_one_report(tmp_path):
    text = (REPORTS / "baishi-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    write_docx(text, tmp_path / "c.docx")
    reports = [report(tmp_path / n) for n in ("a.txt", "b.txt", "c.docx")]
    assert len({fingerprint(r) for r in reports}) == 1
    deduper = Deduper()
    verdicts = [deduper.check(r) for r in reports]
    assert [v.keep for v in verdicts] == [True, False, False]
    assert verdicts[1].kept == str(tmp_path / "a.txt")
    assert verdicts[2].note == f"{tmp_path / 'c.docx'}: same report as {tmp_path / 'a.txt'}; kept {tmp_path / 'a.txt'}"


def test_a_page_that_adds_a_line_is_still_the_same_report(tmp_path):
    text = (REPORTS / "baishi-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    lines = lines_of(text)
    write_html("\n".join([lines[0], "来源：白石镇人民政府", *lines[1:]]), tmp_path / "b.html")
    deduper = Deduper()
    assert deduper.check(report(tmp_path / "a.txt")).keep
    verdict = deduper.check(report(tmp_path / "b.html"))
    assert not verdict.keep and "nearly identical" in verdict.note


def test_two_different_texts_for_one_township_and_year_are_both_kept_and_reported(tmp_path):
    text = (REPORTS / "baishi-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    other = text.split("二、存在的问题")[0] + "二、存在的问题\n（一）村级法律顾问作用发挥不充分。\n（二）行政执法案卷归档不及时。\n"
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    deduper = Deduper()
    assert deduper.check(report(tmp_path / "a.txt")).note is None
    verdict = deduper.check(report(tmp_path / "b.txt"))
    assert verdict.keep
    assert verdict.note == f"{tmp_path / 'b.txt'}: a different text also claims 青禾县白石镇 2023 ({tmp_path / 'a.txt'}); both kept"


def test_one_township_name_in_two_counties_is_no_conflict(tmp_path):
    text = (REPORTS / "baishi-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("青禾县", "雾隐县").replace("法治讲座12场", "法治讲座9场"), encoding="utf-8")
    deduper = Deduper()
    deduper.check(report(tmp_path / "a.txt"))
    verdict = deduper.check(report(tmp_path / "b.txt"))
    assert verdict.keep and verdict.note is None


def test_a_near_copy_is_judged_against_the_kept_file_read_again(tmp_path):
    """The deduper keeps paths, not texts; a kept file gone by then cannot be compared, so both are kept."""
    text = (REPORTS / "baishi-2023.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    lines = lines_of(text)
    write_html("\n".join([lines[0], "来源：白石镇人民政府", *lines[1:]]), tmp_path / "b.html")
    kept, copy = report(tmp_path / "a.txt"), report(tmp_path / "b.html")
    deduper = Deduper()
    assert deduper.check(kept).keep
    (tmp_path / "a.txt").unlink()
    verdict = deduper.check(copy)
    assert verdict.keep and "a different text also claims" in verdict.note

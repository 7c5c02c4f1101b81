"""PDF pages set in a narrow column: wrapped lines joined across page breaks, running heads and footers dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.report import extract_report
from kg.read import read_source
from make_formats import write_copied_pdf

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"

# Held-out reports that are text copied out of PDF pages, with the line each repeats at the top of its pages.
COPIED = {
    "tongling_2023": "棠阴县桐岭镇2023年法治政府建设情况报告",
    "shiwan_2024": "石湾乡人民政府",
    "qingyang_2023": "黛山县青杨乡2023年法治政府建设年度报告",
    "jinsha_2022": "岷阳市金沙乡人民政府",
}


def reading(report):
    return ([(s.kind, s.heading) for s in report.sections],
            [i.text for i in report.measures], [i.text for i in report.shortcomings], [i.text for i in report.plans],
            sorted(law.name for law in report.laws), sorted((m.value, m.unit) for m in report.metrics),
            sorted((p.name, p.role) for p in report.persons),
            (report.header.title, report.header.township, report.header.county, report.header.year))


@pytest.mark.parametrize("name", COPIED)
def test_a_report_printed_in_a_narrow_column_reads_as_the_text_copied_out_of_it(name, tmp_path):
    copied = UNSEEN / f"{name}.txt"
    printed = read_source(write_copied_pdf(copied.read_text("utf-8"), tmp_path / f"{name}.pdf", head=COPIED[name]))
    assert printed.fmt == "pdf"
    assert reading(extract_report(printed)) == reading(extract_report(read_source(copied)))


TWO_PAGES = """青岗乡2023年依法行政工作报告
　　青岗乡全年组织干部学法九次，旁听庭审两次，
年度考法合格率百分之百。
一、主要做法
　　（一）规范执法。全年办理行政处罚案件十四件，
— 1 —
青岗乡2023年依法行政工作报告
均经法制审核，无一起被复议纠错。
　　（二）化解纠纷。调处矛盾纠纷六十二件。
青岗乡人民政府
2024年1月9日
— 2 —
"""


def test_a_smaller_running_head_on_the_second_page_only_is_dropped_and_the_title_kept(tmp_path):
    source = read_source(write_copied_pdf(TWO_PAGES, tmp_path / "two.pdf", head="青岗乡2023年依法行政工作报告"))
    assert source.text.splitlines() == [
        "青岗乡2023年依法行政工作报告",  # a title that fills the column is not joined to the opening
        "青岗乡全年组织干部学法九次，旁听庭审两次，年度考法合格率百分之百。",
        "一、主要做法",
        "（一）规范执法。全年办理行政处罚案件十四件，均经法制审核，无一起被复议纠错。",
        "（二）化解纠纷。调处矛盾纠纷六十二件。",
        "青岗乡人民政府",
        "2024年1月9日",
    ]

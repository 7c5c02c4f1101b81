"""PDF pages set in a narrow column: wrapped lines joined across page breaks, running heads and footers dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.report import extract_report
from kg.read import read_source
from make_formats import write_copied_pdf

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"

# Held-out reports that are text copied out of PDF pages, with how their pages are headed: the line each
# repeats at the top of its pages, or a page number printed beside the title at the top.
COPIED = {
    "tongling_2023": {"head": "棠阴县桐岭镇2023年法治政府建设情况报告"},
    "shiwan_2024": {"head": "石湾乡人民政府"},
    "qingyang_2023": {"head": "黛山县青杨乡2023年法治政府建设年度报告"},
    "jinsha_2022": {"head": "岷阳市金沙乡人民政府"},
    "zhangping_2024": {},  # a running foot beside the page number
    "songping_2023": {"numbered_heads": True},
    "baiquan_2022": {},  # the issuer opens the first page and signs alone at the top of the last
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
    printed = read_source(write_copied_pdf(copied.read_text("utf-8"), tmp_path / f"{name}.pdf", **COPIED[name]))
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


THREE_PAGES = """南坡镇人民政府
关于2024年度依法行政工作情况的报告
　　南坡镇全年组织干部学法八次，开展行政执法案卷评查一次，评查
案卷二十四卷，发现问题五个并全部整改。
南坡镇党政办公室    第 1 页
　　镇司法所全年调处矛盾纠纷七十三件，调解成功七十一件，未发生
民转刑案件。
南坡镇党政办公室    第 2 页
南坡镇人民政府
2025年1月6日
南坡镇党政办公室    第 3 页
"""


def test_a_foot_beside_the_page_number_goes_and_a_signature_alone_on_the_last_page_stays(tmp_path):
    source = read_source(write_copied_pdf(THREE_PAGES, tmp_path / "three.pdf"))
    assert source.text.splitlines() == [
        "南坡镇人民政府",
        "关于2024年度依法行政工作情况的报告",
        "南坡镇全年组织干部学法八次，开展行政执法案卷评查一次，评查案卷二十四卷，发现问题五个并全部整改。",
        "镇司法所全年调处矛盾纠纷七十三件，调解成功七十一件，未发生民转刑案件。",
        "南坡镇人民政府",
        "2025年1月6日",
    ]


# Headings and items numbered 一） and 1） with the closing bracket only, each under a line that fills the column
# and ends a sentence: the number, not the line above, tells that a paragraph starts.
CLOSING_BRACKETS = """山前乡2023年依法行政工作报告
　　山前乡全年组织干部学法九次，旁听庭审两次，
考法合格率达百分之百，执法案卷全部经评查均为合格。
一）主要做法
　　1）规范执法。全年共办理行政处罚案件十四件，
均经法制审核，无一起被复议纠错，结果全部上网公示。
2）化解纠纷。调处矛盾纠纷六十二件。
"""


def test_items_numbered_with_a_closing_bracket_only_open_paragraphs_after_a_full_line(tmp_path):
    source = read_source(write_copied_pdf(CLOSING_BRACKETS, tmp_path / "brackets.pdf"))
    assert source.text.splitlines()[1:] == [
        "山前乡全年组织干部学法九次，旁听庭审两次，考法合格率达百分之百，执法案卷全部经评查均为合格。",
        "一）主要做法",
        "1）规范执法。全年共办理行政处罚案件十四件，均经法制审核，无一起被复议纠错，结果全部上网公示。",
        "2）化解纠纷。调处矛盾纠纷六十二件。",
    ]

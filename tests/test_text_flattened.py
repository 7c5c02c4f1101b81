"""A report whose line breaks all became spaces (pasted out of a Word file) is read as the report it was."""

from __future__ import annotations

from kg.extract.report import extract_report
from kg.read import make_source
from kg.text import compact
from kg.text.flattened import is_flattened
from kg.text.pasted import readable

# Our own fictional report, typed with its lines, then flattened as a converter does: each line cut at 26
# characters, every cut and every line end one space, digits set apart from the characters beside them.
TYPED = """柳塘镇2022年法治政府建设工作总结
2022年,在桐溪县委、县政府的领导下,柳塘镇坚持依法行政,现将全年工作总结如下:
一、主要做法和成效
(一)压紧压实法治责任
镇党委书记履行第一责任人职责,全年召开党委会议研究法治工作5次,签订村级法治责任书12份。
(二)推动矛盾纠纷就地化解
镇调委会全年受理纠纷64件,调解成功61件,涉及金额38万元。
二、存在的不足
一是村级调解员年龄偏大,熟悉法律的人员较少;二是行政执法案卷制作不够规范。
三、下一步工作安排
(一)充实村级调解队伍,吸收退休教师和返乡大学生参与调解。
(二)开展执法案卷评查,每季度通报一次评查结果。"""


def _flatten(typed: str, width: int = 26) -> str:
    pieces = [line[i:i + width] for line in typed.split("\n") for i in range(0, len(line), width)]
    flat = " ".join(pieces)
    out = []
    for i, ch in enumerate(flat):
        prev = flat[i - 1] if i else ""
        if prev and (ch.isdigit() != prev.isdigit()) and "\u4e00" <= (ch if not ch.isdigit() else prev) <= "\u9fff":
            out.append(" ")
        out.append(ch)
    return "".join(out).replace("  ", " ")


def test_a_flattened_report_reads_its_sections_items_problems_plans_and_figures():
    flat = _flatten(TYPED)
    assert "\n" not in flat and "2022 年" in flat
    report = extract_report(make_source("liutang_2022.txt", flat, "utf-8"))
    assert [(s.kind, compact(s.heading)) for s in report.sections] == [
        ("measures", "一主要做法和成效"), ("shortcomings", "二存在的不足"), ("plans", "三下一步工作安排")]
    assert [compact(m.text)[:8] for m in report.measures] == ["压紧压实法治责任", "推动矛盾纠纷就地"]
    assert len(report.shortcomings) == 2 and compact(report.shortcomings[1].text) == "行政执法案卷制作不够规范"
    assert [compact(p.text)[:8] for p in report.plans] == ["充实村级调解队伍", "开展执法案卷评查"]
    assert (report.header.county, report.header.year) == ("桐溪县", 2022)
    figures = {(m.value, m.unit) for m in report.metrics}
    assert {(5, "次"), (12, "份"), (64, "件"), (61, "件"), (380000, "元")} <= figures


def test_evidence_of_a_flattened_report_indexes_the_file_as_it_is():
    flat = _flatten(TYPED)
    report = extract_report(make_source("liutang_2022.txt", flat, "utf-8"))
    assert report.source.text == flat
    for item in report.measures + report.shortcomings + report.plans:
        shown = flat[item.evidence.start:item.evidence.end]
        assert compact(shown).startswith(compact(item.text)[:6])
    for metric in report.metrics:
        assert flat[metric.evidence.start:metric.evidence.end].replace(" ", "").endswith(metric.unit)


def test_the_first_lines_a_converter_ran_together_are_set_apart():
    unflat = readable("柳塘镇工作总结.docx " + _flatten(TYPED))
    lines = unflat.text.split("\n")
    assert lines[:3] == ["柳塘镇工作总结.docx", "柳塘镇2022年法治政府建设工作总结",
                         "2022年,在桐溪县委、县政府的领导下,柳塘镇坚持依法行政,现将全年工作总结如下:"]
    assert "二、存在的不足" in lines  # 一是 after a heading opens a line of its own
    assert "一是村级调解员年龄偏大,熟悉法律的人员较少;二是行政执法案卷制作不够规范。" in lines


def test_typed_prose_with_spaces_of_a_page_is_not_taken_for_flattened_text():
    # a page sets quotes apart with spaces and may keep a space in a heading; it is no converter's text
    paragraph = ("各分管领导严格落实 “一岗双责”,规范行政执法“三项制度” 落实,每周调度执法案件办理情况,"
                 "组织法治专题学习10余次,党建引领法治建设 深化基层依法治理。") * 3
    assert not is_flattened(paragraph)
    assert readable(paragraph) is None
    # Latin words and figures keep their spaces in a flattened line
    flat = _flatten(TYPED) + " 见 Annex 2 附表"
    assert "Annex 2" in readable(flat).text

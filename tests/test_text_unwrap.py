"""Hard-wrapped text (as pasted out of a PDF) is read joined, and evidence still indexes the file's own text."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    assert unwrap((LAYOUTS / "html_leftovers.txt").read_text("utf-8")) is None  # lines closing a tag were not cut
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


def wrapped(paragraphs: list[str], width: int) -> str:
    """Our own paragraphs cut every `width` characters, as a narrow PDF column breaks them."""
    lines = []
    for paragraph in paragraphs:
        lines += [paragraph[i:i + width] for i in range(0, len(paragraph), width)] or [""]
    return "\n".join(lines)


SHORT = ["松岗乡2023年法治工作报告",
         "一、主要工作",
         "（一）办好法律援助。乡司法所全年受理法律援助申请120件，均按期办结。",
         "（二）开展以案释法。组织镇村干部旁听庭审2次。",
         "二、存在的问题",
         "调解员队伍年龄偏大，业务培训不足，难以适应新形势下的调解需要。",
         "松岗乡人民政府",
         "2024年1月8日"]


def test_a_short_report_that_wraps_only_two_lines_is_joined():
    text = wrapped(SHORT, 25) + "\n\n第1页 共1页\n"
    joined = unwrap(text)
    assert joined is not None
    assert [line for line in joined.text.split("\n") if line.strip()] == SHORT
    report = extract_report(make_source("short.txt", text, "utf-8"))
    assert [(m.value, m.unit) for m in report.metrics][:2] == [(120, "件"), (2, "次")]


def test_short_lines_of_one_length_that_end_their_sentences_or_stand_alone_are_not_joined():
    lines = ["柳岸镇依法行政工作情况", "一、学法情况", "全年组织集中学法六次。", "二、执法情况",
             "全年办理行政处罚案件九件。", "柳岸镇人民政府", "2024年1月5日"]
    assert unwrap("\n".join(lines)) is None
    # two headings of the same, longest length are not a wrap width either
    lines = ["一、全年依法决策和学法用法情况", "组织学法六次。", "二、全年规范执法和化解纠纷情况", "化解纠纷九件。"]
    assert unwrap("\n".join(lines)) is None


def test_a_wrap_right_after_a_full_stop_is_joined_but_a_paragraph_that_fills_its_line_is_not():
    width = 20
    goes_on = "今年我镇新聘法律顾问一名，审核合同八份。另对村规民约逐条审查，提出修改意见。"
    assert len(goes_on.split("。")[0]) + 1 == width
    ends = "镇司法所全年排查矛盾纠纷五十六件次，全部化解。"[:width - 1] + "。"
    assert len(ends) == width
    text = wrapped(["梨园镇2022年法治政府建设情况报告", goes_on, ends, "三、存在的问题", "其一，普法阵地利用不充分，部分设施闲置。",
                    "其二，调解卷宗归档不规范。"] + ["法律顾问列席党委会议，对重大事项提出法律意见，全年出具意见书十一份。"] * 3, width)
    joined = unwrap(text)
    assert joined is not None
    lines = joined.text.split("\n")
    assert goes_on in lines  # joined across the full stop
    assert ends in lines and "三、存在的问题" in lines  # the heading after a filled line stays a line
    assert "其二，调解卷宗归档不规范。" in lines  # a series that opens lines goes on opening lines


def test_an_issuing_body_as_running_head_is_dropped_but_the_signature_stays():
    width = 18
    body = ["北山乡人民政府", "北山乡2024年依法行政工作报告", "全年组织学法十二次，举办讲座四场，覆盖干部群众三千余人次。",
            "全年办理行政复议答复两件，均在法定期限内答复，未被撤销。"]
    pages = wrapped(body, width).split("\n")
    text = "\n".join(pages[:4] + ["", "- 1 -", "北山乡人民政府", ""] + pages[4:]
                     + ["", "北山乡人民政府", "2025年1月3日", "", "- 2 -"])
    joined = unwrap(text)
    assert joined is not None
    lines = [line for line in joined.text.split("\n") if line.strip()]
    assert lines == body + ["北山乡人民政府", "2025年1月3日"]


def test_a_line_that_opens_with_a_closing_mark_is_the_tail_of_the_line_before():
    lines = ["短标题"] + ["这一行有二十个字符这一行有二十个字符这一"] * 5 + ["组织法治讲座四场，发放资料三千份，覆盖群众"] + ["。"]
    joined = unwrap("\n".join(lines))
    assert joined is not None and joined.text.endswith("群众。")


def typeset(paragraphs: list[str], width: int, indent: str = "\u3000\u3000") -> str:
    """Paragraphs set in a column `width` full-width cells wide, as a PDF page holds them: a half-width digit
    takes half a cell, each paragraph's first line is indented two cells and a closing mark hangs at the end."""
    lines = []
    for paragraph in paragraphs:
        line, used = "", 0
        for ch in indent + paragraph:
            size = 1 if ch.isascii() else 2
            if used + size > 2 * width and ch not in "，。、；：）》”":
                lines.append(line)
                line, used = "", 0
            line, used = line + ch, used + size
        lines.append(line)
    return "\n".join(lines)


def test_a_column_with_half_width_figures_and_indented_first_lines_is_measured_in_cells():
    paragraphs = ["河湾镇2024年全年受理行政复议申请3件、行政诉讼案件2件，依照《中华人民共和国行政复议法》按期答复率100%。",
                  "全镇126个村民小组配备调解员256名，调处纠纷1024件，调解成功率98.6%，涉及金额356.8万元。",
                  "依法审查合同87份，提出修改意见215条，挽回经济损失12.5万元，无一起因合同引发的诉讼。",
                  "组织执法人员参加2024年度行政执法资格考试，参考38人，合格36人，合格率94.7%。"]
    text = typeset(paragraphs, 16)
    # counted in characters, the lines that hold figures run past the others and no one width holds most lines
    assert len({len(line) for line in text.split("\n")}) > 4
    joined = unwrap(text)
    assert joined is not None
    assert joined.text.split("\n") == ["\u3000\u3000" + p for p in paragraphs]


def test_text_wrapped_twice_is_joined_twice_and_its_offsets_go_back_through_both():
    paragraphs = ["西岭乡全年开展法治讲座12场，发放《民法典》读本3000册，受益群众8600人次。",
                  "乡综合行政执法队办理案件46件，全部按期办结，无一起被撤销或变更。",
                  "乡村两级调解组织调处纠纷215件，调解成功率97%，未发生因纠纷激化引发的案件。"]
    once = typeset(paragraphs, 20, indent="")
    twice = "\n".join(line[i:i + 17] for line in once.split("\n") for i in range(0, len(line), 17))
    joined = unwrap(twice)
    assert joined is not None and joined.text.split("\n") == paragraphs
    assert all(twice[joined.origin[i]] == ch for i, ch in enumerate(joined.text))


def test_lines_spaced_by_blank_lines_or_set_in_from_a_margin_are_joined_as_if_they_were_not():
    paragraphs = ["南溪镇全年组织执法人员学习《中华人民共和国行政处罚法》6次，参训干部210人次。",
                  "镇公共法律服务站接待群众来访330人次，代写法律文书45份，办结法律援助案件12件。"]
    plain = typeset(paragraphs, 18, indent="")
    spaced = "\n\n".join(plain.split("\n"))  # a tool that writes a blank line after every line it extracts
    joined = unwrap(spaced)
    assert joined is not None and [line for line in joined.text.split("\n") if line] == paragraphs
    margin = "\n".join("\u3000\u3000" + line for line in plain.split("\n"))  # every line set in by the same margin
    joined = unwrap(margin)
    assert joined is not None and [line.strip() for line in joined.text.split("\n")] == paragraphs


def test_a_title_and_a_footer_in_traditional_characters_are_not_taken_for_wrapped_text():
    text = "\n".join(["汀蘭縣馬坪鎮二〇二三年法治工作報告", "一、主要工作", "全年開展會前學法十二次，組織幹部參加網上學法考試，",
                     "參考率達到百分之百。", "馬坪鎮人民政府", "", "第1頁 共2頁", "", "鎮村兩級排查化解矛盾糾紛八十六件，化解率九",
                     "成八。", "", "第2頁 共2頁"])
    joined = unwrap(text)
    assert joined is not None and "頁" not in joined.text
    assert joined.text.split("\n")[0] == "汀蘭縣馬坪鎮二〇二三年法治工作報告"


def test_a_title_over_a_page_that_holds_only_the_date_is_a_running_head_not_a_signature():
    body = ["东岸乡2022年法治政府建设情况报告", "全年组织集中学法十次，开展送法下乡活动八场，覆盖群众二千余人次。",
            "东岸乡人民政府"]
    text = "\n".join(body + ["", "— 1 —", "", "东岸乡2022年法治政府建设情况报告", "2022年12月26日", "", "— 2 —"])
    joined = unwrap(text)
    assert joined is not None
    assert [line for line in joined.text.split("\n") if line.strip()] == [
        *body, "2022年12月26日"]


def test_short_lines_of_a_typed_report_are_no_column_when_its_paragraphs_run_past_them():
    headings = ["坚持依法决策推进科学民主决策落实", "坚持严格执法推进规范公正文明执法", "坚持普法为民推进法治乡村建设工作",
                "坚持源头治理推进矛盾纠纷多元化解", "坚持强基固本推进法治队伍建设提质", "坚持问题导向推进法治督察整改落实"]
    paragraphs = ["全镇上下把法治政府建设摆在全局工作的重要位置，全年召开专题会议四次。",
                  "组织执法人员参加业务培训三期，开展案卷评查两次，执法行为进一步规范。",
                  "开展法律进乡村活动十二场，发放宣传资料五千余份，群众法治意识明显增强。",
                  "镇村两级调解组织全年调处纠纷一百零六件，调解成功率达到百分之九十八。",
                  "选派司法所干部参加业务轮训，镇村法律顾问全年提供咨询服务三百余人次。",
                  "对上级督察反馈的三个问题逐项制定整改措施，目前已全部完成整改销号。"]
    # six unnumbered headings of one length: counted alone, most lines of the text would seem cut at it
    text = "\n".join(line for pair in zip(headings, paragraphs) for line in pair)
    assert unwrap(text) is None


def test_a_page_number_printed_beside_a_running_foot_or_the_title_goes_with_them():
    paragraphs = ["全镇共有持证执法人员二十六名，全年开展联合执法检查四十一次，查处违法行为十五起。",
                  "镇公共法律服务工作站全年接待群众咨询四百余人次，代写法律文书三十八份。"]
    lines = typeset(paragraphs, 16, indent="").split("\n")
    foot = "    ".join(["鹤鸣镇党政综合办公室", "第 {} 页"])
    text = "\n".join(["鹤鸣镇2023年法治工作报告"] + lines[:2] + ["", foot.format(1), ""] + lines[2:]
                     + ["", foot.format(2)])
    joined = unwrap(text)  # the page breaks inside the first paragraph
    assert joined is not None and [line for line in joined.text.split("\n") if line][1:] == paragraphs
    # the title with the page number, heading the second page alone
    text = "\n".join(["鹤鸣镇2023年法治工作报告"] + lines[:3] + ["", "鹤鸣镇2023年法治工作报告\u3000\u3000第 2 页", ""]
                     + lines[3:] + [""])
    joined = unwrap(text)
    assert joined is not None and [line for line in joined.text.split("\n") if line] == [
        "鹤鸣镇2023年法治工作报告", *paragraphs]



def test_short_tails_that_repeat_are_text_and_a_series_told_inside_a_paragraph_goes_on_across_a_full_stop():
    width = 18
    tails = ["（一）落实学法制度，全年集中学法十次", "。", "（二）规范执法程序，推行执法全程记录", "。",
             "（三）加强法律服务，村村配备法律顾问", "。"]
    assert {len(line) for line in tails[::2]} == {width}
    # the series goes on inside the first line, so the 三是 after a line that ends with its full stop goes on too
    series = "一是加强培训。二是规范执法程序推行全" + "过程记录，做到有据可查全程留痕可溯。" + "三是深化普法宣传，开展送法下乡。"
    assert series.index("三是") == 2 * width
    lines = ["北岭镇2024年依法行政工作报告"] + tails + [
        series[i:i + width] for i in range(0, len(series), width)]
    joined = unwrap("\n".join(lines))
    assert joined is not None
    assert joined.text.split("\n")[1:] == [tails[0] + "。", tails[2] + "。", tails[4] + "。", series]


def test_rows_of_a_markdown_table_are_never_joined_as_wrapped_lines():
    row = "| 执法人员培训形式单一，需要改进 | 采取案例教学等方式开展培训 | 2023年6月 |"
    prose = "今年以来，青石镇统筹推进法治政府建设，各项工作取得明显成效，现报告有关情况"
    text = "\n".join([prose] * 6 + ["| 问题 | 措施 | 时限 |", "| --- | --- | --- |", row, row, row]) + "\n"
    joined = unwrap(text)
    assert joined is not None and joined.text.count("\n| 执法人员") == 3


@pytest.mark.parametrize("opening", ["一)", "1)", "问题一：", "（甲）", "【审查】", "● "])
def test_a_line_opening_with_any_number_the_outline_reads_is_never_joined_onto_the_line_above(opening):
    # A heading that fills the column, then an item numbered in a family of the outline's own (一) 1) 问题一： （甲）), a
    # typed bracket or a bullet
    heading = "一、推进法治政府建设的主要举措和成效情况"
    assert len(heading) == 20
    item = opening + "把合法性审查做在前头"
    text = "\n".join(["棠溪乡2025年法治政府建设情况报告", heading, item,
                      wrapped(["建立审查台账。乡司法所对重大事项逐件登记，全年审查合同十九份，提出修改意见二十三条。",
                               "请顾问列席会议。法律顾问列席乡党委会议八次，提出法律意见十三条，均被采纳。"], 20)])
    joined = unwrap(text)
    assert joined is not None
    lines = joined.text.split("\n")
    assert heading in lines and item in lines


def test_a_date_dot_or_a_document_number_wrapped_onto_a_line_still_joins():
    # 12·4 cut before its dot and 〔2025〕 cut onto the next line open no item, though the normal form reads them
    # as a bullet and a bracket
    paragraphs = ["围绕宪法宣传周、民法典宣传月和“12·4”国家宪法日开展集中宣传十五场次，发放资料两千余份。",
                  "按照《关于做好法治政府建设年度报告工作的通知》（棠政办发〔2025〕3号）要求，现将情况报告如下。"]
    for cut in ("12", "棠政办发"):
        first = next(p for p in paragraphs if cut in p)
        width = first.index(cut) + len(cut)
        text = "\n".join(["棠溪乡2025年法治政府建设情况报告", wrapped(paragraphs * 3, width)])
        joined = unwrap(text)
        assert joined is not None
        assert first in joined.text.split("\n")


def test_list_lines_closing_with_an_aside_in_brackets_at_one_length_are_not_a_wrap():
    text = ("芦沟县青檀镇2022年法治建设工作报告\n一、主要工作\n（一）健全制度。全年学法6次。\n二、下步打算\n"
            "为各村聘请一名法律顾问并签订年度服务合同（责任：司法所）\n"
            "修订村规民约时逐条对照现行法律法规（责任：党政办）\n"
            "在集镇设立法治宣传长廊并定期更换展板内容（责任：宣传办）\n")
    assert unwrap(text) is None
    plans = extract_report(make_source("layout.txt", text, "utf-8")).plans
    assert [plan.text for plan in plans] == [
        "为各村聘请一名法律顾问并签订年度服务合同（责任：司法所）", "修订村规民约时逐条对照现行法律法规（责任：党政办）",
        "在集镇设立法治宣传长廊并定期更换展板内容（责任：宣传办）"]


def test_a_full_line_closing_an_aside_joins_only_a_line_that_goes_on_in_prose():
    from kg.text.unwrap import Column, _continues
    col = Column(20)
    full = "村规民约修订进度慢，条款陈旧（制度方面）"
    assert len(full) == 20
    assert not _continues(full, "法治宣传在外来人口中开展少（宣传方面）", col)
    assert _continues(full, "的规定执行，由村委会负责", col)


def test_rows_of_a_table_typed_with_full_width_spaces_are_no_wrapped_lines():
    # rows of one width padded by the typist with full-width spaces, no end punctuation: a table, not wrapped prose
    gap = "\u3000"
    rows = [f"修订执法台账管理办法，每半年清理一次{gap * 2}镇司法所{gap * 4}2025年4月",
            f"申请专项资金更新执法车辆，配齐记录仪{gap * 2}执法中队{gap * 4}2025年9月",
            f"编印村级小微权力清单并张贴到各村公开栏{gap}镇党政办{gap * 2}2025年11月"]
    text = "\n".join([
        "柳岸镇2025年度法治政府建设情况报告", "", "一、主要成效",
        "（一）依法决策有序推进。镇政府常务会议会前学法10次，重大事项均经审核。",
        "（二）矛盾纠纷就地化解。镇村两级调处纠纷80件，调处成功77件。", "二、存在问题", "台账管理粗放，底数不清。",
        "执法车辆老旧，出勤困难。", "三、明年工作任务", f"工作任务{gap * 17}责任单位{gap * 4}完成时限", *rows,
        "", "柳岸镇人民政府", "2025年1月2日"]) + "\n"
    joined = unwrap(text)
    assert joined is None or joined.text.count("\n") == text.count("\n")

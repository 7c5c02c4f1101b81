"""The briefing as a Word document, for users who edit briefings before they send them."""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from kg.brief.wordstyle import TEXT_WIDTH, briefing_document
from kg.link.follow import confirmation_note
from kg.viz.fonts import MISSING, chinese_font
from kg.viz.png import panel_png
from kg.viz.html import years_text

GREY = RGBColor(0x5F, 0x6A, 0x6A)
PICTURE_HEIGHT = Mm(230)  # a picture taller than what is left of a page is shrunk to it rather than cut
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text) -> str:
    """Text Word can hold: a report may carry control characters that XML forbids."""
    return _NOT_XML.sub("", str(text))


def _quote(doc, sentence: str, source: str, year=None) -> None:
    if not sentence:
        return
    para = doc.add_paragraph(style="Quote")
    para.add_run(clean(f"原文：{sentence}"))
    where = f"{year}年报告 · {source}" if year else source
    run = para.add_run(clean(f"\n出处：{where}"))
    run.font.size = Pt(8)
    run.font.color.rgb = GREY


def _table(doc, header: list[str], rows: list[list[str]]):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = clean(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = clean(text)
    return table


def _pictures(doc, panels) -> None:
    """The follow-through drawing, a picture per panel; without a font that draws Chinese, one line saying so."""
    if not panels:
        return  # no problem stated: the section says so in words
    face = chinese_font()
    if face is None:
        note = doc.add_paragraph(MISSING)
        note.runs[0].font.color.rgb = GREY
        return
    for panel in panels:
        width = min(TEXT_WIDTH, int(PICTURE_HEIGHT * panel.width / panel.height))
        doc.add_picture(io.BytesIO(panel_png(panel, face)), width=width)


def write_docx(briefing, path: str | Path, full: bool = False, today: str = "", panels=()) -> Path:
    """The HTML briefing's parts, the 要点 first; the graph as pictures of `panels` (kg.viz.static) before the
    follow-through text; the appendix (measures, metrics, citations, plans) only with `full`."""
    doc = briefing_document(clean(briefing.title))
    b = briefing
    doc.add_heading(clean(b.title), level=0)
    if today:
        doc.add_paragraph(today).alignment = WD_ALIGN_PARAGRAPH.CENTER  # under the title, as on the page
    if b.summary:
        doc.add_heading("要点", level=1)
        for line in b.summary:
            doc.add_paragraph(clean(line), style="List Number")

    doc.add_heading("一、基本情况", level=1)
    _table(doc, ["乡镇", "所属县（市、区）", "报告年度", "报告份数"],
           [[b.township, b.county or "未注明", years_text(b.years), str(len(b.reports))]])
    _table(doc, ["年度", "报告标题", "文件"], [[str(r.year or ""), r.title, r.source] for r in b.reports])

    doc.add_heading("二、问题整改评分", level=1)
    _table(doc, ["项目", "数量", "占比", "占比基数"], [[w, str(c), s, base] for w, c, s, base in b.scorecard.rows()])
    note = doc.add_paragraph(clean(confirmation_note()))
    note.runs[0].font.color.rgb = GREY

    doc.add_heading("三、问题—计划—落实跟踪", level=1)
    _pictures(doc, panels)
    if not b.chains:
        doc.add_paragraph("报告未陈述存在的问题。")
    for index, chain in enumerate(b.chains, 1):
        s = chain.shortcoming
        doc.add_heading(clean(f"{s.year}年 问题{index}：{s.text}［{chain.status}］"), level=2)
        _quote(doc, s.sentence, s.source, s.year)
        for label, rows in (("计划", chain.plans), ("次年落实", chain.follow_ups), ("次年再次出现", chain.recurs_as)):
            for row in rows:
                score = chain.score(row)
                weak = chain.to_check(row)
                shown = "—" if score is None else f"{score:.2f}"
                placed = "，按序对应" if chain.placed(row) else ""  # linked for its place in parallel lists
                doc.add_paragraph(clean(f"{label}：{row.text}（关联分 {shown}{placed}{'，待核实' if weak else ''}）"))
                if weak:  # both texts side by side, so the reader decides
                    _table(doc, [f"问题原文（{s.year}年）", f"{label}原文（{row.year}年）"],
                           [[f"{s.sentence}（{s.source}）", f"{row.sentence}（{row.source}）"]])
                else:
                    _quote(doc, row.sentence, row.source, row.year)

    if full:
        doc.add_heading("附录　四、主要工作措施", level=1)
        for m in b.measures:
            doc.add_paragraph(clean(f"〔{m.year}〕{m.text}" if len(b.years) > 1 else m.text), style="List Number")
            _quote(doc, m.sentence, m.source, m.year)
        if b.metrics:
            doc.add_heading("数据指标", level=2)
            _table(doc, ["年度", "指标", "数值", "单位", "原文"], [
                [str(m.year or ""), m.indicator, m.number, m.unit, m.sentence]
                for m in b.metrics
            ])

        doc.add_heading("五、学习宣传的法律法规与开展的活动", level=1)
        for title, rows in (("法律法规", b.laws), ("活动与品牌", b.campaigns)):
            doc.add_heading(title, level=2)
            if not rows:
                doc.add_paragraph(f"未识别出{title}。")
                continue
            _table(doc, ["名称", "年度", "报告数", "原文"], [
                [f"《{c.name}》" if c.kind == "Law" else c.name, years_text(c.years), str(c.reports), c.sentence]
                for c in rows
            ])

        doc.add_heading("六、下一步计划", level=1)
        for p in b.plans:
            doc.add_paragraph(clean(f"〔{p.year}〕{p.text}" if len(b.years) > 1 else p.text), style="List Number")
            _quote(doc, p.sentence, p.source, p.year)
    else:
        doc.add_paragraph("工作举措、数据指标、法律法规与活动、下一步计划的明细见附录（kg brief --full）。")
    note = doc.add_paragraph("本简报由报告原文自动整理，每项内容均附原文出处，使用前请核对。")
    note.runs[0].font.color.rgb = GREY
    path = Path(path)
    doc.save(str(path))
    return path


def _share(part: int, whole: int) -> str:
    return f"{part}（{100 * part / whole:.0f}%）" if whole else f"{part}（—）"


def write_county_docx(briefing, path: str | Path, today: str) -> Path:
    """The county comparison as Word: the same sections as the page, the theme chart as a table of bars."""
    doc = briefing_document(clean(briefing.title))
    b = briefing
    doc.add_heading(clean(b.title), level=0)
    doc.add_paragraph(today).alignment = WD_ALIGN_PARAGRAPH.CENTER  # under the title, as on the page
    doc.add_heading("要点", level=1)
    for line in b.summary():
        doc.add_paragraph(clean(line), style="List Number")

    doc.add_heading("一、各乡镇问题整改情况排名", level=1)
    rows = [[str(i), r.township, years_text(r.years), str(r.reports), str(r.card.stated),
             _share(r.card.planned, r.card.stated), str(r.card.checkable), _share(r.card.followed, r.card.checkable),
             str(r.card.followed_to_check), _share(r.card.recurring, r.card.checkable)] for i, r in enumerate(b.townships, 1)]
    t = b.total
    rows.append(["", "全县合计", years_text(b.years), str(sum(r.reports for r in b.townships)), str(t.stated),
                 _share(t.planned, t.stated), str(t.checkable), _share(t.followed, t.checkable), str(t.followed_to_check),
                 _share(t.recurring, t.checkable)])
    _table(doc, ["序号", "乡镇（街道）", "报告年度", "报告数", "问题数", "列入计划", "可核对", "次年落实", "落实待核实", "再次出现"],
           rows)

    doc.add_heading("二、问题主题分布", level=1)
    most = max((theme.problems for theme in b.themes), default=1)
    _table(doc, ["主题", "问题数", "乡镇数", ""],
           [[theme.label, str(theme.problems), str(len(theme.townships)), "█" * max(1, round(20 * theme.problems / most))]
            for theme in b.themes[:8]])

    doc.add_heading("三、多个乡镇共同存在的问题", level=1)
    if b.shared_themes:
        _table(doc, ["主题", "涉及乡镇", "问题数", "问题举例"],
               [[theme.label, "、".join(theme.townships), str(theme.problems), theme.example] for theme in b.shared_themes])
    else:
        doc.add_paragraph("各乡镇陈述的问题未见同一主题在两个以上乡镇出现。")

    doc.add_heading("四、报告缺失年度", level=1)
    if b.missing:
        have = {r.township: r.years for r in b.townships}
        _table(doc, ["乡镇（街道）", "已收录年度", "缺少年度"],
               [[name, years_text(have[name]), years_text(gaps)] for name, gaps in b.missing])
    else:
        doc.add_paragraph("各乡镇报告均已收录。")

    doc.add_heading("五、年度趋势", level=1)
    _table(doc, ["年度", "报告乡镇数", "问题数", "列入计划", "可核对", "次年落实", "再次出现"],
           [[str(y.year), str(y.townships), str(y.card.stated), _share(y.card.planned, y.card.stated), str(y.card.checkable),
             _share(y.card.followed, y.card.checkable), _share(y.card.recurring, y.card.checkable)] for y in b.trend])
    note = doc.add_paragraph("本简报由各乡镇报告原文自动汇总，使用前请核对。")
    note.runs[0].font.color.rgb = GREY
    path = Path(path)
    doc.save(str(path))
    return path

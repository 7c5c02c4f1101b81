"""Briefings: content and scorecard from the real store, escaping, the print stylesheet, and the Word file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Mm
from markupsafe import escape
from printed import CONTENT_HEIGHT, CONTENT_WIDTH, coloured_pixels, page_numbers, pdf_pages, word_footer
from viz_sample import township

from kg.brief.township import build_briefing, write_briefing
from kg.viz.graph import CLASSES
from kg.cli import cli
from kg.viz.data import NotFoundError


CLASSES_COLOUR = {name: style.color for name, style in CLASSES.items()}


def scorecard_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "项目")


def test_scorecard_counts_and_shares_follow_the_links():
    card = build_briefing(township()).scorecard
    # 4 shortcomings; 3 have a plan; 3 are from 2023 with a 2024 report; 1 followed up; 1 stated again
    assert (card.stated, card.planned, card.checkable, card.followed, card.recurring) == (4, 3, 3, 1, 1)
    rows = {what: (count, share) for what, count, share, _ in card.rows()}
    assert rows["已列入下一步计划"] == (3, "75%")
    assert rows["次年已见落实"] == (1, "33%")


def test_a_year_keeps_the_year_before_for_follow_through():
    briefing = build_briefing(township(), year=2024)
    assert briefing.years == (2024,)
    assert {m.year for m in briefing.measures} == {2024}
    assert {c.shortcoming.year for c in briefing.chains} == {2023, 2024}


def test_the_printed_drawing_shows_the_years_whose_problems_the_briefing_lists():
    from kg.brief.township import drawing

    whole, late = drawing(build_briefing(township())), drawing(build_briefing(township(), year=2024))
    assert [p.title for p in whole] == [p.title for p in late] == ["2023年问题的整改跟踪", "2024年问题的整改跟踪"]
    early = drawing(build_briefing(township(), year=2023))
    assert [p.title for p in early] == ["2023年问题的整改跟踪"]  # 2024's problems are not this briefing's


def test_briefing_from_the_store_quotes_evidence_for_every_claim(examples_store, tmp_path):
    out = tmp_path / "brief.html"
    briefing = write_briefing(examples_store, "云岫镇", out, full=True)
    html = out.read_text(encoding="utf-8")
    assert briefing.county == "栖梧县" and briefing.years == (2023, 2024)
    assert briefing.measures and briefing.laws and briefing.metrics and briefing.chains
    # each measure, shortcoming and plan is followed by its quote and the file it came from
    for item in (*briefing.measures, *briefing.plans, *(c.shortcoming for c in briefing.chains)):
        assert item.sentence and item.source.endswith(".txt")
    assert html.count('<blockquote class="ev">') >= len(briefing.measures) + len(briefing.plans) + len(briefing.chains)
    # the file as the store names it: its path inside the folder loaded, nothing of where that folder is
    assert "yunxiu_2023.txt</cite>" in html and "yunxiu_2024.txt</cite>" in html and "examples/" not in html
    assert 'id="scorecard"' in html and "已列入下一步计划" in html
    assert re.search(r"@page\s*\{\s*size:\s*A4", html) and "@media print" in html
    assert '"kgClass": "UnplannedShortcoming"' in html or briefing.scorecard.planned == briefing.scorecard.stated


def test_hostile_report_is_shown_as_text(examples_store, tmp_path):
    out = tmp_path / "brief.html"
    write_briefing(examples_store, "萤川乡", out, full=True)
    html = out.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "加强组织领导&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "模板写作{name}、${x}、{{7*7}}" in html  # template syntax in a report is text, never evaluated


def test_docx_briefing_opens_and_holds_the_scorecard(examples_store, tmp_path):
    out = tmp_path / "brief.docx"
    briefing = write_briefing(examples_store, "茗坪乡", out)  # the .docx suffix says Word, as on the command line
    doc = Document(str(out))
    table = scorecard_table(doc)
    cells = {row.cells[0].text: (row.cells[1].text, row.cells[2].text) for row in table.rows[1:]}
    card = briefing.scorecard
    assert cells["存在的问题（陈述）"][0] == str(card.stated) and card.stated > 0
    assert cells["已列入下一步计划"] == (str(card.planned), card.share(card.planned, card.stated))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert briefing.title in text and "原文：" in text
    assert doc.core_properties.title == briefing.title


def test_docx_keeps_hostile_text_literally(examples_store, tmp_path):
    out = tmp_path / "hostile.docx"
    write_briefing(examples_store, "萤川乡", out, fmt="docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "群众法治意识<script>window.__pwned=1</script>有待提高" in text


def test_unknown_township_and_year_are_errors_naming_them(examples_store, tmp_path):
    with pytest.raises(NotFoundError, match="无名镇"):
        write_briefing(examples_store, "无名镇", tmp_path / "x.html")
    with pytest.raises(NotFoundError, match="2019.*2023、2024"):
        write_briefing(examples_store, "云岫镇", tmp_path / "x.html", year=2019)


def test_cli_brief_writes_html_and_docx(cli_store_dir, tmp_path):
    root = cli_store_dir
    runner = CliRunner()
    for fmt in ("html", "docx"):
        out = tmp_path / f"b.{fmt}"
        result = runner.invoke(cli, ["brief", "--township", "澜桥街道", "--format", fmt, "-o", str(out), "--store", str(root)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 5000
    result = runner.invoke(cli, ["brief", "--township", "无名镇", "-o", str(tmp_path / "n.html"), "--store", str(root)])
    assert result.exit_code == 1 and "无名镇: no report of this township" in result.output


def test_quotes_say_what_the_heading_does_not(examples_store, tmp_path):
    from kg.extract.evidence import says_only

    out = tmp_path / "brief.html"
    briefing = write_briefing(examples_store, "云岫镇", out, full=True)
    items = [*briefing.measures, *briefing.plans, *(c.shortcoming for c in briefing.chains)]
    repeated = [item.text for item in items if says_only(item.sentence, item.text)]
    # The store holds the heading's own sentence for nearly every item; only items stated in one sentence
    # with nothing after it may be quoted by that sentence.
    assert len(items) >= 15 and len(repeated) <= len(items) // 3, repeated
    html = out.read_text(encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    for item in items:  # each quote is printed and is a sentence of the file it cites
        assert item.sentence in html and item.sentence in (root / "examples" / item.source).read_text(encoding="utf-8")


def test_a_weak_link_shows_its_score_both_texts_and_is_counted_apart(examples_store, tmp_path):
    out = tmp_path / "brief.html"
    briefing = write_briefing(examples_store, "云岫镇", out)
    html = out.read_text(encoding="utf-8")
    weak = [(c, row) for c in briefing.chains for row in (*c.plans, *c.follow_ups, *c.recurs_as) if c.to_check(row)]
    assert weak, "the samples hold a recurrence under the confirmation score"
    assert html.count('<table class="to-check">') == len(weak)
    tables = [part.split("</table>", 1)[0] for part in html.split('<table class="to-check">')[1:]]
    for chain, row in weak:  # the problem's words and the linked item's words, side by side in one table
        assert any(str(escape(chain.shortcoming.sentence)) in t and str(escape(row.sentence)) in t for t in tables)
        assert f"关联分 {chain.score(row):.2f}，待核实" in html
    scored = sum(1 for c in briefing.chains for _ in (*c.plans, *c.follow_ups, *c.recurs_as))
    assert html.count("（关联分 ") == scored  # every link shows its score
    card = briefing.scorecard
    assert card.recurring_to_check == 1 and "确认线" in html
    rows = {what.strip("　"): count for what, count, _, _ in card.rows()}
    assert rows["另有再现关联待核实"] == 1


def test_docx_puts_a_weak_link_s_two_texts_in_one_table(examples_store, tmp_path):
    out = tmp_path / "brief.docx"
    briefing = write_briefing(examples_store, "云岫镇", out, fmt="docx")
    doc = Document(str(out))
    side = [t for t in doc.tables if t.rows[0].cells[0].text.startswith("问题原文")]
    weak = [row for c in briefing.chains for row in (*c.plans, *c.follow_ups, *c.recurs_as) if c.to_check(row)]
    assert len(side) == len(weak) >= 1
    assert weak[0].sentence in side[0].rows[1].cells[1].text
    assert "待核实" in "\n".join(p.text for p in doc.paragraphs)


def test_the_summary_comes_first_and_the_long_tables_wait_for_full(examples_store, tmp_path):
    short, full = tmp_path / "brief.html", tmp_path / "full.html"
    briefing = write_briefing(examples_store, "茗坪乡", short)
    write_briefing(examples_store, "茗坪乡", full, full=True)
    page, whole = short.read_text(encoding="utf-8"), full.read_text(encoding="utf-8")
    card = briefing.scorecard
    assert 3 <= len(briefing.summary) <= 6
    assert f"存在问题{card.stated}个，其中{card.planned}个已列入下一步计划" in briefing.summary[0]
    assert page.index('id="summary"') < page.index('id="scorecard"')
    assert "附录　四" not in page and 'id="appendix-note"' in page
    assert "附录　四、主要工作措施" in whole and "六、下一步计划" in whole


def test_a_township_briefing_compares_with_its_county_when_the_county_has_several(tmp_path):
    import shutil

    from conftest import EXAMPLES

    from kg.brief.county import build_county
    from kg.store import open_store
    from kg.viz.data import store_runner

    folder = tmp_path / "reports"
    folder.mkdir()
    names = ["yunxiu_2023.txt", "yunxiu_2024.txt", "mingping_2023.txt", "mingping_2024.txt"]
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "m.csv").write_text("file,township,county,year\n" + "".join(
        f"{n},{'云岫镇' if n.startswith('yunxiu') else '茗坪乡'},示范县,{n[-8:-4]}\n" for n in names), encoding="utf-8")
    store_dir = tmp_path / "store"
    loaded = CliRunner().invoke(cli, ["load", "--store", str(store_dir), "--manifest", str(folder / "m.csv"),
                                      *[str(folder / n) for n in names]])
    assert loaded.exit_code == 0, loaded.output
    with open_store(None, store_dir) as store:
        briefing = write_briefing(store, "云岫镇", tmp_path / "b.html")
        total = build_county(store_runner(store), "示范县").total  # the county briefing's own totals
    line = next(line for line in briefing.summary if line.startswith("全县2个乡镇（街道）"))
    assert (f"列入计划的比例为{total.share(total.planned, total.stated)}" in line
            and f"次年落实的比例为{total.share(total.followed, total.checkable)}" in line)


@pytest.mark.browser
@pytest.mark.parametrize("township", ["云岫镇", "茗坪乡", "澜桥街道"])
def test_a_township_briefing_prints_on_at_most_four_a4_pages(examples_store, tmp_path, township):
    from conftest import need_tool

    from kg.brief.township import drawing

    executable = need_tool("chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "brief.html"
    briefing = write_briefing(examples_store, township, out)
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            # the viewport is the printed page's content box, so what is wider than the page shows as overflow
            page = browser.new_context(offline=True, viewport={"width": CONTENT_WIDTH, "height": CONTENT_HEIGHT},
                                       device_scale_factor=2).new_page()
            page.goto(out.resolve().as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            assert page.is_visible("#kg-follow") and not page.is_visible("#kg-print-1")  # on screen: the canvas
            page.emulate_media(media="print")
            assert not page.is_visible("#kg-follow") and page.is_visible("#kg-print-1")  # printed: the drawing
            boxes = page.evaluate("() => [...document.querySelectorAll('svg.kg-static')].map(s => {"
                                  "const r = s.getBoundingClientRect(); return [r.left, r.right, r.height]; })")
            assert len(boxes) == len(drawing(briefing)) >= 2
            assert all(left >= 0 and right <= CONTENT_WIDTH and height <= CONTENT_HEIGHT for left, right, height in boxes)
            assert page.evaluate("() => document.documentElement.scrollWidth") <= CONTENT_WIDTH  # nothing past the margin
            shots = [page.locator(f"#kg-print-{i}").screenshot() for i in range(1, len(boxes) + 1)]
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    # the drawing is not blank: each class and relation of the legend is there in its colour
    from kg.viz.style import relationship_styles

    drawn = {cls.name for cls in briefing.graph.classes_used()} - {"Township"}
    colours = {CLASSES_COLOUR[name] for name in drawn} | {relationship_styles()["ADDRESSES"].color}
    for colour in colours:
        assert sum(coloured_pixels(shot, colour) for shot in shots) >= 100, colour
    texts = pdf_pages(pdf)
    assert 1 <= len(texts) <= 4
    assert page_numbers(texts) == [[str(n)] for n in range(1, len(texts) + 1)]  # — 1 —, — 2 —, … on each page
    today = date.today()
    assert f"{today.year}年{today.month}月{today.day}日" in texts[0]  # the date on the first page


def test_the_word_briefing_opens_with_the_summary_and_keeps_the_appendix_for_full(examples_store, tmp_path):
    briefing = write_briefing(examples_store, "云岫镇", tmp_path / "b.docx", fmt="docx")
    write_briefing(examples_store, "云岫镇", tmp_path / "full.docx", fmt="docx", full=True)
    short = [p.text for p in Document(str(tmp_path / "b.docx")).paragraphs]
    whole = [p.text for p in Document(str(tmp_path / "full.docx")).paragraphs]
    assert short.index("要点") < short.index("一、基本情况") and briefing.summary[0] in short
    assert not any(text.startswith("附录") for text in short) and "附录　四、主要工作措施" in whole


def pictures(doc) -> list[bytes]:
    """The image bytes of each inline picture, in document order."""
    from docx.oxml.ns import qn

    blips = [shape._inline.find(".//" + qn("a:blip")) for shape in doc.inline_shapes]
    return [doc.part.related_parts[blip.get(qn("r:embed"))].blob for blip in blips]


def test_the_word_briefing_holds_the_graph_picture_the_summary_the_scorecard_and_page_numbers(examples_store, tmp_path):
    from kg.brief.township import drawing
    from kg.viz.fonts import chinese_font
    from kg.viz.style import relationship_styles

    if chinese_font() is None:
        pytest.skip("no font here draws Chinese (the Word file then says so: tested below)")
    out = tmp_path / "brief.docx"
    briefing = write_briefing(examples_store, "云岫镇", out, fmt="docx")
    doc = Document(str(out))
    panels = drawing(briefing)
    shots = pictures(doc)
    assert len(shots) == len(panels) == 2  # a picture for each year's problems
    for shape in doc.inline_shapes:
        assert shape.width <= Mm(170) + 1  # within the page's margins
    drawn = {cls.name for cls in briefing.graph.classes_used()} - {"Township"}
    for colour in {CLASSES_COLOUR[name] for name in drawn} | {relationship_styles()["ADDRESSES"].color}:
        assert sum(coloured_pixels(shot, colour) for shot in shots) >= 200, colour  # drawn, in the legend's colours
    text = [p.text for p in doc.paragraphs]
    assert all(line in text for line in briefing.summary) and scorecard_table(doc)
    assert text.index("三、问题—计划—落实跟踪") < text.index(next(t for t in text if t.startswith("2023年 问题1")))
    assert word_footer(doc) == "— {PAGE} —"
    today = date.today()
    assert text[1] == f"{today.year}年{today.month}月{today.day}日"


def test_the_word_briefing_is_set_in_heiti_and_fangsong(examples_store, tmp_path):
    from docx.oxml.ns import qn

    out = tmp_path / "brief.docx"
    write_briefing(examples_store, "茗坪乡", out, fmt="docx")
    doc = Document(str(out))
    fonts = {name: doc.styles[name].element.rPr.rFonts for name in ("Normal", "Title", "Heading 1", "Heading 2")}
    assert {name: f.get(qn("w:eastAsia")) for name, f in fonts.items()} == {
        "Normal": "仿宋", "Title": "黑体", "Heading 1": "黑体", "Heading 2": "黑体"}
    # a theme font would win over the named one in Word
    assert not any(f.get(qn(a)) for f in fonts.values() for a in ("w:eastAsiaTheme", "w:asciiTheme"))
    assert all(doc.styles[name].font.bold for name in ("Title", "Heading 1", "Heading 2"))


@pytest.mark.parametrize("setting", ["not-a-font.txt", "DejaVuSans.ttf"])
def test_without_a_chinese_font_the_word_file_says_the_picture_needs_one(examples_store, tmp_path, monkeypatch,
                                                                        setting):
    from kg.viz.fonts import ENVIRONMENT, MISSING

    font = tmp_path / setting
    if setting.endswith(".txt"):
        font.write_text("这不是字体文件", encoding="utf-8")
    else:  # a real font that has no Chinese: it would draw every character as the same box
        latin = [p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",) if Path(p).is_file()]
        if not latin:
            pytest.skip("no DejaVu Sans here")
        font = Path(latin[0])
    monkeypatch.setenv(ENVIRONMENT, str(font))
    out = tmp_path / "brief.docx"
    briefing = write_briefing(examples_store, "云岫镇", out, fmt="docx")
    doc = Document(str(out))
    assert len(doc.inline_shapes) == 0
    assert [p.text for p in doc.paragraphs].count(MISSING) == 1
    assert scorecard_table(doc) and briefing.summary[0] in [p.text for p in doc.paragraphs]


def test_a_township_without_problems_has_no_picture_and_says_why(examples_store, tmp_path):
    from dataclasses import replace

    from kg.brief.docx import write_docx
    from kg.brief.township import drawing, render_html

    briefing = write_briefing(examples_store, "茗坪乡", tmp_path / "b.docx", fmt="docx")
    bare = replace(briefing, chains=())
    assert drawing(bare) == ()
    write_docx(bare, tmp_path / "bare.docx", panels=drawing(bare))
    doc = Document(str(tmp_path / "bare.docx"))
    assert len(doc.inline_shapes) == 0 and "报告未陈述存在的问题。" in [p.text for p in doc.paragraphs]
    page = render_html(bare)
    assert "kg-print-1" not in page and "报告未陈述存在的问题。" in page


def test_the_word_briefing_converts_to_pdf_where_libreoffice_is_installed(examples_store, tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "brief.docx"
    write_briefing(examples_store, "云岫镇", out, fmt="docx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)], check=True, timeout=300,
                   capture_output=True)
    texts = pdf_pages((tmp_path / "brief.pdf").read_bytes())
    assert 1 <= len(texts) <= 5
    assert page_numbers(texts) == [[str(n)] for n in range(1, len(texts) + 1)]

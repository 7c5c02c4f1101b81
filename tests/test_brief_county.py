"""The county briefing: every township side by side, from the real embedded store, in HTML, print and Word."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from conftest import EXAMPLES, ROOT, need_tool
from printed import page_numbers, pdf_pages, word_footer
from kg.brief.county import build_county, render_county_html
from kg.cli import cli
from kg.queries import run_canned
from kg.store import open_store
from kg.viz.data import NotFoundError, store_runner

COUNTY = "示范县"
# Three sample townships and the hostile report, all put in one fictional county by a manifest;
# 澜桥街道's 2024 report is left out, so the county has a township with a missing year.
PLACES = {
    "yunxiu_2023.txt": ("云岫镇", 2023), "yunxiu_2024.txt": ("云岫镇", 2024),
    "mingping_2023.txt": ("茗坪乡", 2023), "mingping_2024.txt": ("茗坪乡", 2024),
    "lanqiao_2023.txt": ("澜桥街道", 2023), "malicious.txt": ("萤川乡", 2023),
}


@pytest.fixture(scope="module")
def county_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("county-reports")
    for name in PLACES:
        source = EXAMPLES / name if (EXAMPLES / name).exists() else ROOT / "tests" / "fixtures" / "reports" / name
        shutil.copy(source, folder / name)
    manifest = folder / "manifest.csv"
    manifest.write_text("file,township,county,year\n" + "".join(
        f"{name},{township},{COUNTY},{year}\n" for name, (township, year) in PLACES.items()), encoding="utf-8")
    store_dir = tmp_path_factory.mktemp("county-store")
    result = CliRunner().invoke(cli, ["load", "--store", str(store_dir), "--manifest", str(manifest),
                                      *[str(folder / name) for name in PLACES]])
    assert result.exit_code == 0, result.output
    with open_store(None, store_dir) as store:
        yield store, store_dir


@pytest.fixture(scope="module")
def county(county_store):
    store, _ = county_store
    return build_county(store_runner(store), COUNTY)


def test_each_township_is_ranked_with_the_figures_of_the_scorecard_query(county_store, county):
    store, _ = county_store
    query = {row["township"]: row for row in run_canned(store, "township-scorecard", {})}
    assert {row.township for row in county.townships} == {"云岫镇", "茗坪乡", "澜桥街道", "萤川乡"}
    for row in county.townships:
        expected = query[row.township]
        card = row.card
        assert (card.stated, card.planned, card.checkable, card.followed, card.recurring, card.planned_to_check,
                card.followed_to_check, card.recurring_to_check) == (
            expected["shortcomings"], expected["planned"], expected["checkable"], expected["followed_up"],
            expected["recurring"], expected["planned_to_check"], expected["followed_up_to_check"],
            expected["recurring_to_check"]), row.township
        assert row.reports == expected["reports"]


def test_ranking_puts_the_higher_followed_up_share_first_and_unjudged_townships_last(county):
    shares = [row.card.followed / row.card.checkable for row in county.townships if row.card.checkable]
    assert shares == sorted(shares, reverse=True) and len(shares) == 2
    assert all(row.card.checkable == 0 for row in county.townships[len(shares):])


def test_the_county_totals_add_up_the_townships(county):
    for field in ("stated", "planned", "checkable", "followed", "recurring", "planned_to_check", "followed_to_check",
                  "recurring_to_check"):
        assert getattr(county.total, field) == sum(getattr(row.card, field) for row in county.townships)
    assert sum(year.card.stated for year in county.trend) == county.total.stated
    assert [year.year for year in county.trend] == [2023, 2024]
    assert county.trend[0].townships == 4 and county.trend[1].townships == 2


def test_a_township_without_a_later_year_is_listed_with_the_years_it_lacks(county):
    assert dict(county.missing) == {"澜桥街道": (2024,), "萤川乡": (2024,)}


def test_shared_themes_are_stated_by_several_townships_and_count_each_problem_once(county_store, county):
    store, _ = county_store
    rows = run_canned(store, "county-problem-themes", {"county": COUNTY})
    assert county.shared_themes and all(len(theme.townships) > 1 for theme in county.shared_themes)
    for theme in county.themes:
        mine = {(r["township"], r["year"], r["ordinal"]) for r in rows if r["theme"] == theme.theme}
        assert theme.problems == len(mine)
        assert theme.label != theme.theme  # the Chinese label from the theme scheme, not its id
    assert [t.problems for t in county.themes] == sorted((t.problems for t in county.themes), reverse=True)


def test_the_summary_comes_first_and_states_the_county_figures(county):
    lines = county.summary()
    assert 3 <= len(lines) <= 6
    assert f"存在问题{county.total.stated}个" in lines[0] and f"{county.total.planned}个已列入下一步计划" in lines[0]
    assert f"次年已见落实{county.total.followed}个" in lines[1]
    html = render_county_html(county, "2024年3月1日")
    assert html.index('id="summary"') < html.index('id="ranking"')


def test_report_text_is_escaped_in_the_page(county):
    hostile = "<script>window.__pwned=1</script>镇"
    first = replace(county.townships[0], township=hostile)
    theme = replace(county.themes[0], example='<img src=x onerror="window.__pwned=1">')
    html = render_county_html(replace(county, townships=(first, *county.townships[1:]),
                                      themes=(theme, *county.themes[1:])), "2024年3月1日")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;镇" in html and "&lt;img src=x" in html
    assert "<script" not in html and "<img" not in html  # the county page runs no script at all


def test_an_unknown_county_is_an_error_that_names_it(county_store):
    store, _ = county_store
    with pytest.raises(NotFoundError, match="无此县|不存在|no township of this county"):
        build_county(store_runner(store), "没有县")


def test_word_file_holds_the_summary_ranking_and_chart(county_store, county, tmp_path):
    _, store_dir = county_store
    out = tmp_path / "县简报.docx"
    result = CliRunner().invoke(cli, ["brief", "--store", str(store_dir), "--county", COUNTY, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"  # a Word file, chosen by the suffix alone
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert county.summary()[0] in text
    ranking = next(t for t in doc.tables if t.rows[0].cells[1].text == "乡镇（街道）")
    assert [row.cells[1].text for row in ranking.rows[1:-1]] == [row.township for row in county.townships]
    assert ranking.rows[-1].cells[1].text == "全县合计"
    assert any("█" in cell.text for t in doc.tables for row in t.rows for cell in row.cells)
    assert word_footer(doc) == "— {PAGE} —"  # the page number, in the official style, on every page
    fonts = {name: doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia")) for name in ("Normal", "Heading 1")}
    assert fonts == {"Normal": "仿宋", "Heading 1": "黑体"}


def test_the_command_asks_for_a_township_or_a_county(county_store, tmp_path):
    _, store_dir = county_store
    result = CliRunner().invoke(cli, ["brief", "--store", str(store_dir), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "--county" in result.output
    result = CliRunner().invoke(cli, ["brief", "--store", str(store_dir), "--county", COUNTY, "--year", "2023",
                                      "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "--year" in result.output


@pytest.mark.browser
def test_the_page_prints_on_few_a4_pages_with_the_chart_drawn(county, tmp_path):
    executable = need_tool("chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "county.html"
    page_file.write_text(render_county_html(county, f"{date.today():%Y年%m月%d日}"), encoding="utf-8")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            context = browser.new_context(offline=True)
            page = context.new_page()
            requests = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(page_file.resolve().as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            assert page.evaluate("() => window.__pwned") is None
            bars = page.evaluate("() => [...document.querySelectorAll('#theme-chart rect')]"
                                 ".map(r => r.getBoundingClientRect().width)")
            assert bars and min(bars) > 0
            chart = page.evaluate("() => document.querySelector('#theme-chart').getBoundingClientRect().right")
            assert chart <= page.evaluate("() => document.body.getBoundingClientRect().right") + 1
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    assert requests == [page_file.resolve().as_uri()]
    texts = pdf_pages(pdf)
    assert 1 <= len(texts) <= 4
    assert page_numbers(texts) == [[str(n)] for n in range(1, len(texts) + 1)]  # — 1 —, — 2 —, … on each page
    assert f"{date.today():%Y年%m月%d日}" in texts[0]


def test_a_township_briefing_named_docx_is_written_as_word(county_store, tmp_path):
    _, store_dir = county_store
    out = tmp_path / "简报.docx"
    result = CliRunner().invoke(cli, ["brief", "--store", str(store_dir), "--township", "云岫镇", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK" and Document(str(out)).paragraphs


@pytest.mark.parametrize(("years", "written"), [
    ((2016, 2017, 2018, 2019, 2020), "2016—2020"),
    ((2023, 2024), "2023、2024"),
    ((2019, 2021, 2022, 2023), "2019、2021—2023"),
    ((2024, 2022, 2023, 2023), "2022—2024"),
    ((), ""),
])
def test_years_are_written_as_runs(years, written):
    from kg.viz.html import years_text

    assert years_text(years) == written

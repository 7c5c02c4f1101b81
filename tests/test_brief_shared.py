"""Briefings of real reports: every township of ../shared/corpus/chains and its county, in HTML and Word.

The township briefing must print on at most four A4 pages without --full, as on the bundled samples.
"""

from __future__ import annotations

import pytest
from docx import Document
from printed import page_numbers, pdf_pages

from kg.brief.county import write_county_briefing
from kg.brief.township import write_briefing
from kg.load.loader import load_paths

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def chains_store(shared, falkordb_server):
    from kg.store.falkordb import FalkorDBStore

    store = FalkorDBStore(server=falkordb_server, graph="brief_shared_chains")
    store.run("MATCH (n) DETACH DELETE n")
    store.files_index().unlink(missing_ok=True)
    summary = load_paths(store, [shared / "corpus" / "chains"], progress=False)
    assert not summary.errors
    places = store.run_read("MATCH (t:Township)-[:IN_COUNTY]->(c:County) RETURN t.name AS township, c.name AS county "
                            "ORDER BY county, township")
    yield store, places
    store.run("MATCH (n) DETACH DELETE n")
    store.files_index().unlink(missing_ok=True)
    store.close()


def test_each_township_and_county_of_the_chains_has_a_briefing_in_html_and_word(chains_store, tmp_path):
    store, places = chains_store
    assert len(places) >= 3
    for place in places:
        html = tmp_path / f"{place['township']}.html"
        briefing = write_briefing(store, place["township"], html, place["county"])
        assert briefing.summary and briefing.title in html.read_text("utf-8")
        write_briefing(store, place["township"], tmp_path / f"{place['township']}.docx", place["county"])
        word = Document(str(tmp_path / f"{place['township']}.docx"))
        texts = [p.text for p in word.paragraphs]
        assert "要点" in texts and briefing.summary[0] in texts
    for county in {place["county"] for place in places}:
        county_html = tmp_path / f"{county}.html"
        briefing = write_county_briefing(store, county, county_html)
        names = {row.township for row in briefing.townships}
        assert names == {p["township"] for p in places if p["county"] == county}
        assert all(name in county_html.read_text("utf-8") for name in names)
        write_county_briefing(store, county, tmp_path / f"{county}.docx")
        cells = {cell.text for table in Document(str(tmp_path / f"{county}.docx")).tables
                 for row in table.rows for cell in row.cells}
        assert names <= cells


@pytest.mark.browser
def test_each_chains_township_briefing_prints_on_at_most_four_a4_pages(chains_store, tmp_path):
    from conftest import need_tool

    executable = need_tool("chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    store, places = chains_store
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            for place in places:
                out = tmp_path / f"{place['township']}.html"
                write_briefing(store, place["township"], out, place["county"])
                page = browser.new_context(offline=True).new_page()
                page.goto(out.resolve().as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                texts = pdf_pages(page.pdf(format="A4"))
                assert 1 <= len(texts) <= 4, (place, len(texts))
                assert page_numbers(texts) == [[str(n)] for n in range(1, len(texts) + 1)]
                page.context.close()
        finally:
            browser.close()

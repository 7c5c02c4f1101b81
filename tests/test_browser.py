"""Views and briefings in headless Chromium from file://, network off: they draw, settle, fetch nothing, run no injected script."""

from __future__ import annotations

import time

import pytest

from conftest import need_tool
from pagewait import wait_drawn, wait_frames
from kg.brief.township import write_briefing
from kg.viz import write_view
from kg.viz.graph import Edge, Graph, Node
from kg.viz.html import write_page

pytestmark = pytest.mark.browser

# Pixels of the drawn canvas that are not its white background: nodes, edges and labels.
INK = """(id) => {
  const canvas = document.querySelector('#' + id + ' canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) ink++;
  }
  return ink;
}"""
POSITIONS = "(id) => JSON.stringify(window.kgNetworks[id].network.getPositions())"


@pytest.fixture(scope="module")
def browser():
    executable = need_tool("chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"],
        )
        yield chromium
        chromium.close()


class Visit:
    """One page opened offline, with every request, console message and page error it caused."""

    def __init__(self, browser, path, width=1280, height=900):
        self.context = browser.new_context(offline=True, viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.requests, self.errors = [], []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda msg: msg.type in ("error", "warning") and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url, wait_until="networkidle")

    def settle(self, timeout: float = 120) -> float:
        """Seconds until the fonts are loaded and every network on the page has drawn its settled layout."""
        start = time.monotonic()
        wait_drawn(self.page, timeout)
        return time.monotonic() - start

    def remote_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url]

    def close(self):
        self.context.close()


def check_page(browser, path, network_id="kg-graph", min_ink=2000) -> Visit:
    visit = Visit(browser, path)
    visit.settle()
    assert visit.remote_requests() == []
    assert visit.errors == []
    assert visit.page.evaluate(INK, network_id) >= min_ink
    assert visit.page.evaluate("() => typeof window.__pwned") == "undefined"
    return visit


@pytest.mark.parametrize("view, options", [
    ("report", {"township": "云岫镇", "year": 2024}),
    ("chains", {"township": "茗坪乡"}),
    ("citations", {}),
])
def test_views_draw_offline_and_settle(browser, examples_store, tmp_path, view, options):
    out = tmp_path / f"{view}.html"
    graph = write_view(examples_store, view, out, **options)
    visit = check_page(browser, out)
    before = visit.page.evaluate(POSITIONS, "kg-graph")
    wait_frames(visit.page, 30)
    assert visit.page.evaluate(POSITIONS, "kg-graph") == before  # physics is off: nothing drifts once settled
    legend = visit.page.inner_text(".kg-legend")
    assert all(cls.label in legend for cls in graph.classes_used())
    visit.close()


def test_briefing_draws_offline_and_prints_on_a4(browser, examples_store, tmp_path):
    out = tmp_path / "brief.html"
    briefing = write_briefing(examples_store, "澜桥街道", out, full=True)
    visit = check_page(browser, out, "kg-follow")
    assert visit.page.inner_text("#scorecard").count("\n") >= 5
    assert briefing.measures[0].sentence[:20] in visit.page.inner_text("body")
    pdf = visit.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2 + 1  # several A4 pages, not one long strip
    visit.close()


def test_hostile_report_runs_nothing_and_shows_its_text(browser, examples_store, tmp_path):
    out = tmp_path / "hostile.html"
    write_view(examples_store, "report", out, township="萤川乡", year=2023)
    visit = check_page(browser, out)
    assert visit.page.evaluate("() => document.querySelectorAll('img, iframe').length") == 0
    # hovering a measure shows its tooltip: the injected markup is there as text
    spot = visit.page.evaluate("""() => {
      const net = window.kgNetworks['kg-graph'].network;
      const positions = net.getPositions();
      const data = JSON.parse(document.getElementById('kg-graph-data').textContent);
      const target = data.nodes.find(n => n.tip[0].includes('<script>'));
      const dom = net.canvasToDOM(positions[target.id]);
      const box = document.getElementById('kg-graph').getBoundingClientRect();
      return {x: box.left + dom.x, y: box.top + dom.y};
    }""")
    visit.page.mouse.move(spot["x"], spot["y"])
    # vis-network shows the tooltip on a timer after the hover event; the bound is for a machine under load
    visit.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=60000)
    assert "<script>window.__pwned=1</script>" in visit.page.inner_text("div.vis-tooltip")
    assert visit.page.evaluate("() => typeof window.__pwned") == "undefined"
    visit.close()

    brief = tmp_path / "hostile-brief.html"
    write_briefing(examples_store, "萤川乡", brief, full=True)
    visit = check_page(browser, brief, "kg-follow", min_ink=500)
    assert '开展普法宣传<img src=x onerror="window.__pwned=1">' in visit.page.inner_text("body")
    visit.close()


def test_two_thousand_nodes_stay_usable(browser, tmp_path):
    graph = Graph("大图")
    for hub in range(100):
        graph.add_node(Node(f"t{hub}", "Township", f"乡镇{hub}"))
    for leaf in range(2400):
        graph.add_node(Node(f"l{leaf}", "Law", f"法规{leaf}"))
        graph.add_edge(Edge(f"t{leaf % 100}", f"l{leaf}", "CITES"))
        graph.add_edge(Edge(f"t{(leaf * 7) % 100}", f"l{leaf}", "CITES"))
    out = write_page(graph, tmp_path / "big.html")
    visit = Visit(browser, out)
    seconds = visit.settle(timeout=90)
    print(f"2,500 nodes settled and drawn in {seconds:.1f} s")
    assert seconds < 60
    assert visit.errors == [] and visit.remote_requests() == []
    before = visit.page.evaluate(POSITIONS, "kg-graph")
    wait_frames(visit.page, 30)
    assert visit.page.evaluate(POSITIONS, "kg-graph") == before
    assert visit.page.evaluate("() => window.kgNetworks['kg-graph'].nodes") == 2500
    visit.close()

"""Views and briefings in headless Chromium from file://, network off: they draw, settle, fetch nothing, run no injected script."""

from __future__ import annotations

import base64
import importlib.util
import sys
import time
from collections import Counter

import pytest

from conftest import ROOT, need_tool
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


# ---------------------------------------------------------------- pictures that read

# Each node's box (shape and label) in page pixels, with its class, its fill and where its fill shows.
NODE_BOXES = """(id) => {
  const net = window.kgNetworks[id].network;
  const frame = document.getElementById(id).getBoundingClientRect();
  const page = (p) => { const d = net.canvasToDOM(p); return {x: frame.left + d.x, y: frame.top + d.y}; };
  const positions = net.getPositions();
  return JSON.parse(document.getElementById(id + '-data').textContent).nodes.map((n) => {
    const b = net.getBoundingBox(n.id), a = page({x: b.left, y: b.top}), z = page({x: b.right, y: b.bottom});
    // a box carries its label inside: its fill is what most points of its inner part show; another shape
    // carries its label under it, and its fill shows at its centre
    const fill = [];
    if (n.shape === 'box') {
      for (let i = 1; i < 8; i++) {
        for (let j = 1; j < 4; j++) {
          fill.push({x: a.x + (z.x - a.x) * (0.1 + 0.8 * i / 8), y: a.y + (z.y - a.y) * (0.2 + 0.6 * j / 4)});
        }
      }
    } else {
      fill.push(page(positions[n.id]));
    }
    return {label: n.label, cls: n.kgClass, left: a.x, top: a.y, right: z.x, bottom: z.y, fill: fill,
            colour: n.color ? n.color.background : null};
  });
}"""
# Every text drawn on the canvas (node labels, edge captions) and every node's shape other than a box (which holds
# its label), in canvas pixels. vis-network has no public call for a label's box; its label module keeps the one it
# drew last (the version pyvis ships is fixed by the lock file).
TEXTS = """(id) => {
  const net = window.kgNetworks[id].network, out = [];
  const add = (kind, owner, text, box) => out.push({kind: kind, owner: owner, text: text, left: box.left,
                                                    top: box.top, right: box.left + box.width, bottom: box.top + box.height});
  for (const node of Object.values(net.body.nodes)) {
    if (!net.body.data.nodes.get(node.id)) { continue; }  // vis-network's own helper nodes
    const owner = 'node ' + node.id;
    if (node.options.label) { add('label', owner, node.options.label, node.labelModule.size); }
    if (!['box', 'text'].includes(node.options.shape)) {
      const r = node.shape.radius || node.options.size;
      add('shape', owner, node.options.label, {left: node.x - r, top: node.y - r, width: 2 * r, height: 2 * r});
    }
  }
  for (const edge of Object.values(net.body.edges)) {
    if (edge.options.label) { add('caption', 'edge ' + edge.id, edge.options.label, edge.labelModule.size); }
  }
  return out;
}"""
# Each legend entry: its text, the colour its swatch is given, and the centre of the swatch in page pixels.
SWATCHES = """() => [...document.querySelectorAll('.kg-legend li')].map((li) => {
  const swatch = li.querySelector('.kg-swatch'), r = swatch.getBoundingClientRect();
  return {label: li.textContent.trim(), css: getComputedStyle(swatch).backgroundColor,
          at: {x: r.left + r.width / 2, y: r.top + r.height / 2}};
})"""
# The colours of a screenshot (a PNG, base64) at page points, read back through an image in the page.
PIXELS = """async ([png, points]) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return points.map((p) => Array.from(context.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data.slice(0, 3)));
}"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["label"], b["label"]) for k, a in enumerate(boxes) for b in boxes[k + 1:]
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


def clashing_texts(items: list[dict]) -> list[tuple[str, str]]:
    """Pairs of texts, or of a text and another node's shape, that overlap (shapes are apart by the node boxes)."""
    return [(f"{a['kind']} {a['text']}", f"{b['kind']} {b['text']}")
            for k, a in enumerate(items) for b in items[k + 1:]
            if a["owner"] != b["owner"] and not a["kind"] == b["kind"] == "shape"
            and a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


def rgb(colour: str) -> tuple[int, ...]:
    if colour.startswith("#"):
        return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return tuple(int(part) for part in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3])


def near(a, b, tolerance: int = 24) -> bool:
    return max(abs(x - y) for x, y in zip(a, b)) <= tolerance


def check_reads(browser, path, graph, width=1280, height=900) -> list[dict]:
    """The page's node boxes once drawn: none overlaps another, all inside the viewport, no text over another
    text or a node, and each legend swatch and a node of its class drawn in the class's colour."""
    visit = Visit(browser, path, width, height)
    visit.settle()
    boxes = visit.page.evaluate(NODE_BOXES, "kg-graph")
    assert overlapping(boxes) == []
    outside = [b["label"] for b in boxes if b["left"] < 0 or b["top"] < 0 or b["right"] > width or b["bottom"] > height]
    assert outside == []
    assert clashing_texts(visit.page.evaluate(TEXTS, "kg-graph")) == []
    swatches = visit.page.evaluate(SWATCHES)
    nodes = [next(b for b in boxes if b["cls"] == cls.name) for cls in graph.classes_used()]
    png = base64.b64encode(visit.page.screenshot()).decode("ascii")
    points = [p for n in nodes for p in n["fill"]]
    drawn = visit.page.evaluate(PIXELS, [png, points + [s["at"] for s in swatches]])
    legend, pixels = drawn[len(points):], iter(drawn[:len(points)])
    # a node's colour: the one most of its sampled points show
    canvas = [Counter(tuple(next(pixels)) for _ in node["fill"]).most_common(1)[0][0] for node in nodes]
    assert [s["label"] for s in swatches] == [cls.label for cls in graph.classes_used()]
    for cls, node, swatch, in_canvas, in_legend in zip(graph.classes_used(), nodes, swatches, canvas, legend):
        assert rgb(swatch["css"]) == rgb(node["colour"]) == rgb(cls.color), cls.name
        assert near(in_canvas, rgb(cls.color)), (cls.name, "drawn", in_canvas, cls.color)
        assert near(in_legend, rgb(cls.color)), (cls.name, "legend", in_legend, cls.color)
    visit.close()
    return boxes


SAMPLES = [(town, year) for town in ("云岫镇", "茗坪乡", "澜桥街道") for year in (2023, 2024)]


@pytest.mark.parametrize("township, year", SAMPLES)
def test_report_view_of_each_sample_reads(browser, examples_store, tmp_path, township, year):
    out = tmp_path / "report.html"
    graph = write_view(examples_store, "report", out, township=township, year=year)
    boxes = check_reads(browser, out, graph)
    assert len(boxes) == len(graph.nodes) + len(graph.headings)


@pytest.mark.parametrize("township", ["云岫镇", "茗坪乡", "澜桥街道"])
def test_chains_view_reads(browser, examples_store, tmp_path, township):
    out = tmp_path / "chains.html"
    check_reads(browser, out, write_view(examples_store, "chains", out, township=township))


def test_citations_view_reads(browser, examples_store, tmp_path):
    out = tmp_path / "citations.html"
    check_reads(browser, out, write_view(examples_store, "citations", out))


@pytest.fixture(scope="module")
def county_store(falkordb_server, tmp_path_factory):
    """Thirty fictional townships of one county, one to five years each, written by bench/generate.py from the samples."""
    from kg.load.loader import load_paths
    from kg.store.falkordb import FalkorDBStore

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", generate)  # dataclasses look their module up by name
    spec.loader.exec_module(generate)
    folder = tmp_path_factory.mktemp("county")
    generate.TOWNS_PER_COUNTY = 30  # one county of thirty, not the generator's twenty to a county
    towns, reports = set(), 0
    for plan in generate.plans(10_000, 3, 3):  # reports come township by township: up to the thirty-first
        towns.add(plan.township)
        if len(towns) > 30:
            break
        reports += 1
    generate.generate(folder, reports, seed=3)
    store = FalkorDBStore(server=falkordb_server, graph="county30")
    try:
        store.run("MATCH (n) DETACH DELETE n")
        summary = load_paths(store, [folder], progress=False)
        assert not summary.errors, summary.errors
        yield store
    finally:
        store.close()


def test_citations_of_thirty_townships_stay_readable(browser, county_store, tmp_path):
    out = tmp_path / "county.html"
    graph = write_view(county_store, "citations", out)
    towns = [n for n in graph.nodes.values() if n.cls == "Township"]
    assert len(towns) >= 30
    assert len(graph.nodes) - len(towns) == 20 and "未显示" in graph.notice  # the top 20, and what was left out
    assert visible_notice(browser, out, graph.notice)
    boxes = check_reads(browser, out, graph, 1400, 1000)
    labels = [b for b in boxes if b["cls"] != "Heading"]
    # at the fitted zoom a label is still about 10 px high or more: read without zooming in
    assert min(b["bottom"] - b["top"] for b in labels if b["cls"] == "Township") >= 14


def visible_notice(browser, path, notice) -> bool:
    visit = Visit(browser, path)
    shown = visit.page.inner_text(".kg-notice")
    visit.close()
    return shown == notice


def test_chains_of_the_longest_followed_township_read(browser, county_store, tmp_path):
    [longest] = county_store.query("MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township) "
                                   "RETURN t.name AS name, count(r) AS years ORDER BY years DESC, name LIMIT 1")
    assert longest["years"] >= 4
    out = tmp_path / "long.html"
    graph = write_view(county_store, "chains", out, township=longest["name"])
    boxes = check_reads(browser, out, graph)
    # years wrap into bands, so the fitted zoom keeps a node with its label at 25 px or more (41 px at zoom 1)
    assert min(b["bottom"] - b["top"] for b in boxes if b["cls"] in ("Measure", "Plan", "Shortcoming")) >= 25

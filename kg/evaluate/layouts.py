"""Layout transforms of a report: the same content in another numbering, wrapping, page chrome, script or encoding.

Each transform takes a report's text and its gold and returns the text in the new layout with the gold
in the same spelling (a renumbered heading, traditional characters); what the gold says is unchanged,
unless the new layout changes what a careful reader could annotate: then the transform declares the gold
the annotation rules give (one merged section; a county or township no line names any more is null).
The gold tells a transform where sections and items stand, so no transform relies on the parser it tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass

from kg.evaluate.lineroles import line_roles, split_marker
from kg.read.counters import chinese as cn_numeral  # 一 … 九十九, as a writer numbers headings
from kg.text import compact
from kg.text.places import TOWN_SUFFIXES
from kg.text.script import to_traditional

Transform = Callable[[str, dict], tuple[str, dict]]


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    transform: Transform
    encoding: str = "utf-8"


FAMILIES = {
    "cn": lambda n: f"{cn_numeral(n)}、",
    "paren_cn": lambda n: f"（{cn_numeral(n)}）",
    "num": lambda n: f"{n}.",
    "paren_num": lambda n: f"（{n}）",
    "circled": lambda n: chr(0x2460 + n - 1),
    "part": lambda n: f"第{cn_numeral(n)}部分 ",
}


# --- the transforms -----------------------------------------------------------------------------

def renumber(top: str, item: str, other: str) -> Transform:
    """Section headings into the `top` family, items into `item`, deeper numbered lines into `other`."""

    def apply(text: str, gold: dict) -> tuple[str, dict]:
        lines = text.split("\n")
        roles = line_roles(lines, gold)
        counters = {"section": 0, "item": 0, "other": 0}
        new_headings = []
        entries = 0
        for i, (line, role) in enumerate(zip(lines, roles)):
            if role == "contents":  # the contents list the headings as the body numbers them
                entries += 1
                indent, _, rest = split_marker(line)
                lines[i] = indent + FAMILIES[top](entries) + rest.lstrip()
            if role not in counters:
                continue
            counters[role] += 1
            if role == "section":
                counters["item"] = counters["other"] = 0
            elif role == "item":
                counters["other"] = 0
            indent, _, rest = split_marker(line)
            family = {"section": top, "item": item, "other": other}[role]
            lines[i] = indent + FAMILIES[family](counters[role]) + rest.lstrip()
            if role == "section":  # the gold writes a heading split over two lines as one
                below = lines[i + 1].strip() if i + 1 < len(roles) and roles[i + 1] == "heading" else ""
                new_headings.append(lines[i].strip() + below)
        gold = deepcopy(gold)
        for section, heading in zip(gold.get("sections") or [], new_headings):
            section["heading"] = heading
        return "\n".join(lines), gold

    return apply


def bracket_items(text: str, gold: dict) -> tuple[str, dict]:
    """Item headings in 【】 in place of their numbers: （一）加强领导。… → 【加强领导】…

    A section whose items are each one sentence (1.村规民约执行监督机制不健全。) has no headings to set apart: a writer
    who brackets headings keeps its numbers there, as a line that is one bracket reads as a section heading
    (【短板弱项】). The choice holds for the whole section, since a list is numbered alike."""
    lines = text.split("\n")
    sections: list[list[tuple[int, str]]] = [[]]
    for i, role in enumerate(line_roles(lines, gold)):
        if role == "section":
            sections.append([])
        if role != "item":
            continue
        indent, _, rest = split_marker(lines[i])
        cut = re.search(r"[。；;]", rest)
        head, tail = (rest[: cut.start()], rest[cut.end():]) if cut else (rest, "")
        if len(head) > 30 and "，" in head:  # a bracket holds a short heading: the rest of a long clause follows it
            head, tail = head[: head.index("，")], head[head.index("，") + 1:] + (rest[cut.start():] if cut else "")
        sections[-1].append((i, f"{indent}【{head.strip()}】{tail}"))
    for items in sections:
        if items and all(not line.endswith("】") for _, line in items):
            for i, line in items:
                lines[i] = line
    return "\n".join(lines), gold


def markdown_bold(text: str, gold: dict) -> tuple[str, dict]:
    """Headings and item headings in **bold**, as a page saved from a Markdown editor keeps them."""
    lines = text.split("\n")
    for i, role in enumerate(line_roles(lines, gold)):
        if role in ("section", "heading"):
            lines[i] = f"**{lines[i].strip()}**"
        elif role == "item":
            body = lines[i].strip()
            cut = re.search(r"[。；;]", body)
            lines[i] = f"**{body[: cut.start()]}**{body[cut.start():]}" if cut else f"**{body}**"
    return "\n".join(lines), gold


def hard_wrap(width: int = 32, page_lines: int = 28) -> Transform:
    """Lines cut every `width` characters, with a footer and the title as running head on every page."""

    def apply(text: str, gold: dict) -> tuple[str, dict]:
        title = next((line.strip() for line in text.split("\n") if line.strip()), "")
        out: list[str] = []
        for line in text.split("\n"):
            while len(line) > width:
                out.append(line[:width])
                line = line[width:]
            out.append(line)
        paged, page = [], 1
        for n, line in enumerate(out, 1):
            paged.append(line)
            if n % page_lines == 0:
                paged += ["", f"— {page} —", "", title]
                page += 1
        paged += ["", f"第{page}页 共{page}页"]
        return "\n".join(paged), gold

    return apply


def web_chrome(text: str, gold: dict) -> tuple[str, dict]:
    """A page's navigation, a metadata block above the text and page tools below it."""
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    year = gold.get("year") or 2024
    # The page is dated early in the year after the year of work, as such pages are: a date that
    # contradicts the report would change its facts, not only its layout.
    head = ["首页 > 政务公开 > 法治政府建设年度报告", "", f"索引号：000014349/{year}-00031",
            "主题分类：综合政务", f"发文日期：{year + 1}-01-20", f"标题：{title}", "来源：本站  浏览次数：1024",
            "字体：【大】【中】【小】", ""]
    tail = ["", "【打印本页】【关闭窗口】", "扫一扫在手机打开当前页", "网站地图 | 联系我们 | 隐私声明"]
    return "\n".join(head + [text] + tail), gold


def blank_lines(text: str, gold: dict) -> tuple[str, dict]:
    """A blank line between every two paragraphs."""
    return re.sub(r"\n(?=[^\n])", "\n\n", text), gold


def full_width_indent(text: str, gold: dict) -> tuple[str, dict]:
    """Every paragraph indented by two full-width spaces, as a word processor exports it."""
    return "\n".join("\u3000\u3000" + line if line.strip() else line for line in text.split("\n")), gold


def traditional(text: str, gold: dict) -> tuple[str, dict]:
    """The text in traditional characters, as a site's 繁体 switch serves it; the gold's quoted text alike."""
    converted = to_traditional(text)

    def convert(quoted: str) -> str:
        # Conversion reads words in context (复议 → 複議, a lone 复 → 復), and a line cut inside a word changes
        # the context: a quote takes the characters the converted text gives it where the text holds it.
        span = _span_across_breaks(text, quoted) if len(converted) == len(text) else None
        return re.sub(r"\s+", "", converted[span[0]:span[1]]) if span else to_traditional(quoted)

    gold = deepcopy(gold)
    for section in gold.get("sections") or []:
        section["heading"] = convert(section["heading"])
    for measure in gold.get("measures") or []:
        if isinstance(measure, dict):
            measure["heading"] = convert(measure["heading"])
    for name in ("shortcomings", "plans", "laws", "documents"):
        gold[name] = [convert(x) for x in gold.get(name) or []]
    # A node lists the forms a tool would plausibly normalise to: the simplified ones stay beside the text's own.
    gold["campaigns"] = [list(dict.fromkeys([convert(x) for x in node] + node)) for node in gold.get("campaigns") or []]
    for person in gold.get("persons") or []:
        person["name"] = convert(person["name"])
    for metric in gold.get("metrics") or []:
        metric["indicator"] = convert(metric["indicator"])  # units are read into one spelling; indicators are quoted
    if gold.get("doc_number"):
        gold["doc_number"] = convert(gold["doc_number"])
    return converted, gold


def _span_across_breaks(text: str, quoted: str) -> tuple[int, int] | None:
    """Where `quoted` stands in `text`, white space allowed between its characters (a wrapped line)."""
    chars = [c for c in quoted if not c.isspace()]
    if not chars:
        return None
    match = re.search(r"\s*".join(map(re.escape, chars)), text)
    return match.span() if match else None


def combined_section(text: str, gold: dict) -> tuple[str, dict]:
    """Problems and plans as one section 存在的问题和下一步打算, each a sub-part with 1. items."""
    sections = gold.get("sections") or []
    kinds = [s["kind"] for s in sections]
    if "shortcomings" not in kinds or "plans" not in kinds or kinds.index("plans") != kinds.index("shortcomings") + 1:
        return text, gold
    s_index = kinds.index("shortcomings")
    lines = text.split("\n")
    roles = line_roles(lines, gold)
    if roles.count("section") < len(sections):
        return text, gold  # the headings are not all where the gold says: nothing to merge safely
    section_no, item_no, entry, out = -1, 0, -1, []
    for line, role in zip(lines, roles):
        if role == "contents":  # the contents list the merged section once
            entry += 1
            if entry == s_index + 1:
                continue
            if entry == s_index:
                indent, marker, _ = split_marker(line)
                line = f"{indent}{marker}存在的问题和下一步打算"
        if role == "heading" and section_no in (s_index, s_index + 1):
            continue  # the words of a heading split over two lines: the merged heading replaces them
        if role == "section":
            section_no += 1
            item_no = 0
            if section_no == s_index:
                indent, marker, _ = split_marker(line)
                out += [f"{indent}{marker}存在的问题和下一步打算", f"{indent}（一）存在的问题"]
                continue
            if section_no == s_index + 1:
                indent, _, _ = split_marker(line)
                out.append(f"{indent}（二）下一步打算")
                continue
        elif role in ("item", "other") and section_no in (s_index, s_index + 1):
            item_no += role == "item"
            indent, _, rest = split_marker(line)
            line = f"{indent}{item_no}.{rest.lstrip()}" if role == "item" else f"{indent}{rest.lstrip()}"
        out.append(line)
    gold = deepcopy(gold)
    marker = split_marker(sections[s_index]["heading"])[1]
    gold["sections"][s_index] = {"kind": "shortcomings", "heading": f"{marker}存在的问题和下一步打算"}
    del gold["sections"][s_index + 1]
    return "\n".join(out), gold


def title_removed(text: str, gold: dict) -> tuple[str, dict]:
    """Without its title line, as a page whose title sits in the page chrome only.

    The title is the first line above the first section that names the document (…报告, …总结): an issuer,
    a document number, an addressee or a breadcrumb above it stays. A title broken over two lines (关于…建设 /
    工作的报告; 某县某镇 / 2023年…报告) goes whole.
    """
    lines = text.split("\n")
    roles = line_roles(lines, gold)
    first_section = next((i for i, role in enumerate(roles) if role == "section"), len(lines))
    title = next((i for i in range(first_section) if _TITLE_RE.search(lines[i]) and _is_title_shaped(lines[i])), None)
    if title is None:
        return text, gold  # a page that opens with its preamble or first section has no title to remove
    gone = {title}
    above = lines[title - 1].strip() if title else ""
    if above and _is_title_shaped(above) and not _TITLE_RE.search(above) and (
            "关于" in above or _PLACE_LINE_RE.fullmatch(above)):
        gone.add(title - 1)
    varied = "\n".join(line for i, line in enumerate(lines) if i not in gone)
    return varied, _named_only_in(text, varied, gold)


_TITLE_RE = re.compile(r"报告|总结|汇报")
# A line that is only a place's name, the first half of a title broken after it (青篁县黄石镇 / 2023年…报告).
_PLACE_LINE_RE = re.compile(r"[\u4e00-\u9fff]{2,16}(?:镇|乡|街道|苏木)")


def _is_title_shaped(line: str) -> bool:
    """One line of a heading: no sentence, no colon of an addressee or a field, no breadcrumb."""
    line = line.strip()
    return bool(line) and len(line) <= 60 and not re.search(r"[。：:>]", line)


def _named_only_in(text: str, varied: str, gold: dict) -> dict:
    """The gold of `varied`, `text` with a line taken out: what only that line named, it no longer names.

    The gold rule makes a county the text never names null; a township whose name (nor its name without
    镇/乡/街道) the text never gives is null alike, as no reader could give it. Laws, documents, campaigns
    and persons are listed as the text names them, so those the line alone named go; an entry spelled
    otherwise than in the text (4·15 for 4.15) is kept, as nothing says where it was named.
    """
    before, after = compact(text), compact(varied)

    def lost(*spellings: str) -> bool:
        keys = [compact(s) for s in spellings if compact(s)]
        return any(k in before for k in keys) and not any(k in after for k in keys)

    named = {}
    if gold.get("county") and compact(gold["county"]) not in after:
        named["county"] = None
    if gold.get("township") and _stem(gold["township"]) not in after:
        named["township"] = None
    for name in ("laws", "documents"):
        if gold.get(name):
            named[name] = [entry for entry in gold[name] if not lost(entry)]
    if gold.get("campaigns"):
        named["campaigns"] = [node for node in gold["campaigns"] if not lost(*node)]
    if gold.get("persons"):
        named["persons"] = [person for person in gold["persons"] if not lost(person["name"])]
    return {**gold, **{k: v for k, v in named.items() if v != gold.get(k)}}


def kept_by_chrome(gold: dict, varied: dict, chrome: str, text: str) -> dict:
    """`varied`, the gold a layout declared for `text`, with what the page's chrome (`chrome`, the fields a page reader
    keeps apart from the text) still gives: the county and township it names, and a document number only it states,
    spelled as it spells it. A layout changes the text, not the page around it."""
    chrome = compact(chrome)
    kept = {field: gold[field] for field, key in (("county", compact), ("township", _stem))
            if gold.get(field) and varied.get(field) is None and key(gold[field]) in chrome}
    number = gold.get("doc_number")
    if number and compact(number) in chrome and compact(varied.get("doc_number") or "") not in compact(text):
        kept["doc_number"] = number
    return {**varied, **kept} if kept else varied


def _stem(township: str) -> str:
    """新店坪 for 新店坪镇: the name a report may write without its suffix (我们新店坪, 法治新店坪建设)."""
    name = compact(township)
    return next((name[: -len(suffix)] for suffix in TOWN_SUFFIXES if name.endswith(suffix) and len(name) > len(suffix)),
                name)


def county_in_addressee(text: str, gold: dict) -> tuple[str, dict]:
    """The county named only in an addressee line under the title (中共XX县委、XX县人民政府：)."""
    county = gold.get("county")
    if not county:
        return text, gold
    lines = text.replace(county, "").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    lines.insert(first + 1, f"中共{county}委、{county}人民政府：")
    gold = deepcopy(gold)  # titles that named the county are quoted without it now
    gold["documents"] = [d.replace(county, "") for d in gold.get("documents") or []]
    gold["campaigns"] = [[c.replace(county, "") for c in node] for node in gold.get("campaigns") or []]
    return "\n".join(lines), gold


def shortcomings_inline(text: str, gold: dict) -> tuple[str, dict]:
    """The problems of a section as one paragraph 一是…；二是…；… in place of numbered items, each with its whole text.

    Each run of problem lines becomes its own paragraph: a sub-part title over a run (（一）客观方面,
    （二）原因分析) stays on its line, and so do the plans of a combined section.
    """
    kinds = [s["kind"] for s in gold.get("sections") or []]
    if "shortcomings" not in kinds:
        return text, gold
    index = kinds.index("shortcomings")
    lines = text.split("\n")
    roles = line_roles(lines, gold)
    heads = [i for i, role in enumerate(roles) if role == "section"]
    if index >= len(heads):
        return text, gold
    start = heads[index] + 1 + (roles[heads[index] + 1 : heads[index] + 2] == ["heading"])
    stop = heads[index + 1] if index + 1 < len(heads) else _closing(lines, start)
    problems = [compact(p)[:8] for p in gold.get("shortcomings") or [] if compact(p)]

    def is_problem(i: int) -> bool:
        return roles[i] == "item" and compact(split_marker(lines[i])[2]).startswith(tuple(problems))

    def titles_items(i: int) -> bool:  # （二）原因分析 over items, not a sentence numbered below a problem
        below = next((j for j in range(i + 1, stop) if lines[j].strip()), None)
        return below is not None and roles[below] == "item" and not re.search(r"[。；;]", lines[i])

    out, intro, run, blanks, sizes = [], [], [], [], []

    def close_run() -> None:
        if run:
            sizes.append(len(run))
            out.append("".join(intro) + "；".join(
                f"{cn_numeral(n)}是{p.rstrip('。；;')}" for n, p in enumerate(run, 1)) + "。")
        else:
            out.extend(intro)
        out.extend(blanks)  # the blank line that parts the list from the next heading stays
        intro.clear()
        run.clear()
        blanks.clear()

    for i in range(start, stop):
        line = lines[i].strip()
        if is_problem(i):
            run.append(split_marker(lines[i])[2].strip())
            blanks.clear()  # a blank line between two problems goes with the joining
        elif not line:
            (blanks if run else intro).append(lines[i])
        elif run and (roles[i] is None or roles[i] == "other" and not titles_items(i)):
            run[-1] += line  # the rest of a problem's paragraph, or a line numbered below it
            blanks.clear()
        elif roles[i] is None:
            intro.append(line)
        else:  # a sub-part title, or an item of another kind: it keeps its line
            close_run()
            out.append(lines[i])
    close_run()
    if not any(is_problem(i) for i in range(start, stop)):
        return text, gold  # the problems are not numbered lines (already 一是… or paragraphs)
    if len(sizes) >= 2 and max(sizes) == 1:
        return text, gold  # each problem with its remedy after it (→ …) is no list to join: 一是… 一是… reads as no one writes
    return "\n".join(lines[:start] + out + lines[stop:]), gold


_CLOSING_LINE_RE = re.compile(
    r"^(?:特此报告.*|.{0,30}(?:人民政府|办事处|委员会|党委)|[\d〇一二三四五六七八九十○零]{4}\s*年.{1,6}日)$")


def _closing(lines: list[str], start: int) -> int:
    """Where the signature and date begin after `start`, else the end."""
    i = len(lines) - 1
    while i > start and (not lines[i].strip() or _CLOSING_LINE_RE.match(lines[i].strip())):
        i -= 1
    return i + 1


def identity(text: str, gold: dict) -> tuple[str, dict]:
    return text, gold


LAYOUTS = (
    Layout("original", "the report as it is", identity),
    Layout("top-1.-items-(1)", "sections 1. 2., items （1）, deeper lines ①", renumber("num", "paren_num", "circled")),
    Layout("top-part-items-1.", "sections 第一部分, items 1., deeper lines （1）", renumber("part", "num", "paren_num")),
    Layout("top-(一)-items-①", "sections （一）, items ①, deeper lines （1）", renumber("paren_cn", "circled", "paren_num")),
    Layout("items-【】", "item headings in 【】 without numbers", bracket_items),
    Layout("hard-wrap", "lines cut every 32 characters, page footers and running heads", hard_wrap()),
    Layout("web-chrome", "page navigation, a metadata block and page tools", web_chrome),
    Layout("blank-lines", "a blank line between paragraphs", blank_lines),
    Layout("full-width-indent", "paragraphs indented by two full-width spaces", full_width_indent),
    Layout("markdown-bold", "headings in **bold**", markdown_bold),
    Layout("traditional", "traditional characters", traditional),
    Layout("combined-section", "problems and plans in one section with two sub-parts", combined_section),
    Layout("no-title", "title line removed", title_removed),
    Layout("county-in-addressee", "the county named only in an addressee line", county_in_addressee),
    Layout("problems-inline", "problems as one 一是…；二是… paragraph", shortcomings_inline),
    Layout("gb18030", "the file encoded in GB18030", identity, encoding="gb18030"),
)

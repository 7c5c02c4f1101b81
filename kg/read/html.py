"""Pages saved from government sites: the article's text without the site's chrome, and its 信息公开 fields.

Such a page holds a navigation bar, a breadcrumb, a table of 索引号/发布机构/文号/成文日期, the
title, the article, share buttons, related links and a footer. The article is the element holding
most of the page's non-link text in the fewest elements; the title is put back when it sits outside it.
"""

from __future__ import annotations

import re
from functools import cache, partial
from pathlib import Path

from kg.errors import ReadError
from kg.read.htmllists import ol_markers
from kg.read.text import decode
from kg.text import lexicon
import lxml.html
from lxml import etree

CHARSET_WINDOW = 4096  # bytes at the start of a page searched for its <meta charset>
MAX_FIELD_LINE = 300  # characters; a longer line is prose that happens to hold a label, not a field row
MAX_FIELD_VALUE = 120  # characters; a longer "value" ran on into the page
MAX_FIELD_TABLE = 600  # characters; a table this short holding two field labels is the 信息公开 block
ARTICLE_PROSE = 200  # CJK characters in <p>s that make a chrome-named wrapper the article's holder
ARTICLE_SHARE = 0.8  # the article holds at least this share of the page's non-link text
MIN_TITLE = 6  # CJK characters of a heading outside the article that is the article's title
MAX_SITE_NAME = 24  # characters of a site's name in a masthead or a description (某某自治县人民政府门户网站)

# What a <title> puts between the page's title and the site's name: ASCII and full-width bars, 丨 (a stroke sites use as
# a bar), underscores and dashes.
_TITLE_SEPARATORS = "_|｜丨\\-—–"
_TITLE_SEPARATOR_RE = re.compile(rf"^\s*[{_TITLE_SEPARATORS}]+\s*|\s*[{_TITLE_SEPARATORS}]+\s*$")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "select", "button", "input", "nav", "header",
              "footer", "aside", "template", "svg", "link", "meta", "head", "object", "embed")


_words = partial(lexicon.words, "html_chrome")  # the words of one use, in file order


@cache
def fields() -> dict[str, str]:
    """Label on the page → the metadata key we keep."""
    return {row["word"]: row["key"] for row in lexicon.table("html_chrome") if row["use"] == "field"}


@cache
def _patterns() -> dict[str, re.Pattern]:
    """The page rules' regexes, built once from ontology/lexicons/html_chrome.tsv."""
    # Sites align their labels by spreading them out with spaces (索 引 号, 文　　号).
    labels = lexicon.either(lexicon.longest_first(fields()), between="[ \u3000]*")
    not_separator = f"[^{_TITLE_SEPARATORS}】]*"
    return {
        "field": re.compile(
            rf"""(?P<label>{labels})\s*[:：\t|][\s|]*
                 (?P<value>[^\t\n|]*?)\s*
                 (?=(?:{labels})\s*[:：\t|]|[\t|\n]|$          # up to the next label or cell (tab or bar)
                    |[ \u3000]+[\u4e00-\u9fff]{{2,6}}[:：])     # or a space and a label we do not know (备案号：)""",
            re.VERBOSE,
        ),
        # A word of the class or id, between separators: nav, top-bar, xglj (相关链接)…
        "chrome": re.compile(rf"(?:^|[\s_-]){lexicon.either(_words('chrome_name'))}(?:$|[\s_-])", re.I),
        "crumb": re.compile(rf"(?:^|[\s_-]){lexicon.either(_words('crumb_name'))}(?:$|[\s_-])", re.I),
        # 关于…的报告_某某县人民政府网: the site's name after the last separator.
        "title_site": re.compile(
            rf"\s*[{_TITLE_SEPARATORS}]+\s*{not_separator}{lexicon.either(_words('site_word'))}{not_separator}$"
        ),
        # 某某县人民政府门户网站是…: a description that opens with the site's name.
        "description_site": re.compile(
            rf"([\u4e00-\u9fff]{{2,{MAX_SITE_NAME}}}?{lexicon.either(_words('site_word'))})(?=[是为,，、。;；]|$)"
        ),
        # 欢迎访问某某县人民政府网站！: the name welcomed to, up to its last site word.
        "welcome": re.compile(
            rf"欢迎(?:您)?(?:访问|光临|来到|浏览)\s*([\u4e00-\u9fff]{{2,{MAX_SITE_NAME}}}?"
            rf"{lexicon.either(_words('site_word'))}+)(?![\u4e00-\u9fff])"
        ),
        # 某某县人民政府-关于…的报告: some sites put their name first, or in brackets (【某某县人民政府】关于…).
        "site_title": re.compile(
            rf"^【?{not_separator}{lexicon.either(_words('site_word'))}{not_separator}?(?:】\s*|\s*[{_TITLE_SEPARATORS}]+\s*)"
        ),
    }


def _label_key(label: str) -> str:
    return fields()[_bare(label)]


_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
               "ul", "ol", "blockquote", "pre", "main", "dd", "dt", "dl", "center", "hr", "tbody", "thead"}
_CELL_TAGS = {"td", "th"}
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_REPORT_WORD_RE = re.compile(r"报告|总结")
_SPACE_RE = re.compile(r"[ \t\r\n\f]+")


def read_html_file(path: Path) -> tuple[str, str, tuple]:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(path, "empty file")
    page, encoding = _decode(data, path)
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(path, f"not a readable HTML page ({exc})") from exc
    page_title, site = _page_title(root)
    for element in root.iter(etree.Comment, etree.ProcessingInstruction):
        element.drop_tree() if element.getparent() is not None else None
    page_lines = _lines(root, cells="\t")  # the page's lines, read once for its owner, its fields and its welcome
    metadata = _metadata(root, page_lines)
    # The site's name after the <title>'s separator says whose portal this is: often the only place a page
    # names its county once the chrome is dropped. A <title> without it leaves the logo's alt text to say it.
    site = site or _meta_site(root) or _logo_name(root) or _masthead_name(root) or _welcomed_site(page_lines)
    if site:
        metadata.setdefault("网站", site)
    keywords = _meta_content(root, "keywords")
    if keywords:
        metadata.setdefault("关键词", keywords)
    # Content systems state the page's column and its source in the head as well (<meta name="ColumnName">,
    # "ContentSource", "author"): the column is the page's place in the site, as a breadcrumb's last step; the source
    # and the author are the office that posted it, as a 来源 field.
    for name, key in (("columnname", "栏目"), ("contentsource", "来源"), ("author", "来源")):
        content = _meta_content(root, name)
        if content:
            metadata.setdefault(key, content)
    crumb = _drop_chrome(root)
    # The breadcrumb steps through the portals the page sits in (首页 > Y市 > Y市Z县 > 乡镇): dropped with the
    # chrome, it is kept as a field, since it may be the only place that names the county.
    if crumb:
        metadata.setdefault("网页路径", crumb)
    body = root.find("body")
    body = root if body is None else body
    article = _article(body)
    lines = _lines(article)
    title = _title_outside(article, body) or metadata.get("标题") or page_title
    if title and not any(title in line or line in title for line in lines[:3] if len(line) >= 6):
        lines.insert(0, title)
    text = "\n".join(lines)
    if not _CJK_RE.search(text):
        raise ReadError(path, "HTML page holds no Chinese article text")
    return text, encoding, tuple(metadata.items())


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    declared = _CHARSET_RE.search(data[:CHARSET_WINDOW])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        # gb2312 and gbk pages routinely hold characters only their superset gb18030 has.
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def _page_title(root) -> tuple[str | None, str | None]:
    """The <title> without the site's name after its last separator, and that name."""
    node = root.find(".//title")
    if node is None or not (node.text_content() or "").strip():
        return None, None
    text = node.text_content().strip()
    # The site's name first (某某县人民政府-某乡…报告): the part after it is a report's title, the part before
    # none; a title that holds 政府 (法治政府) is not the site's name for that.
    first = _patterns()["site_title"].match(text)
    if first is not None and _REPORT_WORD_RE.search(text, first.end()) and not _REPORT_WORD_RE.search(first.group()):
        return text[first.end():].strip(), _TITLE_SEPARATOR_RE.sub("", first.group()).strip("【】 ") or None
    site = _patterns()["title_site"].search(text)
    if site is None:
        return text, None
    name = _TITLE_SEPARATOR_RE.sub("", site.group()).strip()
    return text[: site.start()].strip() or None, name or None


def _metadata(root, lines: list[str]) -> dict[str, str]:
    """The 信息公开 fields: label and value, whether in one cell, in two cells, or in a line of text (`lines`, the
    page's lines with its cells apart by tabs)."""
    found = _column_fields(root)
    for key, value in _definition_fields(root).items():
        found.setdefault(key, value)
    owner = _owner_before_label(lines)
    if owner:
        found.setdefault("主办单位", owner)
    for line in lines:
        if len(line) > MAX_FIELD_LINE:
            continue
        for match in _patterns()["field"].finditer(line):
            value = match.group("value").strip()
            key = _label_key(match.group("label"))
            if _new_value(found, key, value):
                found[key] = value
    return found


def _text_of(element) -> str:
    """An element's text with its runs of white space as one space, trimmed."""
    return _SPACE_RE.sub(" ", element.text_content()).strip()


def _new_value(found: dict[str, str], key: str, value: str) -> bool:
    """Whether `value` is a field's value not found yet: not empty, short enough, and no label itself (a row of labels
    alone, 索引号 | 主题分类 | 发文机关 …, has its values below)."""
    return bool(value) and key not in found and len(value) <= MAX_FIELD_VALUE and _bare(value) not in fields()


def _bare(label: str) -> str:
    return re.sub(r"[ \u3000:：]", "", label)


# A footer that names the site's owner before the word (Y县人民政府办公室主办, Y县人民政府 版权所有): the owner starts
# where the line or a space does and the word ends it.
# The owner is an office: its name ends as an organ's does (…人民政府, …办公室, …中心, …局, …委员会).
_OWNER_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s|]))([\u4e00-\u9fff（）()]{4,40}?(?:政府|办公室|中心|局|委员会))\s*(?:主办|版权所有)(?=$|[\s|])")
MAX_OWNER_LINE = 100  # characters; a sentence of the article (本次活动由…主办) is no footer


def _owner_before_label(lines: list[str]) -> str | None:
    """The site's owner a footer names before 主办 or 版权所有 rather than after a label."""
    for line in lines:
        if len(line) <= MAX_OWNER_LINE and "。" not in line:
            match = _OWNER_BEFORE_RE.search(line)
            if match:
                return match.group(1)
    return None


def _welcomed_site(lines: list[str]) -> str | None:
    """The site's name a welcome line gives (欢迎访问Y县人民政府网站！今天是…), as older sites laid out in tables
    print it above the page, with no class or masthead to tell it by."""
    for line in lines:
        if len(line) <= MAX_OWNER_LINE:
            named = _patterns()["welcome"].search(line)
            if named:
                return named.group(1)
    return None


def _definition_fields(root) -> dict[str, str]:
    """Fields of a definition list: each <dt> a label, the <dd> after it its value (<dt>发布机构：</dt><dd>…</dd>)."""
    found: dict[str, str] = {}
    for term in root.iter("dt"):
        value = term.getnext()
        label = _bare(term.text_content())
        if value is None or value.tag != "dd" or label not in fields():
            continue
        text = _text_of(value)
        key = fields()[label]
        if _new_value(found, key, text):
            found[key] = text
    return found


def _column_fields(root) -> dict[str, str]:
    """Fields of a table that gives a row of labels over a row of their values, one column a field."""
    found: dict[str, str] = {}
    for table in root.iter("table"):
        rows = [[_text_of(cell) for cell in row.iter("td", "th")]
                for row in table.iter("tr")]
        for labels, values in zip(rows, rows[1:]):
            if len(labels) < 2 or len(labels) != len(values) or not all(_bare(label) in fields() for label in labels):
                continue
            for label, value in zip(labels, values):
                key = fields()[_bare(label)]
                if _new_value(found, key, value):
                    found[key] = value
    return found


def _drop_chrome(root) -> str | None:
    """Drop the site's chrome; the text of the first breadcrumb dropped with it, if any."""
    crumb = None
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            crumb = crumb or _crumb(element)
            element.drop_tree()
    for element in list(root.iter()):
        if element.getparent() is None or not isinstance(element.tag, str) or element.tag == "body":
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if _patterns()["chrome"].search(names) and not _holds_article(element):
            crumb = crumb or _crumb(element)
            element.drop_tree()
        elif element.tag == "table" and _is_field_table(element):
            element.drop_tree()
    return crumb


MAX_CRUMB = 160  # characters of a breadcrumb: a longer run of steps is a menu or a list of links
# A breadcrumb's steps: >, », ›, → between words, or a slash with spaces round it (首页 / 政务公开 / …).
_CRUMB_STEP_RE = re.compile(r"\s*(?:>+|»|›|→)\s*|\s/\s")


def _crumb(element) -> str | None:
    """The element's text when it is a breadcrumb: short, and at least two steps deep. An element named as a
    breadcrumb may draw its separators with style alone: its list items or links are its steps."""
    text = _text_of(element)
    if len(text) > MAX_CRUMB or not _CJK_RE.search(text):
        return None
    if len(_CRUMB_STEP_RE.findall(text)) >= 2:
        return text
    if not _patterns()["crumb"].search(f"{element.get('class', '')} {element.get('id', '')}"):
        return None
    steps = [_text_of(step) for step in element.iter("li")] or \
            [_text_of(step) for step in element.iter("a")]
    steps = [step for step in steps if step]
    return " > ".join(steps) if len(steps) >= 2 else None


def _meta_content(root, name: str, attribute: str = "name") -> str | None:
    """A <meta name=…>'s content (or the meta's `attribute`, as og: properties use) when it holds Chinese and is
    short enough to be a field, not a page's text."""
    for meta in root.iter("meta"):
        if (meta.get(attribute) or "").lower() == name:
            content = _SPACE_RE.sub(" ", meta.get("content") or "").strip()
            if _CJK_RE.search(content) and len(content) <= MAX_FIELD_VALUE:
                return content
    return None


def _meta_site(root) -> str | None:
    """The site's name as content management systems state it in the page's head: <meta name="SiteName" …>,
    <meta property="og:site_name" …>, or the name a site's description opens with (Y县人民政府门户网站是…)."""
    return _meta_content(root, "sitename") or _meta_content(root, "og:site_name", "property") \
        or _description_site(root)


def _description_site(root) -> str | None:
    """The site's name a <meta name="description"> opens with, when it opens with one: a run of words ending in a
    site word before 是, 为, a comma or the end (an article's summary opens with its year or its own subject)."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "description":
            named = _patterns()["description_site"].match(_SPACE_RE.sub("", meta.get("content") or ""))
            return named.group(1) if named else None
    return None


def _masthead_name(root) -> str | None:
    """The site's name as the text of the page's masthead (<header><div class="site-title">Y县人民政府</div>): a
    short piece of text inside a <header> or an element named as chrome, outside any link (links lead to other
    sites), whose last word is a site word."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("a", "title", "head", "script", "style"):
            continue
        text = _SPACE_RE.sub("", element.text or "")
        if not text or len(text) > MAX_SITE_NAME or not _CJK_RE.search(text) or not _names_site(text):
            continue
        chain = list(element.iterancestors()) + [element]
        if any(node.tag == "a" for node in chain):
            continue
        if any(node.tag == "header" or _patterns()["chrome"].search(f"{node.get('class', '')} {node.get('id', '')}")
               for node in chain if isinstance(node.tag, str) and node.tag != "body"):
            return text
    return None


def _names_site(text: str) -> bool:
    """Whether a text ends as a site's name does: with a site word (人民政府, 门户网站, 政府网)."""
    return text.endswith(tuple(_words("site_word")))


def _logo_name(root) -> str | None:
    """The site's name as the alt text of an image (the portal's logo: <img alt="Y县人民政府">), when one
    names a site: its last word is a site word (人民政府, 门户网站, 政府网)."""
    for image in root.iter("img"):
        alt = _SPACE_RE.sub("", image.get("alt") or "")
        if _CJK_RE.search(alt) and len(alt) <= MAX_FIELD_VALUE and _names_site(alt):
            return alt
    return None


def _holds_article(element) -> bool:
    """Some sites wrap the whole page in a div named like chrome; such a div holds paragraphs of prose."""
    return sum(len(_CJK_RE.findall(p.text_content())) for p in element.iter("p")) > ARTICLE_PROSE


def _is_field_table(element) -> bool:
    text = element.text_content()
    return len(text) < MAX_FIELD_TABLE and sum(1 for label in _words("table_label") if label in text) >= 2


def _own_text(element) -> int:
    """CJK characters in an element, links excluded: link text is navigation."""
    total = len(_CJK_RE.findall(element.text_content()))
    links = sum(len(_CJK_RE.findall(a.text_content())) for a in element.iter("a"))
    return total - links


def _article(body):
    """The deepest element holding nearly all of the page's non-link text."""
    total = _own_text(body)
    best = body
    for element in body.iter("div", "td", "article", "section", "main", "center"):
        if _own_text(element) >= ARTICLE_SHARE * total and _depth(element) > _depth(best):
            best = element
    return best


def _depth(element) -> int:
    return sum(1 for _ in element.iterancestors())


def _title_outside(article, body) -> str | None:
    if article is body:
        return None
    for element in body.iter("h1", "h2", "h3"):
        if article not in element.iterancestors() and element is not article:
            text = _text_of(element)
            if len(_CJK_RE.findall(text)) >= MIN_TITLE:
                return text
    return None


def _lines(element, cells: str = "\t") -> list[str]:
    """Visible text, one line per block element; table cells separated by `cells`; list numbers drawn."""
    parts: list[str] = []
    _walk(element, parts, cells, [])
    text = "".join(parts)
    lines = (line.strip(" \t\u3000\u00a0") for line in text.split("\n"))
    return [line for line in lines if line]


def _walk(element, parts: list[str], cells: str, pending: list[str]) -> None:
    """Append the element's text to `parts`; `pending` holds a list number waiting for its item's first text."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _BLOCK_TAGS:
        parts.append("\n")
    if element.text and tag:
        _emit(parts, _SPACE_RE.sub(" ", element.text), pending)
    markers = ol_markers(element) if tag == "ol" else {}
    for child in element:
        marker = markers.get(child)
        if marker:
            if pending:  # an item holding only a list: its number stands on a line of its own
                parts.append("\n" + pending.pop() + "\n")
            pending.append(marker)
        _walk(child, parts, cells, pending)
        if marker and pending:
            pending.pop()  # an empty item: nothing to number
        if child.tail:
            _emit(parts, _SPACE_RE.sub(" ", child.tail), pending)
    if tag in _CELL_TAGS:
        parts.append(cells)
    elif tag in _BLOCK_TAGS:
        parts.append("\n")


def _emit(parts: list[str], text: str, pending: list[str]) -> None:
    if pending and text.strip():
        parts.append(pending.pop())
        text = text.lstrip()
    parts.append(text)

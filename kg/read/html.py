"""Pages saved from government sites: the article's text without the site's chrome, and its 信息公开 fields.

Such a page holds a navigation bar, a breadcrumb, a table of 索引号/发布机构/文号/成文日期, the
title, the article, share buttons, related links and a footer. The article is the element holding
most of the page's non-link text in the fewest elements; the title is put back when it sits outside it.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import ReadError
from kg.read.text import decode

# Label on the page → the metadata key we keep.
FIELDS = {
    "索引号": "索引号", "发布机构": "发布机构", "发文机关": "发布机构", "发布单位": "发布机构",
    "文号": "文号", "发文字号": "文号", "成文日期": "成文日期", "发文日期": "成文日期",
    "发布日期": "发布日期", "公开日期": "发布日期", "主题分类": "主题分类", "标题": "标题", "名称": "标题",
}
_FIELD_RE = re.compile(
    r"(?P<label>" + "|".join(sorted(FIELDS, key=len, reverse=True)) + r")\s*[:：\t]\s*"
    r"(?P<value>[^\t\n]*?)\s*(?=(?:" + "|".join(FIELDS) + r")\s*[:：\t]|\t|\n|$)"
)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "select", "button", "input", "nav", "header",
              "footer", "aside", "template", "svg", "link", "meta", "head", "object", "embed")
_CHROME_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|breadcrumb|crumb|position|"
    r"location|share|bshare|toolbar|sidebar|side|related|relate|xgxx|xglj|copyright|banner|search|login|"
    r"print|fontsize|zh-tw|jianfan)(?:$|[\s_-])", re.I,
)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
               "ul", "ol", "blockquote", "pre", "main", "dd", "dt", "dl", "center", "hr", "tbody", "thead"}
_CELL_TAGS = {"td", "th"}
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_SPACE_RE = re.compile(r"[ \t\r\n\f]+")
_TITLE_SITE_RE = re.compile(r"\s*[_|\-—–]\s*[^_|\-—–]*(?:网|网站|门户|政府|人民政府)[^_|\-—–]*$")


def read_html_file(path: Path) -> tuple[str, str, tuple]:
    import lxml.html
    from lxml import etree

    data = path.read_bytes()
    if not data.strip():
        raise ReadError(path, "empty file")
    page, encoding = _decode(data, path)
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(path, f"not a readable HTML page ({exc})") from exc
    page_title = _page_title(root)
    for element in root.iter(etree.Comment, etree.ProcessingInstruction):
        element.drop_tree() if element.getparent() is not None else None
    metadata = _metadata(root)
    _drop_chrome(root)
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
    declared = _CHARSET_RE.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        # gb2312 and gbk pages routinely hold characters only their superset gb18030 has.
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def _page_title(root) -> str | None:
    node = root.find(".//title")
    if node is None or not (node.text_content() or "").strip():
        return None
    return _TITLE_SITE_RE.sub("", node.text_content().strip()) or None


def _metadata(root) -> dict[str, str]:
    """The 信息公开 fields: label and value, whether in one cell, in two cells, or in a line of text."""
    found: dict[str, str] = {}
    for line in _lines(root, cells="\t"):
        if len(line) > 300:
            continue
        for match in _FIELD_RE.finditer(line):
            value = match.group("value").strip()
            key = FIELDS[match.group("label")]
            if value and key not in found and len(value) <= 120:
                found[key] = value
    return found


def _drop_chrome(root) -> None:
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in list(root.iter()):
        if element.getparent() is None or not isinstance(element.tag, str) or element.tag == "body":
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if _CHROME_RE.search(names) and not _holds_article(element):
            element.drop_tree()
        elif element.tag == "table" and _is_field_table(element):
            element.drop_tree()


def _holds_article(element) -> bool:
    """Some sites wrap the whole page in a div named like chrome; such a div holds paragraphs of prose."""
    return sum(len(_CJK_RE.findall(p.text_content())) for p in element.iter("p")) > 200


def _is_field_table(element) -> bool:
    text = element.text_content()
    return len(text) < 600 and sum(1 for label in ("索引号", "发布机构", "文号", "成文日期", "发布日期") if label in text) >= 2


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
        if _own_text(element) >= 0.8 * total and _depth(element) > _depth(best):
            best = element
    return best


def _depth(element) -> int:
    return sum(1 for _ in element.iterancestors())


def _title_outside(article, body) -> str | None:
    if article is body:
        return None
    for element in body.iter("h1", "h2", "h3"):
        if article not in element.iterancestors() and element is not article:
            text = _SPACE_RE.sub(" ", element.text_content()).strip()
            if len(_CJK_RE.findall(text)) >= 6:
                return text
    return None


def _lines(element, cells: str = "\t") -> list[str]:
    """Visible text, one line per block element; table cells separated by `cells`."""
    parts: list[str] = []
    _walk(element, parts, cells)
    text = "".join(parts)
    lines = (line.strip(" \t\u3000\u00a0") for line in text.split("\n"))
    return [line for line in lines if line]


def _walk(element, parts: list[str], cells: str) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _BLOCK_TAGS:
        parts.append("\n")
    if element.text and tag:
        parts.append(_SPACE_RE.sub(" ", element.text))
    for child in element:
        _walk(child, parts, cells)
        if child.tail:
            parts.append(_SPACE_RE.sub(" ", child.tail))
    if tag in _CELL_TAGS:
        parts.append(cells)
    elif tag in _BLOCK_TAGS:
        parts.append("\n")

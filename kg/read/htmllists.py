"""The numbers a browser draws before the items of an <ol>: they are not in the page's text.

The style comes from the list's type attribute or its inline list-style(-type), an item's own style
winning; the count from start, reversed and each item's value, as HTML defines them.

A list whose items already open with a typed number (一、 （一） 1.) draws none: the site's stylesheet,
which a saved page seldom carries, hides the browser's numbers (reset stylesheets set list-style: none),
or the page would show every number twice.
"""

from __future__ import annotations

import re

from itertools import islice

from kg.read.counters import CSS_STYLES, HTML_TYPES
from kg.text.numbering import NUMBERED, opens_numbered

OPENING = 12  # characters of an item's text looked at for a typed number
# A bullet or a bracketed heading typed before an item stands where the browser's number would.
_TYPED = NUMBERED + ("bracket", "bullet")

_STYLE_RE = re.compile(r"list-style(?:-type)?\s*:\s*([^;\"']*)", re.I)
_INT_RE = re.compile(r"\s*(-?\d{1,9})\s*$")  # browsers clamp larger values; such a list is not a report's


def _style(element, inherited: str | None) -> str | None:
    """The list-style-type this element sets ('none' for none), or what it inherits."""
    declared = _STYLE_RE.findall(element.get("style") or "")
    for value in reversed(declared):  # the last declaration wins
        for word in value.lower().split():
            if word == "none" or word in CSS_STYLES:
                return word
    kind = element.get("type")
    if kind in HTML_TYPES:
        return HTML_TYPES[kind]
    return inherited


def _int(value: str | None) -> int | None:
    match = _INT_RE.match(value) if value else None
    return int(match.group(1)) if match else None


def ol_markers(ol) -> dict:
    """Each <li> child of this <ol> → the number drawn before it with its mark (一、 1. iii.), or ""."""
    items = [child for child in ol if isinstance(child.tag, str) and child.tag == "li"]
    if any(opens_numbered(_opening(item), _TYPED) for item in items):
        return {}
    backwards = ol.get("reversed") is not None
    step = -1 if backwards else 1
    start = _int(ol.get("start"))
    value = start if start is not None else (len(items) if backwards else 1)
    shown = _style(ol, "decimal")
    markers = {}
    for item in items:
        own = _int(item.get("value"))
        value = own if own is not None else value
        style = _style(item, shown)
        if style in CSS_STYLES:
            draw, mark = CSS_STYLES[style]
            markers[item] = draw(value) + mark
        else:
            markers[item] = ""
        value += step
    return markers


def _opening(item) -> str:
    """The first characters of an item's text, without reading the rest of a long or deep item."""
    text = ""
    for piece in islice(item.itertext(), 50):
        text += piece.lstrip() if not text else piece
        if len(text) >= OPENING:
            break
    return text[:OPENING]

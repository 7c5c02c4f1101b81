"""A panel of kg.viz.static as inline SVG: no script, no link, every text from a report escaped."""

from __future__ import annotations

from markupsafe import Markup, escape

from kg.viz.static import FONT, SMALL, Marker, Panel, Route

FONT_FAMILY = "'SimHei', '黑体', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
_ANCHORS = {"start", "middle", "end"}


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _points(points) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _marker(m: Marker) -> str:
    points = m.points()
    if not points:
        return f'<circle cx="{_n(m.cx)}" cy="{_n(m.cy)}" r="{_n(m.r)}" fill="{m.fill}" stroke="{m.stroke}"/>'
    return f'<polygon points="{_points(points)}" fill="{m.fill}" stroke="{m.stroke}"/>'


def _route(r: Route, arrow: bool = True) -> str:
    dash = ' stroke-dasharray="6 4"' if r.dashed else ""
    out = [f'<polyline points="{_points(r.points)}" fill="none" stroke="{r.color}" stroke-width="{_n(r.width)}"{dash}/>']
    if arrow:
        out.append(f'<polygon points="{_points(r.arrow())}" fill="{r.color}"/>')
    if r.label:
        x, y = r.label_at
        out.append(f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="end" class="score">{escape(r.label)}</text>')
    return "".join(out)


def panel_svg(panel: Panel, element_id: str = "") -> Markup:
    """One panel as an <svg> element that scales to the width it is given and keeps its proportions."""
    ident = f' id="{escape(element_id)}"' if element_id else ""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg"{ident} class="kg-static" viewBox="0 0 {_n(panel.width)} '
           f'{_n(panel.height)}" role="img" aria-label="{escape(panel.title)}" font-family="{FONT_FAMILY}">',
           f'<style>text {{ fill: #17202a; }} .score {{ font-size: {_n(SMALL)}px; fill: #424949; paint-order: stroke; '
           'stroke: #ffffff; stroke-width: 3px; }</style>',
           f'<rect width="{_n(panel.width)}" height="{_n(panel.height)}" fill="#ffffff"/>']
    for route in panel.routes:
        out.append(_route(route))
    for box in panel.boxes:
        out.append(f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" rx="4" '
                   f'fill="#ffffff" stroke="{box.border}" stroke-width="{_n(box.border_width)}"/>')
        out.append(_marker(box.marker))
        for line, baseline in zip(box.lines, box.baselines()):
            out.append(f'<text x="{_n(box.text_x)}" y="{_n(baseline)}" font-size="{_n(FONT)}">{escape(line)}</text>')
    for marker in panel.markers:
        out.append(_marker(marker))
    for key in panel.keys:
        out.append(_route(key, arrow=False))
    for text in panel.texts:
        anchor = text.anchor if text.anchor in _ANCHORS else "start"
        weight = ' font-weight="bold"' if text.bold else ""
        out.append(f'<text x="{_n(text.x)}" y="{_n(text.y)}" font-size="{_n(text.size)}" text-anchor="{anchor}" '
                   f'style="fill: {text.color}"{weight}>{escape(text.text)}</text>')
    out.append("</svg>")
    return Markup("".join(out))

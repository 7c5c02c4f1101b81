"""A panel of kg.viz.static as a PNG, for Word: Pillow draws the geometry the page's SVG draws."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

from kg.viz.fonts import Face
from kg.viz.static import FONT, SMALL, Marker, Panel, Route

SCALE = 3.0  # pixels per layout unit: about 330 dpi at the 170 mm the Word page gives the picture
DASH, GAP = 6.0, 4.0  # as the SVG's stroke-dasharray
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}  # Pillow's anchors: horizontal, then the baseline


def _xy(point) -> tuple[float, float]:
    return point[0] * SCALE, point[1] * SCALE


def _dashes(points):
    """The pieces of a polyline a dashed stroke draws, the pattern carried on round its corners."""
    on, left = True, DASH
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        length, done = math.hypot(x2 - x1, y2 - y1), 0.0
        while done < length:
            step = min(left, length - done)
            if on:
                t1, t2 = done / length, (done + step) / length
                yield (x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1), (x1 + (x2 - x1) * t2, y1 + (y2 - y1) * t2)
            done += step
            left -= step
            if left <= 1e-9:
                on = not on
                left = DASH if on else GAP


def _route(draw: ImageDraw.ImageDraw, route: Route, face: Face, arrow: bool = True) -> None:
    width = max(1, round(route.width * SCALE))
    if route.dashed:
        for start, end in _dashes(route.points):
            draw.line([_xy(start), _xy(end)], fill=route.color, width=width)
    else:
        draw.line([_xy(p) for p in route.points], fill=route.color, width=width, joint="curve")
    if arrow:
        draw.polygon([_xy(p) for p in route.arrow()], fill=route.color)
    if route.label:
        draw.text(_xy(route.label_at), route.label, font=face.at(SMALL * SCALE), fill="#424949", anchor="rs",
                  stroke_width=round(1.5 * SCALE), stroke_fill="#ffffff")


def _marker(draw: ImageDraw.ImageDraw, marker: Marker) -> None:
    points = marker.points()
    if points:
        draw.polygon([_xy(p) for p in points], fill=marker.fill, outline=marker.stroke)
    else:
        (x, y), r = _xy((marker.cx, marker.cy)), marker.r * SCALE
        draw.ellipse([x - r, y - r, x + r, y + r], fill=marker.fill, outline=marker.stroke)


def panel_png(panel: Panel, face: Face) -> bytes:
    """One panel as PNG bytes, drawn with `face` (a font that draws Chinese: kg.viz.fonts.chinese_font)."""
    image = Image.new("RGB", (math.ceil(panel.width * SCALE), math.ceil(panel.height * SCALE)), "#ffffff")
    draw = ImageDraw.Draw(image)
    label = face.at(FONT * SCALE)
    for route in panel.routes:
        _route(draw, route, face)
    for box in panel.boxes:
        draw.rounded_rectangle([*_xy((box.x, box.y)), *_xy((box.x + box.width, box.y + box.height))], radius=4 * SCALE,
                               fill="#ffffff", outline=box.border, width=max(1, round(box.border_width * SCALE)))
        _marker(draw, box.marker)
        for line, baseline in zip(box.lines, box.baselines()):
            draw.text(_xy((box.text_x, baseline)), line, font=label, fill="#17202a", anchor="ls")
    for marker in panel.markers:
        _marker(draw, marker)
    for key in panel.keys:
        _route(draw, key, face, arrow=False)
    for text in panel.texts:
        # a bold face is not always installed; a stroke in the text's own colour thickens the regular one
        draw.text(_xy((text.x, text.y)), text.text, font=face.at(text.size * SCALE), fill=text.color,
                  anchor=_ANCHORS.get(text.anchor, "ls"), stroke_width=1 if text.bold else 0, stroke_fill=text.color)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

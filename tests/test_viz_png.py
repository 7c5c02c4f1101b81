"""The Word briefing's picture: the fixed drawing rasterised with a font that draws Chinese, dashes and all."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from viz_sample import township

from kg.viz.fonts import ENVIRONMENT, Face, chinese_font
from kg.viz.png import SCALE, panel_png
from kg.viz.static import follow_panels
from kg.viz.style import relationship_styles
from kg.viz.views import chains_graph


@pytest.fixture(scope="module")
def face():
    found = chinese_font()
    if found is None:
        pytest.skip("no font here draws Chinese")
    return found


def test_the_font_found_draws_chinese_and_a_face_index_can_be_named(face, monkeypatch):
    font = face.at(40)
    assert font.getmask("问").getbbox() and bytes(font.getmask("问")) != bytes(font.getmask("题"))
    monkeypatch.setenv(ENVIRONMENT, f"{face.path}:{face.index}")
    assert chinese_font() == Face(face.path, face.index)


def test_the_picture_has_the_panel_s_proportions_and_a_dashed_recurrence(face):
    panel = follow_panels(chains_graph(township(hostile=True)), {2023: True, 2024: False})[0]
    image = Image.open(io.BytesIO(panel_png(panel, face))).convert("RGB")
    assert abs(image.size[0] / image.size[1] - panel.width / panel.height) < 0.01 and image.size[0] >= panel.width * SCALE
    recurs = next(r for r in panel.routes if r.color == relationship_styles()["RECURS"].color)
    (x1, y), (x2, _) = recurs.points[2], recurs.points[3]  # the lane under the row
    target = tuple(int(recurs.color[i:i + 2], 16) for i in (1, 3, 5))
    row = [image.getpixel((round(x * SCALE), round(y * SCALE))) for x in range(int(x1) + 1, int(x2) - 1)]
    red = [sum(abs(a - b) for a, b in zip(pixel, target)) < 60 for pixel in row]
    assert 0.4 < sum(red) / len(red) < 0.8  # dashed: about 6 on, 4 off
    text = image.crop(tuple(round(v * SCALE) for v in (panel.boxes[0].text_x, panel.boxes[0].y,
                                                        panel.boxes[0].x + panel.boxes[0].width,
                                                        panel.boxes[0].y + panel.boxes[0].height)))
    dark = sum(1 for pixel in text.convert("L").tobytes() if pixel < 100)
    assert dark > 300  # the label is drawn, not left blank

"""Finding a font that draws Chinese, for pictures made outside a browser (the Word briefing's PNG).

A browser falls back through the page's font list on its own; Pillow draws with the one file it is
given, and a Latin font draws every Chinese character as the same empty box. So a font is taken only
after it has drawn two different characters differently.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

ENVIRONMENT = "KG_CJK_FONT"  # a font file (optionally "file:face-index") to use instead of searching
# Sans faces first: the drawing is a diagram, as the page's SVG asks for 黑体 / Noto Sans CJK.
PATTERNS = ("Noto Sans CJK SC:lang=zh-cn", "Source Han Sans SC:lang=zh-cn", "SimHei:lang=zh-cn",
            "Microsoft YaHei:lang=zh-cn", ":lang=zh-cn")
# Where the usual Chinese fonts live when fontconfig is not there to ask (Windows, macOS, slim images).
KNOWN_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/msyh.ttc",
)
MISSING = ("（此处为问题整改跟踪图：生成图片需要中文字体，本机未找到。请安装 Noto Sans CJK 等中文字体，"
           f"或以环境变量 {ENVIRONMENT} 指定字体文件后重新生成。）")


@dataclass(frozen=True)
class Face:
    path: str
    index: int = 0

    def at(self, size: float) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(self.path, max(1, round(size)), index=self.index)


def _draws_chinese(face: Face) -> bool:
    """Two different characters drawn differently: a font without them draws the same box for both."""
    try:
        font = face.at(32)
        first, second = font.getmask("问"), font.getmask("题")
    except (OSError, ValueError):
        return False
    return first.getbbox() is not None and bytes(first) != bytes(second)


def _simplified(path: str) -> list[Face]:
    """The faces of a file, a collection's Simplified Chinese face first."""
    faces = []
    for index in range(16):
        try:
            family = ImageFont.truetype(path, 12, index=index).getname()[0] or ""
        except (OSError, ValueError):
            break
        faces.append((0 if family.endswith(" SC") or "SC" in family.split() else 1, index))
    return [Face(path, index) for _, index in sorted(faces)]


def _fontconfig() -> Iterator[Face]:
    """fontconfig's best match for each pattern, asked one at a time: the first that draws Chinese ends the search."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return
    for pattern in PATTERNS:
        try:
            found = subprocess.run([fc_match, "-f", "%{file}|%{index}", pattern], capture_output=True, text=True,
                                   timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return
        path, _, index = found.partition("|")
        if path and index.isdigit():
            yield Face(path, int(index))


def _known_files() -> Iterator[Face]:
    for path in KNOWN_FILES:
        if Path(path).is_file():
            yield from _simplified(path)


def _named(value: str) -> Face:
    path, colon, index = value.rpartition(":")
    return Face(path, int(index)) if colon and index.isdigit() and path else Face(value)


@lru_cache(maxsize=4)
def _find(setting: str | None) -> Face | None:
    if setting:  # the user's choice stands alone: a wrong one is reported, not silently replaced
        candidates: Iterable[Face] = [_named(setting)]
    else:
        candidates = itertools.chain(_fontconfig(), _known_files())
    return next((face for face in candidates if _draws_chinese(face)), None)


def chinese_font() -> Face | None:
    """A font face that draws Chinese: $KG_CJK_FONT if set, else fontconfig's choice, else a known file; None if none."""
    return _find(os.environ.get(ENVIRONMENT) or None)

"""What a printed page holds: the text of each PDF page, its page-number footer, a picture's colours; Word's footer."""

from __future__ import annotations

import io
import logging
import re
import unicodedata

from pdfminer.high_level import extract_pages
from PIL import Image

# A4 less the township briefing's @page margins (14 mm each side, 15 mm top, 17 mm bottom), in CSS pixels.
CONTENT_WIDTH, CONTENT_HEIGHT = round((210 - 28) / 25.4 * 96), round((297 - 32) / 25.4 * 96)
# The official style of a page number: a dash each side, "— 1 —"; digits and dashes come out of a PDF intact.
FOOTER = re.compile(r"—\s*(\d+)\s*—")


def coloured_pixels(png: bytes, colour: str, within: int = 48) -> int:
    """Pixels of a picture close to a #rrggbb colour: anti-aliased edges of lines and markers count too."""
    target = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    data = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if sum(abs(a - b) for a, b in zip(data[i:i + 3], target)) <= within)


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, NFKC-folded: pdfminer gives some CJK characters as their radical look-alikes."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns on every font Chromium subsets
    return [unicodedata.normalize("NFKC", "".join(getattr(el, "get_text", lambda: "")() for el in page))
            for page in extract_pages(io.BytesIO(pdf))]


def page_numbers(pages: list[str]) -> list[list[str]]:
    """The page numbers each page's text holds in the official style."""
    return [FOOTER.findall(text) for text in pages]


def word_footer(doc) -> str:
    """The first section's footer as a reader sees it, each field written as {INSTRUCTION}."""
    from docx.oxml.ns import qn

    out = []
    for paragraph in doc.sections[0].footer.paragraphs:
        for child in paragraph._p:
            if child.tag == qn("w:fldSimple"):
                out.append("{" + child.get(qn("w:instr")).strip() + "}")
            elif child.tag == qn("w:r"):
                out.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
    return "".join(out)

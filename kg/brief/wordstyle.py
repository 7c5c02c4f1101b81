"""How both Word briefings look: A4, the fonts of a Chinese government briefing, `— 1 —` at each page's foot.

Headings are set in 黑体 and the body in 仿宋, as county offices write their own briefings; digits and
Latin letters in Times New Roman. Word and LibreOffice put their own Chinese font in for one that is
missing, as they do for any document written on another machine.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HEADING_FONT, BODY_FONT, NUMBER_FONT, LATIN_FONT = "黑体", "仿宋", "宋体", "Times New Roman"
BLACK = RGBColor(0, 0, 0)
HEADINGS = ("Title", "Heading 1", "Heading 2")
# Word's default template names theme fonts, which win over a named font: they are taken off.
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
TEXT_WIDTH = Mm(170)  # A4 less the 20 mm margins each side


def set_fonts(element, east_asian: str, latin: str = LATIN_FONT) -> None:
    """Name the Chinese and the Latin font of a style's or a run's properties, theme fonts removed."""
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def _page_number(paragraph) -> None:
    """`— n —`, n being Word's PAGE field, so every page shows its own number however the text flows."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    runs = [paragraph.add_run("— "), paragraph.add_run("1"), paragraph.add_run(" —")]  # "1": before Word counts
    for run in runs:
        run.font.size = Pt(10.5)
        set_fonts(run._r, NUMBER_FONT)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    runs[1]._r.addprevious(field)
    field.append(runs[1]._r)


def briefing_document(title: str):
    """An empty A4 briefing: styles set, the title in the file's properties, page numbers in the footer."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    set_fonts(normal.element, BODY_FONT)
    for name in ("Quote", "List Number"):
        set_fonts(doc.styles[name].element, BODY_FONT)
    for name in HEADINGS:
        style = doc.styles[name]
        set_fonts(style.element, HEADING_FONT)
        style.font.bold = True
        style.font.color.rgb = BLACK
    doc.styles["Title"].font.size = Pt(20)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(section.footer.paragraphs[0])
    doc.core_properties.title = title
    return doc

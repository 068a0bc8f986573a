"""The Word documents' common ground (python-docx): a new A4 document set for Chinese, its runs,
headings and page footer, and the reproducible save — the paper, 答题卡 and handout of
:mod:`studykit.render.docx` are built on it.

Chinese typography, so Word, WPS and LibreOffice set the text as a Chinese document:

* the document's East Asian language is zh-CN (``w:lang w:eastAsia`` in the
  document defaults and ``w:themeFontLang`` in the settings; python-docx's
  template says ja-JP), and every run names its East Asian font explicitly
  (``w:rFonts w:eastAsia``), so Chinese never falls back to a Japanese font;
* a run holding Chinese text carries the East Asian font hint
  (``w:rFonts w:hint="eastAsia"``), so the quotation marks “ ” that Chinese
  shares with English are set full-width, in 宋体;
* Latin letters and digits use Times New Roman;
* the title is in the Heading 1 style and each section heading in Heading 2
  (both 黑体, black), so Word's navigation pane lists them.

Every page's footer reads ``第 1 页 共 2 页``: real ``PAGE`` and ``NUMPAGES`` fields
(ECMA-376 §17.16, complex fields ``w:fldChar``/``w:instrText``), so Word, WPS and
LibreOffice count the pages themselves.  A document saved by :func:`reproducible` is
byte-for-byte reproducible: the core properties carry a fixed date and the zip is rewritten
with fixed entry times (python-docx stamps the current time on both).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(10.5)  # 五号
#: The date written into the core properties and zip entries (no real timestamp, for reproducibility).
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
#: The document's languages: Latin text English, East Asian text Simplified Chinese.
LANGUAGE, EAST_ASIAN_LANGUAGE = "en-US", "zh-CN"
#: Heading 1 (the title) and Heading 2 (a section): size, space before and after.
TITLE_SIZE, SECTION_SIZE = Pt(16), Pt(12)
#: Characters that make a run Chinese text (CJK ideographs, CJK and full-width punctuation).
_CHINESE_RE = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(rpr: Any, east_asia: str) -> Any:
    """Name the Latin and East Asian fonts in ``rpr`` (a ``w:rPr``), dropping theme fonts; its ``w:rFonts``."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_FONTS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)
    return fonts


def set_font(target: Any, east_asia: str) -> None:
    """Set Latin and East Asian fonts on a run or style (``w:rFonts`` ascii/hAnsi and eastAsia)."""
    set_fonts(target.element.get_or_add_rPr(), east_asia)


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    heading: bool = False,
    bold: bool = False,
    underline: bool = False,
    size: Pt | None = None,
) -> None:
    run = paragraph.add_run(text)
    fonts = set_fonts(run._r.get_or_add_rPr(), HEADING_FONT if heading else BODY_FONT)
    if _CHINESE_RE.search(text):
        fonts.set(qn("w:hint"), "eastAsia")
    run.font.size = size or BODY_SIZE
    if bold:
        run.bold = True
    if underline:
        run.underline = True


def new_document(title: str) -> Any:
    """A new A4 document set for Chinese (see the module docstring), 宋体 五号 body,
    with ``title`` as its Heading 1 (黑体 16 pt, centred)."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(20)
    _chinese_defaults(doc)
    normal = doc.styles["Normal"]
    set_font(normal, BODY_FONT)
    normal.font.size = BODY_SIZE
    _heading_style(doc, "Heading 1", TITLE_SIZE, before=Pt(0), after=Pt(8))
    doc.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _heading_style(doc, "Heading 2", SECTION_SIZE, before=Pt(8), after=Pt(4))
    add_run(doc.add_paragraph(style="Heading 1"), title, heading=True, size=TITLE_SIZE)
    _page_footer(doc)
    return doc


#: The footer's text around its two fields: 第 {PAGE} 页 共 {NUMPAGES} 页.
PAGE_FOOTER = ("第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页")
FOOTER_SIZE = Pt(9)


def _page_footer(doc: Any) -> None:
    """A centred footer ``第 N 页 共 M 页`` on every page, N and M being ``PAGE`` and ``NUMPAGES``
    fields (shown as 1 until the application updates them, which Word, WPS and LibreOffice
    do on opening and printing)."""
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for n, part in enumerate(PAGE_FOOTER):
        if n % 2 == 0:
            add_run(p, part, size=FOOTER_SIZE)
            continue
        for kind, text in (
            ("begin", None),
            ("instr", f" {part} \\* MERGEFORMAT "),
            ("separate", None),
            ("result", "1"),
            ("end", None),
        ):
            run = p.add_run()
            set_fonts(run._r.get_or_add_rPr(), BODY_FONT)
            run.font.size = FOOTER_SIZE
            if kind == "instr":
                instr = run._r.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
                instr.text = text
                run._r.append(instr)
            elif kind == "result":
                run.text = text
            else:
                run._r.append(run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind}))


def _chinese_defaults(doc: Any) -> None:
    """Document defaults: zh-CN as the East Asian language, explicit fonts, single spacing, no space after."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)
        theme_lang.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)


def _heading_style(doc: Any, name: str, size: Pt, *, before: Pt, after: Pt) -> None:
    """Make the built-in heading style ``name`` 黑体 ``size``, bold, black, kept with the next paragraph."""
    style = doc.styles[name]
    set_font(style, HEADING_FONT)
    style.font.size = size
    style.font.bold = True
    style.font.color.rgb = RGBColor(0, 0, 0)
    style.paragraph_format.space_before = before
    style.paragraph_format.space_after = after
    style.paragraph_format.keep_with_next = True


def add_heading(doc: Any, text: str) -> None:
    add_run(doc.add_paragraph(style="Heading 2"), text, heading=True, size=SECTION_SIZE)


def reproducible(doc: Any, title: str, subject: str = "") -> bytes:
    """``doc`` saved with fixed core properties and zip entry times (see the module docstring)."""
    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.comments = props.keywords = props.category = ""
    props.author = props.last_modified_by = "studykit"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()

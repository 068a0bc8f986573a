"""The paper (and the handout) as a Word document (python-docx): A4, 宋体 text, 黑体 headings.

Every run names its East Asian font explicitly (``w:rFonts w:eastAsia``), so Word
and WPS print Chinese in 宋体/黑体 instead of falling back to a Japanese font;
Latin letters and digits use Times New Roman.  A stem is kept on the page with
its options (keep-with-next), and a fill_blank blank is an underlined run of
full-width spaces.

The file is byte-for-byte reproducible: the core properties carry a fixed date
and the zip is rewritten with fixed entry times (python-docx stamps the current
time on both).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ..handout import Handout
from ..quiz import Item, Paper
from ._common import HEADER_FIELDS, document_title, fact_lines, section_note, stem_segments

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(10.5)  # 五号
#: The date written into the core properties and zip entries (no real timestamp, for reproducibility).
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
BLANK = "\u3000" * 6


def _font(target: Any, east_asia: str) -> None:
    """Set Latin and East Asian fonts on a run or style (``w:rFonts`` ascii/hAnsi and eastAsia)."""
    target.font.name = LATIN_FONT
    target.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    heading: bool = False,
    bold: bool = False,
    underline: bool = False,
    size: Pt | None = None,
) -> None:
    run = paragraph.add_run(text)
    _font(run, HEADING_FONT if heading else BODY_FONT)
    run.font.size = size or BODY_SIZE
    if bold:
        run.bold = True
    if underline:
        run.underline = True


def _item(doc: Any, item: Item, solutions: bool) -> None:
    stem = doc.add_paragraph()
    stem.paragraph_format.keep_together = True
    stem.paragraph_format.keep_with_next = bool(item.options) or solutions
    _run(stem, f"{item.number}. ")
    for text, blank in stem_segments(item.stem):
        _run(stem, BLANK if blank else text, underline=blank)
    lines: list[tuple[str, str]]
    if solutions:
        lines = [("答案：", item.answer_text), ("解析：", item.question.explanation), ("出处：", item.source_line)]
    else:
        lines = [(f"{letter}. ", text) for letter, text in item.lettered_options]
    for n, (label, text) in enumerate(lines):
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Mm(7)
        p.paragraph_format.keep_together = True
        p.paragraph_format.keep_with_next = n < len(lines) - 1
        _run(p, label, bold=solutions)
        _run(p, text)


def _document(title: str) -> Any:
    """A new A4 document, 宋体 五号 body, with ``title`` centred in 黑体 16 pt."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(20)
    normal = doc.styles["Normal"]
    _font(normal, BODY_FONT)
    normal.font.size = BODY_SIZE
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, title, heading=True, size=Pt(16))
    return doc


def _heading(doc: Any, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    p.paragraph_format.keep_with_next = True
    _run(p, text, heading=True, size=Pt(12))


def _build(paper: Paper, solutions: bool) -> Any:
    title = document_title(paper, solutions)
    doc = _document(title)
    if not solutions:
        p = doc.add_paragraph()
        for n, name in enumerate(HEADER_FIELDS):
            _run(p, ("　　" if n else "") + f"{name}：")
            _run(p, BLANK, underline=True)
    _run(doc.add_paragraph(), paper.id_line)
    if not solutions:
        _run(doc.add_paragraph(), paper.instruction)
    for sec in paper.sections:
        _heading(doc, sec.heading)
        for item in sec.items:
            _item(doc, item, solutions)

    return doc


def render(paper: Paper, *, solutions: bool = False) -> bytes:
    """The paper (or, with ``solutions``, its 参考答案) as the bytes of a ``.docx`` file."""
    return _reproducible(_build(paper, solutions), document_title(paper, solutions))


def render_handout(handout: Handout) -> bytes:
    """The handout (学习要点) as the bytes of a ``.docx`` file: a 黑体 heading per speech,
    its facts numbered, each with its 原文 indented beneath and kept on the page with it."""
    doc = _document(handout.title)
    if handout.intro:
        _run(doc.add_paragraph(), handout.intro)
    if not handout.sections and handout.empty:
        _run(doc.add_paragraph(), handout.empty)
    for section in handout.sections:
        _heading(doc, section.header)
        if note := section_note(section):
            _run(doc.add_paragraph(), note)
        for n, fact in enumerate(section.facts, 1):
            statement, source = fact_lines(fact)
            p = doc.add_paragraph()
            p.paragraph_format.keep_together = True
            p.paragraph_format.keep_with_next = bool(source)
            _run(p, f"{n}. {statement}")
            if source:
                p = doc.add_paragraph()
                p.paragraph_format.left_indent = Mm(7)
                p.paragraph_format.keep_together = True
                _run(p, source)
    return _reproducible(doc, handout.title)


def _reproducible(doc: Any, title: str) -> bytes:
    """``doc`` saved with fixed core properties and zip entry times (see the module docstring)."""
    props = doc.core_properties
    props.title = title
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

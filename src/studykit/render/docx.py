"""The paper (and the handout) as a Word document (python-docx): A4, 宋体 text, 黑体 headings.

Chinese typography (zh-CN East Asian language, 宋体 / 黑体 named on every run, Times New Roman for
Latin), the page footer and the reproducible save are :mod:`studykit.render.docx_base`'s.  Single
line spacing; option lines have no space after them, each question a little (:data:`ITEM_GAP`), so
a 20-question paper fits on two or three pages.

A stem is kept on the page with its options (keep-with-next), and a fill_blank
blank is an underlined run of no-break spaces, every blank of a paper
:func:`~studykit.render._common.blank_em` wide.  Blanks and the answer
bracket （　　） are written with no-break spaces (U+00A0), not the ideographic spaces
(U+3000) the other formats use: LibreOffice (and WPS) treat U+3000 as a breakable
space that may hang past the margin, so a blank near a line's end printed a third of
its length and a true/false item's bracket split ``（`` / ``）`` over two lines.  Short options share a line
(:func:`~studykit.render._common.options_per_line`), each after a tab to a left
tab stop at a quarter, third or half of the option column.

The core properties name the document (title, subject: 测验 id or 学习要点; author, last modified
by: studykit).
"""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from ..handout import Handout
from ..quiz import PRINTED_MARKER, Item, Paper
from ..typography import for_print
from ._common import (
    CARD_COLUMNS,
    CARD_FIELDS,
    CARD_TITLE,
    HEADER_FIELDS,
    QUICK_KEY_TITLE,
    blank_em,
    card_grid,
    card_instruction,
    card_line_height,
    card_lines,
    card_sections,
    document_title,
    fact_lines,
    fact_rate,
    option_rows,
    quick_key,
    section_note,
    stem_segments,
    version_label,
)
from .docx_base import (
    FIXED_DATE as FIXED_DATE,
)
from .docx_base import (
    add_heading,
    add_run,
    new_document,
    reproducible,
)

#: A header field's blank, underlined: 24 no-break spaces, in
#: Times New Roman (a space is a quarter em) as wide as six Chinese characters, never broken
#: nor hung past the margin (see the module docstring).
BLANK = "\u00a0" * 24
#: The answer bracket of a choice or true/false stem as the DOCX prints it: the paper's
#: :data:`~studykit.quiz.PRINTED_MARKER` with its two ideographic spaces as eight no-break
#: spaces (the same width), so ``（`` and ``）`` always share a line.
ANSWER_BRACKET = "（" + "\u00a0" * 8 + "）"
#: The option lines' left indent and the text width (A4 less the side margins).
OPTION_INDENT, TEXT_WIDTH = Mm(7), Mm(170)
#: An option alone on its line hangs its letter: a long option's second line starts under its text,
#: not under ``A.`` (``A. `` is 12.8 pt wide in Times New Roman 五号, ``B. `` 12.3 pt).
OPTION_HANG = Pt(12.8)
#: Space after a stem and after each option or solution line, and after the last line of a question.
LINE_GAP, ITEM_GAP = Pt(0), Pt(5)
#: The version line under the title (``B卷``): 14 pt bold, centred.
VERSION_SIZE = Pt(14)


def _item(doc: Any, item: Item, solutions: bool, blank: str) -> None:
    stem = doc.add_paragraph()
    stem.paragraph_format.keep_together = True
    stem.paragraph_format.keep_with_next = bool(item.options) or solutions
    stem.paragraph_format.space_after = LINE_GAP if item.options or solutions else ITEM_GAP
    add_run(stem, f"{item.number}. ")
    for text, is_blank in stem_segments(item.stem):
        add_run(stem, blank if is_blank else text.replace(PRINTED_MARKER, ANSWER_BRACKET), underline=is_blank)
    lines: list[list[tuple[str, str]]]
    if solutions:
        lines = [[("答案：", item.answer_text)], [("解析：", item.explanation)], [("出处：", item.source_line)]]
    else:
        lines = [[(f"{letter}. ", text) for letter, text in row] for row in option_rows(item)]
    columns = max(len(line) for line in lines) if lines else 1
    for n, line in enumerate(lines):
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = OPTION_INDENT
        if columns == 1 and not solutions:
            p.paragraph_format.left_indent = OPTION_INDENT + OPTION_HANG
            p.paragraph_format.first_line_indent = -OPTION_HANG
        p.paragraph_format.keep_together = True
        p.paragraph_format.keep_with_next = n < len(lines) - 1
        p.paragraph_format.space_after = LINE_GAP if n < len(lines) - 1 else ITEM_GAP
        step = (TEXT_WIDTH - OPTION_INDENT) // columns
        for k in range(1, columns):
            p.paragraph_format.tab_stops.add_tab_stop(Emu(OPTION_INDENT + k * step))
        for k, (label, text) in enumerate(line):
            add_run(p, ("\t" if k else "") + label, bold=solutions)
            add_run(p, text)


def _version_line(doc: Any, paper: Paper) -> None:
    """``B卷`` centred under the title, in a paragraph of its own (none for a quiz of one version):
    the title paragraph stays the key's title, as the .docx grade reader compares it."""
    if paper.version:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(6)
        add_run(p, version_label(paper), bold=True, size=VERSION_SIZE)


def _build(paper: Paper, solutions: bool) -> Any:
    title = document_title(paper, solutions)
    doc = new_document(title)
    _version_line(doc, paper)
    if not solutions:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(6)
        for n, name in enumerate(HEADER_FIELDS):
            add_run(p, ("　　" if n else "") + f"{name}：")
            add_run(p, BLANK, underline=True)
    add_run(doc.add_paragraph(), paper.id_line)
    if not solutions:
        add_run(doc.add_paragraph(), paper.instruction)
    else:  # the quick key: a number and its answer kept on one line (a no-break space)
        add_heading(doc, QUICK_KEY_TITLE)
        for title, answers in quick_key(paper):
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(3)
            add_run(p, f"{title}：" + "　".join(f"{n}.\u00a0{answer}" for n, answer in answers))
    blank = "\u00a0" * (4 * blank_em(paper))  # a no-break space is a quarter em
    for sec in paper.sections:
        add_heading(doc, sec.heading)
        for item in sec.items:
            _item(doc, item, solutions, blank)

    return doc


def render(paper: Paper, *, solutions: bool = False) -> bytes:
    """The paper (or, with ``solutions``, its 参考答案: a quick key, then each item worked) as the bytes
    of a ``.docx`` file."""
    return reproducible(_build(paper, solutions), document_title(paper, solutions), _subject(paper))


def _subject(paper: Paper) -> str:
    """The core properties' subject: ``测验 <id>`` and the version, if any."""
    return f"测验 {paper.quiz_id}" + (f" 版本 {paper.version}" if paper.version else "")


#: Heights of the answer card's rows: the 题号 row, the row to write letters in and a 填空's row
#: (10 mm, a ruled line and a half: a 50-item card with 11 blanks fits one A4 page; at 12 mm
#: its last row went over to a second page).
CARD_NUMBER_HEIGHT, CARD_ANSWER_HEIGHT, CARD_LINE_HEIGHT = Mm(7), Mm(12), Mm(10)
#: A 填空 row is made no lower than this (mm) to keep a card on one page: still a ruled line's height.
CARD_LINE_LEAST = 8
#: What an A4 page holds under the card's margins (mm), and what the card's head takes of it (title,
#: subtitle, fields, 测验 line, a two-line instruction and the sections line, measured in LibreOffice).
CARD_PAGE_ROOM, CARD_HEAD = 297 - 2 * 25, 55
#: What the 「B卷」 line under the title takes (mm: 14 pt and 6 pt after) on a card of a version.
CARD_VERSION_LINE = 8


def render_card(paper: Paper) -> bytes:
    """The printable answer card (答题卡) as the bytes of a ``.docx`` file: the title, the version
    (``B卷``, on a line of its own), 姓名/支部/日期/得分,
    the 测验 id, then one table — per row of :data:`~studykit.render._common.CARD_COLUMNS`
    items a 题号 row and an 答案 row with one cell per item, then per fill_blank item a row
    of its number and one wide cell (the other columns merged) to write the text in."""
    doc = new_document(CARD_TITLE)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(6)
    add_run(p, paper.title)
    _version_line(doc, paper)
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(6)
    for n, name in enumerate(CARD_FIELDS):
        add_run(p, ("　　" if n else "") + f"{name}：")
        add_run(p, BLANK, underline=True)
    for line in (paper.id_line, card_instruction(paper), card_sections(paper)):
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(3)
        add_run(p, line)
    grid, lines = card_grid(paper), card_lines(paper)
    table = doc.add_table(rows=0, cols=CARD_COLUMNS + 1)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    label_width = Mm(16)
    cell_width = Emu((TEXT_WIDTH - label_width) // CARD_COLUMNS)
    for row_numbers in grid:
        numbers, answers = table.add_row(), table.add_row()
        numbers.height, answers.height = CARD_NUMBER_HEIGHT, CARD_ANSWER_HEIGHT
        answers.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for col, text in enumerate(["题号", *map(str, row_numbers)]):
            _card_cell(numbers.cells[col], text)
        for col in range(CARD_COLUMNS + 1):
            _shade(numbers.cells[col], CARD_NUMBER_SHADE)
            numbers.cells[col].paragraphs[0].paragraph_format.keep_with_next = True  # never parted from its 答案 row
        for col in range(len(row_numbers) + 1, CARD_COLUMNS + 1):
            _shade(answers.cells[col], CARD_NUMBER_SHADE)  # no item: greyed, nothing to write
        _card_cell(answers.cells[0], "答案")
    # 填空 rows lowered (not under CARD_LINE_LEAST) where that keeps the card on one page: at 10 mm,
    # `quiz --count 50 --seed 5` (13 填空) put item 50 alone on a second page
    room = CARD_PAGE_ROOM - CARD_HEAD - len(grid) * (CARD_NUMBER_HEIGHT.mm + CARD_ANSWER_HEIGHT.mm)
    room -= CARD_VERSION_LINE if paper.version else 0
    line_height = Mm(card_line_height(len(lines), room, CARD_LINE_HEIGHT.mm, CARD_LINE_LEAST))
    for number in lines:
        row = table.add_row()
        row.height, row.height_rule = line_height, WD_ROW_HEIGHT_RULE.AT_LEAST
        _card_cell(row.cells[0], f"{number}.")
        row.cells[1].merge(row.cells[CARD_COLUMNS])
    for row in table.rows:
        for col, cell in enumerate(row.cells):
            cell.width = label_width if col == 0 else cell_width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    doc.core_properties.subject = _subject(paper)
    return reproducible(doc, f"{paper.title} · {CARD_TITLE}", _subject(paper))


#: The fill of the card's 题号 cells and of the unused cells after the last item (light grey).
CARD_NUMBER_SHADE = "E7E6E6"


def _shade(cell: Any, fill: str) -> None:
    """Fill ``cell`` with the colour ``fill`` (hex RGB): a ``w:shd`` in its ``w:tcPr``."""
    shading = cell._tc.get_or_add_tcPr().makeelement(
        qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill}
    )
    cell._tc.get_or_add_tcPr().append(shading)


def _card_cell(cell: Any, text: str) -> None:
    """Write ``text`` centred in ``cell``'s first paragraph."""
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(p, text)


#: The handout's facts: the number hangs in this indent, the statement and its 原文 start at it.
FACT_INDENT = Mm(7)


def rate_first(statement: str, rate: str) -> str:
    """A fact's ``statement`` ending in its ``rate`` (``（答对率 83%）``) with the rate moved to its
    start, where the line is the fact's first and no line break can fall inside it.  At the end
    it broke over two lines in LibreOffice (``（答对率`` / ``83%）``, and between 答, 对 and 率 as
    between any two ideographs; no joiner character kept it whole there, nor does Word have a
    no-wrap run)."""
    return rate + statement[: -len(rate)]


def render_handout(handout: Handout) -> bytes:
    """The handout (学习要点) as the bytes of a ``.docx`` file: a 黑体 heading per speech,
    its facts numbered, each with its 原文 indented beneath and kept on the page with it."""
    doc = new_document(handout.title)
    if handout.intro:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(6)
        add_run(p, handout.intro)
    if not handout.sections and handout.empty:
        add_run(doc.add_paragraph(), handout.empty)
    for section in handout.sections:
        add_heading(doc, for_print(section.header))
        if note := section_note(section):
            p = doc.add_paragraph()
            p.paragraph_format.keep_with_next = True  # the heading and its 得分率 stay with the first fact
            add_run(p, note)
        for n, fact in enumerate(section.facts, 1):
            statement, source = fact_lines(fact)
            p = doc.add_paragraph()
            p.paragraph_format.keep_together = True
            p.paragraph_format.keep_with_next = bool(source)
            p.paragraph_format.space_after = LINE_GAP if source else ITEM_GAP
            # A hanging indent: the number stands out and a long statement's second line starts
            # under its first character, where the 原文 beneath starts (it began at the margin).
            p.paragraph_format.left_indent = FACT_INDENT
            p.paragraph_format.first_line_indent = -FACT_INDENT
            rate = fact_rate(fact)
            if rate and statement.endswith(rate):  # first, where no line ends: see rate_first
                statement = rate_first(statement, rate)
            add_run(p, f"{n}.\t{statement}")
            if source:
                p = doc.add_paragraph()
                p.paragraph_format.left_indent = FACT_INDENT
                p.paragraph_format.keep_together = True
                p.paragraph_format.space_after = ITEM_GAP
                add_run(p, source)
    return reproducible(doc, handout.title, "学习要点")

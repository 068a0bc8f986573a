"""The paper (and the handout) as one self-contained HTML file for screens and A4 printing.

``lang="zh-CN"``, a CJK font stack (宋体-like serif for text, 黑体-like sans for
headings), inline CSS only, ``@page`` A4 and ``break-inside: avoid`` on each
question so a stem never parts from its options.  The pages come from the Jinja2
templates ``templates/paper.html.j2``, ``handout.html.j2`` and ``card.html.j2`` (autoescaped:
every piece of bank text is escaped).  A blank is set together with the punctuation that
touches it (:func:`~studykit.render._common.glued_segments`, a ``white-space: nowrap``
span), so a ``。`` never starts a line after a blank nor a ``“`` ends one before it; every
blank of a paper is :func:`~studykit.render._common.blank_em` wide.

Options sit in a grid of :func:`~studykit.render._common.options_per_line` columns
(four, three, two or one to a line), halved on a narrow screen (a phone).  Printed,
each page's foot reads ``第 1 页 共 2 页``: a CSS ``@page`` ``@bottom-center`` margin
box with the ``page`` and ``pages`` counters (CSS Paged Media; Chromium and Edge 131+
print it; a browser that ignores margin boxes prints no page number — its own
"headers and footers" print option numbers the pages instead).
"""

from __future__ import annotations

from .. import _templates
from ..handout import Handout
from ..quiz import Paper
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
    glued_segments,
    options_per_line,
    quick_key,
    section_note,
    version_label,
)

SERIF = '"Songti SC", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif'
SANS = '"Heiti SC", "SimHei", "黑体", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'


def render(paper: Paper, *, solutions: bool = False) -> str:
    """The paper (or, with ``solutions``, its 参考答案: a quick key, then each item worked) as an HTML
    document ending in one newline (templates ``paper.html.j2`` in ``page.html.j2``)."""
    return _templates.render(
        "paper.html.j2",
        title=document_title(paper, solutions),
        version_label=version_label(paper),
        paper=paper,
        solutions=solutions,
        fields=HEADER_FIELDS,
        glued_segments=glued_segments,
        blank_em=blank_em(paper),
        options_per_line=options_per_line,
        quick_key=quick_key,
        quick_key_title=QUICK_KEY_TITLE,
        serif=SERIF,
        sans=SANS,
    )


#: The printed card's 填空 rows (mm): 11, or lower down to 8 where that keeps the card on one page.
CARD_LINE, CARD_LINE_LEAST = 11, 8
#: What the card's A4 page holds (mm, under its @page margins), what its head takes of it (title to the
#: sections line with a two-line instruction, and the grid's margins) and each pair of grid rows
#: (题号 and 答案), measured in Chromium's print layout; a 填空 row takes 0.3 mm more for its rule.
CARD_PAGE_ROOM, CARD_HEAD, CARD_GRID_ROWS, CARD_RULE = 297 - 18 - 20, 65, 18.5, 0.3
#: What the card's 「B卷」 line under the title takes (mm: 14 pt bold and its margin), on a card of a version.
CARD_VERSION_LINE = 8


def render_card(paper: Paper) -> str:
    """The printable answer card (答题卡) of ``paper`` as an HTML document ending in one newline
    (Jinja2 template ``templates/card.html.j2``, autoescaped): the version (``B卷``) under the title, 姓名/支部/日期/得分 fields, the
    测验 id, a grid of 题号 with a cell under each for the letter or 对/错, a line per 填空
    (:data:`CARD_LINE` mm, lowered where that keeps the card on one page)."""
    grid, lines = card_grid(paper), card_lines(paper)
    room = CARD_PAGE_ROOM - CARD_HEAD - len(grid) * CARD_GRID_ROWS - len(lines) * CARD_RULE
    room -= CARD_VERSION_LINE if paper.version else 0
    return _templates.render(
        "card.html.j2",
        title=paper.title,
        version_label=version_label(paper),
        card_title=CARD_TITLE,
        fields=CARD_FIELDS,
        id_line=paper.id_line,
        instruction=card_instruction(paper),
        sections=card_sections(paper),
        grid=grid,
        columns=CARD_COLUMNS,
        lines=lines,
        line_mm=card_line_height(len(lines), room, CARD_LINE, CARD_LINE_LEAST),
        serif=SERIF,
        sans=SANS,
    )


def render_handout(handout: Handout) -> str:
    """The handout (学习要点) as an HTML document ending in one newline (template
    ``handout.html.j2``): an ``<h2>`` per speech, its facts as a numbered list, each with its 原文 beneath."""
    return _templates.render(
        "handout.html.j2",
        title=handout.title,
        handout=handout,
        for_print=for_print,
        section_note=section_note,
        fact_lines=fact_lines,
        fact_rate=fact_rate,
        serif=SERIF,
        sans=SANS,
    )

"""Pieces every renderer shares: header fields, blanks in stems, document titles, handout lines."""

from __future__ import annotations

import math
from typing import NamedTuple

from ..handout import Fact, HandoutSection
from ..model import TRUE_FALSE_TEXT, quoted
from ..quiz import BLANK_RE, Item, Paper
from ..typography import display_width, for_print

#: The fill-in fields of the paper's header, in print order.
HEADER_FIELDS = ("姓名", "支部", "日期", "得分")
#: What the solutions document adds to the title.
SOLUTIONS_TITLE = "参考答案"


def stem_segments(stem: str) -> list[tuple[str, bool]]:
    """``stem`` cut at its ``____`` blanks: ``[(text, False), ("", True), (text, False), …]``.

    A renderer prints the text pieces escaped and draws each blank its own way.
    """
    result: list[tuple[str, bool]] = []
    for n, piece in enumerate(BLANK_RE.split(stem)):
        if n:
            result.append(("", True))
        if piece:
            result.append((piece, False))
    return result


#: A printed blank's width in em (Chinese characters): at least :data:`BLANK_MIN_EM`, at most
#: :data:`BLANK_MAX_EM` (about a third of an A4 line), else :data:`HANDWRITING` times the paper's
#: longest key — handwriting takes half as much room again as print.
BLANK_MIN_EM, BLANK_MAX_EM, HANDWRITING = 6, 16, 1.5


def blank_em(paper: Paper) -> int:
    """How wide (in em) every blank of ``paper`` is printed: room to write its longest key by
    hand, :data:`HANDWRITING` × the key's width in Chinese characters (an ASCII character counts
    half), shared by a stem's blanks, between :data:`BLANK_MIN_EM` and :data:`BLANK_MAX_EM`.

    One width for the whole paper, so a blank's length gives no hint of its own answer.  The
    standard paper of the shipped bank (keys up to 人民利益至上, 6 characters) prints 9 em blanks;
    a fixed 6 em left a member 3.7 mm a character.
    """
    widest = 0.0
    for item in paper.items:
        blanks = len(BLANK_RE.findall(item.stem))
        if item.type == "fill_blank" and blanks and item.answer:
            widest = max(widest, display_width(item.answer[0]) / 2 / blanks)
    return min(BLANK_MAX_EM, max(BLANK_MIN_EM, math.ceil(widest * HANDWRITING)))


#: Punctuation that must not end a line (opening quotes and brackets) and that must not
#: start one (closing quotes and brackets, stops, commas, colons …): the 禁则 of Chinese
#: typesetting (GB/T 15834 and W3C's Requirements for Chinese Text Layout, §3.1.7).
NO_LINE_END = "“‘（《〈「『【〔〖([{"
NO_LINE_START = "。，、；：？！”’）》〉」』】〕〗…·.,;:?!)]}%"


class StemPiece(NamedTuple):
    """A piece of a stem as an HTML page prints it: text, or a blank with the punctuation
    glued to it (``lead`` before, ``trail`` after) so that no line break parts them."""

    text: str
    blank: bool = False
    lead: str = ""
    trail: str = ""


def glued_segments(stem: str) -> list[StemPiece]:
    """:func:`stem_segments` with the punctuation touching each blank moved into it: the
    opening marks just before (``“``) as its ``lead``, the closing marks just after (``”``,
    ``。``) as its ``trail``.  A page sets a blank with its ``lead`` and ``trail`` unbroken,
    since a browser may break a line on either side of a drawn blank (an inline box) and so
    put a ``。`` at the start of a line or leave a ``“`` at the end of one.

    ``glued_segments("省域治理应该是____。")`` →
    ``[StemPiece("省域治理应该是"), StemPiece("", True, "", "。")]``.
    """
    out: list[StemPiece] = []
    for text, blank in stem_segments(stem):
        if blank:
            lead = ""
            if out and not out[-1].blank:
                before = out.pop().text
                cut = len(before)
                while cut and before[cut - 1] in NO_LINE_END:
                    cut -= 1
                lead = before[cut:]
                if cut:
                    out.append(StemPiece(before[:cut]))
            out.append(StemPiece("", True, lead))
            continue
        if out and out[-1].blank:
            cut = 0
            while cut < len(text) and text[cut] in NO_LINE_START:
                cut += 1
            out[-1] = out[-1]._replace(trail=text[:cut])
            text = text[cut:]
        if text:
            out.append(StemPiece(text))
    return out


#: Options per line by the width of the widest option's text in display columns (CJK = 2,
#: :func:`~studykit.typography.display_width`): up to 16 (8 Chinese characters) four to a
#: line, up to 24 (12) three to a line (five or six options), up to 36 (18) two to a line,
#: wider ones one per line.  On A4 with 20 mm side margins at 五号 (10.5 pt, a Chinese
#: character ≈ 3.7 mm) the option column is 163 mm: a quarter (41 mm) holds ``A. `` and 8
#: characters with room to spare, a third (54 mm) ``A. `` and 12, a half (81 mm) ``A. `` and 18.
OPTION_COLUMNS: dict[int, int] = {4: 16, 3: 24, 2: 36}


def options_per_line(item: Item) -> int:
    """How many of ``item``'s options share a printed line: the most :data:`OPTION_COLUMNS`
    allows for its widest option whose rows come out even (all on one line, full rows, or a
    last row one short: 4 options go 4 or 2 to a line, never 3 + 1; 5 go 3 + 2); else 1."""
    widest = max((display_width(text) for text in item.options), default=0)
    count = len(item.options)
    for columns, width in OPTION_COLUMNS.items():
        if widest <= width and (count <= columns or count % columns in (0, columns - 1)):
            return columns
    return 1


def option_rows(item: Item) -> list[list[tuple[str, str]]]:
    """``item``'s lettered options cut into printed lines of :func:`options_per_line`."""
    per_line = options_per_line(item)
    options = list(item.lettered_options)
    return [options[n : n + per_line] for n in range(0, len(options), per_line)]


def document_title(paper: Paper, solutions: bool) -> str:
    """The title as printed: the paper's, plus ``· 参考答案`` for the solutions document."""
    return f"{paper.title} · {SOLUTIONS_TITLE}" if solutions else paper.title


def version_label(paper: Paper) -> str:
    """The version as printed large under the title of a paper, its 答题卡 and 参考答案, on a line of
    its own (the title line stays the key's title, which the .docx grade reader compares): ``"B卷"``;
    ``""`` for a quiz printed in one version."""
    return f"{paper.version}卷" if paper.version else ""


#: The heading of the 参考答案's quick key, before the worked answers.
QUICK_KEY_TITLE = "答案速查"


def short_answer(item: Item) -> str:
    """``item``'s answer as a marker checks it at a glance: a choice's letters (``"ACD"``), ``"对"`` /
    ``"错"``, a blank's first accepted text (the 参考答案 below it lists the others)."""
    if item.question.is_choice:
        return "".join(item.answer)
    if item.type == "true_false":
        return TRUE_FALSE_TEXT[item.answer[0]]
    return for_print(item.answer[0])


def quick_key(paper: Paper) -> list[tuple[str, list[tuple[int, str]]]]:
    """The 参考答案's quick key (:data:`QUICK_KEY_TITLE`), for marking paper copies by hand: per section
    ``"一、单项选择题"`` and its items' ``(number, short answer)``, e.g. ``[("一、单项选择题", [(1, "B"),
    (2, "A"), …]), …]`` (:func:`short_answer`)."""
    return [(f"{s.ordinal}、{s.title}", [(i.number, short_answer(i)) for i in s.items]) for s in paper.sections]


# -- the handout (学习要点) ----------------------------------------------------------


def fact_rate(fact: Fact) -> str:
    """``"（答对率 33%）"``, the group's facility as :func:`fact_lines` appends it; ``""`` without a report."""
    return f"（答对率 {fact.facility * 100:.0f}%）" if fact.facility is not None else ""


def fact_lines(fact: Fact) -> tuple[str, str]:
    """The two lines of a fact as printed: the statement (with ``（答对率 33%）`` when the
    group's facility is known) and ``原文：“…”``.  A fact that *is* its source prints the
    quotation as its statement and ``""`` as the second line."""
    rate = fact_rate(fact)
    if fact.quoted:
        return f"原文：{quoted(fact.source)}{rate}", ""
    return for_print(fact.statement) + rate, f"原文：{quoted(fact.source)}"


def section_note(section: HandoutSection) -> str:
    """``"全支部本篇得分率 40%。"`` with a report, else ``""``."""
    return "" if section.share is None else f"全支部本篇得分率 {section.share * 100:.0f}%。"


# -- the printable answer card (答题卡) ------------------------------------------------

#: Item numbers per row of the answer card's grid.
CARD_COLUMNS = 10
#: The card's title, fields and instruction.
CARD_TITLE = "答题卡"
#: The paper's fields: the card is what a branch files, so it is dated as the paper is.
CARD_FIELDS = HEADER_FIELDS
CARD_INSTRUCTION = "选择题在题号下的格内写字母（多选连写，如 ACD），判断题写“对”或“错”，填空题在题号后写所填文字。"


def card_instruction(paper: Paper) -> str:
    """How to fill the card, naming only the types on ``paper``: :data:`CARD_INSTRUCTION` for all
    four; ``选择题在题号下的格内写字母。`` for single choice alone, ``填空题在题号后写所填文字。`` for
    blanks alone; 判断题 alone with the choices is told where its 对/错 goes (the grid).  A blank's
    answer goes "after its number" — a line on the HTML card, a cell spanning the row on the
    DOCX card — not "on the line", which the DOCX card has none of."""
    types = {item.type for item in paper.items}
    parts = []
    if types & {"single", "multiple"}:
        parts.append("选择题在题号下的格内写字母" + ("（多选连写，如 ACD）" if "multiple" in types else ""))
    if "true_false" in types:
        parts.append("判断题写“对”或“错”" if parts else "判断题在题号下的格内写“对”或“错”")
    if "fill_blank" in types:
        parts.append("填空题在题号后写所填文字")
    return "，".join(parts) + "。"


def card_grid(paper: Paper) -> list[list[int]]:
    """The item numbers of the card's grid (every item but fill_blank), in rows of
    :data:`CARD_COLUMNS`: ``[[1, …, 10], [11, …, 16]]``; ``[]`` for a paper of blanks only."""
    numbers = [i.number for i in paper.items if i.type != "fill_blank"]
    return [numbers[n : n + CARD_COLUMNS] for n in range(0, len(numbers), CARD_COLUMNS)]


def card_lines(paper: Paper) -> list[int]:
    """The numbers of the fill_blank items, each a line of the card to write on."""
    return [i.number for i in paper.items if i.type == "fill_blank"]


def card_line_height(lines: int, room: float, default: float, least: float) -> float:
    """The height in mm of each of a card's ``lines`` 填空 rows: ``default``, or less — down to ``least``,
    rounded down to half a mm — where that brings them all onto the one page, in the ``room`` mm the page
    leaves under the card's head and grid.  ``default`` where even ``least`` would not fit: such a card
    takes two pages anyway.

    >>> card_line_height(13, 116, 10, 8)  # `quiz --count 50 --seed 5`: 4 grid rows, 13 填空
    8.5
    >>> card_line_height(11, 116, 10, 8), card_line_height(30, 116, 10, 8)
    (10, 10)
    """
    if not lines or lines * default <= room:  # no 填空, or room for them; a long grid leaves room < 0
        return default
    fitted = math.floor(room / lines * 2) / 2
    return fitted if fitted >= least else default


def card_sections(paper: Paper) -> str:
    """Which numbers are which type, on one line: ``一、单项选择题 1–8　二、多项选择题 9–12　…``."""
    parts = []
    for s in paper.sections:
        first, last = s.items[0].number, s.items[-1].number
        parts.append(f"{s.ordinal}、{s.title} {first}–{last}" if last > first else f"{s.ordinal}、{s.title} {first}")
    return "\u3000".join(parts)

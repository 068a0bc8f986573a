"""Pieces every renderer shares: header fields, blanks in stems, document titles, handout lines."""

from __future__ import annotations

from ..handout import Fact, HandoutSection
from ..model import quoted
from ..quiz import BLANK_RE, Paper

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


def document_title(paper: Paper, solutions: bool) -> str:
    """The title as printed: the paper's, plus ``· 参考答案`` for the solutions document."""
    return f"{paper.title} · {SOLUTIONS_TITLE}" if solutions else paper.title


# -- the handout (学习要点) ----------------------------------------------------------


def fact_lines(fact: Fact) -> tuple[str, str]:
    """The two lines of a fact as printed: the statement (with ``（答对率 33%）`` when the
    group's facility is known) and ``原文：“…”``.  A fact that *is* its source prints the
    quotation as its statement and ``""`` as the second line."""
    rate = f"（答对率 {fact.facility * 100:.0f}%）" if fact.facility is not None else ""
    if fact.quoted:
        return f"原文：{quoted(fact.source)}{rate}", ""
    return fact.statement + rate, f"原文：{quoted(fact.source)}"


def section_note(section: HandoutSection) -> str:
    """``"全支部本篇得分率 40%。"`` with a report, else ``""``."""
    return "" if section.share is None else f"全支部本篇得分率 {section.share * 100:.0f}%。"

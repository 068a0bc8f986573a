"""Pieces every renderer shares: header fields, blanks in stems, document titles."""

from __future__ import annotations

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

"""The 答题卡's grid typed or copied as text: a ``题号 1 2 3 …`` row and the ``答案 B A D …`` row under it, read
as one answer per number (see :mod:`studykit.grade.sheet_lines` for the other ways a sheet's lines hold answers)."""

from __future__ import annotations

from .._lazy import lazy_pattern
from ..i18n import _
from .sheet_lines import RunError

#: The 答题卡's 题号 row as text (copied out of Word, or a photo's text): ``题号 1 2 3 …`` (after NFKC).
_GRID_NUMBERS = lazy_pattern(r"^[题題]号\s*:?\s*((?:\d{1,3}\s+)*\d{1,3})$")
#: Its 答案 row: ``答案 B A D …``.
_GRID_ANSWERS = lazy_pattern(r"^(?:答案|答)\s*:?(?=\s)")


def grid_numbers(line: str) -> list[int] | None:
    """The question numbers of a 答题卡's 题号 row written as text (``题号 1 2 3 4``, cleaned), else ``None``."""
    m = _GRID_NUMBERS().match(line)
    return [int(n) for n in m.group(1).split()] if m else None


def grid_answers(numbers: list[int], line: str, raw: str) -> list[tuple[int, str]] | None:
    """The ``(number, answer)`` pairs of the 答案 row ``line`` (``raw`` as written) under a 题号 row of
    ``numbers``: one answer per number, apart by spaces — or by tabs, as Word copies a table, when a cell
    is empty (``答案\tB\t\tD``: 2 unanswered); ``None`` when ``line`` is no 答案 row.  Raises
    :class:`RunError` when the answers cannot be put on the numbers one to one."""
    m = _GRID_ANSWERS().match(line)
    if m is None:
        return None
    pieces = line[m.end() :].split()
    if len(pieces) != len(numbers) and "\t" in raw:
        cells = [cell.strip() for cell in raw.strip(" \r\n").split("\t")[1:]]
        pieces = cells if len(cells) == len(numbers) else pieces
    if len(pieces) != len(numbers):
        raise RunError(
            _(
                "the 题号 row above names {count} questions but the 答案 row holds {held} answers "
                "(write one answer under each number)"
            ).format(count=len(numbers), held=len(pieces))
        )
    return list(zip(numbers, pieces, strict=True))

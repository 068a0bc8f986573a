"""One member's answers as a table of two columns — question number, answer — a row each (``题号 | 答案``,
``1 | B`` …), with ``姓名 | 张三`` above them: what a member types into the Excel file a secretary sent, or saves
as CSV.  Such a table is read as a typed sheet, a row a line (``1 B``, ``姓名 张三``); it was refused as a table
whose columns (``姓名``, ``张三``) are no questions of the key."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain, islice
from typing import TypeVar

from ...key import AnswerKey
from ...text import clean
from ..model import Submission

_Row = TypeVar("_Row")

#: The rows looked at to tell one member's sheet from a table, beyond the key's questions.
_SPARE_ROWS = 12
#: The most rows one member's sheet may have, beyond the key's questions (a longer file is a table).
_MAX_EXTRA = 200
#: Cells of a heading row over the answers (passed over).
_HEADS = frozenset({"题号", "題號", "序号", "题目", "答案", "作答", "我的答案"})


def one_member(rows: Iterator[list[str]], key: AnswerKey) -> tuple[list[str] | None, Iterator[list[str]]]:
    """``(lines, rows)``: the lines of one member's sheet when ``rows`` are one (no row of more than two cells
    filled, and at least half the key's questions on rows of a question number and an answer that does not
    begin with a digit), else ``None`` and ``rows`` as they were (what was looked at put back)."""
    head, failed = _take(rows, len(key.items) + _SPARE_ROWS)
    if failed is not None:  # the file breaks in its first rows: the table reader meets it where it breaks
        return None, chain(head, _raise(failed))
    filled = [[clean(c) for c in row if c and c.strip()] for row in head]
    numbers = {it.number for it in key.items}
    if any(len(cells) > 2 for cells in filled):
        return None, chain(head, rows)
    answered = sum(
        len(cells) == 2
        and cells[0].rstrip(".、:)").isdigit()
        and len(cells[0]) <= 6
        and int(cells[0].rstrip(".、:)")) in numbers
        and not cells[1][:1].isdigit()
        for cells in filled
    )
    if answered * 2 < len(key.items):
        return None, chain(head, rows)
    more, failed = _take(rows, _MAX_EXTRA + 1)
    extra = [[clean(c) for c in row if c and c.strip()] for row in more]
    if failed is not None or len(more) > _MAX_EXTRA or any(len(cells) > 2 for cells in extra):
        return None, chain(head, more, _raise(failed) if failed is not None else rows)
    return ["# " + " ".join(c) if set(c) <= _HEADS else " ".join(c) for c in [*filled, *extra]], iter(())


def _take(rows: Iterator[list[str]], count: int) -> tuple[list[list[str]], Exception | None]:
    """Up to ``count`` of ``rows``, and what reading the next one raised (``None`` when nothing did)."""
    taken: list[list[str]] = []
    try:
        taken.extend(islice(rows, count))
    except Exception as exc:  # re-raised by _raise where the table reader reaches it
        return taken, exc
    return taken, None


def _raise(exc: Exception) -> Iterator[list[str]]:
    """An iterator raising ``exc`` when it is read."""
    raise exc
    yield []  # pragma: no cover - makes this a generator


def one_or_table(
    rows: Iterator[list[str]],
    key: AnswerKey,
    sheet: Callable[[str], Submission | None],
    table: Callable[[Iterator[list[str]]], Iterator[_Row]],
) -> Iterator[Submission | _Row]:
    """The rows of a .csv or .xlsx file read as one member's sheet (``sheet`` reads its text) when they are one
    (:func:`one_member`), else as the table they are (``table``)."""
    lines, rows = one_member(rows, key)
    if lines is None:
        yield from table(rows)
        return
    sub = sheet("\n".join(lines))
    if sub is not None:
        yield sub

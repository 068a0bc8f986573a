"""A table whose answers stand in one column, a member's all in one cell (``姓名 | 答案`` with ``1-8 BADACDBC
9-12 CD ABCE ABD ACD …``), as a secretary collects them from chat replies into Excel.

Each such cell is read as the text of a typed answer sheet (:func:`~studykit.grade.readers.sheet.sheet_from_text`):
ranges, numbered answers and section labels are read exactly, and a cell whose answers have no numbers
(``BADACDBC``) — which answer belongs to which question would be a guess — leaves its member 无法评分,
naming the row, as a sheet would.  Only a table with no column of a question of the key, one name column
and one answers column is read this way (a table of question columns is read as before)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ...i18n import _
from ...key import AnswerKey
from ..model import Submission
from ..normalize import clean
from ..versions import KeySet
from ._common import NAME_HEADERS, Fail, printable_name
from .columns import question_count

#: Headers of a column holding each member's answers in one cell (after NFKC): ``答案``, ``答案(1-20)``,
#: ``我的答案``, ``作答``.
ANSWER_HEADERS = frozenset({"答案", "作答", "回答", "答题", "我的答案", "你的答案", "您的答案", "全部答案", "答案内容"})


def answers_column(header: list[str], key: AnswerKey, name_column: str | None) -> tuple[int, int] | None:
    """``(name column, answers column)`` of ``header`` when it names no question of ``key`` but one name
    column and one column of answers (:data:`ANSWER_HEADERS`, or a header beginning 答案); else ``None``.
    Not with ``--name-column`` or several versions' keys (a cell says no 版本)."""
    if name_column is not None or isinstance(key, KeySet) or question_count(header, key):
        return None
    cleaned = [clean(h) for h in header]
    answers = [i for i, h in enumerate(cleaned) if h in ANSWER_HEADERS or h.startswith("答案")]
    names = [i for i, h in enumerate(cleaned) if h.casefold() in NAME_HEADERS or "姓名" in h]
    if len(answers) != 1 or len(names) != 1:
        return None
    return names[0], answers[0]


#: Reads a typed sheet's text: :func:`~studykit.grade.readers.sheet.sheet_from_text` (given by the caller,
#: as the sheet reader imports the table reader).
SheetReader = Callable[[str, str, AnswerKey, Callable[[int, str, str], None]], "Submission | None"]


def one_cell_rows(
    rows: Iterable[tuple[int, list[str]]],
    source: str,
    key: AnswerKey,
    columns: tuple[int, int],
    read_sheet: SheetReader,
    warn: Callable[[int, str, str], None],
    fail: Callable[[int, str, str], None],
    last_row: list[int],
) -> Iterator[Submission]:
    """Each member of ``rows`` (numbered, after the header) as a :class:`Submission` whose answers are
    those of its cell in ``columns[1]`` read as a typed sheet by ``read_sheet``, its name from
    ``columns[0]``; every warning and failure names the row (a line inside the cell is named as such).
    Blank rows are skipped; raises :class:`Fail` when no row has a member."""
    name_at, answers_at = columns
    members = 0
    for number, cells in rows:
        last_row[0] = number - 1
        if not any(c.strip() for c in cells):
            continue
        cells = cells + [""] * (max(columns) + 1 - len(cells))
        member, unprintable = printable_name(clean(cells[name_at].strip()))
        if unprintable:
            warn(number, member, unprintable)
        if not member:
            member = f"（第{number}行）"
            warn(number, "", _("no name in this row; graded as {member}").format(member=member))

        def row_warn(_line: int, where: str, message: str, number: int = number) -> None:
            warn(number, where, message)

        # the cell's lines first (line 1 of the cell is line 1 of the sheet), the row's identity after
        text = f"{cells[answers_at]}\n姓名：{member}\n测验：{key.quiz_id}\n版本：{key.version}\n"
        try:
            sub = read_sheet(text, source, key, row_warn)
        except Fail as exc:
            fail(number, exc.where or member, exc.message)
            continue
        if sub is None:
            continue
        members += 1
        yield replace(sub, name=member, line=number, answers=tuple(replace(a, line=number) for a in sub.answers))
    last_row[0] = 0
    if not members:
        raise Fail(0, _("the table has a header but no member rows (expected one row per member below the header)"))

"""A branch's table of answers (``.csv``, ``.xlsx``), streamed row by row, each row a member's submission."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Literal, overload

from ...i18n import _, join, ngettext
from ...key import AnswerKey
from ..model import GivenAnswer, Submission
from ..normalize import clean
from ..survey_cells import OptionNumbers, ticked
from ..versions import KeySet
from ._common import Fail, SheetHead, check_identity, printable_name
from .answer_cells import SheetReader, answers_column, one_cell_rows
from .columns import column_layout, find_header, has_answer
from .csv_file import MAX_COLUMNS

# -- tables --------------------------------------------------------------------


def xlsx_rows(
    path: Path,
    warn: Callable[[int, str, str], None],
    fits: Callable[[list[list[str]]], bool] | None = None,
    answers: Callable[[list[list[str]]], bool] | None = None,
) -> Iterator[list[str]]:
    """The rows of the first worksheet that holds data (whose first rows ``fits``, if given; a
    warning names the worksheets passed over), as text cells — read once, within limits, see
    :mod:`.workbook`; a later worksheet whose first rows hold ``answers`` fails the file after them."""
    from ..workbook import WorkbookError, worksheet_rows

    try:
        yield from worksheet_rows(path, warn, fits, answers)
    except WorkbookError as exc:
        raise Fail(exc.line, exc.message) from None


#: One row of a table to grade: member name, source (the file as named), row number,
#: raw answer cells in key order, and the row's quiz and version cells ("" when none).
TableRow = tuple[str, str, int, Sequence[str], str, str]

#: A name cell that holds no name: the survey's mark of a question skipped (问卷星 按文本 ``(跳过)``,
#: 按选项序号 ``-3``/``-2``; Moodle's ``-``), compared after :func:`clean` (NFKC: ``（跳过）`` too).
_NO_NAME = frozenset({"(跳过)", "(空)", "(未答)", "(未作答)", "-3", "-2", "-", "--"})

#: A range of questions (``1-8``) in a name cell: a member's answers typed there (``张三 1-8 BADACDBC``).
_NAME_RANGE = re.compile(r"\d\s*[-‐‑–—―~〜]\s*\d")

#: Rows read at once in a block (see :class:`RowBlock`): 256 rows keep a block's cells in the
#: processor's cache while it is coded (1,024 cost 0.026 s more over 100,000 messy rows).
BLOCK = 256


@dataclass(frozen=True)
class RowBlock:
    """Consecutive rows of a table, each what a :data:`TableRow` would hold with no quiz or
    version cell: ``names[i]`` (cleaned) answered ``rows[i]`` (raw cells in key order) on row
    ``lines[i]`` of ``source``.  Only rows that give no warning and no failure come as a block."""

    names: list[str]
    source: str
    lines: Sequence[int]
    rows: list[Sequence[str]]

    def __iter__(self) -> Iterator[TableRow]:
        """The rows one by one, as :data:`TableRow` tuples."""
        for name, line, row in zip(self.names, self.lines, self.rows, strict=True):
            yield name, self.source, line, row, "", ""


def _block(
    lines: Sequence[int],
    rows: Sequence[list[str]],
    source: str,
    name_at: int,
    width: int,
    pick: Callable[[list[str]], Sequence[str]] | None,
) -> RowBlock | None:
    """``rows`` (read from rows ``lines``) as a :class:`RowBlock` when every row has exactly ``width``
    cells and a name that is already clean (printable, NFKC, single spaces, not blank, not a
    survey's mark of 姓名 skipped), else ``None``
    (``rows`` as they were).  ``pick`` gives a row's answer cells in key order; ``None`` when they are
    every cell but the name, in order: each row's name is then taken out of the row (``list.pop``),
    which leaves the answer cells, instead of copying them (0.06 s of 100,000 rows of 21 cells)."""
    if set(map(len, rows)) != {width}:
        return None
    if pick is None:
        taken = list(map(list.pop, rows, repeat(name_at)))
        names = list(map(str.strip, taken))
    else:
        names = list(map(str.strip, map(itemgetter(name_at), rows)))
    # the names joined by a space are printable, NFKC and without a double space exactly when each
    # name is (a space is printable, composes with nothing and blocks reordering), checked in one call
    joined = " ".join(names)
    nfkc: Literal["NFKC"] = "NFKC"
    skipped = ("(" in joined or "-" in joined) and not _NO_NAME.isdisjoint(names)  # a survey's 姓名 skipped
    ranged = ("-" in joined or "—" in joined or "~" in joined) and any(map(_NAME_RANGE.search, names))
    if (
        skipped
        or ranged  # 张三 1-8 BADACDBC: answers typed into the name cell, warned of row by row
        or "" in names
        or "  " in joined
        or not joined.isprintable()
        or not unicodedata.is_normalized(nfkc, joined)
    ):
        if pick is None:  # the rows as read, for the caller to read one by one
            list(map(list.insert, rows, repeat(name_at), taken))
        return None
    return RowBlock(names, source, lines, list(rows) if pick is None else list(map(pick, rows)))


def _numbered(rows: Iterator[list[str]], count: list[int]) -> Iterator[tuple[int, list[str]]]:
    """``rows`` numbered from 1, as ``enumerate`` would, with ``count[0]`` the number of the last one
    given: so their reader can go on from ``rows`` itself and know the next row's number."""
    for count[0], cells in enumerate(rows, 1):  # count[0] is read by the caller
        yield count[0], cells


#: The states of a Moodle attempt that was never submitted (mod/quiz ``stateinprogress``, ``stateoverdue``,
#: ``stateabandoned``: English, the zh_tw pack's 進行中 / 過期 / 從未提交, their Simplified forms, and the
#: zh_cn pack's 逾期): Moodle gives it no grade, so neither does studykit.
_UNSUBMITTED = frozenset(
    {"in progress", "overdue", "never submitted", "进行中", "進行中", "过期", "過期", "逾期", "超时", "从未提交", "從未提交"}
)  # fmt: skip


def _moodle_rows(
    rows: Iterable[tuple[int, list[str]]],
    surname: int,
    first: int,
    state: int,
    warn: Callable[[int, str, str], None],
) -> Iterator[tuple[int, list[str]]]:
    """``rows`` of a Moodle report with the first name's cell holding the whole name: 姓 then 名 (``赵``
    ``一`` → ``赵一``), or ``First Surname`` when both are ASCII, as Moodle shows a name; an attempt never
    submitted (State ``In progress``, ``Overdue``, ``Never submitted``) is left out with a warning."""
    for number, cells in rows:
        if len(cells) > max(surname, first):
            family, given = cells[surname].strip(), cells[first].strip()
            whole = f"{given} {family}" if (family + given).isascii() else family + given
            cells = [*cells[:first], whole.strip(), *cells[first + 1 :]]
            if 0 <= state < len(cells) and clean(cells[state]).strip().casefold() in _UNSUBMITTED:
                warn(
                    number,
                    whole.strip(),
                    _(
                        "row skipped: this Moodle attempt was not submitted (state {state!r}; Moodle grades finished attempts only)"
                    ).format(state=cells[state].strip()),
                )
                continue
        yield number, cells


@overload
def table_rows(
    rows: Iterable[list[str]],
    name: str,
    key: AnswerKey,
    name_column: str | None,
    warn: Callable[[int, str, str], None],
    fail: Callable[[int, str, str], None],
    last_row: list[int],
    *,
    text_table: bool = True,
    blocks: Literal[False] = False,
    read_sheet: SheetReader | None = None,
) -> Iterator[TableRow | Submission]: ...
@overload
def table_rows(
    rows: Iterable[list[str]],
    name: str,
    key: AnswerKey,
    name_column: str | None,
    warn: Callable[[int, str, str], None],
    fail: Callable[[int, str, str], None],
    last_row: list[int],
    *,
    text_table: bool = True,
    blocks: bool,
    read_sheet: SheetReader | None = None,
) -> Iterator[TableRow | RowBlock | Submission]: ...
def table_rows(
    rows: Iterable[list[str]],
    name: str,
    key: AnswerKey,
    name_column: str | None,
    warn: Callable[[int, str, str], None],
    fail: Callable[[int, str, str], None],
    last_row: list[int],
    *,
    text_table: bool = True,
    blocks: bool = False,
    read_sheet: SheetReader | None = None,
) -> Iterator[TableRow | RowBlock | Submission]:
    """The rows of a table to grade, one per member after the header row (found among the
    first rows, see :func:`find_header`).  Blank rows are skipped; a row with no name and
    no readable answer (a second header row) is skipped with a warning; rows of another
    quiz or version fail.  A row with a non-empty cell beyond the header's last column is
    a warning in a workbook (a column without a header) and fails in a ``text_table`` (an
    unquoted comma shifted its cells: no answer after it can be placed); in a text table, a
    row with fewer cells than the header is a warning (an .xlsx row may omit trailing empty cells).
    A table with no member row below its header fails.  With ``blocks``, rows are read
    :data:`BLOCK` at a time and a block of rows that give no warning (as many cells as the header,
    a clean name, no 测验/版本 or option-tick columns, a table not of option numbers) comes as one
    :class:`RowBlock`; a read error inside a block comes after the rows read before it.  With ``read_sheet``, a
    table of one answers column (``姓名 | 答案``, see :mod:`.answer_cells`) gives a :class:`Submission` per
    member, each cell read as a typed sheet by it."""
    raw = iter(rows)
    count = [0]  # the number of the last row read through ``numbered``
    numbered = _numbered(raw, count)
    header_row, header, above, after = find_header(numbered, key, name_column, last_row, warn)
    if len(header) > MAX_COLUMNS:  # a tab-separated .txt table (a CSV one stops in csv_rows)
        fail(
            header_row,
            "",
            _("the header has {count:,} columns; a table of answers has at most {limit:,}").format(
                count=len(header), limit=MAX_COLUMNS
            ),
        )
        return
    one_cell = answers_column(header, key, name_column) if read_sheet is not None else None
    if one_cell is not None and read_sheet is not None:  # 姓名 | 答案: a member's answers in one cell
        yield from one_cell_rows(
            itertools.chain(after, numbered), name, key, one_cell, read_sheet, warn, fail, last_row
        )
        return
    layout = column_layout(header, key, name_column, header_row, warn)
    header_width = max((i + 1 for i, h in enumerate(header) if h.strip()), default=0)
    if above:
        shown = join(map(str, above))
        warn(
            header_row,
            "",
            ngettext(
                "the header is row {header_row}; row {shown} above it ignored",
                "the header is row {header_row}; rows {shown} above it ignored",
                len(above),
            ).format(header_row=header_row, shown=shown),
        )
    by_number = dict((n, col) for col, n in layout.questions)
    columns = [by_number[it.number] for it in key.items]
    name_at, quiz_at, version_at = layout.name, layout.quiz, layout.version
    width = max([*columns, *(t[0] for t in layout.options), name_at, quiz_at, version_at]) + 1
    index = {it.number: k for k, it in enumerate(key.items)}
    ticks: dict[int, list[tuple[int, int]]] = {}  # key index → (option index, column) of its option columns
    named: dict[int, set[int]] = {}  # key index → columns naming their option by its text
    for col, n, option, by_text in layout.options:
        ticks.setdefault(index[n], []).append((option, col))
        if by_text:
            named.setdefault(index[n], set()).add(col)
    numbers = OptionNumbers(key.items, skip=set(ticks), reordered=layout.reordered)
    pick: Callable[[list[str]], Sequence[str]]
    if len(columns) == 1:
        only = columns[0]
        pick = lambda cells: (cells[only],)  # noqa: E731
    else:
        pick = itemgetter(*columns)
    checked = quiz_at >= 0 or version_at >= 0
    quiz = version = ""
    beyond = _("a column without a header?")
    members = 0
    source_rows: Iterator[tuple[int, list[str]]] = itertools.chain(after, numbered)
    if layout.surname >= 0:  # a name in two columns (Moodle): only such tables pay for joining them
        source_rows = _moodle_rows(source_rows, layout.surname, name_at, layout.state, warn)
    last_read = header_row  # the last row read: what a read error leaves graded
    # a block of rows that cannot warn (as many cells as the header, which covers every column read)
    block_width = header_width if blocks and not checked and not ticks and header_width >= width else 0
    # a row's answer cells are every cell but the name, in key order: blocks take the name out of each row
    cut = None if sorted([name_at, *columns]) == list(range(block_width)) and columns == sorted(columns) else pick
    # once the rows read past the header are used, rows are read straight from ``raw`` and numbered
    # by a range (no (number, row) pair a row; not for Moodle, whose rows are rewritten on the way)
    pending = len(after) if layout.surname < 0 else -1  # rows of ``after`` still to read (-1: read no other way)
    next_number = count[0] + 1
    while True:
        got: list[list[str]] = []
        lines: Sequence[int]
        error: Exception | None = None
        if pending:
            pairs: list[tuple[int, list[str]]] = []
            try:
                pairs.extend(islice(source_rows, BLOCK))
            except Exception as exc:  # a decoding or CSV error: the rows read before it are graded first
                error = exc
            lines = [number for number, _cells in pairs]
            got = [cells for _number, cells in pairs]
            if pending > 0:
                pending = max(0, pending - len(pairs))
                next_number = count[0] + 1  # ``numbered`` hands over: ``raw`` goes on at its next row
        else:
            try:
                got.extend(islice(raw, BLOCK))
            except Exception as exc:  # as above
                error = exc
            lines = range(next_number, next_number + len(got))
            next_number += len(got)
        read = len(got)
        if got:
            last_read = lines[-1]
        fits = block_width and error is None and got and numbers.numbered is False
        block = _block(lines, got, name, name_at, block_width, cut) if fits else None
        if block is not None:
            last_row[0] = lines[-1] - 1
            members += read
            yield block
            lines, got = (), []
        for number, cells in zip(lines, got, strict=True):
            last_row[0] = number - 1
            given = len(cells)
            if given < width:
                cells = cells + [""] * (width - given)
            member = clean(cells[name_at].strip())
            if not member.isprintable():  # 张\x00三 (_block leaves a name that is not printable to this loop)
                member, unprintable = printable_name(member)
                warn(number, member, unprintable)
            if not member or member in _NO_NAME:  # 姓名 skipped on the survey: no name, not a member "(跳过)"
                if not any(c.strip() for c in cells):
                    continue
                if not has_answer(cells, layout, key):
                    warn(number, "", _("row skipped: no name and no readable answer (a second header row?)"))
                    continue
                member = f"（第{number}行）"
                warn(number, "", _("no name in this row; graded as {member}").format(member=member))
            members += 1
            if (
                ("-" in member or "—" in member or "~" in member)
                and _NAME_RANGE.search(member)
                and not has_answer(cells, layout, key)
            ):
                warn(
                    number,
                    member,
                    _(
                        "the name cell {name!r} seems to hold the answers and the row's answer cells are empty: every "
                        "question scores 0 (put each answer in its question's column)"
                    ).format(name=member[:40]),
                )
            if text_table and given < header_width:
                warn(
                    number,
                    member,
                    _(
                        "the row has {given} cells but the header has {header_width}; the missing ones are read as unanswered"
                    ).format(given=given, header_width=header_width),
                )
            elif given > header_width and any(c.strip() for c in cells[header_width:]):
                extra = [c.strip() for c in cells[header_width:] if c.strip()]
                used = max(i for i, c in enumerate(cells) if c.strip()) + 1
                shown = join([*(repr(c[:30]) for c in extra[:3]), *(["…"] if len(extra) > 3 else [])])
                if text_table:  # the cells after a stray comma are shifted: every answer after it is a guess
                    fail(
                        number,
                        member,
                        _(
                            "the row has {used} cells but the header has {header_width} ({shown} beyond it): an unquoted "
                            "comma in the name or an answer shifts the cells after it, so which answer belongs to which "
                            "question cannot be told; quote that cell or remove the comma"
                        ).format(used=used, header_width=header_width, shown=shown),
                    )
                    continue
                warn(
                    number,
                    member,
                    _(
                        "the row has {used} cells but the header has {header_width}; the cells beyond the header are ignored ({shown}) — {beyond}"
                    ).format(used=used, header_width=header_width, shown=shown, beyond=beyond),
                )
            if checked:
                quiz = clean(cells[quiz_at].strip()) if quiz_at >= 0 else ""
                version = clean(cells[version_at].strip()) if version_at >= 0 else ""
                try:
                    head = SheetHead(member, quiz, version, number, number)
                    check_identity(key, head, version_given=version_at >= 0, row=True)
                except Fail as exc:
                    fail(number, member, exc.message)
                    continue
            picked = pick(cells)
            if ticks:
                picked = list(picked)
                own = key.version_of(version) if isinstance(key, KeySet) and version else None
                for k, group in ticks.items():
                    if own is not None and own.items[k].options != key.items[k].options:
                        # a row of another version: an option named by its text has that version's letter
                        where = {text: i for i, text in enumerate(own.items[k].options)}
                        texts = key.items[k].options
                        group = [(where.get(texts[o], o) if col in named.get(k, ()) else o, col) for o, col in group]
                    options = own.items[k].options if own is not None else key.items[k].options
                    picked[k] = ticked([(option, cells[col]) for option, col in group], options)
            if numbers.numbered is not False:
                picked = numbers.convert(picked)
                if numbers.failure:  # not answers at all (问卷星 按分数): the file, not this row
                    raise Fail(header_row, numbers.failure)
                if numbers.note:
                    warn(header_row, "", numbers.note)
                    numbers.note = ""
            yield member, name, number, picked, quiz, version
        if error is not None:
            last_row[0] = last_read  # every row read before the error is graded (or failed on its own)
            raise error
        if read < BLOCK:
            break
    last_row[0] = 0
    if not members:
        raise Fail(0, _("the table has a header but no member rows (expected one row per member below the header)"))


def submission(key: AnswerKey, row: TableRow) -> Submission:
    """A table row as a :class:`Submission` (answers in item-number order, stripped)."""
    member, source, number, cells, quiz, version = row
    order = sorted(range(len(key.items)), key=lambda k: key.items[k].number)
    answers = tuple(GivenAnswer(key.items[k].number, cells[k].strip(), number) for k in order)
    return Submission(member, source, answers, number, quiz, version)

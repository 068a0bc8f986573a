"""A branch's table of answers (``.csv``, ``.xlsx``), streamed row by row, each row a member's submission."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO, overload

from ...i18n import _, join, ngettext
from ...key import AnswerKey
from ..model import GivenAnswer, Submission
from ..normalize import clean
from ..survey_cells import OptionNumbers, ticked
from ..versions import KeySet
from ._common import Fail, SheetHead, check_identity
from .columns import column_layout, find_header, has_answer
from .encoding import detect_encoding

if TYPE_CHECKING:
    from _csv import Dialect as _Dialect
    from _csv import Reader as _reader


# -- tables --------------------------------------------------------------------
#: The longest line a CSV table may have, in characters: far above any row of answers (16,384
#: columns of 60 characters), and read no further, so a file of one line of gigabytes (a
#: sparse or binary file given as a table) fails in a moment instead of being read whole.
MAX_LINE = 1 << 20


#: The most columns a CSV table's header may have, as for a worksheet (:data:`studykit.grade.workbook.MAX_COLUMNS`).
MAX_COLUMNS = 4_096


def _csv_reader(f: TextIO) -> _reader:
    """A ``csv.reader`` over ``f``: comma-separated, or tab- or semicolon-separated when the
    first line has no comma and has that separator (Excel's "Unicode text", a European Excel).
    A line of :data:`MAX_LINE` characters or more raises :class:`csv.Error` naming it."""
    first = f.readline(MAX_LINE)
    f.seek(0)
    dialect: type[csv.Dialect] | str = "excel"
    if "," not in first and "\t" in first:
        dialect = "excel-tab"
    lines = _lines(f)
    return (
        csv.reader(lines, dialect, delimiter=";") if "," not in first and ";" in first else csv.reader(lines, dialect)
    )


def _lines(f: TextIO) -> Iterator[str]:
    """The lines of ``f``, each read no further than :data:`MAX_LINE` characters; raises
    :class:`csv.Error` at a line that goes on past it."""
    for number, line in enumerate(iter(partial(f.readline, MAX_LINE), ""), 1):
        if len(line) == MAX_LINE and line[-1] not in "\r\n":
            raise csv.Error(
                _("line {line} goes on past {limit:,} characters, far longer than a row of answers").format(
                    line=number, limit=MAX_LINE
                )
            )
        yield line


#: A byte that did not decode, as ``surrogateescape`` writes it.
_UNDECODED = re.compile("[\udc80-\udcff]")


#: Rows read from a CSV file at a time: a block whose rows took one line each needs no check
#: for a quote left open (the per-row check cost 0.1 µs a row, 1.5 % of grading 100,000).
_ROWS = 256


def csv_rows(path: Path, encoding: str | None) -> Iterator[list[str]]:
    """The rows of the CSV file at ``path`` in ``encoding`` (``None``: detected).

    A row whose cell holds lines that are rows of the table (:func:`_swallowed`: a quote
    opened and never closed) raises :class:`csv.Error` naming it, after the rows before it;
    so does a last row (or a header with no row after it) whose quote is still open at the end
    of the file (:func:`_open_at_end`), which is why each block's last row is yielded only
    once the next block is read.
    A byte that does not decode raises :class:`UnicodeDecodeError` after every row before
    the row holding it.  Python decodes a file 8 KB at a time, so the rows of that part
    before the byte would be lost with it: they are read again, from the start with the
    undecodable bytes kept, up to the first row that holds one."""
    enc = encoding or detect_encoding(path)
    with open(path, encoding=enc, newline="") as f:
        lines = number = 0  # the file's lines the rows read so far came from; those rows
        held: list[str] | None = None  # the last row read, yielded once the file is known to go on
        try:
            reader = _csv_reader(f)  # reads the first line: the first 8 KB are decoded here
            head = next(reader, None)
            if head is None:
                return
            width, delimiter = len(head), reader.dialect.delimiter
            if width > MAX_COLUMNS:  # a warning for each column the key has no question for, 500,000 of them
                raise csv.Error(
                    _("the header has {count:,} columns; a table of answers has at most {limit:,}").format(
                        count=width, limit=MAX_COLUMNS
                    )
                )
            _swallowed(head, 1, 1, delimiter, width)  # a quote opened in the header takes the members
            if _open_at_end(head, path, enc, reader.dialect, width):
                _open_to_end(1, 1)
            yield head
            lines, number = reader.line_num, 1
            while got := list(islice(reader, _ROWS)):
                if held is not None:
                    yield held
                if reader.line_num - lines == len(got):  # a line a row: no cell ran over lines
                    yield from islice(got, len(got) - 1)
                    held = got[-1]
                else:
                    held = None
                    try:
                        for row in _checked(got, number, lines, delimiter, width):
                            if held is not None:
                                yield held
                            held = row
                    except csv.Error:  # the rows before the one that swallowed the rest are graded
                        if held is not None:
                            yield held
                        raise
                lines, number = reader.line_num, number + len(got)
            if held is not None:
                if _open_at_end(held, path, enc, reader.dialect, width):  # its last break is in its last cell
                    _open_to_end(number, lines - _row_lines(held) + 1 + held[-1].endswith(("\n", "\r")))
                yield held
        except UnicodeDecodeError:
            if held is not None:  # read whole before the decoder stopped
                yield held
            yield from _rows_before_undecoded(path, enc, lines, number)
            raise


#: The end of a file read again to check its last row strictly (a longer row is not checked).
_TAIL = 1 << 18

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FILE_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _row_lines(row: list[str]) -> int:
    """The file's lines ``row`` took: one, and one more for each line break in its cells."""
    return 1 + sum(len(_LINE_BREAK.findall(cell)) for cell in row if "\n" in cell or "\r" in cell)


def _open_at_end(row: list[str], path: Path, encoding: str, dialect: _Dialect, width: int) -> bool:
    """Whether ``row``, the last of the file at ``path`` (in ``encoding``), ends inside a quote
    opened in it and never closed: Python's reader then takes the rest of the file as that cell,
    the row's later answers with it, without a word.  Read again strictly, such a row fails,
    and with the quote closed at the end it reads."""
    ends = row[-1].endswith(("\n", "\r")) if row else False
    if len(row) >= width and not ends:
        return False  # every cell there and the last not ended by a line break: nothing taken
    decoder = codecs.getincrementaldecoder(encoding)("surrogateescape")
    with open(path, "rb") as f:
        size = f.seek(0, io.SEEK_END)
        start = max(0, size - _TAIL) // 4 * 4  # whole code units of UTF-16 and UTF-32
        if start:
            f.seek(0)
            decoder.decode(f.read(4))  # a byte-order mark sets the byte order; the rest is dropped below
        f.seek(start)
        lines = _FILE_LINE.findall(decoder.decode(f.read(), final=True))
    if start:
        del lines[0]  # begun inside a line
    raw = "".join(lines[-_row_lines(row) :])
    if raw.count(dialect.quotechar or '"') % 2 == 0:
        return False
    try:
        list(csv.reader(io.StringIO(raw, newline=""), dialect, strict=True))
    except csv.Error:
        try:
            list(csv.reader(io.StringIO(raw + (dialect.quotechar or '"'), newline=""), dialect, strict=True))
        except csv.Error:
            return False
        return True
    return False


def _open_to_end(row: int, line: int) -> None:
    raise csv.Error(
        _(
            'a quote (") opened in a cell of row {row} (line {line}) is not closed, so the rest of the file '
            "was read into that cell; close or remove the quote"
        ).format(row=row, line=line)
    )


def _checked(rows: list[list[str]], number: int, lines: int, delimiter: str, width: int) -> Iterator[list[str]]:
    """``rows`` (the rows after row ``number``, which ended on line ``lines``), each checked by
    :func:`_swallowed` before it is yielded."""
    for row in rows:
        number += 1
        _swallowed(row, number, lines + 1, delimiter, width)
        lines += 1 + sum(cell.count("\n") for cell in row)
        yield row


def _rows_before_undecoded(path: Path, encoding: str, lines: int, number: int) -> Iterator[list[str]]:
    """The rows of ``path`` after its first ``lines`` lines (rows 1 to ``number``, read
    already), up to (without) the first that holds a byte ``encoding`` cannot decode; each
    after the header checked by :func:`_swallowed`."""
    with open(path, encoding=encoding, errors="surrogateescape", newline="") as f:
        reader = _csv_reader(f)
        delimiter, width, end = reader.dialect.delimiter, 0, 0
        for row in reader:
            start, end = end + 1, reader.line_num
            if any(map(_UNDECODED.search, row)):
                return
            if not width:
                width = len(row)  # the header
            if end > lines:
                number += 1
                if number > 1:
                    _swallowed(row, number, start, delimiter, width)
                yield row


def _swallowed(row: list[str], row_number: int, line: int, delimiter: str, width: int) -> None:
    """Raise :class:`csv.Error` when a cell of ``row`` (which began on ``line`` of the file) holds lines that
    are rows of the table (a delimiter between each two of at least half the first row's ``width`` cells): a quote
    opened in a cell (``乙,"B,A,…``) and never closed takes every row after it into that cell, and the
    members there would be lost without a word.  A cell holding a line break of its own is no such row."""
    least = max(2, (width - 1) // 2)
    for cell in row:
        if "\n" not in cell:
            continue
        lines = [part for part in cell.split("\n")[1:] if part.strip()]
        if any(part.count(delimiter) >= least for part in lines):
            raise csv.Error(
                ngettext(
                    'a quote (") opened in a cell of row {row} (line {line}) is not closed, so the line after it '
                    "— a row of members — was read into that cell; close or remove the quote",
                    'a quote (") opened in a cell of row {row} (line {line}) is not closed, so the {count} lines '
                    "after it — rows of members — were read into that cell; close or remove the quote",
                    len(lines),
                ).format(row=row_number, line=line, count=len(lines))
            )


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
    lines: list[int]
    rows: list[Sequence[str]]

    def __iter__(self) -> Iterator[TableRow]:
        """The rows one by one, as :data:`TableRow` tuples."""
        for name, line, row in zip(self.names, self.lines, self.rows, strict=True):
            yield name, self.source, line, row, "", ""


def _block(
    got: list[tuple[int, list[str]]], source: str, name_at: int, width: int, pick: Callable[[list[str]], Sequence[str]]
) -> RowBlock | None:
    """``got`` (row numbers and cells) as a :class:`RowBlock` when every row has exactly ``width``
    cells and a name that is already clean (printable, NFKC, single spaces, not blank), else ``None``."""
    lines, rows = zip(*got, strict=True)
    if set(map(len, rows)) != {width}:
        return None
    names = list(map(str.strip, map(itemgetter(name_at), rows)))
    if "" in names or not all(map(str.isprintable, names)) or "  " in "\n".join(names):
        return None
    nfkc: Literal["NFKC"] = "NFKC"
    if not all(map(unicodedata.is_normalized, repeat(nfkc), names)):
        return None
    return RowBlock(names, source, list(lines), list(map(pick, rows)))


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
) -> Iterator[TableRow]: ...
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
) -> Iterator[TableRow | RowBlock]: ...
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
) -> Iterator[TableRow | RowBlock]:
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
    :class:`RowBlock`; a read error inside a block comes after the rows read before it."""
    numbered = enumerate(rows, 1)
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
    numbers = OptionNumbers(key.items, skip=set(ticks))
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
    source_rows = itertools.chain(after, numbered)
    last_read = header_row  # the last row read: what a read error leaves graded
    # a block of rows that cannot warn (as many cells as the header, which covers every column read)
    block_width = header_width if blocks and not checked and not ticks and header_width >= width else 0
    while True:
        got: list[tuple[int, list[str]]] = []
        error: Exception | None = None
        try:
            got.extend(islice(source_rows, BLOCK))
        except Exception as exc:  # a decoding or CSV error: the rows read before it are graded first
            error = exc
        read = len(got)
        if got:
            last_read = got[-1][0]
        fits = block_width and error is None and got and numbers.numbered is False
        block = _block(got, name, name_at, block_width, pick) if fits else None
        if block is not None:
            last_row[0] = got[-1][0] - 1
            members += read
            yield block
            got = []
        for number, cells in got:
            last_row[0] = number - 1
            given = len(cells)
            if given < width:
                cells = cells + [""] * (width - given)
            member = clean(cells[name_at].strip())
            if not member:
                if not any(c.strip() for c in cells):
                    continue
                if not has_answer(cells, layout, key):
                    warn(number, "", _("row skipped: no name and no readable answer (a second header row?)"))
                    continue
                member = f"（第{number}行）"
                warn(number, "", _("no name in this row; graded as {member}").format(member=member))
            members += 1
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

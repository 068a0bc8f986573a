"""A branch's CSV table of answers read row by row: its dialect, lines of at most :data:`MAX_LINE`
bytes, a quote left open (in a row, the header or the last row) named, and the rows before an
undecodable byte kept."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ...i18n import _, ngettext
from .encoding import detect_encoding

if TYPE_CHECKING:
    from _csv import Dialect as _Dialect
    from _csv import Reader as _reader


#: The longest line a CSV table may have, in bytes: far above any row of answers (4,096 columns
#: of 80 characters), and never read, so a file of one line of gigabytes (a sparse or binary
#: file given as a table) fails in a moment instead of being read whole (:func:`long_line`).
MAX_LINE = 1 << 20


#: The most columns a CSV table's header may have, as for a worksheet (:data:`studykit.grade.workbook.MAX_COLUMNS`).
MAX_COLUMNS = 4_096


def _csv_reader(f: TextIO, lines: int = 0) -> _reader:
    """A ``csv.reader`` over ``f``: comma-separated, or tab- or semicolon-separated when the
    first line has no comma and has that separator (Excel's "Unicode text", a European Excel).
    With ``lines``, the number of a line :func:`long_line` found too long, it reads the lines
    before it and then raises :class:`csv.Error` naming it (never reading that line)."""
    first = f.readline(MAX_LINE)
    f.seek(0)
    dialect: type[csv.Dialect] | str = "excel"
    if "," not in first and "\t" in first:
        dialect = "excel-tab"
    source: Iterator[str] = chain(islice(f, lines - 1), _too_long(lines)) if lines else f
    return (
        csv.reader(source, dialect, delimiter=";") if "," not in first and ";" in first else csv.reader(source, dialect)
    )


def _too_long(line: int) -> Iterator[str]:
    raise csv.Error(
        _("line {line} goes on past {limit:,} bytes, far longer than a row of answers").format(
            line=line, limit=MAX_LINE
        )
    )
    yield ""  # a generator: raises when the reader reaches it


#: Bytes read at a time by :func:`long_line`.
_SCAN = 1 << 20


def long_line(path: Path) -> int:
    """The number of the first line of the file at ``path`` longer than :data:`MAX_LINE` bytes,
    else 0: its bytes are scanned a MiB at a time for line breaks (``\\n`` or ``\\r``, a byte
    of every encoding a table may have), so a file of one line of gigabytes (a sparse or binary
    file given as a table) fails in a moment instead of being read whole.  Costs a read of the
    file from the page cache (a few ms for 28 MB), where checking each line as it was read cost
    10-15 ms a 100,000 rows."""
    since = 0  # bytes since the last line break
    buffer = bytearray(_SCAN)
    with open(path, "rb", buffering=0) as f:
        while n := f.readinto(buffer):
            breaks = [i for i in (buffer.find(b"\n", 0, n), buffer.find(b"\r", 0, n)) if i >= 0]
            if not breaks:
                since += n
            elif since + min(breaks) > MAX_LINE:
                return _first_long(path)
            else:
                since = n - 1 - max(buffer.rfind(b"\n", 0, n), buffer.rfind(b"\r", 0, n))
            if since > MAX_LINE:
                return _first_long(path)
    return 0


def _first_long(path: Path) -> int:
    """The number of the first line of ``path`` longer than :data:`MAX_LINE` bytes, else 0 (the slow
    count, on the error path only)."""
    with open(path, "rb") as f:
        number, since = 1, 0
        while block := f.read(_SCAN):  # (a \r\n split between two blocks counts twice: the error path only)
            for piece in re.split(rb"(\r\n|\n|\r)", block):
                if piece in (b"\r\n", b"\n", b"\r"):
                    number, since = number + 1, 0
                else:
                    since += len(piece)
                    if since > MAX_LINE:
                        return number
    return 0


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
    too_long = long_line(path)
    with open(path, encoding=enc, newline="") as f:
        lines = number = 0  # the file's lines the rows read so far came from; those rows
        held: list[str] | None = None  # the last row read, yielded once the file is known to go on
        try:
            reader = _csv_reader(f, too_long)  # reads the first line: the first 8 KB are decoded here
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
            yield from _rows_before_undecoded(path, enc, lines, number, too_long)
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


def _rows_before_undecoded(
    path: Path, encoding: str, lines: int, number: int, too_long: int = 0
) -> Iterator[list[str]]:
    """The rows of ``path`` after its first ``lines`` lines (rows 1 to ``number``, read
    already), up to (without) the first that holds a byte ``encoding`` cannot decode; each
    after the header checked by :func:`_swallowed`."""
    with open(path, encoding=encoding, errors="surrogateescape", newline="") as f:
        reader = _csv_reader(f, too_long)
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

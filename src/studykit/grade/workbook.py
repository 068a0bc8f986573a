"""Reading an ``.xlsx`` answer table once, within limits, whatever the file holds.

A workbook is a zip of XML files, and a hostile or broken one can hold anything: a
zip bomb, entity declarations (XXE, "billion laughs"), one cell at ``XFD1048576``,
millions of empty rows, a 300 MB cell, a stale ``<dimension>``, a truncated archive
or mismatched tags.  :func:`worksheet_rows` checks the archive before openpyxl
parses it and reads the worksheet in one pass:

1. the zip's directory: at most :data:`MAX_MEMBERS` files, unpacking to at most
   :data:`MAX_UNPACKED` bytes together, none of more than 1 MiB compressed more
   than :data:`MAX_RATIO` to 1 (a spreadsheet compresses about 16 to 1);
2. each XML file, streamed: no ``<!DOCTYPE``/``<!ENTITY`` (no Excel or WPS
   workbook declares any; ``defusedxml`` also refuses them inside openpyxl), UTF-8
   only, and no run of text longer than a cell can hold;
3. the rows: the ``<dimension>`` tag is not trusted (every row holding data is
   read), at most :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns, each cell
   at most :data:`MAX_CELL` characters (Excel's own limit).

Every failure — of these limits or of openpyxl reading the file — raises
:class:`WorkbookError` with a one-line message; nothing else escapes.  The limits
are far above any branch's or contest's answer table (see the README).
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import AnswerFileError
from ..i18n import _, join, ngettext, pgettext
from .archive import Breach, ZipLimits, breach

#: Files in the archive (an Excel workbook of one sheet holds about ten).
MAX_MEMBERS = 10_000
#: Bytes the archive may unpack to, all files together (256 MiB; a table of 20,000 members
#: and 30 questions unpacks to 31 MB).
MAX_UNPACKED = 256 << 20
#: How much more than 1 MiB a file may unpack to than it takes in the archive.
MAX_RATIO = 100
#: Rows of a worksheet: ``<row>`` elements, and the number of the last row with data.
MAX_ROWS = 200_000
#: Bytes of the workbook's shared texts (openpyxl holds them all in memory).
MAX_SHARED_STRINGS = 64 << 20
#: A ``<row>`` element, with or without a namespace prefix.
_ROW = re.compile(rb"<(?:\w+:)?row[\s/>]")
#: Columns a row may reach.
MAX_COLUMNS = 4_096
#: Characters in one cell: Excel's own limit.
MAX_CELL = 32_767
#: Bytes between two ``<`` of the XML (a cell's text, escaped: at most 6 bytes a character).
_MAX_RUN = 6 * MAX_CELL
_CHUNK = 1 << 20
#: Where openpyxl's filler rows end: Excel's last row (beyond it only a hostile file goes).
_LAST_ROW = 1_048_576

Warn = Callable[[int, str, str], None]


class WorkbookError(AnswerFileError):
    """An .xlsx file that cannot be read; ``line`` is the worksheet row (0: the whole file)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def _size(n: int) -> str:
    return _("{size:,.1f} MiB").format(size=n / (1 << 20)) if n >= 1 << 20 else _("{size:,} bytes").format(size=n)


#: The limits of step 1, as the guard shared with the .docx reader takes them.
_LIMITS = ZipLimits(MAX_MEMBERS, MAX_UNPACKED, MAX_RATIO)


def _breach_message(found: Breach) -> str:
    """What a workbook breaking a limit of step 1 is told."""
    if found.limit == "members":
        return _("the workbook holds {count:,} files (at most {limit:,}); not read").format(
            count=found.count, limit=MAX_MEMBERS
        )
    if found.limit == "unpacked":
        return _(
            "the workbook unpacks to {total} ({name} alone {size}); the limit is {limit}, far above any "
            "answer table — not read"
        ).format(total=_size(found.total), name=found.name, size=_size(found.size), limit=_size(MAX_UNPACKED))
    return _(
        "{name} unpacks {ratio:,} times larger than it is packed ({size}; a spreadsheet packs about 16 "
        "to 1) — a zip bomb? not read"
    ).format(name=found.name, ratio=found.ratio, size=_size(found.size))


def check_archive(archive: zipfile.ZipFile) -> None:
    """Raise :class:`WorkbookError` unless ``archive``'s directory and XML files keep the
    limits of steps 1 and 2 of this module's description.  Reads each XML file once, in
    1 MiB chunks (memory stays flat whatever the file holds)."""
    found = breach(archive, _LIMITS)
    if found is not None:
        raise WorkbookError(_breach_message(found))
    for info in archive.infolist():
        name = info.filename
        if name.lower().endswith("sharedstrings.xml") and info.file_size > MAX_SHARED_STRINGS:
            raise WorkbookError(
                _("{name} unpacks to {size}, more than the {limit} of texts an answer table needs "
                  "(openpyxl holds them all in memory); not read").format(
                    name=name, size=_size(info.file_size), limit=_size(MAX_SHARED_STRINGS))
            )  # fmt: skip
        if name.lower().endswith((".xml", ".rels", ".vml")):
            with archive.open(info) as stream:
                rows = _check_xml(name, stream)
            if rows > MAX_ROWS:
                raise WorkbookError(
                    _("{name} has {rows:,} rows, more than the limit of {limit:,}; not read").format(
                        name=name, rows=rows, limit=MAX_ROWS)
                )  # fmt: skip


def _check_xml(name: str, stream: IO[bytes]) -> int:
    """How many ``<row>`` elements the XML file ``name`` (read from ``stream``) holds (give or
    take one split between two chunks).  Raises :class:`WorkbookError` when it is not UTF-8,
    declares a DTD or entities, or holds a run of more than :data:`_MAX_RUN` bytes without
    ``<`` (a run of 1.5 times that is always caught; a shorter one may be)."""
    head = stream.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00<", b"<\x00")):
        raise WorkbookError(_("{name} is not UTF-8 XML (Excel and WPS write UTF-8); not read").format(name=name))
    run = 0  # bytes since the last "<"
    rows = 0
    tail = b""
    chunk = head
    while chunk:
        rows += len(_ROW.findall(chunk))
        window = tail + chunk
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise WorkbookError(
                _("{name} declares a DTD or entities (<!DOCTYPE, <!ENTITY), which no Excel or WPS workbook "
                  "does (XXE or an entity bomb?); not read").format(name=name)
            )  # fmt: skip
        tail = chunk[-9:]
        first = chunk.find(b"<")
        if first < 0:
            run += len(chunk)
        else:
            run += first
            last = chunk.rfind(b"<")
            probe = first
            while run <= _MAX_RUN and probe + _MAX_RUN < last:
                if chunk.find(b"<", probe + 1, probe + 1 + _MAX_RUN) < 0:
                    run = _MAX_RUN + 1
                probe += _MAX_RUN // 2
            if run <= _MAX_RUN:
                run = len(chunk) - last - 1
        if run > _MAX_RUN:
            raise WorkbookError(
                _("{name} holds a text of more than {limit:,} characters, more than a cell holds "
                  "(Excel's limit); not read").format(name=name, limit=MAX_CELL)
            )  # fmt: skip
        chunk = stream.read(_CHUNK)
    return rows


def cell_text(value: Any) -> str:
    """A cell's value as text: ``""`` for none, integral floats without ``.0``, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _reason(exc: BaseException) -> str:
    """An exception as one short line (its type when it says nothing)."""
    text = " ".join(str(exc).split())
    if len(text) > 120:
        text = text[:117] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def worksheet_rows(
    path: Path,
    warn: Warn,
    fits: Callable[[list[list[str]]], bool] | None = None,
    answers: Callable[[list[list[str]]], bool] | None = None,
) -> Iterator[list[str]]:
    """The rows of the first worksheet of ``path`` that holds data, as text cells, row 1
    first (an empty row as ``[]``); a warning names the empty worksheets before it.  With
    ``fits`` (given a worksheet's first rows, up to five that are not empty: whether they hold
    the table's header), the first worksheet whose rows fit, else the first with data; a
    warning names the worksheets with data passed over (a 说明 sheet before the answers).  With
    ``answers`` (given a worksheet's first rows: whether they head a table of the key's questions),
    a worksheet after the one read whose first rows are such a table (一支部, 二支部 …) raises
    :class:`WorkbookError` once the rows read are given: its members are not graded.

    Streams: the worksheet is parsed once, rows are yielded as read.  Raises
    :class:`WorkbookError` (with the row, when rows were already yielded) for any
    file that breaks a limit or that openpyxl cannot read."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        reason = pgettext("zipfile", "File is not a zip file") if str(exc) == "File is not a zip file" else str(exc)
        raise WorkbookError(_("not a readable .xlsx workbook ({reason})").format(reason=reason)) from None
    except OSError:
        raise
    except Exception as exc:  # any failure of a hostile file is the file's
        raise WorkbookError(_("not a readable .xlsx workbook ({reason})").format(reason=_reason(exc))) from None
    with archive:
        try:
            check_archive(archive)
        except WorkbookError:
            raise
        except Exception as exc:  # a corrupt member (bad CRC, bad deflate data)
            raise WorkbookError(_("not a readable .xlsx workbook ({reason})").format(reason=_reason(exc))) from None
        yield from _rows(path, warn, fits, answers)


def _load(path: Path) -> Any:
    """The workbook at ``path`` as openpyxl reads it in read-only mode, values not formulas —
    except that no worksheet is parsed to find its size: openpyxl's read-only worksheets parse
    a sheet without ``<dimension>`` in full when the workbook is opened, a second reading
    (and the tag is not trusted here anyway).  Chart sheets are left out."""
    from openpyxl.reader.excel import ExcelReader  # type: ignore[import-untyped]
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # type: ignore[import-untyped]

    class Sheet(ReadOnlyWorksheet):  # type: ignore[misc]
        def _get_size(self) -> None:
            """Size unknown: every row is read (:func:`_sheet_rows`)."""

    class Reader(ExcelReader):  # type: ignore[misc]
        def read_worksheets(self) -> None:
            for sheet, rel in self.parser.find_sheets():
                if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                    ws = Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                    ws.sheet_state = sheet.state
                    self.wb._sheets.append(ws)

    reader = Reader(path, read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _rows(
    path: Path,
    warn: Warn,
    fits: Callable[[list[list[str]]], bool] | None = None,
    answers: Callable[[list[list[str]]], bool] | None = None,
) -> Iterator[list[str]]:
    try:
        with warnings.catch_warnings():  # openpyxl warns of extensions it drops: nothing to do with answers
            warnings.simplefilter("ignore")
            wb = _load(path)
    except Exception as exc:  # whatever openpyxl raises on a broken file
        raise WorkbookError(_("not a readable .xlsx workbook ({reason})").format(reason=_reason(exc))) from None
    try:
        if not wb.worksheets:
            raise WorkbookError(_("the workbook has no worksheet"))
        empty: list[str] = []
        passed: list[Any] = []  # worksheets with data but no table that ``fits`` (a 说明 sheet before the answers)
        for index, ws in enumerate(wb.worksheets):
            batches = _sheet_rows(ws)
            head: list[list[str]] = []
            try:
                _read_head(batches, head)
            except WorkbookError:  # a broken row among the first: the rows before it are still graded
                _name_skipped(warn, empty, [p.title for p in passed], ws.title)
                yield from head
                raise
            if not head:
                empty.append(ws.title)
                continue
            if fits is not None and not fits(head):
                batches.close()
                passed.append(ws)
                continue
            _name_skipped(warn, empty, [p.title for p in passed], ws.title)
            yield from head
            for rows in batches:
                yield from rows
            more = [o.title for o in wb.worksheets[index + 1 :] if answers is not None and _head_fits(o, answers)]
            if more:  # 一支部, 二支部 …: members of the worksheets after it would be missing without a word
                raise WorkbookError(
                    ngettext(
                        "worksheet {titles} also holds a table of the key's questions and is not graded: only "
                        "worksheet {title!r} is read — save each worksheet as a file of its own and grade them together",
                        "worksheets {titles} also hold tables of the key's questions and are not graded: only "
                        "worksheet {title!r} is read — save each worksheet as a file of its own and grade them together",
                        len(more),
                    ).format(titles=_titles(more), title=ws.title)
                )
            return
        if passed:  # no worksheet holds a table that fits: the first with data, as it is
            _name_skipped(warn, empty, [], passed[0].title)
            for rows in _sheet_rows(passed[0]):
                yield from rows
            return
        titles = join(repr(t) for t in empty)
        raise WorkbookError(_("the workbook holds no data (every worksheet is empty: {titles})").format(titles=titles))
    finally:
        wb.close()


#: Non-empty rows of a worksheet looked at for its header (as many as the table readers search).
_HEAD_ROWS = 5


def _read_head(batches: Iterator[list[list[str]]], head: list[list[str]]) -> None:
    """Append to ``head`` the rows of ``batches`` (a worksheet's, as :func:`_sheet_rows` gives them)
    up to :data:`_HEAD_ROWS` that are not empty; a :class:`WorkbookError` leaves the rows read before
    it in ``head``."""
    for rows in batches:
        head.extend(rows)
        if sum(1 for r in head if any(c.strip() for c in r)) >= _HEAD_ROWS:
            break


def _head_fits(ws: Any, fits: Callable[[list[list[str]]], bool]) -> bool:
    """Whether the first rows of worksheet ``ws`` (up to :data:`_HEAD_ROWS` that are not empty) ``fits``;
    a worksheet that cannot be read does not."""
    batches = _sheet_rows(ws)
    head: list[list[str]] = []
    try:
        _read_head(batches, head)
    except WorkbookError:
        return False
    finally:
        batches.close()
    return bool(head) and fits(head)


#: Worksheets named in a warning before the rest are counted (a workbook may have hundreds).
_NAMED = 10


def _titles(titles: list[str]) -> str:
    """``titles`` quoted for a message: the first :data:`_NAMED`, then how many more."""
    named = join(repr(t) for t in titles[:_NAMED])
    more = len(titles) - _NAMED
    if more <= 0:
        return named
    return ngettext("{titles} and {count} more", "{titles} and {count} more", more).format(titles=named, count=more)


def _name_skipped(warn: Warn, empty: list[str], passed: list[str], title: str) -> None:
    """Warn which worksheets before ``title`` were empty and which held no answer table."""
    if empty:
        titles = _titles(empty)
        warn(
            0,
            "",
            ngettext(
                "worksheet {titles} is empty; reading worksheet {title!r}",
                "worksheets {titles} are empty; reading worksheet {title!r}",
                len(empty),
            ).format(titles=titles, title=title),
        )
    if passed:
        titles = _titles(passed)
        warn(
            0,
            "",
            ngettext(
                "worksheet {titles} holds no table of the key's questions; reading worksheet {title!r}",
                "worksheets {titles} hold no table of the key's questions; reading worksheet {title!r}",
                len(passed),
            ).format(titles=titles, title=title),
        )


def _sheet_rows(ws: Any) -> Generator[list[list[str]], None, None]:
    """Batches of rows of worksheet ``ws``: the first batch is the empty rows before the
    first row with data and that row; then one row a batch.  Nothing for an empty sheet."""
    ws.reset_dimensions()  # read every row, whatever <dimension> says
    number = 0
    blank = 0  # empty rows not yet given
    try:
        for values in ws.iter_rows(values_only=True):
            number += 1
            cells = [cell_text(v) for v in values] if values else []
            if not any(c.strip() for c in cells):
                blank += 1
                if number >= _LAST_ROW:
                    raise WorkbookError(
                        _("worksheet {title!r} has rows below row {last:,}, Excel's last; not read further").format(
                            title=ws.title, last=_LAST_ROW),
                        number,
                    )  # fmt: skip
                continue
            if number > MAX_ROWS:
                raise WorkbookError(
                    _("worksheet {title!r} has data in row {number:,}, beyond the limit of {limit:,} rows; "
                      "rows from here on are not read").format(title=ws.title, number=number, limit=MAX_ROWS),
                    number,
                )  # fmt: skip
            if len(cells) > MAX_COLUMNS:
                raise WorkbookError(
                    _("data in column {column:,}, beyond the limit of {limit:,} columns; rows from here on are not read").format(
                        column=len(cells), limit=MAX_COLUMNS),
                    number,
                )  # fmt: skip
            longest = max(map(len, cells))
            if longest > MAX_CELL:
                raise WorkbookError(
                    _("a cell of {length:,} characters, more than a cell holds ({limit:,}, Excel's limit); "
                      "rows from here on are not read").format(length=longest, limit=MAX_CELL),
                    number,
                )  # fmt: skip
            yield [[]] * blank + [cells]
            blank = 0
    except WorkbookError:
        raise
    except Exception as exc:  # mismatched tags, a bad cell type, …: the file's fault
        after = _("; rows from row {number:,} on are not read").format(number=number + 1) if number else ""
        raise WorkbookError(
            _("not a readable .xlsx workbook ({reason}){after}").format(reason=_reason(exc), after=after),
            number + 1 if number else 0,
        ) from None

"""Answer files and folders: the public entry points, file names as shown, folder expansion and
the dispatch of each file to its reader by suffix."""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ...errors import AnswerFileError, Problem
from ...i18n import _, decode_reason, join, os_reason
from ...key import AnswerKey
from ..model import Submission
from ._common import (
    CSV_SUFFIXES,
    DOCX_SUFFIXES,
    SHEET_SUFFIXES,
    XLSX_SUFFIXES,
    YAML_SUFFIXES,
    Fail,
    LeftOut,
    ProblemSink,
    unknown_kind_message,
    unsaid_message,
)
from .columns import header_like, question_count
from .csv_file import csv_rows
from .encoding import mixed_encoding
from .folders import ANSWER_SUFFIXES as ANSWER_SUFFIXES
from .folders import in_name_order, is_answer_file, unread_folders, unreadable_warnings
from .one_member import one_or_table
from .table import RowBlock, TableRow, submission, table_rows, xlsx_rows


def _check_encoding(encoding: str) -> str:
    """``encoding``'s canonical name; :class:`AnswerFileError` unless it is a known text encoding
    (``hex`` and ``rot13`` are codecs, but not of text)."""
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=encoding)  # LookupError for a codec that is not of text
        return codecs.lookup(encoding).name
    except LookupError:
        raise AnswerFileError(
            _("unknown encoding {encoding!r} (expected e.g. utf-8, gb18030)").format(encoding=encoding)
        ) from None


# -- file names ----------------------------------------------------------------
def _shown_part(part: str) -> str:
    try:
        part.encode("utf-8")
        return part
    except UnicodeEncodeError:  # bytes Python kept as lone surrogates (surrogateescape)
        raw = os.fsencode(part)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def shown_name(path: str | Path) -> str:
    """``path`` as messages and reports show it: as given, except that a part of it whose
    bytes are not UTF-8 (a GBK name from a Windows zip unpacked on Linux, which Python holds
    as lone surrogates no report can encode) is decoded as GB18030 when it decodes cleanly,
    else with U+FFFD for the bytes that are not UTF-8.  The file is still opened by ``path``."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "/".join(_shown_part(part) for part in text.split("/"))


# -- public entry points ------------------------------------------------------
def iter_answers(
    paths: Iterable[str | Path],
    key: AnswerKey,
    *,
    name_column: str | None = None,
    encoding: str | None = None,
    on_problem: ProblemSink | None = None,
    on_file: Callable[[str], None] | None = None,
) -> Iterator[Submission]:
    """Every member's submission in ``paths``, in order, streamed.

    ``paths`` are sheets (.txt, .yaml) and tables (.csv, .xlsx); ``key`` the
    answer key they were written against; ``name_column`` a table's name column
    (header text, or — if all digits — a 1-based column number) when it cannot be guessed;
    ``encoding`` overrides detection for text files.  Each warning and failure is
    passed to ``on_problem`` as it is met (failures have severity ``"error"``);
    a failed file or row yields nothing and the rest go on.  ``on_file`` is called
    with each path when it is done.  Raises :class:`AnswerFileError` only for an
    unknown ``encoding``.
    """
    for got in iter_inputs(
        paths, key, name_column=name_column, encoding=encoding, on_problem=on_problem, on_file=on_file
    ):
        if type(got) is tuple:
            yield submission(key, got)
        else:
            yield got  # type: ignore[misc]


def iter_inputs(
    paths: Iterable[str | Path],
    key: AnswerKey,
    *,
    name_column: str | None = None,
    encoding: str | None = None,
    on_problem: ProblemSink | None = None,
    on_file: Callable[[str], None] | None = None,
    blocks: bool = False,
) -> Iterator[Submission | TableRow | RowBlock]:
    """As :func:`iter_answers`, but a table's rows come as :data:`TableRow` tuples
    (raw cells, not yet a :class:`Submission`) — what the table grader reads; with ``blocks``,
    runs of rows that give no warning come as :class:`~studykit.grade.readers.table.RowBlock` objects.

    Each file is named in problems and submissions as :func:`shown_name` shows it.  A file
    given again (overlapping globs, another spelling of its path, a link to it) is skipped
    with a warning: each file is graded once.  Sheets that do not say their quiz give one
    note for the batch, after the last file (the sheet's own note when there is one such sheet)."""
    if encoding:
        encoding = _check_encoding(encoding)
    given: ProblemSink = on_problem or (lambda p: None)
    unsaid: list[Problem] = []  # sheets that do not say their quiz: one note for the batch

    def sink(p: Problem) -> None:
        if p.severity == "warning" and p.message.startswith(unsaid_message()):
            unsaid.append(p)
        else:
            given(p)

    graded: dict[object, str] = {}
    for path in _expand(paths, sink):
        name = shown_name(path)
        same = _identity(path)
        if same is not None and same in graded:
            sink(
                Problem(
                    name,
                    0,
                    "",
                    _("skipped: the same file as {first} (given twice; each file is graded once)").format(
                        first=graded[same]
                    ),
                    "warning",
                )
            )
        else:
            if same is not None:
                graded[same] = name
            yield from _iter_file(Path(path), name, key, name_column, encoding, sink, blocks)
        if on_file:
            on_file(str(path))
    if len(unsaid) == 1:
        given(unsaid[0])
    elif unsaid:
        shown = join(p.file for p in unsaid[:3]) + (
            _(" and {n} more").format(n=len(unsaid) - 3) if len(unsaid) > 3 else ""
        )
        given(
            Problem(
                unsaid[0].file,
                0,
                "",
                _(
                    "{n} sheets do not say which quiz they are (no 测验： line): {shown}; each is graded with the key of quiz {quiz}"
                ).format(n=len(unsaid), shown=shown, quiz=key.quiz_id),
                "warning",
            )
        )


def answer_files(paths: Iterable[str | Path]) -> list[str | Path]:
    """``paths`` with each folder replaced by the answer files in it, as grading reads them."""
    return list(_expand(paths, lambda p: None))


def _expand(paths: Iterable[str | Path], sink: ProblemSink) -> Iterator[str | Path]:
    """``paths``, each folder among them replaced by the answer files inside it (:data:`ANSWER_SUFFIXES`,
    by name; answer keys, hidden files and Office lock files ``~$…`` left out); a folder holding none
    is a failure.  A folder inside it holding answer files (``答卷/一支部``) is not read unless given too,
    with a warning naming it: its members would be missing from the report without a word (a warning, not a
    failure: ``grade .`` in a bank's folder passes over ``material/``)."""
    paths = list(paths)
    given: set[str] = set()
    for path in paths:
        try:
            if os.path.isdir(path):
                given.add(os.path.realpath(path))
        except (OSError, ValueError):
            pass
    for path in paths:
        try:
            folder = os.path.isdir(path)
        except (OSError, ValueError):
            folder = False
        if not folder:
            yield path
            continue
        try:
            inside = in_name_order(p for p in Path(path).iterdir() if is_answer_file(p))  # 拼音 order, as a 花名册
            unread = unread_folders(Path(path), given)
            unreadable = unreadable_warnings(Path(path), shown_name)  # a member's Word file or photo
        except OSError as exc:
            sink(Problem(shown_name(path), 0, "", _("cannot read: {reason}").format(reason=os_reason(exc))))
            continue
        for inner in unread:
            sink(
                Problem(
                    shown_name(inner),
                    0,
                    "",
                    _(
                        "a folder inside {folder} holding answer files, not read: only the files directly in a "
                        "folder given to grade are read — give this folder too ({inner}) if they are answers"
                    ).format(folder=shown_name(path), inner=shown_name(inner)),
                    "warning",
                )
            )
        for problem in unreadable:
            sink(problem)
        if not inside and not unread:
            sink(
                Problem(
                    shown_name(path),
                    0,
                    "",
                    _("is a folder holding no answer file (expected .txt, .yaml, .csv, .xlsx or .docx files in it)"),
                )
            )
        yield from inside


def _identity(path: str | Path) -> object:
    """What makes two paths one file (device and inode, else the resolved path), ``None``
    when ``path`` is no regular file (it fails on its own)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else os.path.realpath(path)


def read_answers(
    paths: Iterable[str | Path],
    key: AnswerKey,
    *,
    name_column: str | None = None,
    encoding: str | None = None,
) -> tuple[list[Submission], list[Problem], list[Problem]]:
    """``(submissions, failures, warnings)`` of ``paths`` — :func:`iter_answers` collected."""
    failures: list[Problem] = []
    warnings: list[Problem] = []

    def sink(p: Problem) -> None:
        (failures if p.severity == "error" else warnings).append(p)

    subs = list(iter_answers(paths, key, name_column=name_column, encoding=encoding, on_problem=sink))
    return subs, failures, warnings


def _is_report(path: Path) -> bool:
    """Whether the .json/.html file at ``path`` is a report ``studykit grade`` wrote (by its opening)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return '"studykit_grade_report"' in head or ("<!DOCTYPE html>" in head and "<title>测验成绩" in head)


def _sheet(text: str, name: str, key: AnswerKey, warn: Callable[[int, str, str], None]) -> Submission | None:
    """A typed sheet's ``text`` read (for a table's cell of answers, see :mod:`.answer_cells`)."""
    from .sheet import sheet_from_text

    return sheet_from_text(text, name, key, warn)


def _iter_file(
    path: Path,
    name: str,
    key: AnswerKey,
    name_column: str | None,
    encoding: str | None,
    sink: ProblemSink,
    blocks: bool = False,
) -> Iterator[Submission | TableRow | RowBlock]:
    suffix = path.suffix.lower()
    reader: Callable[[], Iterator[Submission | TableRow | RowBlock]]
    last_row = [0]

    def warn(line: int, where: str, message: str) -> None:
        sink(Problem(name, line, where, message, "warning"))

    def fail(line: int, where: str, message: str) -> None:
        sink(Problem(name, line, where, message))

    why = _not_a_file(path)
    if why:
        fail(0, "", why)
        return
    limit = _MAX_READ_WHOLE.get(suffix, 0)
    if limit and path.stat().st_size > limit:
        fail(0, "", _("{size:,} bytes, more than a {suffix} answer file may have ({limit:,}); not read").format(
            size=path.stat().st_size, suffix=suffix, limit=limit))  # fmt: skip
        return
    # the sheet readers (their line patterns, the YAML sheet's field table) are imported for a sheet only
    if suffix in SHEET_SUFFIXES:
        from .sheet import read_txt

        reader = lambda: read_txt(path, name, key, name_column, encoding, warn, fail, last_row)  # noqa: E731
    elif suffix in YAML_SUFFIXES:
        from .yaml_sheet import read_yaml_sheet

        reader = lambda: iter([read_yaml_sheet(path, name, key, warn)])  # noqa: E731
    elif suffix in CSV_SUFFIXES:
        reader = lambda: one_or_table(  # noqa: E731
            csv_rows(path, encoding),
            key,
            lambda text: _sheet(text, name, key, warn),
            lambda rows: table_rows(
                rows, name, key, name_column, warn, fail, last_row, blocks=blocks, read_sheet=_sheet
            ),
        )
    elif suffix in XLSX_SUFFIXES:
        reader = lambda: one_or_table(  # noqa: E731
            xlsx_rows(
                path,
                warn,
                lambda rows: any(header_like(r, key, name_column) for r in rows if r),
                lambda rows: any(question_count(r, key) * 2 >= len(key.items) for r in rows if r),
            ),
            key,
            lambda text: _sheet(text, name, key, warn),
            lambda rows: table_rows(
                rows,
                name,
                key,
                name_column,
                warn,
                fail,
                last_row,
                text_table=False,
                blocks=blocks,
                read_sheet=_sheet,
            ),
        )
    elif suffix in DOCX_SUFFIXES:
        from .docx_sheet import read_docx_sheet

        reader = lambda: read_docx_sheet(path, name, key, warn)  # noqa: E731
    elif suffix == ".xls":
        fail(0, "", _("an old Excel .xls workbook (save it as .xlsx or CSV)"))
        return
    elif suffix in (".json", ".html", ".htm") and _is_report(path):
        kind = "JSON" if suffix == ".json" else "HTML"
        warn(1, "", _("this is a studykit grade report ({kind}), not members' answers; left out").format(kind=kind))
        return
    else:
        fail(0, "", unknown_kind_message())
        return
    try:
        yield from reader()
    except LeftOut as exc:
        warn(exc.line, "", exc.message)
    except Fail as exc:
        fail(exc.line, exc.where, exc.message)
    except AnswerFileError as exc:  # detect_encoding's message begins with the path: the Problem names it
        message = exc.message
        for said in {name, str(path)}:
            for colon in (": ", "："):  # "：" in Chinese
                message = message.removeprefix(f"{said}{colon}")
        fail(0, "", message)
    except UnicodeDecodeError as exc:
        after = _("; rows after row {number} not graded").format(number=last_row[0]) if last_row[0] else ""
        mixed = mixed_encoding(path)  # a UTF-8 download, rows in GBK after: no --encoding is the right one
        fail(
            0,
            "",
            _("not readable as {encoding} ({reason}){after}; {why}").format(
                encoding=exc.encoding, reason=decode_reason(exc.reason), after=after, why=mixed
            )
            if mixed
            else _("not readable as {encoding} ({reason}){after}; give the right --encoding").format(
                encoding=exc.encoding, reason=decode_reason(exc.reason), after=after
            ),
        )
    except UnicodeError as exc:  # e.g. "UTF-16 stream does not start with BOM"
        after = _("; rows after row {number} not graded").format(number=last_row[0]) if last_row[0] else ""
        fail(
            0,
            "",
            _("not readable as {value} ({exc}){after}; give the right --encoding").format(
                value=encoding or _("the detected encoding"), exc=decode_reason(str(exc)), after=after
            ),
        )
    except LookupError as exc:  # an encoding Python knows by name but cannot decode text with
        fail(
            0,
            "",
            _("cannot decode with encoding {encoding!r} ({exc}); give a text encoding, e.g. --encoding gb18030").format(
                encoding=encoding, exc=exc
            ),
        )
    except csv.Error as exc:
        fail(
            last_row[0] + 1,
            "",
            _("not a readable CSV table ({exc}); the rest of the file is not graded").format(exc=exc),
        )
    except OSError as exc:
        fail(0, "", _("cannot read: {reason}").format(reason=os_reason(exc)))


#: Files read whole into memory, by suffix: a sheet is a few KB, a tab-separated .txt table of
#: 20,000 members about 2 MB (tables in .csv and .xlsx stream and have their own limits).
_MAX_READ_WHOLE = {".txt": 32 << 20, ".md": 32 << 20, ".yaml": 1 << 20, ".yml": 1 << 20, ".docx": 32 << 20}


def _not_a_file(path: Path) -> str:
    """Why ``path`` is no file to read ("" when it is one), checked before its suffix: a folder,
    a missing file — a shell pattern that matched nothing stays as typed (``*.nomatch``)."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: a NUL in the name
        pattern = any(c in str(path) for c in "*?[")
        return _("file not found (a pattern that matched nothing?)") if pattern else _("file not found")
    except OSError as exc:
        return _("cannot read: {reason}").format(reason=os_reason(exc))
    if stat.S_ISDIR(st.st_mode):
        return _("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        return _("not a regular file")
    return ""

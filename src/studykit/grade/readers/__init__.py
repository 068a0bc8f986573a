"""Completed answers from files: one member's sheet, or a whole branch's table.

Forms read (by file suffix):

* ``.txt`` — the answer sheet ``studykit quiz`` writes (see :mod:`studykit.key`):
  ``姓名：``/``测验：``/``版本：`` lines (or ``name``/``quiz``/``version``, or the
  Traditional ``測驗：``), then one line per item: number (``1``, ``第1题``, ``第1題``),
  separator (``.``, ``、``, ``：``, ``)``, space or none before a letter) and answer;
  ``#`` lines are comments.  Ranges (``1-5 DCBAD``), several numbered answers a line
  (``1D 2C 3B``) and a name alone on the first line are read too; a line of answers
  without numbers makes the sheet 无法评分 (see :mod:`studykit.grade.sheet_lines`).
* ``.yaml``/``.yml`` — the same as YAML: ``name``, ``quiz``, ``version`` and
  ``answers`` (a mapping number → answer, or a list in item order).
* ``.csv`` and ``.xlsx`` — a table, one row per member: a name column and one
  column per item, matched by number (``1``, ``第1题``, ``Q1``) or by stem text
  (survey headers such as ``2、<stem>【多选题】``).  Metadata columns (序号,
  提交答卷时间, 所用时间, 来源 …) are ignored; ``测验``/``版本`` columns, when
  present, are checked per row.  The header row is looked for among the first
  :data:`HEADER_SEARCH_ROWS` non-empty rows (titles above it are skipped); a row
  with no name and no readable answer (a second header row of stems) is skipped.
  The first worksheet of a workbook that holds data is read (a warning names
  the empty ones before it).  问卷星's downloads by option number (``4``, ``2┋3┋4``)
  and with one 0/1 column per option are read as :mod:`studykit.grade.survey_cells` says.

A folder among the paths stands for the answer files in it.  With a
:class:`~studykit.grade.versions.KeySet` (the keys of versions A, B, …) each sheet or
row must name one of its versions.

Text encodings: valid UTF-8 (with or without BOM) is UTF-8; a UTF-16 or UTF-32
BOM names its encoding; anything else is decoded as charset-normalizer guesses
among the encodings Chinese Office, WPS and survey tools write (UTF-8, GB18030,
Big5, UTF-16, UTF-32) — GB18030 whenever it fits — or as ``encoding`` says.
Rows stream: a table is never held in memory.

Problems are :class:`~studykit.errors.Problem` records: *warnings* (an answer to a
number the paper does not have, an ignored column, a missing name, a sheet that does
not say its quiz) and *failures* (severity ``"error"``: a file or row that is not
graded, with the reason — a quiz id or version that differs from the key's (versions
compare case-insensitively), a sheet or a 版本 cell that does not say its version when
the key has one (a table without a 版本 column is only a warning), a table whose
question columns do not match the key's items, a question answered twice, an
unreadable file).  studykit's own files caught by a glob — the answer key, a text or
CSV report, the blank 答题卡 — hold no member's answers: each is left out with a
warning.  Files are only ever read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..normalize import clean
from ._common import ANSWER_LINE as _ANSWER_LINE
from ._common import CSV_SUFFIXES as CSV_SUFFIXES
from ._common import METADATA_HEADERS as METADATA_HEADERS
from ._common import REPORT_HEADERS as REPORT_HEADERS
from ._common import SHEET_SUFFIXES as SHEET_SUFFIXES
from ._common import XLSX_SUFFIXES as XLSX_SUFFIXES
from ._common import YAML_SUFFIXES as YAML_SUFFIXES
from ._common import ProblemSink as ProblemSink
from .columns import HEADER_SEARCH_ROWS as HEADER_SEARCH_ROWS
from .encoding import CANDIDATE_ENCODINGS as CANDIDATE_ENCODINGS
from .encoding import detect_encoding as detect_encoding
from .files import ANSWER_SUFFIXES as ANSWER_SUFFIXES
from .files import answer_files as answer_files
from .files import iter_answers as iter_answers
from .files import iter_inputs as iter_inputs
from .files import read_answers as read_answers
from .files import shown_name as shown_name
from .table import TableRow as TableRow

if TYPE_CHECKING:
    from .sheet import _as_written as _as_written

__all__ = [
    "ANSWER_SUFFIXES",
    "CANDIDATE_ENCODINGS",
    "CSV_SUFFIXES",
    "HEADER_SEARCH_ROWS",
    "METADATA_HEADERS",
    "REPORT_HEADERS",
    "SHEET_SUFFIXES",
    "XLSX_SUFFIXES",
    "YAML_SUFFIXES",
    "_ANSWER_LINE",
    "ProblemSink",
    "TableRow",
    "_as_written",
    "answer_files",
    "clean",
    "detect_encoding",
    "iter_answers",
    "iter_inputs",
    "read_answers",
    "shown_name",
]


def __getattr__(name: str) -> Any:
    """``_as_written`` from the sheet reader, imported at its first use (PEP 562): grading a table
    never reads a sheet, so it does not import the sheet reader and its patterns."""
    if name == "_as_written":
        from .sheet import _as_written

        return _as_written
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

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

import codecs
import csv
import io
import itertools
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..errors import AnswerFileError, BankError, Problem
from ..i18n import _, ngettext, os_reason
from ..key import AnswerKey, KeyItem, no_question
from .model import GivenAnswer, Submission
from .normalize import clean, read_answer
from .sheet_lines import (
    RunError,
    holds_answers,
    is_name,
    name_and_answers,
    numbered_answers,
    range_answers,
    unbracket,
    unlabel,
)
from .survey_cells import OptionNumbers, option_column, survey_offset, ticked
from .versions import KeySet, version_form

ProblemSink = Callable[[Problem], None]

SHEET_SUFFIXES = (".txt",)
YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIXES = (".csv",)
XLSX_SUFFIXES = (".xlsx", ".xlsm")

_GB = {"gb2312", "gbk", "gb18030", "hz", "hz_gb_2312", "cp936"}
_SAMPLE = 1 << 20

#: A sheet's head lines, in Simplified or Traditional characters (測驗 on a Big5 sheet).
_HEADER_LINE = re.compile(r"^(姓名|名字|name|测验|測驗|quiz|版本|version)\s*(?::|\s|$)\s*(.*)$", re.I)
_QUIZ_FIELDS = ("测验", "測驗", "quiz")
_ANSWER_LINE = re.compile(r"^(?:第\s*)?(\d+)\s*[题題]?(?:\s*[.、:)\]]|(?=\D)|$)\s*(.*)$")
_NUMBER_HEADER = re.compile(r"^(?:第\s*(\d+)\s*[题題]|[Qq]\s*(\d+)|[题題]\s*(\d+)|(\d+)\s*[.、:)]?)$")
_SURVEY_PREFIX = re.compile(r"^\d+\s*[、.:)]\s*")
_TAGS = re.compile(r"(?:\s*【[^】]*】)+\s*$")
_TRAIL = re.compile(r"[\s:：?？*]+$")

#: Digits a question number may have (Python will not even convert more than 4,300).
_MAX_DIGITS = 6
#: The longest header read as a question number (``第 999999 题``); a longer one is a stem.
_MAX_HEADER_NUMBER = 16


def _too_many_digits(line: str) -> str:

    return _("line ignored: {start!r} (a question number of {digits:,} digits; a paper has at most 999,999)").format(
        start=line[:40],
        digits=len(_ANSWER_LINE.match(line).group(1)),  # type: ignore[union-attr]
    )


_NAME_HEADERS = {"姓名", "名字", "name", "您的姓名", "你的姓名", "党员姓名", "学员姓名", "真实姓名", "填写人", "答题人"}
_QUIZ_HEADERS = {"测验", "測驗", "quiz", "quiz_id", "测验编号", "測驗編號"}
_VERSION_HEADERS = {"版本", "version", "试卷版本", "試卷版本", "卷别", "卷別"}
#: Columns survey tools and secretaries add that are not answers (compared case-folded).
METADATA_HEADERS = frozenset(
    {
        "序号", "编号", "提交答卷时间", "提交时间", "答题时间", "所用时间", "用时", "来源", "来源详情",
        "来自ip", "ip", "ip地址", "总分", "得分", "分数", "成绩", "开始时间", "结束时间", "时间", "日期",
        "用户id", "用户名", "微信昵称", "昵称", "openid", "手机", "手机号", "电话", "联系电话", "部门",
        "支部", "所在支部", "单位", "性别", "备注", "班级", "学号", "工号", "id", "no", "no.", "#",
        "开始答题时间", "结束答题时间", "答题时长",  # 腾讯问卷 (its answers' started_at, ended_at)
    }
)  # fmt: skip


#: The columns of studykit's own CSV report — a report picked up by a glob is not answers.
REPORT_HEADERS = frozenset({"名次", "得分", "满分", "百分比", "结果"})
#: How a sheet's note that it does not say its quiz begins; a batch gives one such note (see iter_inputs).


def _unsaid() -> str:
    return _("the sheet does not say which quiz it is")


def _count_mismatch() -> str:
    return _("a table with a different number of questions cannot be graded with this key")


def _columns_mismatch() -> str:
    return _("a table whose question columns are not the key's questions cannot be graded with this key")


class _Fail(Exception):
    """The file (``line`` 0) or the row at ``line`` cannot be graded."""

    def __init__(self, line: int, message: str, where: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.where = where  # the member, when the file is one member's sheet that is not graded


class _LeftOut(_Fail):
    """The file holds no member's answers and is studykit's own (the key, a report) caught by
    a glob: it is left out with a warning, as nothing of a member's is lost."""


# -- encodings -----------------------------------------------------------------
#: What Chinese Office/WPS, Notepad and survey tools write; detection never guesses outside these
#: (left free, charset-normalizer took short GBK files with full-width letters for Thai or Cyrillic).
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16", "utf_32"]
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


def detect_encoding(path: str | Path) -> str:
    """The text encoding of ``path``, in this order:

    1. ``"utf-8-sig"`` for valid UTF-8 (BOM or not);
    2. ``"utf-32"``/``"utf-16"`` when the file starts with their BOM (Excel's
       "Unicode text" is UTF-16 LE with BOM);
    3. else charset-normalizer's guess among :data:`CANDIDATE_ENCODINGS` only,
       ``"gb18030"`` whenever it is among the candidates (it decodes GBK and GB2312), or
       when the whole file decodes strictly as GB18030 and the guess (if any) reads no more
       of a sheet's labels than GB18030 does (a strict decode of every byte is evidence:
       charset-normalizer finds nothing in some GBK tables of ``┋``-joined option texts) —
       unless Big5 is too and only the Big5 decoding holds more of a sheet's labels
       (姓名, 測驗, 版本, 題: a Traditional sheet decodes as GB18030 into other characters).
       Its mess threshold is lifted to 1.0: full-width letters, √/× and ┋ read as
       "mess", yet a clean GB18030 decoding is what we want.

    Reads the file in 1 MiB chunks; raises :class:`~studykit.errors.AnswerFileError`
    when no candidate fits or on an OS error."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    position = 0
    bad = -1
    try:
        with open(path, "rb") as f:
            head = f.read(4)
            f.seek(0)
            for bom, name in _BOMS:
                if head.startswith(bom):
                    return name
            while chunk := f.read(_SAMPLE):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    bad = position + exc.start
                    break
                position += len(chunk)
            else:
                try:
                    decoder.decode(b"", final=True)
                    return "utf-8-sig"
                except UnicodeDecodeError:
                    bad = max(0, position - 4)
            start = max(0, bad - 65536)
            f.seek(start)
            sample = f.read(_SAMPLE)
    except OSError as exc:
        raise AnswerFileError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from None
    if start:  # begin at a line start, not inside a multi-byte character
        newline = sample.find(b"\n")
        sample = sample[newline + 1 :] if newline >= 0 else sample
    from charset_normalizer import from_bytes

    matches = from_bytes(sample, cp_isolation=CANDIDATE_ENCODINGS, threshold=1.0)
    names = [m.encoding for m in matches]
    best = matches.best()
    if not any(n in _GB for n in names) and _decodes_strictly(path, "gb18030"):
        # the detector missed it (charset-normalizer finds nothing in some GBK tables of ┋-joined
        # option texts), but the whole file is valid GB18030: believe that unless the detector's own
        # guess decodes it too and reads more of a sheet's labels
        other = best.encoding if best is not None and best.encoding not in ("ascii", "utf_8") else ""
        if not other or _labels(sample, other) <= _labels(sample, "gb18030"):
            names.append("gb18030")
            if "big5" not in names and _decodes_strictly(path, "big5"):
                names.append("big5")  # then its labels decide, as below
    if any(n in _GB for n in names):
        if "big5" in names and _labels(sample, "big5") > _labels(sample, "gb18030"):
            return "big5"  # a Big5 sheet decodes as GB18030 too, but its 姓名/測驗/版本 only as Big5
        return "gb18030"
    if best is None or best.encoding in ("ascii", "utf_8"):
        raise AnswerFileError(
            _(
                "{path}: cannot tell the text encoding (not UTF-8, GB18030, Big5, UTF-16 or UTF-32; give --encoding, e.g. --encoding gb18030)"
            ).format(path=path)
        )
    return str(best.encoding)


def _decodes_strictly(path: str | Path, encoding: str) -> bool:
    """Whether the whole file at ``path`` decodes as ``encoding`` without an error and holds no NUL
    (which GB18030 would take for text, but is UTF-16 or a binary file), read in 1 MiB chunks."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(_SAMPLE):
                if b"\0" in chunk:
                    return False
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False
    return True


#: Words an answer sheet or table carries (a sheet's labels, a table's header), in both scripts.
_LABELS = ("姓名", "测验", "測驗", "版本", "题", "題")


def _labels(sample: bytes, encoding: str) -> int:
    """How often :data:`_LABELS` occur in ``sample`` decoded as ``encoding``."""
    text = sample.decode(encoding, "ignore")
    return sum(text.count(word) for word in _LABELS)


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


def _read_text(path: Path, encoding: str | None) -> str:
    enc = encoding or detect_encoding(path)
    try:
        return path.read_bytes().decode(enc)
    except UnicodeDecodeError as exc:
        raise _Fail(
            0, _("not readable as {enc} (byte {start}); give the right --encoding").format(enc=enc, start=exc.start)
        ) from None
    except UnicodeError as exc:  # e.g. "UTF-16 stream does not start with BOM"
        raise _Fail(0, _("not readable as {enc} ({exc}); give the right --encoding").format(enc=enc, exc=exc)) from None


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
            yield _submission(key, got)
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
) -> Iterator[Submission | TableRow]:
    """As :func:`iter_answers`, but a table's rows come as :data:`TableRow` tuples
    (raw cells, not yet a :class:`Submission`) — what the table grader reads.

    Each file is named in problems and submissions as :func:`shown_name` shows it.  A file
    given again (overlapping globs, another spelling of its path, a link to it) is skipped
    with a warning: each file is graded once.  Sheets that do not say their quiz give one
    note for the batch, after the last file (the sheet's own note when there is one such sheet)."""
    if encoding:
        encoding = _check_encoding(encoding)
    given: ProblemSink = on_problem or (lambda p: None)
    unsaid: list[Problem] = []  # sheets that do not say their quiz: one note for the batch

    def sink(p: Problem) -> None:
        if p.severity == "warning" and p.message.startswith(_unsaid()):
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
            yield from _iter_file(Path(path), name, key, name_column, encoding, sink)
        if on_file:
            on_file(str(path))
    if len(unsaid) == 1:
        given(unsaid[0])
    elif unsaid:
        shown = ", ".join(p.file for p in unsaid[:3]) + (
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


#: What a folder given as ANSWERS is read for.
ANSWER_SUFFIXES = (*SHEET_SUFFIXES, *YAML_SUFFIXES, *CSV_SUFFIXES, *XLSX_SUFFIXES)


def answer_files(paths: Iterable[str | Path]) -> list[str | Path]:
    """``paths`` with each folder replaced by the answer files in it, as grading reads them."""
    return list(_expand(paths, lambda p: None))


def _expand(paths: Iterable[str | Path], sink: ProblemSink) -> Iterator[str | Path]:
    """``paths``, each folder among them replaced by the answer files inside it (:data:`ANSWER_SUFFIXES`,
    by name; answer keys, hidden files and Office lock files ``~$…`` left out); a folder holding none
    is a failure."""
    for path in paths:
        try:
            folder = os.path.isdir(path)
        except (OSError, ValueError):
            folder = False
        if not folder:
            yield path
            continue
        try:
            inside = sorted(
                p
                for p in Path(path).iterdir()
                if p.suffix.lower() in ANSWER_SUFFIXES
                and not p.name.startswith((".", "~$"))
                and not p.name.lower().endswith(".key.yaml")
                and p.is_file()
            )
        except OSError as exc:
            sink(Problem(shown_name(path), 0, "", _("cannot read: {reason}").format(reason=os_reason(exc))))
            continue
        if not inside:
            sink(
                Problem(
                    shown_name(path),
                    0,
                    "",
                    _("is a folder holding no answer file (expected .txt, .yaml, .csv or .xlsx files in it)"),
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


def _iter_file(
    path: Path, name: str, key: AnswerKey, name_column: str | None, encoding: str | None, sink: ProblemSink
) -> Iterator[Submission | TableRow]:
    suffix = path.suffix.lower()
    reader: Callable[[], Iterator[Submission | TableRow]]
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
    if suffix in SHEET_SUFFIXES:
        reader = lambda: _read_txt(path, name, key, name_column, encoding, warn, fail, last_row)  # noqa: E731
    elif suffix in YAML_SUFFIXES:
        reader = lambda: iter([_read_yaml_sheet(path, name, key, warn)])  # noqa: E731
    elif suffix in CSV_SUFFIXES:
        reader = lambda: _table_rows(_csv_rows(path, encoding), name, key, name_column, warn, fail, last_row)  # noqa: E731
    elif suffix in XLSX_SUFFIXES:
        reader = lambda: _table_rows(  # noqa: E731
            _xlsx_rows(path, warn, lambda rows: any(_header_like(r, key, name_column) for r in rows if r)),
            name,
            key,
            name_column,
            warn,
            fail,
            last_row,
            text_table=False,
        )
    elif suffix == ".xls":
        fail(0, "", _("an old Excel .xls workbook (save it as .xlsx or CSV)"))
        return
    elif suffix in (".json", ".html", ".htm") and _is_report(path):
        kind = "JSON" if suffix == ".json" else "HTML"
        warn(1, "", _("this is a studykit grade report ({kind}), not members' answers; left out").format(kind=kind))
        return
    else:
        fail(0, "", _("unknown kind of file (expected .txt or .yaml answer sheets, .csv or .xlsx tables)"))
        return
    try:
        yield from reader()
    except _LeftOut as exc:
        warn(exc.line, "", exc.message)
    except _Fail as exc:
        fail(exc.line, exc.where, exc.message)
    except AnswerFileError as exc:
        fail(0, "", exc.message.removeprefix(f"{name}: "))
    except UnicodeDecodeError as exc:
        after = _("; rows after row {number} not graded").format(number=last_row[0]) if last_row[0] else ""
        fail(
            0,
            "",
            _("not readable as {encoding} ({reason}){after}; give the right --encoding").format(
                encoding=exc.encoding, reason=exc.reason, after=after
            ),
        )
    except UnicodeError as exc:  # e.g. "UTF-16 stream does not start with BOM"
        after = _("; rows after row {number} not graded").format(number=last_row[0]) if last_row[0] else ""
        fail(
            0,
            "",
            _("not readable as {value} ({exc}){after}; give the right --encoding").format(
                value=encoding or _("the detected encoding"), exc=exc, after=after
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
_MAX_READ_WHOLE = {".txt": 32 << 20, ".yaml": 1 << 20, ".yml": 1 << 20}


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


# -- sheets --------------------------------------------------------------------
@dataclass
class _SheetHead:
    name: str = ""
    quiz: str = ""
    version: str = ""
    quiz_line: int = 0
    version_line: int = 0


def _check_identity(key: AnswerKey, head: _SheetHead, *, version_given: bool = True, row: bool = False) -> None:
    """Raise :class:`_Fail` when ``head`` names another quiz or version than ``key``.

    Versions compare in :func:`~studykit.grade.versions.version_form` (``b`` and ``B卷`` are ``B``).  When the key has a
    version and ``version_given`` (a sheet, or a table with a 版本 column), a
    blank version fails too: the letters of one version are wrong on another.
    With a :class:`~studykit.grade.versions.KeySet` (several versions' keys), ``head``
    must name one of its versions.  ``row``: ``head`` is a table's row (the messages say
    "the row" and its 版本 column instead of "the sheet").
    """
    if isinstance(key, KeySet) and (version_given or head.version):
        chosen = key.version_of(head.version)
        if chosen is None:
            if row:
                message = (
                    _(
                        "the row is version {version!r} but the keys are for versions {versions} — write 版本：{first} "
                        "(or another of them) in its 版本 column or give the key of its version"
                    )
                    if head.version
                    else _(
                        "the row does not say its version (版本) but the keys are for versions {versions} — write "
                        "版本：{first} (or another of them) in its 版本 column or give the key of its version"
                    )
                )
            else:
                message = (
                    _(
                        "the sheet is version {version!r} but the keys are for versions {versions} — write 版本：{first} "
                        "(or another of them) on the sheet or give the key of its version"
                    )
                    if head.version
                    else _(
                        "the sheet does not say its version (版本) but the keys are for versions {versions} — write "
                        "版本：{first} (or another of them) on the sheet or give the key of its version"
                    )
                )
            raise _Fail(
                head.version_line,
                message.format(version=head.version, versions=key.versions, first=key.keys[0].version),
            )  # fmt: skip
        key = chosen
    if head.quiz and head.quiz != key.quiz_id:
        message = (
            _("the row is for quiz {quiz!r} but the key is for {quiz_id!r} (grade it with that quiz's key)")
            if row
            else _("the sheet is for quiz {quiz!r} but the key is for {quiz_id!r} (grade it with that quiz's key)")
        )
        raise _Fail(head.quiz_line, message.format(quiz=head.quiz, quiz_id=key.quiz_id))
    if not head.version and key.version and version_given:
        message = (
            _("the row does not say its version (版本); the key is version {version} — "
              "write 版本：{version} in its 版本 column or use the right key")
            if row
            else _("the sheet does not say its version (版本); the key is version {version} — "
                   "write 版本：{version} on the sheet or use the right key")
        )  # fmt: skip
        raise _Fail(head.version_line, message.format(version=key.version))
    if head.version and version_form(head.version) != version_form(key.version):
        if key.version:
            message = (
                _("the row is version {version!r} but the key is for version {key_version!r} "
                  "(grade it with the key of its version)")
                if row
                else _("the sheet is version {version!r} but the key is for version {key_version!r} "
                       "(grade it with the key of its version)")
            )  # fmt: skip
        else:
            message = (
                _("the row is version {version!r} but the key is for a paper without versions "
                  "(grade it with the key of its version)")
                if row
                else _("the sheet is version {version!r} but the key is for a paper without versions "
                       "(grade it with the key of its version)")
            )  # fmt: skip
        raise _Fail(head.version_line, message.format(version=head.version, key_version=key.version))


def _fallback_name(name: str) -> str:
    """The member's name taken from the file's name as shown (see :func:`shown_name`)."""
    path = Path(name)
    stem = path.name
    for suffix in (".answers.txt", ".answers.yaml", ".answers.yml", ".txt", ".yaml", ".yml"):
        if stem.lower().endswith(suffix):
            return stem[: -len(suffix)]
    return path.stem


def _finish_sheet(
    name: str,
    key: AnswerKey,
    head: _SheetHead,
    answers: list[GivenAnswer],
    warn: Callable[[int, str, str], None],
    pending: list[tuple[int, str, str]] | None = None,
    *,
    quiz_field: str,
) -> Submission:
    """Check identity and numbers, then emit the sheet's warnings in line order.  A sheet
    that does not say its quiz (no ``quiz_field``, or a blank one) is graded with a warning
    naming the key's quiz: against another quiz's key it would score nonsense unflagged."""
    _check_identity(key, head)
    notes = list(pending or [])
    member = head.name or _fallback_name(name)
    seen: dict[int, int] = {}
    numbers = {it.number for it in key.items}
    kept: list[GivenAnswer] = []
    for a in answers:
        if a.number in seen:
            raise _Fail(
                a.line,
                _("question {number} is answered twice (first at line {first}; keep one)").format(
                    number=a.number, first=seen[a.number]
                ),
            )
        seen[a.number] = a.line
        if a.number not in numbers:
            if a.text:
                notes.append(
                    (
                        a.line,
                        f"{member}, question {a.number}",
                        _("{problem}; answer {text!r} ignored").format(
                            problem=no_question(a.number, numbers), text=a.text
                        ),
                    )
                )
            continue
        kept.append(a)
    if not head.name:
        notes.append(
            (0, "", _("no name on the sheet (姓名：); graded as {member!r}, from the file name").format(member=member))
        )
    if not head.quiz:
        notes.append(
            (
                0,
                member,
                _("{unsaid} (no {quiz_field}); graded with the key of quiz {quiz_id}").format(
                    unsaid=_unsaid(), quiz_field=quiz_field, quiz_id=key.quiz_id
                ),
            )
        )
    if not any(a.text for a in kept):
        notes.append((0, member, _("no answers on the sheet; every question scores 0")))
    for note in sorted(notes, key=lambda n: n[0]):
        warn(*note)
    return Submission(member, name, tuple(kept), 0, head.quiz, head.version)


#: The first lines of what ``studykit quiz --format tencent|wjx`` writes (render/tencent.py,
#: render/wjx.py: the name question; the head of the answers to set): no member's answers.
_PUBLISH_FIRST_LINES = frozenset({"姓名[Fill-in-Blank]", "1. 姓名[填空题]"})
_WJX_ANSWERS_HEAD = "问卷星考试答案设置 · "


def _read_txt(
    path: Path,
    name: str,
    key: AnswerKey,
    name_column: str | None,
    encoding: str | None,
    warn: Callable[[int, str, str], None],
    fail: Callable[[int, str, str], None],
    last_row: list[int],
) -> Iterator[Submission | TableRow]:
    """A .txt file: an answer sheet, or — when its first non-empty line holds two or more
    tabs — a tab-separated table (Excel's "Unicode text" export).  studykit's own text
    report (``测验成绩``, then ``测验 <quiz id> · …``) and its 腾讯问卷/问卷星 import files,
    caught by a glob, are left out with a warning."""
    text = _read_text(path, encoding)
    lines = ((number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if line.strip())
    (at, first), (_at, second) = next(lines, (0, "")), next(lines, (0, ""))
    if (first == "测验成绩" or first.startswith("测验成绩 · ")) and second.startswith("测验 "):
        raise _LeftOut(
            at, _("this is a studykit grade report (the text report, headed 测验成绩), not members' answers; left out")
        )
    if first in _PUBLISH_FIRST_LINES or first.startswith(_WJX_ANSWERS_HEAD):
        raise _LeftOut(
            at,
            _(
                "this is a quiz written by studykit quiz for 腾讯问卷 or 问卷星 (--format tencent/wjx), "
                "not members' answers; left out"
            ),
        )
    if first.count("\t") >= 2:
        rows = csv.reader(io.StringIO(text, newline=""), "excel-tab")
        yield from _table_rows(rows, name, key, name_column, warn, fail, last_row)
    else:
        sub = _read_sheet(text, name, key, warn)
        if sub is not None:
            yield sub


def _as_written(raw: str, line: str, answer: str) -> str:
    """``answer``, read from ``line`` (``raw`` :func:`clean`-ed), as ``raw`` writes it: the
    shortest end of ``raw`` that cleans to ``answer`` (``？`` for ``１．？``), stripped."""
    raw = raw.strip()
    if raw == line or not answer:
        return answer
    # clean(raw[start:]) grows (never shrinks) as start moves left: find by bisection the
    # last start where it is as long as the answer, and try the few starts around it —
    # n log n, not quadratic, in the line's length
    low, high = 0, len(raw)
    while low < high:
        middle = (low + high) // 2
        if len(clean(raw[middle:])) >= len(answer):
            low = middle + 1
        else:
            high = middle
    for start in range(min(len(raw) - 1, low + 1), max(low - 10, -1), -1):
        if clean(raw[start:]) == answer:
            return raw[start:].strip()
    return answer


def _cut(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters, ``…`` ending it when cut."""
    return text if len(text) <= width else text[:width].rstrip() + "…"


def _unreadable_sheet(unread: list[tuple[int, str]], member: str) -> None:
    """Raise the failure of a sheet holding answers that cannot be read unambiguously
    (see :mod:`studykit.grade.sheet_lines`): the member is not graded rather than scored 0."""
    line, why = unread[0]
    more = _(" (and {n} more such lines)").format(n=len(unread) - 1) if len(unread) > 1 else ""
    raise _Fail(
        line,
        _(
            "无法评分 (not graded): line {line}: {why}{more}; which answer belongs to which question "
            "cannot be told — number each answer (1. D, or 1D 2C 3B) or give ranges (1-5 DCBAD)"
        ).format(line=line, why=why, more=more),
        member,
    )


def _answers_item(line: str, item: KeyItem | None) -> bool:
    """Whether ``line``, written under a question number alone, is that question's answer: it reads as
    one for a choice or true_false item; any text for a blank (a remark there scores as a wrong blank)."""
    if item is None:
        return False
    return item.type == "fill_blank" or read_answer(line, item).kind == "answer"


def _read_sheet(text: str, name: str, key: AnswerKey, warn: Callable[[int, str, str], None]) -> Submission | None:
    head = _SheetHead()
    answers: list[GivenAnswer] = []
    pending: list[tuple[int, str, str]] = []
    unread: list[tuple[int, str]] = []  # lines that hold answers no form reads unambiguously
    opening = True  # before the first line that is no comment and no 姓名/测验/版本 line
    alone: tuple[int, str] | None = None  # a first line holding a name alone (赵六)
    items = {it.number: it for it in key.items}
    dangling: int | None = None  # the answer of the line before, when it was a number alone (``1.``)
    for number, raw in enumerate(text.splitlines(), 1):
        line = clean(raw)
        if not line or line.startswith("#"):
            continue
        after_number, dangling = dangling, None
        m = _HEADER_LINE.match(line)
        if m:
            field, value = m.group(1).casefold(), m.group(2).strip()
            if field in ("姓名", "名字", "name"):
                head.name = value
            elif field in _QUIZ_FIELDS:
                head.quiz, head.quiz_line = value, number
            else:
                head.version, head.version_line = value, number
            continue
        first, opening = opening, False
        line = unbracket(unlabel(line))
        try:
            pairs = range_answers(line)
            if pairs is None:
                pairs = numbered_answers(line)
        except RunError as exc:
            unread.append((number, str(exc)))
            continue
        if pairs is not None:
            answers.extend(GivenAnswer(n, a, number) for n, a in pairs)
            continue
        m = _ANSWER_LINE.match(line)
        if m and len(m.group(1)) > _MAX_DIGITS:
            pending.append((number, "", _too_many_digits(line)))
            continue
        if m:
            answers.append(GivenAnswer(int(m.group(1)), _as_written(raw, line, m.group(2).strip()), number))
            dangling = len(answers) - 1 if not answers[-1].text else None
            continue
        if after_number is not None and _answers_item(line, items.get(answers[after_number].number)):
            # ``1.`` then ``C`` on the next line: the answer written under its number
            answers[after_number] = GivenAnswer(answers[after_number].number, raw.strip(), number)
            continue
        named = name_and_answers(line) if first else None
        if named is not None:  # 秦一 1-8 CDBCBAAD
            try:
                pairs = range_answers(named[1]) or numbered_answers(named[1])
            except RunError as exc:
                pairs, alone = None, (number, named[0])
                unread.append((number, str(exc)))
            if pairs:
                alone = (number, named[0])
                answers.extend(GivenAnswer(n, a, number) for n, a in pairs)
            if alone:
                continue
        if first and is_name(line.removeprefix("姓名").removeprefix("名字")):  # a name alone, if answers follow
            alone = (number, line.removeprefix("姓名").removeprefix("名字"))
            continue
        if holds_answers(line):
            unread.append((number, _("answers without question numbers ({line!r})").format(line=_cut(line))))
            continue
        pending.append(
            (
                number,
                "",
                _("line ignored: {line!r} (expected NUMBER. ANSWER, or 姓名：/测验：/版本：)").format(line=line[:40]),
            )
        )
    if alone and (answers or unread) and not head.name:
        head.name = alone[1]
    elif alone:
        pending.append(
            (
                alone[0],
                "",
                _("line ignored: {line!r} (expected NUMBER. ANSWER, or 姓名：/测验：/版本：)").format(line=alone[1]),
            )
        )
    if unread:
        _unreadable_sheet(unread, head.name or _fallback_name(name))
    if not answers and not head.name:
        what = (
            _("the file is empty")
            if not text.strip()
            else _("no line is an answer (NUMBER. ANSWER) and none says 姓名：")
        )
        raise _Fail(0, _("not an answer sheet: {what}").format(what=what))
    if not head.name and not any(a.text for a in answers):  # the 答题卡 as printed, caught by a glob
        warn(0, "", _("a blank answer sheet (no 姓名 and no answer filled in); left out"))
        return None
    return _finish_sheet(name, key, head, answers, warn, pending, quiz_field=_("测验： line"))


def _yaml_text(value: Any) -> str:
    """A YAML value as written, stripped (``""`` when :func:`clean` leaves nothing of it)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "".join(_yaml_text(v) for v in value)
    if isinstance(value, dict):
        raise _Fail(0, _("an answer must be text or a list of letters, not a mapping"))
    text = str(value).strip()
    return text if clean(text) else ""


def _read_yaml_sheet(path: Path, name: str, key: AnswerKey, warn: Callable[[int, str, str], None]) -> Submission:
    from .._yaml import YList, YMap, load_text_yaml

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Fail(0, _("not UTF-8 text (save the YAML sheet as UTF-8)")) from None
    try:
        data, problems = load_text_yaml(text, name)
    except BankError as exc:
        raise _Fail(0, _("not valid YAML: {details}").format(details="; ".join(exc.details))) from None
    if problems:
        raise _Fail(problems[0].line, problems[0].message)
    if not isinstance(data, YMap):
        raise _Fail(0, _("expected a mapping with name, quiz, version and answers"))
    if "studykit_key" in data:  # the key beside the sheets, caught by a glob
        raise _LeftOut(
            data.key_lines["studykit_key"],
            _("this is a studykit answer key (studykit_key), not members' answers; left out (give it with --key)"),
        )
    head = _SheetHead()
    for field, attr in (
        ("姓名", "name"),
        ("name", "name"),
        ("测验", "quiz"),
        ("測驗", "quiz"),
        ("quiz", "quiz"),
        ("版本", "version"),
        ("version", "version"),
    ):
        if field in data:
            setattr(head, attr, clean(_yaml_text(data[field])))
            if attr != "name":
                setattr(head, f"{attr}_line", data.key_lines[field])
    field = "answers" if "answers" in data else "答案" if "答案" in data else ""
    if not field:
        raise _Fail(data.line, _("field 'answers': missing (expected a mapping from question number to answer)"))
    raw = data[field]
    answers: list[GivenAnswer] = []
    if isinstance(raw, YMap):
        for k, v in raw.items():
            m = _ANSWER_LINE.match(clean(k))
            if m and not m.group(2) and len(m.group(1)) > _MAX_DIGITS:
                raise _Fail(raw.key_lines[k], _("field 'answers': {key!r} is not a question number").format(key=k))
            if not m or m.group(2):
                try:  # a range: 1-5: DCBAD
                    ranged = range_answers(clean(f"{k} {_yaml_text(v)}"))
                except RunError as exc:
                    raise _Fail(raw.key_lines[k], _("field 'answers': {problem}").format(problem=exc)) from None
                if ranged is None:
                    raise _Fail(raw.key_lines[k], _("field 'answers': {key!r} is not a question number").format(key=k))
                answers += (GivenAnswer(n, a, raw.key_lines[k]) for n, a in ranged)
                continue
            answers.append(GivenAnswer(int(m.group(1)), _yaml_text(v), raw.key_lines[k]))
    elif isinstance(raw, YList):
        for i, (v, line) in enumerate(zip(raw, raw.item_lines, strict=True), 1):
            answers.append(GivenAnswer(i, _yaml_text(v), line))
    elif raw is not None:
        raise _Fail(data.key_lines[field], _("field 'answers': expected a mapping from question number to answer"))
    return _finish_sheet(name, key, head, answers, warn, quiz_field=_("quiz: field"))


# -- tables --------------------------------------------------------------------
def _csv_rows(path: Path, encoding: str | None) -> Iterator[list[str]]:
    enc = encoding or detect_encoding(path)
    with open(path, encoding=enc, newline="") as f:
        first = f.readline()
        f.seek(0)
        dialect: type[csv.Dialect] | str = "excel"
        if "," not in first and "\t" in first:
            dialect = "excel-tab"
        reader = csv.reader(f, dialect, delimiter=";") if "," not in first and ";" in first else csv.reader(f, dialect)
        yield from reader


def _xlsx_rows(
    path: Path,
    warn: Callable[[int, str, str], None],
    fits: Callable[[list[list[str]]], bool] | None = None,
) -> Iterator[list[str]]:
    """The rows of the first worksheet that holds data (whose first rows ``fits``, if given; a
    warning names the worksheets passed over), as text cells — read once, within limits, see
    :mod:`.workbook`."""
    from .workbook import WorkbookError, worksheet_rows

    try:
        yield from worksheet_rows(path, warn, fits)
    except WorkbookError as exc:
        raise _Fail(exc.line, exc.message) from None


def _stem_form(text: str) -> str:
    """A stem as compared with a header: NFKC, no whitespace, punctuation or underscores."""
    import unicodedata

    return "".join(c for c in clean(text) if not unicodedata.category(c).startswith(("P", "Z")) and not c.isspace())


@dataclass(frozen=True)
class _Layout:
    name: int
    questions: tuple[tuple[int, int], ...]  # (column index, item number)
    quiz: int = -1
    version: int = -1
    #: (column index, item number, option index, named by its text): one tick each
    options: tuple[tuple[int, int, int, bool], ...] = ()


def _one_stem(text: str, stems: dict[str, list[KeyItem]]) -> KeyItem | None:
    """The one item whose stem ``text`` is (or holds, for stems of four characters or more), else ``None``."""
    form = _stem_form(_bare(text))
    matches = stems.get(form, [])
    if not matches and form:
        matches = [it for f, its in stems.items() if len(f) >= 4 and f in form for it in its]
    return matches[0] if len(matches) == 1 else None


def _bare(header: str) -> str:
    """A header without survey number prefix, type tags and trailing colon."""
    text = _TAGS.sub("", header)
    text = _SURVEY_PREFIX.sub("", text)
    return _TRAIL.sub("", text).strip()


def _layout(
    header: list[str],
    key: AnswerKey,
    name_column: str | None,
    row: int,
    warn: Callable[[int, str, str], None],
) -> _Layout:
    numbers = {it.number: it for it in key.items}
    stems: dict[str, list[KeyItem]] = {}
    for it in key.items:
        stems.setdefault(_stem_form(it.stem), []).append(it)
    cleaned = [clean(h) for h in header]
    if set(cleaned) >= REPORT_HEADERS:
        raise _LeftOut(
            row,
            _(
                "this is a studykit grade report (columns 名次, 得分, 满分, 百分比, 结果), not members' answers; left out"
            ),
        )

    def label(i: int) -> str:
        return _("column {number} ({header!r})").format(number=i + 1, header=cleaned[i][:30])

    name_at = -1
    if name_column is not None:
        wanted = clean(name_column)
        if wanted.isdigit():  # a column number: question headers are often digits too
            hits = [int(wanted) - 1] if len(wanted) <= _MAX_DIGITS and 1 <= int(wanted) <= len(cleaned) else []
        else:
            hits = [i for i, h in enumerate(cleaned) if h == wanted or _bare(h) == wanted]
        if not hits:
            shown = ", ".join(repr(h) for h in cleaned if h)
            raise _Fail(
                row,
                _("no column {name_column!r} for --name-column (the columns are: {shown})").format(
                    name_column=name_column, shown=shown
                ),
            )
        name_at = hits[0]
    shift = survey_offset(cleaned, numbers)  # 10(技术治理的有效支撑) for item 9, a name question first
    tick_numbers = {n + shift: it for n, it in numbers.items()}
    by_item: dict[int, int] = {}
    names: list[int] = []
    ignored: list[str] = []
    ticks: list[tuple[int, int, int, bool]] = []
    quiz_at = version_at = -1
    for i, h in enumerate(cleaned):
        if i == name_at or not h:
            continue
        bare = _bare(h)
        folded = bare.casefold()
        item: KeyItem | None = None
        m = _NUMBER_HEADER.match(h) if len(h) <= _MAX_HEADER_NUMBER else None
        tick = None if m else option_column(h, tick_numbers, lambda text: _one_stem(text, stems))
        if tick is not None:  # one column per option (问卷星 按选项序号): 3(网格长)
            ticks.append((i, *tick))
            continue
        if m:
            n = int(next(g for g in m.groups() if g))
            if n not in numbers:
                raise _Fail(
                    row,
                    _("{column}: {problem}; {mismatch}").format(
                        column=label(i), problem=no_question(n, numbers), mismatch=_columns_mismatch()
                    ),
                )
            item = numbers[n]
        else:
            form = _stem_form(bare)
            matches = stems.get(form, [])
            if not matches and form:
                matches = [it for f, its in stems.items() if len(f) >= 4 and f in form for it in its]
            if len(matches) == 1:
                item = matches[0]
            elif len(matches) > 1:
                raise _Fail(
                    row,
                    _("{column}: the stem fits questions {numbers} (number the columns instead)").format(
                        column=label(i), numbers=", ".join(str(it.number) for it in matches)
                    ),
                )
        if item is not None:
            if item.number in by_item:
                raise _Fail(
                    row,
                    _("{column}: question {number} already has {other}").format(
                        column=label(i), number=item.number, other=label(by_item[item.number])
                    ),
                )
            by_item[item.number] = i
        elif folded in _QUIZ_HEADERS:
            quiz_at = i
        elif folded in _VERSION_HEADERS:
            version_at = i
        elif name_at < 0 and (folded in _NAME_HEADERS or "姓名" in folded):
            names.append(i)
        elif folded not in METADATA_HEADERS:
            ignored.append(
                _("{column} ignored (not a question of the key, the name or a known survey field)").format(
                    column=label(i)
                )
            )
    tick_columns = {t[0] for t in ticks}
    for i, n, _option, _named in ticks:
        if n in by_item and by_item[n] not in tick_columns:
            raise _Fail(
                row,
                _("{column}: an option of question {n}, which already has {other}").format(
                    column=label(i), n=n, other=label(by_item[n])
                ),
            )
        by_item.setdefault(n, i)  # its first option column stands for it
    if not by_item:
        shown = ", ".join(repr(h[:30]) for h in cleaned if h)
        raise _Fail(
            row,
            _("no column matches a question of the key (the columns are: {shown}); not an answer table").format(
                shown=shown
            ),
        )
    if name_at < 0:
        exact = [i for i in names if _bare(cleaned[i]).casefold() in ("姓名", "name")]
        if len(names) == 1 or len(exact) == 1:
            name_at = names[0] if len(names) == 1 else exact[0]
        else:
            shown = ", ".join(repr(h) for h in cleaned if h)
            why = _("several columns could hold the name") if names else _("no column is headed 姓名 or name")
            raise _Fail(
                row,
                _(
                    "cannot tell which column holds the member's name: {why} (give --name-column; the columns are: {shown})"
                ).format(why=why, shown=shown),
            )
    missing = [n for n in numbers if n not in by_item]
    if missing:
        raise _Fail(
            row,
            _(
                "the table has {count} question columns but the key has {count2} questions (no column for question {items}); {mismatch}"
            ).format(
                count=len(by_item),
                count2=len(numbers),
                items=", ".join(map(str, missing)),
                mismatch=_count_mismatch(),
            ),
        )
    for message in ignored:
        warn(row, "", message)
    if isinstance(key, KeySet) and version_at < 0:
        raise _Fail(
            row,
            _("the table has no 版本 column but the keys are for versions {versions}; add a 版本 column so that "
              "each row is graded with the key of its version").format(versions=key.versions),
        )  # fmt: skip
    if key.version and version_at < 0:
        warn(
            row,
            "",
            _(
                "the table has no 版本 column; assuming every row answered version {version} (add a 版本 column if the branch wrote several versions)"
            ).format(version=key.version),
        )
    layout = tuple(sorted(((col, n) for n, col in by_item.items()), key=lambda p: p[1]))
    return _Layout(name_at, layout, quiz_at, version_at, tuple(ticks))


def _header_like(cells: list[str], key: AnswerKey, name_column: str | None) -> bool:
    """Whether ``cells`` look like a table's header row: at least two cells, and a name
    column or at least half the key's questions matched by number or stem."""
    cleaned = [clean(c) for c in cells if c.strip()]
    if len(cleaned) < 2:  # a merged title row holds one cell
        return False
    folded = [_bare(c).casefold() for c in cleaned]
    wanted = clean(name_column or "").casefold()
    if wanted and not wanted.isdigit() and (wanted in folded or wanted in (c.casefold() for c in cleaned)):
        return True
    if any(f in _NAME_HEADERS or "姓名" in f for f in folded):
        return True
    numbers = {it.number for it in key.items}
    stems = {_stem_form(it.stem) for it in key.items}
    matched = 0
    for c in cleaned:
        m = _NUMBER_HEADER.match(c) if len(c) <= _MAX_HEADER_NUMBER else None
        if m:
            matched += int(next(g for g in m.groups() if g)) in numbers
        else:
            form = _stem_form(_bare(c))
            matched += bool(form) and any(form == f or (len(f) >= 4 and f in form) for f in stems)
    return matched * 2 >= len(numbers) > 0


#: How many non-empty rows may stand above the header row (titles, merged banners).
HEADER_SEARCH_ROWS = 5


def _find_header(
    rows: Iterator[tuple[int, list[str]]], key: AnswerKey, name_column: str | None, last_row: list[int]
) -> tuple[int, list[str], list[int], list[tuple[int, list[str]]]]:
    """``(header row number, header cells, row numbers above it, rows read past it)``: the
    first of the first :data:`HEADER_SEARCH_ROWS` non-empty rows that :func:`_header_like`,
    else the first non-empty row.  Raises :class:`_Fail` for a table without rows."""
    seen: list[tuple[int, list[str]]] = []
    for number, cells in rows:
        last_row[0] = number - 1
        if not any(c.strip() for c in cells):
            continue
        seen.append((number, cells))
        if _header_like(cells, key, name_column) or len(seen) == HEADER_SEARCH_ROWS:
            break
    if not seen:
        raise _Fail(0, _("the table is empty (expected a header row, then one row per member)"))
    at = next((i for i, (_, cells) in enumerate(seen) if _header_like(cells, key, name_column)), 0)
    return seen[at][0], seen[at][1], [n for n, _ in seen[:at]], seen[at + 1 :]


def _has_answer(cells: list[str], layout: _Layout, key: AnswerKey) -> bool:
    """Whether any question cell of a row reads as an answer (a stem repeated is none)."""
    stems = {_stem_form(it.stem) for it in key.items}
    for col, n in layout.questions:
        text = cells[col].strip() if col < len(cells) else ""
        form = _stem_form(_bare(text))
        if not text or any(form == f or (len(f) >= 4 and f in form) for f in stems):
            continue
        if read_answer(text, key.item(n)).kind == "answer":
            return True
    return False


#: One row of a table to grade: member name, source (the file as named), row number,
#: raw answer cells in key order, and the row's quiz and version cells ("" when none).
TableRow = tuple[str, str, int, Sequence[str], str, str]


def _table_rows(
    rows: Iterable[list[str]],
    name: str,
    key: AnswerKey,
    name_column: str | None,
    warn: Callable[[int, str, str], None],
    fail: Callable[[int, str, str], None],
    last_row: list[int],
    *,
    text_table: bool = True,
) -> Iterator[TableRow]:
    """The rows of a table to grade, one per member after the header row (found among the
    first rows, see :func:`_find_header`).  Blank rows are skipped; a row with no name and
    no readable answer (a second header row) is skipped with a warning; rows of another
    quiz or version fail.  A row with a non-empty cell beyond the header's last column is
    a warning in a workbook (a column without a header) and fails in a ``text_table`` (an
    unquoted comma shifted its cells: no answer after it can be placed); in a text table, a
    row with fewer cells than the header is a warning (an .xlsx row may omit trailing empty cells).
    A table with no member row below its header fails."""
    numbered = enumerate(rows, 1)
    header_row, header, above, after = _find_header(numbered, key, name_column, last_row)
    layout = _layout(header, key, name_column, header_row, warn)
    header_width = max((i + 1 for i, h in enumerate(header) if h.strip()), default=0)
    if above:
        shown = ", ".join(map(str, above))
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
    for number, cells in itertools.chain(after, numbered):
        last_row[0] = number - 1
        given = len(cells)
        if given < width:
            cells = cells + [""] * (width - given)
        member = clean(cells[name_at].strip())
        if not member:
            if not any(c.strip() for c in cells):
                continue
            if not _has_answer(cells, layout, key):
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
            shown = ", ".join(repr(c[:30]) for c in extra[:3]) + (", …" if len(extra) > 3 else "")
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
                head = _SheetHead(member, quiz, version, number, number)
                _check_identity(key, head, version_given=version_at >= 0, row=True)
            except _Fail as exc:
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
    last_row[0] = 0
    if not members:
        raise _Fail(0, _("the table has a header but no member rows (expected one row per member below the header)"))


def _submission(key: AnswerKey, row: TableRow) -> Submission:
    """A table row as a :class:`Submission` (answers in item-number order, stripped)."""
    member, source, number, cells, quiz, version = row
    order = sorted(range(len(key.items)), key=lambda k: key.items[k].number)
    answers = tuple(GivenAnswer(key.items[k].number, cells[k].strip(), number) for k in order)
    return Submission(member, source, answers, number, quiz, version)

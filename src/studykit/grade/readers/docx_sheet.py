"""A member's answers in a Word document: the 答题卡 (``quiz -o X.docx`` writes ``X.card.docx``)
or the paper itself, filled in Word or WPS and sent back.

The document is turned into the lines of a ``.txt`` answer sheet and read as one
(:func:`~studykit.grade.readers.sheet.sheet_from_text`): its paragraphs in body order
(``姓名：张三``, a stem whose bracket holds the answer), and its tables row by row — a
``题号`` row over an ``答案`` row (the 答题卡's grid) gives ``N. answer`` per column, any other
row its cells joined by a space (``17.`` | ``中介桥梁`` → ``17. 中介桥梁``), a merged cell once.

A ``.docx`` is a zip: before python-docx opens it, the archive is checked as a workbook's is
(at most :data:`MAX_MEMBERS` files unpacking to at most :data:`MAX_UNPACKED` bytes, none of over
1 MiB packed more than :data:`MAX_RATIO` to 1), so a zip bomb is refused at once.  The quiz's
own 参考答案 (``X.solutions.docx``, caught by a glob) is left out with a warning.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..._docx import W
from ..._docx import element_text as _text  # shared with draft: reads w:ins (修订) text
from ...i18n import _
from ...key import AnswerKey
from ...text import clean
from ..archive import ZipLimits, breach
from ..model import Submission
from ._common import Fail, LeftOut, solutions_message
from .paper_copy import LEFT_BLANK, NUMBERED, answered_stems, as_sheet_line, bare, ticked_options

#: Files in the archive (a Word document holds about a dozen).
MAX_MEMBERS = 1_000
#: Bytes the archive may unpack to, all files together (a filled 答题卡 unpacks to about 40 KB).
MAX_UNPACKED = 64 << 20
#: How much more than 1 MiB a file may unpack to than it takes in the archive.
MAX_RATIO = 100


def read_docx_sheet(
    path: Path, name: str, key: AnswerKey, warn: Callable[[int, str, str], None]
) -> Iterator[Submission]:
    """The member's answers in the ``.docx`` at ``path`` (none for a blank 答题卡, with a warning).
    Raises :class:`Fail` for a file that is no Word document or breaks the limits above, and
    :class:`LeftOut` for the quiz's 参考答案."""
    from .sheet import sheet_from_text

    notes: list[str] = []
    emphasised: set[int] = set()
    lines = docx_lines(path, notes, emphasised)
    if lines and lines[0].rstrip().endswith("· 参考答案"):
        raise LeftOut(1, solutions_message())
    stems = {item.number: bare(item.stem) for item in key.items}
    ours = ("答题卡", key.title.strip())
    sheet, ticked = ticked_options([as_sheet_line(line, stems, ours) for line in lines], key)
    sheet = answered_stems(sheet, stems)
    # the questions left blank, as bare numbers after everything else (under its number, an option
    # line would be read as the answer): unanswered, and a blank paper is a blank 答题卡
    sheet += [f"{m.group(1)}." for m in map(LEFT_BLANK.match, sheet) if m and int(m.group(1)) not in ticked]
    for note in notes:  # what the 答题卡's grid holds that is not read as written
        warn(0, "", note)
    for number in _emphasised_blanks(sheet, ticked, emphasised):
        warn(
            0,
            "",
            _(
                "question {number} is left blank, but an option under it is highlighted, coloured, bold or "
                "underlined — grading does not read formatting: it is graded as unanswered (mark the chosen option "
                "with √, e.g. B. 实践要求 √, or write its letter in the brackets)"
            ).format(number=number),
        )
    sub = sheet_from_text("\n".join(sheet), name, key, warn)
    if sub is not None:
        yield sub


def _emphasised_blanks(sheet: list[str], ticked: set[int], emphasised: set[int]) -> list[int]:
    """The questions left blank on the paper (``sheet``'s comment lines, none of ``ticked``) under which a line
    of ``emphasised`` (indexes of paragraphs with formatted runs) stands: a member who marked the option by
    formatting it, which is not read."""
    found: list[int] = []
    current: int | None = None
    for i, line in enumerate(sheet):
        left = LEFT_BLANK.match(line)
        if left is not None or NUMBERED.match(line.strip()):
            current = int(left.group(1)) if left is not None else None
        elif current is not None and current not in ticked and i in emphasised and current not in found:
            found.append(current)
    return found


#: Run properties a member may use to mark an option in Word (WordprocessingML §17.3.2): highlight, shading,
#: colour, bold, underline — the paper prints its option lines with none of them.
_MARKING = ("highlight", "shd", "color", "b", "u")
_PLAIN_VALUES = frozenset({"", "none", "auto", "000000", "FFFFFF", "ffffff", "false", "0", "clear"})


def _emphasised(paragraph: Any) -> bool:
    """Whether the ``w:p`` ``paragraph`` holds a run with text whose properties mark it (:data:`_MARKING`)."""
    for run in paragraph.iter(f"{W}r"):
        props = run.find(f"{W}rPr")
        if props is None or not "".join(t.text or "" for t in run.iter(f"{W}t")).strip():
            continue
        for tag in _MARKING:
            found = props.find(f"{W}{tag}")
            if found is None:
                continue
            values = {found.get(f"{W}val", "on" if tag == "b" else ""), found.get(f"{W}fill", "")}
            if tag == "b" and found.get(f"{W}val") in (None, "1", "true", "on"):
                return True
            if tag != "b" and values - _PLAIN_VALUES:
                return True
    return False


def docx_lines(path: Path, notes: list[str] | None = None, emphasised: set[int] | None = None) -> list[str]:
    """The lines of the document at ``path`` as an answer sheet reads them (see the module); what of
    the 答题卡's grid is not read as written is said in ``notes``, when given, and the indexes of the paragraphs
    whose text is formatted as a member may mark an option (:func:`_emphasised`) are added to ``emphasised``."""
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise Fail(0, _("not a Word .docx document (expected one saved by Word or WPS)")) from None
    from docx import Document
    from docx.table import Table

    try:
        document = Document(str(path))
        lines: list[str] = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                if emphasised is not None and _emphasised(element):
                    emphasised.add(len(lines))
                lines.append(_text(element))
            elif tag == "tbl":
                lines += _table_lines(Table(element, document), notes if notes is not None else [])
    except Exception:  # python-docx or lxml on a broken part: the file is named, nothing else escapes
        raise Fail(0, _("not a Word .docx document (expected one saved by Word or WPS)")) from None
    return lines


#: The limits above, as the guard shared with the .xlsx reader (:mod:`studykit.grade.archive`) takes them.
_LIMITS = ZipLimits(MAX_MEMBERS, MAX_UNPACKED, MAX_RATIO)


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Raise :class:`Fail` when ``archive``'s directory breaks :data:`_LIMITS`, in a 答题卡's words."""
    found = breach(archive, _LIMITS)
    if found is None:
        return
    if found.limit == "ratio":
        raise Fail(0, _("{name} unpacks {ratio:,} times larger than it is packed — a zip bomb? not read").format(
            name=found.name, ratio=found.ratio))  # fmt: skip
    raise Fail(0, _("the document holds {count:,} files unpacking to {size:,} bytes, far more than an answer "
                    "sheet does (at most {members:,} files, {limit:,} bytes); not read").format(
        count=found.count, size=found.total, members=MAX_MEMBERS, limit=MAX_UNPACKED))  # fmt: skip


def _cells(row: Any) -> list[str]:
    """A table row's cell texts, a merged cell (which python-docx repeats) once, stripped."""
    seen: list[Any] = []
    texts: list[str] = []
    for cell in row.cells:
        if not any(cell._tc is tc for tc in seen):
            seen.append(cell._tc)
            texts.append(" ".join(_text(cell._tc).split()))  # a cell of several paragraphs: one line
    return texts


#: The heads of a table's columns of question numbers and of answers (``题号 | 答案 | 题号 | 答案``, a table
#: WPS or Word users draw for their answers).
_NUMBER_HEADS = frozenset({"题号", "題號", "序号", "題目", "题目", "题"})
_ANSWER_HEADS = frozenset({"答案", "答", "作答", "我的答案", "选项", "選項"})


def _column_pairs(row: list[str]) -> bool:
    """Whether ``row`` heads a table's columns in pairs of question number and answer (``题号 | 答案``, once or
    several times side by side)."""
    return (
        len(row) >= 2
        and len(row) % 2 == 0
        and all(cell in _NUMBER_HEADS for cell in row[0::2])
        and all(cell in _ANSWER_HEADS for cell in row[1::2])
    )


def _table_lines(table: Any, notes: list[str]) -> list[str]:
    rows = [_cells(row) for row in table.rows]
    lines: list[str] = []
    pairs = 0  # the columns of the rows under a 题号 | 答案 (| 题号 | 答案 …) head row
    i = 0
    while i < len(rows):
        if _column_pairs(rows[i]):
            pairs = len(rows[i])
            lines.append("# " + " ".join(rows[i]))
            i += 1
            continue
        if pairs and len(rows[i]) == pairs:  # 1 | B | 11 | ABD: each pair is a question's line
            cells = rows[i]
            lines += [_pair_line(n, a, notes) for n, a in zip(cells[0::2], cells[1::2], strict=True) if n]
            i += 1
            continue
        pairs = 0
        numbers = rows[i]
        answers = rows[i + 1] if i + 1 < len(rows) else []
        if numbers and numbers[0] == "题号" and answers and answers[0] in ("答案", "答"):
            lines += [_grid_line(n, a, notes) for n, a in zip(numbers[1:], answers[1:], strict=False) if n]
            i += 2
            continue
        if len(numbers) > 1 and numbers[0] and numbers[1].startswith(numbers[0]):  # 17. | 17. 华中师范大学
            numbers = [numbers[0], numbers[1][len(numbers[0]) :].strip(), *numbers[2:]]
        lines.append(" ".join(c for c in numbers if c))
        i += 1
    return lines


#: A 题号 cell of the 答题卡's grid holding more than its number (``1A``, ``1. A``; after NFKC).
_NUMBER_AND_MORE = re.compile(r"^(\d{1,3})(?!\d)\s*[.、:)]?\s*(\S.*)$")


def _pair_line(number: str, answer: str, notes: list[str]) -> str:
    """The sheet line of a row's pair of cells under ``题目 | 答案``: a 题目 cell holding the question's number
    and its text (``1. 导语指出，……``) gives the number, the 答案 cell the answer; else as :func:`_grid_line`."""
    m = _NUMBER_AND_MORE.match(clean(number))
    if m is not None and answer.strip() and not number.strip().isdigit():
        return f"{m.group(1)}. {answer}"
    return _grid_line(number, answer, notes)


def _grid_line(number: str, answer: str, notes: list[str]) -> str:
    """The sheet line of one column of the 答题卡's grid: its 题号 cell ``number`` (not empty) over its
    答案 cell ``answer``.  An answer typed into the 题号 cell (``1A``, the 答案 cell left empty) is that
    question's answer; one differing from the 答案 cell's is noted and the 答案 cell's read; a 题号
    cell holding no question number (its number typed over) is noted and read as nothing."""
    if number.isdigit():
        return f"{number}. {answer}"
    cell = clean(number)
    if cell.strip("().、:[] ").isdigit():  # 1. (1) 1、: the number, written otherwise
        return f"{cell.strip('().、:[] ')}. {answer}"
    m = _NUMBER_AND_MORE.match(cell)
    if m is None:
        notes.append(
            _("a 题号 cell of the 答题卡 reads {cell!r}, which holds no question number; not read").format(cell=cell)
        )
        return "# " + cell
    n, typed = m.groups()
    if not answer or clean(answer) == typed:
        return f"{n}. {typed}"
    notes.append(
        _(
            "question {number}: the 题号 cell of the 答题卡 reads {cell!r} and the 答案 cell under it {answer!r}; "
            "the 答案 cell is read"
        ).format(number=n, cell=cell, answer=answer)
    )
    return f"{n}. {answer}"

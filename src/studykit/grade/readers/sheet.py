"""One member's answer sheet: the ``.txt`` sheet ``studykit quiz`` writes and its YAML form."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ...i18n import _
from ...key import AnswerKey, KeyItem
from ..model import GivenAnswer, Submission
from ..normalize import clean, read_answer
from ..sheet_grid import grid_answers, grid_numbers
from ..sheet_lines import (
    RunError,
    holds_answers,
    numbered_answers,
    range_answers,
    unbracket,
    uncircle,
    unlabel,
    unlead,
)
from ..sheet_names import answers_heading, chat_sender, first_line_name
from ..unnumbered import read_in_paper_order, section_answers
from ._common import (
    ANSWER_LINE,
    HEADER_LINE,
    MAX_DIGITS,
    NAME_LABELS,
    QUIZ_FIELDS,
    Fail,
    LeftOut,
    SheetHead,
    fallback_name,
    finish_sheet,
    solutions_message,
    too_many_digits,
)
from .columns import question_count
from .encoding import detect_encoding, read_text
from .sheet_head import (
    MARKDOWN_ESCAPE,
    chat_name,
    cut,
    name_field,
    name_value,
    named_line,
    once,
    paper_head,
    printed_line,
    unfilled,
)
from .table import TableRow, table_rows

if TYPE_CHECKING:
    pass

#: The name question of what ``studykit quiz --format tencent|wjx`` writes (render/tencent.py,
#: render/wjx.py; first in a 问卷星 file, after the title in a 腾讯问卷 one, first in the English
#: tags of earlier releases): no member's answers.
_PUBLISH_FIRST_LINES = frozenset({"姓名[Fill-in-Blank]", "1. 姓名[填空题]", "姓名[单行文本题][必答]"})


_WJX_ANSWERS_HEAD = "问卷星考试答案设置 · "


#: The most bytes a ``.txt``/``.md`` answer sheet may hold: a member's sheet holds a few hundred lines at
#: most, and the whole paper copied and marked (``studykit quiz``'s Markdown of all 180 questions of the
#: shipped bank) about 38 KB.  A larger file is refused before it is read whole — unless it opens as a
#: table (tab- or comma-separated, read row by row) or as one of studykit's own files left out by name.
MAX_SHEET_BYTES = 1 << 20

#: The bytes of a large ``.txt`` file looked at for its first two lines (:data:`MAX_SHEET_BYTES`).
_HEAD_BYTES = 1 << 16


def read_txt(
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
    caught by a glob, are left out with a warning.  A sheet of more than :data:`MAX_SHEET_BYTES`
    fails, naming the limit, before it is read whole."""
    size = _size(path)
    if size > MAX_SHEET_BYTES:
        encoding = encoding or detect_encoding(path)
        with open(path, "rb") as f:  # read_text below names an OS error
            head = f.read(_HEAD_BYTES).decode(encoding, "ignore")
        if _kind(_first_lines(head), key) == "sheet":
            raise Fail(
                0,
                _(
                    "{size:,} bytes, far more than an answer sheet holds (at most {limit:,} bytes: a member's "
                    "sheet is a few hundred lines); not read — is it the right file?"
                ).format(size=size, limit=MAX_SHEET_BYTES),
            )
    text = read_text(path, encoding)
    if "\0" in text:
        _refuse_nul(text)
    (at, first), (_at, second) = _first_lines(text)
    kind = _kind(((at, first), (_at, second)), key)
    if kind == "report":
        raise LeftOut(
            at, _("this is a studykit grade report (the text report, headed 测验成绩), not members' answers; left out")
        )
    if kind == "solutions":  # quiz.solutions.md, or its text pasted into a .txt
        raise LeftOut(at, solutions_message())
    if kind == "publish":
        raise LeftOut(
            at,
            _(
                "this is a quiz written by studykit quiz for 腾讯问卷 or 问卷星 (--format tencent/wjx), "
                "not members' answers; left out"
            ),
        )
    if kind == "tabs":
        rows = csv.reader(io.StringIO(text, newline=""), "excel-tab")
        yield from table_rows(rows, name, key, name_column, warn, fail, last_row)
    elif kind == "csv":
        # a CSV table saved as .txt (姓名,1,2,3 …): read as the table it is, not as one member's lines
        rows = csv.reader(io.StringIO(text, newline=""))
        yield from table_rows(rows, name, key, name_column, warn, fail, last_row)
    else:
        from .paper_copy import marked_paper

        sub = _read_sheet(marked_paper(text, key), name, key, warn)
        if sub is not None:
            yield sub


def _size(path: Path) -> int:
    """The size of the file at ``path`` in bytes, 0 when it cannot be told (reading it names the error)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _first_lines(text: str) -> tuple[tuple[int, str], tuple[int, str]]:
    """The first two non-empty lines of ``text``, stripped, each with its number (``(0, "")`` for none)."""
    lines = ((number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if line.strip())
    return next(lines, (0, "")), next(lines, (0, ""))


def _kind(first_lines: tuple[tuple[int, str], tuple[int, str]], key: AnswerKey) -> str:
    """What a ``.txt`` file opening with ``first_lines`` (:func:`_first_lines`) is: ``"report"``,
    ``"solutions"`` or ``"publish"`` (studykit's own files, left out), ``"tabs"`` or ``"csv"`` (a table),
    else ``"sheet"``."""
    (_at, first), (_at2, second) = first_lines
    if (first == "测验成绩" or first.startswith("测验成绩 · ")) and second.startswith("测验 "):
        return "report"
    if first.lstrip("# ").rstrip().endswith("· 参考答案"):
        return "solutions"
    if first in _PUBLISH_FIRST_LINES or second in _PUBLISH_FIRST_LINES or first.startswith(_WJX_ANSWERS_HEAD):
        return "publish"
    if first.count("\t") >= 2:
        return "tabs"
    if first.count(",") >= 2 and question_count(next(csv.reader([first])), key) * 2 >= len(key.items):
        return "csv"
    return "sheet"


def _refuse_nul(text: str) -> None:
    """Raise the failure of a text holding a NUL character, at its first line holding one: no answer
    sheet typed or saved as text holds one (a binary file renamed .txt, or one damaged in transfer)."""
    line = next(number for number, content in enumerate(text.splitlines(), 1) if "\0" in content)
    raise Fail(
        line,
        _(
            "a NUL byte (\\0), which no text answer sheet holds: the file is binary or damaged, not text; "
            "not read (save the answers again as text, or send the sheet again)"
        ),
    )


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


def _unreadable_sheet(unread: list[tuple[int, str]], member: str) -> None:
    """Raise the failure of a sheet holding answers that cannot be read unambiguously
    (see :mod:`studykit.grade.sheet_lines`): the member is not graded rather than scored 0."""
    line, why = unread[0]
    more = _(" (and {n} more such lines)").format(n=len(unread) - 1) if len(unread) > 1 else ""
    raise Fail(
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


def sheet_from_text(text: str, name: str, key: AnswerKey, warn: Callable[[int, str, str], None]) -> Submission | None:
    """The answers of a sheet's ``text`` (a ``.txt`` sheet's lines, or a Word document's as
    :mod:`.docx_sheet` gives them): ``None`` for a blank 答题卡 (warned); raises :class:`Fail`."""
    return _read_sheet(text, name, key, warn)


def _read_sheet(text: str, name: str, key: AnswerKey, warn: Callable[[int, str, str], None]) -> Submission | None:
    head = SheetHead()
    answers: list[GivenAnswer] = []
    pending: list[tuple[int, str, str]] = []
    unread: list[tuple[int, str]] = []  # lines that hold answers no form reads unambiguously
    opening = True  # before the first line that is no comment and no 姓名/测验/版本 line
    alone: tuple[int, str] | None = None  # a first line holding a name alone (赵六)
    items = {it.number: it for it in key.items}
    kinds = {it.number: it.type for it in key.items}
    said: dict[str, tuple[str, int]] = {}  # 姓名/测验/版本 as first written (value, line)
    copied = False  # the sheet holds lines of the paper itself (测验编号：…, 本卷共…, a line of options)
    dangling: int | None = None  # the answer of the line before, when it was a number alone (``1.``)
    grid: list[int] | None = None  # the numbers of a 题号 row (``题号 1 2 3``) just read
    bare: list[tuple[int, str]] = []  # lines of answers without numbers (``BADACDBC``)
    senders: dict[str, int] = {}  # the senders of chat messages copied with the answers (张三 14:32), first line
    for number, raw in enumerate(text.splitlines(), 1):
        raw = MARKDOWN_ESCAPE().sub(r"\1", raw).removesuffix("\\")  # 1\. …（C）\ copied from quiz.md
        line = uncircle(clean(raw))
        if not line or line.startswith("#"):
            continue
        after_number, dangling = dangling, None
        m = HEADER_LINE.match(line)
        head_line = paper_head(line)
        copied = copied or any(field == "测验" for field, _value in head_line)
        label = "".join(m.group(1).split()).casefold() if m else ""
        fields = head_line or ([("姓名" if label in NAME_LABELS else label, unfilled(m.group(2)))] if m else [])
        for field, value in fields:
            if field in ("姓名", "名字", "name") and m:
                value = name_value(name_field(value), number, answers, unread)
            if not once(said, field, value, number):
                continue  # a blank 版本： (of the sheet as printed) after the one filled in
            if field in ("姓名", "名字", "name"):
                head.name, head.name_line = value, number
            elif field in QUIZ_FIELDS:
                head.quiz, head.quiz_line = value, number
            else:
                head.version, head.version_line = value, number
        if fields:
            continue
        sender = chat_sender(line)
        if sender is not None:  # 张三 14:32: a chat message's head, copied with the answers
            senders.setdefault(sender, number)
            continue
        if answers_heading(line):  # 答案：, 我的答案如下：
            continue
        first, opening = opening, False
        line = unbracket(unlabel(line))
        grid, above = grid_numbers(line), grid
        if grid is not None:  # 题号 1 2 3 …: the 答题卡's grid as text, its 答案 row next
            continue
        named = named_line(line, number, alone, answers, unread) if first or alone else None
        if named is not None:  # 秦一 1-8 CDBCBAAD; 张三：6-8 DBC on each line, as chat replies are copied
            alone = named
            continue
        try:
            pairs = grid_answers(above, line, raw) if above else None
            if pairs is None:
                pairs = range_answers(line, kinds)
            if pairs is None:
                pairs = numbered_answers(line)
        except RunError as exc:
            unread.append((number, str(exc)))
            continue
        if pairs is not None:
            answers.extend(GivenAnswer(n, a, number) for n, a in pairs)
            continue
        m = ANSWER_LINE.match(line)
        if m and len(m.group(1)) > MAX_DIGITS:
            pending.append((number, "", too_many_digits(line)))
            continue
        if m:
            answers.append(GivenAnswer(int(m.group(1)), _as_written(raw, line, unlead(m.group(2).strip())), number))
            dangling = len(answers) - 1 if not answers[-1].text else None
            continue
        if after_number is not None and _answers_item(line, items.get(answers[after_number].number)):
            # ``1.`` then ``C`` on the next line: the answer written under its number
            answers[after_number] = GivenAnswer(answers[after_number].number, raw.strip(), number)
            continue
        person = first_line_name(line) if first else None
        if person:  # a name alone (赵六, 张三的答案, 张三（第一党支部）), if answers follow
            alone = (number, person)
            continue
        if section_answers(line, number, key, warn, answers, unread):  # 单选：BADACDBC
            continue
        if printed_line(line, key, copied):  # the paper's instruction or options, copied with its stems
            copied = True
            continue
        if holds_answers(line):
            unread.append((number, _("answers without question numbers ({line!r})").format(line=cut(line))))
            bare.append((number, line))
            continue
        pending.append(
            (
                number,
                "",
                _("line ignored: {line!r} (expected NUMBER. ANSWER, or 姓名：/测验：/版本：)").format(line=line[:40]),
            )
        )
    chatted = chat_name(senders) if senders else None  # two senders: not graded, even under a 姓名 line
    if chatted and not head.name:
        head.name, head.name_line = chatted
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
    if unread and not answers and len(unread) == len(bare):
        answers, unread = read_in_paper_order(bare, key, warn)
    if unread:
        _unreadable_sheet(unread, head.name or fallback_name(name))
    if not answers and not head.name:
        what = (
            _("the file is empty")
            if not text.strip()
            else _("no line is an answer (NUMBER. ANSWER) and none says 姓名：")
        )
        raise Fail(0, _("not an answer sheet: {what}").format(what=what))
    if not head.name and not any(a.text for a in answers):  # the 答题卡 as printed, caught by a glob
        warn(0, "", _("a blank answer sheet (no 姓名 and no answer filled in); left out"))
        return None
    return finish_sheet(name, key, head, answers, warn, pending, quiz_field=_("测验： line"))

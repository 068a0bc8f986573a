"""The head of a typed answer sheet: its 姓名/测验/版本 lines (each given once), a 姓名 line holding
answers, and the lines of studykit's own paper a member copies with it (head lines, instruction, options)."""

from __future__ import annotations

from ..._lazy import lazy_pattern
from ...i18n import _
from ...key import AnswerKey
from ..model import GivenAnswer
from ..normalize import blank_form
from ..sheet_lines import (
    RunError,
    holds_answers,
    is_name,
    name_and_answers,
    numbered_answers,
    range_answers,
    unlead,
)
from ..versions import version_form
from ._common import ANSWER_LINE, MAX_DIGITS, Fail

#: The head fields of a sheet, each under the name its messages give it.
FIELD_NAMES = {"姓名": "姓名", "名字": "姓名", "name": "姓名", "测验": "测验", "測驗": "测验", "quiz": "测验"}


def once(said: dict[str, tuple[str, int]], field: str, value: str, line: int) -> bool:
    """Note ``field`` (a 姓名/测验/版本 line's label, case-folded) written as ``value`` on ``line``: whether
    the line gives the field (it is not blank after a line that filled it in).  Raise :class:`Fail` when
    the sheet wrote it before with another non-blank value (``版本：B`` … ``版本：A``): which one holds
    cannot be told, and each would give other scores (or another member's name)."""
    label = FIELD_NAMES.get(field, "版本")
    if not value:
        return label not in said
    before = said.setdefault(label, (value, line))
    same = version_form(before[0]) == version_form(value) if label == "版本" else before[0] == value
    if not same:
        raise Fail(
            line,
            _(
                "the sheet gives {field} twice, {first!r} (line {first_line}) and {second!r} (line {second_line}); "
                "which one holds cannot be told — keep one"
            ).format(field=label, first=before[0], first_line=before[1], second=value, second_line=line),
        )
    return True


#: A backslash escaping punctuation, as studykit's Markdown paper writes it (``1\.``, ``\_\_``); a
#: member's answer holds no backslash, and one copied from ``quiz.md`` reads as printed.
MARKDOWN_ESCAPE = lazy_pattern(r"\\([!-/:-@\[-`{-~])")
#: A field of the head lines of studykit's paper, as a member copies them with the paper
#: (``姓名：____　支部：____　日期：____　得分：____``, ``测验编号：ID　版本：A　满分：100分``; after NFKC).
_PAPER_FIELD = lazy_pattern(r"(?:^|(?<=\s))(姓名|支部|日期|得分|测验编号|測驗編號|版本|满分|滿分)\s*:")
#: The fields of the paper's head lines that a sheet's head gives, under the labels its head lines use.
_PAPER_HEAD = {"姓名": "姓名", "测验编号": "测验", "測驗編號": "测验", "版本": "版本"}


def paper_head(line: str) -> list[tuple[str, str]]:
    """The 姓名, 测验 and 版本 of a head line of studykit's paper copied onto a sheet (``line`` cleaned):
    ``姓名：张三　支部：三支部　日期：____　得分：____`` gives ``[("姓名", "张三")]``, ``测验编号：ID　版本：A
    满分：100分`` gives ``[("测验", "ID"), ("版本", "A")]``, each blank (``____``) as ``""``; ``[]`` for any
    other line (``姓名：张三`` alone is the sheet's own 姓名 line)."""
    marks = list(_PAPER_FIELD().finditer(line))
    if not marks or marks[0].start() != 0 or (len(marks) == 1 and marks[0].group(1) not in ("测验编号", "測驗編號")):
        return []
    ends = [m.start() for m in marks[1:]] + [len(line)]
    return [
        (_PAPER_HEAD[m.group(1)], unfilled(line[m.end() : end]))
        for m, end in zip(marks, ends, strict=True)
        if m.group(1) in _PAPER_HEAD
    ]


#: Where an option begins on a line of the paper's options (``A. 实践要求 B. 理论要求``, after NFKC).
_OPTION_LABEL = lazy_pattern(r"(?:^|\s)[A-H]\.\s*")


def printed_line(line: str, key: AnswerKey, copied: bool) -> bool:
    """Whether ``line`` (cleaned) is a line of studykit's paper a member copied with its stems: the
    instruction (``本卷共20题。…``) or a line of options (``A. 实践要求 B. 理论要求``, each text an option
    of the key) — no answer, so not worth a warning each.  A line of one option (``A. 实践要求``, the paper
    prints long options so) counts only once the sheet is ``copied`` (it showed the paper's own lines):
    else it may be a member's answer written without its number, worth the warning."""
    if line.startswith("本卷共"):
        return True
    pieces = _OPTION_LABEL().split(line)
    if len(pieces) < (2 if copied else 3) or pieces[0]:
        return False
    options = {blank_form(o) for it in key.items for o in it.options}
    return all(blank_form(p) in options for p in pieces[1:])


def unfilled(value: str) -> str:
    """A head line's value, stripped; ``""`` for the paper's blank to fill in (``____``, ``\\_\\_`` from Markdown)."""
    value = value.strip()
    return "" if set(value) <= set("_\\ ") else value


def name_value(value: str, line: int, answers: list[GivenAnswer], unread: list[tuple[int, str]]) -> str:
    """The name of a ``姓名：`` line whose value is ``value``: a name followed by answers
    (``姓名：周八 1-5 AADBC``, ``姓名：周八，1.A 2.B``) gives the name, its answers added to ``answers``
    (or, when they cannot be placed, the line to ``unread``); else ``value`` as written."""
    try:  # 姓名 1-5 AADBC: answers after the label, no name
        alone = range_answers(value) or numbered_answers(value)
    except RunError as exc:
        unread.append((line, str(exc)))
        return ""
    if alone:
        answers.extend(GivenAnswer(n, a, line) for n, a in alone)
        return ""
    named = name_and_answers(_NAME_SEPARATOR().sub(" ", value, count=1))
    if named is None:
        person, _space, rest = value.partition(" ")
        # 姓名：周八 DCBAD BC: answers without numbers (a letter or two may be a version: 姓名：周八 B)
        if is_name(person) and any(len(piece) >= 3 and holds_answers(piece) for piece in rest.split()):
            unread.append((line, _("answers without question numbers ({line!r})").format(line=cut(rest))))
            return person
        return value
    try:
        pairs = range_answers(named[1]) or numbered_answers(named[1])
    except RunError as exc:
        unread.append((line, str(exc)))
        return named[0]
    if not pairs:
        return value
    answers.extend(GivenAnswer(n, a, line) for n, a in pairs)
    return named[0]


#: A comma or semicolon after a ``姓名：`` line's name, before its answers (``姓名：周十，1-5 AADBC``).
_NAME_SEPARATOR = lazy_pattern(r"(?<=\S)\s*[,;]\s*")


def cut(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters, ``…`` ending it when cut."""
    return text if len(text) <= width else text[:width].rstrip() + "…"


#: A field of a form's head line after the name (after NFKC): ``党员：李四　支部：一支部`` gives the name 李四.
_OTHER_FIELD = lazy_pattern(r"\s+(?=(?:党支部|支部|单位|部门|班级|日期|电话|手机|职务|工号)\s*:)")


def name_field(value: str) -> str:
    """A 姓名 line's value without the form's fields after the name (``李四 支部:一支部`` → ``李四``)."""
    return _OTHER_FIELD().split(value, maxsplit=1)[0]


def named_line(
    line: str,
    number: int,
    alone: tuple[int, str] | None,
    answers: list[GivenAnswer],
    unread: list[tuple[int, str]],
) -> tuple[int, str] | None:
    """A line (cleaned) beginning with a member's name then answers — the first line (``秦一 1-8 CDBCBAAD``),
    or any line of chat replies copied with the name before each (``张三：6-8 DBC``, ``张三：17.大都市``) when the
    sheet's name so far is ``alone`` (its line and name): its answers added to ``answers`` (or the line to
    ``unread``, when they cannot be placed) and the sheet's name so far returned; ``None`` when the line is no
    such line.  Raises :class:`Fail` when the name is another than ``alone``'s: two members' answers."""
    named = name_and_answers(line)
    if named is None:
        return None
    if alone and named[0] != alone[1]:
        raise Fail(
            number,
            _(
                "the sheet holds the answers of {first} (line {first_line}) and of {other} (line {line}); whose "
                "answers they are cannot be told — save each member's answers as a file of its own"
            ).format(first=alone[1], first_line=alone[0], other=named[0], line=number),
        )
    try:
        pairs = range_answers(named[1]) or numbered_answers(named[1])
    except RunError as exc:
        unread.append((number, str(exc)))
        return alone or (number, named[0])
    one = ANSWER_LINE.match(named[1]) if not pairs else None  # 张三：17.大都市
    if one and len(one.group(1)) <= MAX_DIGITS and one.group(2).strip():
        pairs = [(int(one.group(1)), unlead(one.group(2).strip()))]
    if not pairs:
        return None
    answers.extend(GivenAnswer(n, a, number) for n, a in pairs)
    return alone or (number, named[0])


def chat_name(senders: dict[str, int]) -> tuple[str, int]:
    """The name and line of the one sender of a sheet's chat messages (``senders``: each sender's first line);
    :class:`Fail` when they are two or more: whose answers the sheet holds cannot be told."""
    if len(senders) > 1:
        (first, first_at), (other, other_at) = list(senders.items())[:2]
        raise Fail(
            other_at,
            _(
                "the sheet holds chat messages of {first} (line {first_line}) and {other} (line {other_line}); whose "
                "answers they are cannot be told — save each member's messages as a file of its own"
            ).format(first=first, first_line=first_at, other=other, other_line=other_at),
        )
    return next(iter(senders.items()))

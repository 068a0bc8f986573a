"""What the readers of :mod:`studykit.grade.readers` share: suffixes, header words, the sheet's
identity check and the failure that leaves a file or row ungraded."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...errors import Problem
from ...i18n import _, join, ngettext
from ...key import AnswerKey, no_question
from ..model import GivenAnswer, Submission
from ..versions import KeySet, version_form

ProblemSink = Callable[[Problem], None]


#: Typed sheets: text, or the paper ``studykit quiz`` wrote as Markdown, marked and sent back.
SHEET_SUFFIXES = (".txt", ".md")


YAML_SUFFIXES = (".yaml", ".yml")


CSV_SUFFIXES = (".csv",)


XLSX_SUFFIXES = (".xlsx", ".xlsm")
#: A member's 答题卡 or paper filled in Word or WPS.
DOCX_SUFFIXES = (".docx",)


#: A sheet's head lines, in Simplified or Traditional characters (測驗 on a Big5 sheet); a label spaced out as a
#: printed form aligns it (``姓　名：``, after NFKC ``姓 名:``) is its field without the spaces.
HEADER_LINE = re.compile(
    r"^(姓\s*名|名\s*字|name|(?:党|黨|学|學)\s*(?:员|員)(?:\s*姓\s*名)?|答\s*[题題]\s*人|填\s*[写寫]\s*人|真\s*[实實]\s*姓\s*名"
    r"|[您你]的姓名|测\s*验|測\s*驗|quiz|版\s*本|version)\s*(?::|\s|$)\s*(.*)$",
    re.I,
)
#: The labels of a sheet's 姓名 line (as :data:`HEADER_LINE` gives them, spaces taken out, case-folded): a
#: branch's own form says 党员：, 学员： or 答题人： for the member's name.
NAME_LABELS = frozenset(
    {"姓名", "名字", "name", "党员", "党员姓名", "黨員", "黨員姓名", "学员", "学员姓名", "學員", "學員姓名", "答题人",
     "答題人", "填写人", "填寫人", "真实姓名", "真實姓名", "您的姓名", "你的姓名"}
)  # fmt: skip


QUIZ_FIELDS = ("测验", "測驗", "quiz")


ANSWER_LINE = re.compile(r"^(?:第\s*)?(\d+)\s*[题題]?(?:\s*[.、:)\]]|(?=\D)|$)\s*(.*)$")


#: A question's column by its number: ``第1题``, ``Q1``, ``题1``, ``1``, ``1.`` — and Moodle's Responses report
#: (quiz_responses, ``$string['responsex'] = 'Response {$a}'``): ``Response 1``.
NUMBER_HEADER = re.compile(
    r"^(?:第\s*(\d+)\s*[题題]|[Qq]\s*(\d+)|[题題]\s*(\d+)|(\d+)\s*[.、:)]?|[Rr]esponse\s*(\d+))$"
)


SURVEY_PREFIX = re.compile(r"^\d+\s*[、.:)]\s*")


TAGS = re.compile(r"(?:\s*【[^】]*】)+\s*$")


TRAIL = re.compile(r"[\s:：?？*]+$")


#: Digits a question number may have (Python will not even convert more than 4,300).
MAX_DIGITS = 6


#: The longest header read as a question number (``第 999999 题``); a longer one is a stem.
MAX_HEADER_NUMBER = 16


def too_many_digits(line: str) -> str:

    return _("line ignored: {start!r} (a question number of {digits:,} digits; a paper has at most 999,999)").format(
        start=line[:40],
        digits=len(ANSWER_LINE.match(line).group(1)),  # type: ignore[union-attr]
    )


NAME_HEADERS = {"姓名", "名字", "name", "您的姓名", "你的姓名", "党员姓名", "学员姓名", "真实姓名", "填写人", "答题人"}
#: A name in two columns, as Moodle's report downloads give it (Surname / Last name, First name; 姓, 名 in
#: its Chinese language pack): read as one, 姓 then 名.
SURNAME_HEADERS = frozenset({"surname", "last name", "姓"})
FIRST_NAME_HEADERS = frozenset({"first name", "名"})
#: Moodle's report columns that are no answers: ``Grade/100.00``, and with the report's options
#: ``Question 1`` (its text) and ``Right answer 1``; compared case-folded.
MOODLE_COLUMNS = re.compile(r"^(?:grade/[\d.,]+|question\s*\d+|right answer\s*\d+)$")


QUIZ_HEADERS = {"测验", "測驗", "quiz", "quiz_id", "测验编号", "測驗編號"}


VERSION_HEADERS = {"版本", "version", "试卷版本", "試卷版本", "卷别", "卷別"}


#: Columns survey tools and secretaries add that are not answers (compared case-folded).
METADATA_HEADERS = frozenset(
    {
        "序号", "编号", "提交答卷时间", "提交时间", "答题时间", "所用时间", "用时", "来源", "来源详情",
        "来自ip", "ip", "ip地址", "总分", "得分", "分数", "成绩", "开始时间", "结束时间", "时间", "日期",
        "用户id", "用户名", "微信昵称", "昵称", "openid", "手机", "手机号", "电话", "联系电话", "部门",
        "支部", "所在支部", "单位", "性别", "备注", "班级", "学号", "工号", "id", "no", "no.", "#",
        "开始答题时间", "结束答题时间", "答题时长",  # 腾讯问卷 (its answers' started_at, ended_at)
        "email address", "state", "started on", "completed", "time taken", "institution", "department",
        "id number", "username", "状态",  # Moodle's quiz report downloads (Responses, Grades)
    }
)  # fmt: skip


#: The columns of studykit's own CSV report — a report picked up by a glob is not answers.
REPORT_HEADERS = frozenset({"名次", "得分", "满分", "百分比", "结果"})
#: How a sheet's note that it does not say its quiz begins; a batch gives one such note (see iter_inputs).


def unsaid_message() -> str:
    return _("the sheet does not say which quiz it is")


def solutions_message() -> str:
    """Why the quiz's 参考答案 (``X.solutions.docx``/``.md``, or its text in a ``.txt``) is left out."""
    return _("this is the quiz's 参考答案 (its answers for people to read), not members' answers; left out")


def unknown_kind_message() -> str:
    """Why a file grade reads no answers from (a PDF, a photo, any other suffix) is named: what it reads."""
    return _("unknown kind of file (expected .txt, .md, .yaml or .docx answer sheets, .csv or .xlsx tables)")


def count_mismatch() -> str:
    return _("a table with a different number of questions cannot be graded with this key")


def columns_mismatch() -> str:
    return _("a table whose question columns are not the key's questions cannot be graded with this key")


class Fail(Exception):
    """The file (``line`` 0) or the row at ``line`` cannot be graded."""

    def __init__(self, line: int, message: str, where: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.where = where  # the member, when the file is one member's sheet that is not graded


class LeftOut(Fail):
    """The file holds no member's answers and is studykit's own (the key, a report) caught by
    a glob: it is left out with a warning, as nothing of a member's is lost."""


# -- sheets --------------------------------------------------------------------
@dataclass
class SheetHead:
    name: str = ""
    quiz: str = ""
    version: str = ""
    quiz_line: int = 0
    version_line: int = 0
    name_line: int = 0


def printable_name(name: str) -> tuple[str, str]:
    """``name`` (cleaned) without the characters no name holds — controls such as NUL or ESC, bidi
    overrides, private-use and unassigned code points: a report, a terminal and a spreadsheet would
    carry them on — and the warning saying so (``""`` when ``name`` is printable)."""
    if name.isprintable():
        return name, ""
    kept = " ".join("".join(c for c in name if c.isprintable()).split())
    codes = sorted({f"U+{ord(c):04X}" for c in name if not c.isprintable()})
    return kept, _("the name {name!r} holds characters no name has ({codes}); removed: read as {kept!r}").format(
        name=name, codes=join(codes), kept=kept
    )


def check_identity(key: AnswerKey, head: SheetHead, *, version_given: bool = True, row: bool = False) -> None:
    """Raise :class:`Fail` when ``head`` names another quiz or version than ``key``.

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
            raise Fail(
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
        raise Fail(head.quiz_line, message.format(quiz=head.quiz, quiz_id=key.quiz_id))
    if not head.version and key.version and version_given:
        message = (
            _("the row does not say its version (版本); the key is version {version} — "
              "write 版本：{version} in its 版本 column or use the right key")
            if row
            else _("the sheet does not say its version (版本); the key is version {version} — "
                   "write 版本：{version} on the sheet or use the right key")
        )  # fmt: skip
        raise Fail(head.version_line, message.format(version=key.version))
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
        raise Fail(head.version_line, message.format(version=head.version, key_version=key.version))


def fallback_name(name: str) -> str:
    """The member's name taken from the file's name as shown (see :func:`shown_name`)."""
    path = Path(name)
    stem = path.name
    for suffix in (".answers.txt", ".answers.yaml", ".answers.yml", ".card.docx", ".txt", ".md", ".yaml", ".yml"):
        if stem.lower().endswith(suffix):
            return stem[: -len(suffix)]
    return path.stem


#: Answers to questions the quiz does not have, each warned of; the rest are counted in one line.
_BEYOND_NAMED = 10


def finish_sheet(
    name: str,
    key: AnswerKey,
    head: SheetHead,
    answers: list[GivenAnswer],
    warn: Callable[[int, str, str], None],
    pending: list[tuple[int, str, str]] | None = None,
    *,
    quiz_field: str,
) -> Submission:
    """Check identity and numbers, then emit the sheet's warnings in line order.  A sheet
    that does not say its quiz (no ``quiz_field``, or a blank one) is graded with a warning
    naming the key's quiz: against another quiz's key it would score nonsense unflagged."""
    check_identity(key, head)
    notes = list(pending or [])
    head.name, unprintable = printable_name(head.name)
    if unprintable:
        notes.append((head.name_line, head.name or fallback_name(name), unprintable))
    member = head.name or fallback_name(name)
    seen: dict[int, int] = {}
    numbers = {it.number for it in key.items}
    beyond: list[int] = []  # the lines of answers to no question of the quiz, each named
    more: list[int] = []  # and of those after them, counted
    kept: list[GivenAnswer] = []
    for a in answers:
        if a.number in seen:
            raise Fail(
                a.line,
                _("question {number} is answered twice (first at line {first}; keep one)").format(
                    number=a.number, first=seen[a.number]
                ),
            )
        seen[a.number] = a.line
        if a.number not in numbers:
            if a.text and len(beyond) < _BEYOND_NAMED:
                beyond.append(a.line)
                notes.append(
                    (
                        a.line,
                        f"{member}, question {a.number}",
                        _("{problem}; answer {text!r} ignored").format(
                            problem=no_question(a.number, numbers), text=a.text
                        ),
                    )
                )
            elif a.text:
                more.append(a.line)
            continue
        kept.append(a)
    if more:  # 100,000 answers on a sheet of a few questions: one line for all but the first ten
        notes.append(
            (
                more[0],
                member,
                ngettext(
                    "{count} more answer to a question the quiz does not have ignored (line {first})",
                    "{count:,} more answers to questions the quiz does not have ignored (lines {first}–{last})",
                    len(more),
                ).format(count=len(more), first=more[0], last=more[-1]),
            )
        )
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
                    unsaid=unsaid_message(), quiz_field=quiz_field, quiz_id=key.quiz_id
                ),
            )
        )
    if not any(a.text for a in kept):
        notes.append((0, member, _("no answers on the sheet; every question scores 0")))
    for note in sorted(notes, key=lambda n: n[0]):
        warn(*note)
    return Submission(member, name, tuple(kept), 0, head.quiz, head.version)

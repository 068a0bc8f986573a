"""A member's answer sheet written as YAML (``X.answers.yaml``): ``姓名``/``name``, ``测验``/``quiz``,
``版本``/``version`` and ``answers`` (``答案``) as a mapping from question number to answer or a list in
paper order, read with studykit's YAML reader (duplicate keys and YAML 1.1 types refused where they
would change an answer) and checked by :data:`SHEET_TABLE`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import Problem, YamlError
from ...fieldrules import Invalid, Rule, Style, Table, collect
from ...i18n import _
from ...key import AnswerKey
from ..model import GivenAnswer, Submission
from ..normalize import clean
from ..sheet_lines import RunError, range_answers
from ._common import ANSWER_LINE, MAX_DIGITS, Fail, LeftOut, SheetHead, finish_sheet
from .sheet_head import once

if TYPE_CHECKING:
    from ..._yaml import YList


def _yaml_text(value: Any, line: int = 0) -> str:
    """A YAML value as written, stripped (``""`` when :func:`clean` leaves nothing of it); a
    mapping fails at ``line``, the line of its entry."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "".join(_yaml_text(v, line) for v in value)
    if isinstance(value, dict):
        raise Fail(line, _("an answer must be text or a list of letters, not a mapping"))
    text = str(value).strip()
    return text if clean(text) else ""


def _fullwidth_hint() -> str:
    return _(" (hint: the question numbers are followed by a full-width colon '：'; YAML needs ':' — 请改用半角冒号)")


def _answers_kind(value: Any, line: int) -> Any:
    """The sheet's answers: a mapping (number → answer) or a list (in order)."""
    if not isinstance(value, dict | list):
        hint = ""
        if isinstance(value, str) and "：" in value:  # 1：B 2：C, every colon full-width: one text
            hint = _fullwidth_hint()
        raise Invalid(_("field 'answers': expected a mapping from question number to answer") + hint)
    return value


#: The YAML sheet's answers (name, quiz and version are read by whichever of their names is written).
SHEET_TABLE = Table(
    "answer sheet",
    (Rule("answers", required=True, kind="any", check="answers", aliases=("答案",)),),
    Style(
        missing=lambda s: _("field 'answers': missing (expected a mapping from question number to answer)"),
        wrong_kind=lambda s: "",  # kind "any": never
        unknown=lambda name, known: "",
        empty_when="never",  # answers: with nothing under it is a sheet with no answers
        label=lambda where, field: "",
    ),
    closed=False,
)


#: A list entry that starts with its question number and a colon or 、 (``1：B``, ``第2题: C``); a
#: number and ``.`` is not one (``1.5倍`` is an answer).
_NUMBERED_ENTRY = re.compile(r"^(?:第\s*)?(\d{1,4})\s*[题題]?\s*[:：、]\s*(\S.*)$")


def _list_answers(raw: YList) -> list[GivenAnswer]:
    """The answers of a YAML list: in order
    (``- B``), or each under its own number.  An entry carries its number as a one-entry
    mapping (``- 1: B``) or as text starting with the number and ``：``, ``:`` or ``、``
    (``- 1：B``, as a Chinese keyboard types it).  A list holding a mapping is read by number
    and every entry must carry one; a list of text only is read by number when every entry
    carries one (so ``- 1.5`` or ``- 1+1+11`` stay answers).  Raises :class:`Fail`
    at the line of an entry that breaks this."""
    from ..._yaml import YMap

    def numbered(v: Any, line: int) -> GivenAnswer | None:
        if isinstance(v, YMap) and len(v) == 1:
            ((k, value),) = v.items()
            m = ANSWER_LINE.match(clean(str(k)))
            if not m or m.group(2) or len(m.group(1)) > MAX_DIGITS:
                raise Fail(v.key_lines[k], _("field 'answers': {key!r} is not a question number").format(key=k))
            return GivenAnswer(int(m.group(1)), _yaml_text(value, v.key_lines[k]), v.key_lines[k])
        m = _NUMBERED_ENTRY.match(clean(v)) if isinstance(v, str) else None
        return GivenAnswer(int(m.group(1)), _yaml_text(m.group(2)), line) if m else None

    entries = list(zip(raw, raw.item_lines, strict=True))
    if any(isinstance(v, dict) for v, _line in entries):
        answers: list[GivenAnswer] = []
        for v, line in entries:
            given = numbered(v, line)
            if given is None:
                raise Fail(
                    line,
                    _("field 'answers': a list gives its answers either in order (- B) or each with its number"
                      " (- 1: B), one per entry, not both"),
                )  # fmt: skip
            answers.append(given)
        return answers
    texts = [numbered(v, line) for v, line in entries]
    if entries and all(texts):  # a number given twice (- 1：B, - 1：A) is refused as answered twice
        return [a for a in texts if a]
    if any(texts):  # - 1：B then - C: which item C answers is a guess, as with - 1: B
        line = next(line for given, (_v, line) in zip(texts, entries, strict=True) if given is None)
        raise Fail(
            line,
            _("field 'answers': a list gives its answers either in order (- B) or each with its number"
              " (- 1: B), one per entry, not both"),
        )  # fmt: skip
    return [GivenAnswer(i, _yaml_text(v, line), line) for i, (v, line) in enumerate(entries, 1)]


def read_yaml_sheet(path: Path, name: str, key: AnswerKey, warn: Callable[[int, str, str], None]) -> Submission:
    from ..._yaml import YList, YMap, load_text_yaml

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Fail(0, _("not UTF-8 text (save the YAML sheet as UTF-8)")) from None
    try:
        data, problems = load_text_yaml(text, name)
    except YamlError as exc:
        if len(exc.problems) == 1:  # at its line, the file named once (the failure names it)
            problem = exc.problems[0]
            raise Fail(problem.line, _("not valid YAML: {details}").format(details=problem.message)) from None
        raise Fail(0, _("not valid YAML: {details}").format(details="; ".join(exc.details))) from None
    if problems:
        raise Fail(problems[0].line, problems[0].message)
    if not isinstance(data, YMap):
        hint = _fullwidth_hint() if isinstance(data, str) and "：" in data else ""  # 姓名：甲 1：B … as one text
        raise Fail(0, _("expected a mapping with name, quiz, version and answers") + hint)
    if "studykit_key" in data:  # the key beside the sheets, caught by a glob
        raise LeftOut(
            data.key_lines["studykit_key"],
            _("this is a studykit answer key (studykit_key), not members' answers; left out (give it with --key)"),
        )
    head = SheetHead()
    said: dict[str, tuple[str, int]] = {}
    fields = {"姓名": "name", "name": "name", "测验": "quiz", "測驗": "quiz", "quiz": "quiz", "版本": "version"}
    fields["version"] = "version"
    for field in sorted((f for f in fields if f in data), key=lambda f: data.key_lines[f]):
        attr, value = fields[field], clean(_yaml_text(data[field], data.key_lines[field]))
        if not once(said, field, value, data.key_lines[field]):  # name: 甲 and 姓名: 乙 — whose answers?
            continue
        setattr(head, attr, value)
        setattr(head, f"{attr}_line", data.key_lines[field])
    found: list[Problem] = []
    raw = collect(data, SHEET_TABLE, found, name, checks={"answers": _answers_kind})["answers"]
    if found:
        raise Fail(found[0].line, found[0].message)
    answers: list[GivenAnswer] = []
    if isinstance(raw, YMap):
        for k, v in raw.items():
            m = ANSWER_LINE.match(clean(k))
            if m and not m.group(2) and len(m.group(1)) > MAX_DIGITS:
                raise Fail(raw.key_lines[k], _("field 'answers': {key!r} is not a question number").format(key=k))
            if not m or m.group(2):
                try:  # a range: 1-5: DCBAD
                    ranged = range_answers(
                        clean(f"{k} {_yaml_text(v, raw.key_lines[k])}"), {it.number: it.type for it in key.items}
                    )
                except RunError as exc:
                    raise Fail(raw.key_lines[k], _("field 'answers': {problem}").format(problem=exc)) from None
                if ranged is None:
                    hint = _fullwidth_hint() if "：" in k else ""  # {1: B, 2：A}: '2：A' is a key to YAML
                    raise Fail(
                        raw.key_lines[k], _("field 'answers': {key!r} is not a question number").format(key=k) + hint
                    )
                answers += (GivenAnswer(n, a, raw.key_lines[k]) for n, a in ranged)
                continue
            answers.append(GivenAnswer(int(m.group(1)), _yaml_text(v, raw.key_lines[k]), raw.key_lines[k]))
    elif isinstance(raw, YList):
        answers = _list_answers(raw)
    return finish_sheet(name, key, head, answers, warn, quiz_field=_("quiz: field"))

"""The answer key of one printed paper, and the blank answer sheet (答题卡) that goes with it.

``studykit quiz`` writes ``<stem>.key.yaml`` with :func:`dump_key`;
``studykit grade`` reads it back with :func:`load_key`.  The key holds what
grading needs and nothing else::

    studykit_key: 1                 # format version of this file
    quiz_id: szzl-hubei-daily-7-3f2a9c01
    version: A                      # "" for a paper printed without versions
    title: 全方位多层次深入推进省域治理现代化
    bank_id: szzl-hubei-daily
    bank_fingerprint: <sha256 hex of the bank and material files>
    scoring: {multiple: all-or-nothing}   # the default rule printed on the paper
    total_points: 50
    items:
      - number: 1                   # as printed; runs on across sections
        question_id: ren-jiantao-01
        type: single                # single | multiple | true_false | fill_blank
        speech: ren-jiantao
        points: 2
        stem: …                     # as printed, so tables can be matched by stem text
        options: [ …, … ]           # choice types: option texts in printed order
        answer: [B]                 # letters as printed on THIS version; [true]/[false]; accepted texts
        correct: [ … ]              # choice types: the correct option texts

The answer sheet (``<stem>.answers.txt``, UTF-8) a member fills in::

    # studykit 答题卡 …instructions…
    姓名：
    测验：szzl-hubei-daily-7-3f2a9c01
    版本：A
    1.
    2.
    …

Lines starting with ``#`` are comments; ``姓名``/``测验``/``版本`` may also be
written ``name``/``quiz``/``version``; each answer line is a number, a
separator (``.``, ``、``, ``：``, ``:`` or space) and the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._yaml import YList, YMap, load_text_yaml
from .errors import BankError, KeyFileError
from .model import QUESTION_TYPES, QuestionType

KEY_FORMAT = 1
MULTIPLE_SCORING = ("all-or-nothing", "partial")


@dataclass(frozen=True)
class KeyItem:
    """One item of a printed paper: where it stands, what it is worth, what is right.

    ``points`` is in points (a float so that half credit is exact); ``answer`` as in
    :class:`~studykit.model.Question` but with letters as printed on this version.
    """

    number: int
    question_id: str
    type: QuestionType
    speech: str
    points: float
    stem: str
    answer: tuple[str, ...]
    options: tuple[str, ...] = ()
    correct: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerKey:
    """The key of one version of one quiz; ``total_points`` is the sum of the items' points."""

    quiz_id: str
    version: str
    title: str
    bank_id: str
    bank_fingerprint: str
    items: tuple[KeyItem, ...]
    multiple_scoring: str = "all-or-nothing"

    @property
    def total_points(self) -> float:
        return sum(i.points for i in self.items)

    def item(self, number: int) -> KeyItem:
        """The item printed as ``number``; raises ``KeyError`` if the paper has none."""
        for it in self.items:
            if it.number == number:
                return it
        raise KeyError(number)


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def dump_key(key: AnswerKey) -> str:
    """The key as YAML text (UTF-8 safe, key order as documented above)."""
    import yaml

    data: dict[str, Any] = {
        "studykit_key": KEY_FORMAT,
        "quiz_id": key.quiz_id,
        "version": key.version,
        "title": key.title,
        "bank_id": key.bank_id,
        "bank_fingerprint": key.bank_fingerprint,
        "scoring": {"multiple": key.multiple_scoring},
        "total_points": _num(key.total_points),
        "items": [
            {
                "number": it.number,
                "question_id": it.question_id,
                "type": it.type,
                "speech": it.speech,
                "points": _num(it.points),
                "stem": it.stem,
                **({"options": list(it.options)} if it.options else {}),
                "answer": list(it.answer),
                **({"correct": list(it.correct)} if it.correct else {}),
            }
            for it in key.items
        ],
    }
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000))


def load_key(path: str | Path) -> AnswerKey:
    """Read a ``*.key.yaml`` written by :func:`dump_key`.

    Raises :class:`~studykit.errors.KeyFileError` naming the file and line when the
    file is missing, not YAML, of another format version, or lacks a field.
    """
    name = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise KeyFileError(f"answer key {name} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyFileError(f"cannot read answer key {name}: {exc}") from None
    try:
        data, problems = load_text_yaml(text, name)
    except BankError as exc:
        raise KeyFileError(f"answer key {name} is not valid YAML", exc.details) from None
    if problems:
        raise KeyFileError(f"answer key {name} is malformed", tuple(str(p) for p in problems))
    if not isinstance(data, YMap) or "items" not in data:
        raise KeyFileError(f"{name} is not a studykit answer key (expected the *.key.yaml written by studykit quiz)")
    if data.get("studykit_key") != str(KEY_FORMAT):
        raise KeyFileError(f"{name}: answer key format {data.get('studykit_key')!r} (expected {KEY_FORMAT})")

    def field(m: YMap, f: str, where: str) -> Any:
        if f not in m or m[f] is None:
            raise KeyFileError(f"{name}:{m.line}: {where}, field {f!r}: missing")
        return m[f]

    items: list[KeyItem] = []
    raw_items = data["items"]
    if not isinstance(raw_items, YList):
        raise KeyFileError(f"{name}:{data.key_lines['items']}: field 'items': expected a list")
    for raw in raw_items:
        if not isinstance(raw, YMap):
            raise KeyFileError(f"{name}: every item must be a mapping")
        where = f"item {raw.get('number', '?')}"
        qtype = field(raw, "type", where)
        if qtype not in QUESTION_TYPES:
            raise KeyFileError(f"{name}:{raw.line}: {where}, field 'type': unknown type {qtype!r}")
        try:
            number = int(field(raw, "number", where))
            points = float(field(raw, "points", where))
        except ValueError:
            raise KeyFileError(f"{name}:{raw.line}: {where}: number and points must be numbers") from None
        if not 0 < points <= 100:  # also refuses nan; inf is above 100
            raise KeyFileError(
                f"{name}:{raw.line}: {where}, field 'points': {field(raw, 'points', where)!r} "
                "is not a number of points (expected more than 0, at most 100, as studykit quiz writes)"
            )
        items.append(
            KeyItem(
                number=number,
                question_id=field(raw, "question_id", where),
                type=qtype,
                speech=raw.get("speech") or "",
                points=points,
                stem=raw.get("stem") or "",
                answer=tuple(field(raw, "answer", where)),
                options=tuple(raw.get("options") or ()),
                correct=tuple(raw.get("correct") or ()),
            )
        )
    scoring = data.get("scoring")
    multiple = scoring.get("multiple", "all-or-nothing") if isinstance(scoring, dict) else "all-or-nothing"
    return AnswerKey(
        quiz_id=field(data, "quiz_id", "key"),
        version=data.get("version") or "",
        title=data.get("title") or "",
        bank_id=field(data, "bank_id", "key"),
        bank_fingerprint=data.get("bank_fingerprint") or "",
        items=tuple(items),
        multiple_scoring=multiple,
    )


def render_answer_sheet(key: AnswerKey) -> str:
    """The blank answer sheet (答题卡) for ``key``, in the format documented above."""
    lines = [
        f"# studykit 答题卡 · {key.title}",
        "# 填写姓名，然后在每个题号后写答案：选择题写字母（多选连写，如 ACD），",
        "# 判断题写 对 或 错，填空题写所填文字。以 # 开头的行不计。",
        "姓名：",
        f"测验：{key.quiz_id}",
        f"版本：{key.version}" if key.version else "版本：",
    ]
    lines += [f"{it.number}. " for it in key.items]
    return "\n".join(lines) + "\n"

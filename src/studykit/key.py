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
        answer: [B]                 # letters as printed on THIS version; [true]/[false]; accepted texts (one text alone: that text)
        correct: [ … ]              # choice types: the correct option texts

A quiz drawn from several banks (``studykit quiz --bank A --bank B``) identifies
each item by (bank id, question id): ``question_id`` and ``speech`` are written
``<bank id>/<id>`` (``mini-village/ren-01``; ``/`` is in no bank's own ids) and
``bank_id`` joins the banks' ids with ``+``.  A single-bank key is unchanged.

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

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ._yaml import YList, YMap, load_text_yaml
from ._yaml import show_value as _show
from .errors import BankError, KeyFileError, Problem
from .i18n import _, ngettext
from .key_model import AnswerKey as AnswerKey  # re-exported: its home is studykit.key_model
from .key_model import KeyItem as KeyItem  # re-exported: its home is studykit.key_model
from .model import CHOICE_TYPES, LETTERS, QUESTION_TYPES, QuestionType, add_points

KEY_FORMAT = 1
MULTIPLE_SCORING = ("all-or-nothing", "partial")


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


#: The fields :func:`dump_key` writes, in its order: at the top of the key, in ``scoring``, in an item.
KEY_FIELDS = (
    "studykit_key", "quiz_id", "version", "title", "bank_id", "bank_fingerprint", "scoring", "total_points", "items",
)  # fmt: skip
SCORING_FIELDS = ("multiple",)
ITEM_FIELDS = ("number", "question_id", "type", "speech", "points", "stem", "options", "answer", "correct")
#: Points of one item: more than 0 and at most this (as ``studykit quiz --points`` allows).
MAX_ITEM_POINTS = 100
#: Decimals an item's points may have (as ``studykit quiz --points`` allows; trailing zeros do not count).
MAX_POINT_DECIMALS = 2


def _required(field: str) -> str:
    """What a required field holds, for the message when it is missing (in the interface language)."""
    return {
        "quiz_id": _("the quiz id, e.g. szzl-hubei-daily-7-3f2a9c01"),
        "bank_id": _("the id of the bank the quiz was made from"),
        "items": _("the list of the paper's items"),
        "number": _("the item's number as printed on the paper"),
        "question_id": _("the id of the bank's question"),
        "type": _("one of: {types}").format(types=", ".join(QUESTION_TYPES)),
        "points": _("the item's points, more than 0 and at most {limit}").format(limit=MAX_ITEM_POINTS),
    }[field]


_NUMBER_RE = re.compile(r"[0-9]+", re.ASCII)
_DECIMAL_RE = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+", re.ASCII)


def load_key(path: str | Path) -> AnswerKey:
    """Read a ``*.key.yaml`` written by :func:`dump_key`.

    Raises :class:`~studykit.errors.KeyFileError` when the file is missing, not
    UTF-8, not YAML, of another format version, or when any field is missing,
    unknown or holds what could grade wrongly (an answer letter that is not an
    option, a true_false answer that is neither true nor false, a duplicate item
    number, a ``total_points`` that is not the items' sum …).  Each finding reads
    ``FILE:LINE: item N, field F: what is wrong (what was expected)``; with one
    finding it is the message, with several they are the ``details``.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise KeyFileError(_("answer key {name} not found").format(name=name)) from None
    except OSError as exc:
        raise KeyFileError(_("cannot read answer key {name}: {exc}").format(name=name, exc=exc)) from None
    from ._output import interrupted_write

    journal = interrupted_write(Path(path))
    if journal is not None:
        raise KeyFileError(
            _("{name}: the studykit run that wrote this key was killed before it finished ({journal} is left), "
              "so the key and the files written with it may be half old, half new; run that command again "
              "(studykit first puts the earlier files back)").format(name=name, journal=journal)
        )  # fmt: skip
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise KeyFileError(
            _(
                "{name}:{line}: the answer key is not UTF-8 text (byte 0x{value:02X} cannot be read as UTF-8; expected UTF-8, as studykit quiz writes it — if an editor saved it as GBK or another encoding, save it as UTF-8 again)"
            ).format(name=name, line=line, value=raw[exc.start])
        ) from None
    try:
        data, problems = load_text_yaml(text, name)
    except BankError as exc:
        _refuse_answer_sheet(name, text)
        raise KeyFileError(_("answer key {name} is not valid YAML").format(name=name), exc.details) from None
    if problems:
        _refuse_answer_sheet(name, text)
        raise KeyFileError(_("answer key {name} is malformed").format(name=name), tuple(str(p) for p in problems))
    if not isinstance(data, YMap) or not ("items" in data or "studykit_key" in data):
        _refuse_answer_sheet(name, text)
        raise KeyFileError(
            _("{name} is not a studykit answer key (expected the *.key.yaml written by studykit quiz)").format(
                name=name
            )
        )
    if "studykit_key" not in data:
        raise KeyFileError(
            _(
                "{name}:{line}: field 'studykit_key': missing (expected studykit_key: {format}; studykit quiz writes it)"
            ).format(name=name, line=data.line, format=KEY_FORMAT)
        )
    if data["studykit_key"] != str(KEY_FORMAT):
        raise KeyFileError(
            _("{name}:{value}: field 'studykit_key': answer key format {value2!r} (expected {format})").format(
                name=name, value=data.key_lines["studykit_key"], value2=data["studykit_key"], format=KEY_FORMAT
            )
        )
    reader = _KeyReader(name)
    key = reader.read(data)
    if len(reader.problems) == 1:
        raise KeyFileError(str(reader.problems[0]))
    if reader.problems:
        raise KeyFileError(
            _("answer key {name}: {count} errors (listed above)").format(name=name, count=len(reader.problems)),
            tuple(str(p) for p in sorted(reader.problems, key=lambda p: p.line)),
        )
    assert key is not None
    return key


#: How an answer sheet begins: the 答题卡's heading comment, or its 姓名/测验/版本 line
#: (``name``/``quiz``/``version`` in a YAML sheet).
_SHEET_START_RE = re.compile(r"#\s*studykit\s*答题卡|(?:姓名|测验|版本|name|quiz|version)\s*[：:]", re.IGNORECASE)


KEY_SUFFIX = ".key.yaml"


def refuse_key_overwrite(files: Mapping[Path, bytes | str]) -> None:
    """Raise :class:`~studykit.errors.KeyFileError` when one of ``files`` (path → content about to
    be written) is an answer key (``*.key.yaml``) that exists with other content: it is the key of
    papers that may be handed out already, and a new draw would grade them against other letters.
    An existing key with the very bytes to be written is no loss (the same quiz written again)."""
    for path, content in files.items():
        try:  # a name too long for the file system is the writer's to report
            if not path.name.endswith(KEY_SUFFIX) or not path.is_file():
                continue
        except OSError:
            continue
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            pass
        raise KeyFileError(
            _(
                "{path} exists: it is the answer key of papers that may be handed out already; refusing to "
                "overwrite it (give --force to replace it, or choose another -o)"
            ).format(path=path)
        )


def _refuse_answer_sheet(name: str, text: str) -> None:
    """Raise :class:`KeyFileError` saying so when ``text``, which failed to load as a key,
    begins as an answer sheet does (its first line that is not blank or another comment)."""
    for line in text.splitlines()[:50]:
        line = line.strip()
        if _SHEET_START_RE.match(line):
            raise KeyFileError(
                _(
                    "{name}: this is an answer sheet, not an answer key (give it as an answer file; --key takes the *.key.yaml written by studykit quiz)"
                ).format(name=name)
            ) from None
        if line and not line.startswith("#"):
            return


def _entries(raw: Any) -> list[tuple[Any, int]]:
    """``(entry, line)`` of a list field, a single text standing for a one-entry list."""
    if isinstance(raw, YList):
        return list(zip(raw, raw.item_lines, strict=True))
    return [(raw, 0)]


class _KeyReader:
    """Reads a key's mapping into an :class:`AnswerKey`, collecting every problem it finds.

    Every check names the line of the offending field (of the entry, for one entry of a list);
    a check that depends on a field found wrong is skipped, so one mistake gives one message.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def error(self, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(self.name, line, where, message))

    def unknown_fields(self, m: YMap, known: tuple[str, ...], where: str, parent: str = "") -> None:
        for f in m:
            if f not in known:
                self.error(
                    m.key_lines[f],
                    f"{where}field {parent + f!r}",
                    _("unknown field (expected one of: {items})").format(items=", ".join(known)),
                )

    def text(self, m: YMap, f: str, where: str, *, required: bool) -> str | None:
        """The text of field ``f``: ``""`` when optional and absent, ``None`` after an error."""
        value = m.get(f)
        label = f"{where}field {f!r}"
        if value is None or value == "":
            if required:
                self.error(
                    m.key_lines.get(f, m.line),
                    label,
                    _("missing (expected {value}; studykit quiz writes it)").format(value=_required(f)),
                )
                return None
            return ""
        if not isinstance(value, str):
            self.error(m.key_lines[f], label, _("{value} (expected text)").format(value=_show(value)))
            return None
        return value

    def read(self, data: YMap) -> AnswerKey | None:
        self.unknown_fields(data, KEY_FIELDS, "")
        quiz_id = self.text(data, "quiz_id", "", required=True)
        bank_id = self.text(data, "bank_id", "", required=True)
        version = self.text(data, "version", "", required=False)
        title = self.text(data, "title", "", required=False)
        fingerprint = self.text(data, "bank_fingerprint", "", required=False)
        multiple = self.scoring(data)
        items = self.items(data)
        if items is not None:
            self.total(data, items)
        if self.problems:
            return None
        assert quiz_id and bank_id and version is not None and title is not None and fingerprint is not None
        assert multiple is not None and items is not None
        return AnswerKey(
            quiz_id=quiz_id,
            version=version,
            title=title,
            bank_id=bank_id,
            bank_fingerprint=fingerprint,
            items=tuple(items),
            multiple_scoring=multiple,
        )

    def scoring(self, data: YMap) -> str | None:
        scoring = data.get("scoring")
        if scoring is None:
            return "all-or-nothing"
        if not isinstance(scoring, YMap):
            self.error(
                data.key_lines["scoring"],
                "field 'scoring'",
                _("{scoring} (expected a mapping such as scoring: {{multiple: all-or-nothing}})").format(
                    scoring=_show(scoring)
                ),
            )
            return None
        self.unknown_fields(scoring, SCORING_FIELDS, "", "scoring.")
        rule = scoring.get("multiple")
        if rule is None:
            return "all-or-nothing"
        if rule not in MULTIPLE_SCORING:
            self.error(
                scoring.key_lines["multiple"],
                "field 'scoring.multiple'",
                _("{rule} is not a scoring rule for multiple-choice items (expected {items})").format(
                    rule=_show(rule), items=" or ".join(MULTIPLE_SCORING)
                ),
            )
            return None
        return str(rule)

    def items(self, data: YMap) -> list[KeyItem] | None:
        raw_items = data.get("items")
        line = data.key_lines.get("items", data.line)
        if raw_items is None:
            self.error(
                line,
                "field 'items'",
                _("missing (expected {value}; studykit quiz writes it)").format(value=_required("items")),
            )
            return None
        if not isinstance(raw_items, YList):
            self.error(
                line,
                "field 'items'",
                _("{raw_items} (expected {value})").format(raw_items=_show(raw_items), value=_required("items")),
            )
            return None
        if not raw_items:
            self.error(
                line,
                "field 'items'",
                _("no items (expected {value}; studykit quiz writes them)").format(value=_required("items")),
            )
            return None
        items: list[KeyItem] = []
        numbers: dict[int, int] = {}  # item number → line of its number field
        complete = True
        for position, (raw, item_line) in enumerate(zip(raw_items, raw_items.item_lines, strict=True), 1):
            if not isinstance(raw, YMap):
                self.error(
                    item_line,
                    f"entry {position} of 'items'",
                    _("{raw} (expected an item: a mapping of {items})").format(
                        raw=_show(raw), items=", ".join(ITEM_FIELDS)
                    ),
                )
                complete = False
                continue
            item = self.item(raw, position, numbers)
            if item is None:
                complete = False
            else:
                items.append(item)
        return items if complete else None

    def item(self, raw: YMap, position: int, numbers: dict[int, int]) -> KeyItem | None:
        written = raw.get("number")
        where = f"item {written}, " if isinstance(written, str) and written else f"entry {position} of 'items', "
        errors = len(self.problems)
        self.unknown_fields(raw, ITEM_FIELDS, where)
        number = self.number(raw, where, numbers)
        question_id = self.text(raw, "question_id", where, required=True)
        speech = self.text(raw, "speech", where, required=False)
        stem = self.text(raw, "stem", where, required=False)
        points = self.points(raw, where)
        qtype = self.qtype(raw, where)
        options: tuple[str, ...] | None = ()
        answer: tuple[str, ...] | None = None
        correct: tuple[str, ...] | None = ()
        if qtype is not None:
            options = self.options(raw, where, qtype)
            if raw.get("answer") is None:
                self.error(
                    raw.key_lines.get("answer", raw.line),
                    f"{where}field 'answer'",
                    _("missing (expected {value}; studykit quiz writes it)").format(value=_answer(qtype)),
                )
            elif qtype in CHOICE_TYPES:
                answer = self.letters(raw, where, qtype, options) if options is not None else None
            elif qtype == "true_false":
                answer = self.truth(raw, where)
            else:
                answer = self.blank(raw, where)
            correct = self.correct(raw, where, qtype, options, answer)
        if len(self.problems) > errors:
            return None
        assert number is not None and question_id and speech is not None and stem is not None
        assert points is not None and qtype is not None and options is not None and answer is not None
        assert correct is not None
        return KeyItem(
            number=number,
            question_id=question_id,
            type=qtype,
            speech=speech,
            points=points,
            stem=stem,
            answer=answer,
            options=options,
            correct=correct,
        )

    def number(self, raw: YMap, where: str, numbers: dict[int, int]) -> int | None:
        value = raw.get("number")
        label = f"{where}field 'number'"
        if value is None or value == "":
            self.error(
                raw.line,
                label,
                _("missing (expected {value}; studykit quiz writes it)").format(value=_required("number")),
            )
            return None
        line = raw.key_lines["number"]
        if not isinstance(value, str) or not _NUMBER_RE.fullmatch(value) or len(value) > 9 or int(value) < 1:
            self.error(
                line,
                label,
                _("{value} is not an item number (expected a whole number, 1 or more, as printed on the paper)").format(
                    value=_show(value)
                ),
            )
            return None
        number = int(value)
        if number in numbers:
            self.error(
                line,
                label,
                _(
                    "{number} is also the number of the item at line {value} (expected each item's own number, as printed on the paper)"
                ).format(number=number, value=numbers[number]),
            )
            return None
        numbers[number] = line
        return number

    def points(self, raw: YMap, where: str) -> float | None:
        value = raw.get("points")
        label = f"{where}field 'points'"
        if value is None or value == "":
            self.error(
                raw.line,
                label,
                _("missing (expected {value}; studykit quiz writes it)").format(value=_required("points")),
            )
            return None
        points = float(value) if isinstance(value, str) and _DECIMAL_RE.fullmatch(value) else None
        if points is None or not 0 < points <= MAX_ITEM_POINTS:
            self.error(
                raw.key_lines["points"],
                label,
                _(
                    "{value} is not a number of points (expected more than 0, at most {limit}, as studykit quiz writes)"
                ).format(value=_show(value), limit=MAX_ITEM_POINTS),
            )
            return None
        decimals = len(value.partition(".")[2].rstrip("0"))
        if decimals > MAX_POINT_DECIMALS:
            self.error(
                raw.key_lines["points"],
                label,
                _(
                    "{value} has {decimals} decimals (expected at most {limit} decimals, as studykit quiz writes)"
                ).format(value=_show(value), decimals=decimals, limit=MAX_POINT_DECIMALS),
            )
            return None
        return points

    def qtype(self, raw: YMap, where: str) -> QuestionType | None:
        value = raw.get("type")
        label = f"{where}field 'type'"
        if value is None or value == "":
            self.error(
                raw.line,
                label,
                _("missing (expected {value}; studykit quiz writes it)").format(value=_required("type")),
            )
            return None
        for t in QUESTION_TYPES:
            if value == t:
                return t
        self.error(
            raw.key_lines["type"],
            label,
            _("{value} is not a question type (expected {value2})").format(
                value=_show(value), value2=_required("type")
            ),
        )
        return None

    def options(self, raw: YMap, where: str, qtype: QuestionType) -> tuple[str, ...] | None:
        label = f"{where}field 'options'"
        value = raw.get("options")
        if qtype not in CHOICE_TYPES:
            if "options" in raw:
                self.error(
                    raw.key_lines["options"],
                    label,
                    _("a {qtype} item has no options (only single and multiple do)").format(qtype=qtype),
                )
                return None
            return ()
        expected = _("expected the option texts as printed, a list of 2 to {count}").format(count=len(LETTERS))
        if value is None:
            self.error(
                raw.key_lines.get("options", raw.line),
                label,
                _("missing ({expected}; studykit quiz writes them)").format(expected=expected),
            )
            return None
        line = raw.key_lines["options"]
        if not isinstance(value, YList):
            self.error(
                line, label, _("{value} is not a list ({expected})").format(value=_show(value), expected=expected)
            )
            return None
        if not 2 <= len(value) <= len(LETTERS):
            self.error(
                line,
                label,
                ngettext("{count} option ({expected})", "{count} options ({expected})", len(value)).format(
                    count=len(value), expected=expected
                ),
            )
            return None
        from .text import blank_form  # the form answers written as text are matched in

        forms: dict[str, int] = {}
        ok = True
        for i, (opt, opt_line) in enumerate(zip(value, value.item_lines, strict=True), 1):
            if not isinstance(opt, str) or not opt.strip():
                what = _("empty") if opt is None or isinstance(opt, str) else _("not text")
                self.error(
                    opt_line, label, _("option {i} is {what} (expected the option's text)").format(i=i, what=what)
                )
                ok = False
                continue
            form = blank_form(opt)
            if form in forms:
                self.error(
                    opt_line,
                    label,
                    _(
                        "option {i} {opt!r} reads the same as option {value} (expected different texts: an answer given as the option's text could not tell them apart)"
                    ).format(i=i, opt=opt, value=forms[form]),
                )
                ok = False
            forms.setdefault(form, i)
        return tuple(value) if ok else None

    def letters(self, raw: YMap, where: str, qtype: QuestionType, options: tuple[str, ...]) -> tuple[str, ...] | None:
        value = raw["answer"]
        line = raw.key_lines["answer"]
        label = f"{where}field 'answer'"
        span = f"A–{LETTERS[len(options) - 1]}"
        if qtype == "single":
            expected = _("one letter {span}").format(span=span)
            capitals = _("one capital letter {span}").format(span=span)
        else:
            expected = _("letters {span}, e.g. [A, C]").format(span=span)
            capitals = _("capital letters {span}").format(span=span)
        if isinstance(value, YMap):
            self.error(line, label, _("a mapping (expected {expected})").format(expected=expected))
            return None
        entries = _entries(value)
        if not entries:
            self.error(line, label, _("empty (expected {expected})").format(expected=expected))
            return None
        letters: list[str] = []
        run = _run_together(entries, options)
        if run is not None:  # several letters in one text: say to write them as a list
            entry, entry_line, listed = run  # entry_line 0: the answer is that one text, not a list
            self.error(entry_line or line, label, _run_message(entry, listed, qtype, expected, entry_line == 0))
            return None
        for entry, entry_line in entries:
            if not isinstance(entry, str) or len(entry) != 1 or entry not in LETTERS[: len(options)]:
                self.error(
                    entry_line or line,
                    label,
                    _(
                        "{entry} is not an option letter of this item (expected {capitals}: the item has {count} options)"
                    ).format(entry=_show(entry), capitals=capitals, count=len(options)),
                )
                return None
            if entry in letters:
                self.error(
                    entry_line or line,
                    label,
                    _("{entry!r} is written twice (expected each letter once)").format(entry=entry),
                )
                return None
            letters.append(entry)
        if qtype == "single" and len(letters) != 1:
            self.error(
                line,
                label,
                _(
                    "{items}: a single item has exactly one correct letter (expected {expected}, or type: multiple)"
                ).format(items="、".join(letters), expected=expected),
            )
            return None
        return tuple(letters)

    def truth(self, raw: YMap, where: str) -> tuple[str, ...] | None:
        value = raw["answer"]
        line = raw.key_lines["answer"]
        label = f"{where}field 'answer'"
        entries = _entries(value) if not isinstance(value, YMap) else [(value, 0)]
        if len(entries) != 1:
            self.error(
                line,
                label,
                _("{count} answers (expected {value})").format(count=len(entries), value=_answer("true_false")),
            )
            return None
        entry, entry_line = entries[0]
        if entry not in ("true", "false"):
            self.error(
                entry_line or line,
                label,
                _("{entry} is not true or false (expected {value})").format(
                    entry=_show(entry), value=_answer("true_false")
                ),
            )
            return None
        return (str(entry),)

    def blank(self, raw: YMap, where: str) -> tuple[str, ...] | None:
        from .text import blank_form  # the form written answers are compared in

        value = raw["answer"]
        line = raw.key_lines["answer"]
        label = f"{where}field 'answer'"
        if isinstance(value, YMap):
            self.error(line, label, _("a mapping (expected {value})").format(value=_answer("fill_blank")))
            return None
        entries = _entries(value)
        if not entries:
            self.error(line, label, _("empty (expected {value})").format(value=_answer("fill_blank")))
            return None
        texts: list[str] = []
        for i, (entry, entry_line) in enumerate(entries, 1):
            if not isinstance(entry, str) or not entry.strip():
                what = _("empty") if entry is None or isinstance(entry, str) else _("not text")
                self.error(
                    entry_line or line,
                    label,
                    _("accepted text {i} is {what} (expected {value})").format(
                        i=i, what=what, value=_answer("fill_blank")
                    ),
                )
                return None
            if not blank_form(entry).strip("?"):
                self.error(
                    entry_line or line,
                    label,
                    _(
                        "accepted text {i} {entry!r} has no text once spaces, quotes and punctuation are ignored, so no answer could match it (expected the blank's text)"
                    ).format(i=i, entry=entry),
                )
                return None
            texts.append(entry)
        return tuple(texts)

    def correct(
        self,
        raw: YMap,
        where: str,
        qtype: QuestionType,
        options: tuple[str, ...] | None,
        answer: tuple[str, ...] | None,
    ) -> tuple[str, ...] | None:
        if raw.get("correct") is None:
            return ()
        value = raw["correct"]
        line = raw.key_lines["correct"]
        label = f"{where}field 'correct'"
        if qtype not in CHOICE_TYPES:
            self.error(
                line,
                label,
                _("a {qtype} item has no correct option texts (only single and multiple do)").format(qtype=qtype),
            )
            return None
        if options is None or answer is None:
            return None  # already reported
        expected = [options[LETTERS.index(a)] for a in answer]
        entries = [e for e, _ in _entries(value)] if not isinstance(value, YMap) else None
        if entries is None or not all(isinstance(e, str) for e in entries) or sorted(entries) != sorted(expected):
            shown = _show(value) if entries is None else repr(entries)
            self.error(
                line,
                label,
                _(
                    "{shown} is not the text of the options at the answer's letters {items} (expected {expected!r}, the options' texts)"
                ).format(shown=shown, items="、".join(answer), expected=expected),
            )
            return None
        return tuple(entries)

    def total(self, data: YMap, items: list[KeyItem]) -> None:
        if data.get("total_points") is None:
            return
        value = data["total_points"]
        line = data.key_lines["total_points"]
        total = add_points(i.points for i in items)
        shown = f"{total:.2f}".rstrip("0").rstrip(".")
        if not isinstance(value, str) or not _DECIMAL_RE.fullmatch(value):
            self.error(
                line,
                "field 'total_points'",
                _("{value} is not a number (expected {shown}, the sum of the items' points)").format(
                    value=_show(value), shown=shown
                ),
            )
        elif abs(float(value) - total) >= 0.005:
            self.error(
                line,
                "field 'total_points'",
                _(
                    "{value} is not the sum of the items' points, {shown} (expected the two to agree: correct total_points or the items' points)"
                ).format(value=value, shown=shown),
            )


#: Option letters run together in one text, maybe with separators: ``ABDE``, ``A, C``, ``A、C``.
_LETTER_RUN_RE = re.compile(r"[A-Z](?:[\s,，、]*[A-Z])+", re.ASCII)


def _run_together(entries: list[tuple[Any, int]], options: tuple[str, ...]) -> tuple[str, int, list[str]] | None:
    """The first entry of a choice answer holding several option letters in one text, its line,
    and every entry's letters as one list (``[A, B, D, E]`` for ``ABDE``) — when that list would be
    a valid answer (the option letters, each once); ``None`` otherwise."""
    first: tuple[str, int] | None = None
    letters: list[str] = []
    for entry, line in entries:
        if not isinstance(entry, str):
            return None
        if _LETTER_RUN_RE.fullmatch(entry):
            first = first or (entry, line)
            letters += [c for c in entry if c in LETTERS]
        elif len(entry) == 1:
            letters.append(entry)
        else:
            return None
    if first is None or len(set(letters)) != len(letters) or not set(letters) <= set(LETTERS[: len(options)]):
        return None
    return first[0], first[1], letters


def _run_message(entry: str, letters: list[str], qtype: QuestionType, expected: str, whole: bool) -> str:
    """The message for ``entry``, several letters in one text (the ``whole`` answer, or an entry of its list)."""
    listed = f"[{', '.join(letters)}]"
    count = sum(c in LETTERS for c in entry)
    if qtype == "single":
        message = (
            _(
                "{entry!r} is one text of {count} letters: a single item has exactly one correct letter "
                "(expected {expected}, or a list of letters {listed} and type: multiple)"
            )
            if whole
            else _(
                "{entry!r} is one entry of {count} letters: a single item has exactly one correct letter "
                "(expected {expected}, or a list of letters {listed} and type: multiple)"
            )
        )
        return message.format(entry=entry, count=count, expected=expected, listed=listed)
    if whole:
        return _("{entry!r} is one text (expected a list of letters: {listed})").format(entry=entry, listed=listed)
    return _("{entry!r} is one entry of {count} letters (expected a list of letters, one per entry: {listed})").format(
        entry=entry, count=count, listed=listed
    )


def _answer(qtype: str) -> str:
    """What an item's answer holds, by type, for messages (in the interface language)."""
    return {
        "single": _("one option letter, e.g. [B]"),
        "multiple": _("the correct option letters, e.g. [A, C]"),
        "true_false": _("[true] or [false]"),
        "fill_blank": _("the blank's text, or a list of accepted texts"),
    }[qtype]


def no_question(number: int, numbers: Iterable[int]) -> str:
    """What grading says of an answer or a column numbered ``number`` when the key's items
    are ``numbers``: ``"the quiz has no question 20 (its questions are 1–19, 21)"`` — runs
    of three or more numbers joined by an en dash, ``"(its only question is 1)"`` for one."""
    ordered = sorted(set(numbers))
    if len(ordered) == 1:
        return _("the quiz has no question {number} (its only question is {only})").format(
            number=number, only=ordered[0]
        )
    runs: list[list[int]] = []
    for n in ordered:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
    return _("the quiz has no question {number} (its questions are {numbers})").format(
        number=number, numbers=", ".join(parts)
    )


def render_answer_sheet(key: AnswerKey) -> str:
    """The blank answer sheet (答题卡) for ``key``, in the format documented above."""
    lines = [
        f"# studykit 答题卡 · {' '.join(key.title.split())}",  # one line: the sheet's comment
        "# 填写姓名，然后在每个题号后写答案：选择题写字母（多选连写，如 ACD），",
        "# 判断题写 对 或 错，填空题写所填文字。以 # 开头的行不计。",
        "姓名：",
        f"测验：{key.quiz_id}",
        f"版本：{key.version}" if key.version else "版本：",
    ]
    lines += [f"{it.number}. " for it in key.items]
    return "\n".join(lines) + "\n"

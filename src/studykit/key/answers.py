"""Reading an item's answer fields: option texts, letters, true/false, a blank's accepted texts."""

from __future__ import annotations

import re
from typing import Any

from .._yaml import YList, YMap
from .._yaml import show_value as _show
from ..i18n import _, ngettext, type_name
from ..model import CHOICE_TYPES, LETTERS, QuestionType
from .fields import (
    Collector,
    answer_hint,
    list_entries,
)


class AnswerReader(Collector):
    """Reads an item's ``options``, ``answer`` (letters, true/false, a blank's texts) and ``correct``,
    each problem with the line of its entry."""

    def options(self, raw: YMap, where: str, qtype: QuestionType) -> tuple[str, ...] | None:
        label = f"{where}field 'options'"
        value = raw.get("options")
        if qtype not in CHOICE_TYPES:
            if "options" in raw:
                self.error(
                    raw.key_lines["options"],
                    label,
                    _("a {qtype} item has no options (only single and multiple do)").format(qtype=type_name(qtype)),
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
        from ..text import blank_form  # the form answers written as text are matched in

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
        entries = list_entries(value)
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
        entries = list_entries(value) if not isinstance(value, YMap) else [(value, 0)]
        if len(entries) != 1:
            self.error(
                line,
                label,
                _("{count} answers (expected {value})").format(count=len(entries), value=answer_hint("true_false")),
            )
            return None
        entry, entry_line = entries[0]
        if entry not in ("true", "false"):
            self.error(
                entry_line or line,
                label,
                _("{entry} is not true or false (expected {value})").format(
                    entry=_show(entry), value=answer_hint("true_false")
                ),
            )
            return None
        return (str(entry),)

    def blank(self, raw: YMap, where: str) -> tuple[str, ...] | None:
        from ..text import blank_form  # the form written answers are compared in

        value = raw["answer"]
        line = raw.key_lines["answer"]
        label = f"{where}field 'answer'"
        if isinstance(value, YMap):
            self.error(line, label, _("a mapping (expected {value})").format(value=answer_hint("fill_blank")))
            return None
        entries = list_entries(value)
        if not entries:
            self.error(line, label, _("empty (expected {value})").format(value=answer_hint("fill_blank")))
            return None
        texts: list[str] = []
        for i, (entry, entry_line) in enumerate(entries, 1):
            if not isinstance(entry, str) or not entry.strip():
                what = _("empty") if entry is None or isinstance(entry, str) else _("not text")
                self.error(
                    entry_line or line,
                    label,
                    _("accepted text {i} is {what} (expected {value})").format(
                        i=i, what=what, value=answer_hint("fill_blank")
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
                _("a {qtype} item has no correct option texts (only single and multiple do)").format(
                    qtype=type_name(qtype)
                ),
            )
            return None
        if options is None or answer is None:
            return None  # already reported
        expected = [options[LETTERS.index(a)] for a in answer]
        entries = [e for e, _ in list_entries(value)] if not isinstance(value, YMap) else None
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

"""The checks of one question: its id, speech, type, stem, options, answer key, tags,
difficulty and draft flag, and that its source is an excerpt of its speech."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from .._yaml import YList, YMap
from .._yaml import show_value as _show
from ..fieldrules import REFUSED, Checks, Invalid
from ..i18n import _, join, type_name
from ..model import CHOICE_TYPES, LETTERS, Question, Speech
from .fields import QUESTION_TABLE
from .rules import (
    IDEOGRAPH,
    LETTER_SEP_RE,
    LETTERED_RE,
    MAX_OPTIONS,
    MIN_OPTIONS,
    control_problem,
    squash,
)
from .warnings import BankWarnings


class QuestionChecks(BankWarnings):
    """The per-question part of the bank's validator."""

    # -- questions -------------------------------------------------------------
    def questions(self, raw: Any, line: int, speeches: dict[str, Speech]) -> list[Question]:
        if not isinstance(raw, YList) or not raw:
            self.error(line, "questions", _("expected a list of questions (at least one)"))
            return []
        flat_material = {sid: squash(s.text) for sid, s in speeches.items()}
        result: list[Question] = []
        seen_ids: dict[str, int] = {}

        def unique(qid: str, line: int) -> str:
            if qid in seen_ids:
                raise Invalid(_("duplicate id (first at line {line})").format(line=seen_ids[qid]))
            seen_ids[qid] = line
            return qid

        def declared(speech_id: str, line: int) -> str:
            if speech_id not in self.declared_speeches:
                known = join(speeches) or _("none")
                raise Invalid(
                    _("unknown speech id {id!r} (expected one of: {known})").format(id=speech_id, known=known)
                )
            return speech_id

        checks: dict[str, Callable[..., Any]] = {
            "question_id": unique,
            "speech": declared,
            "options": lambda item, where, v: self.options(item, where, v["type"]),
            "answer": lambda item, where, v: self.answer(item, where, v["type"], v["options"]),
            "tags": self.tags,
            "draft": self.draft,
        }
        for number, (item, item_line) in enumerate(zip(raw, raw.item_lines, strict=True)):
            if not isinstance(item, YMap):
                self.error(item_line, f"question #{number + 1}", _("expected a mapping (id, speech, type, stem, …)"))
                continue
            q = self.question(item, number, speeches, flat_material, checks)
            if q is not None:
                result.append(q)
        return result

    def question(
        self,
        item: YMap,
        number: int,
        speeches: dict[str, Speech],
        flat_material: dict[str, str],
        checks: Checks,
    ) -> Question | None:
        before = len(self.errors)
        found = self.walk(item, QUESTION_TABLE, f"question #{number + 1}", checks)
        where = found.where
        qid, speech_id, qtype, stem = found["id"], found["speech"], found["type"], found["stem"]
        source, options, answer = found["source"], found["options"], found["answer"]

        if source and speech_id in flat_material and squash(source) not in flat_material[speech_id]:
            rel = speeches[speech_id].material
            self.error(
                item.key_lines["source"],
                f"{where}, field 'source'",
                _("not found verbatim in {path} (expected an excerpt of speech {id!r}, whitespace aside)").format(
                    path=rel, id=speech_id
                ),
            )
        if qtype == "fill_blank" and answer and source and squash(answer[0]) not in squash(source):
            self.error(
                item.key_lines["answer"],
                f"{where}, field 'answer'",
                _("{answer!r} does not occur in the source (expected the blank's text as the source writes it)").format(
                    answer=answer[0]
                ),
            )
        self.question_warnings(item, where, qtype, stem, options)

        if len(self.errors) > before or not (qid and speech_id and qtype and stem and answer):
            return None
        return Question(
            id=qid,
            speech=speech_id,
            type=qtype,
            stem=stem,
            answer=answer,
            explanation=found["explanation"],
            source=source,
            options=options,
            tags=found["tags"],
            difficulty=int(found["difficulty"]),
            line=item.line,
            fact=found["fact"],
            draft=found["draft"],
        )

    @staticmethod
    def draft(raw: Any, line: int) -> bool:
        """The optional ``draft`` flag: ``true`` for a question drafted and not yet reviewed."""
        value = raw.strip().lower() if isinstance(raw, str) else ""
        if value not in ("true", "false"):
            raise Invalid(
                _("{value} is not true or false (expected true, or delete the line once reviewed)").format(
                    value=_show(raw)
                )
            )
        return value == "true"

    def options(self, item: YMap, where: str, qtype: str | None) -> tuple[str, ...]:
        raw = item.get("options")
        if qtype not in CHOICE_TYPES:
            if "options" in item and qtype:
                self.error(
                    item.key_lines["options"],
                    f"{where}, field 'options'",
                    _("a {type} question has no options (only single and multiple do)").format(type=type_name(qtype)),
                )
            return ()
        line = item.key_lines.get("options", item.line)
        if raw is REFUSED:
            return ()
        if "options" not in item:
            self.error(
                line,
                f"{where}, field 'options'",
                _("missing (a {type} question needs {min}–{max} options)").format(
                    type=type_name(qtype), min=MIN_OPTIONS, max=MAX_OPTIONS
                ),
            )
            return ()
        if not isinstance(raw, YList):
            self.error(
                line,
                f"{where}, field 'options'",
                _("expected a list of {min}–{max} option texts").format(min=MIN_OPTIONS, max=MAX_OPTIONS),
            )
            return ()
        options: list[str] = []
        seen: dict[str, int] = {}
        read_as: dict[str, int] = {}  # the grader's form of each option → its index
        for i, (opt, opt_line) in enumerate(zip(raw, raw.item_lines, strict=True)):
            label = f"{where}, field 'options'"
            if not isinstance(opt, str) or not opt.strip():
                self.error(
                    opt_line,
                    label,
                    (
                        _("option {number} is empty (expected option text)")
                        if opt is None or isinstance(opt, str)
                        else _("option {number} is not text (expected option text)")
                    ).format(number=i + 1),
                )
                continue
            text = opt.strip()
            problem = control_problem(text)
            if problem:
                self.error(opt_line, label, _("option {number} {problem}").format(number=i + 1, problem=problem))
            if LETTERED_RE().match(text):
                self.error(
                    opt_line,
                    label,
                    _(
                        "option {text!r} carries its own letter (expected the text only; studykit letters the options)"
                    ).format(text=text),
                )
            key = unicodedata.normalize("NFKC", squash(text))
            if key in seen:
                self.error(
                    opt_line,
                    label,
                    _("duplicate option {text!r} (same as option {number})").format(text=text, number=seen[key] + 1),
                )
            else:
                self.option_reading(text, i, len(raw), opt_line, label, read_as)
            seen.setdefault(key, i)
            options.append(text)
        if not MIN_OPTIONS <= len(raw) <= MAX_OPTIONS:
            self.error(
                line,
                f"{where}, field 'options'",
                _("{n} options (expected {min}–{max})").format(n=len(raw), min=MIN_OPTIONS, max=MAX_OPTIONS),
            )
        return tuple(options)

    def option_reading(self, text: str, i: int, n_options: int, line: int, label: str, read_as: dict[str, int]) -> None:
        """Refuse option ``i`` when the grader cannot tell an answer of its text from another:
        only punctuation, bare letters (``A`` would read as the letter), or the same as an
        earlier option in the grader's own form (:func:`~studykit.text.blank_form`,
        e.g. ``“X”`` and ``X``: ``grade`` would refuse the quiz's key)."""
        from ..text import blank_form, reads_as_letters

        form = blank_form(text)
        if not form or all(unicodedata.category(c)[0] in "PZ" for c in form):
            self.error(
                line,
                label,
                _("option {number} {text!r} is only punctuation (expected words: an answer written as "
                  "the option's text could not be read)").format(number=i + 1, text=text),
            )  # fmt: skip
            return
        # a CJK ideograph survives NFKC and every strip of reads_as_letters: such text never reads
        # as letters (the check itself costs a tenth of a large bank's validation)
        as_written = not IDEOGRAPH().search(text) and reads_as_letters(text, n_options)
        if as_written or (not IDEOGRAPH().search(form) and reads_as_letters(form, n_options)):  # 'a“' reads as a
            self.error(
                line,
                label,
                _("option {number} {text!r} reads as option letters (an answer {answer!r} could mean "
                  "those letters or this option; write the option's words)").format(
                    number=i + 1, text=text, answer=(squash(text) if as_written else form).upper()),
            )  # fmt: skip
            return
        if form in read_as:
            self.error(
                line,
                label,
                _("option {number} {text!r} reads the same as option {first} to the grader (quotes, "
                  "brackets, case and trailing punctuation aside; grade would refuse the quiz's key)").format(
                    number=i + 1, text=text, first=read_as[form] + 1),
            )  # fmt: skip
        read_as.setdefault(form, i)

    def answer(self, item: YMap, where: str, qtype: str | None, options: tuple[str, ...]) -> tuple[str, ...]:
        if "answer" not in item:
            self.error(item.line, f"{where}, field 'answer'", _("missing (required)"))
            return ()
        if qtype is None or item["answer"] is REFUSED:
            return ()
        raw = item["answer"]
        line = item.key_lines["answer"]
        label = f"{where}, field 'answer'"
        if raw is None:
            self.error(line, label, _("empty (required)"))
            return ()
        if qtype in CHOICE_TYPES:
            if isinstance(raw, YList):
                parts = [p.strip() if isinstance(p, str) else "?" for p in raw]
            elif isinstance(raw, str):
                parts = [c for c in LETTER_SEP_RE().sub("", raw.strip())]
            else:
                parts = []
            letters = LETTERS[: len(options)]
            span = f"A–{letters[-1]}" if letters else _("letters")
            if not parts or any(len(p) != 1 or p not in LETTERS for p in parts):
                self.error(
                    line,
                    label,
                    (
                        _("{value} is not option letters (expected one letter in {span})")
                        if qtype == "single"
                        else _("{value} is not option letters (expected letters such as ACD in {span})")
                    ).format(value=_show(raw), span=span),
                )
                return ()
            bad = [p for p in parts if p not in letters]
            if bad and options:
                self.error(
                    line,
                    label,
                    _("{letters!r} is not one of the options {span}").format(letters="、".join(bad), span=span),
                )
                return ()
            if len(set(parts)) != len(parts):
                self.error(line, label, _("{value} repeats a letter").format(value=_show(raw)))
                return ()
            if qtype == "single" and len(parts) != 1:
                self.error(
                    line,
                    label,
                    _(
                        "{value}: a single-choice item has exactly one key (expected one letter in {span}, or type: multiple)"
                    ).format(value=_show(raw), span=span),
                )
                return ()
            if qtype == "multiple" and len(parts) < 2:
                self.error(
                    line,
                    label,
                    _(
                        "{value}: a multiple-choice item needs at least 2 correct options "
                        "(expected letters such as AC, or type: single)"
                    ).format(value=_show(raw)),
                )
                return ()
            if qtype == "multiple" and options and len(parts) == len(options):
                self.error(
                    line,
                    label,
                    _("every option is correct (the grader never gives points for choosing every option, "
                      "so even the key would score 0; add a distractor)"),
                )  # fmt: skip
                return ()
            return tuple(sorted(parts))
        if qtype == "true_false":
            value = raw.strip().lower() if isinstance(raw, str) else ""
            if value not in ("true", "false"):
                self.error(
                    line, label, _("{value} is not true or false (expected true or false)").format(value=_show(raw))
                )
                return ()
            return (value,)
        # fill_blank
        texts = list(raw) if isinstance(raw, YList) else [raw]
        if not texts or any(not isinstance(t, str) or not t.strip() for t in texts):
            self.error(line, label, _("expected the blank's text, or a list of accepted texts"))
            return ()
        problems = [p for p in map(control_problem, texts) if p]
        if problems:
            self.error(line, label, problems[0])
            return ()
        return tuple(t.strip() for t in texts)

    @staticmethod
    def tags(raw: Any, line: int) -> tuple[str, ...]:
        """The optional ``tags``: a list of texts an Anki tag can be (no space, no control character)."""
        if not isinstance(raw, YList) or not all(isinstance(t, str) and t for t in raw):
            raise Invalid(_("expected a list of tag texts"))
        problems = []
        for t in raw:
            problem = control_problem(t)
            if problem:
                problems.append(_("tag {tag!r} {problem}").format(tag=t, problem=problem))
            elif squash(t) != t:
                problems.append(_("tag {tag!r} contains a space (Anki tags cannot; use - or _)").format(tag=t))
        if problems:
            raise Invalid(*problems)
        return tuple(raw)

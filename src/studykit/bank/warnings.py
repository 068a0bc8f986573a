"""The bank-wide checks: warnings (repeated stems, missing markers, catch-all options, one
key letter too common, drafts to review) and repeated YAML keys."""

from __future__ import annotations

import unicodedata
from collections import Counter

from .._yaml import YList, YMap, duplicate_message
from ..i18n import _, ngettext
from ..model import CHOICE_TYPES, Question, Speech
from .fields import FieldChecks
from .rules import BLANK_RE, CHOICE_MARKER, MAX_LETTER_SHARE, is_catch_all, squash


class BankWarnings(FieldChecks):
    """The bank-wide part of the bank's validator."""

    # -- warnings --------------------------------------------------------------
    def question_warnings(self, item: YMap, where: str, qtype: str | None, stem: str, options: tuple[str, ...]) -> None:
        line = item.key_lines.get("stem", item.line)
        if stem:
            key = unicodedata.normalize("NFKC", squash(stem))
            if key in self.stems:
                self.warn(line, f"{where}, field 'stem'", _("same stem as question {id!r}").format(id=self.stems[key]))
            else:
                self.stems[key] = str(item.get("id"))
        if qtype in CHOICE_TYPES and stem and CHOICE_MARKER not in stem:
            self.warn(
                line,
                f"{where}, field 'stem'",
                _("no answer marker {marker!r} (a choice stem should carry it where the answer goes)").format(
                    marker=CHOICE_MARKER
                ),
            )
        if qtype == "fill_blank" and stem and not BLANK_RE.search(stem):
            self.warn(
                line,
                f"{where}, field 'stem'",
                _("no blank ____ (a fill_blank stem should mark its blank with four underscores)"),
            )
        for opt in options:
            if is_catch_all(opt):
                self.warn(
                    item.key_lines["options"],
                    f"{where}, field 'options'",
                    _("{option!r} is a catch-all option (write a real distractor)").format(option=opt),
                )

    def bank_warnings(self, questions: list[Question], line: int) -> None:
        keys = Counter(q.answer[0] for q in questions if q.type == "single")
        total = sum(keys.values())
        if total >= 5:
            for letter, n in sorted(keys.items()):
                if n / total > MAX_LETTER_SHARE:
                    self.warn(
                        line,
                        "questions",
                        _(
                            "{letter} is the key of {n} of {total} single-choice items "
                            "({share:.0%}; expected at most {most:.0%})"
                        ).format(letter=letter, n=n, total=total, share=n / total, most=MAX_LETTER_SHARE),
                    )

    def draft_warnings(self, speeches: list[Speech], questions: list[Question]) -> None:
        """``N drafts to review`` per speech that has questions still marked ``draft: true``; a part without
        a speaker (an introduction, a section, a drafted ``part-1``) is named ``part 'part-1'``, not a speech."""
        drafts = Counter(q.speech for q in questions if q.draft)
        for s in speeches:
            if drafts[s.id]:
                self.warn(
                    s.line,
                    f"speech {s.id!r}" if s.speaker else f"part {s.id!r}",
                    ngettext(
                        "{n} draft to review (accept it by deleting its 'draft: true' line)",
                        "{n} drafts to review (accept each by deleting its 'draft: true' line)",
                        drafts[s.id],
                    ).format(n=drafts[s.id]),
                )

    def report_duplicates(self, data: YMap) -> None:
        """Report every repeated key, naming the record (bank, speech, question) it stands in."""

        seen: set[int] = set()

        def walk(value: object, where: str) -> None:
            if id(value) in seen:  # an alias already walked
                return
            seen.add(id(value))
            if isinstance(value, YMap):
                for key, line, first in value.duplicates:
                    label = f"{where}, field {key!r}" if where else f"key {key!r}"
                    self.error(line, label, duplicate_message(first))
                for child in value.values():
                    walk(child, where)
            elif isinstance(value, YList):
                for child in value:
                    walk(child, where)

        for key, line, first in data.duplicates:
            self.error(line, f"key {key!r}", duplicate_message(first))
        walk(data.get("bank"), "bank")
        for section, kind in (("speeches", "speech"), ("questions", "question")):
            items = data.get(section)
            if not isinstance(items, YList):
                continue
            for i, item in enumerate(items):
                ident = item.get("id") if isinstance(item, YMap) else None
                walk(item, f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{i + 1}")

"""Grading the versions of one quiz (papers A, B, …) in one run, into one report.

``studykit quiz --versions 2`` prints papers whose options are shuffled differently, each
with its own key.  :func:`key_set` joins those keys into a :class:`KeySet`: each sheet or
table row is graded with the key of its 版本 (see :mod:`studykit.grade.readers`), and the
report covers everyone.  So that the report's option counts add up, a member of another
version than the first is reported in the first version's letters (:func:`in_first_letters`:
the same option texts, other letters) — the report says so once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import KeyFileError
from ..i18n import _, join
from ..key import AnswerKey
from ..model import LETTERS
from ..text import clean
from .model import ItemResult, MemberResult


def version_form(text: str) -> str:
    """The form a 版本 is compared in: NFKC, without spaces, case folded, and without the word
    卷 (or 版) members add — ``B卷``, ``b 卷``, ``Ｂ``, ``卷B`` and ``B版`` are all ``b``."""
    form = clean(text).replace(" ", "").casefold()
    bare = form.removeprefix("卷").removesuffix("卷").removesuffix("版")
    return bare or form


@dataclass(frozen=True)
class KeySet(AnswerKey):
    """The keys of several versions of one quiz, as one key: the first version's items (its
    letters), ``version`` the versions joined (``"A、B"``), ``keys`` each version's own key."""

    keys: tuple[AnswerKey, ...] = ()

    def version_of(self, version: str) -> AnswerKey | None:
        """The key of ``version`` (compared in :func:`version_form`: ``b卷`` is ``B``), ``None`` when there is none."""
        wanted = version_form(version)
        return next((k for k in self.keys if version_form(k.version) == wanted), None)

    @property
    def versions(self) -> str:
        """The versions as a message names them: ``A, B``."""
        return join(k.version for k in self.keys)


def key_set(keys: Sequence[AnswerKey]) -> AnswerKey:
    """The one key of ``keys``, or a :class:`KeySet` of several, ordered by version.

    Raises :class:`~studykit.errors.KeyFileError` when they are not the versions of one quiz:
    another quiz id, a key without a version, a version given twice, or other items (by
    number, question and type)."""
    if len(keys) == 1:
        return keys[0]
    first = keys[0]
    for k in keys:
        if k.quiz_id != first.quiz_id:
            raise KeyFileError(
                _("the keys are of different quizzes ({a} and {b}); grade each quiz in its own run").format(
                    a=first.quiz_id, b=k.quiz_id
                )
            )
        if not k.version:
            raise KeyFileError(
                _("the key of quiz {quiz} has no version; several keys must be versions (A, B, …) of one quiz").format(
                    quiz=k.quiz_id
                )
            )
        if [(i.number, i.question_id, i.type) for i in k.items] != [
            (i.number, i.question_id, i.type) for i in first.items
        ]:
            raise KeyFileError(
                _("the keys of versions {a} and {b} have other questions; they are not versions of one paper").format(
                    a=first.version, b=k.version
                )
            )
    versions = [k.version.casefold() for k in keys]
    twice = sorted({v.upper() for v in versions if versions.count(v) > 1})
    if twice:
        raise KeyFileError(_("version {v} is given twice (give each version's key once)").format(v=join(twice)))
    ordered = tuple(sorted(keys, key=lambda k: k.version.casefold()))
    head = ordered[0]
    return KeySet(
        head.quiz_id,
        "、".join(k.version for k in ordered),
        head.title,
        head.bank_id,
        head.bank_fingerprint,
        head.items,
        head.multiple_scoring,
        keys=ordered,
    )


def letter_maps(first: AnswerKey, other: AnswerKey) -> list[dict[str, str]]:
    """Per item: ``other``'s letter → ``first``'s letter of the same option text."""
    maps: list[dict[str, str]] = []
    for a, b in zip(first.items, other.items, strict=True):
        where = {text: LETTERS[i] for i, text in enumerate(a.options)}
        maps.append({LETTERS[i]: where.get(text, LETTERS[i]) for i, text in enumerate(b.options)})
    return maps


def in_first_letters(result: MemberResult, maps: list[dict[str, str]]) -> MemberResult:
    """``result`` (graded with another version's key) with every chosen letter, in ``choices``
    and ``given``, replaced by the first version's letter of that option (see :func:`letter_maps`);
    scores, statuses and unreadable answers as written are unchanged."""
    items: list[ItemResult] = []
    for r, letters in zip(result.items, maps, strict=True):
        if not letters or r.status == "unreadable" or not r.choices:
            items.append(r)
            continue
        choices = tuple(sorted(letters.get(c, c) for c in r.choices if c in letters))
        rest = tuple(c for c in r.choices if c not in letters)
        shown_rest = [p for p in r.given.split("、") if p and p not in letters]
        items.append(replace(r, choices=(*choices, *rest), given="、".join([*choices, *shown_rest])))
    return replace(result, items=tuple(items))


def letters_note() -> str:
    """The report's one note that other versions are shown in the first version's letters."""
    return _(
        "members of versions after the first are shown in the first version's option letters "
        "(the same option texts, shuffled; scores are each version's own)"
    )

"""错题本: one Anki package per member holding exactly the questions they missed.

:func:`write_review_decks` writes them, given the group report and the bank::

    report = grade_files(paths, key, bank=bank)
    summary = write_review_decks(report, bank, "错题本")
    print(summary.report("错题本"))

(``studykit grade -o REPORT --review-decks DIR`` takes the packages' bytes from
:func:`review_deck_files` instead and writes them with the report in one
all-or-nothing set: when any file cannot be written, none is replaced.)

What a deck holds.  For every member with at least one item not earning full
points (wrong, partial credit, unanswered or unreadable — the items the grade
report lists as 错题), one ``.apkg`` with one note per missed question, in
bank order, in the deck ``错题本::<member>::<quiz title>``.  The notes are the
notes of ``studykit anki`` (same note types, templates and fields, built by
:func:`studykit.anki.build_deck`) with ``YourAnswer`` filled, so the back shows
the member's answer under the right one:

* choice items: the options the member chose, as the letters *of the deck*
  (the bank's option order, which the card shows) and the option texts,
  ``"A、B 网格长；楼栋长"``.  The paper's letters are mapped back through the
  options printed on the member's version, so a letter never means another
  option than the one ticked;
* true_false: ``对`` or ``错`` (as the paper asks members to write it); fill_blank: the text written;
* ``未作答`` when unanswered, ``无法识别：<text>`` when unreadable; partial
  credit adds ``（少选，得一半分）``.

Identity.  A note's GUID is ``note_guid(bank id, question id, "review/<member>")``
(:func:`review_namespace`; the member's name NFKC-normalised with whitespace
collapsed; a second member of the same name ``张三-2``: :func:`member_identities`).  So:

* the review notes never collide with the notes of the study deck (different
  namespace) or with another member's review notes, even in one collection —
  the secretary can import every member's deck into their own Anki to look at them;
* a member's deck from a later quiz updates the notes of questions they missed
  before (the new wrong answer replaces the old; review history is kept) and
  adds the new ones; a note is never duplicated.

The deck id derives from the bank id, the member and the quiz title, so two
quizzes with the same title share a deck.  File names come from
:func:`safe_file_names`.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki  # type: ignore[import-untyped]

from .anki import build_deck, deck_part, dropped_line, field_html, package_bytes
from .errors import StudykitError
from .grade.group import GroupReport
from .grade.model import ItemResult, MemberResult
from .grade.normalize import OTHER, clean
from .i18n import _, ngettext, os_reason
from .key import AnswerKey, KeyItem
from .model import LETTERS, TRUE_FALSE_TEXT, Bank, Question
from .text import pts

#: Top-level deck of every review deck.
REVIEW_DECK = "错题本"
#: Prefix of the GUID namespace of review notes (the member's name follows).
NAMESPACE = "review"
#: Tag added to every review note (besides the study deck's tags).
REVIEW_TAG = "错题本"
UNANSWERED = "未作答"

#: Characters no file name may hold on Windows (and ``/`` nowhere), replaced by ``_``.
_FORBIDDEN = set('/\\:*?"<>|')
#: Device names Windows reserves, whatever the extension or case.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
#: Longest file-name stem in UTF-8 bytes (leaves room for ``-NN.apkg`` and a temporary
#: file's affixes within the 255-byte limit of common file systems).
MAX_STEM_BYTES = 120
#: Stem used when nothing of a name is left.
EMPTY_NAME = "未命名"


@dataclass(frozen=True)
class ReviewDeck:
    """One member's review package: ``file`` (a name in the output folder), the full
    ``deck`` name, and the ids of the questions it holds, in bank order."""

    member: str
    file: str
    deck: str
    question_ids: tuple[str, ...]
    #: Question ids of the deck written at ``file`` before that this one lacks (no longer
    #: missed, e.g. after a typo in an answer was fixed): importing leaves their notes in Anki.
    dropped: tuple[str, ...] = ()

    @property
    def notes(self) -> int:
        return len(self.question_ids)


@dataclass(frozen=True)
class ReviewSummary:
    """What :func:`write_review_decks` wrote: one :class:`ReviewDeck` per member with a
    miss (in the order graded), the members without a miss, and the missed question ids
    the bank lacks (left out of every deck)."""

    decks: tuple[ReviewDeck, ...]
    without_misses: tuple[str, ...]
    missing: tuple[str, ...] = ()
    #: ``(file, member)`` of a deck already in the folder under the name of a member without
    #: misses now (an earlier run's, before a typo in their answers was fixed): not rewritten.
    stale: tuple[tuple[str, str], ...] = ()

    @property
    def notes(self) -> int:
        return sum(d.notes for d in self.decks)

    def report(self, directory: str | Path) -> str:
        """The lines ``studykit grade`` prints: a line per deck whose file name is not
        ``<member>.apkg``, then the total, e.g.
        ``错题本: 2 review decks, 5 notes; 1 member without misses``."""
        folder = Path(directory)
        lines = [
            _("{path}: review deck of {member!r}").format(path=folder / d.file, member=d.member)
            for d in self.decks
            if d.file != f"{d.member}.apkg"
        ]
        lines += [
            _("{path}: {message}").format(path=folder / d.file, message=dropped_line(d.dropped, "tag:错题本"))
            for d in self.decks
            if d.dropped
        ]
        lines += [
            _("warning: {message}").format(
                message=_("question {id!r} is not in the bank; left out of the review decks").format(id=q)
            )
            for q in self.missing
        ]
        lines += [
            _(
                "{path}: warning: {member!r} has no misses now, so this deck, left by an earlier run, was not "
                "rewritten; delete it before handing out the decks"
            ).format(path=folder / file, member=member)
            for file, member in self.stale
        ]
        decks = ngettext("{n} review deck", "{n} review decks", len(self.decks)).format(n=len(self.decks))
        notes = ngettext("{n} note", "{n} notes", self.notes).format(n=self.notes)
        n = len(self.without_misses)
        rest = ngettext("; {n} member without misses", "; {n} members without misses", n).format(n=n) if n else ""
        lines.append(_("{folder}: {decks}, {notes}{rest}").format(folder=folder, decks=decks, notes=notes, rest=rest))
        return "\n".join(lines)


# -- names -------------------------------------------------------------------------


def review_namespace(member: str) -> str:
    """The GUID namespace of ``member``'s review notes: ``"review/<name>"``, the name
    NFKC-normalised with whitespace collapsed (so ``"张三 "`` and ``"张三"`` are one member)."""
    return f"{NAMESPACE}/{clean(member)}"


def review_deck_name(member: str, title: str) -> str:
    """``"错题本::张三::省域治理现代化小测"`` (``::`` inside a part becomes ``:``)."""
    return f"{REVIEW_DECK}::{deck_part(clean(member)) or EMPTY_NAME}::{deck_part(title) or EMPTY_NAME}"


def safe_file_stem(name: str) -> str:
    """``name`` as a file-name stem valid on Windows, macOS and Linux.

    NFC; ``/ \\ : * ? " < > |`` and control characters become ``_``; whitespace
    runs become one space; leading and trailing spaces and dots are stripped;
    at most :data:`MAX_STEM_BYTES` bytes of UTF-8 (cut at a character); a
    Windows device name (``CON``, ``nul``, ``COM1`` …, also before a dot) gets
    ``_`` appended; nothing left gives :data:`EMPTY_NAME`.  Chinese and other
    letters are kept.
    """
    text = unicodedata.normalize("NFC", name)
    text = "".join("_" if c in _FORBIDDEN or unicodedata.category(c) == "Cc" else c for c in text)
    text = " ".join(text.split()).strip(" .")
    while len(text.encode("utf-8")) > MAX_STEM_BYTES:
        text = text[:-1]
    text = text.rstrip(" .")
    if not text:
        return EMPTY_NAME
    head, dot, tail = text.partition(".")
    if head.rstrip(" ").upper() in _RESERVED:
        text = f"{head}_{dot}{tail}"
    return text


def safe_file_names(names: Sequence[str], suffix: str = ".apkg") -> list[str]:
    """A distinct safe file name for each of ``names``, in order.

    Each is :func:`safe_file_stem` plus ``suffix``; a name already taken —
    compared case-insensitively and in NFC, as macOS and Windows do — gets
    ``-2``, ``-3`` … (``张三.apkg``, ``张三-2.apkg``).  Deterministic: the same
    names in the same order give the same files.
    """
    taken: set[str] = set()
    result: list[str] = []
    for name in names:
        stem = safe_file_stem(name)
        candidate, n = stem, 1
        while (candidate + suffix).casefold() in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add((candidate + suffix).casefold())
        result.append(candidate + suffix)
    return result


def member_identities(names: Sequence[str]) -> list[str]:
    """The name each member's review deck and note GUIDs derive from, in order.

    A member's name (NFKC, whitespace collapsed: :func:`review_namespace`); the second,
    third … member of one name in the order read get ``-2``, ``-3`` … (``["张三", "张三-2"]``),
    so two members named 张三 never share a deck or a note GUID — imported into one
    collection, neither deck overwrites the other's answers.  ``names`` are all the members
    read (with or without misses), so a member's identity does not depend on another's score.
    """
    taken: set[str] = set()
    result: list[str] = []
    for name in names:
        base = clean(name)
        identity, n = base, 1
        while identity in taken:
            n += 1
            identity = f"{base}-{n}"
        taken.add(identity)
        result.append(identity)
    return result


# -- the member's answer --------------------------------------------------------


def your_answer(item: KeyItem, result: ItemResult, question: Question) -> str:
    """What ``YourAnswer`` shows for ``result`` (the member's answer to ``item``), as plain text.

    Choice letters are the paper's (``item.options`` is the printed order); they
    are mapped to option texts and those to the bank's letters (``question``'s
    order, as the card shows).  A chosen text the bank no longer has is shown
    without a letter; a key without printed options shows the paper's letters,
    marked as such.  See the module docstring for every case.
    """
    if result.status == "unanswered":
        return UNANSWERED
    if result.status == "unreadable":
        return f"无法识别：{result.given}"
    if item.type in ("single", "multiple"):
        text = _chosen_options(item, result.choices, question, result.given)
        return text + ("（少选，得一半分）" if result.status == "partial" else "")
    if item.type == "true_false" and result.choices:
        return TRUE_FALSE_TEXT.get(result.choices[0], result.given)
    return result.given


def _chosen_options(item: KeyItem, choices: tuple[str, ...], question: Question, given: str = "") -> str:
    letters = [c for c in choices if c != OTHER]
    other: list[str] = []
    if OTHER in choices:  # a survey's 其他〖…〗: what the member typed there, as the report shows it
        typed = given.partition(f"{OTHER}：")[2]
        other = [f"{OTHER}：{typed}" if typed else "其他（自填）"]
    if not item.options:
        printed = "、".join(letters) + "（试卷上的字母）" if letters else ""
        return "；".join(p for p in (printed, *other) if p)
    texts = [item.options[LETTERS.index(c)] for c in letters if LETTERS.index(c) < len(item.options)]
    bank_letters = [LETTERS[question.options.index(t)] for t in texts if t in question.options]
    if len(bank_letters) == len(texts) and texts:
        ordered = sorted(zip(bank_letters, texts, strict=True))
        shown = "、".join(b for b, _t in ordered) + " " + "；".join(t for _b, t in ordered)
    else:
        shown = "；".join(texts)
    return "；".join(p for p in (shown, *other) if p)


# -- the decks ---------------------------------------------------------------------


def check_review_bank(key: AnswerKey, bank: Bank | None) -> None:
    """Raise :class:`~studykit.errors.StudykitError` unless ``bank`` can make ``key``'s review decks.

    The decks need the bank's question text, options, 解析 and source: ``bank``
    must be given (``None`` means no bank was found whose fingerprint matches the
    key) and have the key's bank id.  A bank changed since the quiz is fine (its
    current text is used; grade warns about it).
    """
    if bank is None:
        raise StudykitError(
            _(
                "review decks need the question bank the quiz {quiz} was made from (bank {bank!r}): give it with --bank"
            ).format(quiz=key.quiz_id, bank=key.bank_id)
        )
    if bank.id != key.bank_id:
        raise StudykitError(
            _(
                "the bank {path} is {id!r} but the quiz was made from {key_bank!r}; "
                "review decks need the bank the quiz was made from (give it with --bank)"
            ).format(path=bank.path, id=bank.id, key_bank=key.bank_id)
        )


def member_deck(
    report: GroupReport, bank: Bank, member: MemberResult
) -> tuple[list[Question], dict[str, str], list[str]]:
    """``member``'s missed questions in bank order, their ``YourAnswer`` texts by question id,
    and the missed question ids ``bank`` lacks."""
    order = {q.id: n for n, q in enumerate(bank.questions)}
    answers: dict[str, str] = {}
    questions: list[Question] = []
    missing: list[str] = []
    for item, result in zip(report.key.items, member.items, strict=True):
        if result.status == "correct":
            continue
        if item.question_id not in order:
            missing.append(item.question_id)
            continue
        question = bank.question(item.question_id)
        if question.id not in answers:
            questions.append(question)
        answers[question.id] = your_answer(item, result, question)
    questions.sort(key=lambda q: order[q.id])
    return questions, answers, missing


def build_review_decks(report: GroupReport, bank: Bank) -> tuple[ReviewSummary, list[genanki.Package]]:
    """The review packages of ``report`` (one per member with a miss) and their summary.

    Raises :class:`~studykit.errors.StudykitError` when ``bank`` is not the bank
    the quiz was made from (its id differs from the key's).
    """
    key = report.key
    check_review_bank(key, bank)
    title = key.title or bank.title
    chosen: list[tuple[MemberResult, list[Question], dict[str, str], str]] = []
    without: list[str] = []
    missing: dict[str, None] = {}
    members = list(report.members)
    # counted over every member read, so the second 张三 stays 张三-2 when the first has no miss
    for member, identity in zip(members, member_identities([m.name for m in members]), strict=True):
        if all(r.status == "correct" for r in member.items):
            without.append(member.name)
            continue
        questions, answers, lost = member_deck(report, bank, member)
        missing.update(dict.fromkeys(lost))
        if questions:  # misses only of questions the bank lost: nothing to study
            chosen.append((member, questions, answers, identity))
    files = safe_file_names([member.name for member, _r, _q, _i in chosen])
    decks: list[ReviewDeck] = []
    packages: list[genanki.Package] = []
    for (member, questions, answers, identity), file in zip(chosen, files, strict=True):
        name = review_deck_name(identity, title)
        score = f"{pts(member.score)}/{pts(member.total)} 分"  # as the grade report prints it
        quiz = f"测验 {key.quiz_id}" + (f" · 版本 {key.version}" if key.version else "")
        description = f"<b>{field_html(clean(member.name))} · {field_html(title)}</b><br>{field_html(quiz)} · {score} · 错 {len(questions)} 题"
        deck = build_deck(
            bank,
            name,
            questions,
            deck_key=(NAMESPACE, identity, title),
            description=description,
            namespace=review_namespace(identity),
            your_answers=answers,
            cite_article=True,
        )
        for note in deck.notes:
            note.tags.append(REVIEW_TAG)
        decks.append(ReviewDeck(member.name, file, name, tuple(q.id for q in questions)))
        packages.append(genanki.Package([deck]))
    return ReviewSummary(tuple(decks), tuple(without), tuple(missing)), packages


def review_deck_files(
    report: GroupReport, bank: Bank, directory: str | Path, *, timestamp: float | None = None
) -> tuple[ReviewSummary, dict[Path, bytes]]:
    """The review packages :func:`write_review_decks` would write, built but not written:
    their summary and ``{directory / file: package bytes}``, for
    :func:`studykit._output.write_files` to write with other files in one all-or-nothing
    set (``studykit grade -o REPORT --review-decks DIR`` writes the report and the decks so).

    ``timestamp`` and the notes that keep an existing package's modification time are
    as in :func:`write_review_decks`.  Raises :class:`~studykit.errors.StudykitError` when
    ``bank`` is not the quiz's bank or ``directory`` is a file.
    """
    folder = Path(directory)
    try:
        if folder.exists() and not folder.is_dir():
            raise StudykitError(
                _("cannot write review decks to {folder}: it is a file, not a folder").format(folder=folder)
            )
    except OSError as exc:  # a folder name too long for the file system
        raise StudykitError(
            _("cannot write review decks to {folder}: {reason}").format(folder=folder, reason=os_reason(exc))
        ) from None
    summary, packages = build_review_decks(report, bank)
    files: dict[Path, bytes] = {}
    decks: list[ReviewDeck] = []
    for deck, package in zip(summary.decks, packages, strict=True):
        dropped: list[str] = []
        files[folder / deck.file] = package_bytes(
            package, previous=folder / deck.file, timestamp=timestamp, dropped=dropped
        )
        decks.append(dataclasses.replace(deck, dropped=tuple(dropped)))
    names = [safe_file_stem(m) + ".apkg" for m in summary.without_misses]
    stale = [(f, m) for f, m in zip(names, summary.without_misses, strict=True) if (folder / f).is_file()]
    return dataclasses.replace(
        summary, decks=tuple(decks), stale=tuple(s for s in stale if folder / s[0] not in files)
    ), files


def write_review_decks(
    report: GroupReport, bank: Bank, directory: str | Path, *, timestamp: float | None = None
) -> ReviewSummary:
    """Write the review package of every member with a miss into ``directory``.

    ``directory`` is created (with its parents) if missing.  Files are named by
    :func:`safe_file_names`; an existing file of that name is replaced, and
    notes identical to the ones in it keep its modification time (see
    :func:`studykit.anki.write_package`); ``timestamp`` (seconds since the
    epoch, default now) stamps the others.  No deck is written for a member
    without misses, and no other file in ``directory`` is touched.  All
    packages are built before any is written (:func:`review_deck_files`), and all are
    written through temporary files and renamed into place together
    (:func:`studykit._output.write_files`).

    Raises :class:`~studykit.errors.StudykitError` when ``bank`` is not the quiz's
    bank or ``directory`` cannot be created or written.
    """
    from ._output import write_files

    summary, files = review_deck_files(report, bank, directory, timestamp=timestamp)
    write_files(files)
    return summary

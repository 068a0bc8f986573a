"""Anki decks (``.apkg``) from a question bank, built with genanki.

The package holds a parent deck named after the bank's title and one subdeck per
part of the article, in bank order: ``<title>::00 导语``, ``<title>::01 第1篇`` …
(named by position, never by speaker or heading, which would answer the subdeck's
"whose speech is …" / "who said …" cards); a package of several banks holds one such
parent deck per bank (:func:`build_library_package`).  Each question becomes one note:

* ``single``/``multiple`` → note type :data:`CHOICE_MODEL` (one card);
* ``true_false`` → :data:`TRUE_FALSE_MODEL` (one card);
* ``fill_blank`` → :data:`CLOZE_MODEL`, the stem's ``____`` becoming ``{{c1::answer}}``.

Identity (what lets a re-import update the user's notes in place and keep their
review history):

* note type (model) ids are the fixed constants below;
* deck ids derive from the bank id and the speech id (:func:`deck_id_for`);
* note GUIDs derive from the bank id and the question id (:func:`note_guid`),
  never from field text, so fixing a typo in the bank updates the note.

Anki updates an existing note only when the incoming one is newer.  genanki
stamps every note (and note type) with the package's ``timestamp`` (whole
seconds): by default the current time, so a later export updates the notes a
user imported earlier; pass a fixed ``timestamp`` for reproducible packages.
Notes unchanged since the package already at the output path keep its time, so
a re-import updates only the notes whose text changed (:func:`write_package`).

Every bank text is HTML-escaped before it goes into a field; the only markup in
fields is our own (option lists, ``<mark>`` around the answer in the source, line
breaks).  Templates use nothing but field substitution and ``{{#Field}}``
sections, so cards render the same on Anki desktop, AnkiDroid and AnkiMobile.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import math
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki  # type: ignore[import-untyped]

from ._output import write_files
from .bank import BLANK_RE
from .errors import SelectionError, StudykitError
from .formats import MAX_TIMESTAMP
from .i18n import _, join, ngettext
from .library import Library, split_ref
from .model import INTRO_LABEL, LETTERS, TYPE_TITLES, Bank, Question, Speech
from .typography import for_print

# -- note types (models) --------------------------------------------------------
#
# NEVER CHANGE THESE IDS.  Anki recognises our note types by id: a new id makes
# every user's next import create a second copy of the note type and of every
# note.  Changing the FIELDS of a note type (adding, removing, renaming or
# reordering one) is a breaking change too: Anki sees a different schema, so an
# import into a collection that already holds the old note type adds a second
# note type ("studykit 选择题 (v1)+") and skips every existing note of it as
# "conflicting" instead of updating it (unless the user ticks "merge note types",
# which forces a one-way sync).  If the fields must change, make a new note type
# with a new name ("… (v2)") and a new id, and say so in the changelog.
# Templates and CSS may change freely: Anki updates them when a newer package
# is imported.  tests/test_anki.py pins the field lists.
#
# ``YourAnswer`` is empty in the study decks; it exists from v1 so that review
# decks (a member's wrong answers) can fill it without a new note type.

CHOICE_MODEL_ID = 1881833840
TRUE_FALSE_MODEL_ID = 1155415960
CLOZE_MODEL_ID = 1208201777

CHOICE_FIELDS = (
    "Stem", "Options", "Type", "Answer", "Explanation", "Source", "Speaker", "Heading", "QuestionID", "YourAnswer",
)  # fmt: skip
TRUE_FALSE_FIELDS = ("Stem", "Answer", "Explanation", "Source", "Speaker", "Heading", "QuestionID", "YourAnswer")
CLOZE_FIELDS = ("Text", "Accepted", "Explanation", "Source", "Speaker", "Heading", "QuestionID", "YourAnswer")

#: A CJK font stack for the platforms Anki runs on, night mode for desktop
#: (``.nightMode``), AnkiMobile (``.nightMode``) and older AnkiDroid (``.night_mode``).
CSS = """\
.card {
  font-family: "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC",
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 20px;
  line-height: 1.6;
  text-align: left;
  color: #1f1f1f;
  background-color: #fffefa;
}
.studykit { max-width: 40em; margin: 0 auto; }
.kind { font-size: 0.75em; color: #8a6d3b; }
.stem { font-weight: bold; margin: 0.4em 0; }
.option { margin: 0.2em 0; }
.letter { font-weight: bold; }
.answer { font-size: 1.1em; margin: 0.4em 0; }
.key { font-weight: bold; color: #b71c1c; }
.your-answer { color: #6d4c41; }
.label { font-weight: bold; margin-right: 0.5em; }
.explanation { margin: 0.4em 0; }
.source {
  margin: 0.6em 0;
  padding: 0.3em 0.8em;
  border-left: 4px solid #d7ccc8;
  font-size: 0.9em;
}
.source mark { background-color: #ffe082; color: inherit; }
.cite { font-size: 0.8em; color: #6d6d6d; }
.cloze { font-weight: bold; color: #b71c1c; }
.card.nightMode, .nightMode .card, .night_mode .card { color: #e8e6e3; background-color: #1e1e1e; }
.nightMode .kind, .night_mode .kind { color: #d7b46a; }
.nightMode .key, .night_mode .key, .nightMode .cloze, .night_mode .cloze { color: #ff8a80; }
.nightMode .your-answer, .night_mode .your-answer { color: #bcaaa4; }
.nightMode .source, .night_mode .source { border-left-color: #5d4037; }
.nightMode .source mark, .night_mode .source mark { background-color: #6d4c00; color: #fff8e1; }
.nightMode .cite, .night_mode .cite { color: #a0a0a0; }
"""

_BACK_COMMON = """\
{{#YourAnswer}}<div class="your-answer"><span class="label">你的答案</span>{{YourAnswer}}</div>{{/YourAnswer}}
{{#Explanation}}<div class="explanation"><span class="label">解析</span>{{Explanation}}</div>{{/Explanation}}
<div class="source">{{Source}}</div>
<div class="cite">{{#Speaker}}{{Speaker}} {{/Speaker}}《{{Heading}}》</div>
"""


def _wrap(body: str) -> str:
    return f'<div class="studykit" lang="zh-CN">\n{body}</div>'


CHOICE_MODEL = genanki.Model(
    CHOICE_MODEL_ID,
    "studykit 选择题 (v1)",
    fields=[{"name": name} for name in CHOICE_FIELDS],
    templates=[
        {
            "name": "选择题",
            "qfmt": _wrap(
                '<div class="kind">{{Type}}</div>\n<div class="stem">{{Stem}}</div>\n'
                '<div class="options">{{Options}}</div>\n'
            ),
            "afmt": '{{FrontSide}}\n<hr id="answer">\n'
            + _wrap('<div class="answer"><span class="label">答案</span>{{Answer}}</div>\n' + _BACK_COMMON),
        }
    ],
    css=CSS,
)

TRUE_FALSE_MODEL = genanki.Model(
    TRUE_FALSE_MODEL_ID,
    "studykit 判断题 (v1)",
    fields=[{"name": name} for name in TRUE_FALSE_FIELDS],
    templates=[
        {
            "name": "判断题",
            "qfmt": _wrap(
                f'<div class="kind">{TYPE_TITLES["true_false"]}</div>\n<div class="stem">{{{{Stem}}}}</div>\n'
                '<div class="options">正确还是错误？</div>\n'
            ),
            "afmt": '{{FrontSide}}\n<hr id="answer">\n'
            + _wrap('<div class="answer"><span class="label">答案</span>{{Answer}}</div>\n' + _BACK_COMMON),
        }
    ],
    css=CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "studykit 填空题 Cloze (v1)",
    fields=[{"name": name} for name in CLOZE_FIELDS],
    templates=[
        {
            "name": "填空题",
            "qfmt": _wrap(
                f'<div class="kind">{TYPE_TITLES["fill_blank"]}</div>\n<div class="stem">{{{{cloze:Text}}}}</div>\n'
            ),
            "afmt": _wrap(
                f'<div class="kind">{TYPE_TITLES["fill_blank"]}</div>\n<div class="stem">{{{{cloze:Text}}}}</div>\n'
                '<hr id="answer">\n'
                '{{#Accepted}}<div class="answer"><span class="label">也可答</span>{{Accepted}}</div>{{/Accepted}}\n'
                + _BACK_COMMON
            ),
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

MODELS: tuple[genanki.Model, ...] = (CHOICE_MODEL, TRUE_FALSE_MODEL, CLOZE_MODEL)

#: Name of the introduction's subdeck (its heading is usually the article's title).
INTRO_DECK = INTRO_LABEL


# -- identity --------------------------------------------------------------------


def deck_id_for(bank_id: str, *key: str) -> int:
    """A deck id in genanki's recommended range [2**30, 2**31), from ``bank_id`` and ``key``.

    Deterministic (first 8 bytes of SHA-256 over the ``/``-joined parts), so the
    same bank always yields the same ids; the parent deck uses no key, a
    speech's subdeck the speech id.
    """
    digest = hashlib.sha256("/".join(("studykit-deck", bank_id, *key)).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_guid(bank_id: str, question_id: str, namespace: str = "") -> str:
    """The GUID of a question's note: ``genanki.guid_for(bank_id, question_id)``.

    A non-empty ``namespace`` (e.g. a review deck's) gives a distinct GUID for
    the same question, so the two notes never overwrite each other.
    """
    parts = (bank_id, question_id, namespace) if namespace else (bank_id, question_id)
    return str(genanki.guid_for(*parts))


def deck_name(bank: Bank, speech: Speech) -> str:
    """``"<title>::01 第1篇"``; the introduction is ``"<title>::00 导语"``.

    A subdeck is named by the speech's position on the page, not by its speaker or
    heading: those are the answers of the subdeck's own attribution cards (issue 15).
    Its deck id still derives from the speech id (:func:`deck_id_for`), so renaming
    it keeps the id.
    """
    if speech.id == "intro":
        return f"{deck_part(bank.title)}::00 {deck_part(INTRO_DECK)}"
    # counted among the speeches, so an article without an introduction starts at 第1篇 too
    place = [s.id for s in bank.speeches if s.id != "intro"].index(speech.id) + 1
    return f"{deck_part(bank.title)}::{place:02d} 第{place}篇"


def deck_part(text: str) -> str:
    """One component of a deck name: no ``::`` (Anki's separator), single-spaced."""
    return " ".join(text.replace("::", ":").split())


# -- fields ----------------------------------------------------------------------


def field_html(text: str) -> str:
    """Bank text as field HTML: ASCII ``, ; : ( )`` between Chinese characters full-width
    (:func:`~studykit.typography.for_print`), escaped, line breaks as ``<br>``."""
    if not _SPECIAL(text):  # most bank text: nothing to print full-width or escape, one scan
        return text
    if _PRINTED(text):  # for_print changes only these
        text = for_print(text)
    if _PLAIN.fullmatch(text):  # nothing to escape, one scan instead of six
        return text
    return html.escape(text).replace("\n", "<br>")


#: Finds a character :func:`~studykit.typography.for_print` may change.
_PRINTED = re.compile(r"[,;:()]").search
#: Finds a character for_print, html.escape or the line-break rule may change.
_SPECIAL = re.compile(r"[,;:()&<>\"'\n]").search

#: Text that html.escape and the line-break rule leave unchanged.
_PLAIN = re.compile(r"[^&<>\"'\n]*")


def highlight(text: str, needles: Iterable[str]) -> str:
    """``text`` as field HTML with every occurrence of each needle wrapped in ``<mark>``.

    Overlapping occurrences merge into one mark; everything is escaped.
    """
    spans: list[tuple[int, int]] = []
    for needle in needles:
        if not needle:
            continue
        start = text.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    merged: list[list[int]] = []
    text = for_print(text)  # same length: the spans found in the text as read still hold
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(field_html(text[pos:start]))
        out.append(f"<mark>{field_html(text[start:end])}</mark>")
        pos = end
    out.append(field_html(text[pos:]))
    return "".join(out)


def _no_braces(html_text: str) -> str:
    """Escaped HTML that Anki's cloze parser cannot mistake for ``{{c1::…}}`` syntax."""
    return html_text.replace("{", "&#123;").replace("}", "&#125;")


def cloze_text(question: Question) -> str:
    """The fill_blank stem as a cloze: the first ``____`` becomes ``{{c1::answer}}``.

    The answer is the first accepted text, HTML-escaped, with ``:`` ``{`` ``}``
    written as character references so ``::`` or ``}}`` in it cannot end the
    cloze.  A stem without a blank gets the cloze appended.
    """
    deletion = "{{c1::" + _no_braces(field_html(question.answer[0])).replace(":", "&#58;") + "}}"
    stem = for_print(question.stem)
    match = BLANK_RE.search(stem)
    if match is None:
        return _no_braces(field_html(stem)) + " " + deletion
    before, after = stem[: match.start()], stem[match.end() :]
    return _no_braces(field_html(before)) + deletion + _no_braces(field_html(after))


def _speaker(speech: Speech) -> str:
    return field_html(f"{speech.speaker}（{speech.position}）" if speech.position else speech.speaker)


def note_fields(bank: Bank, question: Question, your_answer: str = "") -> list[str]:
    """The field values (HTML) of ``question``'s note, in its note type's field order.

    ``your_answer`` (plain text, escaped here) fills ``YourAnswer``; empty in study decks.
    """
    speech = bank.speech(question.speech)
    common = [
        field_html(question.explanation),
        highlight(question.source, _answer_texts(question)),
        _speaker(speech) if speech.speaker else "",
        field_html(speech.heading),
        field_html(question.id),
        field_html(your_answer),
    ]
    if question.is_choice:
        options = "".join(
            f'<div class="option"><span class="letter">{letter}.</span> {field_html(option)}</div>'
            for letter, option in zip(_letters(question), question.options, strict=True)
        )
        answer = f'<span class="key">{question.answer_text}</span> ' + "；".join(
            field_html(o) for o in question.correct_options
        )
        return [field_html(question.stem), options, TYPE_TITLES[question.type], answer, *common]
    if question.type == "true_false":
        return [field_html(question.stem), f'<span class="key">{question.answer_text}</span>', *common]
    accepted = "；".join(field_html(a) for a in question.answer[1:])
    return [cloze_text(question), accepted, *common]


def _letters(question: Question) -> str:
    return LETTERS[: len(question.options)]


def _answer_texts(question: Question) -> tuple[str, ...]:
    """What to highlight in the source: the correct options or the accepted texts."""
    if question.is_choice:
        return question.correct_options
    if question.type == "fill_blank":
        return question.answer
    return ()


def note_tags(question: Question) -> list[str]:
    """Speech id, type, ``难度<N>``, then the bank's own tags (none contains a space)."""
    tags = [question.speech, question.type, f"难度{question.difficulty}", *question.tags]
    return [t.replace(" ", "_") for t in dict.fromkeys(tags)]


def model_for(question: Question) -> genanki.Model:
    """The note type of ``question``'s note."""
    if question.is_choice:
        return CHOICE_MODEL
    return TRUE_FALSE_MODEL if question.type == "true_false" else CLOZE_MODEL


def build_notes(
    bank: Bank,
    questions: Sequence[Question],
    *,
    namespace: str = "",
    your_answers: Mapping[str, str] | None = None,
) -> list[genanki.Note]:
    """One genanki note per question, in the given order; ``due`` (new-card order) is the bank order.

    GUIDs come from :func:`note_guid` with ``namespace``; ``your_answers`` maps a
    question id to the member's answer as text, shown on the back.
    """
    your_answers = your_answers or {}
    order = _bank_order(bank)
    return [
        genanki.Note(
            model=model_for(q),
            fields=note_fields(bank, q, your_answers.get(q.id, "")),
            tags=note_tags(q),
            guid=note_guid(bank.id, q.id, namespace),
            due=order.get(q.id, 0),
        )
        for q in questions
    ]


_last_order: tuple[tuple[Question, ...], dict[str, int]] = ((), {})


def _bank_order(bank: Bank) -> dict[str, int]:
    """Question id → position in the bank (computed once per bank, not once per deck)."""
    global _last_order
    questions, order = _last_order
    if questions is not bank.questions:  # the tuple is held, so its identity cannot be reused
        order = {q.id: position for position, q in enumerate(bank.questions)}
        _last_order = (bank.questions, order)
    return order


def build_deck(
    bank: Bank,
    name: str,
    questions: Sequence[Question],
    *,
    deck_key: Sequence[str],
    description: str = "",
    namespace: str = "",
    your_answers: Mapping[str, str] | None = None,
) -> genanki.Deck:
    """A genanki deck called ``name`` (``::`` for subdecks) holding ``questions``' notes.

    Its id is :func:`deck_id_for` ``(bank.id, *deck_key)``; ``description`` is
    HTML shown on the deck's overview; ``namespace`` and ``your_answers`` go to
    :func:`build_notes`.
    """
    deck = genanki.Deck(deck_id_for(bank.id, *deck_key), name, description)
    for model in MODELS:
        deck.add_model(model)
    for note in build_notes(bank, questions, namespace=namespace, your_answers=your_answers):
        deck.add_note(note)
    return deck


# -- the package -------------------------------------------------------------------


@dataclass(frozen=True)
class DeckCount:
    """One deck of a package: its full name and how many notes and cards it holds."""

    name: str
    notes: int
    cards: int


@dataclass(frozen=True)
class DeckSummary:
    """What a package holds: its decks (parent first, then subdecks in bank order)."""

    decks: tuple[DeckCount, ...]

    @property
    def notes(self) -> int:
        return sum(d.notes for d in self.decks)

    @property
    def cards(self) -> int:
        return sum(d.cards for d in self.decks)

    def report(self, path: str | Path) -> str:
        """What ``studykit anki`` prints: a total line, then one line per subdeck with notes."""
        filled = [d for d in self.decks if d.notes]
        lines = [
            _("Wrote {path}: {notes}, {cards} in {decks}").format(
                path=path, notes=_notes(self.notes), cards=_cards(self.cards), decks=_decks(len(filled))
            )
        ]
        lines += [
            _("  {deck}: {notes}, {cards}").format(deck=d.name, notes=_notes(d.notes), cards=_cards(d.cards))
            for d in filled
        ]
        return "\n".join(lines)


def select_speeches(bank: Bank, speeches: Sequence[str] = ()) -> tuple[Speech, ...]:
    """The bank's speeches with these ids, in bank order; all of them when ``speeches`` is empty.

    Raises :class:`~studykit.errors.SelectionError` naming an unknown id and the known ones.
    """
    known = [s.id for s in bank.speeches]
    unknown = [s for s in speeches if s not in known]
    if unknown:
        raise SelectionError(
            _("unknown speech {id!r} (expected one of: {known})").format(id=unknown[0], known=join(known))
        )
    wanted = set(speeches) or set(known)
    return tuple(s for s in bank.speeches if s.id in wanted)


def build_package(bank: Bank, speeches: Sequence[str] = ()) -> genanki.Package:
    """The package of ``bank``: a parent deck and one subdeck per selected speech with questions.

    ``speeches`` are speech ids (default: all); questions keep bank order.  The
    parent deck's description is the bank title and its provenance.  Raises
    :class:`~studykit.errors.SelectionError` for an unknown speech id.
    """
    selected = select_speeches(bank, speeches)
    parent = deck_part(bank.title)
    source = bank.provenance.describe()
    description = f"<b>{field_html(bank.title)}</b>" + (f"<br>{field_html(source)}" if source else "")
    decks = [genanki.Deck(deck_id_for(bank.id), parent, description)]
    by_speech: dict[str, list[Question]] = {}
    for q in bank.questions:
        by_speech.setdefault(q.speech, []).append(q)
    for speech in selected:
        questions = by_speech.get(speech.id)
        if questions:
            decks.append(build_deck(bank, deck_name(bank, speech), questions, deck_key=(speech.id,)))
    return genanki.Package(decks)


def build_library_package(library: Library, speeches: Sequence[str] = ()) -> genanki.Package:
    """One package of several banks: each bank's own decks (:func:`build_package`) one after
    the other, so each article is a parent deck named after its bank's title with its
    speeches' subdecks beneath.  Deck ids and note GUIDs are each bank's own, so a package
    of banks A and B updates, never duplicates, the notes a package of A alone brought in.

    ``speeches`` as in :meth:`~studykit.library.Library.narrow` (``ID`` in every bank that
    has it, ``BANK_ID/ID`` one speech); a bank none of them names is left out.  With one
    bank, :func:`build_package` itself.  Raises :class:`~studykit.errors.SelectionError`
    for an unknown speech and :class:`~studykit.errors.StudykitError` for two banks of one
    title (Anki would file both articles' notes under one parent deck).
    """
    if len(library.banks) == 1:
        return build_package(library.banks[0], speeches)
    parents: dict[str, Bank] = {}
    for bank in library.banks:
        other = parents.setdefault(deck_part(bank.title), bank)
        if other is not bank:
            raise StudykitError(
                _(
                    "{first} and {second} have the same title {title!r}: their decks would merge in Anki "
                    "(expected each article its own title: change bank.title in one of them)"
                ).format(first=other.path, second=bank.path, title=bank.title)
            )
    refs = library.narrow((), speeches)[1]
    decks: list[genanki.Deck] = []
    for bank in library.banks:
        wanted = [sid for bank_id, sid in map(split_ref, refs) if bank_id == bank.id]
        if not refs or wanted:
            decks += build_package(bank, wanted).decks
    return genanki.Package(decks)


def summarize_package(package: genanki.Package) -> DeckSummary:
    """The notes and cards per deck of ``package``."""
    return DeckSummary(
        tuple(DeckCount(d.name, len(d.notes), sum(len(n.cards) for n in d.notes)) for d in package.decks)
    )


def check_timestamp(timestamp: float | None) -> None:
    """Raise :class:`~studykit.errors.StudykitError` unless ``timestamp`` is ``None`` or a
    finite number of seconds with 0 ≤ ``timestamp`` < :data:`MAX_TIMESTAMP`."""
    if timestamp is not None and not (math.isfinite(timestamp) and 0 <= timestamp < MAX_TIMESTAMP):
        raise StudykitError(
            _(
                "timestamp {timestamp!r} is not a time Anki can store "
                "(expected seconds since 1970 from 0 to below {limit}, i.e. before 2106-02-07)"
            ).format(timestamp=timestamp, limit=MAX_TIMESTAMP)
        )


def write_package(package: genanki.Package, path: str | Path, *, timestamp: float | None = None) -> None:
    """Write ``package`` to ``path`` atomically as an ``.apkg``.

    ``timestamp`` is seconds since the epoch (default: now).  genanki uses it as
    the modification time (whole seconds) of every note, card and note type and,
    in milliseconds, as the first note and card id.  Anki's importer updates an
    existing note only when the incoming one is newer, and counts every newer
    note as updated even when nothing in it changed; so a note that is
    identical (note type, fields, tags) to the one with its GUID in the package
    already at ``path`` keeps that package's modification time, and a note that
    changed gets ``timestamp`` (at least one second after the old one).
    Re-importing then updates exactly the notes whose text changed.  The same
    package and ``timestamp`` always give the same bytes (:func:`package_bytes`).
    A ``timestamp`` outside 0 ≤ T < :data:`MAX_TIMESTAMP` (or not finite) raises
    :class:`~studykit.errors.StudykitError` before anything is written.

    The package is written to a temporary file in ``path``'s folder (created if
    missing) and renamed over ``path`` only when complete
    (:func:`studykit._output.write_files`), so an existing file is either kept
    or replaced by a whole package.  Raises :class:`~studykit.errors.StudykitError`
    when the folder cannot be created or written, or ``path`` is a folder.
    """
    target = Path(path)
    write_files({target: package_bytes(package, previous=target, timestamp=timestamp)})


def package_bytes(
    package: genanki.Package, *, previous: str | Path | None = None, timestamp: float | None = None
) -> bytes:
    """The bytes of ``package`` as an ``.apkg`` (a zip of ``collection.anki2`` and ``media``).

    ``timestamp`` as in :func:`write_package`; notes identical to the note with
    their GUID in the package at ``previous`` (if any; an unreadable or foreign
    file counts as none) keep its modification time.  Deterministic: the same
    package, ``previous`` and ``timestamp`` give the same bytes.  Nothing is
    written but temporary files, removed before returning.

    (genanki's ``Package.write_to_file`` does the same two steps, SQLite then zip,
    but leaves its temporary database behind and cannot keep per-note times.)
    """
    check_timestamp(timestamp)
    stamp = time.time() if timestamp is None else timestamp
    old = _previous_database(Path(previous)) if previous is not None else b""
    with tempfile.TemporaryDirectory(prefix="studykit-anki-") as work:
        db = Path(work) / "collection.anki2"
        conn = sqlite3.connect(db)
        try:
            package.write_to_db(conn.cursor(), stamp, _id_gen(stamp))
            _keep_unchanged_mods(conn, old)
            conn.commit()
        finally:
            conn.close()
        date_time = time.gmtime(max(stamp, _ZIP_EPOCH))[:6]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as apkg:
            # A ZipInfo carries its own compress_type (ZIP_STORED by default): name it, or the
            # archive's ZIP_DEFLATED does not apply and the deck is stored uncompressed.  Level 1:
            # a 10,000-note collection deflates to 24.6 % in 0.06 s, level 6 to 21.7 % in 0.25 s.
            for name, data in (("collection.anki2", db.read_bytes()), ("media", b"{}")):
                member = zipfile.ZipInfo(name, date_time)
                apkg.writestr(member, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=_DEFLATE_LEVEL)
        return out.getvalue()


#: zlib level of the package's members: the fastest, whose size is within 3 points of the best.
_DEFLATE_LEVEL = 1

#: The earliest time a zip entry can carry (1980-01-01 UTC).
_ZIP_EPOCH = 315532800


#: The largest database a previous package may unpack to (studykit's decks take well under 1 MiB).
MAX_PREVIOUS = 128 << 20


def _previous_database(path: Path) -> bytes:
    """The SQLite database inside the package at ``path``; ``b""`` when there is no readable package
    (nothing, or not a regular file there: a pipe would block the read; the writer refuses it),
    or one that is encrypted, or unpacks to more than :data:`MAX_PREVIOUS` (a zip bomb); a path
    that cannot even be looked at (a name too long) is nothing there, and the writer names it."""
    try:
        if not path.is_file():
            return b""
    except OSError:
        return b""
    try:
        with zipfile.ZipFile(path) as apkg:
            info = apkg.getinfo("collection.anki2")
            if info.flag_bits & 0x1 or info.file_size > MAX_PREVIOUS:
                return b""
            return apkg.read(info)
    except Exception:  # whatever a broken or hostile file raises (bad CRC, unknown compression, …)
        return b""


#: A note that is identical (note type, fields, tags) to the previous package's note with its
#: GUID keeps that note's modification time; a changed one gets a later time than both.
_KEEP_MODS = """
UPDATE notes SET mod = (
    SELECT CASE WHEN o.mid = notes.mid AND o.flds = notes.flds AND o.tags = notes.tags
                THEN o.mod ELSE max(notes.mod, o.mod + 1) END
    FROM previous.notes AS o WHERE o.guid = notes.guid)
WHERE guid IN (SELECT guid FROM previous.notes)
"""
#: Cards carry their note's modification time.
_CARD_MODS = """
UPDATE cards SET mod = (SELECT n.mod FROM notes AS n WHERE n.id = cards.nid)
WHERE mod != (SELECT n.mod FROM notes AS n WHERE n.id = cards.nid)
"""


def _keep_unchanged_mods(conn: sqlite3.Connection, previous: bytes) -> None:
    """Give each note of the new database its previous modification time if unchanged, else a later one.

    ``previous`` is the old package's database; it is compared inside SQLite (attached in
    memory, GUIDs indexed) rather than row by row in Python.  Anything that is not a
    database with a notes table leaves every time as it is."""
    if not previous:
        return
    conn.commit()  # the new package's rows stay whatever happens below
    conn.execute("ATTACH DATABASE ':memory:' AS previous")
    deadline = time.monotonic() + _PREVIOUS_SECONDS
    conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)  # a crafted view could loop
    try:
        conn.deserialize(previous, name="previous")
        kind = conn.execute("SELECT type FROM previous.sqlite_master WHERE name = 'notes'").fetchone()
        if kind != ("table",):
            raise sqlite3.DatabaseError("no notes table")
        conn.execute("CREATE INDEX previous.studykit_guid ON notes (guid)")
        conn.execute(_KEEP_MODS)
        conn.execute(_CARD_MODS)
        conn.commit()
    except sqlite3.Error:
        conn.rollback()
    finally:
        conn.set_progress_handler(None, 0)
        conn.execute("DETACH DATABASE previous")


#: How long comparing with the previous package may take before it is given up (times as new).
_PREVIOUS_SECONDS = 10.0


def _id_gen(stamp: float) -> Iterator[int]:
    """Note and card ids as genanki makes them: consecutive milliseconds from ``stamp``."""
    return itertools.count(int(stamp * 1000))


def write_deck(
    bank: Bank | Library, path: str | Path, *, speeches: Sequence[str] = (), timestamp: float | None = None
) -> DeckSummary:
    """Build ``bank``'s package (see :func:`build_package`; for a :class:`~studykit.library.Library`
    of several banks :func:`build_library_package`) and write it atomically to ``path``.

    Returns the notes and cards per deck.  Raises
    :class:`~studykit.errors.SelectionError` for an unknown speech id (nothing
    is written) and :class:`~studykit.errors.StudykitError` when ``path``
    cannot be written.
    """
    package = build_library_package(bank, speeches) if isinstance(bank, Library) else build_package(bank, speeches)
    write_package(package, path, timestamp=timestamp)
    return summarize_package(package)


def _notes(n: int) -> str:
    """``"1 note"``, ``"2 notes"`` in the interface language."""
    return ngettext("{n} note", "{n} notes", n).format(n=n)


def _cards(n: int) -> str:
    """``"1 card"``, ``"2 cards"`` in the interface language."""
    return ngettext("{n} card", "{n} cards", n).format(n=n)


def _decks(n: int) -> str:
    """``"1 deck"``, ``"2 decks"`` in the interface language."""
    return ngettext("{n} deck", "{n} decks", n).format(n=n)

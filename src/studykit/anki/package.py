"""The ``.apkg`` package: speeches selected, decks counted, a byte-identical SQLite collection
written all-or-nothing with a fixed timestamp."""

from __future__ import annotations

import dataclasses
import io
import itertools
import math
import sqlite3
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki  # type: ignore[import-untyped]

from .._gc import gc_paused
from .._output import refuse_inputs, write_files
from ..bank.inputs import bank_inputs
from ..bank.select import select_speeches
from ..errors import StudykitError
from ..formats import MAX_TIMESTAMP
from ..i18n import _, ngettext
from ..library import Library, split_ref
from ..model import Bank, Question
from .notes import build_deck, deck_id_for, deck_name, deck_part, field_html
from .previous import MAX_PREVIOUS as MAX_PREVIOUS
from .previous import keep_unchanged_mods


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
    #: Question ids of the notes of the package this one replaced that it lacks (questions
    #: removed from the bank, or left out by --speech): importing leaves them in Anki.
    dropped: tuple[str, ...] = ()

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
            _("wrote {path}: {notes}, {cards} in {decks}").format(
                path=path, notes=_notes(self.notes), cards=_cards(self.cards), decks=_decks(len(filled))
            )
        ]
        lines += [
            _("  {deck}: {notes}, {cards}").format(deck=d.name, notes=_notes(d.notes), cards=_cards(d.cards))
            for d in filled
        ]
        if self.dropped:
            lines.append(dropped_line(self.dropped, "-tag:错题本"))
        return "\n".join(lines)


#: At most this many question ids are named (and searched for) in :func:`dropped_line`.
DROPPED_SHOWN = 10


def dropped_line(dropped: Sequence[str], scope: str) -> str:
    """The note printed under a package that lacks notes of the one it replaced: how many,
    which (at most :data:`DROPPED_SHOWN`), and the Anki search (``scope`` added, e.g.
    ``-tag:错题本``) that finds them to delete, since importing never deletes a note."""
    shown = list(dropped[:DROPPED_SHOWN])
    ids = ", ".join(shown) + (", …" if len(dropped) > len(shown) else "")
    search = " OR ".join(f"QuestionID:{q}" for q in shown)
    search = f"({search}) {scope}" if len(shown) > 1 else f"{search} {scope}"
    return ngettext(
        "note: {n} note of the package this replaces is not in it ({ids}); importing does not delete it "
        "from Anki: find it there with the search {search} and delete it",
        "note: {n} notes of the package this replaces are not in it ({ids}); importing does not delete them "
        "from Anki: find them there with the search {search} and delete them",
        len(dropped),
    ).format(n=len(dropped), ids=ids, search=search)


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


def write_package(
    package: genanki.Package, path: str | Path, *, timestamp: float | None = None, dropped: list[str] | None = None
) -> None:
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
    when the folder cannot be created or written, or ``path`` is a folder.  ``dropped``, when
    given, receives the question ids of the notes of the package at ``path`` that this one lacks.
    """
    target = Path(path)
    write_files({target: package_bytes(package, previous=target, timestamp=timestamp, dropped=dropped)})


def package_bytes(
    package: genanki.Package,
    *,
    previous: str | Path | None = None,
    timestamp: float | None = None,
    dropped: list[str] | None = None,
) -> bytes:
    """The bytes of ``package`` as an ``.apkg`` (a zip of ``collection.anki2`` and ``media``).

    ``timestamp`` as in :func:`write_package`; notes identical to the note with
    their GUID in the package at ``previous`` (if any; an unreadable or foreign
    file counts as none) keep its modification time
    (:func:`~studykit.anki.previous.keep_unchanged_mods`).  Deterministic: the same
    package, ``previous`` and ``timestamp`` give the same bytes.  Nothing is written
    to disk: the SQLite collection is built in memory, and both members are deflated.
    ``dropped``, when given, receives the question ids of the notes of the package at
    ``previous`` that ``package`` lacks (:func:`~studykit.anki.previous.dropped_notes`).

    (genanki's ``Package.write_to_file`` does the same two steps, SQLite then zip,
    but through a temporary file it leaves behind, stores the members uncompressed
    and cannot keep per-note times.)
    """
    check_timestamp(timestamp)
    stamp = time.time() if timestamp is None else timestamp
    date_time = time.gmtime(max(stamp, _ZIP_EPOCH))[:6]
    with gc_paused():  # tens of thousands of rows and strings, none of them in a cycle
        conn = sqlite3.connect(":memory:")
        try:
            package.write_to_db(conn.cursor(), stamp, _id_gen(stamp))
            conn.commit()
            if previous is None:
                return _zip(conn.serialize(), date_time)
            return keep_unchanged_mods(
                conn, Path(previous), lambda database: _zip(database, date_time), date_time, dropped
            )
        finally:
            conn.close()


def _zip(database: bytes, date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """The ``.apkg`` of ``database`` (a serialized collection): ``collection.anki2`` and an
    empty ``media`` map, both deflated, dated ``date_time`` (year, month, day, h, min, s)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as apkg:
        # A ZipInfo carries its own compress_type (ZIP_STORED by default): name it, or the
        # archive's ZIP_DEFLATED does not apply and the deck is stored uncompressed.  Level 1:
        # a 10,000-note collection deflates to 24.6 % in 0.06 s, level 6 to 21.7 % in 0.25 s.
        for name, data in (("collection.anki2", database), ("media", b"{}")):
            member = zipfile.ZipInfo(name, date_time)
            apkg.writestr(member, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=_DEFLATE_LEVEL)
    return out.getvalue()


#: zlib level of the package's members: the fastest, whose size is within 3 points of the best.
_DEFLATE_LEVEL = 1


#: The earliest time a zip entry can carry (1980-01-01 UTC).
_ZIP_EPOCH = 315532800


def _id_gen(stamp: float) -> Iterator[int]:
    """Note and card ids as genanki makes them: consecutive milliseconds from ``stamp``."""
    return itertools.count(int(stamp * 1000))


def write_deck(
    bank: Bank | Library, path: str | Path, *, speeches: Sequence[str] = (), timestamp: float | None = None
) -> DeckSummary:
    """Build ``bank``'s package (see :func:`build_package`; for a :class:`~studykit.library.Library`
    of several banks :func:`build_library_package`) and write it atomically to ``path``.

    Returns the notes and cards per deck, and the question ids of the notes of the package
    that was at ``path`` this one lacks (``DeckSummary.dropped``).  Raises
    :class:`~studykit.errors.SelectionError` for an unknown speech id (nothing
    is written) and :class:`~studykit.errors.StudykitError` when ``path``
    cannot be written or is one of the files the bank was read from (the bank, its material;
    nothing is written then).
    """
    banks = bank.banks if isinstance(bank, Library) else (bank,)
    refuse_inputs([Path(path)], {p: what for b in banks for p, what in bank_inputs(b).items()})
    with gc_paused():  # ten thousand notes and their field lists, none of them in a cycle
        package = build_library_package(bank, speeches) if isinstance(bank, Library) else build_package(bank, speeches)
    dropped: list[str] = []
    write_package(package, path, timestamp=timestamp, dropped=dropped)
    return dataclasses.replace(summarize_package(package), dropped=tuple(dropped))


def _notes(n: int) -> str:
    """``"1 note"``, ``"2 notes"`` in the interface language."""
    return ngettext("{n} note", "{n} notes", n).format(n=n)


def _cards(n: int) -> str:
    """``"1 card"``, ``"2 cards"`` in the interface language."""
    return ngettext("{n} card", "{n} cards", n).format(n=n)


def _decks(n: int) -> str:
    """``"1 deck"``, ``"2 decks"`` in the interface language."""
    return ngettext("{n} deck", "{n} decks", n).format(n=n)

"""The package already at an export's output path: notes unchanged since it keep its modification times.

Anki's importer updates an existing note only when the incoming one is newer, and counts
every newer note as updated even when nothing in it changed.  So before a package is
written, each of its notes is compared (note type, fields, tags) with the note of the same
GUID in the package it replaces: an identical note keeps that package's modification time,
a changed one gets a later time than both (:func:`keep_unchanged_mods`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

#: The largest database a previous package may unpack to (studykit's decks take well under 1 MiB).
MAX_PREVIOUS = 128 << 20


def keep_unchanged_mods(
    conn: sqlite3.Connection,
    previous: Path,
    pack: Callable[[bytes], bytes],
    date_time: tuple[int, ...],
    dropped: list[str] | None = None,
) -> bytes:
    """The package of ``conn``'s database (a new package's, committed), packed by ``pack``
    (database bytes → ``.apkg`` bytes, its members dated ``date_time``: year, month, day,
    hour, minute, second), after giving each note its modification time in the package at
    ``previous`` if unchanged, else a later one.

    A note is unchanged when the previous package's note with its GUID has the same note
    type id, fields and tags; it then keeps that note's ``mod`` (seconds).  A changed note
    gets ``max(its mod, previous mod + 1)``; a note the previous package lacks keeps its
    own.  Cards carry their note's time.  Nothing there, or anything that is not a
    readable package with a notes table, leaves every time as it is (see
    :func:`previous_database`).

    When the previous package's database is byte for byte the new one (the same notes
    exported again with the same timestamp) and the new notes' GUIDs are distinct, no
    note's time could change, so nothing is compared: if the previous package's member
    has the new one's date, size and CRC-32, the new package is packed and compared with
    the file whole (equal files hold equal databases: nothing is inflated).  Any other
    package is inflated and compared in SQLite, which gives the same times (only slower)
    if it holds the very database after all.

    ``dropped``, when given, receives the notes of the previous package the new one lacks
    (:func:`dropped_notes`): importing the new package leaves them in the user's Anki.
    """
    member = _member(previous)
    if member is None:
        return pack(conn.serialize())
    current = package = b""
    if member[2] == date_time:  # written with this timestamp: it may hold this very database
        current = conn.serialize()
        if member[:2] == (len(current), zlib.crc32(current)) and not _repeated_guid(conn):
            package = pack(current)
            if _file_is(previous, package):
                return package
    old = previous_database(previous)
    if old and _apply_previous(conn, old, dropped):
        return pack(conn.serialize())
    return package or pack(current or conn.serialize())


def previous_database(path: Path) -> bytes:
    """The SQLite database inside the package at ``path`` (its ``collection.anki2`` member).

    ``b""`` when there is no readable package (nothing, or not a regular file there: a pipe
    would block the read; the writer refuses it), or one that is encrypted, or unpacks to
    more than :data:`MAX_PREVIOUS` bytes (a zip bomb), or is broken in any way; a path that
    cannot even be looked at (a name too long) is nothing there, and the writer names it.
    """
    if not _regular_file(path):
        return b""
    try:
        with zipfile.ZipFile(path) as apkg:
            info = apkg.getinfo("collection.anki2")
            if info.flag_bits & 0x1 or info.file_size > MAX_PREVIOUS:
                return b""
            return apkg.read(info)
    except Exception:  # whatever a broken or hostile file raises (bad CRC, unknown compression, …)
        return b""


def _regular_file(path: Path) -> bool:
    """Whether ``path`` is a regular file (an error looking, e.g. a name too long, is no file)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _member(path: Path) -> tuple[int, int, tuple[int, ...]] | None:
    """The size, CRC-32 and date the package at ``path`` records for its ``collection.anki2``
    (read from the zip's directory, nothing inflated); ``None`` when it cannot be read."""
    if not _regular_file(path):
        return None
    try:
        with zipfile.ZipFile(path) as apkg:
            info = apkg.getinfo("collection.anki2")
            return info.file_size, info.CRC, info.date_time
    except Exception:  # as in previous_database: a broken or hostile file is no package
        return None


def _file_is(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data`` (its size checked before reading)."""
    try:
        with path.open("rb") as handle:
            return os.fstat(handle.fileno()).st_size == len(data) and handle.read() == data
    except OSError:
        return False


def _repeated_guid(conn: sqlite3.Connection) -> bool:
    """Whether two notes of ``conn``'s database share a GUID (then an identical previous
    database still changes times: the second note is compared with the first's row)."""
    return conn.execute("SELECT 1 FROM notes GROUP BY guid HAVING count(*) > 1 LIMIT 1").fetchone() is not None


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


def _apply_previous(conn: sqlite3.Connection, previous: bytes, dropped: list[str] | None = None) -> bool:
    """Apply :data:`_KEEP_MODS` and :data:`_CARD_MODS` with ``previous`` (the old package's
    database) attached in memory, GUIDs indexed: compared inside SQLite rather than row by
    row in Python.  Returns whether it was applied; anything that is not a database with a
    notes table, or a comparison that takes longer than :data:`_PREVIOUS_SECONDS`, leaves
    every time as it is (and returns ``False``)."""
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
        if dropped is not None:
            dropped.extend(dropped_notes(conn))
        conn.commit()
        return True
    except sqlite3.Error:
        conn.rollback()
        return False
    finally:
        conn.set_progress_handler(None, 0)
        conn.execute("DETACH DATABASE previous")


#: How long comparing with the previous package may take before it is given up (times as new).
_PREVIOUS_SECONDS = 10.0


#: The notes of the attached previous package whose GUID the new package lacks, in their order
#: there, of the decks the new package fills (not a deck the new package leaves out: another
#: quiz's 错题本 deck, or the speeches an export with --speech did not take).
_DROPPED = """
SELECT o.guid, o.mid, o.flds FROM previous.notes AS o
WHERE o.guid NOT IN (SELECT guid FROM main.notes)
  AND EXISTS (SELECT 1 FROM previous.cards AS c WHERE c.nid = o.id AND c.did IN (SELECT did FROM main.cards))
ORDER BY o.id
"""


#: Whether every note of the previous package has its GUID in the new one (nothing dropped).
_ALL_KEPT = """
SELECT (SELECT count(*) FROM main.notes WHERE guid IN (SELECT guid FROM previous.notes))
    >= (SELECT count(*) FROM previous.notes)
"""


def dropped_notes(conn: sqlite3.Connection) -> list[str]:
    """The notes of the previous package (attached to ``conn`` as ``previous``) that the new
    package (``conn``'s main database) lacks, in a deck the new package fills, each named by its
    ``QuestionID`` field (the question id studykit writes; the note's GUID when its note type
    has no such field).

    A question removed from the bank, or a miss no longer missed in a 错题本 deck: importing the
    new package does not delete these notes from Anki.  Raises :class:`sqlite3.Error` for a
    previous database that cannot be read so (the caller then keeps every time as it is).
    """
    if conn.execute(_ALL_KEPT).fetchone() == (1,):  # the usual case, through the GUID index: 4 ms for 10,000
        return []
    rows = conn.execute(_DROPPED).fetchall()
    if not rows:
        return []
    try:
        models = json.loads(conn.execute("SELECT models FROM previous.col").fetchone()[0])
        names = {int(mid): [f["name"] for f in model["flds"]] for mid, model in models.items()}
    except (TypeError, ValueError, KeyError, AttributeError, sqlite3.Error):  # a foreign or crafted package
        names = {}
    result: list[str] = []
    for guid, mid, fields in rows:
        values = str(fields).split("\x1f")
        field_names = names.get(mid, [])
        at = field_names.index("QuestionID") if "QuestionID" in field_names else len(values)
        result.append(values[at] if at < len(values) and values[at] else str(guid))
    return result

"""A cache of validated banks (and answer keys), so an unchanged bank loads in a fraction of a parse.

An entry is a JSON file (never pickle: a cache must not be able to run code) in
the user's cache folder (``platformdirs.user_cache_dir("studykit")``, or
``$STUDYKIT_CACHE_DIR``), named by the SHA-256 of the bank file's bytes, the cache
format, studykit's version, the modification times of studykit's own modules and
message catalogs, the interface language (warnings are kept as text in it) and the
bank file's path as given (the warnings name it).
It records the SHA-256 of every file the bank read (material, provenance); a hit
requires all of them to be unchanged.  Each entry starts with the SHA-256 of its name and the
rest of it, so an entry corrupted on disk, edited by hand or copied over another no longer matches: a missing, stale,
corrupt, edited or unreadable entry is ignored and the bank is loaded in full (and the
entry written again), so the cache can never return stale data or crash a load — nor,
for an answer key, change a score.  ``STUDYKIT_NO_CACHE=1`` turns it off.

Answer keys read without a problem are kept the same way (:func:`lookup_key`, :func:`store_key`),
in the ``keys`` folder of the cache, named by the SHA-256 of the key file's bytes and the same
stamp: grading then needs neither PyYAML nor the key's checks, which are most of the time a
small branch's table takes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from .key_model import MULTIPLE_SCORING, AnswerKey, KeyItem
from .model import Bank, Provenance, Question, Speech

FORMAT = 3  # 3: each entry sealed by the SHA-256 of its name and content (:func:`_seal`)


def _seal(data: Any, entry: Path) -> bytes:
    """``data`` as the content of ``entry``: the SHA-256 (hex) of the entry's name and ``data``'s
    compact JSON, a newline, the JSON.  The name is part of the seal, so an entry copied over
    another one (another file's bank or key, itself intact) does not match there either."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _digest(entry, payload) + b"\n" + payload


def _digest(entry: Path, payload: bytes) -> bytes:
    return hashlib.sha256(entry.name.encode("utf-8") + b"\0" + payload).hexdigest().encode("ascii")


def _unseal(entry: Path) -> Any:
    """The data of ``entry`` (:func:`_seal`); ``ValueError`` when its content does not match its
    seal (corrupted, truncated or edited since it was written, or another entry's content),
    ``OSError`` when unreadable."""
    content = read_regular(entry)  # a FIFO put in its place must not hang the load
    if content is None:
        raise OSError(f"cache entry {entry} is not a regular file")
    seal, _, payload = content.partition(b"\n")
    if _digest(entry, payload) != seal:
        raise ValueError(f"cache entry {entry} does not match its seal")
    return json.loads(payload.decode("utf-8"))


def enabled() -> bool:
    """False when ``$STUDYKIT_NO_CACHE`` is set to anything but ``""`` or ``0``."""
    return os.environ.get("STUDYKIT_NO_CACHE", "") in ("", "0")


def _folder() -> Path:
    override = os.environ.get("STUDYKIT_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("studykit", appauthor=False)) / "banks"


def _stamp() -> str:
    """studykit's version plus the newest mtime of its modules (in every sub-package: a rule
    lives in bank/ or key/) and message catalogs, and the
    interface language (a bank's warnings are stored as text in it): a code or translation
    change, or another language, misses entries."""
    from ._version import VERSION as ver  # not importlib.metadata: that import alone costs ~15 ms
    from .i18n import language

    here = os.path.dirname(__file__)
    newest = 0
    # os.walk, not Path.rglob: the same files (every sub-package's *.py, locale/*/LC_MESSAGES/*.mo)
    # in a third of the time, paid by every command that loads a bank
    for folder, _dirs, names in os.walk(here):
        parts = folder[len(here) + 1 :].split(os.sep)  # the folder below the package ([""] for itself)
        catalogs = len(parts) == 3 and parts[0] == "locale" and parts[2] == "LC_MESSAGES"
        for name in names:
            if name.endswith(".py") or (catalogs and name.endswith(".mo")):
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return f"{FORMAT}:{ver}:{newest}:{language()}"


def _entry(raw: bytes, path: Path) -> Path:
    """The entry of the bank file ``path`` holding ``raw``: the path as given counts, since the
    warnings name it (a bank copied to another folder must not warn about the old one)."""
    digest = hashlib.sha256(raw)
    digest.update(b"\0" + _stamp().encode() + b"\0" + os.fsencode(path))
    return _folder() / f"{digest.hexdigest()}.json"


class TooLarge(OSError):
    """A file bigger than its reader's limit: ``size`` and ``limit`` in bytes; its ``strerror`` says
    both, so a caller's ``cannot read FILE: {reason}`` names them."""

    def __init__(self, size: int, limit: int) -> None:
        from .i18n import _

        reason = _("{size:,} bytes, more than such a file holds (at most {limit:,}); not read")
        super().__init__(None, reason.format(size=size, limit=limit))
        self.size, self.limit = size, limit


def read_regular(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of ``path`` if it is a regular file, else ``None`` — without blocking: a FIFO
    put in a material file's place would make a plain read wait forever for a writer.  With
    ``limit``, a file of more than ``limit`` bytes raises :class:`TooLarge` before it is read
    (a 1 GB file given by mistake is refused at once, not parsed for a minute)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        if limit is not None and info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read()
    finally:
        os.close(fd)


def lookup(path: Path, raw: bytes) -> Bank | None:
    """The cached bank for the bank file ``path`` with content ``raw``, or ``None``."""
    try:
        data = _unseal(_entry(raw, path))
        root = path.resolve().parent
        texts: dict[str, str] = {}
        for rel, sha in data["inputs"]:
            content = read_regular(root / rel)
            if content is None:  # a FIFO or device now: the full check says what is wrong
                return None
            if hashlib.sha256(content).hexdigest() != sha:
                return None
            texts[rel] = content.decode("utf-8")
        speeches = tuple(
            Speech(
                id=s[0],
                heading=s[1],
                material=Path(s[2]),
                text=texts[s[2]],
                number=s[3],
                speaker=s[4],
                position=s[5],
                line=s[6],
            )
            for s in data["speeches"]
        )
        questions = tuple(
            Question(
                id=q[0],
                speech=q[1],
                type=q[2],
                stem=q[3],
                answer=tuple(q[4]),
                explanation=q[5],
                source=q[6],
                options=tuple(q[7]),
                tags=tuple(q[8]),
                difficulty=q[9],
                derived=q[10],
                line=q[11],
                fact=q[12],
                draft=q[13],
            )
            for q in data["questions"]
        )
        return Bank(
            id=data["id"],
            title=data["title"],
            path=path,
            root=root,
            speeches=speeches,
            questions=questions,
            fingerprint=data["fingerprint"],
            provenance=Provenance(**data["provenance"]),
            warnings=tuple(data["warnings"]),
            files=tuple(Path(rel) for rel, _ in data["inputs"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None  # no entry, or one we cannot trust: load in full


def store(bank: Bank, raw: bytes, inputs: list[tuple[str, bytes]]) -> None:
    """Record ``bank`` (loaded from ``raw``, having read the files ``inputs``); failures are ignored."""
    data: dict[str, Any] = {
        "id": bank.id,
        "title": bank.title,
        "fingerprint": bank.fingerprint,
        "provenance": vars(bank.provenance),
        "warnings": list(bank.warnings),
        "inputs": [[rel, hashlib.sha256(content).hexdigest()] for rel, content in inputs],
        "speeches": [
            [s.id, s.heading, str(s.material.as_posix()), s.number, s.speaker, s.position, s.line]
            for s in bank.speeches
        ],
        "questions": [
            [
                q.id,
                q.speech,
                q.type,
                q.stem,
                list(q.answer),
                q.explanation,
                q.source,
                list(q.options),
                list(q.tags),
                q.difficulty,
                q.derived,
                q.line,
                q.fact,
                q.draft,
            ]
            for q in bank.questions
        ],
    }
    from ._output import write_files
    from .errors import StudykitError

    # a cache we cannot write is no cache, not an error (nor is a bank whose path is not UTF-8 text)
    with contextlib.suppress(OSError, StudykitError, UnicodeEncodeError):
        entry = _entry(raw, bank.path)
        if entry.is_symlink():  # replace the link, never write through it
            entry.unlink()
        write_files({entry: _seal(data, entry)})


# -- answer keys -----------------------------------------------------------------
def _key_entry(raw: bytes) -> Path:
    """The entry of an answer key file holding ``raw``: a key read without problems does not depend
    on the file's name (only messages name it, and a key with problems is never stored)."""
    digest = hashlib.sha256(b"key\0" + raw)
    digest.update(b"\0" + _stamp().encode())
    return _folder() / "keys" / f"{digest.hexdigest()}.json"


def lookup_key(raw: bytes) -> AnswerKey | None:
    """The answer key read before from a key file holding ``raw``, or ``None``."""
    try:
        data = _unseal(_key_entry(raw))
        items = tuple(
            KeyItem(
                number=i[0],
                question_id=i[1],
                type=i[2],
                speech=i[3],
                points=i[4],
                stem=i[5],
                answer=tuple(i[6]),
                options=tuple(i[7]),
                correct=tuple(i[8]),
            )
            for i in data["items"]
        )
        key = AnswerKey(
            quiz_id=data["quiz_id"],
            version=data["version"],
            title=data["title"],
            bank_id=data["bank_id"],
            bank_fingerprint=data["bank_fingerprint"],
            items=items,
            multiple_scoring=data["multiple_scoring"],
        )
        return key if _plausible(key) else None
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None  # no entry, or one we cannot trust: read the key in full


def _plausible(key: AnswerKey) -> bool:
    """Whether a key from an entry holds the kinds of values the key reader gives (text, whole item
    numbers, finite non-negative points, the known scoring rules): an entry re-sealed by hand with
    other kinds is read in full, never crashes grading."""
    texts = (key.quiz_id, key.version, key.title, key.bank_id, key.bank_fingerprint)
    if not all(type(t) is str for t in texts) or key.multiple_scoring not in MULTIPLE_SCORING:
        return False
    for i in key.items:
        if type(i.number) is not int or type(i.points) is not float or not 0 <= i.points < float("inf"):
            return False
        fields = (i.question_id, i.type, i.speech, i.stem, *i.answer, *i.options, *i.correct)
        if not all(type(f) is str for f in fields):
            return False
    return True


def store_key(key: AnswerKey, raw: bytes) -> None:
    """Record ``key``, read without problems from a key file holding ``raw``; failures are ignored.
    JSON keeps each value's kind (points ``2.0`` come back a float, as the key reader makes them)."""
    data = {
        "quiz_id": key.quiz_id,
        "version": key.version,
        "title": key.title,
        "bank_id": key.bank_id,
        "bank_fingerprint": key.bank_fingerprint,
        "multiple_scoring": key.multiple_scoring,
        "items": [
            [
                i.number,
                i.question_id,
                i.type,
                i.speech,
                i.points,
                i.stem,
                list(i.answer),
                list(i.options),
                list(i.correct),
            ]
            for i in key.items
        ],
    }
    from ._output import write_files
    from .errors import StudykitError

    with contextlib.suppress(OSError, StudykitError):  # a cache we cannot write is no cache, not an error
        entry = _key_entry(raw)
        if entry.is_symlink():  # replace the link, never write through it
            entry.unlink()
        write_files({entry: _seal(data, entry)})

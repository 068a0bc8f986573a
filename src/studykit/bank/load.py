"""Reading a bank: :func:`load_bank` (validated, or from the cache), the default bank's path,
and what is made of a loaded bank (:func:`without_drafts`, :func:`summarize`)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from .. import _cache
from .._gc import gc_paused
from ..errors import BankError
from ..i18n import _, join, ngettext, os_reason, type_name
from ..model import QUESTION_TYPES, Bank, own_article
from .rules import BANK_FILENAME


def default_bank_path() -> Path:
    """The bank a command uses when ``--bank`` is not given.

    ``./question_bank.yaml`` if it exists; else, when studykit runs from a source
    checkout (``src/studykit``), the one at the repository root; else the copy
    shipped in the installed package (``studykit/data/question_bank.yaml``).
    """
    here = Path(BANK_FILENAME)
    if here.is_file():
        return here
    package = Path(__file__).resolve().parents[1]
    checkout = package.parents[1] / BANK_FILENAME
    if package.parent.name == "src" and checkout.is_file():
        return checkout
    from importlib import resources  # only an installed package gets here: not paid for on each start

    return Path(str(resources.files("studykit") / "data" / BANK_FILENAME))


#: Largest bank file read, in bytes: the shipped bank of 201 questions is 124 KB, so this is some
#: 25,000 questions; a bigger file is a mistake (a video, a disk image) and is refused before it is read.
MAX_BANK_BYTES = 32 << 20


def read_bank_file(path: Path) -> bytes:
    """The bank file's bytes; :class:`~studykit.errors.BankError` naming ``path`` if it cannot be read,
    is not a regular file (a FIFO must not hang the command, nor ``/dev/zero`` fill the memory) or
    has more than :data:`MAX_BANK_BYTES`."""
    try:
        raw = _cache.read_regular(path, limit=MAX_BANK_BYTES)
        if raw is None and not path.is_dir():
            raise BankError(
                _("cannot read {path}: not a regular file (a pipe or a device); give the bank's YAML file").format(
                    path=path
                )
            )
        if raw is None:
            raise IsADirectoryError(path)
        return raw
    except FileNotFoundError:
        raise BankError(_("no question bank at {path} (give one with --bank PATH)").format(path=path)) from None
    except IsADirectoryError:
        raise BankError(_("{path} is a folder (expected the bank's YAML file)").format(path=path)) from None
    except OSError as exc:
        raise BankError(_("cannot read {path}: {reason}").format(path=path, reason=os_reason(exc))) from None
    except ValueError:  # e.g. a NUL byte in the path
        raise BankError(_("{path!r} is not a valid file path").format(path=str(path))) from None


def load_bank(path: str | Path | None = None, *, strict: bool = False, cache: bool = True) -> Bank:
    """Read, validate and return the bank at ``path`` (default: :func:`default_bank_path`).

    Raises :class:`~studykit.errors.BankError` listing every error found (every
    warning too when ``strict``), each as ``FILE:LINE: question ID, field F:
    what is wrong (what was expected)``; a YAML syntax error stops at once.  The
    returned bank's ``warnings`` hold the warnings as text lines.

    With ``cache`` (and unless ``$STUDYKIT_NO_CACHE`` is set) a bank whose file
    and material are byte-for-byte unchanged since a previous load is read from
    the JSON cache described in :mod:`studykit._cache` instead of being parsed.
    """
    bank_path = Path(path) if path is not None else default_bank_path()
    raw = read_bank_file(bank_path)
    use_cache = cache and _cache.enabled()
    if use_cache:
        hit = _cache.lookup(bank_path, raw)
        if hit is not None and not (strict and hit.warnings):
            return _titled(hit)
    from .validate import Validator  # the checks, the YAML reader and their patterns: a cache hit needs none

    validator = Validator(bank_path)
    with gc_paused():  # the node tree is large and acyclic: the collector's walks are pure cost
        bank = dataclasses.replace(
            validator.run(raw, strict=strict), files=tuple(Path(rel) for rel, _ in validator.inputs)
        )
    if use_cache:
        _cache.store(bank, raw, validator.inputs)
    return _titled(bank)


def _titled(bank: Bank) -> Bank:
    """``bank`` with the speeches its title names carrying it as their article (:func:`~studykit.model.own_article`)."""
    speeches = own_article(bank.title, bank.speeches)
    return bank if speeches == bank.speeches else dataclasses.replace(bank, speeches=speeches)


def without_drafts(bank: Bank) -> Bank:
    """``bank`` without the questions still marked ``draft: true`` (what quizzes, decks and
    handouts use unless asked to include drafts); the same bank if it has none."""
    if not any(q.draft for q in bank.questions):
        return bank
    return dataclasses.replace(bank, questions=tuple(q for q in bank.questions if not q.draft))


def parts_text(n: int) -> str:
    """``"1 part"``, ``"9 parts"`` in the interface language (``1 部分``)."""
    return ngettext("{n} part", "{n} parts", n).format(n=n)


def summarize(bank: Bank) -> str:
    """One line: how many questions, per speech and per type."""
    per_speech = Counter(q.speech for q in bank.questions)
    per_type = Counter(q.type for q in bank.questions)
    derived = sum(q.derived for q in bank.questions)
    drafts = sum(q.draft for q in bank.questions)
    speeches = join(f"{s.id} {per_speech[s.id]}" for s in bank.speeches)
    types = join(_("{kind} {n}").format(kind=type_name(t), n=per_type[t]) for t in QUESTION_TYPES if per_type[t])
    return _(
        "{path}: OK, {n} questions ({curated} curated, {derived} derived{drafts}) in {parts} — {speeches}; {types}"
    ).format(
        path=bank.path,
        n=len(bank.questions),
        curated=len(bank.questions) - derived,
        derived=derived,
        drafts=_(", {n} of them drafts to review").format(n=drafts) if drafts else "",
        parts=parts_text(len(bank.speeches)),
        speeches=speeches,
        types=types,
    )

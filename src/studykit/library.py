"""Several question banks used together: the articles of a year as one library.

One bank serves one article.  A branch studies a new article every month, so a
year-end contest paper, one Anki collection or the grading of a key drawn from
several articles needs their banks together::

    library = load_banks(["2025-01/question_bank.yaml", "2025-02"])   # files, or folders of banks
    library = load_banks(["2025/"])          # every sub-folder holding a question_bank.yaml
    bank = library.merged()                  # one Bank over all articles, for quiz, grade, handout

Rules (issue 13, "Many articles"):

* every bank is validated on its own (:func:`~studykit.bank.load_bank`); the
  problems of every broken bank are reported in one run;
* bank ids must differ: two banks with one id are one :class:`BankError`
  naming both files;
* question and speech ids stay unique within their bank only: where several banks
  meet, an item is identified by (bank id, question id), written
  ``<bank id>/<question id>`` (:func:`qualify`; ``/`` is in no bank's ids);
* note GUIDs stay derived from each bank's own id and question id
  (:mod:`studykit.anki` builds one parent deck per bank), so combining banks never
  duplicates a card or loses review history.

With one bank :meth:`Library.merged` is that bank itself, unchanged, so every
single-bank output stays byte-for-byte what it was.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .bank import BANK_FILENAME, load_bank, summarize, without_drafts
from .bank.load import parts_text
from .errors import BankError, SelectionError
from .i18n import _, join, os_reason
from .model import BANK_SEPARATOR, Bank, Provenance, Question, Speech

__all__ = ["SEPARATOR", "Library", "bank_files", "load_banks", "qualify", "split_ref", "summarize_banks"]

#: Joins a bank id and a question or speech id into one reference: ``mini-test/ren-01``.
SEPARATOR = BANK_SEPARATOR
#: Joins the bank ids of a merged bank: ``mini-test+mini-village``.
ID_JOINER = "+"
#: Joins the titles of a merged bank (the default title of a paper over several articles).
TITLE_JOINER = "；"


def qualify(bank_id: str, ident: str) -> str:
    """``"mini-test/ren-01"``: a question or speech id made unique across banks."""
    return f"{bank_id}{SEPARATOR}{ident}"


def split_ref(ref: str) -> tuple[str, str]:
    """``"mini-test/ren-01"`` → ``("mini-test", "ren-01")``; an unqualified id → ``("", id)``."""
    bank_id, _sep, ident = ref.rpartition(SEPARATOR)
    return bank_id, ident


@dataclass(frozen=True)
class Library:
    """Validated banks with distinct ids, in the order given (a folder's banks by folder name)."""

    banks: tuple[Bank, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(b.id for b in self.banks)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every bank's warnings, bank by bank."""
        return tuple(w for b in self.banks for w in b.warnings)

    def without_drafts(self) -> Library:
        """The library with each bank's unreviewed ``draft: true`` questions left out
        (:func:`~studykit.bank.without_drafts`)."""
        return Library(tuple(without_drafts(b) for b in self.banks))

    def bank(self, bank_id: str) -> Bank:
        """The bank with this id; raises ``KeyError`` if there is none."""
        for b in self.banks:
            if b.id == bank_id:
                return b
        raise KeyError(bank_id)

    def select(self, articles: Iterable[str] = ()) -> Library:
        """The library of only these bank ids (``quiz --article``), in library order; all when empty.

        Raises :class:`~studykit.errors.SelectionError` naming an unknown id and the known ones.
        """
        wanted = list(dict.fromkeys(articles))
        for bank_id in wanted:
            if bank_id not in self.ids:
                raise SelectionError(
                    _("unknown article {id!r} (expected a bank id: {known})").format(id=bank_id, known=join(self.ids))
                )
        return Library(tuple(b for b in self.banks if b.id in wanted)) if wanted else self

    def narrow(
        self, articles: Iterable[str] = (), speeches: Iterable[str] = (), *, like: str = ""
    ) -> tuple[Bank, tuple[str, ...]]:
        """The merged bank of these articles (:meth:`select`, :meth:`merged`; with ``like``, a
        key's or report's bank id, :meth:`merged_as`) and ``speeches`` as its speech ids, for
        ``quiz --article A --speech S`` and ``handout --speech S``.

        With one bank the speech ids pass through unchanged (the bank checks them).  With
        several, ``bank-id/speech-id`` names one speech, a bare ``speech-id`` every speech
        of that id (``intro``: each article's introduction).  Raises
        :class:`~studykit.errors.SelectionError` for an unknown article or speech.
        """
        library = self.select(articles)
        bank = library.merged_as(like) if like else library.merged()
        wanted = tuple(dict.fromkeys(speeches))
        if bank.id in self.ids:  # one bank, as it is
            return bank, wanted
        known = [s.id for s in bank.speeches]
        refs: list[str] = []
        for sid in wanted:
            matches = [k for k in known if k == sid or (SEPARATOR not in sid and split_ref(k)[1] == sid)]
            if not matches:
                raise SelectionError(
                    _("unknown speech id {id!r} (expected one of: {known})").format(id=sid, known=join(known))
                )
            refs += matches
        return bank, tuple(dict.fromkeys(refs))

    def merged_as(self, bank_id: str) -> Bank:
        """The merged bank a key or report names by ``bank_id`` (``a`` or ``a+b``): those banks
        in that order, when the library holds them all (grading a key of one article with a
        folder of the year's banks); else :meth:`merged` of the whole library, whose id then
        differs from ``bank_id``."""
        ids = bank_id.split(ID_JOINER)
        if set(ids) <= set(self.ids) and len(set(ids)) == len(ids):
            return Library(tuple(self.bank(i) for i in ids)).merged()
        return self.merged()

    def merged(self) -> Bank:
        """One :class:`~studykit.model.Bank` over every bank, for quiz, grade and handout.

        With one bank, that bank itself.  With several: id ``a+b``, title the titles
        joined by ``；``, speeches and questions bank after bank (speech numbers run on),
        their ids, speech references and facts qualified as ``<bank id>/<id>``
        (:func:`qualify`), each speech's ``article`` its bank's title; material paths absolute;
        ``path`` and ``root`` the folder holding all the banks; ``fingerprint`` the SHA-256 (hex) of the banks' ids and
        fingerprints, so it changes when any bank changes.
        """
        if len(self.banks) == 1:
            return self.banks[0]
        speeches: list[Speech] = []
        questions: list[Question] = []
        files: list[Path] = []
        for b in self.banks:
            offset = len(speeches)
            speeches += [
                replace(s, id=qualify(b.id, s.id), material=b.root / s.material, number=offset + n, article=b.title)
                for n, s in enumerate(b.speeches)
            ]
            questions += [
                replace(
                    q, id=qualify(b.id, q.id), speech=qualify(b.id, q.speech), fact=q.fact and qualify(b.id, q.fact)
                )
                for q in b.questions
            ]
            files += [b.path.resolve(), *(b.root / rel for rel in b.files)]
        digest = hashlib.sha256("\0".join(f"{b.id}:{b.fingerprint}" for b in self.banks).encode())
        root = Path(os.path.commonpath([b.root for b in self.banks]))
        return Bank(
            id=ID_JOINER.join(self.ids),
            title=TITLE_JOINER.join(b.title for b in self.banks),
            path=root,
            root=root,
            speeches=tuple(speeches),
            questions=tuple(questions),
            fingerprint=digest.hexdigest(),
            provenance=Provenance(),
            warnings=self.warnings,
            files=tuple(files),
        )


def bank_files(paths: Iterable[str | Path]) -> list[Path]:
    """The bank files ``paths`` name, in order: a file is itself; a folder stands for its own
    ``question_bank.yaml``, if it holds one, then every sub-folder holding one (sorted by
    name; hidden folders and folders without a bank are passed over).  One file reached
    twice counts once.

    Raises :class:`~studykit.errors.BankError` for a folder with no bank in it, or one
    that cannot be read.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        # os.path, not Path: it answers False where the name cannot even be looked at (too long)
        if not os.path.isdir(path):
            found.append(path)
        else:
            # its own bank, then its sub-folders' (a year's folder keeping one article at its top
            # and the others below: the ones below were passed over without a word)
            own = [path / BANK_FILENAME] if _bank_named(path / BANK_FILENAME) else []
            try:
                subs = sorted(
                    p / BANK_FILENAME
                    for p in path.iterdir()
                    if p.is_dir() and not p.name.startswith(".") and _bank_named(p / BANK_FILENAME)
                )
            except OSError as exc:
                if own:
                    subs = []
                else:
                    raise BankError(
                        _("cannot read the folder {folder}: {reason}").format(folder=path, reason=os_reason(exc))
                    ) from None
            if not own and not subs:
                raise BankError(
                    _(
                        "{folder} holds no question bank (expected {name} in it or in its sub-folders, one per article)"
                    ).format(folder=path, name=BANK_FILENAME)
                )
            found += own + subs
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve() if os.path.exists(path) else path, path)
    return list(unique.values())


def _bank_named(path: Path) -> bool:
    """Whether ``path`` (a folder's ``question_bank.yaml``) is there to be read, or to fail by name: a
    link to a moved bank, a loop of links or a FIFO counts (an article of the year went missing from
    its quiz without a word); a folder of that name does not."""
    return os.path.lexists(path) and not path.is_dir()


def path_list(paths: str | Path | Iterable[str | Path]) -> list[str | Path]:
    """``paths`` as a list; one path given alone (``"答卷/"``, not ``["答卷/"]``) is that one path,
    not one path per character of its name."""
    return [paths] if isinstance(paths, (str, Path)) else list(paths)


def load_banks(paths: Sequence[str | Path] = (), *, strict: bool = False) -> Library:
    """Load every bank ``paths`` name (:func:`bank_files`); none: the default bank alone; one
    path given alone (``"2025/"``, not in a list) is that path.

    Each bank is read with :func:`~studykit.bank.load_bank` (``strict`` as there).
    Raises :class:`~studykit.errors.BankError`: a bank's own error when only one
    bank is broken (its message unchanged); with several broken, every problem of
    each as details and one line naming them; a bank id used twice, naming both files (every
    such clash and every broken bank in one error).
    """
    paths = path_list(paths)
    if not paths:
        return Library((load_bank(None, strict=strict),))
    files = bank_files(paths)
    banks: list[Bank] = []
    failed: list[BankError] = []
    for path in files:
        try:
            banks.append(load_bank(path, strict=strict))
        except BankError as exc:
            failed.append(exc)
    seen: dict[str, Bank] = {}
    for b in banks:  # every clash, beside every broken bank: one run names them all
        if b.id in seen:
            failed.append(
                BankError(
                    _(
                        "{first} and {second} have the same bank id {id!r} "
                        "(expected each article its own id: change bank.id in one of them)"
                    ).format(first=seen[b.id].path, second=b.path, id=b.id)
                )
            )
        seen.setdefault(b.id, b)
    if len(failed) == 1:
        raise failed[0]
    if failed:
        details = tuple(line for exc in failed for line in (*exc.details, exc.message))
        error = BankError(_("{n} of {total} banks have errors (see above)").format(n=len(failed), total=len(files)))
        error.details = details
        raise error
    return Library(tuple(banks))


def summarize_banks(library: Library) -> str:
    """What ``studykit check`` prints: :func:`~studykit.bank.summarize` per bank; with several
    banks, a last line counting them: ``2 banks OK: 30 questions in 6 parts``."""
    lines = [summarize(b) for b in library.banks]
    if len(library.banks) > 1:
        questions = sum(len(b.questions) for b in library.banks)
        parts = sum(len(b.speeches) for b in library.banks)
        lines.append(
            _("{n} banks OK: {questions} questions in {parts}").format(
                n=len(library.banks), questions=questions, parts=parts_text(parts)
            )
        )
    return "\n".join(lines)

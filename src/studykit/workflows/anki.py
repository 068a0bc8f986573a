"""``studykit anki`` as a library call: export the banks as one Anki package."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..bank.select import one_or_many
from ..errors import StudykitError
from ..i18n import _
from ._common import Warn, bank_inputs, load_library, require_questions, reviewed_only

if TYPE_CHECKING:
    from ..anki import DeckSummary


@dataclass(frozen=True)
class DeckRun:
    """What :func:`export_deck` did: the package written at ``path`` and what it holds (``deck``:
    notes and cards per deck)."""

    deck: DeckSummary
    path: Path

    @property
    def summary(self) -> str:
        """The lines ``studykit anki`` prints: the file, its notes, cards and decks, then one line a deck."""
        return self.deck.report(self.path)


def export_deck(
    bank_paths: Sequence[str | Path],
    path: str | Path | None = None,
    *,
    speeches: Sequence[str] = (),
    timestamp: float | None = None,
    include_drafts: bool = False,
    warn: Warn | None = None,
) -> DeckRun:
    """Write the Anki package of the banks at ``bank_paths`` (none: the default bank) at ``path``
    (default: ``<bank id>.apkg`` in the working folder) with :func:`~studykit.anki.write_deck`.

    ``speeches`` narrows to these parts (speech ids; default all); ``timestamp`` (seconds since
    the epoch) is the modification time of changed notes (default: now); questions still marked
    ``draft: true`` are left out unless ``include_drafts``.  Raises
    :class:`~studykit.errors.BankError` for a bank with errors,
    :class:`~studykit.errors.SelectionError` for an unknown speech id, and
    :class:`~studykit.errors.StudykitError` when ``path`` does not end in ``.apkg``, is one of the inputs or cannot be
    written (nothing is written then).  Bank warnings go to ``warn`` as they are met.
    """
    from .._gc import gc_paused
    from .._output import refuse_inputs
    from ..anki import write_deck

    with gc_paused():  # a bank read from the cache and its notes: many objects, no cycles
        library = load_library(bank_paths, warn)
        bank = library.merged()
        target = Path(path) if path is not None else Path(f"{bank.id}.apkg")
        if target.suffix.lower() != ".apkg":  # Anki imports nothing else
            raise StudykitError(
                _("'{value}' does not end in .apkg (Anki imports only .apkg packages)").format(value=target)
            )
        refuse_inputs([target], bank_inputs(bank))
        deck_banks = library if include_drafts else reviewed_only(library, one_or_many(speeches))
        require_questions(deck_banks, one_or_many(speeches))
        return DeckRun(write_deck(deck_banks, target, speeches=speeches, timestamp=timestamp), target)

"""Helpers the workflows share: the notes sink and the banks' loading with their warnings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..bank.inputs import bank_inputs as bank_inputs
from ..i18n import _
from ..library import path_list as path_list

if TYPE_CHECKING:
    from ..library import Library

#: Where a workflow passes each warning line as it is met (the CLI: stderr).
Warn = Callable[[str], None]


class Notes(list[str]):
    """The warning lines of one run, in order; each is also passed to ``warn`` when given."""

    def __init__(self, warn: Warn | None) -> None:
        super().__init__()
        self._warn = warn

    def add(self, line: str) -> None:
        self.append(line)
        if self._warn is not None:
            self._warn(line)

    def warning(self, message: str) -> None:
        """``warning: MESSAGE``, in the interface language."""
        self.add(_("warning: {message}").format(message=message))


def load_library(bank_paths: Sequence[str | Path], warn: Warn | None = None, *, strict: bool = False) -> Library:
    """:func:`~studykit.library.load_banks`, each bank warning passed to ``warn``."""
    from ..library import load_banks

    library = load_banks(path_list(bank_paths), strict=strict)
    for warning in library.warnings:
        if warn is not None:
            warn(warning)
    return library


def reviewed_only(library: Library, speeches: Sequence[str] = (), articles: Sequence[str] = ()) -> Library:
    """``library`` without its questions still marked ``draft: true``
    (:meth:`~studykit.library.Library.without_drafts`).

    Raises :class:`~studykit.errors.SelectionError` when that leaves no question at all though
    the banks (those of ``articles``, when given) have some (a bank just written by ``studykit
    draft``, nobody has reviewed it yet),
    or, with ``speeches`` (and ``articles``) as given to ``--speech`` (``--article``), none of
    those speeches' questions though they have some: an empty paper, deck or handout would
    say nothing of why.
    """
    from ..bank import without_drafts
    from ..errors import SelectionError
    from ..i18n import join

    kept = library.without_drafts()
    try:  # --article: the articles asked for are the ones to name (an unknown one: the caller says so)
        scope = library.select(articles)
    except SelectionError:
        scope = library
    paths = join(str(b.path) for b in scope.banks)
    if any(b.questions for b in scope.banks) and not any(without_drafts(b).questions for b in scope.banks):
        raise SelectionError(
            _(
                "every question in {paths} is still a draft: review them (delete each 'draft: true' line "
                "you accept) or pass --include-drafts"
            ).format(paths=paths)
        )
    if speeches and selected_count(library, speeches, articles) and selected_count(kept, speeches, articles) == 0:
        raise SelectionError(
            _(
                "every question of speech {speeches} in {paths} is still a draft: review them (delete each "
                "'draft: true' line you accept) or pass --include-drafts"
            ).format(speeches=join(speeches), paths=paths)
        )
    return kept


def selected_count(library: Library, speeches: Sequence[str], articles: Sequence[str] = ()) -> int | None:
    """How many questions of ``library`` belong to ``speeches`` (ids as ``--speech`` takes them)
    of ``articles`` (none: all); ``None`` when an id names no article or speech, which the
    caller's own check then names."""
    from ..errors import SelectionError

    try:
        bank, refs = library.narrow(articles, speeches)
    except SelectionError:
        return None
    if not set(refs) <= {s.id for s in bank.speeches}:
        return None
    wanted = set(refs)
    return sum(q.speech in wanted for q in bank.questions)


def require_questions(library: Library, speeches: Sequence[str]) -> None:
    """Raise :class:`~studykit.errors.SelectionError` when ``speeches`` (given, known) hold no
    question of ``library``: a deck or handout of them would be empty."""
    from ..errors import SelectionError
    from ..i18n import join

    if speeches and selected_count(library, speeches) == 0:
        raise SelectionError(
            _("no question in {bank} matches {criteria}").format(
                bank=join(str(b.path) for b in library.banks),
                criteria=_("speech {values}").format(values=join(speeches)),
            )
        )

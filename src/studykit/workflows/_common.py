"""Helpers the workflows share: the notes sink and the banks' loading with their warnings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _

if TYPE_CHECKING:
    from ..library import Library
    from ..model import Bank

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

    library = load_banks(bank_paths, strict=strict)
    for warning in library.warnings:
        if warn is not None:
            warn(warning)
    return library


def bank_inputs(bank: Bank) -> dict[Path, str]:
    """The bank's own files, which no output may overwrite (not even through a symbolic link)."""
    inputs = {bank.path: _("the bank")}
    inputs.update((bank.root / s.material, _("a material file of the bank")) for s in bank.speeches)
    inputs.update((bank.root / rel, _("a file of the bank")) for rel in bank.files if bank.root / rel not in inputs)
    return inputs

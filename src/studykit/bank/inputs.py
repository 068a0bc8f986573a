"""The files a bank was read from, which no output may overwrite."""

from __future__ import annotations

from pathlib import Path

from ..i18n import _
from ..model import Bank


def bank_inputs(bank: Bank) -> dict[Path, str]:
    """The bank's own files (path → what it is, in the interface language: the bank, a material
    file, another file it names), which no output may overwrite (not even through a symbolic
    link; see :func:`studykit._output.refuse_inputs`)."""
    inputs = {bank.path: _("the bank")}
    inputs.update((bank.root / s.material, _("a material file of the bank")) for s in bank.speeches)
    inputs.update((bank.root / rel, _("a file of the bank")) for rel in bank.files if bank.root / rel not in inputs)
    return inputs

"""``studykit practice`` as a library call: draw the self-check page's items and write the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..bank.select import one_or_many
from ..i18n import _
from ._common import Warn, bank_inputs, load_library

if TYPE_CHECKING:
    from ..practice import Practice


@dataclass(frozen=True)
class PracticeRun:
    """What :func:`write_practice` did: the ``practice`` page's items written at ``path``, and
    whether its ``seed`` was drawn (``seed_drawn``: no seed was given, so it is worth showing)."""

    practice: Practice
    path: Path
    seed_drawn: bool

    @property
    def summary(self) -> list[str]:
        """The lines to show: the seed to rerun with (when it was drawn) and what was written."""
        page = self.practice
        lines = [_("seed: {seed} — rerun with --seed {seed}").format(seed=page.seed)] if self.seed_drawn else []
        lines.append(
            _("wrote {path}: {n} questions ({quiz_id})").format(path=self.path, n=len(page.items), quiz_id=page.quiz_id)
        )
        return lines


def write_practice(
    bank_paths: Sequence[str | Path],
    path: str | Path,
    *,
    count: int | None = None,
    seed: int | None = None,
    speeches: Sequence[str] = (),
    tags: Sequence[str] = (),
    warn: Warn | None = None,
    articles: Sequence[str] = (),
    title: str | None = None,
) -> PracticeRun:
    """Draw the self-check page of the banks at ``bank_paths`` (none: the default bank; drafts
    left out) with :func:`~studykit.practice.build_practice` and write it at ``path`` (from
    :func:`~studykit.practice.practice_path`) in one all-or-nothing write.

    ``count``, ``seed``, ``articles``, ``speeches``, ``tags`` and ``title`` mean what they mean for
    ``studykit quiz`` (a year's banks: ``articles=["xiangcun"]``, ``title="年终竞赛自测"``).
    Raises :class:`~studykit.errors.BankError` for a bank with errors,
    :class:`~studykit.errors.SelectionError` when the options select nothing (or only drafts),
    and :class:`~studykit.errors.StudykitError` when ``path`` is one of the inputs or ends in
    another suffix than ``.html``/``.htm`` (none: ``.html`` is added).  Bank
    warnings go to ``warn`` as they are met.
    """
    from .._output import refuse_inputs, write_files
    from ..practice import build_practice, practice_path, render_practice

    path = practice_path(Path(path))  # .html (added when there is no suffix); another suffix is refused
    bank, narrowed = load_library(bank_paths, warn).narrow(one_or_many(articles), one_or_many(speeches))
    page = build_practice(bank, count=count, seed=seed, speeches=narrowed, tags=tags, title=title)
    refuse_inputs([path], bank_inputs(bank))
    write_files({path: render_practice(page).encode("utf-8")})
    return PracticeRun(page, path, seed is None)

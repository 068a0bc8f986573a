"""``studykit handout`` as a library call: build the review handout and write it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..bank.load import parts_text
from ..bank.select import one_or_many
from ..i18n import _, ngettext
from ._common import Notes, Warn, bank_inputs, load_library, require_questions, reviewed_only

if TYPE_CHECKING:
    from ..handout import Handout


@dataclass(frozen=True)
class HandoutRun:
    """What :func:`make_handout` did: the ``handout`` written at ``path``, the ``summary`` line to
    show and every warning line in ``notes``."""

    handout: Handout
    path: Path
    summary: str
    notes: list[str] = field(default_factory=list)


def make_handout(
    bank_paths: Sequence[str | Path],
    path: str | Path,
    fmt: str,
    *,
    speeches: Sequence[str] = (),
    report_path: str | Path | None = None,
    include_drafts: bool = False,
    warn: Warn | None = None,
) -> HandoutRun:
    """Build the handout of the banks at ``bank_paths`` (none: the default bank), narrowed to
    ``speeches``, with :func:`~studykit.handout.build_handout` and write it at ``path`` in format
    ``fmt`` (``md``, ``html``, ``docx``; as from :func:`~studykit.render.output_target`).

    With ``report_path`` (a JSON report of ``grade``) only what the group got wrong, drafts
    included (they were on the paper); a bank changed since the quiz, a question no longer in
    the bank and no item below the pass mark are warnings.  ``path`` may be none of the inputs.
    Each warning line goes to ``warn`` as it is met.

    Raises :class:`~studykit.errors.BankError` for a bank with errors,
    :class:`~studykit.errors.SelectionError` for an unknown speech id, and
    :class:`~studykit.errors.StudykitError` for an unknown ``fmt``, a ``report_path`` that is
    missing or not a grade report (or of a quiz on another bank), and a ``path`` that is one of
    the inputs or cannot be written (nothing is written then).
    """
    from .._output import refuse_inputs, write_files
    from ..handout import build_handout, load_report
    from ..render import output_target, render_handout

    path, fmt = output_target(Path(path), fmt)  # a suffix naming another format is refused
    report_path = Path(report_path) if report_path is not None else None
    notes = Notes(warn)
    library = load_library(bank_paths, warn)
    report = load_report(report_path) if report_path is not None else None
    # a report's questions were on a paper, reviewed or not: its drafts are the ones to reread
    selected = one_or_many(speeches)
    reviewed = library if include_drafts or report is not None else reviewed_only(library, selected)
    if report is None:
        require_questions(reviewed, selected)
    bank, narrowed = reviewed.narrow((), one_or_many(speeches), like=report.bank_id if report else "")
    if (
        report is not None
        and report.bank_id == bank.id  # another bank altogether is an error of build_handout's
        and report.bank_fingerprint
        and report.bank_fingerprint != bank.fingerprint
    ):
        notes.warning(
            _("the bank {path} changed since the quiz of {report}; facts come from it").format(
                path=bank.path, report=report_path
            )
        )
    result = build_handout(bank, narrowed, report)
    if result.fallback:
        notes.add(_("note: no item is below the pass mark; the handout keeps the weakest speeches' missed items"))
    for qid in result.missing:
        notes.warning(_("question {id!r} of {report} is not in the bank; left out").format(id=qid, report=report_path))
    inputs = bank_inputs(bank)
    if report_path is not None:
        inputs[report_path] = _("the grade report")
    refuse_inputs([path], inputs)
    write_files({path: render_handout(result, fmt)})
    n, m = len(result.sections), result.facts
    speeches_text = ngettext("{n} speech", "{n} speeches", n).format(n=n)
    if not any(s.speaker for s in bank.speeches):  # a news report's or a notice's sections are no speeches
        speeches_text = parts_text(n)
    facts_text = ngettext("{n} fact", "{n} facts", m).format(n=m)
    summary = _("wrote {path}: {speeches}, {facts}").format(path=path, speeches=speeches_text, facts=facts_text)
    return HandoutRun(result, path, summary, list(notes))

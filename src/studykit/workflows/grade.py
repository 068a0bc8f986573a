"""``studykit grade`` as a library call: grade the answer files, write the report and the review decks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .._gc import gc_paused
from ..errors import AnswerFileError, StudykitError
from ..i18n import _, join
from ._common import Notes, Warn, path_list

if TYPE_CHECKING:
    from ..grade.group import GroupReport


@dataclass(frozen=True)
class GradeRun:
    """What :func:`grade_to_files` did: the group ``report``, its format ``fmt`` (``text``, ``csv``,
    ``json``, ``html``), the ``output`` written (``None``: nothing, the caller shows the report),
    the review decks' summary (``""`` without decks) and every warning line in ``notes``."""

    report: GroupReport
    fmt: str
    output: Path | None
    decks: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def failed_files(self) -> list[str]:
        """The files (or tables) with a row or sheet that could not be graded, in order, once each."""
        return list(dict.fromkeys(p.file for p in self.report.failures))

    def failure_message(self) -> str:
        """``not everything could be graded: A, B, C and N more (see above); …``, or ``""``."""
        files = self.failed_files
        if not files:
            return ""
        shown = join(files[:3]) + (_(" and {n} more").format(n=len(files) - 3) if len(files) > 3 else "")
        return _("not everything could be graded: {files} (see above); the report covers the rest").format(files=shown)


@gc_paused()  # the whole command: key, bank, grading and writing make no reference cycles to collect
def grade_to_files(
    answers: Sequence[str | Path],
    key_paths: Sequence[str | Path],
    *,
    bank_paths: Sequence[str | Path] = (),
    output: str | Path | None = None,
    fmt: str | None = None,
    multiple_scoring: str | None = None,
    pass_mark: float = 60.0,
    name_column: str | None = None,
    encoding: str | None = None,
    review_dir: str | Path | None = None,
    warn: Warn | None = None,
    on_file: Callable[[str], None] | None = None,
) -> GradeRun:
    """Grade ``answers`` (files or folders) against the keys at ``key_paths`` (the versions of one
    quiz) and write the report to ``output`` (format ``fmt``, else from its suffix) and each
    member's 错题本 deck into ``review_dir``, all in one all-or-nothing write.

    Policies: ``output`` may be none of the inputs (answer files, keys, the bank and its
    material, also the bank chosen without ``bank_paths``) nor one of the decks; a format that
    disagrees with ``output``'s suffix raises :class:`~studykit.errors.OptionError` before
    anything is read; no member graded raises :class:`~studykit.errors.AnswerFileError` (without
    ``warn``, each file's problem is in its ``details``).  Paths may be ``str`` or ``Path``; one
    path alone (``"答卷/"``) in place of a list is that path.
    Files that cannot be graded do not stop the rest: they are in ``report.failures`` (see
    :meth:`GradeRun.failure_message`).  Each warning line goes to ``warn`` as it is met.
    """
    from .._output import Content, refuse_overwrite, same_file, write_files
    from ..bank import default_bank_path
    from ..grade import choose_bank, grade_files, report_writer
    from ..grade.readers import answer_files
    from ..grade.report import output_format
    from ..grade.versions import key_set
    from ..key import load_key

    answers, key_paths, bank_paths = path_list(answers), path_list(key_paths), path_list(bank_paths)
    output = Path(output) if output is not None else None
    review_dir = Path(review_dir) if review_dir is not None else None
    notes = Notes(warn)
    if output is not None:
        refuse_overwrite(output, map(Path, answer_files(answers)), _("one of the files given to grade"))
        refuse_overwrite(output, map(Path, key_paths), _("the answer key"))
        refuse_overwrite(output, map(Path, bank_paths), _("the bank"))
    fmt = output_format(output, fmt)  # before anything is read: a report in 成绩.xlsx would not open in Excel
    key = key_set([load_key(path) for path in key_paths])
    bank, note = choose_bank(key, tuple(bank_paths))
    if output is not None:  # the bank picked without --bank, and the article, are inputs too
        refuse_overwrite(output, [bank.path if bank else default_bank_path()], _("the bank"))
        if bank is not None:
            refuse_overwrite(output, [bank.root / s.material for s in bank.speeches], _("a material file"))
            refuse_overwrite(output, [bank.root / rel for rel in bank.files], _("a file of the bank"))
    if note:
        notes.warning(note)
    if review_dir is not None:
        from ..review import check_review_bank

        check_review_bank(key, bank)
    report = grade_files(  # the report's note on the bank is its own, in the report's language
        answers, key, multiple_scoring=multiple_scoring, pass_mark=pass_mark, bank=bank,
        name_column=name_column, encoding=encoding, on_problem=lambda p: notes.add(str(p)), on_file=on_file,
    )  # fmt: skip
    if not report.member_count:  # each file's problem went to warn; without warn, the caller sees them here
        raise AnswerFileError(_("no answers could be graded"), () if warn is not None else tuple(notes))
    outputs: dict[Path, Content] = {}
    if output is not None:
        outputs[output] = report_writer(report, fmt)
    decks = ""
    if review_dir is not None and bank is not None:
        from ..review import review_deck_files

        summary, deck_files = review_deck_files(report, bank, review_dir)
        for deck in summary.decks:
            if output is not None and same_file(output, review_dir / deck.file):
                raise StudykitError(
                    _(
                        "-o {output} is the review deck of {member!r}; refusing to overwrite it — choose another path"
                    ).format(output=output, member=deck.member)
                )
        outputs.update(deck_files)
        decks = summary.report(review_dir)
    # the report and the decks in one all-or-nothing write: a deck that cannot be written
    # leaves the earlier report (and decks) as they were; to stdout, the decks come first
    if outputs:
        write_files(outputs)
    return GradeRun(report, fmt, output, decks, list(notes))

"""``studykit quiz`` as a library call: draw the papers and write every file of the quiz."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..bank.select import one_or_many
from ..i18n import _, join
from ._common import Notes, Warn, bank_inputs, load_library, reviewed_only

if TYPE_CHECKING:
    from ..quiz import Paper


@dataclass(frozen=True)
class QuizRun:
    """What :func:`write_quiz` did: the ``papers`` (one per version), the ``files`` written (path →
    bytes, in writing order), the ``summary`` lines to show (the seed when none was given, the
    quiz and the files) and every warning line in ``notes``."""

    papers: list[Paper]
    files: dict[Path, bytes]
    summary: list[str]
    notes: list[str] = field(default_factory=list)


def write_quiz(
    bank_paths: Sequence[str | Path],
    path: str | Path,
    fmt: str,
    *,
    count: int | None = None,
    seed: int | None = None,
    versions: int = 1,
    articles: Sequence[str] = (),
    speeches: Sequence[str] = (),
    types: Sequence[str] = (),
    tags: Sequence[str] = (),
    difficulties: Sequence[int] = (),
    title: str | None = None,
    points: Mapping[str, float] | None = None,
    mix: Mapping[str, int] | None = None,
    total: float | None = None,
    include_drafts: bool = False,
    force: bool = False,
    warn: Warn | None = None,
) -> QuizRun:
    """Draw the quiz from the banks at ``bank_paths`` (none: the default bank) with
    :func:`~studykit.quiz.build_papers` and write its files at ``path`` in format ``fmt`` (as
    from :func:`~studykit.render.output_target`) all-or-nothing.

    Policies: drafts are left out unless ``include_drafts``; no file may be one of the bank's;
    an existing answer key with other content is refused unless ``force``
    (:class:`~studykit.errors.KeyFileError`) and a replaced one is warned about; items that may
    give each other away, a mix the bank cannot fill and a paper shorter than aimed at are
    warnings.  Each warning line goes to ``warn`` as it is met.

    Raises :class:`~studykit.errors.BankError` for a bank with errors,
    :class:`~studykit.errors.SelectionError` for options that select too few questions (an unknown
    speech id, article, type), and :class:`~studykit.errors.StudykitError` for an unknown ``fmt``,
    a file that is one of the bank's or that cannot be written (nothing is written then).
    """
    from .._output import refuse_inputs, write_files
    from ..key import refuse_key_overwrite
    from ..mix import shortfall_note
    from ..quiz import build_papers, default_count, format_points, giveaway_pairs, mix_shortfall
    from ..render import output_target, quiz_files, replaced_keys

    path, fmt = output_target(Path(path), fmt, publish=True)  # a suffix naming another format is refused
    notes = Notes(warn)
    library = load_library(bank_paths, warn)
    if not include_drafts:
        library = reviewed_only(library, one_or_many(speeches), one_or_many(articles))
    bank, speeches = library.narrow(one_or_many(articles), one_or_many(speeches))
    types, tags, difficulties = one_or_many(types), one_or_many(tags), one_or_many(difficulties)
    papers = build_papers(
        bank, count=count, seed=seed, versions=versions, speeches=speeches, types=types, tags=tags,
        difficulties=difficulties, points=dict(points or {}), title=title, mix=mix, total=total,
    )  # fmt: skip
    files = quiz_files(papers, path, fmt)
    refuse_inputs(files, bank_inputs(bank))
    if not force:
        refuse_key_overwrite(files)
    replaced = replaced_keys(files, papers[0].quiz_id)
    write_files(files)
    for warning in replaced:
        notes.add(warning)
    pairs = giveaway_pairs(bank, papers[0])
    if pairs:
        a, b = pairs[0]
        if len(pairs) > 1:
            message = _(
                "{pairs} pairs of items, e.g. items {a} and {b} ({a_id}, {b_id}) may give each other "
                "away: no draw of {count} tried for this seed avoids it (ask for fewer)"
            )
        else:
            message = _(
                "items {a} and {b} ({a_id}, {b_id}) may give each other "
                "away: no draw of {count} tried for this seed avoids it (ask for fewer)"
            )
        notes.warning(
            message.format(
                pairs=len(pairs),
                a=a.number,
                b=b.number,
                a_id=a.question.id,
                b_id=b.question.id,
                count=len(papers[0].items),  # the items drawn (with --mix or the standard paper, count is None)
            )
        )
    paper = papers[0]
    shown = len(paper.items)
    aimed = default_count(bank, speeches, types, tags, difficulties)
    shortfall = mix_shortfall(bank, speeches, tags, difficulties) if count is None and mix is None and not types else []
    if shortfall:
        notes.add(shortfall_note(shortfall))
    if count is None and mix is None and shown < aimed:
        notes.add(
            _(
                "note: {shown} questions, not {aimed}: "
                "no draw tried for this seed gave more without two that give each other away "
                "(another --seed may; --count forces the number)"
            ).format(shown=shown, aimed=aimed)
        )
    summary = [_("seed: {seed} — rerun with --seed {seed}").format(seed=paper.seed)] if seed is None else []
    lettered = _(", versions {versions}").format(versions=join(p.version for p in papers)) if paper.version else ""
    summary.append(
        _("quiz {quiz_id}: {n} questions, {points} points{versions}").format(
            quiz_id=paper.quiz_id, n=len(paper.items), points=format_points(paper.total_points), versions=lettered
        )
    )
    summary.append(_("wrote {files}").format(files=join(str(p) for p in files)))
    return QuizRun(papers, files, summary, list(notes))

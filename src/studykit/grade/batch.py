"""Grading a batch of files in one pass: read, grade, summarise — streamed.

Each submission is graded as soon as it is read and then dropped; only the
per-member results the report shows are kept.  A bad file or row never stops
the batch: it becomes a failure in the report and the rest are graded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .._gc import gc_paused
from ..bank import default_bank_path, load_bank
from ..errors import AnswerFileError, BankError, Problem
from ..i18n import _, retellable, speaking
from ..key import AnswerKey
from ..library import ID_JOINER, load_banks, path_list
from ..model import Bank
from .group import GroupReport, MemberStore
from .model import MemberResult, Submission
from .readers import iter_inputs
from .readers.table import RowBlock, TableRow
from .scoring import check_pass_mark, check_rule, grade_submission, summarize_group
from .table_grader import TableGrader
from .versions import KeySet, in_first_letters, key_set, letter_maps, letters_note, version_form


class Versions:
    """The versions after the first of a :class:`~studykit.grade.versions.KeySet`, graded each with
    its own key and reported in the first version's letters (nothing for a single key)."""

    def __init__(self, key: AnswerKey, rule: str) -> None:
        self.others: dict[str, tuple[AnswerKey, TableGrader, list[dict[str, str]]]] = {}
        if isinstance(key, KeySet):
            for k in key.keys[1:]:
                self.others[version_form(k.version)] = (k, TableGrader(k, rule), letter_maps(key, k))
        self.noted = False

    def other(self, version: str) -> tuple[AnswerKey, TableGrader, list[dict[str, str]]] | None:
        """The key, table grader and letter maps of ``version`` when it is not the first one."""
        return self.others.get(version_form(version)) if self.others else None

    def grade(
        self,
        other: tuple[AnswerKey, TableGrader, list[dict[str, str]]],
        result: MemberResult,
        sink: Callable[[Problem], None],
    ) -> MemberResult:
        """``result``, graded with ``other``'s key, in the first version's letters; the note once."""
        if not self.noted:
            self.noted = True
            sink(Problem(result.source, 0, "", letters_note(), "warning"))
        return in_first_letters(result, other[2])


def choose_bank(key: AnswerKey, bank_path: str | Path | Sequence[str | Path] | None) -> tuple[Bank | None, str]:
    """The bank to take 解析 and reread hints from, and a note about it ("" if none).

    With ``bank_path`` the bank is loaded (a broken bank raises
    :class:`~studykit.errors.BankError`); if its id or fingerprint differs from
    the key's, the note warns that the bank changed since the quiz was printed —
    it is still used for hints, never for scores — or, for another article's bank
    (:func:`hints_fit`), that its hints are left out (:func:`grade_files` does not use it).  Without ``bank_path`` the
    default bank is used only when it loads and its fingerprint matches the key's.

    ``bank_path`` may also be several paths or folders of banks
    (:func:`~studykit.library.load_banks`): the key's banks are taken from them
    (:meth:`~studykit.library.Library.merged_as`), so a key drawn from several
    articles, or from one article of a folder of banks, finds its bank(s).
    """
    paths = path_list(bank_path or ())
    if not paths:
        try:
            bank = load_bank(default_bank_path())
        except BankError:
            return None, ""
        return (bank, "") if key.bank_fingerprint and bank.fingerprint == key.bank_fingerprint else (None, "")
    bank = load_banks(paths).merged_as(key.bank_id)
    return bank, bank_note_for(key, bank)


def bank_note_for(key: AnswerKey, bank: Bank) -> str:
    """The note on ``bank`` as the source of 解析 and reread hints for ``key``'s quiz: that it is
    another article's bank, or that it changed since the quiz was printed; ``""`` when it is the
    quiz's bank as it was."""
    if not hints_fit(key, bank):
        return _(
            "the bank {path} is {id!r} but the quiz was made from {key_bank!r}; its 解析 and reread hints are "
            "left out, as they would be another question's (scores come from the key alone)"
        ).format(path=bank.path, id=bank.id, key_bank=key.bank_id)
    if bank.id != key.bank_id:
        return _(
            "the bank {path} is {id!r} but the quiz was made from {key_bank!r}; "
            "解析 and reread hints may not fit (scores come from the key alone)"
        ).format(path=bank.path, id=bank.id, key_bank=key.bank_id)
    if bank.fingerprint != key.bank_fingerprint:
        return _(
            "the bank {path} changed since the quiz was printed (its fingerprint differs from the key's); "
            "解析 and reread hints come from the current bank, scores from the key alone"
        ).format(path=bank.path)
    return ""


def hints_fit(key: AnswerKey, bank: Bank) -> bool:
    """Whether ``bank`` may give ``key``'s items their 解析 and reread hints: it is, or holds (merged
    with others, ids ``a+b``), one of the banks the quiz was drawn from.  Another article's bank may
    share question ids (``intro-d01``) with the quiz's, for other questions."""
    return not set(bank.id.split(ID_JOINER)).isdisjoint(key.bank_id.split(ID_JOINER))


@retellable()  # each problem's message said on the console as made, in the report in Chinese
def grade_files(
    paths: Iterable[str | Path],
    key: AnswerKey | Sequence[AnswerKey],
    *,
    multiple_scoring: str | None = None,
    pass_mark: float = 60.0,
    bank: Bank | None = None,
    bank_note: str = "",
    name_column: str | None = None,
    encoding: str | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    on_file: Callable[[str], None] | None = None,
) -> GroupReport:
    """Read and grade every answer file in ``paths`` against ``key``; the group report.

    Options as in :func:`~studykit.grade.readers.iter_answers`,
    :func:`~studykit.grade.scoring.grade_submission` and
    :func:`~studykit.grade.scoring.summarize_group`.  Every warning and failure
    is passed to ``on_problem`` as it is met and kept in the report; a member
    name met twice is a warning.  Raises :class:`AnswerFileError` for an unknown
    ``encoding`` and :class:`~studykit.errors.OptionError` for an unknown rule or a pass mark
    out of 0–100.  ``paths`` may be one path (a file or a folder) alone.  A ``bank`` changed
    since the quiz is still used for hints; another article's (:func:`hints_fit`) is not used at
    all, the members graded without 解析 or reread hints; either way with
    :func:`bank_note_for`'s note (in Chinese, the report's language) in the report unless ``bank_note``
    is given.

    ``key`` may be several keys, the versions (A, B, …) of one quiz: each sheet or row is
    graded with the key of its 版本 and the one report covers everyone, in the first
    version's letters (see :mod:`studykit.grade.versions`); raises
    :class:`~studykit.errors.KeyFileError` when they are not the versions of one quiz.
    Folders among ``paths`` stand for the answer files inside them.
    """
    paths = path_list(paths)  # one file or folder alone is that one
    key = key if isinstance(key, AnswerKey) else key_set(list(key))
    rule = check_rule(multiple_scoring or key.multiple_scoring)
    if bank is not None and not bank_note:  # another article's bank, or one changed since the quiz
        with speaking("zh"):  # in the report's language
            bank_note = bank_note_for(key, bank)
    if bank is not None and not hints_fit(key, bank):  # another article's: no 解析, labels or 重读 from it
        bank = None
    warnings: list[Problem] = []
    failures: list[Problem] = []

    def sink(p: Problem) -> None:
        (failures if p.severity == "error" else warnings).append(p)
        if on_problem:
            on_problem(p)

    grader = TableGrader(key, rule)
    versions = Versions(key, rule)
    check_pass_mark(pass_mark)  # before anything is read, as summarize_group would
    members = MemberStore(grader.table)
    seen = _Seen(members)  # the names graded so far

    def grade_all() -> None:
        for got in iter_inputs(
            paths, key, name_column=name_column, encoding=encoding, on_problem=sink, on_file=on_file, blocks=True
        ):
            if type(got) is RowBlock:
                block = got
                if _block(grader, versions, block, seen, members):
                    continue
                rows: Iterable[Submission | TableRow] = block
            else:
                rows = (got,)  # type: ignore[assignment]
            for row in rows:
                result = _one(grader, versions, row, rule, key, sink)
                if result is None:
                    continue
                if result.warnings:
                    for w in result.warnings:
                        sink(w)
                first = seen.first(result.name)
                if first is not None:
                    sink(
                        Problem(
                            result.source,
                            result.line,
                            result.name,
                            _("this name was graded before ({where}); both are reported").format(
                                where=members.where(first)
                            ),
                            "warning",
                        )
                    )
                members.add(result)

    with gc_paused():  # the problems are all met once every file is graded, before the report is made
        grade_all()
        seen.forget()  # its memory is the item analysis's to reuse
        return summarize_group(
            members, key, bank=bank, pass_mark=pass_mark, multiple_scoring=rule, bank_note=bank_note,
            warnings=warnings, failures=failures,
        )  # fmt: skip


def _one(
    grader: TableGrader,
    versions: Versions,
    got: Submission | TableRow,
    rule: str,
    key: AnswerKey,
    sink: Callable[[Problem], None],
) -> MemberResult | None:
    """One row or sheet graded (``None`` when it cannot be: the failure is sunk)."""
    if type(got) is tuple:
        name, source, line, cells, _row, version = got
        other = versions.other(version)
        if other is None:
            return grader.grade(name, source, line, cells)
        return versions.grade(other, other[1].grade(name, source, line, cells), sink)
    sub: Submission = got  # type: ignore[assignment]
    other = versions.other(sub.version)
    try:
        result = grade_submission(sub, key if other is None else other[0], rule)
    except AnswerFileError as exc:
        sink(Problem(sub.source, sub.line, sub.name, exc.message))
        return None
    return result if other is None else versions.grade(other, result, sink)


def _block(grader: TableGrader, versions: Versions, block: RowBlock, seen: _Seen, members: MemberStore) -> bool:
    """Grade a block of rows at once into ``members`` when it needs no warning: the first key's
    rows (no other version), each cell met before, each name new (the names are then remembered
    in ``seen``); ``False`` (nothing graded, nothing remembered) otherwise."""
    if versions.other("") is not None:
        return False
    names = block.names
    if not seen.take(names):
        return False
    coded = grader.code_block(block.rows, sized=True)  # a block's rows: one cell per key item
    if coded is None:
        seen.give_back(names)
        return False
    members.add_block(names, block.source, block.lines, *coded)
    return True


class _Seen:
    """The names of ``members`` graded so far, for the warning on a name graded twice.

    A block's names (:meth:`take`) are kept in a set: grading a table of new names then costs one
    set lookup and one insertion a name (a dict of each name's index and its checks cost 1.9 % of
    grading 100,000 members).  The first time a name comes twice, where each block name stands is
    looked up once, from ``members``' blocks, and names are kept with their index from then on."""

    def __init__(self, members: MemberStore) -> None:
        self.members = members
        #: name → the index of the first member of that name, or of its block's start
        self.at: dict[str, int] = {}
        #: the names of blocks not yet in :attr:`at` (``None`` once they all are)
        self.in_blocks: set[str] | None = set()

    def take(self, names: list[str]) -> bool:
        """Remember ``names``, a block's, about to be added to ``members``: ``False`` (nothing
        remembered) when one of them was graded before or comes twice among them."""
        blocks = self.in_blocks
        if blocks is None:
            new = dict.fromkeys(names, len(self.members))
            if len(new) != len(names) or not self.at.keys().isdisjoint(new):
                return False
            self.at.update(new)
            return True
        if not blocks.isdisjoint(names) or (self.at and not self.at.keys().isdisjoint(names)):
            return False
        before = len(blocks)
        blocks.update(names)
        if len(blocks) - before != len(names):  # a name twice in the block: none of them was in before
            blocks.difference_update(names)
            return False
        return True

    def forget(self) -> None:
        """Drop every name (once the group is graded)."""
        self.at, self.in_blocks = {}, set()

    def give_back(self, names: list[str]) -> None:
        """Forget ``names``, just taken by :meth:`take`, of a block not added after all."""
        if self.in_blocks is None:
            for name in names:
                del self.at[name]
        else:
            self.in_blocks.difference_update(names)

    def first(self, name: str) -> int | None:
        """The index in ``members`` of the first member named ``name``, or ``None`` (``name`` is then
        remembered as the next member's)."""
        members = self.members
        if self.in_blocks is not None and name in self.in_blocks:  # where each block name stands, once
            for start, end in members.blocks:
                self.at.update(dict.fromkeys(members.names[start:end], start))
            self.in_blocks = None
        first = self.at.setdefault(name, len(members.names))
        if first == len(members.names):
            return None
        return members.names.index(name, first)  # a block's name: its own index

"""The handout of a bank, or of what a group got wrong: :func:`build_handout` (the policy is in
:mod:`studykit.handout`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import StudykitError
from ..i18n import _
from ..model import Bank, Speech
from .model import Fact, Handout, HandoutSection
from .report import GradeReportDigest, ReportItem
from .statements import attribution_fact, fact_of, one_line

#: Id suffix of the derived "who said this?" questions (see :mod:`studykit.attribution`).
QUOTE_SUFFIX = "-quote"


#: How many speeches a handout from a report keeps when no question is below the pass mark.
FALLBACK_SPEECHES = 3


TITLE = "学习要点"


def _percent(value: float) -> str:
    return f"{value:g}%"


def build_handout(bank: Bank, speeches: Sequence[str] = (), report: GradeReportDigest | None = None) -> Handout:
    """The handout of ``bank``: every speech (or those with ids in ``speeches``, in bank
    order) with the facts of its curated questions in bank order; with ``report``, only
    what the group scored worst on, worst first (see the module docstring).

    Raises :class:`~studykit.errors.SelectionError` for an unknown speech id and
    :class:`~studykit.errors.StudykitError` when ``report`` is of a quiz on
    another bank.
    """
    from ..bank.select import select_speeches

    selected = select_speeches(bank, speeches)
    if report is None:
        sections = []
        for s in selected:
            attribution = {q.fact for q in bank.questions if q.derived and q.fact}  # covered by the header
            facts = _dedupe(
                [
                    fact_of(q)
                    for q in bank.questions
                    if q.speech == s.id and not q.derived and not (q.fact and q.fact in attribution)
                ],
                bank,
            )
            if facts:
                sections.append(HandoutSection(s, tuple(facts)))
        return Handout(f"{TITLE} · {bank.title}", bank.provenance.describe(), tuple(sections))
    return _from_report(bank, selected, report)


def _dedupe(facts: list[Fact], bank: Bank) -> list[Fact]:
    """``facts`` without a fact whose whole source sentence another kept fact already states
    (punctuation aside): "10月17日，研讨会在华中师范大学举行" leaves nothing for "举办地点是
    华中师范大学" and "日期是10月17日" to add, and a statement naming a whole list covers the
    fill-in on one of its members (of two facts stating each other's source, the first stays);
    without a quoted fact (a false true_false's source) whose sentence another fact shows as its
    原文; and without a second fact of one ``fact`` name or a second identical statement."""
    stated = {f.source for f in facts if not f.quoted}
    bare = [(_bare_text(f.source), _bare_text(f.statement)) for f in facts]

    def covers(g: int, f: int) -> bool:  # g's statement states f's whole source
        return g != f and not facts[g].quoted and bool(bare[f][0]) and bare[f][0] in bare[g][1]

    dropped: set[int] = set()
    for n, f in enumerate(facts):
        if f.quoted and f.source in stated:
            dropped.add(n)
            continue
        for m in range(len(facts)):
            if m not in dropped and covers(m, n) and not (covers(n, m) and n < m):
                dropped.add(n)
                break
    seen: set[str] = set()
    kept: list[Fact] = []
    for n, f in enumerate(facts):
        if n in dropped:
            continue
        try:
            key = bank.question(f.question_id).fact or f.question_id
        except KeyError:
            key = f.question_id
        said = "said:" + "".join(f.statement.split()).rstrip("。")
        if key not in seen and said not in seen:
            seen.update((key, said))
            kept.append(f)
    return kept


def _bare_text(text: str) -> str:
    """``text`` without whitespace, punctuation or symbols: how a statement and a source compare."""
    return re.sub(r"[\W_]+", "", text)


def _from_report(bank: Bank, selected: Sequence[Speech], report: GradeReportDigest) -> Handout:
    if report.bank_id != bank.id:
        raise StudykitError(
            _(
                "the grade report {path} is of a quiz on the bank {report_bank!r}, "
                "but the bank {bank_path} is {bank!r} (give the quiz's bank with --bank)"
            ).format(path=report.path, report_bank=report.bank_id, bank_path=bank.path, bank=bank.id)
        )
    threshold = report.pass_mark / 100
    known = {q.id for q in bank.questions}
    missing = tuple(dict.fromkeys(i.question_id for i in report.items if i.question_id not in known))
    weak = [
        i for i in report.items if i.question_id in known and i.facility is not None and i.facility < threshold - 1e-9
    ]
    chosen = {s.id for s in selected}
    fallback = (
        [] if any(bank.question(i.question_id).speech in chosen for i in weak) else _weakest(bank, selected, report)
    )
    # a curated question sharing a derived attribution question's fact counts as that question
    attribution = {q.fact: q for q in bank.questions if q.derived and q.fact}
    sections: list[HandoutSection] = []
    for s in selected:
        mine = sorted(
            (i for i in (fallback or weak) if bank.question(i.question_id).speech == s.id),
            key=lambda i: (i.facility or 0.0, i.number),
        )
        facts: list[Fact] = []
        attributed = False
        for i in mine:
            q = bank.question(i.question_id)
            if not q.derived and q.fact in attribution:
                q = attribution[q.fact]
            if not q.derived:
                facts.append(fact_of(q, i.facility))
            elif q.id.endswith(QUOTE_SUFFIX):  # who said this sentence: the sentence, under the speaker
                facts.append(Fact(q.id, one_line(q.source), one_line(q.source), True, i.facility))
            elif not attributed:  # whose speech / whose post: one line per speech
                facts.append(attribution_fact(s, q.id, i.facility))
                attributed = True
        curated_sources = {f.source for f in facts if not bank.question(f.question_id).derived}
        facts = [f for f in facts if not (f.question_id.endswith(QUOTE_SUFFIX) and f.source in curated_sources)]
        facts = _dedupe(facts, bank)
        if facts:
            sections.append(HandoutSection(s, tuple(facts), report.shares.get(s.id)))
    sections.sort(key=lambda sec: (sec.share is None, sec.share or 0.0, sec.speech.number))
    who = f"{report.members} 人" if report.members else "无人"
    intro = (
        f"据测验 {report.quiz_id} 的成绩（{who}）：答对率低于及格线 {_percent(report.pass_mark)} 的题目，"
        "按得分率从低到高排列。"
    )
    empty = f"每道题的答对率都不低于及格线 {_percent(report.pass_mark)}，没有需要重点复习的要点。"
    where = elsewhere = ""
    if len(selected) < len(bank.speeches):  # --speech: only the chosen speeches were looked at
        others = sum(bank.question(i.question_id).speech not in chosen for i in weak)
        where, elsewhere = "所选篇目中", f"（其他篇目有 {others} 道题低于及格线）" if others else ""
        empty = f"所选篇目中{empty.removesuffix('。')}{elsewhere}。"
    if fallback and sections:  # nothing below the pass mark: the weakest speeches instead, and the intro says so
        n = len(sections)
        intro = (
            f"据测验 {report.quiz_id} 的成绩（{who}）：{where}没有答对率低于及格线 {_percent(report.pass_mark)} 的题目"
            f"{elsewhere}，以下是得分率最低的 {n} 个篇目中未被全部答对的题目，按答对率从低到高排列。"
        )
    title = f"{TITLE} · {report.title or bank.title}"
    return Handout(title, intro, tuple(sections), empty, missing, fallback=bool(fallback and sections))


def _weakest(bank: Bank, selected: Sequence[Speech], report: GradeReportDigest) -> list[ReportItem]:
    """The report items of the :data:`FALLBACK_SPEECHES` weakest chosen speeches (lowest share
    first, ties in article order) that someone did not answer fully right (facility below 1)."""
    known = {q.id for q in bank.questions}
    chosen = {s.id for s in selected}
    missed = [
        i
        for i in report.items
        if i.question_id in known
        and i.facility is not None
        and i.facility < 1 - 1e-9
        and bank.question(i.question_id).speech in chosen
    ]
    speeches = {bank.question(i.question_id).speech for i in missed}
    ranked = sorted(
        (s for s in selected if s.id in speeches),
        key=lambda s: (report.shares.get(s.id) is None, report.shares.get(s.id) or 0.0, s.number),
    )
    keep = {s.id for s in ranked[:FALLBACK_SPEECHES]}
    return [i for i in missed if bank.question(i.question_id).speech in keep]

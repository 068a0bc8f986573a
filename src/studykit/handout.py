"""The review handout (学习要点): the key facts of the questions, as statements, speech by speech.

::

    bank = load_bank()
    handout = build_handout(bank)                                  # every speech, bank order
    weak = build_handout(bank, report=load_report("成绩.json"))    # what the group got wrong, worst first
    data = render_handout(weak, "md")                              # studykit.render; or "html", "docx"

Each speech gets a header (speaker, post, heading) and one :class:`Fact` per
question: a statement made from the question (:func:`statement`) and the
source sentence it comes from.  Questions sharing a ``fact`` give one fact
(the first).  Derived attribution questions (``attr-…``: who gave which
speech, whose post is what, who said what) give no fact of their own — the
header states speaker, post and heading.  With a report, a speech whose heading
or post questions were missed gets one fact saying whose speech it is, and a
missed "who said this?" question gives its sentence, quoted under the
speaker's header (unless a kept fact of the speech already quotes it).

With a grade report (:func:`load_report`, the JSON of ``studykit grade``):

* a question is kept when its facility index (the share of members who earned
  its full points) is below the report's pass mark (``pass_mark`` / 100; 60 %
  by default), i.e. fewer members than the pass mark got it fully right;
* a speech is kept when at least one of its questions is kept;
* speeches come worst first by the group's mean share of their points
  (``speeches[].share`` of the report), ties in article order; facts within a
  speech by facility, lowest first, ties in the order printed on the paper;
* the report must come from a quiz on the same bank (same bank id); questions
  the bank no longer holds are skipped (:attr:`Handout.missing`);
* with no question kept, :attr:`Handout.empty` says every question is at or above
  the pass mark — with ``speeches`` narrowing the selection, every question of the
  chosen speeches, and how many of the others' are below it.

Everything is deterministic: the same bank and report give the same handout.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bank import BLANK_RE, CHOICE_MARKER
from .errors import StudykitError
from .model import Bank, Question, Speech

#: Sentence-final punctuation: a statement ending otherwise gets ``。``.
_FINAL = "。！？!?…"
#: Closing quotation marks: final only after sentence-final punctuation (``……。”``).
_CLOSING = "”’」』"
_WS_RE = re.compile(r"\s+")
#: Words that make a stem a question (it then cannot take the answer in place of its marker).
_INTERROGATIVE_RE = re.compile(
    r"哪|何时|何地|何处|何种|何人|为何|如何|什么|谁|几(?:个|种|项|条|年|月|日|次|方面|位)|多少|怎样|怎么|下列"
)
#: A question word a choice stem may ask with, that the answer can take the place of
#: ("在哪些方面独具优势" → "在地理位置、历史地位、国家战略方面独具优势").
_SLOT_RE = re.compile(r"怎样的|哪一方面|哪方面|哪次会议|哪两者|哪种|哪些|哪个|哪项|哪里|什么|何时|谁")
#: Id suffix of the derived "who said this?" questions (see :mod:`studykit.attribution`).
QUOTE_SUFFIX = "-quote"
#: The format version of the grade report this module reads.
REPORT_FORMAT = 1
TITLE = "学习要点"


@dataclass(frozen=True)
class Fact:
    """One key fact: the ``statement`` (plain text, ending in sentence punctuation) and the
    verbatim ``source`` sentence.  ``quoted`` marks a statement that *is* the source
    (a false true_false item: its stem must never be printed as a fact).  ``facility``
    (0–1) is the group's, with a report; else ``None``."""

    question_id: str
    statement: str
    source: str
    quoted: bool = False
    facility: float | None = None


@dataclass(frozen=True)
class HandoutSection:
    """The facts of one speech; ``share`` (0–1) is the group's mean share of its points, with a report."""

    speech: Speech
    facts: tuple[Fact, ...]
    share: float | None = None

    @property
    def header(self) -> str:
        """``"任剑涛（清华大学社会科学学院教授）：大都市是省域治理重要落点"``; ``"导语：<heading>"``."""
        s = self.speech
        if not s.speaker:
            return f"导语：{s.heading}"
        return f"{s.speaker}（{s.position}）：{s.heading}" if s.position else f"{s.speaker}：{s.heading}"


@dataclass(frozen=True)
class Handout:
    """A handout: ``title``, a one-line ``intro`` (provenance, or how the report chose the facts),
    the sections in print order, and ``empty`` — the line printed when there is no section.
    ``missing`` lists question ids of the report that the bank lacks."""

    title: str
    intro: str
    sections: tuple[HandoutSection, ...]
    empty: str = ""
    missing: tuple[str, ...] = ()

    @property
    def facts(self) -> int:
        return sum(len(s.facts) for s in self.sections)


# -- statements ------------------------------------------------------------------------


def _sentence(text: str) -> str:
    """``text`` on one line, ending in sentence punctuation (``。`` added when it does not)."""
    text = _WS_RE.sub(" ", text).strip()
    body = text.rstrip(_CLOSING)
    return text if not text or (body and body[-1] in _FINAL) else text + "。"


def one_line(text: str) -> str:
    """``text`` with every whitespace run (line breaks too) made one space, stripped."""
    return _WS_RE.sub(" ", text).strip()


def statement(question: Question) -> tuple[str, bool]:
    """``(statement, quoted)``: ``question``'s key fact as a sentence, and whether it is the source.

    * fill_blank: the stem with its blank filled by the first accepted answer;
    * true_false true: the stem; false: the source sentence (``quoted``);
    * single: the stem with ``（ ）`` replaced by the correct option; multiple:
      by the correct options joined with ``、``, in the source's order when it says them all;
    * a choice stem that asks with one question word the answer can stand in for
      (:data:`_SLOT_RE`: 怎样的, 哪些, 哪种, 哪次会议, 什么 …) and no 下列 gets the answer in
      its place (``怎样的`` → ``<answer>的``), a word the answer ends with not repeated
      after it (哪种优势 answered 政治优势 → 政治优势);
    * any other choice stem that asks (``？``, 哪, 何时/何种/如何 …, 什么, 谁, 几个/几项 …,
      多少, 怎样/怎么, 下列) or lacks the marker reads ``"<stem>：<answer>。"`` instead.

    A statement ends in sentence punctuation (``。`` added when needed).
    """
    stem = one_line(question.stem)
    if question.type == "fill_blank":
        return _sentence(BLANK_RE.sub(question.answer[0], stem, count=1)), False
    if question.type == "true_false":
        if question.truth:
            return _sentence(stem.replace(CHOICE_MARKER, "").strip()), False
        return _sentence(one_line(question.source)), True
    answer = "、".join(_in_source_order(question.correct_options, one_line(question.source)))
    before, marker, after = stem.partition(CHOICE_MARKER)
    before = before.rstrip()
    asks = before.endswith(("？", "?")) or _INTERROGATIVE_RE.search(before + after) is not None
    if marker and not asks:
        return _sentence(f"{before}{answer}{after.strip()}"), False
    filled = _fill_slot(before + after.strip(), answer) if marker and "下列" not in stem else None
    if filled:
        return _sentence(filled), False
    lead = (before + after.strip()).rstrip("？?：:，,。 ")
    return _sentence(f"{lead}：{answer}"), False


def _in_source_order(options: tuple[str, ...], source: str) -> tuple[str, ...]:
    """``options`` in the order the source says them when it says every one of them (a multiple's
    letters are shuffled: 特色种植、农产品加工、乡村旅游 must not read 农产品加工、乡村旅游、特色种植),
    else as given."""
    where = [source.find(o) for o in options]
    if len(options) < 2 or min(where) < 0:
        return options
    return tuple(o for _, o in sorted(zip(where, options, strict=True)))


def _fill_slot(text: str, answer: str) -> str | None:
    """``text`` with its one question word (:data:`_SLOT_RE`) replaced by ``answer``; ``None``
    when it has none or several.  A word of two to four characters that ``answer`` ends with
    and that follows the question word is not repeated."""
    slots = list(_SLOT_RE.finditer(text))
    if len(slots) != 1:
        return None
    slot = slots[0]
    rest = text[slot.end() :].rstrip("？?：:，,。 ")
    for k in range(min(4, len(answer)), 1, -1):
        if rest.startswith(answer[-k:]):
            rest = rest[k:]
            break
    filler = answer + "的" if slot.group() == "怎样的" else answer
    return text[: slot.start()] + filler + rest


def fact_of(question: Question, facility: float | None = None) -> Fact:
    """The :class:`Fact` of a curated question."""
    text, quoted = statement(question)
    return Fact(question.id, text, one_line(question.source), quoted, facility)


def attribution_fact(speech: Speech, question_id: str, facility: float | None = None) -> Fact:
    """The one fact standing for a speech's attribution questions: whose speech it is."""
    line = " ".join(p for p in (speech.speaker, speech.position) if p)
    text = f"“{speech.heading}”是{speech.position}{speech.speaker}的发言。"
    return Fact(question_id, text, f"{speech.heading} {line}", facility=facility)


# -- the grade report ------------------------------------------------------------------


@dataclass(frozen=True)
class ReportItem:
    """One question of a grade report: printed ``number``, id, speech and facility (0–1 or ``None``)."""

    number: int
    question_id: str
    speech: str
    facility: float | None


@dataclass(frozen=True)
class GradeReportDigest:
    """What a handout needs of a ``studykit grade`` JSON report (format ``studykit_grade_report: 1``).

    ``pass_mark`` is a percentage (0–100); ``shares`` maps a speech id to the
    group's mean share of its points (0–1 or ``None``).
    """

    path: str
    quiz_id: str
    title: str
    bank_id: str
    bank_fingerprint: str
    pass_mark: float
    members: int
    items: tuple[ReportItem, ...]
    shares: dict[str, float | None]


def load_report(path: str | Path) -> GradeReportDigest:
    """Read the JSON report ``studykit grade --format json`` wrote.

    Raises :class:`~studykit.errors.StudykitError` naming the file (and the line
    for invalid JSON, the field for a missing or mistyped one) when it is
    missing, not JSON, another format version, or not a grade report.
    """
    name = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise StudykitError(f"grade report {name} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StudykitError(f"cannot read grade report {name}: {exc}") from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise StudykitError(
            f"{name}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); "
            "expected the JSON report of studykit grade (--format json)"
        ) from None
    except (ValueError, RecursionError) as exc:  # NaN, 1e999, 5,000 digits, [[[[…]]]] nested 10,000 deep
        from .i18n import _

        why = _("nested too deeply") if isinstance(exc, RecursionError) else str(exc)
        raise StudykitError(
            _("{name}: not a grade report studykit wrote ({why}); expected the JSON report of studykit grade "
              "(--format json)").format(name=name, why=why)
        ) from None  # fmt: skip
    if not isinstance(data, dict) or "studykit_grade_report" not in data:
        raise StudykitError(
            f"{name} is not a studykit grade report (expected the output of studykit grade -o REPORT.json)"
        )
    if data["studykit_grade_report"] != REPORT_FORMAT:
        raise StudykitError(f"{name}: grade report format {data['studykit_grade_report']!r} (expected {REPORT_FORMAT})")

    def need(obj: Any, field: str, kind: Any, where: str) -> Any:
        value = obj.get(field) if isinstance(obj, dict) else None
        if not isinstance(value, kind) or isinstance(value, bool):
            raise StudykitError(f"{name}: {where}field {field!r}: missing or not {_kind_name(kind)}")
        return value

    quiz = need(data, "quiz", dict, "")
    summary = need(data, "summary", dict, "")
    items = []
    for n, q in enumerate(need(data, "questions", list, ""), 1):
        where = f"questions[{n}], "
        facility = q.get("facility") if isinstance(q, dict) else None
        if facility is not None and (not isinstance(facility, int | float) or isinstance(facility, bool)):
            raise StudykitError(f"{name}: {where}field 'facility': not a number")
        if facility is not None and not 0 <= facility <= 1:
            from .i18n import _

            raise StudykitError(
                _("{name}: {where}field 'facility': {value} is not a share (expected 0 to 1)").format(
                    name=name, where=where, value=facility
                )
            )
        items.append(
            ReportItem(
                need(q, "number", int, where),
                need(q, "question_id", str, where),
                need(q, "speech", str, where),
                None if facility is None else float(facility),
            )
        )
    shares: dict[str, float | None] = {}
    for n, s in enumerate(need(data, "speeches", list, ""), 1):
        share = s.get("share") if isinstance(s, dict) else None
        shares[need(s, "speech", str, f"speeches[{n}], ")] = (
            float(share) if isinstance(share, int | float) and 0 <= share <= 1 else None
        )
    pass_mark = need(quiz, "pass_mark", int | float, "quiz, ")
    if not 0 <= pass_mark <= 100:
        from .i18n import _

        raise StudykitError(
            _("{name}: quiz, field 'pass_mark': {value} is not a percentage (expected 0 to 100)").format(
                name=name, value=pass_mark
            )
        )
    title = quiz.get("title")
    fingerprint = quiz.get("bank_fingerprint")
    return GradeReportDigest(
        path=name,
        quiz_id=need(quiz, "quiz_id", str, "quiz, "),
        title=title if isinstance(title, str) else "",
        bank_id=need(quiz, "bank_id", str, "quiz, "),
        bank_fingerprint=fingerprint if isinstance(fingerprint, str) else "",
        pass_mark=float(pass_mark),
        members=need(summary, "members", int, "summary, "),
        items=tuple(items),
        shares=shares,
    )


def _no_constant(word: str) -> float:
    """``NaN`` and ``Infinity`` are no JSON (Python reads them): no report of studykit holds one."""
    from .i18n import _

    raise ValueError(_("{word} is not a number a report holds").format(word=word))


def _finite(text: str) -> float:
    """A JSON number as a float, refused when it overflows (``1e999`` would read as infinity)."""
    value = float(text)
    if math.isinf(value):
        from .i18n import _

        raise ValueError(_("{number} is too large a number").format(number=text[:20]))
    return value


def _kind_name(kind: Any) -> str:
    names: dict[Any, str] = {dict: "an object", list: "a list", str: "text", int: "an integer"}
    return names.get(kind, "a number")


# -- the handout -----------------------------------------------------------------------


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
    from .anki import select_speeches

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
    """``facts`` without a second fact of one ``fact`` name, or a second identical statement
    (two questions on one sentence often state the same thing once filled in), or a quoted
    fact (a false true_false's source) whose sentence another fact already shows as its 原文,
    or a fact on a sentence another fact states whole (punctuation aside): "10月17日，研讨会在
    华中师范大学举行" leaves nothing for "举办地点是华中师范大学" and "日期是10月17日" to add."""
    stated = {f.source for f in facts if not f.quoted}
    whole = {f.source for f in facts if not f.quoted and _bare_text(f.statement) == _bare_text(f.source)}
    seen: set[str] = set()
    kept: list[Fact] = []
    for f in facts:
        if f.quoted and f.source in stated:
            continue
        if f.source in whole and _bare_text(f.statement) != _bare_text(f.source):
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
            f"the grade report {report.path} is of a quiz on the bank {report.bank_id!r}, "
            f"but the bank {bank.path} is {bank.id!r} (give the quiz's bank with --bank)"
        )
    threshold = report.pass_mark / 100
    known = {q.id for q in bank.questions}
    missing = tuple(dict.fromkeys(i.question_id for i in report.items if i.question_id not in known))
    weak = [
        i for i in report.items if i.question_id in known and i.facility is not None and i.facility < threshold - 1e-9
    ]
    # a curated question sharing a derived attribution question's fact counts as that question
    attribution = {q.fact: q for q in bank.questions if q.derived and q.fact}
    sections: list[HandoutSection] = []
    for s in selected:
        mine = sorted(
            (i for i in weak if bank.question(i.question_id).speech == s.id),
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
    if len(selected) < len(bank.speeches):  # --speech: only the chosen speeches were looked at
        chosen = {s.id for s in selected}
        others = sum(bank.question(i.question_id).speech not in chosen for i in weak)
        elsewhere = f"（其他篇目有 {others} 道题低于及格线）" if others else ""
        empty = f"所选篇目中{empty.removesuffix('。')}{elsewhere}。"
    title = f"{TITLE} · {report.title or bank.title}"
    return Handout(title, intro, tuple(sections), empty, missing)

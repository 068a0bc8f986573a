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
* with no question of the chosen speeches below the pass mark, the handout falls back
  to the :data:`FALLBACK_SPEECHES` weakest of them (by share) that someone got wrong,
  keeping their questions not answered fully right by everyone, and its intro says so
  (:attr:`Handout.fallback`);
* with no question missed at all, :attr:`Handout.empty` says every question is at or above
  the pass mark — with ``speeches`` narrowing the selection, every question of the
  chosen speeches, and how many of the others' are below it.

Everything is deterministic: the same bank and report give the same handout.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bank import BLANK_RE, CHOICE_MARKER
from .errors import StudykitError
from .formats import REPORT_FORMAT
from .i18n import _
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
#: How a false true_false item's explanation begins; what follows is the correction.
_FALSE_MARK = "错误。"
#: Verbs of saying a choice stem may end with ("戴小明在发言开篇指出（ ）"): a comma follows them.
_SAYING = ("指出", "认为", "提出", "强调", "表示")
#: Half-width punctuation of the material, as a statement prints it.
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})
#: Punctuation that joins a list's members in the material (full width, after :data:`_FULL_WIDTH`).
_JOINTS = "、，；："
#: Id suffix of the derived "who said this?" questions (see :mod:`studykit.attribution`).
QUOTE_SUFFIX = "-quote"
#: How many speeches a handout from a report keeps when no question is below the pass mark.
FALLBACK_SPEECHES = 3
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
    ``missing`` lists question ids of the report that the bank lacks; ``fallback`` is true when
    no item was below the pass mark and the facts are the weakest speeches' instead."""

    title: str
    intro: str
    sections: tuple[HandoutSection, ...]
    empty: str = ""
    missing: tuple[str, ...] = ()
    fallback: bool = False

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
    * true_false true: the stem; false: the correction its explanation gives after a
      leading ``错误。`` (else the source sentence, ``quoted``);
    * single: the stem with ``（ ）`` replaced by the correct option; multiple: by
      the whole list the source gives (:func:`source_list`: the source's own words from
      its first to its last correct option, so a member no option held is stated
      too), or, when an option is not in the source, the correct options joined with ``、``;
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
        correction = one_line(question.explanation).removeprefix(_FALSE_MARK).strip()
        if question.explanation.strip().startswith(_FALSE_MARK) and correction:
            return _sentence(correction), False
        return _sentence(one_line(question.source)), True
    listed = source_list(question) if question.type == "multiple" else None
    answer = listed or "、".join(_in_source_order(question.correct_options, one_line(question.source)))
    before, marker, after = stem.partition(CHOICE_MARKER)
    before = before.rstrip()
    asks = before.endswith(("？", "?")) or _INTERROGATIVE_RE.search(before + after) is not None
    if marker and not asks:
        joint = "，" if before.endswith(_SAYING) and not after.strip() else ""
        return _sentence(f"{before}{joint}{answer}{after.strip()}"), False
    filled = _fill_slot(before + after.strip(), answer) if marker and "下列" not in stem else None
    if filled:
        return _sentence(filled), False
    lead = (before + after.strip()).rstrip("？?：:，,。 ")
    return _sentence(f"{lead}：{answer}"), False


def source_list(question: Question) -> str | None:
    """The list a multiple-choice ``question``'s source gives: the source's text from its
    first correct option to the end of its last (a leading ``一是``/``二是`` … before the
    first kept), half-width ``,;:`` as ``，；：``; ``None`` when a correct option is not in
    the source (punctuation width aside)."""
    source = one_line(question.source).translate(_FULL_WIDTH)
    places = []  # every occurrence of each correct option
    for option in question.correct_options:
        text = option.translate(_FULL_WIDTH)
        found = [m.start() for m in re.finditer(re.escape(text), source)]
        if not found:
            return None
        places.append([(at, at + len(text)) for at in found])
    start, end = _shortest_cover(places)
    inside = sorted({(s, e) for found in places for s, e in found if start <= s and e <= end})
    gaps = [source[a[1] : b[0]] for a, b in itertools.pairwise(inside) if b[0] >= a[1]]
    if not all(_joins(gap) for gap in gaps):  # prose between the options, not a list: 在网格长的基础上又开发出…
        return None
    if re.search(r"[一二三四五六七八九十]是$", source[:start]):
        start -= 2
    return source[start:end]


def _joins(gap: str) -> bool:
    """Whether ``gap``, the text between two correct options in a source, is a list's joint:
    separators and conjunctions only (、 和 以及 …, an ordinal 二是 aside), or other members
    between two separators (``、安稳、``)."""
    bare = re.sub(r"以及|[一二三四五六七八九十]是|[和及与并]", "", gap)
    return not bare.strip(_JOINTS) or (bare[0] in _JOINTS and bare[-1] in _JOINTS)


def _shortest_cover(places: list[list[tuple[int, int]]]) -> tuple[int, int]:
    """The shortest ``(start, end)`` holding one ``(start, end)`` of each list of ``places``
    (社会 in 美好社会 is not the list's 社会); the first of equal ones.  Two pointers over the
    occurrences in text order: quadratic at worst in the occurrences, never in the options."""
    events = sorted((s, e, k) for k, found in enumerate(places) for s, e in found)
    held = [0] * len(places)
    missing, left, best = len(places), 0, (0, 0)
    best_len = -1
    for right, (_start, _end, k) in enumerate(events):
        held[k] += 1
        missing -= held[k] == 1
        while missing == 0:
            span = (events[left][0], max(e for _s, e, _k in events[left : right + 1]))
            if best_len < 0 or span[1] - span[0] < best_len:
                best, best_len = span, span[1] - span[0]
            kk = events[left][2]
            held[kk] -= 1
            missing += held[kk] == 0
            left += 1
    return best


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
        raise StudykitError(_("grade report {name} not found").format(name=name)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StudykitError(_("cannot read grade report {name}: {reason}").format(name=name, reason=exc)) from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise StudykitError(
            _(
                "{name}:{line}: not valid JSON ({reason}, column {column}); "
                "expected the JSON report of studykit grade (--format json)"
            ).format(name=name, line=exc.lineno, reason=exc.msg, column=exc.colno)
        ) from None
    except (ValueError, RecursionError) as exc:  # NaN, 1e999, 5,000 digits, [[[[…]]]] nested 10,000 deep
        why = _("nested too deeply") if isinstance(exc, RecursionError) else str(exc)
        raise StudykitError(
            _("{name}: not a grade report studykit wrote ({why}); expected the JSON report of studykit grade "
              "(--format json)").format(name=name, why=why)
        ) from None  # fmt: skip
    if not isinstance(data, dict) or "studykit_grade_report" not in data:
        raise StudykitError(
            _("{name} is not a studykit grade report (expected the output of studykit grade -o REPORT.json)").format(
                name=name
            )
        )
    if data["studykit_grade_report"] != REPORT_FORMAT:
        raise StudykitError(
            _("{name}: grade report format {format!r} (expected {expected})").format(
                name=name, format=data["studykit_grade_report"], expected=REPORT_FORMAT
            )
        )

    def need(obj: Any, field: str, kind: Any, where: str) -> Any:
        value = obj.get(field) if isinstance(obj, dict) else None
        if not isinstance(value, kind) or isinstance(value, bool):
            raise StudykitError(
                _("{name}: {where}field {field!r}: missing or not {kind}").format(
                    name=name, where=where, field=field, kind=_kind_name(kind)
                )
            )
        return value

    quiz = need(data, "quiz", dict, "")
    summary = need(data, "summary", dict, "")
    items = []
    for n, q in enumerate(need(data, "questions", list, ""), 1):
        where = f"questions[{n}], "
        facility = q.get("facility") if isinstance(q, dict) else None
        if facility is not None and (not isinstance(facility, int | float) or isinstance(facility, bool)):
            raise StudykitError(_("{name}: {where}field 'facility': not a number").format(name=name, where=where))
        if facility is not None and not 0 <= facility <= 1:
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
    raise ValueError(_("{word} is not a number a report holds").format(word=word))


def _finite(text: str) -> float:
    """A JSON number as a float, refused when it overflows (``1e999`` would read as infinity)."""
    value = float(text)
    if math.isinf(value):
        raise ValueError(_("{number} is too large a number").format(number=text[:20]))
    return value


def _kind_name(kind: Any) -> str:
    names: dict[Any, str] = {dict: _("an object"), list: _("a list"), str: _("text"), int: _("an integer")}
    return names.get(kind, _("a number"))


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

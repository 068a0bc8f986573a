"""Numbered points → single choice (which point comes Nth) and true/false on the order.

The markers of a point, at a clause's start (the text's start or after ，；：。！？ or “):

* ``一是`` ``二是`` …, ``第一，`` ``第二、`` ``第三是`` …, ``其一，`` ``其二，`` … — stems ask for
  the ``第N点``;
* ``一要`` ``二要`` …, ``一靠`` ``二靠`` …, ``一抓`` ``二抓`` … (one verb of :data:`VERBS` through the
  run) — stems mirror the text: ``二要（ ）``;
* ``首先`` ``其次`` ``再次`` ``最后`` — stems name the word: ``以“其次”引出的一点是（ ）``; a
  ``首先`` is a list only when ``其次`` follows it (a 首先 thanking the audience is none), and
  ``最后`` ends a list (this one, or 第一…第二…, 其一…其二…) only after its second point.

A point's text is its first clause after the marker, verbatim.  The points of one run (markers of
one kind, numbered one by one within one section of a part, no heading line between, all in or
all out of a quotation) are each other's distractors, so every option is a real point of the
article and only the order is tested.  A run makes no claim that its points are all there are
(a list may end in 等), and no number the text does not print: ``首先`` is never called 第一点.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..split import Part, is_heading
from .labels import heading_label, is_section, run_labels
from .model import Draft, place, same
from .numbering import NUMBERED, more_markers, which
from .numerals import cn_to_int, int_to_cn
from .text import CLAUSE_MARKS, Sentence, cite, depth_map, lead, tidy, who, word_bounds

#: Verbs of ``一要…二要…`` runs (one verb through a run).
VERBS = "要靠抓讲看查比学"
#: Where a marker may start: the text's start, after a clause or sentence mark, or after “.
_AT = r"(?:^|(?<=[，,；;：:。！？!?“]))"
#: A point's text: its first clause (2 to 30 characters).
_TEXT = r"([^，,；;。]{2,30})"
_NUMBER = "[一二三四五六七八九十]"
_POINT_RE = re.compile(_AT + f"({_NUMBER})是" + _TEXT)
#: The text after the other markers: kept in the run however long, asked about only if 2 to 30 long.
_CLAUSE = r"([^，,；;。！？!?]*)"
_VERB_RE = re.compile(_AT + f"({_NUMBER})([{VERBS}])" + _CLAUSE)
#: 第一， 第二、 第三是 其一， …: not 第一、二批 (a numeral after 、), not 第一书记 (no mark after it).
_ORDINAL_RE = re.compile(_AT + f"([第其])({_NUMBER})(?:[，,：:]|、(?!{_NUMBER})|是)" + _CLAUSE)
#: 首先， 其次是 最后要 再次， (only with a mark, 是 or 要 after them, which stays in the point: 他首先走访了,
#: 再次强调, 最后一公里 are no points).
_WORD_RE = re.compile(_AT + r"(首先|其次|最后|再次)(?=[，,：:、是要])(?:[，,：:、]|是)?" + _CLAUSE)
#: The number of each word of order (最后 is the run's last, whatever its number).
_WORDS = {"首先": 1, "其次": 2, "再次": 3}
#: Most sentences between two points of a 首先 run (a 最后 further on closes the speech, not the run).
MAX_WORD_GAP = 10


@dataclass(frozen=True)
class Point:
    """One point of a run: its ``sentence``, ``number`` (1 first), verbatim ``text``, the ``at``
    position of its ``marker`` (as printed: 一是, 第二, 其三, 二要, 首先, 最后) in the sentence, and the
    run's ``kind`` (是, 第, 其, a verb of :data:`VERBS`, or 首先)."""

    sentence: Sentence
    number: int
    text: str
    at: int
    marker: str
    kind: str
    quoted: bool = False


def _markers(s: Sentence) -> list[Point]:
    """Every point marker of the sentence, in order of position."""
    found = [
        *(Point(s, cn_to_int(m[1]) or 0, m[2], m.start(), f"{m[1]}是", "是") for m in _POINT_RE.finditer(s.text)),
        *(Point(s, cn_to_int(m[1]) or 0, m[3], m.start(), m[1] + m[2], m[2]) for m in _VERB_RE.finditer(s.text)),
        *(Point(s, cn_to_int(m[2]) or 0, m[3], m.start(), m[1] + m[2], m[1]) for m in _ORDINAL_RE.finditer(s.text)),
        *(Point(s, _WORDS.get(m[1], 0), m[2], m.start(), m[1], "首先") for m in _WORD_RE.finditer(s.text)),
        *(Point(s, number, text, at, marker, kind) for number, text, at, marker, kind in more_markers(s.text)),
    ]
    depth = depth_map(s.text)
    found = [dataclasses.replace(p, quoted=depth[p.at] > 0, text=_without_deng(p.text)) for p in found]
    return sorted(found, key=lambda p: p.at)


def _without_deng(text: str) -> str:
    """A point's text without the 等 or 等等 closing the list (三要抓好制度落实等等 → 抓好制度落实):
    the option names the point; the list stays open, as no item claims it is complete."""
    for tail in ("等等", "等"):
        if text.endswith(tail) and len(text) - len(tail) >= 2 and len(text) - len(tail) in word_bounds(text):
            return text[: -len(tail)]
    return text


def _follows(run: list[Point], p: Point) -> bool:
    """Whether ``p`` continues ``run`` (its last point's kind): the next number, in the same part;
    in the same section and alike in or out of a quotation; for 首先 runs and 最后
    within :data:`MAX_WORD_GAP` sentences, 最后 only after a second point."""
    last = run[-1]
    if last.sentence.part is not p.sentence.part or last.marker == "最后":
        return False
    if last.sentence.section != p.sentence.section or last.quoted != p.quoted:
        return False  # a heading between, or one point in a quotation and the next outside it
    if (
        p.kind in ("首先", "另一方面") or p.marker == "最后"
    ) and p.sentence.number - last.sentence.number > MAX_WORD_GAP:
        return False
    if p.marker == "最后":
        return len(run) >= 2
    return p.number == last.number + 1


#: The runs a 最后 may close: 首先…其次…最后, and 第一…第二…最后, 其一…其二…最后.
_CLOSED_BY_ZUIHOU = ("首先", "第", "其")


def _closing(current: dict[str, list[Point]], p: Point, *, headings: bool = False) -> Point:
    """``p``, a 最后 that continues a run of :data:`_CLOSED_BY_ZUIHOU` (:func:`_follows`; of heading
    lines, any such run of two points or more), as that run's last point (its kind and the next
    number); any other ``p`` as it is."""
    if p.marker != "最后":
        return p
    for kind in _CLOSED_BY_ZUIHOU:
        run = current.get(kind)
        if run and (len(run) >= 2 and run[-1].marker != "最后" if headings else _follows(run, p)):
            return dataclasses.replace(p, number=run[-1].number + 1, kind=kind)
    return p


def runs(sentences: list[Sentence]) -> list[list[Point]]:
    """Runs of two or more points, each run's points in order, runs in order of their first point."""
    done: list[list[Point]] = []
    current: dict[str, list[Point]] = {}
    for s in sentences:
        for p in (_closing(current, m) for m in _markers(s)):
            run = current.get(p.kind)
            if p.number == 1:
                if run and len(run) >= 2:
                    done.append(run)
                current[p.kind] = [p]
            elif run and _follows(run, p):
                run.append(p)
            elif run and p.kind != "是":
                if len(run) >= 2:
                    done.append(run)
                del current[p.kind]  # 首先 … 最后 with no 其次, 第一 … 第三: the sequence is broken
    done.extend(run for run in current.values() if len(run) >= 2)
    index = {id(s): n for n, s in enumerate(sentences)}
    return sorted(done, key=lambda run: (index[id(run[0].sentence)], run[0].at))


def draft_points(sentences: list[Sentence], turn: Iterator[int]) -> list[Draft]:
    """For each run: a single choice per point (of the first four; options: the run's points) when
    it has three points or more, and a true and a false statement of which point comes second."""
    out: list[Draft] = []
    found = runs(sentences)
    contexts = [
        _context(sentences, run[0].sentence, run[0].at, topic=run[0].kind in VERBS) or _enclosing(sentences, found, run)
        for run in found
    ]
    bare = [r for r, context in enumerate(contexts) if not context]
    labels = dict(zip(bare, run_labels(sentences, [(found[r][0].sentence, found[r][0].at) for r in bare]), strict=True))
    for r, (run, context) in enumerate(zip(found, contexts, strict=True)):
        heading, after = labels.get(r, ("", ""))
        fact = f"{run[0].sentence.part.id}/points-{r}"
        out.extend(_draft_run(run, context or heading, fact, turn, after=after))
    return out


def _enclosing(sentences: list[Sentence], found: list[list[Point]], run: list[Point]) -> str:
    """The text of the point of another run that ``run`` lies inside (第一，抓好组织建设。…一是…二是…
    第二，… → 抓好组织建设), in the same section; else ``""``."""
    index = {id(s): n for n, s in enumerate(sentences)}

    def where(p: Point) -> tuple[int, int]:
        return index[id(p.sentence)], p.at

    start, end = where(run[0]), where(run[-1])
    for other in found:
        if other is run or other[0].kind == run[0].kind:
            continue
        for k, p in enumerate(other):
            after = other[k + 1] if k + 1 < len(other) else None
            inside = where(p) < start and (after is None or end < where(after))
            same = p.sentence.part is run[0].sentence.part and p.sentence.section == run[0].sentence.section
            if inside and same and (after is not None or p.sentence is run[0].sentence) and 2 <= len(p.text) <= 30:
                return p.text
    return ""


def draft_heading_points(parts: Sequence[Part], turn: Iterator[int]) -> list[Draft]:
    """The drafts of :func:`draft_points` for points written as heading lines (``第一，提高思想认识``
    on a line of its own, each a part's heading or a heading inside a part): a run is heading lines
    with no other heading between them, each point's source its heading line; the context is the
    last sentence before the first one when it announces the points (``下面，我讲三点意见。``)."""
    found: list[tuple[list[Point], str]] = []
    current: dict[str, tuple[list[Point], str]] = {}
    said = ""
    topics: dict[int, str] = {}  # id(run) → the heading line above it that is no point (二、行动上)
    for part in parts:
        topic = ""
        for line in (x.strip() for x in part.text.split("\n")):
            if line and not is_heading(line):
                said = line
                continue
            if not line:
                continue
            runs_now = {kind: run for kind, (run, _) in current.items()}
            points = [_closing(runs_now, p, headings=True) for p in _markers(Sentence(line, part, 0)) if p.at == 0]
            for kind in [k for k in current if k not in {p.kind for p in points}]:
                found.append(current.pop(kind))  # another heading ends the run
            if not points:
                said = ""  # a heading between announces nothing of the points after it
                topic = "" if part.speaker and part.speaker in line else line
            for p in points:
                run = current[p.kind][0] if p.kind in current else []
                if p.number == 1:
                    found.extend([current[p.kind]] if run else [])
                    current[p.kind] = ([p], _announcing(said))
                    topics[id(current[p.kind][0])] = topic
                elif run and p.number == run[-1].number + 1 and run[-1].marker != "最后":
                    run.append(p)
                else:
                    found.extend([current.pop(p.kind)] if run else [])
    found.extend(current.values())
    found = [x for x in found if len(x[0]) >= 2]
    bare = Counter(who(run[0].sentence.part) for run, context in found if not context)
    out: list[Draft] = []
    for r, (run, context) in enumerate(found):
        part = run[0].sentence.part
        if not context and is_section(part):
            context = heading_label(part.heading)  # 一、提高思想认识: its points
        elif not context and bare[who(part)] >= 2:  # several runs alike: each named by its subheading
            context = heading_label(topics.get(id(run), ""))
        out.extend(_draft_run(run, context, f"{part.id}/heading-points-{r}", turn))
    return out


def _announcing(line: str) -> str:
    """The last clause of ``line``'s last sentence if it announces points (:data:`_ANNOUNCES`), else ``""``."""
    last = [x for x in re.split("[。！？!?]", line) if x.strip()]
    clause = re.split(f"[{CLAUSE_MARKS}]", tidy(last[-1]))[-1] if last else ""
    return _topic(clause.lstrip("并而且也还")) if _ANNOUNCES.search(clause) else ""


def _draft_run(run: list[Point], context: str, fact: str, turn: Iterator[int], *, after: str = "") -> list[Draft]:
    """The single choices and true/false statements of one run (see :func:`draft_points`)."""
    out: list[Draft] = []
    asks = _Asking(run, context, after)
    usable = [p for p in run if 2 <= len(p.text) <= 30]  # a point of a long first clause stays unasked
    texts = [p.text for p in usable]
    distinct = all(not same(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :])
    if len(usable) >= 3 and distinct:
        for p in usable[:4]:
            wrong = [t for t in texts if t != p.text][:3]
            options, answer = place([p.text], wrong, next(turn))
            part = p.sentence.part
            out.append(Draft(part.id, "single", asks.stem(p), answer, cite(part, p.sentence.text),
                             p.sentence.text, "points", options, ("要点",), fact))  # fmt: skip
    one, two = run[0], run[1]
    if not distinct or one not in usable or two not in usable:
        return out
    p1, p2 = one.sentence.part, two.sentence.part
    out.append(Draft(p2.id, "true_false", asks.statement(two, two.text), ("true",),
                     cite(p2, two.sentence.text, verdict="正确。"), two.sentence.text, "points", tags=("要点",),
                     fact=f"{fact}-tf"))  # fmt: skip
    out.append(Draft(p1.id, "true_false", asks.statement(one, two.text), ("false",),
                     cite(p1, one.sentence.text, verdict=asks.correction(one, two)), one.sentence.text,
                     "points", tags=("要点",), fact=f"{fact}-tf"))  # fmt: skip
    return out


class _Asking:
    """How the stems of one run ask for a point: ``第N点`` (是, 第, 其), ``以“其次”引出的一点``
    (首先), or the marker itself (``二要（ ）``) where a verb run has a topic to name."""

    def __init__(self, run: list[Point], context: str, after: str = "") -> None:
        first = run[0]
        self.kind = first.kind
        self.context = context
        name = who(first.sentence.part)
        self.numbered = self.kind in ("是", "第", "其", *NUMBERED)
        self.mirror = self.kind in VERBS and bool(self.context)
        topic = self.context.replace("“", "‘").replace("”", "’")  # a quote inside the stem's quote
        if self.mirror and _REPORTED.search(self.context):  # 李明表示，一靠…: who says it, not a topic
            self.said = f"{lead(first.sentence.part)}{self.context}，"
        elif self.mirror:
            self.said = f"{name}在谈到“{topic}”时指出，"
        elif self.context:
            self.said = f"{name}在谈到“{topic}”时，" + ("列举的" if self.numbered else "")
        elif after:  # one of several runs nothing introduces: named by the words before it
            self.said = f"{name}在“{_inner(after)}”之后列举的几点中，"
        else:
            self.said = f"{name}列举的几点中，"

    def _which(self, p: Point) -> str:
        if self.numbered and p.marker == "最后":
            return "最后一点"
        if self.numbered:
            return which(self.kind, int_to_cn(p.number))
        return f"以“{p.marker}”引出的一点"

    def stem(self, p: Point) -> str:
        """The single choice's stem asking for point ``p``."""
        return f"{self.said}{p.marker}（ ）" if self.mirror else f"{self.said}{self._which(p)}是（ ）"

    def statement(self, p: Point, text: str) -> str:
        """The true/false statement that ``text`` is point ``p``."""
        return f"{self.said}{p.marker}{text}。" if self.mirror else f"{self.said}{self._which(p)}是“{_inner(text)}”。"

    def correction(self, one: Point, two: Point) -> str:
        """Why the statement that the second point is the first is false."""
        if self.numbered:
            second, first = which(self.kind, "二"), which(self.kind, "一")
            return f"错误。“{_inner(two.text)}”是{second}，{first}是“{_inner(one.text)}”。"
        return f"错误。“{_inner(two.text)}”由“{two.marker}”引出，“{one.marker}”引出的是“{_inner(one.text)}”。"


def _inner(text: str) -> str:
    """``text`` quoted inside a stem's “…”: its own “…” become ‘…’ (落实‘三会一课’制度)."""
    return text.replace("“", "‘").replace("”", "’")


#: A clause saying who speaks (村党支部书记李明表示), before a verb run: no topic of it.
_REPORTED = re.compile(r"(?:表示|说|指出|强调|介绍|认为|坦言|告诉记者)$")
#: Words showing that a clause announces the points that follow (三件事, 以下, 成效 …).
_ANNOUNCES = re.compile(
    r"[一二两三四五六七八九十几多]\S?(?:个|件|点|条|项|方面)|以下|如下|成效|措施|做法|举措|经验|契机|要求|[：:]$"
)


def _context(sentences: list[Sentence], first: Sentence, at: int, *, topic: bool = False) -> str:
    """What the points are points of: the last clause before the first marker (in its sentence, else
    the sentence before), when it announces them (:data:`_ANNOUNCES`), or with ``topic`` (a verb
    run: 加强党员队伍建设，一靠教育…) any clause of 4 to 20 characters before it in its sentence;
    else ``""``."""
    text = tidy(first.text[:at])
    own = bool(text)
    if not text:
        previous = [s for s in sentences if s.part is first.part and s.number == first.number - 1]
        text = tidy(previous[0].text) if previous else ""
        line = _line_before(first)
        if line.endswith(("：", ":")):  # 第十条　年度积分评定按照以下程序进行： on its own line, no sentence
            text = tidy(line)
    clause = re.split(f"[{CLAUSE_MARKS}]", text)[-1] if text else ""
    if _ANNOUNCES.search(clause) or (topic and own and 4 <= len(clause) <= 20):
        return _topic(clause.lstrip("并而且也还“‘"))  # 陈晓峰说，“我们要求…：no “ of the quotation
    return ""


def _line_before(sentence: Sentence) -> str:
    """The non-blank line of the part just before the line ``sentence`` opens; ``""`` when it opens none."""
    lines = [line.strip() for line in sentence.part.text.split("\n") if line.strip()]
    at = next((n for n, line in enumerate(lines) if line.startswith(sentence.text)), 0)
    return lines[at - 1] if at else ""


def _topic(clause: str) -> str:
    """``clause`` as the stem quotes it: without a closing 是 or 就是 that leads into the points
    (我们的主要做法是：一抓… → 我们的主要做法), where four characters or more are left."""
    bare = re.sub("(?:就)?是$", "", clause)
    return bare if len(bare) >= 4 else clause


def distinct_runs(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the points drafts of a run whose stem another run of the part already
    asks (two runs nothing tells apart: each item would be false of the other); the first run stays."""
    seen: set[tuple[str, str]] = set()
    dropped: set[str] = set()
    runs_of: dict[str, list[Draft]] = {}
    for d in drafts:
        if d.rule == "points":
            runs_of.setdefault(d.fact.removesuffix("-tf"), []).append(d)
    for fact, group in runs_of.items():
        stems = {(d.speech, d.stem) for d in group}
        if stems & seen:
            dropped.add(fact)
        else:
            seen |= stems
    return [d for d in drafts if d.rule != "points" or d.fact.removesuffix("-tf") not in dropped]

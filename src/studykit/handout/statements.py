"""A question as a statement of its fact: the stem with the answer in place of its marker or
question word, lists in the source's order (:func:`statement`, :func:`fact_of`)."""

from __future__ import annotations

import itertools
import re

from ..bank import BLANK_RE, CHOICE_MARKER
from ..model import Question, Speech
from .model import Fact

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
#: The citation ``studykit draft`` puts after a correction (``见张三的发言《…》：“…”``): the handout
#: prints the source on its own line, so the statement stops before it.
_CITATION_RE = re.compile(r"(?<=。)见.{1,80}?：“[^“”]*”$")


#: A correction that only names the words a false statement swapped (``studykit draft``'s
#: ``原文是“80万”，不是“79万”。``): no fact alone, so the stem is stated with them set right.
_SWAP_RE = re.compile(r"原文是“?(?P<right>[^“”，]+?)”?，不是“?(?P<wrong>[^“”，]+?)”?。")


#: Verbs of saying a choice stem may end with ("戴小明在发言开篇指出（ ）"): a comma follows them.
_SAYING = ("指出", "认为", "提出", "强调", "表示")


#: Half-width punctuation of the material, as a statement prints it.
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})


#: Punctuation that joins a list's members in the material (full width, after :data:`_FULL_WIDTH`).
_JOINTS = "、，；："


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
        correction = _CITATION_RE.sub("", one_line(question.explanation).removeprefix(_FALSE_MARK).strip())
        if question.explanation.strip().startswith(_FALSE_MARK) and correction:
            swap = _SWAP_RE.fullmatch(correction)
            if swap is None:
                return _sentence(correction), False
            # "原文是“80万”，不是“79万”。" states nothing alone: the stem with the words set right does
            right, wrong = swap.group("right"), swap.group("wrong")
            if stem.count(wrong) == 1:
                return _sentence(stem.replace(wrong, right).replace(CHOICE_MARKER, "").strip()), False
            return _sentence(one_line(question.source)), True
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

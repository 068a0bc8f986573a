"""Enumerations with 、 → multiple choice (and a fill-in of one member).

A list is three or more members joined by 、 (the last perhaps by 和, 及, 与) inside one clause.  The members between two
、 are exact; the first and the last are cut from their clause only where the cut is
clear (the clause's start, 等, an affix the other members share, or a function word
leaving a member as long as the others); a list with an unclear end is left out.
A list closed by 等 is open (but 等四个部分 after four members): no item ever asks which is NOT a
member, so it gives no multiple choice, whose distractors would be members its 等 may leave out.  Distractors
are members of the article's other lists, never words of the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .list_ends import HAN_RE, framed, through_de, ungoverned, without_lead, without_verb
from .model import Draft, place, same
from .numerals import cn_to_int
from .objects import with_objects
from .text import Sentence, cite, clauses, depth_map, lead, tidy, window, word_bounds

#: Words after which a first member may start (the verb or particle before a list).
_BEFORE = (
    "的", "是", "具有", "包括", "有", "在", "将", "把", "对", "以", "为", "了", "和", "与", "及", "出", "走",
    "坚持", "实现", "采取", "提高", "提升", "推进", "加强", "创造", "打造", "确保", "形成", "发展", "建设",
    "推动", "完善", "健全", "培育", "聚焦", "整合", "围绕", "突出", "注重", "统筹", "涵盖", "覆盖", "包含",
    "实施", "开展", "做好", "抓好", "培养",
)  # fmt: skip
#: Words before which a last member may end.
_AFTER = ("等", "的", "为", "是", "在", "上", "中", "之间", "方面", "和", "与", "都", "也", "相", "进行", "已")


@dataclass(frozen=True)
class Listing:
    """One enumeration: the ``sentence``, its ``members`` in order, their span ``(start, end)`` in the
    sentence, whether it is ``open`` (closed by 等, not by 等 and its count: 等四个部分), and where its second member starts.  A list
    whose first or last member would be a guess (the members share an ending or a start) is not
    ``sure``: its ``members`` are only the exact ones between two 、, from the second on."""

    sentence: Sentence
    members: tuple[str, ...]
    start: int
    end: int
    open: bool
    second: int = 0
    sure: bool = True


def find_lists(sentences: list[Sentence]) -> list[Listing]:
    """Every clear enumeration of the sentences, in order."""
    found: list[Listing] = []
    for s in sentences:
        depth = depth_map(s.text)
        for a, b in clauses(s.text):
            marks = [i for i in range(a, b) if s.text[i] == "、" and depth[i] == 0]
            for start, end, group in _closed_by_deng(s.text, a, b, marks):
                listing = _listing(s, start, end, group)
                if listing is not None:
                    found.append(listing)
    return found


def _closed_by_deng(text: str, a: int, b: int, marks: list[int]) -> list[tuple[int, int, list[int]]]:
    """The clause ``text[a:b]`` as spans ``(start, end, marks)`` of one list each: a piece between two
    、 holding the word 等 closes a list and the next starts after it (在就业、教育、医疗、养老等方面多办实事、
    多解难题 is 就业 … 养老 and then 多办实事、多解难题, not one list with the member 多解)."""
    spans: list[tuple[int, int, list[int]]] = []
    start, group = a, []
    for k, mark in enumerate(marks):
        group.append(mark)
        if k + 1 < len(marks):
            piece = text[mark + 1 : marks[k + 1]]
            if "等" in piece and any(i in word_bounds(piece) for i in _all(piece, "等")):
                spans.append((start, marks[k + 1], group))
                start, group = mark + 1, []
    if group:
        spans.append((start, b, group))
    return spans


def _listing(s: Sentence, a: int, b: int, marks: list[int]) -> Listing | None:
    text = s.text
    middle = [text[marks[k] + 1 : marks[k + 1]] for k in range(len(marks) - 1)]
    tail = text[marks[-1] + 1 : b].rstrip("，,；;：:。！？!?")
    joined = _conjunction(tail, middle)
    if joined is not None and not middle and joined[0] > MAX_PAIR_MEMBER:
        joined = None  # 'A、B和C' with long pieces is more often two members, the second holding 和
    if joined is not None and not middle and _pair_before(text[a : marks[0]], tail[joined[0] : joined[1]]):
        return None  # 严管和厚爱结合、激励和约束并重: two phrases alike, each with its 和, not a list of three
    if joined is not None:
        middle.append(tail[: joined[0]])
        tail_at = marks[-1] + 1 + joined[1]
        tail = text[tail_at:b].rstrip("，,；;：:。！？!?")
    else:
        tail_at = marks[-1] + 1
    if not middle or not all(HAN_RE.match(m) and 2 <= len(m) <= 12 for m in middle):
        return None
    size = sorted(len(m) for m in middle)[len(middle) // 2]
    head = text[a : marks[0]]
    shared = len(middle) >= 2  # one middle member shows no affix the members share (党员大会 ≠ …会)
    # …but a whole clause start before the one middle member is an exact member too: 不该吃的不吃、不该拿的不拿、
    # 不该去的地方坚决不去 shows the affix 不该, so the last member's end is not guessed (不该去的地方)
    whole = len(middle) == 1 and HAN_RE.match(head) and _near(len(head), len(middle[0]))
    shown = [head, *middle] if whole else middle
    shared = shared or len(shown) == 2
    prefix = _common_start(shown) if shared else ""
    suffix = _common_start([m[::-1] for m in shown])[::-1] if shared else ""
    # members sharing an affix show where an end is only by that affix: no guess at either end
    first = _first(head, size, prefix, guess=not (prefix or suffix))
    last = _last(tail, size, suffix, guess=not (prefix or suffix))
    frame = framed(head, tail)  # 从A、B、C中: both ends shown, whatever the members' lengths
    if frame is not None:
        first, last = frame
    elif not (prefix or suffix):  # 修剪、施肥、防治病虫害: a verb's object stays with it
        first, last = with_objects(head, first, tail, last, middle, _AFTER)
    if (first is None or last is None) and shared and (prefix or suffix) and len(set(middle)) == len(middle):
        start = marks[0] + 1  # the ends are unclear, the members between two 、 are exact
        return Listing(s, tuple(middle), start, start + len("、".join(middle)), False, start, sure=False)
    if first is None or last is None:
        return None
    first, end = without_lead(first, middle), without_verb(last[0], middle)
    first = ungoverned(first, [*middle, end])
    if not last[1]:
        end = through_de(tail, end, middle)
    before = head[: len(head) - len(first)]
    if before and not first.startswith(before[-1]) and all(m.startswith(before[-1]) for m in [*middle, end]):
        first = before[-1] + first  # 做到在党言党、在党忧党、在党为党: 在 starts every member, the first too
    elif before and first[:1] != first[1:2] and all(len(m) > 1 and m[1] == first[0] for m in [*middle, end]):
        first = before[-1] + first  # 对党忠诚、听党指挥、为党尽责: every member is X党Y, the first too
    members = (first, *middle, end)
    if len(set(members)) != len(members):
        return None
    open_ = last[1] and not _counted(text[tail_at + len(end) :], len(members))
    return Listing(s, members, marks[0] - len(first), tail_at + len(end), open_, marks[0] + 1)


#: 等 followed by a count (等四个部分, 等3项): the members it counts.
_COUNT_RE = re.compile(r"^等([一二两三四五六七八九十]{1,3}|\d{1,2})(?:个|项|类|种|条|件|位|大|方面|部分)")


def _counted(after: str, size: int) -> bool:
    """Whether ``after`` (the text after a list) opens with 等 and a count of exactly ``size``: then the
    list is closed, 等 only ends it (数据收集、数据储存、数据分析、数据应用等四个部分)."""
    match = _COUNT_RE.match(after)
    if not match:
        return False
    count = int(match[1]) if match[1].isdigit() else cn_to_int(match[1])
    return count == size


#: Longest middle member of a list of three written ``A、B和C``.
MAX_PAIR_MEMBER = 6
#: Words that join the last member of a list (``A、B和C``).
_CONJUNCTIONS = ("以及", "和", "及", "与")


def _conjunction(tail: str, middle: list[str]) -> tuple[int, int] | None:
    """Where a conjunction in ``tail`` ends the next-to-last member: (its start, the start of the
    last member), when that member is as long as the others (or when there are no others) and the
    conjunction is a word of its own (jieba), not part of one such as 及时."""
    bounds = word_bounds(tail)
    for word in _CONJUNCTIONS:
        at = tail.find(word)
        if at < 2 or not HAN_RE.match(tail[:at]):
            continue
        if not {at, at + len(word)} <= bounds:
            continue  # 及 inside a word is no conjunction: 倾向性问题及时提醒纠正
        if not middle or any(_near(at, len(m)) for m in middle):
            return at, at + len(word)
    return None


def _pair_before(head: str, word: str) -> bool:
    """Whether ``head`` (the clause before the one 、 of 'A、B和C') holds the conjunction ``word`` as a
    word of its own with no 的 after it: then 、 joins two phrases of the same shape (X和Y…、Z和W…);
    after a 的 the list starts anew (制度创新和政策驱动的一致性、协同性和互动性)."""
    bounds = word_bounds(head)
    return any({i, i + len(word)} <= bounds and "的" not in head[i:] for i in _all(head, word))


def _common_start(texts: list[str]) -> str:
    """The longest start all ``texts`` share (``""`` if none)."""
    first = texts[0]
    n = 0
    while n < len(first) and all(len(t) > n and t[n] == first[n] for t in texts):
        n += 1
    return first[:n]


def _all(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _near(length: int, size: int) -> bool:
    return abs(length - size) <= (1 if size <= 4 else 2) and length >= 2


def _first(head: str, size: int, prefix: str, *, guess: bool = True) -> str | None:
    """The first member, cut from the text before the first 、, or None if unclear: after an affix
    the members share, else after a verb or particle (:data:`_BEFORE`) or at a word boundary
    (jieba) leaving a member as long as the others, nearest first.

    Without ``guess`` (the members share an ending, so where the first one starts is not shown by
    its length: 宣传党的路线方针政策下基层、调查研究下基层 …) only the clause's start or a verb of
    :data:`_BEFORE` that leaves a member within one character of the others may cut it."""
    for n in range(len(prefix), 0, -1):  # an affix the members share: 数据收集、数据储存 …
        if prefix[:n] in head and _near(len(head) - head.rfind(prefix[:n]), size):
            return head[head.rfind(prefix[:n]) :]
    if not guess:
        return _pick_sure([head, *(head[i + len(w) :] for w in _VERBS for i in _all(head, w))], size)
    bounds = word_bounds(head)  # a marker inside a word is none: 落实走访慰问 is not 走 + 访慰问
    marked = [head[i + len(w) :] for w in _BEFORE for i in _all(head, w) if i + len(w) in bounds]
    bounded = [head[c:] for c in bounds]
    return _pick([*marked, head], bounded, size)


def _last(tail: str, size: int, suffix: str, *, guess: bool = True) -> tuple[str, bool] | None:
    """The last member and whether 等 closes the list, or None if unclear (the rules of :func:`_first`,
    mirrored: before 等, the clause's end, an affix the members share, a particle, a word boundary;
    without ``guess``, as the members share a start, only these and a word of :data:`_AFTER` leaving
    a member within one character of the others: 宜业、宜居、宜乐、宜游的)."""
    if "等" in tail and HAN_RE.match(tail[: tail.index("等")]):
        at = tail.index("等")  # 等 on its own (not 平等) closes the member, however long: 村民代表会议等
        if _near(at, size) or (2 <= at <= 12 and {at, at + 1} <= word_bounds(tail)):
            return tail[:at], True
    if _near(len(tail), size) and HAN_RE.match(tail):
        return tail, False
    for n in range(len(suffix), 0, -1):
        at = tail.find(suffix[-n:])
        if at >= 0 and _near(at + n, size):
            return tail[: at + n], False
    if not guess:
        best = _pick_sure([tail[:i] for w in _AFTER for i in _all(tail, w)], size)
        return (best, False) if best else None
    marked = [tail[:i] for w in _AFTER for i in _all(tail, w)]
    bounded = [tail[:c] for c in word_bounds(tail)]
    best = _pick(marked, bounded, size)
    return (best, False) if best else None


#: Words of :data:`_BEFORE` that end a verb phrase (not a particle inside a noun phrase: 党的路线…).
_VERBS = (*(w for w in _BEFORE if len(w) >= 2 or w in "是有将把出"), "优化", "构建", "深化", "强化")


def _pick_sure(cuts: list[str], size: int) -> str | None:
    """The cut nearest ``size`` among ``cuts`` that are within one character of it (None if none)."""
    fit = [
        p
        for p in cuts
        if HAN_RE.match(p) and _whole_quotes(p) and abs(_size(p) - size) <= 1 and len(p) >= 2
        if p[0] not in _NOT_FIRST and p[-1] not in _NOT_LAST
    ]
    return min(fit, key=lambda p: abs(_size(p) - size)) if fit else None


#: Characters a list member never starts, or ends, with (particles left by a wrong cut).
_NOT_FIRST, _NOT_LAST = set("了的着过是也都"), set("了的着和与及在是也都")


def _pick(marked: list[str], bounded: list[str], size: int) -> str | None:
    """A member among cuts: a marked cut of exactly ``size``, else one off by one, else a whole
    quotation (“三会一课”) that is near, else a word boundary cut of exactly ``size``, else the
    nearest marked cut that is near; lengths are counted without quotation marks."""
    fit = [
        p
        for p in marked + bounded
        if HAN_RE.match(p) and p[0] not in _NOT_FIRST and p[-1] not in _NOT_LAST and _whole_quotes(p)
    ]
    quoted = [p for p in bounded if p.startswith("“") and p.endswith("”") and p.count("“") == 1]  # a whole quotation
    for pool, slack in ((marked, 0), (marked, 1), (quoted, 2), (bounded, 0), (marked, 2)):
        found = [p for p in pool if p in fit and abs(_size(p) - size) <= slack and _near(_size(p), size)]
        if found:
            return min(found, key=lambda p: abs(_size(p) - size))
    return None


def _size(member: str) -> int:
    """A member's length without its quotation marks (“三会一课” is as long as 组织生活会)."""
    return len(member) - member.count("“") - member.count("”")


#: Options of a drafted multiple choice at most (correct members and distractors).
MAX_OPTIONS = 5


def _whole_quotes(member: str) -> bool:
    """Whether every “ in ``member`` is closed by a ” after it, and every ” opened before it (a cut
    inside a quotation gave the option 三会一课” and the stem 严格落实“（ ）)."""
    depth = 0
    for c in member:
        depth += (c == "“") - (c == "”")
        if depth < 0:
            return False
    return depth == 0


def draft_lists(sentences: list[Sentence], turn: Iterator[int]) -> list[Draft]:
    """A multiple choice per list (up to three members, one or two members of other lists as
    distractors) and a fill-in of one inner member."""
    listings = find_lists(sentences)
    out: list[Draft] = []
    for n, li in enumerate(listings):
        s, text = li.sentence, li.sentence.text
        fact = f"{s.part.id}/list-{n}"
        pool = list(  # each member once: a long or repetitive article repeats many
            dict.fromkeys(
                (other.sentence.part is s.part, m) for other in listings if other is not li for m in other.members
            )
        )
        size = sum(map(len, li.members)) / len(li.members)
        wrong: list[str] = []
        ends = {m[-1] for m in li.members}
        starts = {m[0] for m in li.members}
        before, after = text[max(0, li.start - 4) : li.start], text[li.end : li.end + 4]
        for _, m in sorted(pool, key=lambda p: _rank(p, starts, ends, size)):
            if len(wrong) >= MAX_OPTIONS - min(3, len(li.members)):
                break  # enough: the rest would be cut below (a long article has thousands of members)
            if _said_nearby(s.part.text, before, m, after):
                continue  # 坚持以（ ） + 以人民为中心: the part says 坚持以人民为中心 elsewhere
            taken = [*li.members, *wrong]
            if m not in text and not any(same(m, w) for w in wrong) and not any(m in x or x in m for x in taken):
                wrong.append(m)
        correct = list(li.members[:3]) if len(li.members) <= 4 else [li.members[0], li.members[2], li.members[-1]]
        wrong = wrong[: MAX_OPTIONS - len(correct)] if len(wrong) >= 2 else wrong
        # a list without its ends gives only the fill-in of an exact member; an open one (…等) too: a
        # distractor may be one of the members its 等 leaves out (解决（ ）等民生问题 offered 环境整治)
        if wrong and li.sure and not li.open:
            options, answer = place(correct, wrong, next(turn))
            stem = lead(s.part) + tidy(_clause_window(text, li.start, li.end, "（ ）"))
            out.append(
                Draft(s.part.id, "multiple", stem, answer, cite(s.part, text), text, "lists", options, ("列举",), fact)
            )
        elif wrong:
            next(turn)  # the multiple left out still takes its turn: the other drafts' keys stay where they were
        second = li.members[1] if li.sure else li.members[0]
        a, b = window(text, li.start, li.end)
        stem = lead(s.part) + tidy(f"{text[a : li.second]}____{text[li.second + len(second) : b]}", end="。")
        out.append(
            Draft(s.part.id, "fill_blank", stem, (second,), cite(s.part, text), text, "lists",
                  tags=("列举",), fact=f"{fact}-fill")
        )  # fmt: skip
    return out


def _rank(p: tuple[bool, str], starts: set[str], ends: set[str], size: float) -> tuple[int, bool, float]:
    """How good a distractor ``p`` (same part?, text) is: alike in shape first (same first, else last
    character: 以…为…, …性), other parts before this one, then nearest in length."""
    same_part, text = p
    return (text[0] not in starts) * 2 + (text[-1] not in ends), same_part, abs(len(text) - size)


def _said_nearby(text: str, before: str, member: str, after: str) -> bool:
    """Whether ``member`` put in the list's place reads as something ``text`` says: with the two to
    four characters before or after the list (a shared first character counted once)."""
    for k in range(2, 5):
        if before[-k:] + member in text or member + after[:k] in text:
            return True
        if before and member[0] == before[-1] and before[-k:] + member[1:] in text:
            return True
    return False


def _clause_window(text: str, start: int, end: int, middle: str) -> str:
    """The clauses around ``text[start:end]`` with it replaced by ``middle``."""
    a, b = window(text, start, end)
    return f"{text[a:start]}{middle}{text[end:b]}"

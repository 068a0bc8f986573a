"""Parallel clauses → multiple choice: ``…,还需修补…,增强…,实现…`` and ``…;…;…`` lists.

A run of three or more clauses of one sentence that each open with a verb of action
(修补, 增强, 实现, 提升 …), or the segments of a sentence joined by ；, are members of one
list: the item asks which of them the passage names, with clauses of the article's other
such lists as distractors.  The text before the run (the sentence before it when that is
all there is) is the stem's context; the source is that verbatim text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Draft, place
from .text import Sentence, cite, depth_map, lead, tidy

#: Verbs that open a clause of a parallel list of tasks (the usual verbs of party documents).
VERBS = (
    "修补", "增强", "实现", "提升", "加强", "推进", "健全", "完善", "坚持", "深化", "建立", "推动", "发挥", "强化",
    "夯实", "开展", "提高", "构建", "优化", "打造", "扩大", "落实", "防范", "化解", "压实", "筑牢", "织牢", "创新",
    "加快", "统筹", "引导", "培育", "建强", "壮大", "实行", "全面推行", "着力", "加大",
)  # fmt: skip
#: Words that introduce a ；-list and are not part of its first member.
_LEAD_INS = re.compile(r"^(?:主要)?(?:体现在|表现在|包括|有(?!的)|是|即|就是|要|一是)")  # 有的同志… keeps 有
#: A point's marker opening a ；-segment after the first (二是, 第二, 其次, （2）, ②).
_POINT_RE = re.compile(
    r"^(?:[二三四五六七八九十](?:是|[要靠抓讲看查比学])|[第其][二三四五六七八九十]|其次|再次|最后|另一方面|[（(][2-9２-９][）)]|[②-⑩])"
)
_MEMBER_RE = re.compile(r"^[\u4e00-\u9fff“”]{4,20}$")
#: Adverbs before a clause's verb (还需修补…), left in the context, not in the member.
_ADVERB_RE = re.compile(r"^(?:还需|还要|就要|需要|必须|应当|要|需|应|着力|积极|大力|全力|不断|进一步)")


@dataclass(frozen=True)
class ClauseList:
    """A list of parallel clauses: its sentence(s) ``source``, ``context`` and ``members``."""

    part_id: str
    source: str
    context: str
    members: tuple[str, ...]
    sentence: Sentence


def _pieces(text: str, marks: str) -> list[tuple[int, int]]:
    depth = depth_map(text)
    spans, start = [], 0
    for i, c in enumerate(text):
        if depth[i] == 0 and c in marks:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text.rstrip("。！？!?"))))
    return spans


def find_clause_lists(sentences: list[Sentence]) -> list[ClauseList]:
    """Every verb-led run of three or more clauses, and every ；-list of three or more segments."""
    found: list[ClauseList] = []
    for n, s in enumerate(sentences):
        text = s.text
        segments = _pieces(text, "；;")
        if len(segments) >= 3:
            firsts = [_pieces(text[a:b], "，,")[0] for a, b in segments]
            members = [text[a + x : a + y] for (a, _), (x, y) in zip(segments, firsts, strict=True)]
            head = _LEAD_INS.match(members[0])
            members[0] = members[0][head.end() :] if head else members[0]
            if any(_POINT_RE.match(m) for m in members[1:]):
                continue  # 一是…；二是…；三是…: numbered points, which the points rule asks in order
            if all(_MEMBER_RE.match(m) for m in members):
                context = text[: segments[0][0] + (head.end() if head else 0)]
                found.append(_with_context(sentences, n, s, context, members))
            continue
        spans = _pieces(text, "，,")
        run: list[tuple[int, int]] = []
        for a, b in [*spans, (len(text), len(text))]:
            adverb = _ADVERB_RE.match(text[a:b])
            if adverb:  # 还需修补…: a new run starts here; the adverb stays in the context
                _flush(found, sentences, n, s, run)
                run = []
                a += adverb.end()
            piece = text[a:b]
            if _MEMBER_RE.match(piece) and piece.startswith(VERBS):
                run.append((a, b))
                continue
            _flush(found, sentences, n, s, run)
            run = []
    return found


def _flush(found: list[ClauseList], sentences: list[Sentence], n: int, s: Sentence, run: list[tuple[int, int]]) -> None:
    """Record ``run`` (clause spans of sentence ``s``) as a list if it has three members or more."""
    if len(run) >= 3:
        found.append(_with_context(sentences, n, s, s.text[: run[0][0]], [s.text[x:y] for x, y in run]))


def _with_context(sentences: list[Sentence], n: int, s: Sentence, context: str, members: list[str]) -> ClauseList:
    """The list with its context; where the sentence holds none, the sentence before it joins the source."""
    source = s.text
    if len(tidy(context)) < 4 and n > 0 and sentences[n - 1].part is s.part:
        previous = sentences[n - 1].text
        joined = previous + s.text
        if joined in s.part.text:
            source, context = joined, previous.rstrip("。") + "，" + context
    return ClauseList(s.part.id, source, context, tuple(members), s)


def draft_clauses(sentences: list[Sentence], turn: Iterator[int]) -> list[Draft]:
    """A multiple choice per list: up to three members, and members of other lists as distractors."""
    lists = find_clause_lists(sentences)
    out: list[Draft] = []
    for k, li in enumerate(lists):
        if len(tidy(li.context)) < 2:
            continue  # nothing says what the clauses are a list of
        verbs = {x[:2] for x in li.members}
        pool = [
            (other.part_id == li.part_id, m[:2] not in verbs, abs(len(m) - len(li.members[0])), m)
            for other in lists
            if other.source != li.source
            for m in other.members
        ]
        pool.sort()  # members of other parts first: the same speaker may say the distractor elsewhere
        wrong = [m for *_, m in pool if m not in li.source][:2]
        if not wrong:
            continue
        correct = list(li.members[:3])
        options, answer = place(correct, wrong, next(turn))
        part = li.sentence.part
        context = li.context.rstrip()
        stem = lead(part) + tidy(context) + ("，" if context[-1:] in "，,；;：:" else "") + "（ ）"
        out.append(
            Draft(part.id, "multiple", stem, answer, cite(part, li.source), li.source, "clauses", options,
                  ("列举",), f"{part.id}/clauses-{k}")
        )  # fmt: skip
    return out

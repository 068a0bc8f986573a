"""Which items must not share a paper because one would give the other away.

Two items *conflict* when

1. they name the same ``fact`` (e.g. a curated "任剑涛's speech is titled …" and the
   derived "“大都市是省域治理重要落点” was given by …"); or
2. their sources touch the same sentence of the same material file — the
   derived "who said “…”?" item quotes a sentence that another item asks about,
   and two items built on one sentence tend to answer each other (a speech's
   heading and byline lines do not count: rule 1 covers the items about them); or
3. the key of one (its correct option texts, or its blank's text), at least
   :data:`MIN_KEY_CHARS` characters long once whitespace is removed, is printed
   in the other's stem or among its correct options.  Speakers' names do not
   count here: stems name the speaker ("任剑涛认为…") by design; rule 4 covers them.
4. the key of one is a speaker's name (who gave the speech titled …, whose post
   is …, who said “…”) and the other's stem prints that name ("张艳国认为，大数据
   助推智慧社区建设…" answers "本版发言“把大数据融入智慧社区建设”的发言者是"), or both
   keys are the same speaker (two "who" items about one person on one paper are
   trivia, not the speech).

Sentences are the material's text split after 。！？；; !? and at line breaks.
Whitespace is ignored throughout, as for ``source`` matching in ``studykit check``.
Rule 1 is strict; :mod:`studykit.quiz` relaxes rules 2–4 only when the bank
cannot otherwise fill the paper.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from .bank import squash
from .model import Bank, Question

#: A key shorter than this (e.g. "6", "十九大") is too common to count as given away.
MIN_KEY_CHARS = 3

_SENTENCE_END = re.compile(r"(?<=[。！？；;!?])|\n")


class ConflictIndex:
    """Precomputed sentence spans and key texts for a pool of items of one bank."""

    def __init__(self, bank: Bank, pool: Iterable[Question]) -> None:
        starts: dict[str, tuple[list[int], str]] = {}
        # each speech's sentences by their squashed text -> index of the first one with that text
        by_text: dict[str, dict[str, int]] = {}
        structural: set[tuple[str, int]] = set()  # heading and byline sentences
        for s in bank.speeches:
            offsets: list[int] = []
            pieces: list[str] = []
            length = 0
            lines = {squash(s.heading), squash(s.speaker + s.position)}
            texts: dict[str, int] = {}
            for part in _SENTENCE_END.split(s.text):
                piece = squash(part)
                if piece:
                    if piece in lines:
                        structural.add((s.id, len(offsets)))
                    texts.setdefault(piece, len(offsets))
                    offsets.append(length)
                    pieces.append(piece)
                    length += len(piece)
            starts[s.id] = (offsets, "".join(pieces))
            by_text[s.id] = texts
        names = {squash(s.speaker) for s in bank.speeches if s.speaker}
        self.sentences: dict[str, frozenset[tuple[str, int]]] = {}
        self.keys: dict[str, tuple[str, ...]] = {}
        self.shown: dict[str, str] = {}
        self.speakers: dict[str, frozenset[str]] = {}  # the speakers' names among an item's keys
        self.stems: dict[str, str] = {}
        for q in pool:
            offsets, flat = starts.get(q.speech, ([], ""))
            src = squash(q.source)
            # A source that is one whole sentence (the common case) is looked up by its text, so the
            # index costs O(items), not O(items × speech length); a fragment is searched for.
            whole = by_text.get(q.speech, {}).get(src)
            at = offsets[whole] if whole is not None else (flat.find(src) if src else -1)
            if at < 0:
                self.sentences[q.id] = frozenset()
            else:
                first = bisect_right(offsets, at) - 1
                last = bisect_right(offsets, at + len(src) - 1) - 1
                spans = {(q.speech, n) for n in range(first, last + 1)}
                self.sentences[q.id] = frozenset(spans - structural)
            if q.type == "fill_blank":
                keys = tuple(squash(a) for a in q.answer)
            elif q.is_choice:
                keys = tuple(squash(o) for o in q.correct_options)
            else:
                keys = ()
            self.keys[q.id] = tuple(k for k in keys if len(k) >= MIN_KEY_CHARS and k not in names)
            self.speakers[q.id] = frozenset(k for k in keys if k in names)
            self.stems[q.id] = squash(q.stem)
            self.shown[q.id] = self.stems[q.id] + "\0" + "\0".join(squash(o) for o in q.correct_options)

    def conflict(self, a: Question, b: Question, *, strict: bool = True) -> bool:
        """Whether ``a`` and ``b`` must not share a paper (rules 1–4; only rule 1 unless ``strict``)."""
        if a.fact and a.fact == b.fact:
            return True
        if not strict:
            return False
        if self.sentences[a.id] & self.sentences[b.id]:
            return True
        if any(k in self.shown[b.id] for k in self.keys[a.id]) or any(k in self.shown[a.id] for k in self.keys[b.id]):
            return True
        who_a, who_b = self.speakers[a.id], self.speakers[b.id]
        return bool(
            who_a & who_b
            or any(name in self.stems[b.id] for name in who_a)
            or any(name in self.stems[a.id] for name in who_b)
        )

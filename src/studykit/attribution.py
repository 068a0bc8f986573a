"""Attribution questions derived from the ``speeches`` records.

For each speech that has a speaker, three single-choice items are made, with
distractors drawn from the *other* speeches:

* ``attr-<speech>-heading``: whose speech is titled “<heading>”? (options: speakers;
  fact ``<speech>/heading``)
* ``attr-<speech>-position``: what post does <speaker> hold? (options: posts; fact
  ``<speech>/position``)
* ``attr-<speech>-quote``: who said “<excerpt>”? (哪位专家, or 哪位代表 / 委员 / 书记 / 同志 on a page
  of deputies or members: :func:`speaker_word`; options: speakers) — the excerpt is
  the longest ``source`` (at most :data:`MAX_QUOTE` characters) among the speech's
  curated questions, so it is verbatim text a person chose, that :func:`quotable`
  allows: it starts a sentence of the speech, holds no part of the speech's heading
  (which would answer the question) and cites no one else (a sentence with
  :data:`CITING` words such as 指出/强调, or a 《document》, is someone else's words).

Everything is deterministic: distractors are drawn with ``random.Random`` seeded by
``"<bank id>/<question id>"`` (string seeds are hashed with SHA-512, stable across
runs and platforms), and the key's position rotates with the speech's order so
the letters spread evenly.  Ids are stable as long as the speech ids are.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from .model import LETTERS, Question, Speech, quoted

MAX_OPTIONS = 4
MAX_QUOTE = 80
PREFIX = "attr-"
#: Words that make a sentence a citation of someone else's words (a document, a leader).
CITING = ("指出", "强调", "提出", "《")
#: What may precede a quote's first character in its material (white space aside): a sentence end,
#: a line break or the start of the text.
_SENTENCE_ENDS = "。！？；;!?"
_WS_RE = re.compile(r"\s+")
#: A run of this many characters of a heading counts as printing it (“是国家治理在地方的延伸”).
MIN_HEADING_RUN = 5


#: Layout spaces between two Chinese characters of a name (王　刚: a two-character name padded
#: to the width of three).
_PADDING_RE = re.compile(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])")


def display_name(speaker: str) -> str:
    """``speaker`` as a stem or option names them: without the spaces a page pads a two-character
    name with (``王　刚`` → ``王刚``); a name in Latin letters keeps its spaces."""
    return _PADDING_RE.sub("", speaker)


def quotable(source: str, speech: Speech) -> bool:
    """Whether ``source`` may be quoted in ``speech``'s "who said this?" item.

    True when it starts a sentence of ``speech.text`` (the text before it, whitespace
    aside, ends in 。！？； or a line break), holds no run of :data:`MIN_HEADING_RUN`
    characters of the speech's heading, and contains none of :data:`CITING`.
    """
    text = source.strip()
    if not text or any(word in text for word in CITING):
        return False
    flat, heading = _WS_RE.sub("", text), _WS_RE.sub("", speech.heading)
    if any(heading[i : i + MIN_HEADING_RUN] in flat for i in range(len(heading) - MIN_HEADING_RUN + 1)):
        return False
    at = speech.text.find(text)
    if at < 0:
        return False
    # look back from the quote over white space only (a search of the whole text before it made
    # deriving the quote items quadratic in a speech's length)
    whole, i = speech.text, at - 1
    while i >= 0 and whole[i].isspace():
        if whole[i] == "\n":
            return True
        i -= 1
    return i < 0 or whole[i] in _SENTENCE_ENDS


def derive_attribution_questions(
    bank_id: str, speeches: Sequence[Speech], curated: Sequence[Question]
) -> list[Question]:
    """The derived items for ``speeches``, in speech order (heading, position, quote).

    Needs at least two speeches with speakers (else returns ``[]``); each item
    has ``min(4, number of speakers)`` options.  The items of a speech whose every question is
    still marked ``draft: true`` (a speech as ``studykit draft`` left it, nobody has reviewed any
    of it) are drafts too: its speaker, post and heading came from the same machine split and
    wait for the same review.  Accepting any question of the speech accepts them.
    """
    speakers = [s for s in speeches if s.speaker]
    if len(speakers) < 2:
        return []
    reviewed = {q.speech for q in curated if not q.draft}
    pending = {q.speech for q in curated if q.draft} - reviewed
    result: list[Question] = []
    who = speaker_word(speakers)
    for ordinal, s in enumerate(speakers):
        others = [o for o in speakers if o.id != s.id]
        line = f"{s.speaker} {s.position}"  # the byline as printed: the items' source
        name, names = display_name(s.speaker), [display_name(o.speaker) for o in others]
        result.append(
            _make(
                bank_id, f"{PREFIX}{s.id}-heading", s, ordinal,
                draft=s.id in pending,
                stem=f"本版发言“{s.heading}”的发言者是（ ）",
                correct=name,
                pool=names,
                explanation=f"“{s.heading}”是{s.position}{name}的发言。",
                source=f"{s.heading}\n\n{line}",
                tags=("归属", "发言标题"),
                difficulty=1,
                fact=f"{s.id}/heading",
            )
        )  # fmt: skip
        result.append(
            _make(
                bank_id, f"{PREFIX}{s.id}-position", s, ordinal + 1,
                draft=s.id in pending,
                stem=f"本版署名中，{name}的身份是（ ）",
                correct=s.position,
                pool=[o.position for o in others],
                explanation=f"本版署名为“{line}”，发言题为“{s.heading}”。",
                source=line,
                tags=("归属", "职务"),
                difficulty=1,
                fact=f"{s.id}/position",
            )
        )  # fmt: skip
        quotes = [
            q.source for q in curated if q.speech == s.id and len(q.source) <= MAX_QUOTE and quotable(q.source, s)
        ]
        if quotes:
            quote = max(quotes, key=len)  # first of the longest: stable in file order
            result.append(
                _make(
                    bank_id, f"{PREFIX}{s.id}-quote", s, ordinal + 2,
                draft=s.id in pending,
                    stem=f"{quoted(quote)}出自哪位{who}的发言（ ）",
                    correct=name,
                    pool=names,
                    explanation=f"这句话出自{s.position}{name}的发言“{s.heading}”。",
                    source=quote,
                    tags=("归属", "原文出处"),
                    difficulty=2,
                )
            )  # fmt: skip
    return result


def _make(
    bank_id: str,
    qid: str,
    speech: Speech,
    rotation: int,
    *,
    stem: str,
    correct: str,
    pool: list[str],
    explanation: str,
    source: str,
    tags: tuple[str, ...],
    difficulty: int,
    fact: str = "",
    draft: bool = False,
) -> Question:
    rng = random.Random(f"{bank_id}/{qid}")
    candidates = sorted({p for p in pool if p != correct})
    distractors = rng.sample(candidates, min(MAX_OPTIONS - 1, len(candidates)))
    key_at = rotation % (len(distractors) + 1)
    options = [*distractors[:key_at], correct, *distractors[key_at:]]
    return Question(
        id=qid,
        speech=speech.id,
        type="single",
        stem=stem,
        answer=(LETTERS[key_at],),
        explanation=explanation,
        source=source,
        options=tuple(options),
        tags=tags,
        difficulty=difficulty,
        derived=True,
        fact=fact,
        draft=draft,
    )


#: What a page's speakers are called when every post names it (代表之声, 委员履职谈, 书记谈党建).
SPEAKER_WORDS = ("代表", "委员", "书记")
#: Posts that make a speaker an expert (专家发言摘编).
EXPERT_POSTS = ("教授", "研究员", "学者", "专家")


def speaker_word(speakers: Sequence[Speech]) -> str:
    """``代表`` when every speaker's post holds 代表 (省人大代表、…), ``委员`` when every one holds
    委员, ``书记`` when every one holds 书记 (a page of branch and township secretaries); else
    ``专家`` when at least half the posts are an expert's (an expert symposium's page, a 副厅长
    among its professors), and ``同志`` otherwise (a page of cadres is not one of experts)."""
    for word in SPEAKER_WORDS:
        if speakers and all(word in s.position for s in speakers):
            return word
    experts = sum(any(post in s.position for post in EXPERT_POSTS) for s in speakers)
    return "专家" if 2 * experts >= len(speakers) else "同志"

"""Drafts whose words stand for someone the stem does not name, which are left undrafted.

A news report names a person once and goes on with a pronoun: ``镇党委书记李红梅作动员讲话。她要求，
全镇党员要做到…``.  Drafted as ``《…》一文指出，她要求，…`` the stem leaves 她 pointing at nobody, so an item
whose stem or option has 他/她/他们/她们 as a clause's subject is not drafted (the name is seldom in the
same clause, and a guess at it would not be the article's words).

A speaker quoted inside an article, ``陈建国在会上说：“…我们要做好三件事：一是…”``, speaks of
themself; a points stem ``《…》一文在谈到“我们要做好三件事”时`` would put their 我们 in the article's
mouth, so such a stem names the speaker by the words before 说 (``《…》一文中，村党支部书记陈建国在会上
谈到“我们要做好三件事”时``: :func:`as_speakers`), and one that cannot is not drafted (an article's own
``我们重点抓好三件事：…`` and a speech's ``李明在谈到“我谈两点认识”时`` stay as they are).

A count asked before the points it counts, ``要做到（ ）带头：一是…，二是…，三是…``, is answered by its own
stem: such a number item (and its statement, which shares its fact) is not drafted either
(:func:`shows_its_count`).
"""

from __future__ import annotations

import dataclasses
import re

from ..split import Part
from .model import Draft
from .text import who

#: 他/她/他们/她们 opening a clause (or a quotation): its subject.  他人, 他乡, 她们 … as words of
#: their own (他人 is “others”) are not a pronoun pointing back.
_PRONOUN_RE = re.compile(r"(?:^|[，,；;：:。！？!?“‘（(、])\s*[他她](?:们)?(?![人乡国山])")
#: A stem quoting its topic: ``在谈到“…”时``.
_TOPIC_RE = re.compile("在谈到“([^”]*)”时")
#: 我 or 我们 (not 我国, 我省, 我党 …: an institution's name).
_ME_RE = re.compile(r"(?<![自忘敌本])我(?![国省市县区党军校院州])")
#: A quotation opened and not closed before the topic: the topic is someone's words.
_QUOTE_RE = re.compile("“[^”]*$")


#: The clause saying who speaks, just before the quotation: ``村党支部书记陈建国在会上说：`` (``…说，`` where a
#: quotation resumes after it: “…。”镇党委书记陈晓峰说，“我们要求…”).
_SAYS_RE = re.compile(r"([^，,。；;：:“”]{2,30}?)(?:说|表示|指出|强调|介绍|坦言)[：:，,]$")


def as_speakers(draft: Draft, part: Part) -> Draft:
    """``draft`` with a points stem that names who says the quoted topic: ``《…》一文在谈到“我们要做好
    三件事”时`` of ``村党支部书记陈建国在会上说：“…我们要做好三件事：…”`` becomes ``《…》一文中，村党支部书记
    陈建国在会上谈到“我们要做好三件事”时``, the words before 说 verbatim (also after ``说，`` where a quotation
    resumes, and for a topic without 我们: the points are still the speaker's, not the article's).  Any other draft, or one whose
    quotation follows no such clause, is returned as it is (:func:`dangling` then leaves it out)."""
    name = who(part)
    topic = _TOPIC_RE.search(draft.stem)
    if draft.rule != "points" or part.speaker or topic is None or not draft.stem.startswith(f"{name}在谈到“"):
        return draft
    at = _quoted_at(draft.source, topic[1])
    says = _SAYS_RE.search(draft.source[: draft.source.rfind("“", 0, at)]) if at >= 0 else None
    if not says:
        return draft
    return dataclasses.replace(draft, stem=f"{name}中，{says[1]}谈到“" + draft.stem.removeprefix(f"{name}在谈到“"))


def _quoted_at(source: str, topic: str) -> int:
    """Where ``topic`` (a stem's quotation, its ‘…’ the source's “…”) stands inside a “…” of
    ``source``; -1 when it is not there or not quoted."""
    at = source.find(topic.replace("‘", "“").replace("’", "”"))
    return at if at >= 0 and _QUOTE_RE.search(source[:at]) is not None else -1


def dangling(draft: Draft, part: Part) -> bool:
    """Whether ``draft`` leaves a pronoun without its person (see the module): a stem or option with
    他/她/他们/她们 opening a clause, or a points stem of a part without a speaker quoting as its
    topic 我/我们 that its source sentence prints inside someone's “…” (``陈建国说：“…我们要做好三件事：…”``
    → ``在谈到“我们要做好三件事”时``)."""
    if any(_PRONOUN_RE.search(text) for text in (draft.stem, *draft.options)):
        return True
    topic = _TOPIC_RE.search(draft.stem)
    if draft.rule != "points" or part.speaker or topic is None or not _ME_RE.search(topic[1]):
        return False
    return _quoted_at(draft.source, topic[1]) >= 0  # said inside someone's “…”


#: Markers of enumerated points: 一是/二是, 一要/二要, 第一，/第二，, ①②, （1）（2）, （一）（二）, 首先/其次,
#: 一方面/另一方面.
_MARKER_RE = re.compile(
    r"[一二三四五六七八九十](?:是|要)"
    r"|第[一二三四五六七八九十][，,、]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]"
    r"|[（(][1-9一二三四五六七八九十][）)]"
    r"|首先|其次|再次|最后|另一方面|一方面"
)

#: The marker opening a run: the points begin after the number (二十届（ ）全会精神，二是… is inside one).
_FIRST = ("一是", "一要", "第一，", "第一,", "第一、", "①", "（1）", "(1)", "（一）", "(一)", "首先", "一方面")


def shows_its_count(draft: Draft) -> bool:
    """Whether ``draft`` is a number item whose stem prints, after its （ ）, a run of enumerated points
    from its first marker on (:data:`_MARKER_RE`, two or more): the points show the count it asks
    (``要做到（ ）带头：一是…，二是…，三是…`` with 两个/四个/五个/三个)."""
    if draft.rule != "numbers" or "（ ）" not in draft.stem:
        return False
    markers = [m.group() for m in _MARKER_RE.finditer(draft.stem.split("（ ）", 1)[1])]
    return bool(markers) and markers[0] in _FIRST and len(set(markers)) >= 2
